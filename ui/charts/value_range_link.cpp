#include "ui/charts/value_range_link.h"

#include <utility>

namespace hpa::ui {

namespace {

bool same(const CurveDecimator::Extent &a, const CurveDecimator::Extent &b)
{
    return (!a.valid() && !b.valid()) || (a.min == b.min && a.max == b.max);
}

} // namespace

ValueRangeLink::ValueRangeLink(QObject *parent) : QObject(parent) {}

void ValueRangeLink::report(const void *member, const Extent &left, const Extent &right)
{
    m_members[member] = Member{left, right};
    recompute();
}

void ValueRangeLink::leave(const void *member)
{
    if (m_members.remove(member))
        recompute();
}

void ValueRangeLink::recompute()
{
    Extent left, right;
    for (const Member &m : std::as_const(m_members)) {
        left.include(m.left);
        right.include(m.right);
    }
    if (same(left, m_left) && same(right, m_right))
        return;
    m_left = left;
    m_right = right;
    emit changed();
}

ValueRangeLink *ValueRangeLinks::link(const QString &key)
{
    ValueRangeLink *&link = m_links[key];
    if (!link)
        link = new ValueRangeLink(this);
    return link;
}

} // namespace hpa::ui

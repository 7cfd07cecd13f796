#include "ui/charts/value_range_link.h"

#include <algorithm>
#include <utility>

namespace hpa::ui {

namespace {

bool same(const CurveDecimator::Extent &a, const CurveDecimator::Extent &b)
{
    return (!a.valid() && !b.valid()) || (a.min == b.min && a.max == b.max);
}

} // namespace

ValueRangeLink::ValueRangeLink(QObject *parent) : QObject(parent) {}

void ValueRangeLink::report(const void *member, const Extent &left, const Extent &right,
                            int maxTicks)
{
    m_members[member] = Member{left, right, maxTicks};
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
    int ticks = 0;
    for (const Member &m : std::as_const(m_members)) {
        left.include(m.left);
        right.include(m.right);
        ticks = ticks == 0 ? m.maxTicks : std::min(ticks, m.maxTicks);
    }
    if (same(left, m_left) && same(right, m_right) && ticks == m_maxTicks)
        return;
    m_left = left;
    m_right = right;
    m_maxTicks = ticks;
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

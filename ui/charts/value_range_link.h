#pragma once

#include "ui/charts/curve_decimator.h"

#include <QHash>
#include <QObject>
#include <QString>

namespace hpa::ui {

/// Charts that must share their value axes: the same chart of runs A and B side by side.
/// Each member reports the extent of what it shows now (left and right axis) and how many
/// ticks its plot height holds; every member then fits its axes to the union with the fewest
/// ticks any member holds, so "waiting" of A and B are read on one scale (same range, same
/// ticks) and one run's peak cannot hide the other's target. Members are keyed by an opaque
/// pointer and must leave() before they die.
class ValueRangeLink : public QObject
{
    Q_OBJECT
public:
    using Extent = CurveDecimator::Extent;

    explicit ValueRangeLink(QObject *parent = nullptr);

    /// Stores `member`'s own extents and tick capacity; emits changed() when the union or the
    /// shared tick count moved.
    void report(const void *member, const Extent &left, const Extent &right, int maxTicks);
    void leave(const void *member);
    /// The union of every member's extents.
    Extent left() const { return m_left; }
    Extent right() const { return m_right; }
    /// The fewest ticks any member holds (0 without members).
    int maxTicks() const { return m_maxTicks; }
    int memberCount() const { return static_cast<int>(m_members.size()); }

signals:
    /// The union changed: members refit their axes (without reporting again).
    void changed();

private:
    void recompute();

    struct Member
    {
        Extent left, right;
        int maxTicks = 0;
    };
    QHash<const void *, Member> m_members;
    Extent m_left, m_right;
    int m_maxTicks = 0;
};

/// One ValueRangeLink per kind of chart (replicas with replicas, waiting with waiting...).
class ValueRangeLinks : public QObject
{
    Q_OBJECT
public:
    explicit ValueRangeLinks(QObject *parent = nullptr) : QObject(parent) {}
    /// The link for charts titled `key` (created on first use, owned by this object).
    ValueRangeLink *link(const QString &key);

private:
    QHash<QString, ValueRangeLink *> m_links;
};

} // namespace hpa::ui

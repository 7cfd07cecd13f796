#pragma once

#include "core/model/column_values.h"
#include "core/plot/series_index.h"

#include <QList>
#include <QPointF>

#include <limits>
#include <memory>
#include <vector>

namespace hpa::ui {

/// Turns the visible slice of one column into the points of one drawn line: min/max per
/// pixel column from a SeriesIndex built once, stair corners for step series, breaks at
/// sampling gaps and missing values. Only ever a few points per pixel, whatever the rows.
class CurveDecimator
{
public:
    struct Extent
    {
        double min = std::numeric_limits<double>::infinity();
        double max = -std::numeric_limits<double>::infinity();
        bool valid() const { return min <= max; }
        void include(double v);
        void include(const Extent &other);
    };

    /// The samples: absolute `time` and `values` (shared with the experiment), drawn at
    /// x = time - origin. Lines break where samples are more than `gapSeconds` apart and at
    /// missing values (NaN; with `zeroIsMissing` also values <= 0). When the first
    /// `unchangedRows` samples are those given last time (a followed run that grew) and
    /// nothing else changed, the index is extended by the new samples instead of rebuilt.
    void setData(std::shared_ptr<const core::ColumnValues> time,
                 std::shared_ptr<const core::ColumnValues> values, double origin, double gapSeconds,
                 bool step, bool zeroIsMissing = false, std::size_t unchangedRows = 0);

    /// Re-decimates for the axis range [x0, x1] drawn `pixels` wide; returns the y extent of
    /// what is visible. The points are in segments(). A followed run's new row that changes
    /// no point (it is no new extreme of its pixel column) leaves segments() as they were.
    Extent prepare(double x0, double x1, int pixels);
    /// The points of the last prepare(), one list per unbroken stretch of line.
    const QList<QList<QPointF>> &segments() const { return m_segments; }

private:
    std::shared_ptr<const core::ColumnValues> m_time;
    std::shared_ptr<const core::ColumnValues> m_values;
    double m_origin = 0;
    double m_gap = 0;
    bool m_step = false;
    /// Built once per setData (extended when the run only grew) so every zoom step costs O(pixels
    /// log n), not O(visible samples).
    core::SeriesIndex m_index;
    std::vector<core::PlotPoint> m_points; ///< of the last prepare(), in absolute time
    std::vector<core::PlotPoint> m_previous;
    core::SeriesIndex::Resume m_resume;
    /// What segments() and m_extent were made for; `valid` false after new data was set.
    struct Prepared
    {
        bool valid = false;
        double x0 = 0, x1 = 0;
        int pixels = 0;
    } m_prepared;
    Extent m_extent;
    QList<QList<QPointF>> m_segments;
};

} // namespace hpa::ui

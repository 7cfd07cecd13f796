#pragma once

#include "core/series_index.h"

#include <QList>
#include <QPen>
#include <QPointF>
#include <QString>
#include <QVector>

#include <limits>
#include <memory>
#include <vector>

class QAbstractAxis;
class QChart;
class QLineSeries;

namespace hpa::ui {

/// Keeps the QLineSeries of one logical series in step with the visible slice of its column.
/// Qt Charts cannot draw a broken line, so the series is a small pool of segments split at
/// the decimator's break points; only the first one has a legend entry. Qt only ever sees
/// the decimated points of the visible range.
class SeriesBinder
{
public:
    /// Segments beyond this are joined into the last one, to keep updates bounded.
    static constexpr int kMaxSegments = 64;

    struct Extent
    {
        double min = std::numeric_limits<double>::infinity();
        double max = -std::numeric_limits<double>::infinity();
        bool valid() const { return min <= max; }
        void include(double v);
        void include(const Extent &other);
    };

    SeriesBinder(QChart *chart, QAbstractAxis *xAxis, QAbstractAxis *yAxis, QString name);
    ~SeriesBinder();
    SeriesBinder(const SeriesBinder &) = delete;
    SeriesBinder &operator=(const SeriesBinder &) = delete;

    /// The samples: absolute `time` and `values` (shared with the experiment), drawn at
    /// x = time - origin. Lines break where samples are more than `gapSeconds` apart.
    void setData(std::shared_ptr<const std::vector<double>> time,
                 std::shared_ptr<const std::vector<double>> values, double origin,
                 double gapSeconds, bool step);
    void setPen(const QPen &pen);

    /// Re-decimates for the axis range [x0, x1] drawn `pixels` wide and returns the y extent
    /// of what is visible. The points reach Qt only with commit().
    Extent prepare(double x0, double x1, int pixels);
    /// Empties the segments. Qt Charts lays every series out again on each axis change, so a
    /// chart clears its series, sets its axes, then commits: one layout per series, not three.
    void clear();
    /// Hands the points of the last prepare() to the segments: one replace() per segment.
    void commit();

    /// The points currently drawn, all segments in order (for shading under a target).
    const QList<QPointF> &drawnPoints() const { return m_drawn; }
    QList<QLineSeries *> segments() const { return m_segments; }
    QString name() const { return m_name; }

private:
    QLineSeries *addSegment();

    QChart *m_chart;
    QAbstractAxis *m_xAxis;
    QAbstractAxis *m_yAxis;
    QString m_name;
    QPen m_pen;
    std::shared_ptr<const std::vector<double>> m_time;
    std::shared_ptr<const std::vector<double>> m_values;
    double m_origin = 0;
    double m_gap = 0;
    bool m_step = false;
    /// Built once per setData so every zoom step costs O(pixels log n), not O(visible samples).
    core::SeriesIndex m_index;
    QList<QLineSeries *> m_segments;
    QVector<int> m_segmentSizes;
    QList<QList<QPointF>> m_pending;
    QList<QPointF> m_drawn;
};

} // namespace hpa::ui

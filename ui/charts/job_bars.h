#pragma once

#include "ui/charts/chart_palette.h"
#include "ui/charts/chart_source.h"

#include <QPen>
#include <QRectF>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>
#include <utility>

class QPainter;

namespace hpa::ui {

/// One placed `vllm bench serve` job as the charts draw it.
struct JobBar
{
    double from = 0, to = 0; ///< chart x of its load span
    QString label;           ///< job name
    std::optional<double> ttftMedianMs, ttftP99Ms;
    bool operator==(const JobBar &) const = default;
};

/// The placed jobs over the charts: a Gantt strip of labelled bars on the jobs chart, and the
/// client-side TTFT median and P99 of each job as segments over its span on the latency chart
/// when the server did not collect latency (on a log scale of their own), or on the chart's
/// TTFT axis beside the server-side lines when it did. Unplaced jobs are not drawn (the Jobs dock
/// lists them with the reason).
class JobBars
{
public:
    /// Caption of the client-side latency segments.
    static QString clientCaption();

    /// The placed jobs of the primary sources (not B drawn over A), in chart x.
    static QVector<JobBar> of(const QVector<ChartSource> &sources);

    /// One lane per job from the top of `plot`; `from`/`to` is the plot's x range.
    static void paintGantt(QPainter *painter, const QRectF &plot, double from, double to,
                           const QVector<JobBar> &bars, const ChartPalette &palette);
    /// Median (solid) and P99 (dashed) TTFT segments on a log scale of their own, each
    /// labelled with its value, under the caption.
    static void paintClientLatency(QPainter *painter, const QRectF &plot, double from, double to,
                                   const QVector<JobBar> &bars, const ChartPalette &palette);
    /// The same segments on the chart's own TTFT axis (`values`: its range in ms), drawn beside
    /// the server-side lines when both were collected; each labelled with its job and value.
    static void paintClientLatencyOnAxis(QPainter *painter, const QRectF &plot, double from,
                                         double to, std::pair<double, double> values,
                                         const QVector<JobBar> &bars, const ChartPalette &palette);
    /// The legend's names of the two kinds of segment ("client TTFT median, client-side, per
    /// job (vllm bench)" and the P99's) and their pens, in the colour of job `0`.
    static QString medianLegendName();
    static QString p99LegendName();
    static QPen segmentPen(const ChartPalette &palette, int job, bool p99);

private:
    /// Each job's median and P99 segments at y(value), labelled "job <prefix>median N ms".
    static void paintSegments(QPainter *painter, const QRectF &plot, double from, double to,
                              const QVector<JobBar> &bars, const ChartPalette &palette,
                              const QString &prefix, const std::function<double(double)> &y);
};

} // namespace hpa::ui

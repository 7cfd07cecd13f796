#pragma once

#include "ui/charts/chart_palette.h"
#include "ui/charts/chart_source.h"

#include <QRectF>
#include <QString>
#include <QVector>

#include <optional>

class QPainter;

namespace hpa::ui {

/// One placed `vllm bench serve` job as the charts draw it.
struct JobBar
{
    double from = 0, to = 0; ///< chart x of its load span
    QString label;           ///< job name
    std::optional<double> ttftMedianMs, ttftP99Ms;
};

/// The placed jobs over the charts: a Gantt strip of labelled bars on the jobs chart, and the
/// client-side TTFT median and P99 of each job as segments over its span on the latency chart
/// when the server did not collect latency. Unplaced jobs are not drawn (the Jobs dock lists
/// them with the reason).
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
};

} // namespace hpa::ui

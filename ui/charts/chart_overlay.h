#pragma once

#include "ui/charts/chart_palette.h"
#include "ui/charts/episode_waterfall.h"
#include "ui/charts/event_markers.h"
#include "ui/charts/job_bars.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QStringList>

#include <optional>
#include <span>

class QPainter;

namespace hpa::ui {

/// What is drawn over a chart's plot area: event markers, the selected-event highlight, the
/// shared cursor, the zoom band, the "not collected" message and the cursor readout.
struct OverlayState
{
    QRectF plot;                           ///< plot area in scene coordinates
    double from = 0, to = 1;               ///< x range of the plot area
    const EventMarkers *markers = nullptr; ///< decimated to the device pixels when painted
    bool secondaryMarkers = true;          ///< false: the comparison run's markers are hidden
    std::optional<double> cursor;
    std::optional<double> highlight;
    std::optional<std::pair<double, double>> span; ///< x range of the selected job, shaded
    const QVector<JobBar> *gantt = nullptr;        ///< placed jobs as a Gantt strip
    /// Placed jobs' client TTFT segments (the latency chart when the server collected none).
    const QVector<JobBar> *clientLatency = nullptr;
    /// The same segments on the chart's left TTFT axis (this value range), beside the
    /// server-side lines, when the server collected latency too.
    std::optional<std::pair<double, double>> clientAxis;
    std::optional<std::pair<double, double>> band; ///< scene x of the zoom band's ends
    const EpisodeWaterfall *waterfall = nullptr;   ///< the selected scale-up episode
    /// Flagged outliers above the value axis, (axis x, value): a tick at the top edge and the
    /// value, so the point is there without squashing the rest of the line.
    QList<QPointF> clipped;
    QString message;
    QStringList readout; ///< tooltip lines; empty: no tooltip
    QRectF bounds;       ///< where the tooltip must fit (the visible scene)
};

class ChartOverlay
{
public:
    /// Scene x of axis position `x`.
    static double toScene(const OverlayState &state, double x);
    static void paint(QPainter *painter, const OverlayState &state, const ChartPalette &palette);

private:
    static void paintEvents(QPainter *painter, const OverlayState &state,
                            const ChartPalette &palette);
    /// One look's markers as a stroked line (and flag) each: paper and unusual transforms.
    /// `span`: scene y the lines run between.
    static void paintMarkerLines(QPainter *painter, const OverlayState &state,
                                 const ChartPalette &palette, std::span<const EventMarker> markers,
                                 std::pair<double, double> span, bool flags);
    /// One look's markers on screen, as filled runs of adjacent pixel columns.
    static void paintMarkerRuns(QPainter *painter, const OverlayState &state,
                                const ChartPalette &palette, std::span<const EventMarker> markers,
                                std::pair<double, double> span, bool flags);
    static void paintClipped(QPainter *painter, const OverlayState &state,
                             const ChartPalette &palette);
    static void paintMessage(QPainter *painter, const OverlayState &state,
                             const ChartPalette &palette);
    static void paintReadout(QPainter *painter, const OverlayState &state,
                             const ChartPalette &palette);
};

} // namespace hpa::ui

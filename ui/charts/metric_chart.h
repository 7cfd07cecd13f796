#pragma once

#include "core/model/waiting_unit.h"
#include "core/plot/value_readout.h"
#include "ui/charts/axis_layer.h"
#include "ui/charts/chart_legend.h"
#include "ui/charts/chart_palette.h"
#include "ui/charts/chart_spec.h"
#include "ui/charts/curve_decimator.h"
#include "ui/charts/curve_layer.h"
#include "ui/charts/job_bars.h"

#include <QChart>

#include <array>
#include <memory>
#include <vector>

namespace hpa::ui {

class DemandCurve;
class DemandLayer;
class ValueRangeLink;

/// One chart of the stack: the series of its spec for every source, a time axis built from
/// core TimeTicks and value axes fitted to what is visible. Qt Charts only draws the title and
/// background: axes, lines and legend are our own items (AxisLayer, CurveLayer, ChartLegend),
/// so a zoom step costs what its pixels cost.
class MetricChart : public QChart
{
    Q_OBJECT
public:
    explicit MetricChart(ChartSpec spec, QGraphicsItem *parent = nullptr);
    ~MetricChart() override;

    const ChartSpec &spec() const { return m_spec; }
    const QVector<ChartSource> &sources() const { return m_sources; }

    /// Rebuilds the series. `gapSeconds[i]`: sampling gaps of source i longer than this are
    /// drawn as breaks.
    void setSources(const QVector<ChartSource> &sources, const QVector<double> &gapSeconds);
    /// The same, drawn over [from, to] at once: one decimation of the new data, where
    /// setRange() then setSources() would decimate the old data first.
    void setSources(const QVector<ChartSource> &sources, const QVector<double> &gapSeconds,
                    double from, double to);
    /// True when some source has a column this chart draws.
    bool hasData() const { return m_hasData; }
    /// True when the chart shows its "not collected" message instead of lines.
    bool isNotCollected() const { return m_notCollected; }
    /// The latency chart when the server collected latency and placed bench jobs have results:
    /// their client-side TTFT segments are drawn on its TTFT axis beside the server's lines.
    bool clientLatencyOnAxis() const { return !m_clientBars.isEmpty(); }
    /// What is known about the series of this chart that are not collected (not drawn).
    const QString &notCollectedMessage() const { return m_notCollectedMessage; }

    /// A chart shown without data (side by side, beside the other run's same chart) shows
    /// `message` instead of lines, as a "not collected" chart does; empty: not shown so.
    void setAbsentMessage(const QString &message);

    void setAxisMode(TimeAxisMode mode);
    void setXLabelsVisible(bool visible);
    /// Shows [from, to]: re-decimates every series to the plot width and refits the axes.
    void setRange(double from, double to);
    /// Fits the value axes to the union of every chart in `link` (side by side: A's and B's
    /// same chart); nullptr: to this chart's own data. The link must outlive the chart or be
    /// reset first.
    void setValueRangeLink(ValueRangeLink *link);
    ValueRangeLink *valueRangeLink() const { return m_link; }
    double rangeFrom() const { return m_from; }
    double rangeTo() const { return m_to; }

    void applyPalette(const ChartPalette &palette);
    const ChartPalette &chartPalette() const { return m_palette; }

    /// The axes as drawn: time ticks, the left value axis and the right one (if any).
    const AxisLayer &axes() const { return *m_axes; }
    /// The lines as currently drawn, one per series and source.
    const QList<Curve> &curves() const { return m_layer->curves(); }
    ChartLegend *chartLegend() const { return m_legend; }
    /// The lower edge of the shade above the target, in axis units, as drawn.
    const QList<QPointF> &targetShade() const { return m_layer->shade(); }
    const core::ValueReadout &readout() const { return m_readout; }
    /// Points of the visible range that are flagged outliers (waiting cells read as written
    /// that the milli-unit rule would correct) and lie above the value axis: (x, value). The
    /// axis range ignores them; the overlay draws them clipped at the top edge with their value.
    QList<QPointF> clippedOutliers() const;
    /// The replicas chart only: draws each source's run's demand among `curves` (see
    /// DemandLayer) over the replicas, B's (overlaid) in B's style and labelled; curves of
    /// runs this chart does not show are ignored; none: nothing.
    void setDemands(const QVector<std::shared_ptr<const DemandCurve>> &curves);
    /// The demand layer of source `source` (0: A, 1: B overlaid).
    const DemandLayer &demandLayer(int source = 0) const;
    /// Points currently drawn, all lines together.
    qsizetype drawnPointCount() const { return m_layer->pointCount(); }

private:
    /// The QChart's own background and title colours.
    void applyChartColors(const ChartPalette &palette);
    struct Bound
    {
        SeriesSpec spec;
        int source = 0;
        bool secondary = false;
        int runColor = -1;  ///< ChartSource::runColor
        int styleIndex = 0; ///< the series' place in the chart (its dash in an N-way overlay)
        QString name;
        QPen pen;
        CurveDecimator decimator;
        /// Set when some of this line's values are flagged outliers (the source's rule).
        const core::WaitingRule *outliers = nullptr;
    };

    /// N-way overlay: one entry per run (its colour, its name) and, when the chart draws more
    /// than one series, one per series (its dash, in the muted text colour).
    QList<ChartLegend::Entry> runLegend(const ChartPalette &palette) const;
    void rebuildTimeAxis();
    void fitValueAxes();
    /// Value ticks the plot height holds without overlapping labels (3 to 6).
    int tickCapacity() const;
    void placeLayers();
    void updateCurves();

    ChartSpec m_spec;
    ChartPalette m_palette;
    bool m_chartColorsSet = false; ///< applyChartColors() ran once
    bool m_holdCurves = false;     ///< setSources() is under way: the layer waits
    AxisLayer *m_axes;
    CurveLayer *m_layer;
    void matchDemands();

    /// One demand layer per source that can share the chart (A and B overlaid).
    std::array<DemandLayer *, 2> m_demands{};
    QVector<std::shared_ptr<const DemandCurve>> m_demandCurves;
    QVector<JobBar> m_clientBars;
    ChartLegend *m_legend;
    std::vector<std::unique_ptr<Bound>> m_bound;
    core::ValueReadout m_readout;
    QVector<ChartSource> m_sources;
    TimeAxisMode m_axisMode = TimeAxisMode::WallClock;
    double m_clockOrigin = 0;
    double m_from = 0;
    double m_to = 1;
    bool m_hasData = false;
    bool m_notCollected = false;
    ValueRangeLink *m_link = nullptr;
    CurveDecimator::Extent m_ownLeft, m_ownRight;
    bool m_reporting = false;
    int m_reportedTicks = 0;
    QString m_notCollectedMessage;
};

} // namespace hpa::ui

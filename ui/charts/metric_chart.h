#pragma once

#include "core/value_readout.h"
#include "ui/charts/chart_palette.h"
#include "ui/charts/chart_spec.h"

#include <QChart>

#include <memory>
#include <vector>

class QAreaSeries;
class QCategoryAxis;
class QLineSeries;
class QValueAxis;

namespace hpa::ui {

class SeriesBinder;

/// One chart of the stack: the series of its spec for every source, a time axis built from
/// core TimeTicks and value axes fitted to what is visible.
class MetricChart : public QChart
{
    Q_OBJECT
public:
    explicit MetricChart(ChartSpec spec, QGraphicsItem *parent = nullptr);
    ~MetricChart() override;

    const ChartSpec &spec() const { return m_spec; }

    /// Rebuilds the series. `gapSeconds[i]`: sampling gaps of source i longer than this are
    /// drawn as breaks.
    void setSources(const QVector<ChartSource> &sources, const QVector<double> &gapSeconds);
    /// True when some source has a column this chart draws.
    bool hasData() const { return m_hasData; }
    /// True when the chart shows its "not collected" message instead of lines.
    bool isNotCollected() const { return m_notCollected; }

    void setAxisMode(TimeAxisMode mode);
    void setXLabelsVisible(bool visible);
    /// Shows [from, to]: re-decimates every series to the plot width and refits the axes.
    void setRange(double from, double to);
    double rangeFrom() const { return m_from; }
    double rangeTo() const { return m_to; }

    void applyPalette(const ChartPalette &palette);
    const ChartPalette &chartPalette() const { return m_palette; }

    QCategoryAxis *xAxis() const { return m_xAxis; }
    QValueAxis *yAxis() const { return m_yAxis; }
    QValueAxis *rightAxis() const { return m_rightAxis; }
    /// Every line series currently in the chart (segments of all binders).
    QList<QLineSeries *> lineSeries() const;
    const core::ValueReadout &readout() const { return m_readout; }
    /// Points currently handed to Qt Charts, all series together.
    qsizetype drawnPointCount() const;

private:
    struct Bound
    {
        SeriesSpec spec;
        int source = 0;
        bool secondary = false;
        std::unique_ptr<SeriesBinder> binder;
    };

    void rebuildTimeAxis();
    void updateShade();
    void styleAxis(QAbstractAxis *axis, bool grid);

    ChartSpec m_spec;
    ChartPalette m_palette;
    QCategoryAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QValueAxis *m_rightAxis = nullptr;
    QAreaSeries *m_shade = nullptr;
    QLineSeries *m_shadeUpper = nullptr;
    QLineSeries *m_shadeLower = nullptr;
    std::vector<Bound> m_bound;
    core::ValueReadout m_readout;
    QVector<ChartSource> m_sources;
    TimeAxisMode m_axisMode = TimeAxisMode::WallClock;
    double m_clockOrigin = 0;
    double m_from = 0;
    double m_to = 1;
    bool m_hasData = false;
    bool m_notCollected = false;
};

} // namespace hpa::ui

#pragma once

#include "core/model/experiment.h"

#include <QList>
#include <QPointF>
#include <QVector>
#include <QWidget>

#include <memory>

class QChartView;
class QLineSeries;
class QValueAxis;

namespace hpa::bench {

class PaintSettler;

/// The baseline charts: six plain QChartViews stacked like the real ones, one QLineSeries each,
/// handed the full series on every range change — what one gets by giving Qt Charts the data
/// and letting it cope.
class NaiveChartStack : public QWidget
{
    Q_OBJECT
public:
    explicit NaiveChartStack(QWidget *parent = nullptr);
    ~NaiveChartStack() override;

    /// The main series of each of the six charts that `experiment` has, x = time - origin.
    void setExperiment(const core::Experiment &experiment, double origin);
    /// Hands every series its full data again, shows [from, to] and paints every chart once.
    void showRange(double from, double to);
    int seriesCount() const { return static_cast<int>(m_series.size()); }

private:
    QVector<QChartView *> m_views;
    QVector<QLineSeries *> m_series;
    QVector<QValueAxis *> m_xAxes;
    QVector<QList<QPointF>> m_points;
    std::unique_ptr<PaintSettler> m_settler;
};

} // namespace hpa::bench

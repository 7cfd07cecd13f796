#include "naive_chart_stack.h"

#include "paint_settler.h"

#include "core/model/metric_keys.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace hpa::bench {

NaiveChartStack::NaiveChartStack(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
}

NaiveChartStack::~NaiveChartStack() = default;

void NaiveChartStack::setExperiment(const core::Experiment &experiment, double origin)
{
    namespace k = core::keys;
    const core::MetricsTable &table = experiment.metrics;
    for (const std::string_view key :
         {k::Replicas, k::Waiting, k::KvCachePct, k::TtftMs, k::RequestRate, k::ActiveJobs}) {
        const auto *values = table.values(key);
        if (!values)
            continue;
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(table.rowCount()));
        double lo = 0, hi = 1;
        for (std::size_t i = 0; i < table.rowCount(); ++i) {
            const double y = (*values)[i];
            if (!std::isfinite(y))
                continue;
            points << QPointF(table.time()[i] - origin, y);
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
        auto *chart = new QChart;
        auto *series = new QLineSeries(chart);
        chart->addSeries(series);
        auto *xAxis = new QValueAxis(chart);
        auto *yAxis = new QValueAxis(chart);
        chart->addAxis(xAxis, Qt::AlignBottom);
        chart->addAxis(yAxis, Qt::AlignLeft);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
        yAxis->setRange(lo, hi);
        chart->setTitle(QString::fromStdString(k::displayName(key)));
        auto *view = new QChartView(chart, this);
        layout()->addWidget(view);
        m_views << view;
        m_series << series;
        m_xAxes << xAxis;
        m_points << points;
    }
}

void NaiveChartStack::showRange(double from, double to)
{
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        m_series[i]->replace(m_points[i]);
        m_xAxes[i]->setRange(from, to);
    }
    if (!m_settler) {
        QVector<QWidget *> viewports;
        for (QChartView *view : m_views)
            viewports << view->viewport();
        m_settler = std::make_unique<PaintSettler>(viewports);
    }
    m_settler->settle();
}

} // namespace hpa::bench

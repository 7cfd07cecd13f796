#pragma once

// A shown ChartStack with its own window and cursor, and input helpers for the chart tests.

#include "chart_test_data.h"

#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"

#include <QApplication>
#include <QMouseEvent>
#include <QTest>

#include <algorithm>

namespace chart_test {

using namespace hpa::ui;

inline ChartSource sourceOf(const ExperimentPtr &experiment, QString label = {},
                            bool secondary = false)
{
    ChartSource s;
    s.experiment = experiment;
    s.origin = experiment->metrics.empty() ? 0 : experiment->metrics.time().front();
    s.label = std::move(label);
    s.secondary = secondary;
    return s;
}

/// A shown stack of realistic size with its own window and cursor.
struct Fixture
{
    TimeWindow window;
    ChartCursor cursor;
    ChartStack stack{&window, &cursor};

    explicit Fixture(const QVector<ChartSource> &sources)
    {
        stack.resize(1000, 1500);
        stack.setSources(sources);
        stack.show();
        if (!QTest::qWaitForWindowExposed(&stack))
            qWarning("chart stack was not exposed");
    }

    MetricChartView *chart(ChartKind kind) const
    {
        for (MetricChartView *view : stack.charts()) {
            if (view->metricChart()->spec().kind == kind)
                return view;
        }
        return nullptr;
    }
};

inline QPoint plotPoint(MetricChartView *view, double fx)
{
    const QRectF plot = view->plotRect();
    return QPointF(plot.left() + fx * plot.width(), plot.center().y()).toPoint();
}

inline void sendMouse(MetricChartView *view, QEvent::Type type, QPoint pos, Qt::MouseButton button,
                      Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, view->viewport()->mapToGlobal(pos), button, buttons,
                      Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &event);
}

inline double maxY(const QList<hpa::ui::Curve> &curves)
{
    double best = -1;
    for (const hpa::ui::Curve &c : curves) {
        for (const QList<QPointF> &segment : c.segments) {
            for (const QPointF &p : segment)
                best = std::max(best, p.y());
        }
    }
    return best;
}

inline void verifyEveryChartShows(const ChartStack &stack, double from, double to)
{
    for (MetricChartView *view : stack.visibleCharts()) {
        QCOMPARE(view->metricChart()->rangeFrom(), from);
        QCOMPARE(view->metricChart()->rangeTo(), to);
    }
}

} // namespace chart_test

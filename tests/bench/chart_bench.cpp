#include "chart_bench.h"

#include "bench_timer.h"
#include "naive_chart_stack.h"
#include "paint_settler.h"
#include "zoom_plan.h"

#include "core/load/experiment_loader.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"

#include <QCoreApplication>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace hpa::bench {

namespace {

/// Paints every shown chart now, so a step's cost includes drawing and not just scheduling it.
void repaintAll(const ui::ChartStack &stack)
{
    for (ui::MetricChartView *view : stack.visibleCharts())
        view->viewport()->repaint();
}

/// Largest drawn line after a step, against the plot width.
void countPoints(const ui::ChartStack &stack, ChartFigures &f)
{
    for (ui::MetricChartView *view : stack.visibleCharts()) {
        const int width = static_cast<int>(view->plotRect().width());
        f.plotWidth = f.plotWidth ? std::min(f.plotWidth, width) : width;
        for (const ui::Curve &curve : view->metricChart()->curves()) {
            const auto points = static_cast<std::size_t>(curve.pointCount());
            f.maxSeriesPoints = std::max(f.maxSeriesPoints, points);
            if (width > 0)
                f.maxPointsPerPixel =
                    std::max(f.maxPointsPerPixel, static_cast<double>(points) / width);
        }
    }
}

} // namespace

ChartFigures ChartBench::run(const std::string &dir, const Options &options)
{
    ChartFigures f;
    ui::TimeWindow window;
    ui::ChartCursor cursor;
    auto top = std::make_unique<QWidget>();
    top->resize(options.width, options.height);
    auto *layout = new QVBoxLayout(top.get());
    layout->setContentsMargins(0, 0, 0, 0);
    auto *stack = new ui::ChartStack(&window, &cursor, top.get());
    layout->addWidget(stack);
    top->show();
    QCoreApplication::processEvents();

    // The window exists before the folder is chosen; the clock starts at the choice.
    BenchTimer timer;
    auto experiment = std::make_shared<const core::Experiment>(core::ExperimentLoader::load(dir));
    ui::ChartSource source;
    source.experiment = experiment;
    const auto &time = experiment->metrics.time();
    f.rows = time.size();
    source.origin = time.empty() ? 0.0 : time.front();
    stack->setSources({source});
    QCoreApplication::processEvents();
    repaintAll(*stack);
    f.openMs = timer.elapsedMs();
    f.charts = static_cast<int>(stack->visibleCharts().size());

    const auto plan = ZoomPlan::ranges(window.fullFrom(), window.fullTo(), options.zoomSteps);
    QVector<QWidget *> viewports;
    for (ui::MetricChartView *view : stack->visibleCharts())
        viewports << view->viewport();
    PaintSettler settler(viewports);
    settler.settle();
    std::vector<double> samples, cpu, updates, paints;
    for (const auto &[from, to] : plan) {
        const double cpu0 = BenchTimer::threadCpuMs();
        timer.restart();
        window.zoomTo(from, to);
        updates.push_back(timer.elapsedMs());
        // What the event loop does after the input event: layouts, then one paint per chart.
        settler.settle();
        samples.push_back(timer.elapsedMs());
        cpu.push_back(BenchTimer::threadCpuMs() - cpu0);
        countPoints(*stack, f);
        // Painting alone, timed apart from the step.
        timer.restart();
        repaintAll(*stack);
        paints.push_back(timer.elapsedMs());
    }
    f.steps = static_cast<int>(samples.size());
    f.zoomMs = BenchTimer::median(samples);
    f.zoomCpuMs = BenchTimer::median(cpu);
    f.zoomUpdateMs = BenchTimer::median(updates);
    f.zoomPaintMs = BenchTimer::median(paints);
    top.reset();

    NaiveChartStack naive;
    naive.resize(options.width, options.height);
    naive.setExperiment(*experiment, source.origin);
    naive.show();
    QCoreApplication::processEvents();
    f.naiveSeries = naive.seriesCount();
    samples.clear();
    double spent = 0;
    for (int i = 0; i < std::min<int>(options.naiveSteps, static_cast<int>(plan.size())); ++i) {
        // At a million rows one baseline step takes seconds: stop once the budget is used.
        if (i > 0 && spent > options.naiveBudgetMs)
            break;
        timer.restart();
        naive.showRange(plan[static_cast<std::size_t>(i)].first,
                        plan[static_cast<std::size_t>(i)].second);
        samples.push_back(timer.elapsedMs());
        spent += samples.back();
    }
    f.naiveSteps = static_cast<int>(samples.size());
    f.naiveZoomMs = BenchTimer::median(samples);
    f.ran = true;
    return f;
}

} // namespace hpa::bench

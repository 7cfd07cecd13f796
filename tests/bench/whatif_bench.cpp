#include "whatif_bench.h"

#include "bench_timer.h"
#include "paint_settler.h"

#include "core/analysis/hpa_replay.h"
#include "core/analysis/scorecard_calculator.h"
#include "core/load/experiment_loader.h"
#include "core/plot/step_curve.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"
#include "ui/charts/whatif_overlay.h"
#include "ui/whatif_session.h"

#include <QCoreApplication>
#include <QVBoxLayout>

#include <fmt/format.h>

#include <memory>
#include <vector>

namespace hpa::bench {

namespace {

/// The edits a user makes in turn: the scale-down window typed value by value.
core::HpaWhatIfSettings editNumber(int i)
{
    return {{"down-window", std::to_string(30 + 15 * (i % 8))}};
}

} // namespace

void WhatIfBench::run(const std::string &dir, int width, int height, std::ostream &out)
{
    ui::TimeWindow window;
    ui::ChartCursor cursor;
    auto top = std::make_unique<QWidget>();
    top->resize(width, height);
    auto *layout = new QVBoxLayout(top.get());
    layout->setContentsMargins(0, 0, 0, 0);
    auto *stack = new ui::ChartStack(&window, &cursor, top.get());
    layout->addWidget(stack);
    top->show();

    auto experiment = std::make_shared<const core::Experiment>(core::ExperimentLoader::load(dir));
    ui::ChartSource source;
    source.experiment = experiment;
    source.origin = experiment->metrics.time().empty() ? 0.0 : experiment->metrics.time().front();
    stack->setSources({source});
    // An edit changes the replicas chart only: that one is painted for sure after each edit;
    // any other chart the edit made dirty is painted by the event loop and counted too.
    QVector<QWidget *> viewports;
    for (ui::MetricChartView *view : stack->visibleCharts()) {
        if (view->metricChart()->spec().kind == ui::ChartKind::Replicas)
            viewports << view->viewport();
    }
    PaintSettler settler(viewports);
    settler.settle();

    ui::WhatIfOverlay overlay;
    overlay.setStack(stack);
    ui::WhatIfSession session;
    bool ready = false;
    QObject::connect(&session, &ui::WhatIfSession::whatIfReady, &overlay, [&] {
        const auto r = session.current();
        if (r && r->outcome.problem.empty())
            overlay.setCurve(r->desired, QStringLiteral("what-if replicas"));
        ready = true;
    });
    session.setExperiment(experiment);
    session.waitForIdle();
    QCoreApplication::processEvents();
    const auto *prepared = session.prepared();
    if (!prepared || !prepared->baseline) {
        out << "  what-if edit redrawn: nothing to replay (" << (prepared ? prepared->problem : "")
            << ")\n";
        return;
    }

    const int repeats = 9;
    std::vector<double> edits, cpu;
    for (int i = 0; i < repeats; ++i) {
        ready = false;
        BenchTimer timer;
        const double cpu0 = BenchTimer::threadCpuMs();
        session.edit(editNumber(i));
        while (!ready)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        settler.settle();
        edits.push_back(timer.elapsedMs());
        cpu.push_back(BenchTimer::threadCpuMs() - cpu0);
    }

    // The straightforward edit: everything on the GUI thread, G and the demand recomputed, the
    // curve kept per row and turned into steps, then the same overlay and paint.
    const core::HpaSpec &loaded = prepared->spec.spec;
    std::vector<double> naive;
    for (int i = 0; i < 3; ++i) {
        BenchTimer timer;
        core::HpaSpec spec = loaded;
        double delay = 0;
        core::HpaWhatIfEdits::apply(editNumber(i), spec, delay);
        core::HpaReplay::Options options;
        options.closedLoop = true;
        options.onsetDelaySeconds = delay;
        const core::HpaReplay::Result r = core::HpaReplay::run(experiment->metrics, spec, options);
        core::ScorecardCalculator::Supply supply;
        supply.replicas = &r.current;
        supply.desired = &r.desired;
        const auto scorecard = core::ScorecardCalculator::compute(
            experiment->metrics, prepared->baseline->limits, {}, supply);
        overlay.setCurve(core::StepCurve::of(experiment->metrics.time(), r.desired),
                         QString::number(scorecard.reversals));
        settler.settle();
        naive.push_back(timer.elapsedMs());
    }
    const double ms = BenchTimer::median(edits);

    const double naiveMs = BenchTimer::median(naive);
    out << fmt::format("  what-if edit redrawn      {:9.2f} ms   (GUI thread {:.2f} ms)   "
                       "naive, on the GUI thread {:9.2f} ms   {:6.1f}x\n",
                       ms, BenchTimer::median(cpu), naiveMs, naiveMs / ms);
}

} // namespace hpa::bench

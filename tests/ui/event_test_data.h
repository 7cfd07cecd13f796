#pragma once

// Hand-made runs with scaling events for the event table, its filter proxy and the browser.

#include "core/model/experiment.h"
#include "core/model/metric_keys.h"
#include "core/model/timestamp.h"
#include "ui/charts/chart_source.h"

#include <QString>
#include <QVector>

#include <limits>
#include <memory>
#include <string>
#include <utility>

namespace event_test {

inline constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

inline double parseTime(const char *text)
{
    return hpa::core::Timestamp::parse(text)->seconds;
}

struct SampleSpec
{
    double offset, waiting, kvPct;
};

struct EventSpec
{
    double offset;
    hpa::core::EventKind kind;
    int from, to;
    const char *text;
};

inline std::shared_ptr<const hpa::core::Experiment>
makeExperiment(double base, bool naive, const QVector<SampleSpec> &samples,
               const QVector<EventSpec> &events)
{
    auto e = std::make_shared<hpa::core::Experiment>();
    e->name = "hand-made";
    hpa::core::MetricsTable &m = e->metrics;
    m.setNaiveTime(naive);
    m.addColumn("num_requests_waiting", std::string(hpa::core::keys::Waiting));
    m.addColumn("kv_cache_pct", std::string(hpa::core::keys::KvCachePct));
    int line = 2;
    for (const SampleSpec &s : samples)
        m.appendRow(base + s.offset, line++, {s.waiting, s.kvPct});
    for (const EventSpec &spec : events) {
        hpa::core::ScalingEvent ev;
        ev.time = base + spec.offset;
        ev.kind = spec.kind;
        ev.from = spec.from;
        ev.to = spec.to;
        ev.file = e->eventTexts.addFile("scaling-events.log");
        e->eventTexts.store(ev, spec.text);
        ev.line = int(e->events.size()) + 1;
        e->events.push_back(ev);
    }
    return e;
}

/// One run drawn alone, x = 0 at `origin`.
inline hpa::ui::ChartSource sourceOf(std::shared_ptr<const hpa::core::Experiment> experiment,
                                     double origin)
{
    hpa::ui::ChartSource source;
    source.experiment = std::move(experiment);
    source.origin = origin;
    return source;
}

/// Run A: naive times, three events; run B: UTC times, one event between A's first two.
inline QVector<hpa::ui::ChartSource> twoSources()
{
    const double a0 = parseTime("2025-11-24 16:00:00");
    const double b0 = parseTime("2025-11-20T14:00:00Z");
    auto a = makeExperiment(
        a0, true, {{0, 0, 10}, {10, 5, 20.26}, {20, NaN, 30}, {30, 7, 40}},
        {{12, hpa::core::EventKind::ScaleUp, 1, 3, "SCALE UP TRIGGERED: 1 -> 3"},
         {19, hpa::core::EventKind::ReplicasChanged, 1, 3, "REPLICAS CHANGED: 1 -> 3"},
         {31, hpa::core::EventKind::ScaleDown, 3, 2, "SCALE DOWN TRIGGERED: 3 -> 2"}});
    auto b =
        makeExperiment(b0, false, {{0, 2.5, 50}, {5, 3, 60}},
                       {{15, hpa::core::EventKind::ScaleUp, 2, 4, "SCALE UP TRIGGERED: 2 -> 4"}});
    hpa::ui::ChartSource sa, sb;
    sa.experiment = a;
    sa.origin = a0;
    sa.label = "A";
    sb.experiment = b;
    sb.origin = b0;
    sb.label = "B";
    sb.secondary = true;
    return {sa, sb};
}

inline QString examplePath(const char *name)
{
    return QStringLiteral(HPA_SHARED_DIR "/examples/") + QLatin1String(name);
}

} // namespace event_test

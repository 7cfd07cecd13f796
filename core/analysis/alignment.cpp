#include "core/analysis/alignment.h"

#include "core/model/metric_keys.h"

#include <array>
#include <cmath>

namespace hpa::core {

namespace {

constexpr std::array<AlignMode, 4> kModes{AlignMode::FirstSample, AlignMode::FirstActiveJobs,
                                          AlignMode::FirstScaleUp, AlignMode::Offset};

/// The earliest start of a placed bench job (a WVA run has no active_jobs column; its load is
/// the jobs placed from their logs and schedule).
std::optional<double> firstPlacedJob(const Experiment &experiment)
{
    std::optional<double> first;
    for (const BenchJob &job : experiment.jobs) {
        const std::optional<double> &start = job.placement.start;
        if (job.placement.placed() && std::isfinite(*start) && (!first || *start < *first))
            first = start;
    }
    return first;
}

std::optional<double> firstActiveJobs(const Experiment &experiment)
{
    const MetricsTable &m = experiment.metrics;
    const auto *jobs = m.values(keys::ActiveJobs);
    if (!jobs)
        return firstPlacedJob(experiment);
    for (std::size_t i = 0; i < jobs->size() && i < m.rowCount(); ++i) {
        if ((*jobs)[i] > 0) // NaN compares false: a missing cell is not load
            return m.time()[i];
    }
    return firstPlacedJob(experiment);
}

std::optional<double> firstScaleUp(const Experiment &experiment)
{
    // Events are sorted by time, so the first match is the earliest.
    for (const ScalingEvent &e : experiment.events) {
        if (e.kind == EventKind::ScaleUp && std::isfinite(e.time))
            return e.time;
    }
    return std::nullopt;
}

std::optional<double> anchor(const Experiment &experiment, AlignMode mode)
{
    switch (mode) {
    case AlignMode::FirstActiveJobs:
        return firstActiveJobs(experiment);
    case AlignMode::FirstScaleUp:
        return firstScaleUp(experiment);
    case AlignMode::FirstSample:
    case AlignMode::Offset:
        break;
    }
    if (experiment.metrics.empty())
        return std::nullopt;
    return experiment.metrics.time().front();
}

} // namespace

double Alignment::origin(const Experiment &experiment, AlignMode mode, double offsetSeconds)
{
    const MetricsTable &m = experiment.metrics;
    const double base = anchor(experiment, mode).value_or(m.empty() ? 0.0 : m.time().front());
    return base + (mode == AlignMode::Offset ? offsetSeconds : 0.0);
}

bool Alignment::hasAnchor(const Experiment &experiment, AlignMode mode)
{
    return anchor(experiment, mode).has_value();
}

AlignMode Alignment::defaultFor(const LoadProfileMatch &match)
{
    return match.kind == LoadProfileMatch::Kind::Same ? AlignMode::FirstActiveJobs
                                                      : AlignMode::FirstSample;
}

std::string_view Alignment::key(AlignMode mode)
{
    switch (mode) {
    case AlignMode::FirstSample:
        return "first_sample";
    case AlignMode::FirstActiveJobs:
        return "first_active_jobs";
    case AlignMode::FirstScaleUp:
        return "first_scale_up";
    case AlignMode::Offset:
        return "offset";
    }
    return "first_sample";
}

std::string_view Alignment::label(AlignMode mode)
{
    switch (mode) {
    case AlignMode::FirstSample:
        return "First sample";
    case AlignMode::FirstActiveJobs:
        return "Load start (first active job)";
    case AlignMode::FirstScaleUp:
        return "First scale-up";
    case AlignMode::Offset:
        return "Manual offset";
    }
    return "First sample";
}

std::optional<AlignMode> Alignment::fromKey(std::string_view text)
{
    for (AlignMode mode : kModes) {
        if (key(mode) == text)
            return mode;
    }
    return std::nullopt;
}

} // namespace hpa::core

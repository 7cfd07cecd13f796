#pragma once

#include "core/analysis/load_profile_match.h"
#include "core/model/experiment.h"

#include <optional>
#include <string_view>

namespace hpa::core {

/// Which moment of each run is placed at x = 0 when two runs are overlaid.
enum class AlignMode
{
    FirstSample,     ///< the first sample of each run
    FirstActiveJobs, ///< load start: the first sample with active_jobs > 0, or without that
                     ///< column the first placed bench job's start (WVA runs)
    FirstScaleUp,    ///< the first SCALE UP event
    Offset           ///< first sample, shifted by a user-chosen number of seconds
};

/// Places two experiments on a shared elapsed-time axis.
class Alignment
{
public:
    /// The experiment time that maps to x = 0. FirstActiveJobs and FirstScaleUp fall back on
    /// the first sample when the run has no such moment; for Offset it is the first sample plus
    /// `offsetSeconds`, so a positive offset moves the run to the left. 0 for an empty run.
    static double origin(const Experiment &experiment, AlignMode mode, double offsetSeconds = 0);

    /// True when `mode` found its moment in `experiment` rather than falling back.
    static bool hasAnchor(const Experiment &experiment, AlignMode mode);

    /// The alignment a comparison starts with: load start when both runs were driven by the
    /// same load profile (the study ran each one under an HPA and under WVA: its jobs start
    /// at the same delays from load start, not from the monitors' first samples), else the
    /// first sample. The window, `export` and `compare` all use this.
    static AlignMode defaultFor(const LoadProfileMatch &match);

    /// "first_sample", "first_active_jobs", "first_scale_up", "offset" (for settings).
    static std::string_view key(AlignMode mode);
    /// "First sample", "Load start (first active job)", ... (for menus).
    static std::string_view label(AlignMode mode);
    /// The mode with this key, or nullopt.
    static std::optional<AlignMode> fromKey(std::string_view key);
};

} // namespace hpa::core

#pragma once

#include "core/model/experiment.h"

#include <QColor>
#include <QString>

#include <cstddef>
#include <memory>

namespace hpa::ui {

enum class TimeAxisMode
{
    Elapsed,  ///< mm:ss since x = 0
    WallClock ///< HH:MM:SS of the source's own clock
};

/// One experiment as drawn by the charts. x on every chart is `experiment time - origin`
/// in seconds, so A and B line up on elapsed time when comparing.
struct ChartSource
{
    std::shared_ptr<const core::Experiment> experiment;
    double origin = 0;      ///< experiment time at x = 0 (first sample, or an alignment point)
    QString label;          ///< legend prefix when comparing ("A", "B"); empty for one run
    bool secondary = false; ///< drawn in the comparison style (B in overlay mode)
    /// N-way overlay (three runs or more): every line of this source in the palette's run
    /// colour `runColor` (ChartPalette::runColor), series told apart by dash pattern, and the
    /// legend names the run once; -1: colours by series role (one run, or A and B).
    int runColor = -1;
    /// The run's name for the legend of an N-way overlay ("A: run-name").
    QString runName;
    /// Rows the experiment shares unchanged with the one this source showed before (a
    /// followed run that grew: LoadedExperiment::unchangedRows); 0 when read anew.
    std::size_t unchangedRows = 0;
    /// The median time between samples as the run's summary has it (ExperimentSummary::
    /// medianIntervalSeconds); <= 0 when not given (a summary without it), and the charts
    /// compute it.
    double medianIntervalSeconds = -1;

    /// x of an experiment time.
    double toX(double time) const { return time - origin; }
    double toTime(double x) const { return x + origin; }
};

} // namespace hpa::ui

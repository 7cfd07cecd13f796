#pragma once

#include <cstddef>
#include <string>

namespace hpa::bench {

/// Figures of the headless part for one experiment folder, each beside its naive baseline.
struct CoreFigures
{
    std::string dir;
    std::size_t rows = 0;
    double fileMB = 0; ///< metrics.csv size, 10^6 bytes

    double loadMs = 0, naiveLoadMs = 0; ///< whole folder vs metrics.csv by NaiveLoader
    double rssMiB = 0, naiveRssMiB = 0; ///< peak RSS of a fresh process doing only the load
    double parseMs1 = 0, parseMsN = 0;  ///< metrics.csv parse, 1 thread vs `threads`
    unsigned threads = 0;
    bool parallelEqual = false; ///< the parallel parse equals the single-threaded one exactly
    std::string parallelDetail; ///< first difference when not equal

    double statsMs = 0, naiveStatsMs = 0;
    /// The whole autoscaling scorecard (issue 12) vs NaiveScorecard.
    double scorecardMs = 0, naiveScorecardMs = 0;
    /// What a settings edit in the Scorecard dock recomputes off the GUI thread: the scorecard
    /// and the demand overlay (ScorecardRunner::computeNow) vs NaiveScorecard +
    /// NaiveDemandOverlay.
    double recomputeMs = 0, naiveRecomputeMs = 0;
    /// Per zoom step: every series the six charts draw, decimated to `pixels` columns.
    double decimateMs = 0, naiveDecimateMs = 0;
    int pixels = 0;
    std::size_t maxDecimatedPoints = 0; ///< largest series after decimation, over all steps
};

/// Times load, statistics and decimation with hpa_core and with the naive baselines.
class CoreBench
{
public:
    struct Options
    {
        int pixels = 1500; ///< plot width the decimation targets
        int zoomSteps = 20;
        unsigned threads = 0; ///< parser threads for the parallel run; 0 = all cores
    };

    /// Peak RSS of loading `dir` in a fresh child, with hpa_core and with NaiveLoader. Must run
    /// before any thread or Qt application exists.
    static void measureMemory(CoreFigures &figures);
    /// Everything else; fills `figures` (dir must be set).
    static void run(CoreFigures &figures, const Options &options);
};

} // namespace hpa::bench

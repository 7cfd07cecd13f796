#include "app/cli/headless_commands.h"

#include "core/analysis/comparison.h"
#include "core/analysis/experiment_analyzer.h"
#include "core/analysis/run_comparison.h"
#include "core/demo/demo_simulator.h"
#include "core/load/experiment_loader.h"
#include "core/report/comparison_json.h"
#include "core/report/comparison_text.h"
#include "core/report/run_comparison_json.h"
#include "core/report/run_comparison_text.h"
#include "core/report/summary_json.h"
#include "core/report/summary_text.h"

#include <ostream>
#include <utility>
#include <vector>

namespace hpa::app {

namespace {

/// Moves `experiment` to the heap and never frees it: freeing a million-row table and its
/// hundred thousand events one by one only delays the exit (~8% of a 1M-row summary), and
/// the process ends right after the report. The pointer is a static, so leak checkers still
/// see the memory as reachable; a second call frees the one before.
const core::Experiment &keepUntilExit(core::Experiment &&experiment)
{
    static core::Experiment *kept = nullptr;
    delete std::exchange(kept, nullptr);
    kept = new core::Experiment(std::move(experiment));
    return *kept;
}

/// How the command line asks to read a run: units and, for a WVA run, the variant (an HPA
/// run has none and ignores it).
core::ExperimentLoader::Options loaderOptions(const CommandLine &cl)
{
    core::ExperimentLoader::Options options;
    if (cl.kvUnit)
        options.kvUnit = core::KvCacheNormalizer::unitFromKey(*cl.kvUnit);
    if (cl.waitingUnit)
        options.waitingUnit =
            core::WaitingNormalizer::unitFromKey(*cl.waitingUnit).value_or(core::WaitingUnit::Auto);
    options.wvaVariant = cl.variant;
    return options;
}

} // namespace

int HeadlessCommands::summary(const CommandLine &cl, std::ostream &out, std::ostream &err)
{
    core::ExperimentLoader::Options options = loaderOptions(cl);
    // The summary reads KV cache in percent only and never an event's text: not keeping the
    // as-written KV columns and the texts saves ~20 MB at a million rows.
    options.keepRawKvCache = false;
    options.keepEventTexts = false;
    const core::Experiment *loaded = nullptr;
    try {
        loaded = &keepUntilExit(core::ExperimentLoader::load(cl.dirs.front(), options));
    } catch (const core::LoadError &e) {
        err << "hpa-lens: " << e.what() << '\n';
        return 2;
    }
    const core::Experiment &experiment = *loaded;
    const core::ExperimentSummary summary =
        core::ExperimentAnalyzer::summarize(experiment, cl.scorecard);
    if (cl.json) {
        // Hostile files may hold invalid UTF-8; replace it rather than fail the whole report.
        out << core::SummaryJson::toJson(summary).dump(
                   2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << '\n';
    } else {
        out << core::SummaryText::render(summary);
    }
    return 0;
}

int HeadlessCommands::compare(const CommandLine &cl, std::ostream &out, std::ostream &err)
{
    const core::ExperimentLoader::Options options = loaderOptions(cl);
    std::vector<core::Experiment> runs;
    for (const std::string &dir : cl.dirs) {
        try {
            runs.push_back(core::ExperimentLoader::load(dir, options));
        } catch (const core::LoadError &e) {
            err << "hpa-lens: " << e.what() << '\n';
            return 2;
        }
    }
    if (runs.size() > 2) {
        // Three runs or more: each against A, in one table (two runs keep the A/B document).
        std::vector<core::ExperimentSummary> summaries;
        for (const core::Experiment &run : runs)
            summaries.push_back(core::ExperimentAnalyzer::summarize(run, cl.scorecard));
        const core::RunComparison comparison(std::move(summaries));
        if (cl.json)
            out << core::RunComparisonJson::toJson(comparison)
                       .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                << '\n';
        else
            out << core::RunComparisonText::render(comparison);
        return 0;
    }
    const core::ExperimentComparison comparison =
        core::ExperimentComparison::compare(runs.at(0), runs.at(1), cl.scorecard);
    if (cl.json) {
        out << core::ComparisonJson::toJson(comparison)
                   .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << '\n';
    } else {
        out << core::ComparisonText::render(comparison);
    }
    return 0;
}

int HeadlessCommands::demo(const CommandLine &cl, std::ostream &out, std::ostream &err)
{
    core::DemoSimulator::Options options;
    options.samples = cl.samples;
    options.intervalSeconds = cl.interval;
    if (cl.seed)
        options.seed = *cl.seed;
    if (cl.live) {
        options.liveSpeed = cl.speed;
        // A live run happens now: its clock is today's, so "time since the last row" reads
        // as it would during a real run.
        options.startTime = core::DemoSimulator::localTimeNow();
        const std::size_t rows = cl.samples ? cl.samples : core::DemoSimulator::defaultSamples();
        out << "Writing a live demo experiment to " << cl.dirs.front() << ": " << rows
            << " rows, one every " << cl.interval / cl.speed << " s (" << cl.speed
            << " x real time); Ctrl+C stops it" << std::endl;
    }
    try {
        core::DemoSimulator::write(cl.dirs.front(), options, cl.overwrite);
    } catch (const std::exception &e) {
        err << "hpa-lens: " << e.what() << '\n';
        return 2;
    }
    out << "Wrote a demo experiment to " << cl.dirs.front() << '\n';
    return 0;
}

} // namespace hpa::app

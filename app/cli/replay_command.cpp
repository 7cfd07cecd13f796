#include "app/cli/replay_command.h"

#include "core/analysis/hpa_replay_report.h"
#include "core/analysis/hpa_what_if_settings.h"
#include "core/load/experiment_loader.h"
#include "core/load/hpa_spec_loader.h"
#include "core/report/replay_json.h"
#include "core/report/replay_text.h"

#include <charconv>
#include <ostream>
#include <stdexcept>

namespace hpa::app {

bool ReplayCommand::parseOption(const std::string &option,
                                const std::function<std::string(const std::string &)> &value,
                                CommandLine &cl)
{
    if (option == "--hpa")
        cl.hpaFile = value(option);
    else if (option == "--set")
        cl.sets.push_back(value(option));
    else if (option == "--sweep")
        cl.sweeps.push_back(value(option));
    else if (option == "--series")
        cl.series = true;
    else if (option == "--csv")
        cl.csvOut = true;
    else if (option == "--onset-delay") {
        const std::string text = value(option);
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size() || !(v >= 0 && v <= 86400))
            throw std::invalid_argument("--onset-delay expects seconds between 0 and 86400");
        cl.onsetDelay = v;
    } else
        return false;
    return true;
}

int ReplayCommand::run(const CommandLine &cl, std::ostream &out, std::ostream &err)
{
    core::HpaReplayReport::Request request;
    request.onsetDelaySeconds = cl.onsetDelay;
    request.series = cl.series;
    for (const std::string &group : cl.sets) {
        core::HpaWhatIfSettings settings;
        const std::string problem = core::HpaWhatIfEdits::parseGroup(group, settings);
        if (!problem.empty()) {
            err << "hpa-lens: --set " << group << ": " << problem << '\n';
            return 2;
        }
        request.whatIfs.push_back(std::move(settings));
    }
    if (!cl.sweeps.empty()) {
        const std::string problem = core::HpaWhatIfEdits::expandSweeps(cl.sweeps, request.whatIfs);
        if (!problem.empty()) {
            err << "hpa-lens: " << problem << '\n';
            return 2;
        }
    }
    core::ExperimentLoader::Options options;
    if (cl.kvUnit)
        options.kvUnit = core::KvCacheNormalizer::unitFromKey(*cl.kvUnit);
    options.keepEventTexts = false;
    core::Experiment experiment;
    try {
        experiment = core::ExperimentLoader::load(cl.dirs.front(), options);
    } catch (const core::LoadError &e) {
        err << "hpa-lens: " << e.what() << '\n';
        return 2;
    }
    const auto resolved = core::HpaSpecLoader::resolve(experiment, cl.hpaFile);
    if (!resolved.resolved) {
        const core::LoadWarning &e = *resolved.error;
        err << "hpa-lens: " << e.file;
        if (e.line > 0)
            err << ':' << e.line;
        err << ": " << e.message << '\n';
        return 2;
    }
    // Every what-if's settings must make a valid spec before anything runs.
    for (const core::HpaWhatIfSettings &settings : request.whatIfs) {
        core::HpaSpec spec = resolved.resolved->spec;
        double delay = request.onsetDelaySeconds;
        const std::string problem = core::HpaWhatIfEdits::apply(settings, spec, delay);
        if (!problem.empty()) {
            err << "hpa-lens: ";
            for (const auto &[k, v] : settings)
                err << k << '=' << v << ' ';
            err << ": " << problem << '\n';
            return 2;
        }
    }
    const core::HpaReplayReport report =
        core::HpaReplayReport::build(experiment.metrics, *resolved.resolved, request);
    if (cl.json) {
        out << core::ReplayJson::toJson(report, cl.series)
                   .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << '\n';
    } else if (cl.csvOut) {
        out << core::ReplayText::csv(report);
    } else {
        out << core::ReplayText::render(report, experiment.name);
    }
    return report.problem.empty() ? 0 : 1;
}

} // namespace hpa::app

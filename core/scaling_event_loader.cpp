#include "core/scaling_event_loader.h"

#include "core/file_reader.h"
#include "core/scaling_events_log_parser.h"
#include "core/scaling_log_parser.h"

#include <algorithm>
#include <iterator>

namespace hpa::core {

namespace {

void append(std::vector<LoadWarning> &to, std::vector<LoadWarning> &&from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

} // namespace

void ScalingEventLoader::load(const std::filesystem::path &dir, Experiment &experiment)
{
    if (auto text = FileReader::readOptional(dir, "scaling.log", FileReader::kLogLimit,
                                             experiment.warnings)) {
        ScalingLogParser::Result r = ScalingLogParser::parse(*text, "scaling.log");
        experiment.hpaDescription = std::move(r.initialState);
        experiment.events = std::move(r.events);
        append(experiment.warnings, std::move(r.warnings));
    }
    if (auto text = FileReader::readOptional(dir, "scaling-events.log", FileReader::kLogLimit,
                                             experiment.warnings)) {
        ScalingEventsLogParser::Result r =
            ScalingEventsLogParser::parse(*text, "scaling-events.log");
        if (experiment.events.empty())
            experiment.events = std::move(r.events); // no second vector of them at any time
        else
            experiment.events.insert(experiment.events.end(),
                                     std::make_move_iterator(r.events.begin()),
                                     std::make_move_iterator(r.events.end()));
        append(experiment.warnings, std::move(r.warnings));
    }
    // Logs are written in time order, so this is nearly always sorted already; sorting anyway
    // moved every event (a few hundred bytes each) through a buffer.
    const auto byTime = [](const ScalingEvent &a, const ScalingEvent &b) {
        return a.time < b.time;
    };
    if (!std::is_sorted(experiment.events.begin(), experiment.events.end(), byTime))
        std::stable_sort(experiment.events.begin(), experiment.events.end(), byTime);
}

} // namespace hpa::core

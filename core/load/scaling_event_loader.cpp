#include "core/load/scaling_event_loader.h"

#include "core/io/file_reader.h"
#include "core/parsers/scaling_events_log_parser.h"
#include "core/parsers/scaling_log_parser.h"

#include <algorithm>
#include <iterator>

namespace hpa::core {

namespace {

void append(std::vector<LoadWarning> &to, std::vector<LoadWarning> &&from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

} // namespace

ScalingEventLoader::Result ScalingEventLoader::loadOlder(const std::filesystem::path &dir,
                                                         bool keepText)
{
    Result result;
    if (auto text =
            FileReader::readOptional(dir, "scaling.log", FileReader::kLogLimit, result.warnings)) {
        ScalingLogParser::Result r = ScalingLogParser::parse(*text, "scaling.log", keepText);
        result.hpaDescription = std::move(r.initialState);
        result.events = std::move(r.events);
        result.eventTexts = std::move(r.texts);
        append(result.warnings, std::move(r.warnings));
    }
    return result;
}

ScalingEventLoader::Result ScalingEventLoader::load(const std::filesystem::path &dir, bool keepText)
{
    Result result = loadOlder(dir, keepText);
    if (auto text = FileReader::readOptional(dir, "scaling-events.log", FileReader::kLogLimit,
                                             result.warnings)) {
        ScalingEventsLogParser::Result r =
            ScalingEventsLogParser::parse(*text, "scaling-events.log", keepText);
        text.reset(); // the events keep what they need of it; free it before merging
        combine(result, &r);
    } else {
        combine(result, nullptr);
    }
    return result;
}

void ScalingEventLoader::combine(Result &result, ScalingEventsLogParser::Result *newer)
{
    if (newer) {
        ScalingEventsLogParser::Result &r = *newer;
        if (result.events.empty()) {
            result.events = std::move(r.events); // no second vector of them at any time
            result.eventTexts = std::move(r.texts);
        } else {
            // The monitor start refers to the same texts: moved along with the events.
            if (r.monitorStart)
                r.events.push_back(*r.monitorStart);
            result.eventTexts.append(std::move(r.texts), r.events);
            if (r.monitorStart) {
                r.monitorStart = r.events.back();
                r.events.pop_back();
            }
            result.eventTexts.shrinkToFit();
            result.events.insert(result.events.end(), r.events.begin(), r.events.end());
        }
        result.monitorStart = r.monitorStart;
        append(result.warnings, std::move(r.warnings));
    }
    // Logs are written in time order, so this is nearly always sorted already.
    const auto byTime = [](const ScalingEvent &a, const ScalingEvent &b) {
        return a.time < b.time;
    };
    if (!std::is_sorted(result.events.begin(), result.events.end(), byTime))
        std::stable_sort(result.events.begin(), result.events.end(), byTime);
}

} // namespace hpa::core

#include "core/parsers/experiment_config_parser.h"

#include "core/model/warning_list.h"

#include "core/model/ascii_text.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace hpa::core {

namespace {

/// `s` without a trailing ` # comment` (a `#` inside quotes is kept).
std::string_view withoutComment(std::string_view s)
{
    char quote = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quote) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
            return s.substr(0, i);
        }
    }
    return s;
}

std::string unquoted(std::string_view v)
{
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
        v = v.substr(1, v.size() - 2);
    return std::string(v);
}

std::size_t indentOf(std::string_view s)
{
    std::size_t n = 0;
    while (n < s.size() && s[n] == ' ')
        ++n;
    return n;
}

} // namespace

ExperimentConfigParser::Result ExperimentConfigParser::parse(std::string_view content,
                                                             const std::string &fileName)
{
    Result result;
    WarningList warnings(fileName);
    bool inList = false;
    int lineNo = 0;
    ScheduledJob *current = nullptr;
    std::size_t pos = 0;
    while (pos <= content.size()) {
        std::size_t end = content.find('\n', pos);
        if (end == std::string_view::npos)
            end = content.size();
        const std::string_view raw = content.substr(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        const std::string_view line = withoutComment(raw);
        const std::string_view body = AsciiText::trim(line);
        if (body.empty())
            continue;
        const std::size_t indent = indentOf(line);
        if (indent == 0 && body.front() != '-') {
            inList = body == "workloads:" || body == "jobs:";
            current = nullptr;
            continue;
        }
        if (!inList)
            continue;
        std::string_view item = body;
        if (item.front() == '-') {
            result.schedule.jobs.push_back({});
            current = &result.schedule.jobs.back();
            current->line = lineNo;
            item = AsciiText::trim(item.substr(1));
            if (item.empty())
                continue;
        }
        if (!current)
            continue;
        const std::size_t colon = item.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view key = AsciiText::trim(item.substr(0, colon));
        const std::string value = unquoted(AsciiText::trim(item.substr(colon + 1)));
        if (key == "name") {
            current->name = value;
        } else if (key == "job_manifest" || key == "manifest") { // WVA configs; HPA configs
            current->manifest = value;
        } else if (key == "start_delay" || key == "duration") {
            char *stop = nullptr;
            const double v = std::strtod(value.c_str(), &stop);
            if (value.empty() || stop != value.c_str() + value.size() || !std::isfinite(v) ||
                v < 0) {
                warnings.add(lineNo, fmt::format("{} is not a number of seconds: \"{}\"; "
                                                 "ignored",
                                                 key, value));
                continue;
            }
            (key == "start_delay" ? current->startDelay : current->duration) = v;
        }
    }
    result.warnings = warnings.take();
    return result;
}

} // namespace hpa::core

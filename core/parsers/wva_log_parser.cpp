#include "core/parsers/wva_log_parser.h"

#include "core/model/timestamp.h"
#include "core/model/warning_list.h"
#include "core/parsers/wva_cycle_assembler.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace hpa::core {

namespace {

/// Messages the controller logs that carry nothing HPA Lens shows: read, not warned about.
constexpr std::array kInformational = {"Grouped VAs by model",
                                       "Capacity analysis completed",
                                       "Capacity-only decisions made",
                                       "Capacity target",
                                       "Applying scaling decisions",
                                       "EmitReplicaMetrics completed",
                                       "Successfully emitted metrics",
                                       "Applied ",
                                       "KV cache metrics collected",
                                       "Queue metrics collected",
                                       "Pod-to-variant matching",
                                       "Collected replica metrics",
                                       "Collected capacity metrics",
                                       "Experimental model tuner",
                                       "Using state vals",
                                       "[Tuner Config]",
                                       "Setting accelerator name",
                                       "Model-based optimization completed",
                                       "saturation analysis unavailable",
                                       "Reconciling VariantAutoscaling",
                                       "saturation scaling config",
                                       "Model tuner results",
                                       "Updated tuner status",
                                       "Tuner validation",
                                       "Tuner NIS validation",
                                       "Tuned performance parameters",
                                       "Replica count mismatch",
                                       "Keeping previous tuned parameters",
                                       "Filtering pod from stale",
                                       "Filtered ",
                                       "Skipping tuning",
                                       "Using tuned parameters",
                                       "Updated SystemData",
                                       "Saturation analysis",
                                       "Saturation-only decisions made"};

/// A key starts after one of these, or after a non-ASCII byte or `>` ("current=1→target=2",
/// "current=1->target=2").
bool isKeyBoundary(char c)
{
    return c == ' ' || c == ',' || c == '{' || c == ';' || c == '\n' || c == '\t' || c == '(' ||
           c == '>' || static_cast<unsigned char>(c) >= 0x80;
}

/// The text after `key=` (up to the next `,`, `;` or `}`), where `key` starts a word; nullopt
/// when the message has no such key.
std::optional<std::string_view> field(std::string_view msg, std::string_view key)
{
    std::size_t from = 0;
    while (true) {
        const std::size_t at = msg.find(key, from);
        if (at == std::string_view::npos)
            return std::nullopt;
        const std::size_t eq = at + key.size();
        if ((at == 0 || isKeyBoundary(msg[at - 1])) && eq < msg.size() && msg[eq] == '=') {
            std::size_t end = eq + 1;
            while (end < msg.size() && msg[end] != ',' && msg[end] != ';' && msg[end] != '}')
                ++end;
            std::string_view value = msg.substr(eq + 1, end - eq - 1);
            while (!value.empty() && value.back() == ' ')
                value.remove_suffix(1);
            return value;
        }
        from = at + 1;
    }
}

/// The number at the start of `text` ("0.00ms" -> 0, "0.195 (19.5%)" -> 0.195).
std::optional<double> leadingNumber(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end == text.data() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<double> numberField(std::string_view msg, std::string_view key)
{
    const auto value = field(msg, key);
    return value ? leadingNumber(*value) : std::nullopt;
}

class Reader
{
public:
    explicit Reader(const std::string &fileName) : m_warnings(fileName), m_cycles(m_warnings) {}

    void line(std::string_view text, int number);
    WvaLog finish();

private:
    void message(std::string_view msg, double time, int number);
    void unread(std::string_view msg, int number);

    WarningList m_warnings;
    WvaCycleAssembler m_cycles;
    WvaLog &m_log = m_cycles.log();
    std::optional<double> m_lastTime;
    std::string m_mode;
    std::set<std::string, std::less<>> m_unknownKinds;
};

void Reader::line(std::string_view text, int number)
{
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.empty())
        return;
    ++m_log.lines;
    nlohmann::json object = nlohmann::json::parse(text, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
        m_warnings.add(number, "not a JSON object; line skipped");
        return;
    }
    const auto ts = object.find("ts");
    const auto msg = object.find("msg");
    if (ts == object.end() || !ts->is_string() || msg == object.end() || !msg->is_string()) {
        m_warnings.add(number, "no \"ts\" or \"msg\" text; line skipped");
        return;
    }
    const std::optional<ParsedTime> time = Timestamp::parse(ts->get_ref<const std::string &>());
    if (!time) {
        m_warnings.add(number, fmt::format("unreadable time \"{}\"; line skipped",
                                           ts->get_ref<const std::string &>()));
        return;
    }
    if (m_lastTime && time->seconds < *m_lastTime - 1.0) {
        m_warnings.add(number, fmt::format("time goes back by {:.1f} s (from {} to {}); the lines "
                                           "are kept in the order of the file",
                                           *m_lastTime - time->seconds,
                                           Timestamp::format(*m_lastTime, false),
                                           Timestamp::format(time->seconds, false)));
    }
    m_lastTime = m_lastTime ? std::max(*m_lastTime, time->seconds) : time->seconds;
    message(msg->get_ref<const std::string &>(), time->seconds, number);
}

void Reader::message(std::string_view msg, double time, int number)
{
    auto starts = [&](std::string_view prefix) {
        return msg.substr(0, prefix.size()) == prefix;
    };
    if (starts("Operating in ")) {
        m_cycles.startCycle();
        std::string_view mode = msg.substr(13);
        mode = mode.substr(0, mode.find(' '));
        if (mode != m_mode) {
            if (!m_mode.empty()) {
                m_warnings.add(number, fmt::format("the controller's mode changes from {} to {}",
                                                   m_mode, mode));
            }
            m_mode = std::string(mode);
            m_log.modes.push_back({time, number, m_mode});
        }
        return;
    }
    if (starts("Reconciliation completed")) {
        m_cycles.closeCycle();
        return;
    }
    if (starts("Processing model")) {
        if (const auto model = field(msg, "modelID"))
            m_cycles.setModel(std::string(*model));
        return;
    }
    if (starts("Metrics collected for VA")) {
        const auto name = field(msg, "variant");
        if (!name || name->empty()) {
            m_warnings.add(number, "\"Metrics collected for VA\" without a variant; ignored");
            return;
        }
        WvaSample s;
        s.time = time;
        s.line = number;
        s.variant = std::string(*name);
        s.replicas = numberField(msg, "replicas").value_or(WvaSample::kUnknown);
        s.ttftMs = numberField(msg, "ttft").value_or(WvaSample::kUnknown);
        s.itlMs = numberField(msg, "itl").value_or(WvaSample::kUnknown);
        s.arrivalRate = numberField(msg, "arrivalRate").value_or(WvaSample::kUnknown);
        s.cost = numberField(msg, "cost").value_or(WvaSample::kUnknown);
        if (std::isnan(s.replicas))
            m_warnings.add(number, "\"Metrics collected for VA\" without a readable replicas=");
        m_cycles.addSample(std::move(s));
        return;
    }
    if (starts("KV cache metric:") || starts("Queue metric:")) {
        const bool kv = starts("KV");
        const auto pod = field(msg, "pod");
        const auto value = numberField(msg, kv ? "usage" : "queueLength");
        if (!pod || !value) {
            m_warnings.add(number, fmt::format("{} metric without a pod or a readable value; "
                                               "ignored",
                                               kv ? "KV cache" : "queue"));
            return;
        }
        m_cycles.addPodValue(kv, std::string(*pod), *value);
        return;
    }
    if (starts("Optimization solution")) {
        auto name = field(msg, "s");
        if (name)
            name = name->substr(0, name->find(':'));
        const auto rep = numberField(msg, "numRep");
        if (!name || !rep) {
            m_warnings.add(number, "optimization solution without a variant or numRep; ignored");
            return;
        }
        m_cycles.addPrediction(std::string(*name), *rep,
                               numberField(msg, "ttft").value_or(WvaSample::kUnknown),
                               numberField(msg, "itl").value_or(WvaSample::kUnknown));
        return;
    }
    if (starts("Processing decision")) {
        const auto name = field(msg, "variant");
        const auto action = field(msg, "action");
        const auto current = numberField(msg, "current");
        const auto target = numberField(msg, "target");
        if (!name || !action || !current || !target) {
            m_warnings.add(number, "decision without variant, action, current or target; ignored");
            return;
        }
        WvaDecision d;
        d.time = time;
        d.line = number;
        d.variant = std::string(*name);
        d.current = static_cast<int>(*current);
        d.target = static_cast<int>(*target);
        m_cycles.addDecision(std::move(d), *action);
        return;
    }
    if (starts("No scaling decisions to apply") ||
        msg.find("decision count: 0") != std::string_view::npos) {
        m_cycles.noDecisions();
        return;
    }
    for (const char *known : kInformational) {
        if (starts(known))
            return;
    }
    unread(msg, number);
}

void Reader::unread(std::string_view msg, int number)
{
    // One warning per kind of message (its text up to the first ':' or '='), not per line.
    std::string_view kind = msg.substr(0, std::min(msg.find_first_of(":="), std::size_t{60}));
    if (m_unknownKinds.size() >= 100 || !m_unknownKinds.insert(std::string(kind)).second)
        return;
    m_warnings.add(number, fmt::format("message not read by HPA Lens: \"{}\"", msg));
}

WvaLog Reader::finish()
{
    m_cycles.closeCycle();
    if (m_log.lines == 0)
        m_warnings.add(0, "no log lines");
    else if (m_log.samples.empty())
        m_warnings.add(0, "no \"Metrics collected for VA\" line: the log has no samples");
    m_log.warnings = m_warnings.take();
    return std::move(m_log);
}

} // namespace

WvaLog WvaLogParser::parse(std::string_view content, const std::string &fileName)
{
    Reader reader(fileName);
    int number = 0;
    std::size_t start = 0;
    while (start < content.size()) {
        std::size_t end = content.find('\n', start);
        if (end == std::string_view::npos)
            end = content.size();
        reader.line(content.substr(start, end - start), ++number);
        start = end + 1;
    }
    return reader.finish();
}

} // namespace hpa::core

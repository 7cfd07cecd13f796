#include "core/parsers/wva_metrics_csv_parser.h"

#include "core/model/ascii_text.h"
#include "core/model/timestamp.h"
#include "core/parsers/csv_cells.h"
#include "core/parsers/log_lines.h"
#include "core/parsers/wva_cycle_assembler.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <optional>
#include <set>
#include <vector>

namespace hpa::core {

namespace {

/// The columns read, by header name.
enum Col : std::size_t
{
    EventType,
    Time,
    Replicas,
    Ttft,
    Itl,
    Cost,
    ArrivalRate,
    ObservedReplicas,
    ObservedTtft,
    ObservedItl,
    Pod,
    QueueLength,
    KvUsage,
    KvPercent,
    PredictedReplicas,
    PredictedTtft,
    PredictedItl,
    Action,
    CurrentReplicas,
    TargetReplicas,
    TotalReplicas,
    NonSaturated,
    ShouldScaleUp,
    ScaleDownSafe,
    SloTtft,
    SloItl,
    kColumns
};

constexpr std::array<std::string_view, kColumns> kNames = {"event_type",
                                                           "timestamp",
                                                           "replicas",
                                                           "ttft",
                                                           "itl",
                                                           "cost",
                                                           "arrival_rate",
                                                           "observed_replicas",
                                                           "observed_ttft",
                                                           "observed_itl",
                                                           "pod",
                                                           "queue_length",
                                                           "kv_cache_usage",
                                                           "kv_cache_percent",
                                                           "predicted_replicas",
                                                           "predicted_ttft",
                                                           "predicted_itl",
                                                           "action",
                                                           "current_replicas",
                                                           "target_replicas",
                                                           "total_replicas",
                                                           "non_saturated_replicas",
                                                           "should_scale_up",
                                                           "scale_down_safe",
                                                           "slo_ttft",
                                                           "slo_itl"};

/// Replica counts past this are not a count (and would not fit the int of a decision).
constexpr double kMaxReplicas = 1e6;

/// A row's cell was unreadable: the row is skipped with this message.
struct BadCell
{
    std::string message;
};

class Reader
{
public:
    Reader(const std::string &fileName, const WvaMetricsCsvParser::Options &options)
        : m_options(options), m_warnings(fileName, options.maxWarnings), m_cycles(m_warnings)
    {
        m_index.fill(kMissing);
    }

    bool header(std::string_view line);
    void row(std::string_view line, int number);
    WvaMetricsCsvParser::Result finish();

private:
    static constexpr std::size_t kMissing = static_cast<std::size_t>(-1);

    std::string_view cell(Col c) const
    {
        return m_index[c] == kMissing ? std::string_view() : AsciiText::trim(m_cells[m_index[c]]);
    }
    /// The number in column `c`; nullopt when the cell is empty or the column absent.
    std::optional<double> number(Col c) const;
    /// The replica count in column `c` (a whole number 0..kMaxReplicas), or nullopt.
    std::optional<double> count(Col c) const;
    /// The number, which the row needs.
    double required(Col c, std::string_view kind) const;
    std::optional<bool> boolean(Col c) const;
    void read(std::string_view kind, double time, int number);

    const WvaMetricsCsvParser::Options &m_options;
    WarningList m_warnings;
    WvaCycleAssembler m_cycles;
    WvaMetricsCsvParser::Result m_result;
    std::array<std::size_t, kColumns> m_index{};
    std::size_t m_headerCells = 0;
    std::vector<std::string_view> m_cells;
    std::string m_scratch;
    std::optional<double> m_lastTime;
    std::set<std::string, std::less<>> m_unknownKinds;
};

bool Reader::header(std::string_view line)
{
    CsvCells::split(line, m_cells, m_scratch);
    m_headerCells = m_cells.size();
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        const std::string_view name = AsciiText::trim(m_cells[i]);
        for (std::size_t c = 0; c < kColumns; ++c) {
            if (name == kNames[c] && m_index[c] == kMissing)
                m_index[c] = i;
        }
    }
    m_result.longFormat = m_index[EventType] != kMissing && m_index[Time] != kMissing;
    return m_result.longFormat;
}

std::optional<double> Reader::number(Col c) const
{
    const std::string_view text = cell(c);
    if (text.empty())
        return std::nullopt;
    const auto value = LogLines::toDouble(text);
    if (!value) {
        throw BadCell{
            fmt::format("{} \"{}\" is not a number", kNames[c], CsvCells::shortened(text))};
    }
    return value;
}

std::optional<double> Reader::count(Col c) const
{
    const auto value = number(c);
    if (value && (*value < 0 || *value > kMaxReplicas || *value != std::floor(*value))) {
        throw BadCell{
            fmt::format("{} {} is not a replica count", kNames[c], CsvCells::shortened(cell(c)))};
    }
    return value;
}

double Reader::required(Col c, std::string_view kind) const
{
    const auto value = number(c);
    if (!value)
        throw BadCell{fmt::format("{} row without {}", kind, kNames[c])};
    return *value;
}

std::optional<bool> Reader::boolean(Col c) const
{
    const std::string_view text = cell(c);
    if (text.empty())
        return std::nullopt;
    if (text == "True" || text == "true")
        return true;
    if (text == "False" || text == "false")
        return false;
    throw BadCell{
        fmt::format("{} \"{}\" is not True or False", kNames[c], CsvCells::shortened(text))};
}

void Reader::row(std::string_view line, int number)
{
    if (AsciiText::trim(line).empty())
        return;
    ++m_result.rows;
    CsvCells::split(line, m_cells, m_scratch);
    if (m_cells.size() != m_headerCells) {
        ++m_result.skipped;
        m_warnings.add(number, fmt::format("{} cells where the header has {}; row skipped",
                                           m_cells.size(), m_headerCells));
        return;
    }
    const std::string_view kind = cell(EventType);
    const std::string_view stamp = cell(Time);
    const std::optional<ParsedTime> time = Timestamp::parse(stamp);
    if (!time || !std::isfinite(time->seconds)) {
        ++m_result.skipped;
        m_warnings.add(number, fmt::format("unreadable timestamp \"{}\"; row skipped",
                                           CsvCells::shortened(stamp)));
        return;
    }
    if (m_lastTime && time->seconds < *m_lastTime - 1.0) {
        m_warnings.add(number, fmt::format("time goes back by {:.1f} s (from {} to {}); the rows "
                                           "are kept in the order of the file",
                                           *m_lastTime - time->seconds,
                                           Timestamp::format(*m_lastTime, false),
                                           Timestamp::format(time->seconds, false)));
    }
    m_lastTime = m_lastTime ? std::max(*m_lastTime, time->seconds) : time->seconds;
    try {
        read(kind, time->seconds, number);
    } catch (const BadCell &bad) {
        ++m_result.skipped;
        m_warnings.add(number, bad.message + "; row skipped");
    }
}

void Reader::read(std::string_view kind, double time, int line)
{
    const std::string &variant = m_options.variant;
    if (kind == "metrics" || kind == "observed_metrics") {
        const bool observed = kind == "observed_metrics";
        WvaSample s;
        s.time = time;
        s.line = line;
        s.variant = variant;
        s.replicas = count(observed ? ObservedReplicas : Replicas).value_or(WvaSample::kUnknown);
        s.ttftMs = number(observed ? ObservedTtft : Ttft).value_or(WvaSample::kUnknown);
        s.itlMs = number(observed ? ObservedItl : Itl).value_or(WvaSample::kUnknown);
        if (!observed) {
            s.cost = number(Cost).value_or(WvaSample::kUnknown);
            s.arrivalRate = number(ArrivalRate).value_or(WvaSample::kUnknown);
        }
        if (std::isnan(s.replicas))
            m_warnings.add(line, fmt::format("{} row without replicas", kind));
        m_cycles.addSample(std::move(s));
    } else if (kind == "queue" || kind == "kv_cache") {
        const bool kv = kind == "kv_cache";
        const std::string_view pod = cell(Pod);
        if (pod.empty())
            throw BadCell{fmt::format("{} row without a pod", kind)};
        double value = 0;
        if (!kv) {
            value = required(QueueLength, kind);
        } else if (const auto usage = number(KvUsage)) {
            value = *usage;
        } else {
            value = required(KvPercent, kind) / 100.0;
        }
        // Rows carry no cycle marker: a pod's second value belongs to the next cycle.
        if (m_cycles.hasPodValue(kv, pod))
            m_cycles.startCycle();
        m_cycles.addPodValue(kv, std::string(pod), value);
    } else if (kind == "prediction") {
        const double replicas = count(PredictedReplicas).value_or(WvaSample::kUnknown);
        if (std::isnan(replicas))
            throw BadCell{"prediction row without predicted_replicas"};
        m_cycles.addPrediction(variant, replicas,
                               number(PredictedTtft).value_or(WvaSample::kUnknown),
                               number(PredictedItl).value_or(WvaSample::kUnknown));
    } else if (kind == "scaling_decision") {
        const std::string_view action = cell(Action);
        const auto current = count(CurrentReplicas);
        const auto target = count(TargetReplicas);
        if (action.empty() || !current || !target)
            throw BadCell{"scaling_decision row without action, current_replicas or "
                          "target_replicas"};
        WvaDecision d;
        d.time = time;
        d.line = line;
        d.variant = variant;
        d.current = static_cast<int>(*current);
        d.target = static_cast<int>(*target);
        m_cycles.addDecision(std::move(d), action);
    } else if (kind == "capacity_analysis") {
        // Checked so a damaged row is said, but nothing of it is charted.
        count(TotalReplicas);
        count(NonSaturated);
        boolean(ShouldScaleUp);
        boolean(ScaleDownSafe);
    } else if (kind == "slo") {
        number(SloTtft);
        number(SloItl);
    } else {
        ++m_result.skipped;
        const std::string shown = kind.empty() ? std::string("(empty)") : CsvCells::shortened(kind);
        if (m_unknownKinds.size() < 100 && m_unknownKinds.insert(std::string(kind)).second) {
            m_warnings.add(line, fmt::format("event_type \"{}\" is not read by HPA Lens; its rows "
                                             "are skipped",
                                             shown));
        }
        return;
    }
    ++m_result.kinds[std::string(kind)];
}

WvaMetricsCsvParser::Result Reader::finish()
{
    m_cycles.closeCycle();
    m_result.log = std::move(m_cycles.log());
    m_result.log.lines = m_result.rows;
    if (m_result.longFormat && m_result.log.samples.empty()) {
        m_warnings.add(0, "no metrics or observed_metrics row: the file has no samples");
    }
    m_result.log.warnings = m_warnings.take();
    return std::move(m_result);
}

} // namespace

bool WvaMetricsCsvParser::isLongFormat(std::string_view headerLine)
{
    std::vector<std::string_view> cells;
    std::string scratch;
    CsvCells::split(headerLine, cells, scratch);
    bool event = false, time = false;
    for (const std::string_view c : cells) {
        event = event || AsciiText::trim(c) == "event_type";
        time = time || AsciiText::trim(c) == "timestamp";
    }
    return event && time;
}

WvaMetricsCsvParser::Result WvaMetricsCsvParser::parse(std::string_view content,
                                                       const std::string &fileName,
                                                       const Options &options)
{
    Reader reader(fileName, options);
    const std::vector<LogLines::Line> lines = LogLines::split(content);
    std::size_t i = 0;
    while (i < lines.size() && AsciiText::trim(lines[i].text).empty())
        ++i;
    if (i == lines.size()) {
        WarningList warnings(fileName, options.maxWarnings);
        warnings.add(0, "empty file");
        Result result;
        result.log.warnings = warnings.take();
        return result;
    }
    if (!reader.header(lines[i].text)) {
        WarningList warnings(fileName, options.maxWarnings);
        warnings.add(lines[i].number, "no event_type and timestamp columns: not the long format "
                                      "of a WVA run; not read");
        Result result;
        result.log.warnings = warnings.take();
        return result;
    }
    for (++i; i < lines.size(); ++i)
        reader.row(lines[i].text, lines[i].number);
    Result result = reader.finish();
    return result;
}

} // namespace hpa::core

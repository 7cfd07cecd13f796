#include "core/library/run_columns.h"

#include "core/model/number_format.h"
#include "core/model/timestamp.h"

#include <algorithm>
#include <cctype>

namespace hpa::core {

namespace {

std::string lower(std::string_view text)
{
    std::string s(text);
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const std::optional<double> *field(const RunRow &r, RunColumns::Id id)
{
    switch (id) {
    case RunColumns::Start:
        return &r.startSeconds;
    case RunColumns::Duration:
        return &r.durationSeconds;
    case RunColumns::Samples:
        return &r.samples;
    case RunColumns::Warnings:
        return &r.warnings;
    case RunColumns::MaxReplicas:
        return &r.maxReplicas;
    case RunColumns::MeanReplicas:
        return &r.meanReplicas;
    case RunColumns::ReplicaHours:
        return &r.replicaHours;
    case RunColumns::WaitingP90:
        return &r.waitingP90;
    case RunColumns::KvMean:
        return &r.kvMeanPct;
    case RunColumns::ThetaU:
        return &r.thetaUPct;
    case RunColumns::TauU:
        return &r.tauUPct;
    case RunColumns::ReactionMedian:
        return &r.reactionMedianS;
    case RunColumns::SloTtft:
        return &r.sloTtftPct;
    case RunColumns::SloItl:
        return &r.sloItlPct;
    default:
        return nullptr;
    }
}

} // namespace

const std::vector<RunColumns::Column> &RunColumns::all()
{
    // In Id order. Keys follow `hpa-lens summary --json` where it has the same value.
    static const std::vector<Column> columns = {
        {Name, "name", "Name", "", Kind::Text},
        {Path, "path", "Path", "", Kind::Text},
        {Layout, "layout", "Layout", "", Kind::Text},
        {Start, "start", "Start", "", Kind::Date},
        {Duration, "duration_s", "Duration", "s", Kind::Number},
        {Samples, "samples", "Samples", "", Kind::Number},
        {Warnings, "warnings", "Warnings", "", Kind::Number, Better::Lower},
        {MaxReplicas, "replicas_max", "Max replicas", "", Kind::Number, Better::Lower},
        {MeanReplicas, "replicas_mean", "Mean replicas", "", Kind::Number, Better::Lower},
        {ReplicaHours, "replica_hours", "Replica-hours", "h", Kind::Number, Better::Lower},
        {WaitingP90, "waiting_p90", "Waiting p90", "requests", Kind::Number, Better::Lower},
        {KvMean, "kv_cache_mean_pct", "KV cache mean", "%", Kind::Number},
        {ThetaU, "theta_u_pct", "θU", "%", Kind::Number, Better::Lower},
        {TauU, "tau_u_pct", "τU", "%", Kind::Number, Better::Lower},
        {ReactionMedian, "reaction_median_s", "Reaction median", "s", Kind::Number, Better::Lower},
        {SloTtft, "slo_ttft_attainment_pct", "TTFT SLO attainment", "%", Kind::Number,
         Better::Higher},
        {SloItl, "slo_itl_attainment_pct", "ITL SLO attainment", "%", Kind::Number, Better::Higher},
        {Status, "status", "Status", "", Kind::Text},
        {Tags, "tags", "Tags", "", Kind::Text},
        {Notes, "notes", "Notes", "", Kind::Text},
    };
    return columns;
}

std::optional<RunColumns::Id> RunColumns::fromKey(std::string_view key)
{
    for (const Column &c : all())
        if (c.key == key)
            return c.id;
    return std::nullopt;
}

std::optional<double> RunColumns::number(const RunRow &row, Id id)
{
    const std::optional<double> *f = field(row, id);
    return f ? *f : std::nullopt;
}

std::string RunColumns::text(const RunRow &row, Id id)
{
    switch (id) {
    case Name:
        return row.name;
    case Path:
        return row.path;
    case Layout:
        return row.layout;
    case Start:
        if (!row.start.empty())
            return row.start;
        return row.startSeconds ? Timestamp::format(*row.startSeconds, false) : std::string();
    case Duration:
        return row.durationSeconds ? Timestamp::formatElapsed(*row.durationSeconds) : std::string();
    case Status:
        return row.status == RunRow::Status::Ok ? std::string()
                                                : std::string(statusKey(row.status));
    case Tags:
        return row.tags;
    case Notes:
        return row.notes;
    default:
        break;
    }
    const std::optional<double> v = number(row, id);
    if (!v)
        return {};
    switch (id) {
    case Samples:
    case Warnings:
    case MaxReplicas:
        return NumberFormat::fixed(*v, 0);
    case ReplicaHours:
        return NumberFormat::fixed(*v, 3);
    case ReactionMedian:
        return NumberFormat::fixed(*v, 0);
    default:
        return NumberFormat::fixed(*v, 1);
    }
}

std::string RunColumns::label(Id id)
{
    const Column &c = column(id);
    std::string s(c.title);
    if (id == Duration)
        return s + " (mm:ss)"; // shown as elapsed time; its number (JSON, scatter) is seconds
    if (!c.unit.empty())
        s.append(" (").append(c.unit).append(")");
    return s;
}

bool RunColumns::less(const RunRow &a, const RunRow &b, Id id)
{
    if (column(id).kind == Kind::Text) {
        const std::string la = lower(text(a, id)), lb = lower(text(b, id));
        return la != lb ? la < lb : a.path < b.path;
    }
    const auto va = number(a, id), vb = number(b, id);
    if (va.has_value() != vb.has_value())
        return va.has_value(); // unknown last
    if (va && *va != *vb)
        return *va < *vb;
    return a.path < b.path;
}

bool RunColumns::matches(const RunRow &row, std::string_view filter)
{
    const std::string haystack =
        lower(row.name + '\n' + row.path + '\n' + row.layout + '\n' + row.tags + '\n' + row.notes);
    std::size_t at = 0;
    while (at < filter.size()) {
        const std::size_t end = std::min(filter.find(' ', at), filter.size());
        if (end > at && haystack.find(lower(filter.substr(at, end - at))) == std::string::npos)
            return false;
        at = end + 1;
    }
    return true;
}

std::string_view RunColumns::statusKey(RunRow::Status status)
{
    switch (status) {
    case RunRow::Status::Ok:
        return "ok";
    case RunRow::Status::Failed:
        return "failed";
    case RunRow::Status::Missing:
        return "missing";
    }
    return "ok";
}

} // namespace hpa::core

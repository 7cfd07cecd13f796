#include "core/report/comparison_text.h"

#include "core/analysis/alignment.h"
#include "core/report/summary_text.h"

#include <fmt/format.h>

#include <set>

namespace hpa::core {

namespace {

constexpr std::string_view kRule =
    "======================================================================\n";
constexpr int kDecimals = 3;

std::string cell(const std::optional<double> &v)
{
    return v ? SummaryText::number(*v, kDecimals) : std::string("N/A");
}

std::string marker(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return "better";
    case Verdict::Worse:
        return "worse";
    case Verdict::Same:
    case Verdict::Unknown:
        break;
    }
    return {};
}

} // namespace

std::string ComparisonText::signedNumber(double value, int decimals)
{
    const std::string s = SummaryText::number(value, decimals);
    return s == "0" || s == "N/A" || s.front() == '-' ? s : "+" + s;
}

namespace {

std::string_view loadProfileWords(LoadProfileMatch::Kind kind)
{
    switch (kind) {
    case LoadProfileMatch::Kind::Same:
        return "same load profile";
    case LoadProfileMatch::Kind::Different:
        return "load profiles differ";
    case LoadProfileMatch::Kind::Unknown:
        return "load profile unknown";
    }
    return "load profile unknown";
}

} // namespace

std::string ComparisonText::render(const ExperimentComparison &c)
{
    const ExperimentSummary &a = c.summaryA();
    const ExperimentSummary &b = c.summaryB();
    std::string out;
    out += kRule;
    out += "EXPERIMENT COMPARISON (B relative to A)\n";
    out += kRule;
    out += fmt::format("A: {}  ({})\n", a.name, a.path);
    out += fmt::format("B: {}  ({})\n\n", b.name, b.path);
    if (c.sameRun())
        out += "A and B are the same run: every difference below is zero by construction.\n\n";
    out += fmt::format("Autoscalers:  A {}, B {}\n", autoscalerKindKey(a.autoscaler.kind),
                       autoscalerKindKey(b.autoscaler.kind));
    out += fmt::format("Load profile: {} ({})\n", loadProfileWords(c.loadProfile().kind),
                       c.loadProfile().detail);
    out += fmt::format("Charts align on: {} (export and the window, unless --align / View)\n\n",
                       Alignment::label(Alignment::defaultFor(c.loadProfile())));

    const std::string header = fmt::format("{:<36}{:>14}{:>14}{:>14}{:>10}  {}", "Statistic", "A",
                                           "B", "B-A", "change", "verdict");
    out += header;
    out += '\n';
    out += std::string(header.size(), '-');
    out += '\n';
    // A series neither run has data for gets one line instead of seven rows of N/A.
    std::set<std::string> withData;
    for (const ComparisonRow &r : c.rows()) {
        if (r.a || r.b || !r.notCollected.empty())
            withData.insert(r.group);
    }
    std::string group;
    for (const ComparisonRow &r : c.rows()) {
        if (r.group != group) {
            group = r.group;
            out += group;
            out += '\n';
            if (!withData.count(group))
                out += "  (no data in either run)\n";
        }
        if (!withData.count(group))
            continue;
        if (!r.notCollected.empty()) {
            out += fmt::format("  {}\n", r.notCollected);
            continue;
        }
        const std::string delta = r.delta ? signedNumber(*r.delta, kDecimals) : "";
        const std::string percent = r.percent ? signedNumber(*r.percent, 1) + "%" : "";
        const std::string label =
            r.resolution ? fmt::format("{} ±{} s", r.label, SummaryText::number(*r.resolution, 1))
                         : r.label;
        std::string verdict = marker(r.verdict);
        if (!r.note.empty())
            verdict += (verdict.empty() ? "(" : " (") + r.note + ")";
        std::string line = fmt::format("  {:<34}{:>14}{:>14}{:>14}{:>10}  {}", label, cell(r.a),
                                       cell(r.b), delta, percent, verdict);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line;
        out += '\n';
    }

    out += '\n';
    out += kRule;
    out += "Metadata that differs\n";
    out += kRule;
    if (c.metadataDifferences().empty())
        out += "(none)\n";
    for (const MetadataDifference &d : c.metadataDifferences()) {
        out += fmt::format("{}\n", d.key);
        out += fmt::format("  A: {}\n", d.a ? *d.a : "(not set)");
        out += fmt::format("  B: {}\n", d.b ? *d.b : "(not set)");
    }
    return out;
}

} // namespace hpa::core

#include "core/report/run_comparison_text.h"

#include "core/report/comparison_text.h"
#include "core/report/summary_text.h"

#include <fmt/format.h>

#include <set>

namespace hpa::core {

namespace {

constexpr std::string_view kRule =
    "======================================================================\n";
constexpr int kDecimals = 3;
constexpr int kValueWidth = 12;
constexpr int kDeltaWidth = 22;

std::string value(const std::optional<double> &v)
{
    return v ? SummaryText::number(*v, kDecimals) : std::string("N/A");
}

std::string delta(const RunComparisonCell &c)
{
    if (!c.delta)
        return {};
    std::string out = ComparisonText::signedNumber(*c.delta, kDecimals);
    if (c.percent)
        out += " (" + ComparisonText::signedNumber(*c.percent, 1) + "%)";
    if (c.verdict == Verdict::Better)
        out += " b";
    else if (c.verdict == Verdict::Worse)
        out += " w";
    return out;
}

} // namespace

std::string RunComparisonText::render(const RunComparison &c)
{
    const std::size_t n = c.runCount();
    std::string out;
    out += kRule;
    out += fmt::format("EXPERIMENT COMPARISON ({} runs, each relative to A)\n", n);
    out += kRule;
    for (std::size_t i = 0; i < n; ++i)
        out += fmt::format("{}: {}  ({})\n", RunComparison::letter(i), c.summaries()[i].name,
                           c.summaries()[i].path);
    out += "\nb: better than A, w: worse than A (as `hpa-lens compare A X` grades it)\n";
    for (std::size_t i = 1; i < n; ++i) {
        const LoadProfileMatch &load = c.pair(i).loadProfile();
        out += fmt::format("Load profile {} vs A: {}\n", RunComparison::letter(i),
                           load.kind == LoadProfileMatch::Kind::Same        ? "same"
                           : load.kind == LoadProfileMatch::Kind::Different ? "differs"
                                                                            : "unknown");
    }
    out += '\n';

    std::string header = fmt::format("{:<46}{:>{}}", "Statistic", "A", kValueWidth);
    for (std::size_t i = 1; i < n; ++i) {
        const std::string l = RunComparison::letter(i);
        header += fmt::format("{:>{}}{:>{}}", l, kValueWidth, l + "-A", kDeltaWidth);
    }
    out += header + '\n' + std::string(header.size(), '-') + '\n';
    // A section no run has data for gets one line instead of rows of N/A.
    std::set<std::string> withData;
    for (const RunComparisonRow &r : c.rows()) {
        for (const RunComparisonCell &cell : r.cells) {
            if (cell.value || !r.notCollected.empty())
                withData.insert(r.group);
        }
    }
    std::string group;
    for (const RunComparisonRow &r : c.rows()) {
        if (r.group != group) {
            group = r.group;
            out += group + '\n';
            if (!withData.count(group))
                out += "  (no data in any run)\n";
        }
        if (!withData.count(group))
            continue;
        if (!r.notCollected.empty() && r.key.find('.', 7) == std::string::npos) {
            out += fmt::format("  {}\n", r.notCollected);
            continue;
        }
        const std::string label =
            r.resolution ? fmt::format("{} ±{} s", r.label, SummaryText::number(*r.resolution, 1))
                         : r.label;
        std::string line =
            fmt::format("  {:<34}{:>{}}", label, value(r.cells[0].value), kValueWidth);
        for (std::size_t i = 1; i < n; ++i)
            line += fmt::format("{:>{}}{:>{}}", value(r.cells[i].value), kValueWidth,
                                delta(r.cells[i]), kDeltaWidth);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + '\n';
    }

    out += '\n';
    out += kRule;
    out += "Settings that differ\n";
    out += kRule;
    if (c.settingDifferences().empty())
        out += "(none)\n";
    for (const RunSettingDifference &d : c.settingDifferences()) {
        out += d.key + '\n';
        for (std::size_t i = 0; i < n; ++i)
            out += fmt::format("  {}: {}\n", RunComparison::letter(i),
                               d.values[i] ? *d.values[i] : "(not set)");
    }
    return out;
}

} // namespace hpa::core

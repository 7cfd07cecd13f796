#include "core/report/summary_csv_writer.h"

#include "core/analysis/summary_statistics.h"
#include "core/model/number_format.h"
#include "core/report/metrics_csv_writer.h"

#include <fmt/format.h>

#include <cmath>

namespace hpa::core {

namespace {

/// 10 significant digits (NumberFormat::shortest): the value HPA Lens computed, without the
/// binary noise of its last bits; empty when unknown.
std::string number(const std::optional<double> &v)
{
    return v && std::isfinite(*v) ? NumberFormat::shortest(*v) : std::string();
}

} // namespace

std::string SummaryCsvWriter::write(const ExperimentSummary &summary)
{
    std::string out = "statistic,value\n";
    for (const Statistic &s : SummaryStatistics::list(summary))
        out += fmt::format("{},{}\n", MetricsCsvWriter::cell(s.key), number(s.value));
    return out;
}

std::string SummaryCsvWriter::write(const ExperimentComparison &comparison)
{
    std::string out = "statistic,a,b,delta,percent\n";
    for (const ComparisonRow &r : comparison.rows()) {
        out += fmt::format("{},{},{},{},{}\n", MetricsCsvWriter::cell(r.key), number(r.a),
                           number(r.b), number(r.delta), number(r.percent));
    }
    return out;
}

} // namespace hpa::core

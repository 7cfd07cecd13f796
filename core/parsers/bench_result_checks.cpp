#include "core/parsers/bench_result_checks.h"

#include "core/model/number_format.h"

#include <fmt/format.h>

#include <cmath>

namespace hpa::core {

namespace {

std::string num(double v)
{
    return NumberFormat::fixed(v, 2);
}

/// `printed` (rounded to 0.01) against `count / duration`, the duration itself printed
/// rounded to 0.01 s: the tolerance covers both roundings and a relative 1e-4.
bool rateMatches(double printed, double count, double duration)
{
    if (!(duration > 0))
        return true;
    const double computed = count / duration;
    const double tolerance = 0.0051 + computed * (0.0051 / duration) + 1e-4 * computed;
    return std::fabs(printed - computed) <= tolerance;
}

} // namespace

void BenchResultChecks::run(const BenchJob &job, std::optional<double> trafficRate, int trafficLine,
                            WarningList &warnings)
{
    if (!job.result)
        return;
    const BenchResult &r = *job.result;
    const int line = r.line;
    const auto ok = r.value("successful_requests");
    const auto failed = r.value("failed_requests");
    const auto prompts = job.config.number("num_prompts");
    if (ok && failed && prompts && *ok + *failed != *prompts) {
        warnings.add(line, fmt::format("self-check: successful {} + failed {} = {}, but "
                                       "num_prompts in Namespace(...) is {}",
                                       num(*ok), num(*failed), num(*ok + *failed), num(*prompts)));
    }
    if (ok && *ok == 0)
        warnings.add(line, "all requests failed: its latency figures are 0.00 by vLLM's "
                           "convention and mean nothing");
    const auto duration = r.value("benchmark_duration_s");
    const auto input = r.value("total_input_tokens");
    const auto generated = r.value("total_generated_tokens");
    struct Rate
    {
        const char *key;
        std::optional<double> count;
    };
    const Rate rates[] = {
        {"request_throughput_req_s", ok},
        {"output_token_throughput_tok_s", generated},
        {"total_token_throughput_tok_s",
         input && generated ? std::optional<double>(*input + *generated) : std::nullopt}};
    for (const Rate &rate : rates) {
        const BenchField *f = r.field(rate.key);
        if (!f || !f->value || !rate.count || !duration)
            continue;
        if (!rateMatches(*f->value, *rate.count, *duration)) {
            warnings.add(f->line, fmt::format("self-check: {} {} does not match {} / {} s = {}",
                                              f->label, f->text, num(*rate.count), num(*duration),
                                              num(*rate.count / *duration)));
        }
    }
    if (duration && job.barSeconds && job.barDone && job.barTotal &&
        *job.barDone == *job.barTotal) {
        const double d = *duration - *job.barSeconds;
        if (d < -1e-9 || d >= 1.0 + 1e-9) {
            warnings.add(line, fmt::format("self-check: the progress bar ran {} s but the "
                                           "benchmark duration is {} s",
                                           num(*job.barSeconds), num(*duration)));
        }
    }
    const auto configured = r.value("request_rate_configured_rps");
    const auto nsRate = job.config.number("request_rate");
    const auto differ = [](double a, double b) {
        return std::fabs(a - b) > 0.0051;
    };
    if (configured && nsRate && std::isfinite(*nsRate) && differ(*configured, *nsRate)) {
        warnings.add(line, fmt::format("self-check: request rate configured {} in the block, "
                                       "but request_rate={} in Namespace(...)",
                                       num(*configured), num(*nsRate)));
    }
    if (trafficRate && nsRate && *trafficRate != *nsRate &&
        !(std::isinf(*trafficRate) && std::isinf(*nsRate))) {
        warnings.add(trafficLine, fmt::format("self-check: Traffic request rate {} differs "
                                              "from request_rate={} in Namespace(...)",
                                              num(*trafficRate), num(*nsRate)));
    }
}

} // namespace hpa::core

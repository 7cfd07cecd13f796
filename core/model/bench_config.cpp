#include "core/model/bench_config.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace hpa::core {

std::optional<std::string> BenchConfig::text(std::string_view key) const
{
    for (const auto &[k, v] : fields) {
        if (k == key)
            return v;
    }
    return std::nullopt;
}

std::optional<double> BenchConfig::number(std::string_view key) const
{
    const std::optional<std::string> t = text(key);
    if (!t || t->empty())
        return std::nullopt;
    if (*t == "inf")
        return HUGE_VAL;
    char *end = nullptr;
    const double v = std::strtod(t->c_str(), &end);
    if (end != t->c_str() + t->size() || std::isnan(v))
        return std::nullopt;
    return v;
}

const std::vector<std::string_view> &BenchConfig::keys()
{
    static const std::vector<std::string_view> kKeys{"model",
                                                     "dataset_name",
                                                     "request_rate",
                                                     "burstiness",
                                                     "num_prompts",
                                                     "max_concurrency",
                                                     "percentile_metrics",
                                                     "metric_percentiles",
                                                     "goodput",
                                                     "sharegpt_output_len",
                                                     "seed",
                                                     "base_url",
                                                     "endpoint",
                                                     "ready_check_timeout_sec",
                                                     "ramp_up_strategy",
                                                     "request_id_prefix"};
    return kKeys;
}

} // namespace hpa::core

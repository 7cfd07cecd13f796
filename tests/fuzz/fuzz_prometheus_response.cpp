// libFuzzer target: Prometheus HTTP API answers through PrometheusResponseParser (nlohmann-json;
// deep nesting, wrong types, sample values that are not numbers, invalid UTF-8).
#include "core/import/prometheus_response_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    hpa::core::PrometheusResponseParser::Options options;
    options.maxSeries = 50;
    options.maxSamples = 1000;
    const auto result = hpa::core::PrometheusResponseParser::parse(content, options);
    require(result.success == result.error.empty(), "success and error both or neither");
    require(result.series.size() <= options.maxSeries + 1, "more series than the limit");
    std::size_t samples = 0;
    for (const auto &s : result.series) {
        samples += s.samples.size();
        for (const auto &[t, v] : s.samples)
            require(std::isfinite(t), "a sample time that is not finite");
    }
    require(samples <= options.maxSamples + 1, "more samples than the limit");
    for (const auto &w : result.warnings)
        require(!w.empty() && w.find('\n') == std::string::npos, "an empty or multi-line warning");
    require(result.error.find('\n') == std::string::npos, "a multi-line error");
    return 0;
}

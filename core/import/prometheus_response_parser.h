#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hpa::core {

/// One series of a Prometheus `matrix` (query_range) or `vector` (query) result.
struct PrometheusSeries
{
    std::map<std::string, std::string> labels;
    /// (Unix seconds, value) in the server's order; NaN where the server wrote "NaN".
    std::vector<std::pair<double, double>> samples;
};

/// Reads the JSON envelope every Prometheus-compatible API answers with
/// (`{"status":"success","data":...,"warnings":[...]}` or `{"status":"error",...}`).
class PrometheusResponseParser
{
public:
    struct Options
    {
        /// Series and samples beyond these are dropped with a warning (a hostile or runaway
        /// answer must not exhaust memory).
        std::size_t maxSeries = 10000;
        std::size_t maxSamples = 5'000'000;
    };

    struct Result
    {
        bool success = false;
        /// The server's own `errorType` and `error` when status is "error", or what was wrong
        /// with the body when it is not a Prometheus answer.
        std::string errorType;
        std::string error;
        std::string resultType; ///< "matrix", "vector", "scalar", "string" or empty
        std::vector<PrometheusSeries> series;
        /// `data` of a label-values answer (/api/v1/label/<name>/values).
        std::vector<std::string> labelValues;
        /// The server's `warnings` and the parser's own, one line each.
        std::vector<std::string> warnings;
    };

    /// Parses a query / query_range answer. Never throws.
    static Result parse(std::string_view body, const Options &options);
    static Result parse(std::string_view body) { return parse(body, Options{}); }
};

} // namespace hpa::core

#pragma once

#include "core/import/prometheus_response_parser.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace hpa::core {

/// A Prometheus HTTP API client (libcurl; Thanos, Mimir, Cortex and VictoriaMetrics answer the
/// same API). Synchronous: call it off the GUI thread. Failures come back as one line in
/// Answer::error, never as exceptions, and never contain the bearer token.
class PrometheusClient
{
public:
    struct Options
    {
        std::string baseUrl;     ///< http(s)://host:port[/prefix], no trailing /api
        std::string bearerToken; ///< sent as `Authorization: Bearer`, never written anywhere
        double connectTimeoutSeconds = 10;
        double timeoutSeconds = 60; ///< per request
        int maxRetries = 4;         ///< extra attempts after a 429 or a 503
        double backoffSeconds = 1;  ///< first wait; doubles each retry (Retry-After wins)
        /// Points per series and request: Prometheus refuses more than 11,000.
        std::size_t maxPointsPerRequest = 10000;
        const std::atomic<bool> *cancel = nullptr; ///< polled during transfers and waits
    };

    struct Answer
    {
        bool ok = false;
        bool cancelled = false;
        std::string error; ///< one line: what failed, where, and the server's own words
        std::vector<PrometheusSeries> series;
        std::vector<std::string> labelValues;
        std::vector<std::string> warnings; ///< the server's and the parser's
        int requests = 0;                  ///< HTTP requests made, retries included
    };

    explicit PrometheusClient(Options options);

    /// /api/v1/query_range from `start` to `end` (Unix seconds) every `step` seconds, split
    /// into requests of at most maxPointsPerRequest points whose timestamps all lie on the
    /// one grid start + k * step. Series are merged across the requests by their labels.
    /// `progress` gets the fraction of requests done.
    Answer queryRange(const std::string &query, double start, double end, double step,
                      const std::function<void(double)> &progress = {}) const;

    /// /api/v1/label/<label>/values, restricted to series matching `match` (may be empty)
    /// between start and end.
    Answer labelValues(const std::string &label, const std::string &match, double start,
                       double end) const;

    /// `url` without user:password@ and without a query string: what may be written or shown.
    static std::string redactedUrl(const std::string &url);

private:
    struct Http
    {
        long status = 0;
        std::string body;
        std::string error; ///< transport failure, empty when an HTTP status came back
        double retryAfterSeconds = -1;
        bool cancelled = false;
    };

    Http request(const std::string &path, const std::string &form, bool usePost) const;
    /// One API call with the retries; fills `answer` (ok, error, parsed result).
    PrometheusResponseParser::Result call(const std::string &path, const std::string &form,
                                          const std::string &what, Answer &answer) const;
    bool cancelled() const;
    bool sleepUnlessCancelled(double seconds) const;

    Options m_options;
};

} // namespace hpa::core

#include "core/import/prometheus_client.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

namespace hpa::core {

namespace {

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t appendBody(char *data, std::size_t size, std::size_t count, void *target)
{
    auto *body = static_cast<std::string *>(target);
    // An API answer larger than 1 GiB is not one to keep in memory.
    if (body->size() + size * count > (std::size_t(1) << 30))
        return 0;
    body->append(data, size * count);
    return size * count;
}

std::size_t readHeader(char *data, std::size_t size, std::size_t count, void *target)
{
    const std::string_view line(data, size * count);
    constexpr std::string_view kRetryAfter = "retry-after:";
    if (line.size() > kRetryAfter.size()) {
        std::string name(line.substr(0, kRetryAfter.size()));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (name == kRetryAfter) {
            try {
                *static_cast<double *>(target) =
                    std::stod(std::string(line.substr(kRetryAfter.size())));
            } catch (...) { // an HTTP date: keep the own backoff
            }
        }
    }
    return size * count;
}

int transferProgress(void *flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *cancel = static_cast<const std::atomic<bool> *>(flag);
    return cancel && cancel->load() ? 1 : 0;
}

bool isTlsError(CURLcode code)
{
    switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return true;
    default:
        return false;
    }
}

std::string escaped(CURL *curl, const std::string &text)
{
    char *out = curl_easy_escape(curl, text.c_str(), static_cast<int>(text.size()));
    std::string result = out ? out : "";
    curl_free(out);
    return result;
}

/// Seconds as the API takes them: fractional, no exponent.
std::string apiTime(double seconds)
{
    return fmt::format("{:.3f}", seconds);
}

std::string oneLine(std::string text, std::size_t max = 300)
{
    for (char &c : text)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    if (text.size() > max)
        text = text.substr(0, max) + "...";
    return text;
}

} // namespace

PrometheusClient::PrometheusClient(Options options) : m_options(std::move(options))
{
    while (!m_options.baseUrl.empty() && m_options.baseUrl.back() == '/')
        m_options.baseUrl.pop_back();
    if (m_options.maxPointsPerRequest < 2)
        m_options.maxPointsPerRequest = 2;
    initCurlOnce();
}

std::string PrometheusClient::redactedUrl(const std::string &url)
{
    std::string out = url.substr(0, url.find_first_of("?#"));
    const auto scheme = out.find("://");
    const std::size_t hostStart = scheme == std::string::npos ? 0 : scheme + 3;
    const auto pathStart = out.find('/', hostStart);
    const auto at = out.rfind('@', pathStart == std::string::npos ? out.size() : pathStart);
    if (at != std::string::npos && at >= hostStart)
        out.erase(hostStart, at + 1 - hostStart);
    while (!out.empty() && out.back() == '/')
        out.pop_back();
    return out;
}

bool PrometheusClient::cancelled() const
{
    return m_options.cancel && m_options.cancel->load();
}

bool PrometheusClient::sleepUnlessCancelled(double seconds) const
{
    const auto until = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
    while (std::chrono::steady_clock::now() < until) {
        if (cancelled())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return !cancelled();
}

PrometheusClient::Http PrometheusClient::request(const std::string &path, const std::string &form,
                                                 bool usePost) const
{
    Http http;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
        http.error = "libcurl could not start a transfer";
        return http;
    }
    CURL *c = curl.get();
    const std::string url = m_options.baseUrl + path + (usePost ? "" : "?" + form);
    curl_slist *headers = nullptr;
    headers = curl_slist_append(headers, "Accept: application/json");
    std::string authorization;
    if (!m_options.bearerToken.empty()) {
        authorization = "Authorization: Bearer " + m_options.bearerToken;
        headers = curl_slist_append(headers, authorization.c_str());
    }
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerGuard(headers,
                                                                            &curl_slist_free_all);
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    if (usePost) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, form.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(form.size()));
    }
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &http.body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &readHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &http.retryAfterSeconds);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, ""); // whatever libcurl can decode
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(m_options.connectTimeoutSeconds * 1000));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.timeoutSeconds * 1000));
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &transferProgress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, m_options.cancel);
    // A token must not follow a redirect to another host.
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    const CURLcode code = curl_easy_perform(c);
    const std::string where = redactedUrl(m_options.baseUrl);
    if (code == CURLE_ABORTED_BY_CALLBACK) {
        http.cancelled = true;
        http.error = "cancelled";
    } else if (isTlsError(code)) {
        http.error = fmt::format("TLS failure talking to Prometheus at {}: {}", where,
                                 errorBuffer[0] ? errorBuffer : curl_easy_strerror(code));
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        http.error = fmt::format("Prometheus at {} did not answer within {:g} s", where,
                                 m_options.timeoutSeconds);
    } else if (code != CURLE_OK) {
        http.error = fmt::format("cannot reach Prometheus at {}: {}", where,
                                 errorBuffer[0] ? errorBuffer : curl_easy_strerror(code));
    } else {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &http.status);
    }
    http.error = oneLine(http.error);
    return http;
}

PrometheusResponseParser::Result PrometheusClient::call(const std::string &path,
                                                        const std::string &form,
                                                        const std::string &what,
                                                        Answer &answer) const
{
    const std::string where = redactedUrl(m_options.baseUrl);
    double wait = m_options.backoffSeconds;
    for (int attempt = 0;; ++attempt) {
        if (cancelled()) {
            answer.cancelled = true;
            answer.error = "cancelled";
            return {};
        }
        // Label values are GET only (Prometheus 2.x); queries are POSTed, as long as they are.
        const Http http = request(path, form, path == "/api/v1/query_range");
        ++answer.requests;
        if (http.cancelled) {
            answer.cancelled = true;
            answer.error = "cancelled";
            return {};
        }
        if (!http.error.empty()) {
            answer.error = http.error;
            return {};
        }
        if ((http.status == 429 || http.status == 503) && attempt < m_options.maxRetries) {
            const double delay =
                http.retryAfterSeconds >= 0 ? std::min(http.retryAfterSeconds, 60.0) : wait;
            wait *= 2;
            if (!sleepUnlessCancelled(delay)) {
                answer.cancelled = true;
                answer.error = "cancelled";
                return {};
            }
            continue;
        }
        PrometheusResponseParser::Result parsed = PrometheusResponseParser::parse(http.body);
        const std::string serverText =
            parsed.error.empty() ? std::string() : ": " + oneLine(parsed.error);
        if (http.status == 401 || http.status == 403) {
            answer.error = fmt::format(
                "Prometheus at {} refused the request (HTTP {}): {}", where, http.status,
                m_options.bearerToken.empty() ? "it needs a bearer token"
                                              : "the bearer token was not accepted");
        } else if (http.status == 400 || http.status == 422) {
            answer.error = fmt::format("Prometheus at {} rejected {} (HTTP {}){}", where, what,
                                       http.status, serverText);
        } else if (http.status == 429 || http.status == 503) {
            answer.error = fmt::format("Prometheus at {} is overloaded (HTTP {}) after {} attempts",
                                       where, http.status, attempt + 1);
        } else if (http.status != 200) {
            answer.error = fmt::format("Prometheus at {} answered HTTP {} to {}{}", where,
                                       http.status, what, serverText);
        } else if (!parsed.success) {
            answer.error = fmt::format("Prometheus at {} failed {}{}", where, what, serverText);
        }
        answer.error = oneLine(answer.error, 600);
        if (!answer.error.empty())
            return {};
        for (const std::string &w : parsed.warnings)
            answer.warnings.push_back(what + ": " + w);
        return parsed;
    }
}

PrometheusClient::Answer
PrometheusClient::queryRange(const std::string &query, double start, double end, double step,
                             const std::function<void(double)> &progress) const
{
    Answer answer;
    if (!(step > 0) || !(end >= start)) {
        answer.error = "the time range is empty or the step is not positive";
        return answer;
    }
    const auto points = static_cast<std::size_t>(std::floor((end - start) / step + 1e-9)) + 1;
    const std::size_t perChunk = m_options.maxPointsPerRequest;
    const std::size_t chunks = (points + perChunk - 1) / perChunk;
    std::map<std::map<std::string, std::string>, std::size_t> index;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> escaper(curl_easy_init(),
                                                                &curl_easy_cleanup);
    const std::string what = "the query `" + oneLine(query, 400) + "`";
    for (std::size_t chunk = 0; chunk < chunks; ++chunk) {
        const std::size_t first = chunk * perChunk;
        const std::size_t last = std::min(points, first + perChunk) - 1;
        const double from = start + static_cast<double>(first) * step;
        const double to = start + static_cast<double>(last) * step;
        const std::string form = "query=" + escaped(escaper.get(), query) +
                                 "&start=" + apiTime(from) + "&end=" + apiTime(to) +
                                 "&step=" + apiTime(step);
        PrometheusResponseParser::Result parsed = call("/api/v1/query_range", form, what, answer);
        if (!answer.error.empty())
            return answer;
        for (PrometheusSeries &s : parsed.series) {
            const auto [it, added] = index.try_emplace(s.labels, answer.series.size());
            if (added) {
                answer.series.push_back(std::move(s));
                continue;
            }
            auto &samples = answer.series[it->second].samples;
            samples.insert(samples.end(), s.samples.begin(), s.samples.end());
        }
        if (progress)
            progress(static_cast<double>(chunk + 1) / static_cast<double>(chunks));
    }
    answer.ok = true;
    return answer;
}

PrometheusClient::Answer PrometheusClient::labelValues(const std::string &label,
                                                       const std::string &match, double start,
                                                       double end) const
{
    Answer answer;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> escaper(curl_easy_init(),
                                                                &curl_easy_cleanup);
    std::string form = "start=" + apiTime(start) + "&end=" + apiTime(end);
    if (!match.empty())
        form += "&match[]=" + escaped(escaper.get(), match);
    PrometheusResponseParser::Result parsed =
        call("/api/v1/label/" + escaped(escaper.get(), label) + "/values", form,
             "the values of label " + label, answer);
    if (!answer.error.empty())
        return answer;
    answer.labelValues = std::move(parsed.labelValues);
    answer.ok = true;
    return answer;
}

} // namespace hpa::core

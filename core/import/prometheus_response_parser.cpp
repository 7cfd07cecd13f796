#include "core/import/prometheus_response_parser.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

namespace hpa::core {

namespace {

using Json = nlohmann::json;

/// nlohmann's parser recurses once per nesting level: a body of a million `[` would overflow
/// the stack. Prometheus answers nest four levels deep; anything past 64 is not one.
bool nestingWithin(std::string_view body, int limit)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

/// A sample value as Prometheus writes it: a string holding a float, "NaN", "+Inf", "-Inf".
std::optional<double> sampleValue(const Json &value)
{
    if (value.is_number())
        return value.get<double>();
    if (!value.is_string())
        return std::nullopt;
    std::string_view text = value.get_ref<const std::string &>();
    if (text == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == "+Inf" || text == "Inf")
        return std::numeric_limits<double>::infinity();
    if (text == "-Inf")
        return -std::numeric_limits<double>::infinity();
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return v;
}

std::optional<double> sampleTime(const Json &value)
{
    if (value.is_number())
        return value.get<double>();
    if (value.is_string())
        return sampleValue(value);
    return std::nullopt;
}

/// Reads one [time, "value"] pair; false when it is not one.
bool readSample(const Json &pair, std::pair<double, double> &out)
{
    if (!pair.is_array() || pair.size() != 2)
        return false;
    const auto t = sampleTime(pair[0]);
    const auto v = sampleValue(pair[1]);
    if (!t || !v || !std::isfinite(*t))
        return false;
    out = {*t, *v};
    return true;
}

class SeriesReader
{
public:
    SeriesReader(const PrometheusResponseParser::Options &options,
                 PrometheusResponseParser::Result &result)
        : m_options(options), m_result(result)
    {}

    void read(const Json &item, const char *samplesKey)
    {
        if (!item.is_object()) {
            ++m_badItems;
            return;
        }
        if (m_result.series.size() >= m_options.maxSeries) {
            ++m_droppedSeries;
            return;
        }
        PrometheusSeries series;
        if (const auto metric = item.find("metric"); metric != item.end() && metric->is_object())
            for (const auto &[name, value] : metric->items())
                if (value.is_string())
                    series.labels[name] = value.get<std::string>();
        const auto addSample = [&](const Json &pair) {
            std::pair<double, double> sample;
            if (!readSample(pair, sample)) {
                ++m_badSamples;
                return;
            }
            if (m_samples >= m_options.maxSamples) {
                ++m_droppedSamples;
                return;
            }
            ++m_samples;
            series.samples.push_back(sample);
        };
        if (const auto values = item.find(samplesKey); values != item.end()) {
            if (values->is_array() && std::string_view(samplesKey) == "values")
                for (const auto &pair : *values)
                    addSample(pair);
            else
                addSample(*values);
        }
        m_result.series.push_back(std::move(series));
    }

    void finish()
    {
        if (m_badItems)
            m_result.warnings.push_back(std::to_string(m_badItems) +
                                        " result item(s) that are not objects were skipped");
        if (m_badSamples)
            m_result.warnings.push_back(std::to_string(m_badSamples) +
                                        " unreadable sample(s) were skipped");
        if (m_droppedSeries)
            m_result.warnings.push_back(std::to_string(m_droppedSeries) +
                                        " series beyond the limit of " +
                                        std::to_string(m_options.maxSeries) + " were dropped");
        if (m_droppedSamples)
            m_result.warnings.push_back(std::to_string(m_droppedSamples) +
                                        " samples beyond the limit of " +
                                        std::to_string(m_options.maxSamples) + " were dropped");
    }

private:
    const PrometheusResponseParser::Options &m_options;
    PrometheusResponseParser::Result &m_result;
    std::size_t m_samples = 0;
    std::size_t m_badItems = 0, m_badSamples = 0, m_droppedSeries = 0, m_droppedSamples = 0;
};

std::string shortened(std::string text)
{
    constexpr std::size_t kMax = 300;
    if (text.size() > kMax) {
        text.resize(kMax);
        text += "...";
    }
    for (char &c : text)
        if (c == '\n' || c == '\r')
            c = ' ';
    return text;
}

} // namespace

PrometheusResponseParser::Result PrometheusResponseParser::parse(std::string_view body,
                                                                 const Options &options)
{
    Result result;
    if (!nestingWithin(body, 64)) {
        result.error = "the answer nests deeper than a Prometheus answer does";
        return result;
    }
    const Json json = Json::parse(body.begin(), body.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        result.error =
            "the answer is not Prometheus JSON: " + shortened(std::string(body.substr(0, 120)));
        return result;
    }
    if (const auto warnings = json.find("warnings"); warnings != json.end() && warnings->is_array())
        for (const auto &w : *warnings)
            if (w.is_string())
                result.warnings.push_back("Prometheus: " + shortened(w.get<std::string>()));
    const auto status = json.find("status");
    const std::string statusText =
        status != json.end() && status->is_string() ? status->get<std::string>() : "";
    if (statusText != "success") {
        const auto text = [&](const char *key) {
            const auto it = json.find(key);
            return it != json.end() && it->is_string() ? shortened(it->get<std::string>())
                                                       : std::string();
        };
        result.errorType = text("errorType");
        result.error = text("error");
        if (result.error.empty())
            result.error = statusText.empty() ? "the answer has no status"
                                              : "status \"" + shortened(statusText) + "\"";
        return result;
    }
    result.success = true;
    const auto data = json.find("data");
    if (data == json.end()) {
        result.warnings.push_back("the answer has no data");
        return result;
    }
    if (data->is_array()) { // label values
        for (const auto &v : *data)
            if (v.is_string() && result.labelValues.size() < options.maxSeries)
                result.labelValues.push_back(v.get<std::string>());
        return result;
    }
    if (!data->is_object()) {
        result.warnings.push_back("the answer's data is neither a result nor a list");
        return result;
    }
    if (const auto type = data->find("resultType"); type != data->end() && type->is_string())
        result.resultType = type->get<std::string>();
    const auto items = data->find("result");
    if (items == data->end())
        return result;
    SeriesReader reader(options, result);
    if (result.resultType == "scalar") {
        PrometheusSeries series;
        std::pair<double, double> sample;
        if (readSample(*items, sample))
            series.samples.push_back(sample);
        result.series.push_back(std::move(series));
    } else if (items->is_array()) {
        const char *key = result.resultType == "vector" ? "value" : "values";
        for (const auto &item : *items)
            reader.read(item, key);
    } else {
        result.warnings.push_back("the answer's result is not a list");
    }
    reader.finish();
    return result;
}

} // namespace hpa::core

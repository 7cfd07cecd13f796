#include "core/import/prometheus_importer.h"

#include "core/import/import_folder_writer.h"
#include "core/import/prometheus_client.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <map>

namespace hpa::core {

namespace {

/// More points than this per column is not an experiment but a mistake in --step.
constexpr double kMaxGridPoints = 2'000'000;

std::string joinQueries(const std::vector<std::string> &queries)
{
    std::string out;
    for (const std::string &q : queries)
        out += (out.empty() ? "`" : ", `") + q + "`";
    return out;
}

/// Puts a query's series on the grid: the value Prometheus evaluated at each grid time (the
/// last sample at or before it, within its lookback). Several series: the largest per point.
std::size_t placeOnGrid(const std::vector<PrometheusSeries> &series, const ImportedRun &run,
                        std::vector<double> &values)
{
    std::size_t offGrid = 0;
    for (const PrometheusSeries &s : series) {
        for (const auto &[t, v] : s.samples) {
            const double k = std::round((t - run.from) / run.step);
            if (k < 0 || k >= static_cast<double>(values.size()) ||
                std::abs(run.from + k * run.step - t) > 1e-3 * run.step + 1e-6) {
                ++offGrid;
                continue;
            }
            double &cell = values[static_cast<std::size_t>(k)];
            if (std::isfinite(v) && (std::isnan(cell) || v > cell))
                cell = v;
        }
    }
    return offGrid;
}

} // namespace

std::string PrometheusImporter::check(const Request &request)
{
    if (request.url.rfind("http://", 0) != 0 && request.url.rfind("https://", 0) != 0)
        return "the Prometheus URL must start with http:// or https://";
    for (const auto &[what, name] :
         {std::pair<const char *, const std::string &>{"namespace", request.ns},
          {"HPA", request.hpa}})
        if (!ImportPreset::isKubernetesName(name))
            return fmt::format("the {} \"{}\" is not a Kubernetes name", what, name);
    if (!request.deployment.empty() && !ImportPreset::isKubernetesName(request.deployment))
        return fmt::format("the deployment \"{}\" is not a Kubernetes name", request.deployment);
    if (!(request.step >= 0.001 && request.step <= 86400))
        return "the step must be between 0.001 and 86400 seconds";
    if (!std::isfinite(request.from) || !std::isfinite(request.to) || !(request.to > request.from))
        return "the end of the time range must be after its start";
    if ((request.to - request.from) / request.step + 1 > kMaxGridPoints)
        return fmt::format("{:g} s at a {:g} s step is more than {:g} samples: choose a larger "
                           "step",
                           request.to - request.from, request.step, kMaxGridPoints);
    if (request.preset.columns.empty())
        return "the preset has no queries";
    return {};
}

PrometheusImporter::Result PrometheusImporter::fetch(const Request &request, const Options &options)
{
    Result result;
    result.error = check(request);
    if (!result.error.empty())
        return result;
    PrometheusClient::Options clientOptions;
    clientOptions.baseUrl = request.url;
    clientOptions.bearerToken = request.token;
    clientOptions.cancel = options.cancel;
    clientOptions.maxPointsPerRequest = options.maxPointsPerRequest;
    clientOptions.maxRetries = options.maxRetries;
    clientOptions.backoffSeconds = options.backoffSeconds;
    clientOptions.timeoutSeconds = options.timeoutSeconds;
    const PrometheusClient client(clientOptions);

    ImportedRun &run = result.run;
    run.url = PrometheusClient::redactedUrl(request.url);
    run.presetName = request.preset.name;
    run.ns = request.ns;
    run.hpa = request.hpa;
    run.deployment = request.deployment;
    run.from = request.from;
    run.step = request.step;
    const auto points =
        static_cast<std::size_t>(std::floor((request.to - request.from) / request.step + 1e-9)) + 1;
    run.to = request.from + static_cast<double>(points - 1) * request.step;
    run.times.resize(points);
    for (std::size_t k = 0; k < points; ++k)
        run.times[k] = request.from + static_cast<double>(k) * request.step;

    const auto fail = [&](const PrometheusClient::Answer &answer) {
        result.cancelled = answer.cancelled;
        result.error = answer.error;
        return result;
    };
    std::map<std::string, std::string> variables{{"namespace", request.ns},
                                                 {"hpa", request.hpa},
                                                 {"live_window", request.preset.liveWindow}};
    if (run.deployment.empty()) {
        if (request.preset.deploymentLabel.empty()) {
            result.error = "give the deployment: the preset cannot find it";
            return result;
        }
        const std::string match = ImportPreset::expand(request.preset.deploymentMatch, variables);
        const auto answer =
            client.labelValues(request.preset.deploymentLabel, match, run.from, run.to);
        if (!answer.ok)
            return fail(answer);
        if (answer.labelValues.size() != 1 ||
            !ImportPreset::isKubernetesName(answer.labelValues.front())) {
            result.error = fmt::format("give the deployment: {} found {} target(s) of HPA {} in "
                                       "the time range ({})",
                                       match, answer.labelValues.size(), request.hpa,
                                       request.preset.deploymentLabel);
            return result;
        }
        run.deployment = answer.labelValues.front();
    }
    variables["deployment"] = run.deployment;

    const auto &columns = request.preset.columns;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const ImportPreset::Column &spec = columns[c];
        ImportedRun::Column column;
        column.name = spec.column;
        column.values.assign(points, std::numeric_limits<double>::quiet_NaN());
        std::vector<std::string> asked;
        for (const std::string &text : spec.queries) {
            const std::string query = ImportPreset::expand(text, variables);
            asked.push_back(query);
            if (options.progress)
                options.progress(static_cast<double>(c) / static_cast<double>(columns.size()),
                                 spec.column + ": " + query);
            const auto answer = client.queryRange(query, run.from, run.to, run.step);
            if (!answer.ok)
                return fail(answer);
            run.warnings.insert(run.warnings.end(), answer.warnings.begin(), answer.warnings.end());
            if (answer.series.empty())
                continue;
            if (answer.series.size() > 1)
                run.warnings.push_back(fmt::format(
                    "{}: `{}` returned {} series; the column holds the largest value at each step",
                    spec.column, query, answer.series.size()));
            if (const std::size_t off = placeOnGrid(answer.series, run, column.values))
                run.warnings.push_back(fmt::format("{}: {} sample(s) of `{}` off the step grid "
                                                   "were dropped",
                                                   spec.column, off, query));
            column.found = true;
            column.query = query;
            break;
        }
        run.queriesAsked[spec.column] = asked;
        if (!column.found) {
            column.query = asked.front();
            run.warnings.push_back(fmt::format("{}: Prometheus has no series for {}; the {} is "
                                               "left empty",
                                               spec.column, joinQueries(asked),
                                               spec.metadata ? "metadata entry" : "column"));
        }
        if (spec.metadata) {
            for (auto v = column.values.rbegin(); v != column.values.rend(); ++v)
                if (std::isfinite(*v)) {
                    run.metadataValues[spec.column] = *v;
                    break;
                }
            continue;
        }
        run.columns.push_back(std::move(column));
    }
    if (options.progress)
        options.progress(1.0, "done");
    result.ok = true;
    return result;
}

PrometheusImporter::Result PrometheusImporter::import(const Request &request,
                                                      const std::string &outDir,
                                                      const Options &options)
{
    Result result;
    std::error_code ec;
    if (std::filesystem::symlink_status(outDir, ec).type() !=
        std::filesystem::file_type::not_found) {
        result.error = outDir + " already exists: give a new folder";
        return result;
    }
    result = fetch(request, options);
    if (!result.ok)
        return result;
    const std::string problem = ImportFolderWriter::write(result.run, outDir);
    if (!problem.empty()) {
        result.ok = false;
        result.error = problem;
    }
    return result;
}

} // namespace hpa::core

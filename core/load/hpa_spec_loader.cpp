#include "core/load/hpa_spec_loader.h"

#include "core/io/file_reader.h"
#include "core/model/metric_keys.h"
#include "core/parsers/hpa_describe_parser.h"
#include "core/parsers/hpa_manifest_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace hpa::core {

namespace {

void addAssumed(ResolvedHpaSpec &r, std::string field)
{
    if (std::find(r.assumed.begin(), r.assumed.end(), field) == r.assumed.end())
        r.assumed.push_back(std::move(field));
}

std::optional<double> firstPositive(const ColumnValues *values, bool &varies)
{
    varies = false;
    if (!values)
        return std::nullopt;
    std::optional<double> first;
    for (double v : *values) {
        if (!(v > 0))
            continue;
        if (!first)
            first = v;
        else if (std::abs(v - *first) > 1e-9 * std::abs(*first))
            varies = true;
    }
    return first;
}

/// Targets as the HPA status reported them: the recorded target columns win over any spec.
void applyRecordedTargets(const Experiment &experiment, ResolvedHpaSpec &r)
{
    const MetricsTable &table = experiment.metrics;
    std::vector<HpaMetricSpec> metrics;
    for (std::string_view name : {"num_requests_waiting", "kv_cache_usage_perc"}) {
        const auto rec = HpaSpec::recordedMetric(name);
        bool varies = false;
        const auto target = firstPositive(table.values(rec->targetKey), varies);
        const auto inSpec =
            std::find_if(r.spec.metrics.begin(), r.spec.metrics.end(), [&](const HpaMetricSpec &m) {
                const auto o = HpaSpec::recordedMetric(m.name);
                return o && o->valueKey == rec->valueKey;
            });
        const bool recorded = table.has(rec->valueKey);
        if (target && recorded) {
            const double t = *target * rec->toHpaUnit;
            if (inSpec != r.spec.metrics.end() && std::abs(inSpec->target - t) > 1e-9)
                r.notes.push_back(fmt::format("{} target {:g} from the recorded target column; "
                                              "the spec says {:g}",
                                              name, t, inSpec->target));
            if (varies)
                r.notes.push_back(fmt::format("the recorded {} target changes during the run; "
                                              "the first value, {:g}, is used",
                                              name, t));
            metrics.push_back({std::string(name), t});
        } else if (inSpec != r.spec.metrics.end() && recorded) {
            metrics.push_back(*inSpec);
        } else if (inSpec != r.spec.metrics.end()) {
            r.notes.push_back(fmt::format("{} is in the spec but was not recorded: it cannot be "
                                          "replayed and is left out",
                                          name));
        }
    }
    for (const HpaMetricSpec &m : r.spec.metrics) {
        if (!HpaSpec::recordedMetric(m.name))
            r.notes.push_back(fmt::format("{} was not recorded: it cannot be replayed and is "
                                          "left out",
                                          m.name));
    }
    r.spec.metrics = std::move(metrics);
}

/// The controller flags are never recorded (hpa-algorithm.md §8.5).
void addControllerAssumptions(ResolvedHpaSpec &r)
{
    const bool bothTolerances = r.spec.behavior && r.spec.behavior->scaleUp.tolerance &&
                                r.spec.behavior->scaleDown.tolerance;
    if (!bothTolerances)
        addAssumed(r, "tolerance");
    addAssumed(r, "sync_period_s");
    if (!r.spec.behavior || !r.spec.behavior->scaleDown.stabilizationWindowSeconds)
        addAssumed(r, "downscale_stabilization_s");
}

int recordedMax(const MetricsTable &table)
{
    double best = 0;
    for (std::string_view key : {keys::Replicas, keys::DesiredReplicas}) {
        if (const auto *v = table.values(key)) {
            for (double x : *v) {
                if (x > best && x < 1e6)
                    best = x;
            }
        }
    }
    return std::max(1, static_cast<int>(best));
}

} // namespace

HpaSpecLoader::Result HpaSpecLoader::resolve(const Experiment &experiment,
                                             const std::optional<std::string> &manifestPath)
{
    Result result;
    ResolvedHpaSpec r;
    bool found = false;
    if (manifestPath) {
        const FileReader::Result file = FileReader::read(*manifestPath, FileReader::kMetadataLimit);
        if (!file.ok) {
            result.error = LoadWarning{*manifestPath, 0, file.error};
            return result;
        }
        auto parsed = HpaManifestParser::parse(file.content, *manifestPath);
        if (!parsed.spec) {
            result.error = parsed.error;
            return result;
        }
        r.spec = std::move(*parsed.spec);
        r.source = HpaSpecSource::Manifest;
        r.warnings = std::move(parsed.warnings);
        r.notes.push_back("spec from " + *manifestPath);
        found = true;
    }
    if (!found && !experiment.hpaDescription.empty()) {
        auto parsed = HpaDescribeParser::parse(experiment.hpaDescription, "scaling.log", 2);
        r.warnings = std::move(parsed.warnings);
        if (parsed.spec) {
            r.spec = std::move(*parsed.spec);
            r.source = HpaSpecSource::ScalingLog;
            r.notes.push_back("spec from the kubectl describe hpa text in scaling.log");
            found = true;
        }
    }
    if (!found) {
        const auto config = std::find_if(
            experiment.documents.begin(), experiment.documents.end(),
            [](const TextDocument &d) { return d.fileName == "experiment-config.yaml"; });
        HpaManifestParser::ConfigHints hints;
        if (config != experiment.documents.end())
            hints = HpaManifestParser::readExperimentConfig(config->content);
        if (hints.manifestPath) {
            const std::filesystem::path path =
                std::filesystem::path(experiment.path) / *hints.manifestPath;
            const FileReader::Result file =
                FileReader::read(path.string(), FileReader::kMetadataLimit);
            auto parsed = file.ok ? HpaManifestParser::parse(file.content, path.string())
                                  : HpaManifestParser::Result{};
            if (parsed.spec) {
                r.spec = std::move(*parsed.spec);
                r.source = HpaSpecSource::Metadata;
                r.notes.push_back("spec from " + path.lexically_normal().string() +
                                  ", named by experiment-config.yaml");
                found = true;
            } else {
                r.notes.push_back(fmt::format("experiment-config.yaml names {}, which is not "
                                              "readable from this folder ({}); give it with "
                                              "--hpa",
                                              *hints.manifestPath,
                                              path.lexically_normal().string()));
            }
        }
        // Plain keys of experiment-config.yaml's hpa block, then metadata.json's.
        const auto metaInt = [&](const char *key) -> std::optional<int> {
            const auto &j = experiment.metadata.json;
            if (j.contains(key) && j[key].is_number_integer())
                return j[key].get<int>();
            return std::nullopt;
        };
        if (!found) {
            const auto min = hints.minReplicas ? hints.minReplicas : metaInt("min_replicas");
            const auto max = hints.maxReplicas ? hints.maxReplicas : metaInt("max_replicas");
            if (min || max || hints.tolerance || !hints.metrics.empty()) {
                r.source = HpaSpecSource::Metadata;
                found = true;
                r.spec.minReplicas = min.value_or(1);
                if (!min)
                    addAssumed(r, "min_replicas");
                r.spec.maxReplicas =
                    max.value_or(std::max(recordedMax(experiment.metrics), r.spec.minReplicas));
                if (!max)
                    addAssumed(r, "max_replicas");
                if (hints.tolerance)
                    r.spec.controller.tolerance = *hints.tolerance;
                r.spec.metrics = hints.metrics;
                addAssumed(r, "behavior");
                r.notes.push_back("min/max from the folder's metadata; the behavior is not "
                                  "recorded there, Kubernetes' no-behavior path is assumed");
            }
        }
        if (!found) {
            r.source = HpaSpecSource::Defaults;
            r.spec.minReplicas = 1;
            r.spec.maxReplicas = recordedMax(experiment.metrics);
            for (const char *field : {"min_replicas", "max_replicas", "behavior"})
                addAssumed(r, field);
            r.notes.push_back(fmt::format("no HPA spec found: Kubernetes defaults (no behavior, "
                                          "min 1) and max {} (the largest recorded count) are "
                                          "assumed; give the real one with --hpa",
                                          r.spec.maxReplicas));
        }
    }
    applyRecordedTargets(experiment, r);
    addControllerAssumptions(r);
    if (r.spec.metrics.empty())
        r.notes.push_back("no replayable metric (waiting requests or KV cache with a target): "
                          "every sync is skipped");
    result.resolved = std::move(r);
    return result;
}

} // namespace hpa::core

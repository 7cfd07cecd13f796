#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// The PromQL an import asks, per metrics.csv column: a small JSON file (resources/presets/,
/// or the user's own). `{{namespace}}`, `{{hpa}}`, `{{deployment}}` and `{{live_window}}` are
/// filled in per import; a column's later queries are fallbacks, asked when the earlier ones
/// return no series.
struct ImportPreset
{
    struct Column
    {
        std::string column;               ///< metrics.csv header, or a metadata.json key
        std::vector<std::string> queries; ///< first that returns a series wins
        bool metadata = false;            ///< the last value goes to metadata.json instead
    };

    std::string name;
    std::string description;
    /// PromQL range a pod must have reported in to count as live ("30s"): backfilled or
    /// remote-written series carry no staleness markers.
    std::string liveWindow = "30s";
    std::vector<Column> columns;
    /// Where the deployment's name is found when it is not given: the values of `label` on
    /// the series `match` selects (kube-state-metrics' HPA info).
    std::string deploymentLabel;
    std::string deploymentMatch;

    struct Loaded;
    /// Reads a preset file. The error names the file and what is wrong; never throws.
    static Loaded load(const std::string &path);
    /// Reads preset JSON text; `fileName` names it in the error.
    static Loaded parse(std::string_view text, const std::string &fileName);

    /// `text` with the variables replaced. The values must be Kubernetes names
    /// (isKubernetesName), which cannot break out of a PromQL string or regex.
    static std::string expand(const std::string &text,
                              const std::map<std::string, std::string> &variables);
    /// A DNS-1123 name: lower-case letters, digits, '-' and '.', at most 253 characters.
    static bool isKubernetesName(std::string_view name);
};

struct ImportPreset::Loaded
{
    ImportPreset preset;
    std::string error; ///< empty when the preset was read
};

} // namespace hpa::core

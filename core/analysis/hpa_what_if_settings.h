#pragma once

#include "core/model/hpa_spec.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hpa::core {

/// The edits of one what-if, in the order given: KEY=VALUE pairs with the command line's keys
/// (`waiting-target`, `kv-target`, `tolerance`, `min`, `max`, `up-window`, `down-window`,
/// `up-pods`, `up-percent`, `up-period`, `down-pods`, `down-percent`, `down-period`,
/// `select-up`, `select-down`, `no-behavior`, `onset-delay`).
using HpaWhatIfSettings = std::vector<std::pair<std::string, std::string>>;

/// Parsing and applying what-if edits; one place for the keys' meaning.
class HpaWhatIfEdits
{
public:
    static const std::vector<std::string_view> &keys();

    /// `KEY=VALUE[,KEY=VALUE...]` (one --set group). Returns an error message or empty.
    static std::string parseGroup(std::string_view text, HpaWhatIfSettings &out);

    /// Every combination of `KEY=V1,V2,...` or `KEY=A:B:STEP` sweeps (the cartesian product,
    /// at most `limit` combinations). Returns an error message or empty.
    static std::string expandSweeps(const std::vector<std::string> &sweeps,
                                    std::vector<HpaWhatIfSettings> &out, std::size_t limit = 10000);

    /// Applies `settings` to `spec` (and the onset delay). A Pods/Percent value of 0 removes
    /// that policy; window, period and policy edits give a spec without behavior Kubernetes'
    /// default behavior first, as writing them in the manifest would. Returns an error
    /// message (unknown key, bad value, a spec the API would reject) or empty.
    static std::string apply(const HpaWhatIfSettings &settings, HpaSpec &spec,
                             double &onsetDelaySeconds);
};

} // namespace hpa::core

#pragma once

#include "core/analysis/hpa_what_if_settings.h"
#include "core/model/hpa_spec.h"

#include <string>
#include <string_view>

namespace hpa::core {

/// A spec as the what-if keys see it: the value of every editable key (the What-if panel's
/// fields), and the edits that turn one spec's fields into another's. One place for the
/// spec <-> key mapping the panel needs; HpaWhatIfEdits::apply() is the way back.
class HpaSpecFields
{
public:
    /// Every key of HpaWhatIfEdits::keys() with its value in `spec` (policies of a spec without
    /// behavior: Kubernetes' default behavior, which an edit would start from; a metric the
    /// spec lacks: empty). Numbers as `{:g}`.
    static HpaWhatIfSettings of(const HpaSpec &spec, double onsetDelaySeconds);
    /// The value of `key` in `fields`, empty when absent.
    static std::string value(const HpaWhatIfSettings &fields, std::string_view key);
    /// The edits from `loaded` to `edited` (both from of()), in key order: only the keys whose
    /// value differs; policy, window and select keys only when `edited` has a behavior.
    static HpaWhatIfSettings diff(const HpaWhatIfSettings &loaded, const HpaWhatIfSettings &edited);
};

} // namespace hpa::core

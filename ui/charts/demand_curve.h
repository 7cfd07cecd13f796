#pragma once

#include "core/analysis/scorecard_settings.h"
#include "core/model/experiment.h"
#include "core/plot/provisioning_bands.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace hpa::ui {

/// The scorecard's demand ("required replicas", elasticity-kpis.md §1) of one run, ready to be
/// drawn over its replicas chart with the under- and over-provisioned areas. Built once per
/// run and settings (off the GUI thread in the window); immutable afterwards.
class DemandCurve
{
public:
    /// The demand of `experiment` under `settings` (its variant and onset delay), with the
    /// scorecard's gap rule G = max(3 x median interval, 60 s).
    static std::shared_ptr<const DemandCurve> build(std::shared_ptr<const core::Experiment> run,
                                                    const core::ScorecardSettings &settings);

    const core::Experiment *experiment() const { return m_experiment.get(); }
    /// d_i per row, NaN where unknown.
    const std::shared_ptr<const core::ColumnValues> &values() const { return m_values; }
    const core::ProvisioningBands &bands() const { return m_bands; }
    core::DemandVariant variant() const { return m_variant; }
    /// True when some sample has a known demand.
    bool known() const { return m_known; }
    double gapSeconds() const { return m_gap; }
    /// The HPA's maxReplicas when the folder tells it.
    std::optional<int> maxReplicas() const { return m_maxReplicas; }

    /// Legend text of the line: "required replicas, HPA-ideal", with what is unknown.
    QString legendName() const;
    /// The tooltip line at data time `time`: the value, or why it is unknown.
    QString readoutLine(double time) const;

private:
    DemandCurve() = default;

    std::shared_ptr<const core::Experiment> m_experiment;
    std::shared_ptr<const core::ColumnValues> m_values;
    core::ProvisioningBands m_bands;
    core::DemandVariant m_variant = core::DemandVariant::HpaIdeal;
    bool m_known = false;
    bool m_usable = false; ///< replicas and a metric with its target exist
    double m_gap = 0;
    std::optional<int> m_maxReplicas;
};

} // namespace hpa::ui

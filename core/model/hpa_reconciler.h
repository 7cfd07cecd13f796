#pragma once

#include "core/model/hpa_normalizer.h"
#include "core/model/hpa_recommendation_window.h"
#include "core/model/hpa_spec.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace hpa::core {

/// One HorizontalPodAutoscaler as the Kubernetes controller runs it: its memory
/// (recommendations, scale events) and one `reconcileAutoscaler` per call (hpa-algorithm.md
/// §4-§6). The one implementation of the algorithm: the replay and the demo simulator both
/// drive it. Deterministic; time is whatever the caller says (seconds, non-decreasing).
class HpaReconciler
{
public:
    /// What one reconcile decided.
    struct Decision
    {
        int current = 0; ///< scale.spec.replicas before
        int desired = 0; ///< after: status.desiredReplicas, and spec.replicas when it changed
        /// The combined metric proposal; nullopt when the metrics allowed no decision (§3) or
        /// when the min/max shortcut skipped them.
        std::optional<int> raw;
        std::optional<int> stabilized; ///< after the stabilization window
        std::string_view reason;       ///< ScalingLimited reason, or why nothing was computed
        bool rescaled() const { return desired != current; }
    };

    /// Throws std::invalid_argument for a spec the API server would reject (min < 0,
    /// max < min or < 1, a policy value or period <= 0).
    explicit HpaReconciler(HpaSpec spec);

    const HpaSpec &spec() const { return m_spec; }

    /// One reconcile at `now` with `current` = scale.spec.replicas and `raw` = the combined
    /// proposal of the metrics (HpaMetricProposal::combine; nullopt: all invalid). The first
    /// call seeds the recommendations with (now, current), as recordInitialRecommendation.
    Decision reconcile(double now, int current, std::optional<int> raw);

    /// Forgets the controller's memory (a new HPA object).
    void reset();

    /// Keep the recommendations as upstream does (a list scanned at every sync) instead of
    /// HpaRecommendationWindow; the same decisions, slower. Only to prove that (tests, bench);
    /// call before the first reconcile.
    void setReferenceMemory(bool on) { m_referenceMemory = on; }

private:
    HpaSpec m_spec;
    bool m_seeded = false;
    bool m_referenceMemory = false;
    HpaRecommendationWindow m_window;
    std::vector<HpaNormalizer::Recommendation> m_recommendations; ///< reference memory only
    std::vector<HpaNormalizer::ScaleEvent> m_upEvents, m_downEvents;
};

} // namespace hpa::core

#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace hpa::core {

/// The areas between a step supply curve (requested replicas) and a step demand curve
/// (required replicas), as drawn over the replicas chart: under-provisioned where demand >
/// supply, over-provisioned where supply > demand (elasticity-kpis.md §2-3).
///
/// Zero-order hold as the scorecard: sample i's values hold on [t_i, t_{i+1}); an interval is
/// drawn only when 0 < dt <= `gapSeconds` and both values are known, so the shaded area is
/// exactly what theta and tau integrate. Unknown demand (NaN) draws nothing, never 0.
class ProvisioningBands
{
public:
    /// One shaded rectangle in data units: time [x0, x1] and replicas [low, high].
    struct Band
    {
        double x0 = 0, x1 = 0;
        double low = 0, high = 0;
        bool under = false; ///< demand above supply (else supply above demand)

        bool operator==(const Band &) const = default;
    };

    ProvisioningBands() = default;
    /// `time` ascending; `supply` and `demand` per sample. The spans must outlive this.
    ProvisioningBands(std::span<const double> time, std::span<const double> supply,
                      std::span<const double> demand, double gapSeconds);

    /// The bands over [x0, x1] (data time) for a plot `pixels` wide. While the visible
    /// intervals are at most `pixels`, one band per run of equal intervals (exact). Denser,
    /// one band per kind and pixel column spanning the extremes of that column's intervals
    /// (as a min/max line decimation), merged with equal neighbours.
    std::vector<Band> bands(double x0, double x1, int pixels) const;

    /// Seconds of covered intervals (gap rule) whose demand is unknown.
    double unknownSeconds() const { return m_unknownSeconds; }
    /// Seconds of intervals drawn (both values known, not a gap).
    double knownSeconds() const { return m_knownSeconds; }
    /// Whether interval i (from sample i) is drawn.
    bool drawn(std::size_t i) const;

private:
    std::span<const double> m_time, m_supply, m_demand;
    double m_gap = 0;
    double m_unknownSeconds = 0, m_knownSeconds = 0;
};

} // namespace hpa::core

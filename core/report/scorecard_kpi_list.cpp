#include "core/report/scorecard_kpi_list.h"

#include "core/model/number_format.h"

namespace hpa::core {

namespace {

/// A sum over covered time: unknown (not 0) when nothing was covered.
std::optional<double> covered(const Scorecard &s, double v)
{
    return s.judged() ? std::optional(v) : std::nullopt;
}

std::string sloDefinition(const char *name, const SloAttainment &slo)
{
    return std::string("Share of covered time the 1-minute mean ") + name + " was at most " +
           NumberFormat::fixed(slo.limitMs, 0) + " ms (not % of requests)" +
           (slo.collected ? "." : "; not collected in this run.");
}

} // namespace

std::vector<ScorecardKpiList::Kpi> ScorecardKpiList::list(const Scorecard &s)
{
    return {
        {"Replica-hours", "replica·h", "Requested replicas integrated over the covered time.",
         "elasticity-kpis.md §8", [](const Scorecard &c) { return covered(c, c.replicaHours()); },
         3},
        {"Mean replicas", "replicas", "Replica-seconds divided by the covered time T.",
         "elasticity-kpis.md §8",
         [](const Scorecard &c) {
             return c.meanReplicas;
         }},
        {"Wasted replica-s", "replica·s", "Σ (requested − required)⁺ Δt: capacity above demand.",
         "elasticity-kpis.md §8",
         [](const Scorecard &c) { return covered(c, c.wastedReplicaSeconds); }, 0},
        {"Missing replica-s", "replica·s",
         "Σ (required − requested)⁺ Δt: capacity short of demand.", "elasticity-kpis.md §8",
         [](const Scorecard &c) { return covered(c, c.missingReplicaSeconds); }, 0},
        {"θU under-provisioning accuracy", "%",
         "Time-average of the missing share of the required replicas. Lower is better.",
         "elasticity-kpis.md §2 (SPEC RG TOMPECS 2018; BUNGEE)",
         [](const Scorecard &c) {
             return c.underAccuracyPct;
         }},
        {"θO over-provisioning accuracy", "%",
         "Time-average of the surplus relative to the required replicas. Lower is better.",
         "elasticity-kpis.md §2 (SPEC RG TOMPECS 2018; BUNGEE)",
         [](const Scorecard &c) {
             return c.overAccuracyPct;
         }},
        {"τU under-provisioned time", "% of time",
         "Share of time with fewer replicas than required.",
         "elasticity-kpis.md §3 (BUNGEE UnderprovisionTimeshare)",
         [](const Scorecard &c) {
             return c.underTimesharePct;
         }},
        {"τO over-provisioned time", "% of time", "Share of time with more replicas than required.",
         "elasticity-kpis.md §3 (BUNGEE OverprovisionTimeshare)",
         [](const Scorecard &c) {
             return c.overTimesharePct;
         }},
        {"υ instability", "% of time",
         "Share of time where requested and required replicas did not move the same way.",
         "elasticity-kpis.md §4 (SPEC RG TOMPECS 2018)",
         [](const Scorecard &c) {
             return c.instabilityPct;
         }},
        {"ψ jitter", "adaptations/min",
         "(supply steps − demand steps) per minute: < 0 too inert, > 0 oscillating.",
         "elasticity-kpis.md §4 (BUNGEE Jitter, unit count)",
         [](const Scorecard &c) { return c.jitterPerMin; }, 3},
        {"Reversals", "count",
         "Replica changes reversing the previous change less than " +
             NumberFormat::fixed(s.settings.reversalWindowSeconds, 0) + " s after it.",
         "elasticity-kpis.md §9",
         [](const Scorecard &c) {
             return c.hasReplicas ? std::optional(double(c.reversals)) : std::nullopt;
         },
         0},
        {"Scale-up episodes", "count", "Breaches of a metric target by more than 10 %.",
         "elasticity-kpis.md §6",
         [](const Scorecard &c) {
             return c.hasMetric ? std::optional(double(c.episodes.size())) : std::nullopt;
         },
         0},
        {"Censored episodes", "count",
         "Episodes the run ended (or the breach passed) before a decision or before relief.",
         "elasticity-kpis.md §6",
         [](const Scorecard &c) {
             return c.hasMetric ? std::optional(double(c.censored)) : std::nullopt;
         },
         0},
        {"Median reaction", "s", "Breach to the HPA's decision (desired > requested replicas).",
         "elasticity-kpis.md §6", [](const Scorecard &c) { return c.reactionMedianS; }, 1, true},
        {"Median time to relief", "s", "Breach to every metric back within 10 % of its target.",
         "elasticity-kpis.md §7", [](const Scorecard &c) { return c.timeToReliefMedianS; }, 1,
         true},
        {"TTFT SLO attainment", "% of time", sloDefinition("TTFT", s.ttft),
         "elasticity-kpis.md §10",
         [](const Scorecard &c) {
             return c.ttft.attainmentPct;
         }},
        {"ITL SLO attainment", "% of time", sloDefinition("ITL", s.itl), "elasticity-kpis.md §10",
         [](const Scorecard &c) {
             return c.itl.attainmentPct;
         }},
        {"Uncovered time", "s", "Time in gaps longer than the gap threshold or without demand.",
         "elasticity-kpis.md §0", [](const Scorecard &c) { return std::optional(c.uncoveredS); },
         1},
    };
}

std::string ScorecardKpiList::valueText(const Kpi &kpi, const Scorecard &scorecard)
{
    const std::optional<double> v = kpi.value(scorecard);
    if (!v)
        return "N/A";
    std::string text = NumberFormat::fixed(*v, kpi.decimals);
    if (kpi.time)
        text += " ± " + NumberFormat::fixed(scorecard.resolutionS, 1);
    return text;
}

} // namespace hpa::core

#include "core/analysis/prediction_error.h"

#include "core/model/metric_keys.h"

#include <cmath>

namespace hpa::core {

std::vector<PredictionError> PredictionErrors::compute(const MetricsTable &table)
{
    std::vector<PredictionError> out;
    const auto *replicas = table.values(keys::Replicas);
    const auto *allocation = table.values(keys::PredictedReplicas);
    const struct
    {
        std::string_view observed, predicted;
    } pairs[] = {{keys::TtftMs, keys::PredictedTtftMs}, {keys::ItlMs, keys::PredictedItlMs}};
    for (const auto &p : pairs) {
        const auto *observed = table.values(p.observed);
        const auto *predicted = table.values(p.predicted);
        if (!observed || !predicted)
            continue;
        PredictionError e;
        e.series = std::string(p.observed);
        double absRelative = 0, difference = 0;
        const std::size_t n = table.rowCount();
        for (std::size_t i = 0; i < n; ++i) {
            const double guess = (*predicted)[i];
            if (!std::isfinite(guess))
                continue;
            ++e.predictions;
            if (i + 1 >= n)
                continue;
            const double seen = (*observed)[i + 1];
            const bool allocationRan = replicas && allocation && std::isfinite((*allocation)[i]) &&
                                       (*replicas)[i + 1] == (*allocation)[i];
            if (!allocationRan || !std::isfinite(seen) || seen <= 0)
                continue;
            ++e.pairs;
            absRelative += std::abs(guess - seen) / seen;
            difference += guess - seen;
        }
        if (e.pairs > 0) {
            e.mapePct = 100.0 * absRelative / static_cast<double>(e.pairs);
            e.biasMs = difference / static_cast<double>(e.pairs);
        }
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace hpa::core

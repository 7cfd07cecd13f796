#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// How to read the newer layout's `num_requests_waiting`.
enum class WaitingUnit
{
    Auto,      ///< as written, except cells that are a leaked milli-quantity (WaitingRule)
    AsWritten, ///< every cell as written
    Milli      ///< every cell in milli-units (`60250` = 60.25)
};

/// One cell read as milli-units by the automatic rule.
struct WaitingCorrection
{
    std::size_t row = 0;  ///< row of the metrics table
    int line = 0;         ///< line of metrics.csv
    double raw = 0;       ///< as written (`60250`)
    double corrected = 0; ///< as read (`60.25`)
};

/// The rule that read waiting requests, and what it changed. An older monitor turned the HPA's
/// `60250m` (60.25) into `60250` by stripping every non-digit, so in the newer layout's
/// `num_requests_waiting` an integer v >= 1000 is read as v / 1000 when v / 1000 <=
/// 10 x max(the target, the largest value of the column below 1000): a queue a hundred times
/// deeper than anything else in the run is the stripped quantity, not a measurement.
struct WaitingRule
{
    WaitingUnit unit = WaitingUnit::Auto;
    /// False when the automatic rule does not apply (not the newer layout's column).
    bool applies = false;
    double limit = 0;   ///< the 10 x max(target, largest value below 1000) of the rule
    std::string reason; ///< for display, e.g. "2 cells >= 1000 read as milli-units"
    /// The cells the rule corrected (Auto) or would correct (AsWritten: they are outliers),
    /// at most kMaxListed of them; `count` counts them all.
    std::vector<WaitingCorrection> cells;
    std::size_t count = 0;

    static constexpr std::size_t kMaxListed = 1000;

    /// True when the automatic rule reads `raw` as milli-units.
    bool isLeak(double raw) const;
    /// `raw` as this rule reads it (also an event's logged value, so events agree with the
    /// table).
    double read(double raw) const;
};

class WaitingNormalizer
{
public:
    /// The automatic rule for a newer-layout column `values` with `target` (its first finite
    /// value, if any). Fills limit, applies, and `cells` with the cells it would correct;
    /// `unit` is left as given.
    static WaitingRule detect(std::span<const double> values, std::optional<double> target,
                              WaitingUnit unit);
    /// An integer >= 1000 whose thousandth is <= limit.
    static bool looksLikeLeak(double value, double limit);

    static std::string_view unitKey(WaitingUnit unit); ///< "auto", "as-written", "milli"
    static std::optional<WaitingUnit> unitFromKey(std::string_view key);
};

} // namespace hpa::core

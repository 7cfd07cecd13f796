#pragma once

#include "core/library/run_columns.h"
#include "core/library/run_row.h"

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// Two columns of the library against each other across runs: what the library's scatter
/// draws and `hpa-lens table --scatter` prints or draws. One rule for both: a run is placed
/// when it has both values and is not missing; the Pareto front is ParetoFront's, by each
/// column's better direction.
class RunScatter
{
public:
    struct Point
    {
        double x = 0, y = 0;
        std::string name, path;
        bool pareto = false; ///< on the front (never when a column has no better direction)
    };

    /// The default axes: cost (replica-hours) against quality (θU %).
    static constexpr RunColumns::Id kDefaultX = RunColumns::ReplicaHours;
    static constexpr RunColumns::Id kDefaultY = RunColumns::ThetaU;

    /// Places `rows` (in their order) on `x` against `y`.
    static RunScatter of(const std::vector<RunRow> &rows, RunColumns::Id x, RunColumns::Id y);
    /// The same for rows held elsewhere (the library view's filtered model).
    static RunScatter of(const std::vector<const RunRow *> &rows, RunColumns::Id x,
                         RunColumns::Id y);
    /// True when lower is better on `id`, false when higher is; nullopt: neither (no front).
    static std::optional<bool> lowerIsBetter(RunColumns::Id id);
    /// "X_KEY,Y_KEY" into two number columns; empty text: the default axes. Throws
    /// std::invalid_argument naming the accepted keys otherwise.
    static std::pair<RunColumns::Id, RunColumns::Id> parseAxes(const std::string &text);

    RunColumns::Id x = kDefaultX, y = kDefaultY;
    std::vector<Point> points;
    int unplaced = 0; ///< runs lacking a value (never drawn at 0)
    bool hasFront = false;
};

} // namespace hpa::core

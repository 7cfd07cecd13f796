#pragma once

#include "core/model/experiment.h"

#include <optional>

namespace hpa::core {

/// The unit rules that read whole columns of a loaded experiment: the KV cache in percent and
/// the waiting requests as milli-units or as written (see KvCacheNormalizer, WaitingNormalizer).
///
/// `previous`, when given, is the last snapshot of the same followed run, read with the same
/// options, whose rows are the first rows of `experiment` unchanged (ExperimentFollower): where
/// a rule reads as it did then, its converted values are reused and only the rows after them
/// are converted, written at the end of the storage the snapshots share (ColumnValues), so a
/// new row costs a value per converted column, not a copy of the columns. The result is the
/// same as without it.
class UnitApplier
{
public:
    /// (Re)computes kv_cache_pct and kv_cache_target_pct with the detected or forced unit.
    /// Without `keepRaw` the as-written columns become the percent ones in place (the unit can
    /// then not be changed again: the percent columns are taken as the file's own).
    static void applyKvCacheUnit(Experiment &experiment, std::optional<KvCacheUnit> forced,
                                 bool keepRaw = true, const Experiment *previous = nullptr);

    /// Reads the waiting column with `unit` (WaitingRule) in place and records the rule in
    /// `experiment.waitingRule`; each cell the automatic rule corrects gets a warning naming
    /// its line, the value as written and as read. Only the newer layout's
    /// `num_requests_waiting` is ever read as milli-units automatically.
    static void applyWaitingUnit(Experiment &experiment, WaitingUnit unit,
                                 const Experiment *previous = nullptr);
};

} // namespace hpa::core

#pragma once

#include "core/model/wva_log.h"

#include <string>
#include <string_view>

namespace hpa::core {

/// Reads wva-controller-logs.jsonl, the WVA controller's log: one JSON object per line with
/// `level`, `ts` (ISO 8601, UTC) and `msg`. Messages are matched by their stable parts, as the
/// controller's wording changed between versions:
///   "Operating in X mode"                 starts a reconcile cycle (and sets the mode)
///   "Metrics collected for VA: variant=V, replicas=R, ..., ttft=Tms, itl=Ims[, arrivalRate=A]"
///   "KV cache metric: pod=P, usage=U"      "Queue metric: pod=P, queueLength=Q"
///   "Optimization solution ... s=V:ns; ... alloc={...numRep=N...itl=I, ttft=T...}"
///   "Processing decision: variant=V, action=A, current=C→target=T"   the decision
///   "No scaling decisions to apply" / "decision count: 0"             no decision this cycle
///   "Reconciliation completed"            ends the cycle
/// One sample per variant and cycle. Never throws: a line that is not JSON, lacks `ts`/`msg`,
/// has an unreadable field, a mode change, time going backwards, or a message of a kind not
/// read here is a warning (one per kind of message), and the rest still loads.
class WvaLogParser
{
public:
    static WvaLog parse(std::string_view content, const std::string &fileName);
};

} // namespace hpa::core

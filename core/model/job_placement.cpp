#include "core/model/job_placement.h"

namespace hpa::core {

std::string JobPlacement::methodName(Method method)
{
    switch (method) {
    case Method::JobsLog:
        return "jobs.log";
    case Method::LogClock:
        return "log clock";
    case Method::Schedule:
        return "start_delay schedule";
    case Method::None:
        break;
    }
    return "not placed";
}

} // namespace hpa::core

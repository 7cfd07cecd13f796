#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// One `=== Title at <ISO> ===` section of events.log or jobs.log: a `kubectl get` table, or a
/// message such as `No jobs found`.
struct KubectlSnapshot
{
    std::string title; ///< e.g. "Job Status", "Initial State"
    std::optional<double> time;
    bool naiveTime = false;
    std::vector<std::string> header;            ///< column names, empty for a message
    std::vector<std::vector<std::string>> rows; ///< cells split on the header's column starts
    std::string message;                        ///< text that is not a table
    int line = 0;                               ///< line of the `===` header
};

} // namespace hpa::core

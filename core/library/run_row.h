#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace hpa::core {

/// One experiment of a library: where it is, what it is, and the numbers the library table
/// and scatter show. Every number is optional: unknown stays unknown, never 0.
struct RunRow
{
    enum class Status
    {
        Ok,      ///< read (now or from the catalog, files unchanged)
        Failed,  ///< the folder could not be read as an experiment (`error` says why)
        Missing, ///< in the catalog, but the folder is gone
    };

    std::string path; ///< absolute; the catalog key
    std::string name, layout;
    Status status = Status::Ok;
    std::string error;

    std::string start;                  ///< first sample as written
    std::optional<double> startSeconds; ///< first sample, Unix seconds
    std::optional<double> durationSeconds;
    std::optional<double> samples;
    std::optional<double> warnings;
    std::optional<double> maxReplicas, meanReplicas, replicaHours;
    std::optional<double> waitingP90, kvMeanPct;
    std::optional<double> thetaUPct, tauUPct, reactionMedianS;
    std::optional<double> sloTtftPct, sloItlPct;

    std::string tags, notes;  ///< the user's, kept in the catalog only
    bool fromCatalog = false; ///< listed from the catalog without reading the folder
};

} // namespace hpa::core

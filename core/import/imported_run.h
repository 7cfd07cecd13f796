#pragma once

#include <map>
#include <string>
#include <vector>

namespace hpa::core {

/// What an import read from Prometheus, on the step grid, before it is written as a folder.
struct ImportedRun
{
    struct Column
    {
        std::string name;           ///< metrics.csv header
        std::string query;          ///< the query whose answer is in `values` (or the first tried)
        std::vector<double> values; ///< one per grid point; NaN where nothing was there
        bool found = false;         ///< a query returned at least one series
    };

    std::string url; ///< the server, without credentials
    std::string presetName;
    std::string ns, hpa, deployment;
    double from = 0, to = 0, step = 5;
    std::vector<double> times; ///< the grid, Unix seconds
    std::vector<Column> columns;
    /// metadata.json entries read from the preset's metadata queries (e.g. min_replicas).
    std::map<std::string, double> metadataValues;
    /// Every query asked, by column, fallbacks included.
    std::map<std::string, std::vector<std::string>> queriesAsked;
    std::vector<std::string> warnings;

    const Column *column(const std::string &name) const
    {
        for (const Column &c : columns)
            if (c.name == name)
                return &c;
        return nullptr;
    }
};

} // namespace hpa::core

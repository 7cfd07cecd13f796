#pragma once

#include <string>
#include <vector>

namespace hpa::bench {

/// The baseline loader: what one writes first in C++ — std::getline per line and per cell,
/// std::stod per value, one vector per column. No aliases, warnings or sorting.
class NaiveLoader
{
public:
    struct Table
    {
        std::vector<std::string> headers;
        std::vector<double> time; ///< seconds since the epoch (timestamp column, as UTC)
        std::vector<std::vector<double>> columns; ///< every other column, NaN when unreadable
        std::size_t rows() const { return time.size(); }
    };

    /// Reads the metrics.csv at `path`. Throws std::runtime_error when it cannot be opened.
    static Table load(const std::string &path);
};

} // namespace hpa::bench

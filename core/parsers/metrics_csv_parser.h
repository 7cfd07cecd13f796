#pragma once

#include "core/io/byte_source.h"
#include "core/model/load_warning.h"
#include "core/model/metrics_table.h"
#include "core/model/warning_list.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Reads metrics.csv into columns. Columns are mapped by header name (with aliases), never by
/// position; unknown columns are kept as extra series.
class MetricsCsvParser
{
public:
    struct Options
    {
        /// Worker threads; 0 = one per core. 1 gives the reference single-threaded path, whose
        /// result the parallel path must equal exactly.
        unsigned threads = 0;
        /// Warnings of single lines listed before the rest are summed up in one closing line
        /// (the WarningList limit); the few about the file as a whole are always listed.
        std::size_t maxWarnings = WarningList::kDefaultLimit;
        /// Polled between blocks of rows; set it to stop early (the result is then partial).
        const std::atomic<bool> *cancel = nullptr;
        /// Fraction of the file parsed, 0..1, from the parsing threads.
        std::function<void(double)> progress;
        /// Called on the calling thread after the counting pass, just before the columns are
        /// allocated (not at all when the file has no usable header): a caller can finish
        /// other work there that must not overlap the table's memory.
        std::function<void()> beforeColumns;
    };

    struct Result
    {
        MetricsTable table;
        std::vector<LoadWarning> warnings;
        std::vector<std::string> headerKeys; ///< canonical key of every header cell
        bool hasTimeColumn = false;
        bool cancelled = false;
    };

    /// Parses `source` (an open metrics.csv, read in blocks by each thread, or text in memory).
    /// `fileName` names the file in warnings.
    static Result parse(const ByteSource &source, const std::string &fileName,
                        const Options &options);
    /// Parses the whole file content held in memory.
    static Result parse(std::string_view content, const std::string &fileName,
                        const Options &options);
    static Result parse(std::string_view content, const std::string &fileName)
    {
        return parse(content, fileName, Options{});
    }
};

} // namespace hpa::core

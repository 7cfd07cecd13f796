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
#include <utility>
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

    /// Where a parse of a growing file stopped, so that lines appended later can be parsed
    /// alone (parseAppended) and the whole still reads as one parse of the longer file.
    struct Continuation
    {
        std::string headerText;          ///< the header line as written (no line break)
        int headerLine = 0;              ///< its 1-based line
        int lastLine = 0;                ///< lines read so far, header and blank lines included
        WarningList rows{std::string()}; ///< warnings of single lines so far, not yet taken
        /// Problems of the file as a whole found so far (read errors): line and message.
        std::vector<std::pair<int, std::string>> fileProblems;
        int naiveRows = 0;
        int zonedRows = 0;
        int firstNaiveLine = 0;
        int firstZonedLine = 0;
    };

    struct Result
    {
        MetricsTable table;
        std::vector<LoadWarning> warnings;
        std::vector<std::string> headerKeys; ///< canonical key of every header cell
        bool hasTimeColumn = false;
        bool cancelled = false;
        /// Where the parse stopped (valid when hasTimeColumn).
        Continuation continuation;
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

    /// Parses `appended`, whole lines added after the ones `state` has read, into a table of
    /// the header's columns (rows as read, in file order, not sorted). Its warnings are not in
    /// Result::warnings but in `state`, which moves on past them: finish() gives the warnings
    /// of the whole file.
    static Result parseAppended(const ByteSource &appended, Continuation &state,
                                const std::string &fileName, const Options &options);

    /// The warnings parse() gives for the whole file `state` has read, whose rows (in file
    /// order) are `table`: row warnings with their closing line, then those of the file as a
    /// whole. Like parse(), sorts `table` by time when rows go backwards and sets its
    /// naive-time flag.
    static std::vector<LoadWarning> finish(const Continuation &state, const std::string &fileName,
                                           MetricsTable &table, bool cancelled = false);
};

} // namespace hpa::core

#pragma once

#include "core/library/run_row.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// The columns of the library table, shared by `hpa-lens table`, the library view and the
/// scatter: one definition of each column's key, title, unit and value.
class RunColumns
{
public:
    enum class Kind
    {
        Text,
        Number,
        Date
    };

    enum Id
    {
        Name,
        Path,
        Layout,
        Start,
        Duration,
        Samples,
        Warnings,
        MaxReplicas,
        MeanReplicas,
        ReplicaHours,
        WaitingP90,
        KvMean,
        ThetaU,
        TauU,
        ReactionMedian,
        SloTtft,
        SloItl,
        Status,
        Tags,
        Notes,
        Count
    };

    /// Which way a column is better, for the scatter's Pareto front.
    enum class Better
    {
        None,
        Lower,
        Higher
    };

    struct Column
    {
        Id id;
        std::string_view key;   ///< JSON/CSV key and --sort KEY
        std::string_view title; ///< table header
        std::string_view unit;  ///< "" when none
        Kind kind;
        Better better = Better::None;
    };

    static const std::vector<Column> &all();
    static const Column &column(Id id) { return all()[static_cast<std::size_t>(id)]; }
    /// The column whose key is `key`, nullopt when none.
    static std::optional<Id> fromKey(std::string_view key);

    /// The number of a Number or Date column; nullopt when unknown or a text column.
    static std::optional<double> number(const RunRow &row, Id id);
    /// The cell as text: numbers formatted, unknown as "" (the caller says "unknown").
    static std::string text(const RunRow &row, Id id);
    /// The title with its unit, "θU (%)", for headers and axes.
    static std::string label(Id id);

    /// Sort order of `id`: numbers ascending with unknown last, text case-insensitively.
    static bool less(const RunRow &a, const RunRow &b, Id id);
    /// True when every word of `filter` occurs (case-insensitively) in the name, path,
    /// layout, tags or notes of `row`.
    static bool matches(const RunRow &row, std::string_view filter);
    static std::string_view statusKey(RunRow::Status status);
};

} // namespace hpa::core

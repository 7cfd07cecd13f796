#include "app/cli/table_command.h"

#include "core/library/library_scanner.h"
#include "core/library/run_catalog.h"
#include "core/library/run_columns.h"
#include "core/library/run_scatter.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>

namespace hpa::app {

namespace {

using core::RunColumns;
using core::RunRow;

/// The columns of the text table: the library view's default ones.
constexpr RunColumns::Id kTextColumns[] = {
    RunColumns::Name,           RunColumns::Start,        RunColumns::Duration,
    RunColumns::Samples,        RunColumns::Warnings,     RunColumns::MaxReplicas,
    RunColumns::MeanReplicas,   RunColumns::ReplicaHours, RunColumns::WaitingP90,
    RunColumns::KvMean,         RunColumns::ThetaU,       RunColumns::TauU,
    RunColumns::ReactionMedian, RunColumns::SloTtft,      RunColumns::SloItl};

/// Display width of UTF-8 text (θ and τ are one column each).
std::size_t width(const std::string &s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string pad(const std::string &s, std::size_t w, bool right)
{
    const std::string fill(w > width(s) ? w - width(s) : 0, ' ');
    return right ? fill + s : s + fill;
}

nlohmann::ordered_json toJson(const RunRow &row)
{
    nlohmann::ordered_json j;
    for (const auto &c : RunColumns::all()) {
        if (c.kind == RunColumns::Kind::Text) {
            j[std::string(c.key)] = c.id == RunColumns::Status
                                        ? std::string(RunColumns::statusKey(row.status))
                                        : RunColumns::text(row, c.id);
        } else if (c.id == RunColumns::Start) {
            j["start"] = row.start.empty() ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(row.start);
            j["start_s"] = row.startSeconds ? nlohmann::ordered_json(*row.startSeconds)
                                            : nlohmann::ordered_json(nullptr);
        } else {
            const auto v = RunColumns::number(row, c.id);
            j[std::string(c.key)] =
                v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
        }
    }
    j["error"] =
        row.error.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.error);
    return j;
}

std::string csvCell(const std::string &s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + '"';
}

void writeCsv(const std::vector<RunRow> &rows, std::ostream &out)
{
    bool first = true;
    for (const auto &c : RunColumns::all()) {
        out << (first ? "" : ",") << c.key << (c.id == RunColumns::Start ? ",start_s" : "");
        first = false;
    }
    out << ",error\n";
    for (const RunRow &row : rows) {
        first = true;
        for (const auto &c : RunColumns::all()) {
            out << (first ? "" : ",");
            first = false;
            if (c.kind == RunColumns::Kind::Text) {
                out << csvCell(c.id == RunColumns::Status
                                   ? std::string(RunColumns::statusKey(row.status))
                                   : RunColumns::text(row, c.id));
            } else if (c.id == RunColumns::Start) {
                out << csvCell(row.start) << ','
                    << (row.startSeconds ? fmt::format("{}", *row.startSeconds) : "");
            } else if (const auto v = RunColumns::number(row, c.id)) {
                out << fmt::format("{}", *v); // shortest round-trip form
            }
        }
        out << ',' << csvCell(row.error) << '\n';
    }
}

void writeText(const std::vector<RunRow> &rows, std::ostream &out)
{
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> widths;
    std::vector<std::string> header;
    for (RunColumns::Id id : kTextColumns) {
        header.push_back(RunColumns::column(id).unit == "requests"
                             ? std::string(RunColumns::column(id).title)
                             : RunColumns::label(id));
        widths.push_back(width(header.back()));
    }
    for (const RunRow &row : rows) {
        std::vector<std::string> line;
        for (std::size_t i = 0; i < std::size(kTextColumns); ++i) {
            std::string t = RunColumns::text(row, kTextColumns[i]);
            if (t.empty() && kTextColumns[i] != RunColumns::Name)
                t.assign(1, '-'); // not = "-": GCC 12 -Wrestrict false positive
            widths[i] = std::max(widths[i], width(t));
            line.push_back(std::move(t));
        }
        cells.push_back(std::move(line));
    }
    const auto writeLine = [&](const std::vector<std::string> &line) {
        std::string s;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (i)
                s.append("  ");
            s.append(pad(line[i], widths[i], i > 0 && i != 1));
        }
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        out << s << '\n';
    };
    writeLine(header);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        writeLine(cells[r]);
        if (rows[r].status != RunRow::Status::Ok) {
            out << "    " << RunColumns::statusKey(rows[r].status);
            if (!rows[r].error.empty())
                out << ": " << rows[r].error;
            out << '\n';
        }
    }
    out << fmt::format("{} run(s). - = not collected or not known for that run.\n", rows.size());
}

nlohmann::ordered_json axis(RunColumns::Id id)
{
    const auto lower = core::RunScatter::lowerIsBetter(id);
    return {{"key", std::string(RunColumns::column(id).key)},
            {"label", RunColumns::label(id)},
            {"better", lower ? nlohmann::ordered_json(*lower ? "lower" : "higher")
                             : nlohmann::ordered_json(nullptr)}};
}

/// The scatter as the library draws it: both axes, every placed run with its `pareto` flag,
/// and how many runs lack a value.
nlohmann::ordered_json scatterJson(const core::RunScatter &scatter)
{
    nlohmann::ordered_json points = nlohmann::ordered_json::array();
    for (const core::RunScatter::Point &p : scatter.points)
        points.push_back(
            {{"name", p.name}, {"path", p.path}, {"x", p.x}, {"y", p.y}, {"pareto", p.pareto}});
    return {{"x", axis(scatter.x)},
            {"y", axis(scatter.y)},
            {"pareto_front", scatter.hasFront},
            {"points", std::move(points)},
            {"unplaced", scatter.unplaced}};
}

} // namespace

bool TableCommand::parseOption(const std::string &option,
                               const std::function<std::string(const std::string &)> &value,
                               CommandLine &cl)
{
    if (option == "--csv")
        cl.csvOut = true;
    else if (option == "--sort") {
        std::string key = value(option);
        const std::string bare = key.starts_with('-') ? key.substr(1) : key;
        if (!RunColumns::fromKey(bare)) {
            std::string keys;
            for (const auto &c : RunColumns::all()) {
                // Appended piece by piece: "" + std::string&& trips GCC 12's -Wrestrict.
                if (!keys.empty())
                    keys.append(1, ' ');
                keys.append(c.key);
            }
            throw std::invalid_argument("--sort expects one of: " + keys +
                                        " (prefix - for descending)");
        }
        cl.sortKey = key;
    } else if (option == "--filter")
        cl.filter = value(option);
    else if (option == "--no-catalog")
        cl.noCatalog = true;
    else
        return false;
    return true;
}

std::optional<std::vector<RunRow>> TableCommand::listRows(const CommandLine &cl, std::ostream &err)
{
    const std::string &root = cl.dirs.front();
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
        err << "hpa-lens: " << root << ": not a folder\n";
        return std::nullopt;
    }
    std::unique_ptr<core::RunCatalog> catalog;
    if (!cl.noCatalog)
        catalog = std::make_unique<core::RunCatalog>(core::RunCatalog::defaultPath());
    core::LibraryScanner::Options options;
    options.catalog = catalog.get();
    core::LibraryScanner::Result result = core::LibraryScanner::scan(root, options);
    for (const auto &w : result.warnings)
        err << "hpa-lens: warning: " << w.file << ": " << w.message << '\n';

    std::vector<RunRow> rows;
    for (RunRow &row : result.rows)
        if (cl.filter.empty() || RunColumns::matches(row, cl.filter))
            rows.push_back(std::move(row));
    if (!cl.sortKey.empty()) {
        const bool descending = cl.sortKey.starts_with('-');
        const RunColumns::Id id =
            *RunColumns::fromKey(descending ? cl.sortKey.substr(1) : cl.sortKey);
        std::stable_sort(rows.begin(), rows.end(), [&](const RunRow &a, const RunRow &b) {
            // Unknown values stay last either way.
            if (descending && RunColumns::column(id).kind != RunColumns::Kind::Text &&
                RunColumns::number(a, id).has_value() == RunColumns::number(b, id).has_value())
                return RunColumns::less(b, a, id);
            return descending && RunColumns::column(id).kind == RunColumns::Kind::Text
                       ? RunColumns::less(b, a, id)
                       : RunColumns::less(a, b, id);
        });
    }
    return rows;
}

int TableCommand::run(const CommandLine &cl, std::ostream &out, std::ostream &err)
{
    const auto listed = listRows(cl, err);
    if (!listed)
        return 2;
    const std::vector<RunRow> &rows = *listed;
    if (cl.scatter) {
        const auto [x, y] = core::RunScatter::parseAxes(*cl.scatter);
        out << scatterJson(core::RunScatter::of(rows, x, y))
                   .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << '\n';
    } else if (cl.json) {
        nlohmann::ordered_json runs = nlohmann::ordered_json::array();
        for (const RunRow &row : rows)
            runs.push_back(toJson(row));
        out << runs.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    } else if (cl.csvOut) {
        writeCsv(rows, out);
    } else {
        writeText(rows, out);
    }
    return 0;
}

} // namespace hpa::app

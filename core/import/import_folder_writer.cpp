#include "core/import/import_folder_writer.h"

#include "core/model/number_format.h"
#include "core/model/timestamp.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

namespace hpa::core {

namespace {

namespace fs = std::filesystem;

/// Whole numbers as JSON integers ("max_replicas": 10, as the monitor writes them).
nlohmann::ordered_json jsonNumber(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15)
        return static_cast<long long>(v);
    return v;
}

std::string cell(double v)
{
    // 10 significant digits: PromQL's arithmetic noise (0.30000000000000004) stays out.
    return std::isfinite(v) ? NumberFormat::shortest(v) : std::string();
}

double valueAt(const ImportedRun::Column *column, std::size_t row)
{
    return column ? column->values[row] : std::nan("");
}

/// `(waiting: 7.2, cache: 0.887)` with what is known at that row.
std::string context(const ImportedRun &run, std::size_t row)
{
    std::string items;
    const double waiting = valueAt(run.column("num_requests_waiting"), row);
    const double cache = valueAt(run.column("kv_cache_usage_perc"), row);
    if (std::isfinite(waiting))
        items += fmt::format("waiting: {:.6g}", waiting);
    if (std::isfinite(cache))
        items += fmt::format("{}cache: {:.6g}", items.empty() ? "" : ", ", cache);
    return items.empty() ? std::string() : " (" + items + ")";
}

void writeFile(const fs::path &path, const std::string &content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

} // namespace

std::string ImportFolderWriter::metricsCsv(const ImportedRun &run)
{
    std::string out = "timestamp";
    for (const ImportedRun::Column &c : run.columns)
        out += "," + c.name;
    out += '\n';
    for (std::size_t row = 0; row < run.times.size(); ++row) {
        out += Timestamp::format(run.times[row], false);
        for (const ImportedRun::Column &c : run.columns) {
            out += ',';
            out += cell(c.values[row]);
        }
        out += '\n';
    }
    return out;
}

std::string ImportFolderWriter::scalingEvents(const ImportedRun &run)
{
    const ImportedRun::Column *replicas = run.column("replicas");
    const ImportedRun::Column *desired = run.column("desired_replicas");
    const auto stamp = [](double t) {
        return fmt::format("[{}] ", Timestamp::format(t, false));
    };
    std::string out;
    if (run.times.empty())
        return out;
    out += stamp(run.times.front()) +
           fmt::format("Monitor started - no monitor ran: events derived by HPA Lens from "
                       "Prometheus (changes of replicas and desired_replicas at each step) - "
                       "collecting metrics every {}s\n",
                       run.step);
    double lastReplicas = std::nan(""), lastDesired = std::nan("");
    for (std::size_t row = 0; row < run.times.size(); ++row) {
        const double r = valueAt(replicas, row);
        const double d = valueAt(desired, row);
        if (std::isfinite(d)) {
            if (std::isfinite(lastDesired) && d != lastDesired && std::isfinite(r))
                out += stamp(run.times[row]) + fmt::format("SCALE {} TRIGGERED: {} -> {}{}\n",
                                                           d > lastDesired ? "UP" : "DOWN",
                                                           std::llround(r), std::llround(d),
                                                           context(run, row));
            lastDesired = d;
        }
        if (std::isfinite(r)) {
            if (!std::isfinite(lastReplicas) || r != lastReplicas)
                out += stamp(run.times[row]) +
                       fmt::format("REPLICAS CHANGED: {} -> {}\n",
                                   std::isfinite(lastReplicas) ? std::llround(lastReplicas) : 0,
                                   std::llround(r));
            lastReplicas = r;
        }
    }
    out += stamp(run.times.back()) + "Monitor stopped\n";
    return out;
}

std::string ImportFolderWriter::metadataJson(const ImportedRun &run, const std::string &name)
{
    nlohmann::ordered_json j;
    j["experiment_name"] = name;
    j["description"] = "Imported from Prometheus by HPA Lens";
    j["source"] = "prometheus";
    j["prometheus_url"] = run.url;
    j["preset"] = run.presetName;
    j["start_time"] = Timestamp::format(run.from, false);
    j["end_time"] = Timestamp::format(run.to, false);
    j["namespace"] = run.ns;
    j["hpa_name"] = run.hpa;
    j["deployment_name"] = run.deployment;
    j["sample_interval_seconds"] = jsonNumber(run.step);
    j["step_seconds"] = jsonNumber(run.step);
    for (const auto &[key, value] : run.metadataValues)
        j[key] = jsonNumber(value);
    j["scaling_events"] = "derived from the replicas and desired_replicas series";
    nlohmann::ordered_json queries = nlohmann::ordered_json::object();
    for (const auto &[column, asked] : run.queriesAsked)
        queries[column] = asked;
    j["queries"] = queries;
    nlohmann::ordered_json used = nlohmann::ordered_json::object();
    for (const ImportedRun::Column &c : run.columns)
        used[c.name] = c.found ? nlohmann::ordered_json(c.query) : nlohmann::ordered_json(nullptr);
    j["queries_answered"] = used;
    j["import_warnings"] = run.warnings;
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string ImportFolderWriter::write(const ImportedRun &run, const std::string &outDir)
{
    const fs::path target = fs::absolute(fs::path(outDir)).lexically_normal();
    const fs::path finalPath = target.has_filename() ? target : target.parent_path();
    std::error_code ec;
    if (fs::symlink_status(finalPath, ec).type() != fs::file_type::not_found)
        return finalPath.string() + " already exists: give a new folder";
    const fs::path parent = finalPath.parent_path();
    if (!fs::is_directory(parent, ec))
        return "the folder " + parent.string() + " does not exist";
    std::random_device random;
    const fs::path temp =
        parent / fmt::format(".{}.importing-{:08x}", finalPath.filename().string(), random());
    try {
        if (!fs::create_directory(temp))
            throw std::runtime_error("cannot create " + temp.string());
        writeFile(temp / "metrics.csv", metricsCsv(run));
        writeFile(temp / "scaling-events.log", scalingEvents(run));
        writeFile(temp / "metadata.json", metadataJson(run, finalPath.filename().string()));
        // renameat2(RENAME_NOREPLACE): a folder created meanwhile is never replaced (plain
        // rename() would replace an empty one).
        if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, finalPath.c_str(), RENAME_NOREPLACE) !=
            0) {
            const int error = errno;
            throw std::runtime_error(error == EEXIST
                                         ? finalPath.string() + " already exists: give a new folder"
                                         : "cannot create " + finalPath.string() + ": " +
                                               std::strerror(error));
        }
    } catch (const std::exception &e) {
        fs::remove_all(temp, ec);
        return e.what();
    }
    return {};
}

} // namespace hpa::core

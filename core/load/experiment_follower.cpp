#include "core/load/experiment_follower.h"

#include "core/load/job_placer.h"
#include "core/load/unit_applier.h"
#include "core/load/wva_run_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <system_error>
#include <utility>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

constexpr const char *kMetrics = "metrics.csv";
constexpr const char *kNewerLog = "scaling-events.log";
/// Job logs looked at for changes; the loader reads at most 2000.
constexpr std::size_t kMaxStampedJobLogs = 2000;

void append(std::vector<LoadWarning> &to, const std::vector<LoadWarning> &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

std::string readWhole(const ByteSource &source)
{
    std::string text(static_cast<std::size_t>(source.size()), '\0');
    std::size_t got = 0;
    while (got < text.size()) {
        const std::ptrdiff_t r = source.read(got, text.data() + got, text.size() - got);
        if (r <= 0)
            break;
        got += static_cast<std::size_t>(r);
    }
    text.resize(got);
    return text;
}

fs::path resolveFolder(const std::string &dirText)
{
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(dirText), ec);
    if (ec)
        dir = fs::path(dirText);
    if (fs::is_regular_file(dir, ec) && dir.filename() == kMetrics)
        dir = dir.parent_path();
    dir = dir.lexically_normal();
    if (!dir.has_filename())
        dir = dir.parent_path();
    if (!fs::is_directory(dir, ec))
        throw LoadError(fmt::format("{}: no such folder", dirText));
    if (WvaRunLoader::isWvaRun(dir))
        throw LoadError(fmt::format("{}: a WVA run cannot be followed live", dir.string()));
    if (!fs::exists(fs::symlink_status(dir / kMetrics, ec)))
        throw LoadError(
            fmt::format("{}: no metrics.csv, so this is not an experiment folder", dir.string()));
    return dir;
}

/// True when the first `rows` rows of `a` and `b` hold the same values (a rule read from the
/// whole column, like the waiting unit, may change earlier rows when rows are added).
bool sameRows(const MetricsTable &a, const MetricsTable &b, std::size_t rows)
{
    const auto same = [rows](const ColumnValues &x, const ColumnValues &y) {
        if (x.size() < rows || y.size() < rows)
            return false;
        // Storage is only ever added to at its end: shared values are the same values.
        if (x.sharesStorageWith(y))
            return true;
        for (std::size_t i = 0; i < rows; ++i) {
            if (!(x[i] == y[i] || (std::isnan(x[i]) && std::isnan(y[i]))))
                return false;
        }
        return true;
    };
    if (a.columns().size() != b.columns().size() || !same(a.time(), b.time()))
        return false;
    for (std::size_t c = 0; c < a.columns().size(); ++c) {
        if (a.columns()[c].key != b.columns()[c].key ||
            !same(a.columns()[c].values, b.columns()[c].values))
            return false;
    }
    return true;
}

/// Undoes the parser's sort by time (rows that went backwards): the rows in the order of their
/// lines, so that every rebuild finds, warns about and sorts them as a whole parse does.
void putInFileOrder(MetricsTable &table)
{
    const std::vector<int> lines = table.sourceLineList();
    if (std::is_sorted(lines.begin(), lines.end()))
        return;
    std::vector<std::size_t> order(lines.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&lines](std::size_t a, std::size_t b) { return lines[a] < lines[b]; });
    const auto permute = [&order](ColumnValues &v) {
        ColumnValues out(v.size(), 0.0);
        double *to = out.data();
        for (std::size_t i = 0; i < order.size(); ++i)
            to[i] = std::as_const(v)[order[i]];
        v = std::move(out);
    };
    permute(table.time());
    for (MetricColumn &c : table.columns())
        permute(c.values);
    std::vector<int> sortedLines(lines.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        sortedLines[i] = lines[order[i]];
    table.setSourceLines(sortedLines);
}

} // namespace

ExperimentFollower::ExperimentFollower(const std::string &dirText,
                                       const ExperimentLoader::Options &options)
    : m_options(options), m_metricsFile(resolveFolder(dirText) / kMetrics),
      m_newerLog(m_metricsFile.path().parent_path() / kNewerLog),
      m_olderLog(m_metricsFile.path().parent_path() / "scaling.log"),
      m_metadataFile(m_metricsFile.path().parent_path() / "metadata.json")
{
    const fs::path dir = m_metricsFile.path().parent_path();
    m_dir = dir.string();
    m_name = dir.filename().string();
    // Progress and cancelling belong to one load, not to every poll.
    m_options.progress = nullptr;
    m_options.cancel = nullptr;
    readAll();
    rebuild();
}

void ExperimentFollower::readAll()
{
    readMetrics();
    readNewerLog();
    readOlderLog();
    readMetadata();
    m_surroundingsStamp = surroundingsStamp();
    readSurroundings();
}

void ExperimentFollower::readMetrics()
{
    const ByteSource source = m_metricsFile.open();
    MetricsCsvParser::Options csv;
    csv.threads = m_options.threads;
    MetricsCsvParser::Result r = MetricsCsvParser::parse(source, kMetrics, csv);
    if (!r.hasTimeColumn) {
        const std::string why = r.warnings.empty() ? "no time column" : r.warnings.front().message;
        throw LoadError(fmt::format("{}: {}", m_metricsFile.path().string(), why));
    }
    m_rows = std::move(r.table);
    m_metricsState = std::move(r.continuation);
    putInFileOrder(m_rows);
    m_layout = ExperimentLoader::layoutOf(r.headerKeys);
}

bool ExperimentFollower::appendMetrics(const std::string &bytes)
{
    const auto &time = m_rows.time();
    // A whole parse sorts rows that go backwards and says so: rows kept in file order are
    // needed to go on, so a file that went backwards anywhere is parsed whole again.
    if (!std::is_sorted(time.begin(), time.end()))
        return false;
    MetricsCsvParser::Continuation state = m_metricsState;
    MetricsCsvParser::Options csv;
    csv.threads = 1;
    const MetricsCsvParser::Result part =
        MetricsCsvParser::parseAppended(ByteSource::fromMemory(bytes), state, kMetrics, csv);
    const auto &added = part.table.time();
    if (!std::is_sorted(added.begin(), added.end()) ||
        (!added.empty() && !time.empty() && added.front() < time.back()))
        return false;
    m_rows.appendRows(part.table);
    m_metricsState = std::move(state);
    return true;
}

void ExperimentFollower::readNewerLog()
{
    const std::string text = readWhole(m_newerLog.open());
    m_newerCursor = ScalingEventsLogParser::Cursor{};
    m_newerCursor.warnings = WarningList(kNewerLog);
    m_newer = ScalingEventsLogParser::Result{};
    m_newer.texts.addFile(kNewerLog);
    appendNewerLog(text);
}

void ExperimentFollower::appendNewerLog(const std::string &bytes)
{
    ScalingEventsLogParser::Result r = ScalingEventsLogParser::parseAppended(
        bytes, m_newerCursor, kNewerLog, m_options.keepEventTexts);
    // The monitor start refers to the same texts: moved along with the events.
    if (r.monitorStart)
        r.events.push_back(*r.monitorStart);
    m_newer.texts.append(std::move(r.texts), r.events);
    if (r.monitorStart) {
        m_newer.monitorStart = r.events.back();
        r.events.pop_back();
    }
    m_newer.events.insert(m_newer.events.end(), r.events.begin(), r.events.end());
    if (!m_newer.monitorStarted)
        m_newer.monitorStarted = r.monitorStarted;
    if (!m_newer.declaredIntervalSeconds)
        m_newer.declaredIntervalSeconds = r.declaredIntervalSeconds;
    if (r.monitorStopped)
        m_newer.monitorStopped = r.monitorStopped;
}

void ExperimentFollower::readOlderLog()
{
    // Read whole when it changes: its events are multi-line blocks whose parser has no
    // cursor to resume from, and the older-layout monitor writes a few KiB of it per run
    // (an event per scaling decision), so a read costs microseconds next to a metrics row.
    m_olderLog.open(); // only to know later whether it changed
    m_older = ScalingEventLoader::loadOlder(m_dir, m_options.keepEventTexts);
}

void ExperimentFollower::readMetadata()
{
    m_metadataFile.open();
    Experiment read;
    ExperimentLoader::readMetadataFile(m_dir, read);
    m_metadata = std::move(read.metadata);
    m_metadataWarnings = std::move(read.warnings);
}

void ExperimentFollower::readSurroundings()
{
    // metadata.json is one JSON document (read whole by readMetadata); events.log, jobs.log,
    // monitor.log and the job logs change rarely during a run (a job starting or ending), are
    // a few KiB each, and their parsers build per-file state (jobs placed against the whole
    // schedule) that has no incremental form: re-read whole, only when their stamp moved.
    Experiment read;
    ExperimentLoader::readSurroundings(m_dir, read, m_options);
    m_surroundings = std::move(read);
}

std::string ExperimentFollower::surroundingsStamp() const
{
    std::string stamp;
    const auto add = [&stamp](const fs::path &path) {
        std::error_code ec;
        const auto size = fs::file_size(path, ec);
        if (ec)
            return;
        const auto time = fs::last_write_time(path, ec).time_since_epoch().count();
        stamp += fmt::format("{}:{}:{};", path.filename().string(), size, time);
    };
    const fs::path dir(m_dir);
    for (const char *name :
         {"events.log", "jobs.log", "experiment-config.yaml", "README.md", "monitor.log"})
        add(dir / name);
    std::error_code ec;
    std::size_t seen = 0;
    for (fs::directory_iterator it(dir / "job-logs", ec), end;
         !ec && it != end && seen < kMaxStampedJobLogs; it.increment(ec), ++seen)
        add(it->path());
    return stamp;
}

ExperimentFollower::Update ExperimentFollower::poll()
{
    Update update;
    update.rowsBefore = m_experiment->metrics.rowCount();
    const std::size_t eventsBefore = m_experiment->events.size();
    const std::shared_ptr<const Experiment> before = m_experiment;
    bool changed = false;
    bool rowsKept = true; // the snapshot's rows are the first rows still
    const auto restart = [&update](std::string why) {
        update.kind = Update::Kind::Reloaded;
        if (!update.warning.empty())
            update.warning += "; ";
        update.warning += why;
    };

    FollowedFile::Look look = m_metricsFile.look();
    if (look.change == FollowedFile::Change::Restart) {
        restart(look.reason + ": the experiment was read again");
        readAll();
        rebuild();
        update.rowsAdded = m_experiment->metrics.rowCount();
        update.eventsAdded = m_experiment->events.size();
        return update;
    }
    if (look.change == FollowedFile::Change::Grew) {
        changed = true;
        if (!appendMetrics(look.appended)) {
            restart("metrics.csv: a new row goes back in time; the file was read again");
            readMetrics();
            rowsKept = false;
        }
    }

    look = m_newerLog.look();
    if (look.change == FollowedFile::Change::Restart) {
        restart(look.reason + ": the log was read again");
        readNewerLog();
        changed = true;
    } else if (look.change == FollowedFile::Change::Grew) {
        appendNewerLog(look.appended);
        changed = true;
    }
    if (m_olderLog.look().change != FollowedFile::Change::None) {
        readOlderLog();
        changed = true;
    }
    if (m_metadataFile.look().change != FollowedFile::Change::None) {
        readMetadata();
        changed = true;
    }
    if (std::string stamp = surroundingsStamp(); stamp != m_surroundingsStamp) {
        m_surroundingsStamp = std::move(stamp);
        readSurroundings();
        changed = true;
    }
    if (!changed)
        return update;
    rebuild(rowsKept ? before.get() : nullptr);
    const std::size_t rows = m_experiment->metrics.rowCount();
    const std::size_t events = m_experiment->events.size();
    update.rowsAdded = rows > update.rowsBefore ? rows - update.rowsBefore : 0;
    update.eventsAdded = events > eventsBefore ? events - eventsBefore : 0;
    if (update.kind == Update::Kind::None)
        update.kind = sameRows(before->metrics, m_experiment->metrics, update.rowsBefore)
                          ? Update::Kind::Appended
                          : Update::Kind::Changed;
    return update;
}

void ExperimentFollower::rebuild(const Experiment *previous)
{
    auto e = std::make_shared<Experiment>();
    e->name = m_name;
    e->path = m_dir;
    e->layout = m_layout;
    // The steps and their order are ExperimentLoader::load's, so the warnings come in the
    // same order: metrics.csv, metadata.json, the scaling logs, the other files, the units.
    e->metrics = m_rows;
    e->warnings = MetricsCsvParser::finish(m_metricsState, kMetrics, e->metrics);
    e->metadata = m_metadata;
    append(e->warnings, m_metadataWarnings);

    ScalingEventLoader::Result events = m_older;
    if (m_newerLog.exists()) {
        ScalingEventsLogParser::Result newer = m_newer;
        newer.warnings = WarningList(m_newerCursor.warnings).take();
        ScalingEventLoader::combine(events, &newer);
    } else {
        ScalingEventLoader::combine(events, nullptr);
    }
    e->events = std::move(events.events);
    e->eventTexts = std::move(events.eventTexts);
    e->monitorStart = events.monitorStart;
    e->hpaDescription = std::move(events.hpaDescription);
    append(e->warnings, events.warnings);

    e->kubernetesEvents = m_surroundings.kubernetesEvents;
    e->jobSnapshots = m_surroundings.jobSnapshots;
    e->documents = m_surroundings.documents;
    e->jobs = m_surroundings.jobs;
    e->schedule = m_surroundings.schedule;
    append(e->warnings, m_surroundings.warnings);
    JobPlacer::place(*e);

    UnitApplier::applyWaitingUnit(*e, m_options.waitingUnit, previous);
    UnitApplier::applyKvCacheUnit(*e, m_options.kvUnit, m_options.keepRawKvCache, previous);
    m_experiment = std::move(e);
}

} // namespace hpa::core

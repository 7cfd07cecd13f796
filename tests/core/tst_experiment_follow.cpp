// A writer appends to an experiment folder (rows and events, partial lines, bursts, bad lines,
// a truncation, a replacement, a rewrite in the middle) while an ExperimentFollower reads it.
// After every step the followed experiment must equal ExperimentLoader::load of the same
// complete lines: a mirror folder holds each followed file cut after its last line break
// (the partial line the follower is still waiting for).
#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_follower.h"
#include "core/load/experiment_loader.h"
#include "core/model/metric_keys.h"
#include "core/report/summary_json.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

using hpa::core::Experiment;
using hpa::core::ExperimentFollower;
using hpa::core::ExperimentLoader;
using Kind = hpa::core::ExperimentFollower::Update::Kind;

namespace fs = std::filesystem;

namespace {

constexpr const char *kHeader =
    "timestamp,replicas,desired_replicas,num_requests_waiting,num_requests_waiting_target,"
    "kv_cache_usage_perc,kv_cache_usage_target,ttft_ms,itl_ms,request_rate_per_min,active_jobs\n";

void appendTo(const fs::path &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << bytes;
}

/// Rewrites `path` in place (same inode): truncation or a rewrite in the middle.
void overwrite(const fs::path &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

/// Writes a new file and renames it over `path` (a new inode), as editors and `mv` do.
void replace(const fs::path &path, const std::string &bytes)
{
    const fs::path tmp = path.string() + ".new";
    overwrite(tmp, bytes);
    fs::rename(tmp, path);
}

std::string row(int second, int replicas, double waiting, double kv, int jobs = 2)
{
    const int h = 10 + second / 3600, m = second / 60 % 60, s = second % 60;
    return fmt::format("2025-12-01 {:02}:{:02}:{:02},{},{},{:.3f},10,{:.3f},0.8,120.50,21.30,"
                       "{:.2f},{}\n",
                       h, m, s, replicas, replicas + (second / 60) % 2, waiting, kv,
                       40.0 + second % 7, jobs);
}

std::string rows(int from, int count, int step = 5)
{
    std::string text;
    for (int i = 0; i < count; ++i) {
        const int t = from + i * step;
        text += row(t, 1 + t / 600, (t % 97) / 7.0, 0.2 + (t % 50) / 100.0);
    }
    return text;
}

std::string logLine(int second, const std::string &body)
{
    const int h = 10 + second / 3600, m = second / 60 % 60, s = second % 60;
    return fmt::format("[2025-12-01 {:02}:{:02}:{:02}] {}\n", h, m, s, body);
}

/// `bytes` cut after its last line break.
std::string wholeLines(const std::string &bytes)
{
    const auto nl = bytes.rfind('\n');
    return nl == std::string::npos ? std::string() : bytes.substr(0, nl + 1);
}

bool sameValues(std::span<const double> a, std::span<const double> b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
            return false;
    }
    return true;
}

QString describe(const std::vector<hpa::core::LoadWarning> &warnings)
{
    QStringList lines;
    for (const auto &w : warnings)
        lines << QString::fromStdString(fmt::format("{}:{}: {}", w.file, w.line, w.message));
    return lines.join('\n');
}

} // namespace

class TestExperimentFollow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void followsAWriter();
    void partialHeaderIsNotAnExperimentYet();
    void snapshotsShareTheirRows();

private:
    void writeAndFollow();
    /// The follower's experiment against a full load of the mirror of the same whole lines.
    void checkEqualsFullReload(const Experiment &followed);
    ExperimentFollower::Update step(ExperimentFollower &follower);

    std::unique_ptr<QTemporaryDir> m_tmp;
    fs::path m_live, m_mirror;
};

void TestExperimentFollow::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_live = fs::path(m_tmp->path().toStdString()) / "live-20251201-100000";
    m_mirror = fs::path(m_tmp->path().toStdString()) / "mirror";
    fs::create_directories(m_live);
    fs::create_directories(m_mirror);
}

ExperimentFollower::Update TestExperimentFollow::step(ExperimentFollower &follower)
{
    const ExperimentFollower::Update update = follower.poll();
    checkEqualsFullReload(*follower.experiment());
    if (QTest::currentTestFailed())
        throw std::runtime_error("the followed experiment differs from a full reload");
    return update;
}

void TestExperimentFollow::checkEqualsFullReload(const Experiment &f)
{
    for (const char *name : {"metrics.csv", "scaling-events.log", "metadata.json"}) {
        const fs::path from = m_live / name;
        if (fs::exists(from))
            overwrite(m_mirror / name, wholeLines(hpa::test::readFile(from)));
        else
            fs::remove(m_mirror / name);
    }
    const Experiment r = ExperimentLoader::load(m_mirror.string());

    if (describe(f.warnings) != describe(r.warnings)) {
        qWarning().noquote() << "followed:\n"
                             << describe(f.warnings) << "\nreloaded:\n"
                             << describe(r.warnings);
    }
    QCOMPARE(describe(f.warnings), describe(r.warnings));
    QVERIFY(f.warnings == r.warnings);
    QCOMPARE(f.metrics.rowCount(), r.metrics.rowCount());
    QVERIFY(f.metrics.time() == r.metrics.time());
    QVERIFY(f.metrics.sourceLineList() == r.metrics.sourceLineList());
    QCOMPARE(f.metrics.naiveTime(), r.metrics.naiveTime());
    QCOMPARE(f.metrics.columns().size(), r.metrics.columns().size());
    for (std::size_t c = 0; c < f.metrics.columns().size(); ++c) {
        const auto &a = f.metrics.columns()[c];
        const auto &b = r.metrics.columns()[c];
        QCOMPARE(a.key, b.key);
        QCOMPARE(a.header, b.header);
        QVERIFY2(sameValues(a.values, b.values), a.key.c_str());
    }
    QCOMPARE(int(f.layout), int(r.layout));
    QCOMPARE(f.kvRule.reason, r.kvRule.reason);
    QCOMPARE(f.waitingRule.reason, r.waitingRule.reason);
    QCOMPARE(f.waitingRule.limit, r.waitingRule.limit);
    QCOMPARE(f.waitingRule.count, r.waitingRule.count);

    QCOMPARE(f.events.size(), r.events.size());
    for (std::size_t i = 0; i < f.events.size(); ++i) {
        const auto &a = f.events[i];
        const auto &b = r.events[i];
        QCOMPARE(a.time, b.time);
        QCOMPARE(int(a.kind), int(b.kind));
        QCOMPARE(a.from, b.from);
        QCOMPARE(a.to, b.to);
        QCOMPARE(a.line, b.line);
        QCOMPARE(f.eventTexts.text(a), r.eventTexts.text(b));
        QCOMPARE(f.eventTexts.file(a), r.eventTexts.file(b));
    }
    QCOMPARE(f.monitorStart.has_value(), r.monitorStart.has_value());
    if (f.monitorStart) {
        QCOMPARE(f.monitorStart->line, r.monitorStart->line);
        QCOMPARE(f.eventTexts.text(*f.monitorStart), r.eventTexts.text(*r.monitorStart));
    }

    // Statistics, scorecard and everything else the summary holds, but the folder's path.
    Experiment fc = f;
    fc.name = r.name;
    fc.path = r.path;
    const auto fs = hpa::core::SummaryJson::toJson(hpa::core::ExperimentAnalyzer::summarize(fc));
    const auto rs = hpa::core::SummaryJson::toJson(hpa::core::ExperimentAnalyzer::summarize(r));
    QCOMPARE(QString::fromStdString(fs.dump(1)), QString::fromStdString(rs.dump(1)));
}

void TestExperimentFollow::followsAWriter()
{
    try {
        writeAndFollow();
    } catch (const std::exception &e) {
        QVERIFY2(QTest::currentTestFailed(), e.what());
    }
}

void TestExperimentFollow::writeAndFollow()
{
    const fs::path metrics = m_live / "metrics.csv";
    const fs::path events = m_live / "scaling-events.log";
    overwrite(m_live / "metadata.json",
              R"({"experiment_name": "live test", "sample_interval_seconds": 5})"
              "\n");
    overwrite(metrics, std::string(kHeader) + rows(0, 3));
    overwrite(events, logLine(0, "Monitor started - collecting metrics every 5s") +
                          logLine(0, "REPLICAS CHANGED: 0 -> 1"));

    ExperimentFollower follower(m_live.string());
    checkEqualsFullReload(*follower.experiment());
    QCOMPARE(follower.experiment()->metrics.rowCount(), std::size_t(3));
    QVERIFY(follower.experiment()->monitorStart.has_value());

    // Nothing new.
    QCOMPARE(int(step(follower).kind), int(Kind::None));

    // A partial row waits for its line break; so does a partial event line.
    const std::string next = row(15, 1, 1.5, 0.31);
    appendTo(metrics, next.substr(0, 20));
    appendTo(events, "[2025-12-01 10:00:1");
    QCOMPARE(int(step(follower).kind), int(Kind::None));
    QCOMPARE(follower.experiment()->metrics.rowCount(), std::size_t(3));

    // The rest of it, one more row and the start of another.
    appendTo(metrics, next.substr(20) + row(20, 1, 2, 0.33) + row(25, 1, 2, 0.4).substr(0, 7));
    appendTo(events, "5] SCALE UP TRIGGERED: 1 -> 3 (waiting: 35, cache: 0.31)\n");
    ExperimentFollower::Update u = step(follower);
    QCOMPARE(int(u.kind), int(Kind::Appended));
    QCOMPARE(u.rowsBefore, std::size_t(3));
    QCOMPARE(u.rowsAdded, std::size_t(2));
    QCOMPARE(u.eventsAdded, std::size_t(1));

    // A burst: hundreds of rows, CRLF, bad rows and cells, and events with a bad line.
    std::string burst = row(25, 1, 2, 0.4).substr(7) + rows(30, 400);
    burst += "2025-12-01 10:35:05,3,3,abc,10,0.5,0.8,120,21,40,2\r\n";
    burst += "2025-12-01 10:35:10,3,3\n";
    burst += "not a time,3,3,1,10,0.5,0.8,120,21,40,2\n\n";
    burst += "2025-12-01 10:35:15,3,3,,10,0.5,0.8,120,21,40,2\n";
    appendTo(metrics, burst);
    appendTo(events, logLine(2100, "REPLICAS CHANGED: 1 -> 3") + "garbage line\n" +
                         logLine(2110, "SCALE DOWN TRIGGERED: 3 -> 2 (waiting: 0, cache: 0.2)"));
    u = step(follower);
    QCOMPARE(int(u.kind), int(Kind::Appended));
    QCOMPARE(u.rowsAdded, std::size_t(403));
    QCOMPARE(u.eventsAdded, std::size_t(2));

    // A leaked milli-quantity changes the waiting rule read from the whole column.
    appendTo(metrics, row(2120, 2, 60250, 0.5));
    u = step(follower);
    QCOMPARE(u.rowsAdded, std::size_t(1));
    QVERIFY(follower.experiment()->waitingRule.count > 0);

    // More bad lines than the warning list holds: the closing line must agree.
    std::string bad;
    for (int i = 0; i < 230; ++i)
        bad += "2025-12-01 10:40:00,x\n";
    appendTo(metrics, bad + rows(2400, 3));
    QCOMPARE(int(step(follower).kind), int(Kind::Appended));

    // A zoned timestamp among naive ones: the file-wide warning must agree.
    appendTo(metrics, "2025-12-01T10:41:00Z,2,2,1,10,0.5,0.8,120,21,40,2\n");
    step(follower);
    // A repeated timestamp.
    appendTo(metrics, row(2500, 2, 1, 0.5) + row(2500, 2, 1, 0.5));
    QCOMPARE(int(step(follower).kind), int(Kind::Appended));

    // A row going back in time: a whole parse sorts, so does the follower.
    appendTo(metrics, row(100, 2, 1, 0.5));
    u = step(follower);
    QCOMPARE(int(u.kind), int(Kind::Reloaded));
    QVERIFY(!u.warning.empty());
    appendTo(metrics, row(2600, 2, 1, 0.5));
    step(follower);

    // Truncated (same inode): read again, with a warning.
    overwrite(metrics, std::string(kHeader) + rows(0, 10));
    u = step(follower);
    QCOMPARE(int(u.kind), int(Kind::Reloaded));
    QVERIFY2(u.warning.find("truncated") != std::string::npos, u.warning.c_str());
    QCOMPARE(follower.experiment()->metrics.rowCount(), std::size_t(10));
    appendTo(metrics, rows(50, 5));
    QCOMPARE(int(step(follower).kind), int(Kind::Appended));

    // Replaced by another file (new inode), even a longer one.
    replace(metrics, std::string(kHeader) + rows(0, 40, 3));
    u = step(follower);
    QCOMPARE(int(u.kind), int(Kind::Reloaded));
    QVERIFY2(u.warning.find("replaced") != std::string::npos, u.warning.c_str());
    QCOMPARE(follower.experiment()->metrics.rowCount(), std::size_t(40));

    // Rewritten in the middle, same size, in the part already read.
    std::string text = hpa::test::readFile(metrics);
    const auto at = text.rfind(",1,");
    QVERIFY(at != std::string::npos);
    text[at + 1] = '7';
    appendTo(metrics, ""); // nothing appended:
    overwrite(metrics, text);
    u = step(follower);
    QCOMPARE(int(u.kind), int(Kind::Reloaded));
    QVERIFY2(u.warning.find("rewritten") != std::string::npos, u.warning.c_str());

    // The events log replaced, then growing again.
    replace(events, logLine(0, "Monitor started - collecting metrics every 5s"));
    u = step(follower);
    QCOMPARE(int(u.kind), int(Kind::Reloaded));
    appendTo(events,
             logLine(30, "REPLICAS CHANGED: 0 -> 2") + logLine(60, "SCALE UP TRIGGERED: 2 -> 4"));
    appendTo(metrics, rows(200, 2));
    u = step(follower);
    QCOMPARE(int(u.kind), int(Kind::Appended));
    QCOMPARE(u.rowsAdded, std::size_t(2));
    QVERIFY(follower.experiment()->monitorStart.has_value());

    // metadata.json rewritten at the end of the run.
    replace(m_live / "metadata.json",
            R"({"experiment_name": "live test", "end_time": "2025-12-01 11:00:00"})"
            "\n");
    QVERIFY(step(follower).kind != Kind::None);
    QCOMPARE(follower.experiment()->metadata.text("end_time"), std::string("2025-12-01 11:00:00"));
}

void TestExperimentFollow::partialHeaderIsNotAnExperimentYet()
{
    overwrite(m_live / "metrics.csv", std::string(kHeader).substr(0, 30));
    QVERIFY_THROWS_EXCEPTION(hpa::core::LoadError, ExperimentFollower(m_live.string()));
    QVERIFY_THROWS_EXCEPTION(hpa::core::LoadError,
                             ExperimentFollower(m_tmp->path().toStdString() + "/nope"));
}

void TestExperimentFollow::snapshotsShareTheirRows()
{
    // A leaked milli-quantity makes the waiting column a converted one, as the KV cache
    // fraction is: both are extended, not converted again, when a row is appended.
    const fs::path metrics = m_live / "metrics.csv";
    overwrite(metrics, std::string(kHeader) + rows(0, 3) + row(15, 1, 60250, 0.5));
    ExperimentFollower follower(m_live.string());
    QVERIFY(follower.experiment()->waitingRule.count > 0);
    appendTo(metrics, row(20, 1, 3, 0.4));
    step(follower); // the first append may move the parsed rows to a larger storage

    for (int i = 0; i < 3; ++i) {
        const std::shared_ptr<const Experiment> before = follower.experiment();
        const std::vector<double> waitingBefore =
            before->metrics.values(hpa::core::keys::Waiting)->toVector();
        appendTo(metrics, row(25 + 5 * i, 1, 4, 0.45));
        QCOMPARE(int(step(follower).kind), int(Kind::Appended));
        const Experiment &now = *follower.experiment();
        QVERIFY(now.metrics.time().sharesStorageWith(before->metrics.time()));
        for (const hpa::core::MetricColumn &c : now.metrics.columns()) {
            const auto *old = before->metrics.values(c.key);
            QVERIFY2(old, c.key.c_str());
            QVERIFY2(c.values.sharesStorageWith(*old), c.key.c_str());
        }
        // The snapshot handed out before is as it was.
        QCOMPARE(before->metrics.rowCount(), now.metrics.rowCount() - 1);
        QCOMPARE(before->metrics.values(hpa::core::keys::Waiting)->toVector(), waitingBefore);
        QCOMPARE(now.metrics.values(hpa::core::keys::Waiting)->back(), 4.0);
        QCOMPARE(now.metrics.values(hpa::core::keys::KvCachePct)->back(), 45.0);
    }
}

QTEST_GUILESS_MAIN(TestExperimentFollow)
#include "tst_experiment_follow.moc"

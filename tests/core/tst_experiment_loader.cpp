#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"
#include "core/load/unit_applier.h"
#include "core/model/metric_keys.h"
#include "core/report/summary_json.h"
#include "test_files.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <future>
#include <optional>
#include <vector>

using hpa::test::writeFileOrFail;

using hpa::core::ColumnValues;
using hpa::core::Experiment;
using hpa::core::ExperimentLoader;
using hpa::core::KvCacheUnit;
using hpa::core::Layout;
using hpa::core::LoadCancelled;
using hpa::core::LoadError;
using hpa::core::LoadWarning;
using hpa::core::UnitApplier;
namespace keys = hpa::core::keys;

Q_DECLARE_METATYPE(KvCacheUnit)
Q_DECLARE_METATYPE(Layout)
Q_DECLARE_METATYPE(std::optional<KvCacheUnit>)

namespace {

const QString kFixtures = QStringLiteral(HPA_TEST_DATA_DIR "/experiments/");

bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir src(from);
    for (const QFileInfo &info :
         src.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = to + QLatin1Char('/') + info.fileName();
        if (info.isDir() ? !copyTree(info.filePath(), target)
                         : !QFile::copy(info.filePath(), target))
            return false;
    }
    return true;
}

/// A copy of a fixture in a temporary folder; returns its path.
QString copyFixture(const QTemporaryDir &tmp, const QString &name, const QString &as = {})
{
    const QString to = tmp.path() + QLatin1Char('/') + (as.isEmpty() ? name : as);
    if (!copyTree(kFixtures + name, to))
        qFatal("cannot copy fixture %s", qPrintable(name));
    return to;
}

/// Every entry under `dir` with its bytes and modification time.
QMap<QString, QString> snapshot(const QString &dir)
{
    QMap<QString, QString> out;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        QString state = info.lastModified().toString(Qt::ISODateWithMs);
        if (info.isFile()) {
            QFile f(info.filePath());
            if (f.open(QIODevice::ReadOnly))
                state += QLatin1Char(' ') + QString::fromLatin1(f.readAll().toHex());
        }
        out.insert(QDir(dir).relativeFilePath(info.filePath()), state);
    }
    return out;
}

Experiment load(const QString &dir, const ExperimentLoader::Options &options = {})
{
    return ExperimentLoader::load(dir.toStdString(), options);
}

/// The message of the LoadError that loading `dir` throws, or empty if it loads.
QString loadErrorOf(const QString &dir)
{
    try {
        load(dir);
    } catch (const LoadError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

bool hasWarning(const Experiment &e, const std::string &file, const std::string &fragment)
{
    for (const LoadWarning &w : e.warnings) {
        if (w.file == file && w.message.find(fragment) != std::string::npos)
            return true;
    }
    return false;
}

QString differences(const ColumnValues *actual, const std::vector<double> &expected)
{
    if (!actual)
        return QStringLiteral("column missing");
    if (actual->size() != expected.size())
        return QStringLiteral("size %1, expected %2").arg(actual->size()).arg(expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (!qFuzzyCompare(1.0 + (*actual)[i], 1.0 + expected[i]))
            return QStringLiteral("[%1] is %2, expected %3")
                .arg(i)
                .arg((*actual)[i], 0, 'g', 17)
                .arg(expected[i]);
    }
    return {};
}

} // namespace

class TestExperimentLoader : public QObject
{
    Q_OBJECT

private slots:
    void missingFolder();
    void notAFolder();
    void metricsFileStandsForItsFolder();
    void folderWithoutMetrics();
    void parentOfExperiments();
    void findExperimentsOrder();
    void metricsIsADirectory();
    void metricsIsAFifo();
    void metricsWithoutTimeColumn();
    void emptyMetrics();
    void invalidMetadata();
    void unreadableLogIsAWarning();
    void legacyFolder();
    void enhancedFolder();
    void kvNormalisation_data();
    void kvNormalisation();
    void kvOverride();
    void leanLoadSummarizesTheSame_data();
    void leanLoadSummarizesTheSame();
    void layoutDetection_data();
    void layoutDetection();
    void cancelledBeforeLoad();
    void progressReachesOne();
    void neverWritesIntoTheFolder();
};

void TestExperimentLoader::missingFolder()
{
    const QString message = loadErrorOf(QStringLiteral("/nonexistent/hpa-lens/nowhere"));
    QVERIFY2(message.contains(QStringLiteral("/nonexistent/hpa-lens/nowhere: no such folder")),
             qPrintable(message));
}

void TestExperimentLoader::notAFolder()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    writeFileOrFail(tmp.filePath(QStringLiteral("notes.txt")), "hello\n");
    const QString message = loadErrorOf(tmp.filePath(QStringLiteral("notes.txt")));
    QVERIFY2(message.endsWith(QStringLiteral("notes.txt: not a folder")), qPrintable(message));
}

void TestExperimentLoader::metricsFileStandsForItsFolder()
{
    QTemporaryDir tmp;
    const QString dir = copyFixture(tmp, QStringLiteral("legacy-small"));
    const Experiment e = load(dir + QStringLiteral("/metrics.csv"));
    QCOMPARE(QString::fromStdString(e.name), QStringLiteral("legacy-small"));
    QCOMPARE(QString::fromStdString(e.path), QDir::cleanPath(dir));
    QCOMPARE(e.metrics.rowCount(), std::size_t(4));
}

void TestExperimentLoader::folderWithoutMetrics()
{
    QTemporaryDir tmp;
    writeFileOrFail(tmp.filePath(QStringLiteral("README.md")), "# not an experiment\n");
    const QString message = loadErrorOf(tmp.path());
    QVERIFY2(
        message.contains(QStringLiteral("no metrics.csv, so this is not an experiment folder")),
        qPrintable(message));
    QVERIFY(!ExperimentLoader::isExperimentDir(tmp.path().toStdString()));
}

void TestExperimentLoader::parentOfExperiments()
{
    QTemporaryDir tmp;
    copyFixture(tmp, QStringLiteral("legacy-small"),
                QStringLiteral("hpa-experiment-20251120-140312"));
    copyFixture(tmp, QStringLiteral("enhanced-small"),
                QStringLiteral("high-load-hpa-20251124-155733"));
    QDir(tmp.path()).mkdir(QStringLiteral("plots"));
    const QString message = loadErrorOf(tmp.path());
    QVERIFY2(message.contains(QStringLiteral("no metrics.csv here, but 2 experiment folder(s)")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("(e.g. high-load-hpa-20251124-155733)")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("open one of them")), qPrintable(message));
}

void TestExperimentLoader::findExperimentsOrder()
{
    QTemporaryDir tmp;
    const QStringList names{
        QStringLiteral("hpa-experiment-20251120-140312"), QStringLiteral("zz-no-stamp"),
        QStringLiteral("high-load-hpa-20251124-155733"),  QStringLiteral("aa-20240101-000000"),
        QStringLiteral("hpa-experiment-20251124-090000"), QStringLiteral("aa-no-stamp")};
    for (const QString &name : names)
        copyFixture(tmp, QStringLiteral("custom-columns"), name);
    // Neither counts: a folder without metrics.csv, and a file.
    QDir(tmp.path()).mkdir(QStringLiteral("plots-20991231-235959"));
    writeFileOrFail(tmp.filePath(QStringLiteral("notes-20991231-235959")), "x");

    std::vector<std::string> expected;
    for (const char *name :
         {"high-load-hpa-20251124-155733", "hpa-experiment-20251124-090000",
          "hpa-experiment-20251120-140312", "aa-20240101-000000", "aa-no-stamp", "zz-no-stamp"})
        expected.push_back(tmp.filePath(QLatin1String(name)).toStdString());
    QCOMPARE(ExperimentLoader::findExperiments(tmp.path().toStdString()), expected);

    // Bounded: looking at one entry finds at most one.
    QVERIFY(ExperimentLoader::findExperiments(tmp.path().toStdString(), 1).size() <= 1);
    QVERIFY(ExperimentLoader::findExperiments("/nonexistent/hpa-lens").empty());
}

void TestExperimentLoader::metricsIsADirectory()
{
    QTemporaryDir tmp;
    QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("metrics.csv")));
    const QString message = loadErrorOf(tmp.path());
    QVERIFY2(message.contains(QStringLiteral("metrics.csv: not a regular file")),
             qPrintable(message));
}

void TestExperimentLoader::metricsIsAFifo()
{
    QTemporaryDir tmp;
    const QByteArray fifo = tmp.filePath(QStringLiteral("metrics.csv")).toLocal8Bit();
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    // Opening a FIFO without a writer blocks forever: run it aside and give up after a while.
    auto pending = std::async(std::launch::async, [&tmp] { return loadErrorOf(tmp.path()); });
    if (pending.wait_for(std::chrono::seconds(20)) != std::future_status::ready)
        qFatal("loading a folder whose metrics.csv is a FIFO hangs");
    const QString message = pending.get();
    QVERIFY2(message.contains(QStringLiteral("metrics.csv: not a regular file")),
             qPrintable(message));
}

void TestExperimentLoader::metricsWithoutTimeColumn()
{
    QTemporaryDir tmp;
    writeFileOrFail(tmp.filePath(QStringLiteral("metrics.csv")), "replicas,active_jobs\n1,2\n");
    const QString message = loadErrorOf(tmp.path());
    QVERIFY2(message.contains(QStringLiteral("no 'timestamp' or 'epoch' column")),
             qPrintable(message));
}

void TestExperimentLoader::emptyMetrics()
{
    QTemporaryDir tmp;
    writeFileOrFail(tmp.filePath(QStringLiteral("metrics.csv")), "");
    const QString message = loadErrorOf(tmp.path());
    QVERIFY2(message.contains(QStringLiteral("the file is empty")), qPrintable(message));
}

void TestExperimentLoader::invalidMetadata()
{
    const Experiment e = load(kFixtures + QStringLiteral("bad-metadata"));
    QVERIFY(hasWarning(e, "metadata.json", ""));
    QCOMPARE(e.metrics.rowCount(), std::size_t(3));
    QCOMPARE(e.layout, Layout::Enhanced);
    QVERIFY(e.metrics.has(keys::KvCachePct));
}

void TestExperimentLoader::unreadableLogIsAWarning()
{
    QTemporaryDir tmp;
    const QString dir = copyFixture(tmp, QStringLiteral("enhanced-small"));
    QFile::remove(dir + QStringLiteral("/scaling-events.log"));
    QVERIFY(QDir(dir).mkdir(QStringLiteral("scaling-events.log")));
    const Experiment e = load(dir);
    QVERIFY(hasWarning(e, "scaling-events.log", "not a regular file"));
    QVERIFY(e.events.empty());
    QCOMPARE(e.metrics.rowCount(), std::size_t(3));
}

void TestExperimentLoader::legacyFolder()
{
    const Experiment e = load(kFixtures + QStringLiteral("legacy-small"));
    QCOMPARE(e.layout, Layout::Legacy);
    QVERIFY(e.warnings.empty());
    QCOMPARE(e.metrics.rowCount(), std::size_t(4));
    QVERIFY(!e.metrics.naiveTime());
    QCOMPARE(e.metadata.text("namespace"), std::string("test-ns"));
    QCOMPARE(e.metadata.text("my_own_key"), std::string("kept"));
    QVERIFY(e.hpaDescription.find("Max replicas:") != std::string::npos);
    QCOMPARE(e.events.size(), std::size_t(2));
    QVERIFY(e.events[0].time < e.events[1].time);
}

void TestExperimentLoader::enhancedFolder()
{
    const Experiment e = load(kFixtures + QStringLiteral("enhanced-small"));
    QCOMPARE(e.layout, Layout::Enhanced);
    QVERIFY(e.metrics.naiveTime());
    // The monitor's first `0 -> 1` is its first look, not a change.
    QCOMPARE(e.events.size(), std::size_t(2));
    QCOMPARE(e.events[0].kind, hpa::core::EventKind::ScaleUp);
    QCOMPARE(e.events[1].kind, hpa::core::EventKind::ReplicasChanged);
    QCOMPARE(e.events[1].to, 2);
    // Same clock as the samples: 15:58:15 is 37 s after the first sample.
    QCOMPARE(e.events[1].time - e.metrics.time().front(), 37.0);
}

void TestExperimentLoader::kvNormalisation_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<KvCacheUnit>("unit");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QList<double>>("pct");
    QTest::addColumn<double>("targetPct");

    QTest::newRow("legacy milli") << "legacy-small" << KvCacheUnit::Milli
                                  << "target 500 > 100: milli-units"
                                  << QList<double>{0, 56.9, 22.4, 50} << 50.0;
    QTest::newRow("enhanced fraction")
        << "enhanced-small" << KvCacheUnit::Fraction << "target 0.5 <= 1: fraction"
        << QList<double>{50, 99.7, 25} << 50.0;
    QTest::newRow("custom percent, no target")
        << "custom-columns" << KvCacheUnit::Percent
        << "no target; data maximum 60 in (1, 100]: percent" << QList<double>{45, 60} << -1.0;
}

void TestExperimentLoader::kvNormalisation()
{
    QFETCH(QString, fixture);
    QFETCH(KvCacheUnit, unit);
    QFETCH(QString, reason);
    QFETCH(QList<double>, pct);
    QFETCH(double, targetPct);
    const Experiment e = load(kFixtures + fixture);
    QCOMPARE(e.kvRule.unit, unit);
    QCOMPARE(QString::fromStdString(e.kvRule.reason), reason);
    QVERIFY(!e.kvRule.overridden);
    const QString d = differences(e.metrics.values(keys::KvCachePct), {pct.begin(), pct.end()});
    QVERIFY2(d.isEmpty(), qPrintable(d));
    // The raw column stays as written.
    QVERIFY(e.metrics.has(keys::KvCacheRaw));
    if (targetPct < 0) {
        QVERIFY(!e.metrics.has(keys::KvCacheTargetPct));
    } else {
        const auto *t = e.metrics.values(keys::KvCacheTargetPct);
        QVERIFY(t);
        for (double v : *t)
            QCOMPARE(v, targetPct);
    }
}

void TestExperimentLoader::kvOverride()
{
    ExperimentLoader::Options options;
    options.kvUnit = KvCacheUnit::Percent;
    Experiment e = load(kFixtures + QStringLiteral("legacy-small"), options);
    QCOMPARE(e.kvRule.unit, KvCacheUnit::Percent);
    QVERIFY(e.kvRule.overridden);
    QString d = differences(e.metrics.values(keys::KvCachePct), {0, 569, 224, 500});
    QVERIFY2(d.isEmpty(), qPrintable(d));
    d = differences(e.metrics.values(keys::KvCacheTargetPct), {500, 500, 500, 500});
    QVERIFY2(d.isEmpty(), qPrintable(d));

    UnitApplier::applyKvCacheUnit(e, KvCacheUnit::Fraction);
    QCOMPARE(e.kvRule.unit, KvCacheUnit::Fraction);
    d = differences(e.metrics.values(keys::KvCachePct), {0, 56900, 22400, 50000});
    QVERIFY2(d.isEmpty(), qPrintable(d));

    // Back to detection: recomputed from the raw column, not from the previous result.
    UnitApplier::applyKvCacheUnit(e, std::nullopt);
    QCOMPARE(e.kvRule.unit, KvCacheUnit::Milli);
    QVERIFY(!e.kvRule.overridden);
    d = differences(e.metrics.values(keys::KvCachePct), {0, 56.9, 22.4, 50});
    QVERIFY2(d.isEmpty(), qPrintable(d));
    d = differences(e.metrics.values(keys::KvCacheTargetPct), {50, 50, 50, 50});
    QVERIFY2(d.isEmpty(), qPrintable(d));
    // Replacing, not adding: one kv_cache_pct column only.
    const auto &cols = e.metrics.columns();
    QCOMPARE(std::count_if(cols.begin(), cols.end(),
                           [](const auto &c) { return c.key == keys::KvCachePct; }),
             1L);
}

void TestExperimentLoader::layoutDetection_data()
{
    QTest::addColumn<QByteArray>("metrics");
    QTest::addColumn<Layout>("layout");

    QTest::newRow("legacy") << QByteArray("timestamp,epoch,replicas,desired_replicas,"
                                          "num_requests_waiting_current,num_requests_waiting_"
                                          "target,kv_cache_usage_current,kv_cache_usage_target,"
                                          "active_jobs,completed_jobs\n")
                            << Layout::Legacy;
    QTest::newRow("legacy shuffled") << QByteArray("completed_jobs,active_jobs,epoch,timestamp,"
                                                   "kv_cache_usage_target,kv_cache_usage_current,"
                                                   "num_requests_waiting_target,"
                                                   "num_requests_waiting_current,desired_replicas,"
                                                   "replicas\n")
                                     << Layout::Legacy;
    QTest::newRow("enhanced")
        << QByteArray("timestamp,replicas,desired_replicas,num_requests_waiting,"
                      "num_requests_waiting_target,kv_cache_usage_perc,kv_cache_usage_target,"
                      "ttft_ms,itl_ms,request_rate_per_min,active_jobs\n")
        << Layout::Enhanced;
    QTest::newRow("enhanced plus gpu_util")
        << QByteArray("timestamp,replicas,desired_replicas,num_requests_waiting,"
                      "num_requests_waiting_target,kv_cache_usage_perc,kv_cache_usage_target,"
                      "ttft_ms,itl_ms,request_rate_per_min,active_jobs,gpu_util\n")
        << Layout::Custom;
    QTest::newRow("legacy minus completed_jobs")
        << QByteArray("timestamp,epoch,replicas,desired_replicas,num_requests_waiting_current,"
                      "num_requests_waiting_target,kv_cache_usage_current,kv_cache_usage_target,"
                      "active_jobs\n")
        << Layout::Custom;
    QTest::newRow("minimal") << QByteArray("epoch,replicas\n") << Layout::Custom;
}

void TestExperimentLoader::layoutDetection()
{
    QFETCH(QByteArray, metrics);
    QFETCH(Layout, layout);
    QTemporaryDir tmp;
    writeFileOrFail(tmp.filePath(QStringLiteral("metrics.csv")), metrics);
    const Experiment e = load(tmp.path());
    QCOMPARE(e.layout, layout);
}

void TestExperimentLoader::cancelledBeforeLoad()
{
    std::atomic<bool> cancel{true};
    ExperimentLoader::Options options;
    options.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(LoadCancelled,
                             load(kFixtures + QStringLiteral("legacy-small"), options));
    // A cancelled load is a LoadError too, so callers catching that see it.
    try {
        load(kFixtures + QStringLiteral("legacy-small"), options);
        QFAIL("no exception");
    } catch (const LoadError &e) {
        QCOMPARE(std::string(e.what()), std::string("loading was cancelled"));
    }
}

void TestExperimentLoader::progressReachesOne()
{
    std::vector<double> seen;
    ExperimentLoader::Options options;
    options.progress = [&seen](double f, std::string_view) {
        seen.push_back(f);
    };
    load(kFixtures + QStringLiteral("legacy-small"), options);
    QVERIFY(seen.size() >= 2);
    QCOMPARE(seen.front(), 0.0);
    QCOMPARE(seen.back(), 1.0);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
}

void TestExperimentLoader::neverWritesIntoTheFolder()
{
    QTemporaryDir tmp;
    const QString legacy = copyFixture(tmp, QStringLiteral("legacy-small"));
    const QString enhanced = copyFixture(tmp, QStringLiteral("enhanced-small"));
    QVERIFY(QDir(enhanced).mkdir(QStringLiteral("job-logs")));
    writeFileOrFail(enhanced + QStringLiteral("/job-logs/job-1.log"), "still running\n");
    // Old enough that a rewrite, even of the same bytes, moves the time.
    QTest::qWait(20);
    const auto before = snapshot(tmp.path());
    QVERIFY(before.size() >= 7);

    Experiment a = load(legacy);
    ExperimentLoader::Options options;
    options.kvUnit = KvCacheUnit::Fraction;
    Experiment b = load(enhanced, options);
    UnitApplier::applyKvCacheUnit(a, KvCacheUnit::Percent);
    UnitApplier::applyKvCacheUnit(b, std::nullopt);
    ExperimentLoader::findExperiments(tmp.path().toStdString());
    QVERIFY(hasWarning(b, "job-logs/job-1.log", "no 'Serving Benchmark Result' block"));

    const auto after = snapshot(tmp.path());
    QCOMPARE(after.keys(), before.keys());
    QCOMPARE(after, before);
}

void TestExperimentLoader::leanLoadSummarizesTheSame_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<std::optional<KvCacheUnit>>("unit");
    for (const char *name : {"legacy-small", "enhanced-small", "custom-columns", "bad-metadata"}) {
        QTest::newRow(name) << kFixtures + QLatin1String(name) << std::optional<KvCacheUnit>();
        QTest::newRow(qPrintable(QStringLiteral("%1, forced percent").arg(QLatin1String(name))))
            << kFixtures + QLatin1String(name) << std::optional(KvCacheUnit::Percent);
    }
    QDir examples(QStringLiteral(HPA_SHARED_DIR "/examples"));
    for (const QString &name : examples.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (QFileInfo::exists(examples.filePath(name) + QStringLiteral("/metrics.csv")))
            QTest::newRow(qPrintable(name))
                << examples.filePath(name) << std::optional<KvCacheUnit>();
    }
}

void TestExperimentLoader::leanLoadSummarizesTheSame()
{
    // What `hpa-lens summary` loads: KV cache turned into percent in place, no event texts.
    QFETCH(QString, dir);
    QFETCH(std::optional<KvCacheUnit>, unit);
    ExperimentLoader::Options full, lean;
    full.kvUnit = lean.kvUnit = unit;
    lean.keepRawKvCache = false;
    lean.keepEventTexts = false;
    const Experiment a = load(dir, full);
    const Experiment b = load(dir, lean);
    QVERIFY(!b.metrics.has(keys::KvCacheRaw));
    QVERIFY(!b.metrics.has(keys::KvCacheTargetRaw));
    QCOMPARE(b.metrics.has(keys::KvCachePct), a.metrics.has(keys::KvCachePct));
    QCOMPARE(b.metrics.columns().size() + (a.metrics.has(keys::KvCacheRaw) ? 1 : 0) +
                 (a.metrics.has(keys::KvCacheTargetRaw) ? 1 : 0),
             a.metrics.columns().size());
    for (std::string_view key : {keys::KvCachePct, keys::KvCacheTargetPct}) {
        if (!a.metrics.has(key))
            continue;
        const auto &va = *a.metrics.values(key);
        const auto &vb = *b.metrics.values(key);
        QCOMPARE(vb.size(), va.size());
        QVERIFY(std::memcmp(va.data(), vb.data(), va.size() * sizeof(double)) == 0);
    }
    QCOMPARE(b.events.size(), a.events.size());
    QCOMPARE(b.warnings, a.warnings);
    const auto json = [](const Experiment &e) {
        return hpa::core::SummaryJson::toJson(hpa::core::ExperimentAnalyzer::summarize(e)).dump();
    };
    QCOMPARE(QString::fromStdString(json(b)), QString::fromStdString(json(a)));
}

QTEST_GUILESS_MAIN(TestExperimentLoader)
#include "tst_experiment_loader.moc"

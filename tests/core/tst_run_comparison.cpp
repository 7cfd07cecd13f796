// RunComparison (issue 14, N-way comparison): N runs against the first, each cell the two-run
// comparison's own numbers; two runs give exactly ExperimentComparison's rows; the text and
// JSON of `hpa-lens compare A B C`.
#include "core/analysis/experiment_analyzer.h"
#include "core/analysis/run_comparison.h"
#include "core/load/experiment_loader.h"
#include "core/report/run_comparison_json.h"
#include "core/report/run_comparison_text.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <stdexcept>

using namespace hpa::core;

class TestRunComparison : public QObject
{
    Q_OBJECT

private slots:
    void cellsAreThePairs_data();
    void cellsAreThePairs();
    void twoRunsAreTheTwoRunComparison();
    void runCountIsTwoToEight_data();
    void runCountIsTwoToEight();
    void settingsListEveryRun();
    void notCollectedNamesTheRuns();
    void loadProfileNamesTheRun_data();
    void loadProfileNamesTheRun();
    void textAndJson();
};

namespace {

ExperimentSummary fixture(const QString &name)
{
    const std::string path = HPA_TEST_DATA_DIR "/experiments/" + name.toStdString();
    return ExperimentAnalyzer::summarize(ExperimentLoader::load(path));
}

std::vector<ExperimentSummary> fixtures(const QStringList &names)
{
    std::vector<ExperimentSummary> out;
    for (const QString &n : names)
        out.push_back(fixture(n));
    return out;
}

} // namespace

void TestRunComparison::cellsAreThePairs_data()
{
    QTest::addColumn<QStringList>("runs");
    QTest::newRow("two") << QStringList{"legacy-small", "enhanced-small"};
    QTest::newRow("three") << QStringList{"legacy-small", "enhanced-small", "custom-columns"};
    QTest::newRow("four, a run twice")
        << QStringList{"enhanced-small", "legacy-small", "enhanced-small", "custom-columns"};
}

void TestRunComparison::cellsAreThePairs()
{
    QFETCH(QStringList, runs);
    const RunComparison c(fixtures(runs));
    QCOMPARE(c.runCount(), std::size_t(runs.size()));
    QVERIFY(!c.rows().empty());
    for (std::size_t run = 1; run < c.runCount(); ++run) {
        // Every row of the pair A-vs-run is in the N-way table with the same numbers.
        for (const ComparisonRow &r : c.pair(run).rows()) {
            const RunComparisonRow *row = c.row(r.key);
            QVERIFY2(row, r.key.c_str());
            QCOMPARE(row->cells.size(), c.runCount());
            const RunComparisonCell &cell = row->cells[run];
            QCOMPARE(cell.value, r.b);
            QCOMPARE(cell.delta, r.delta);
            QCOMPARE(cell.percent, r.percent);
            QCOMPARE(cell.verdict, r.verdict);
            QCOMPARE(cell.note, r.note);
            if (r.a)
                QCOMPARE(row->cells[0].value, r.a);
        }
    }
    // The baseline is never compared with itself.
    for (const RunComparisonRow &row : c.rows()) {
        QVERIFY(!row.cells[0].delta);
        QCOMPARE(row.cells[0].verdict, Verdict::Unknown);
    }
}

void TestRunComparison::twoRunsAreTheTwoRunComparison()
{
    const RunComparison c(fixtures({"legacy-small", "enhanced-small"}));
    const ExperimentComparison &pair = c.pair(1);
    QCOMPARE(c.rows().size(), pair.rows().size());
    for (std::size_t i = 0; i < pair.rows().size(); ++i) {
        QCOMPARE(c.rows()[i].key, pair.rows()[i].key);
        QCOMPARE(c.rows()[i].label, pair.rows()[i].label);
        QCOMPARE(c.rows()[i].notCollected, pair.rows()[i].notCollected);
        QCOMPARE(c.rows()[i].resolution, pair.rows()[i].resolution);
    }
    QCOMPARE(c.settingDifferences().size(), pair.metadataDifferences().size());
    for (std::size_t i = 0; i < pair.metadataDifferences().size(); ++i) {
        QCOMPARE(c.settingDifferences()[i].key, pair.metadataDifferences()[i].key);
        QCOMPARE(c.settingDifferences()[i].values[0], pair.metadataDifferences()[i].a);
        QCOMPARE(c.settingDifferences()[i].values[1], pair.metadataDifferences()[i].b);
    }
}

void TestRunComparison::runCountIsTwoToEight_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("0") << 0 << false;
    QTest::newRow("1") << 1 << false;
    QTest::newRow("2") << 2 << true;
    QTest::newRow("8") << 8 << true;
    QTest::newRow("9") << 9 << false;
}

void TestRunComparison::runCountIsTwoToEight()
{
    QFETCH(int, count);
    QFETCH(bool, accepted);
    const ExperimentSummary s = fixture("legacy-small");
    std::vector<ExperimentSummary> runs(std::size_t(count), s);
    bool threw = false;
    try {
        const RunComparison c(runs);
        QCOMPARE(c.runCount(), std::size_t(count));
        QCOMPARE(RunComparison::letter(std::size_t(count - 1)),
                 std::string(1, char('A' + count - 1)));
    } catch (const std::invalid_argument &) {
        threw = true;
    }
    QCOMPARE(threw, !accepted);
}

void TestRunComparison::settingsListEveryRun()
{
    ExperimentSummary a = fixture("legacy-small"), b = a, c = a;
    a.path = "/a", b.path = "/b", c.path = "/c";
    b.metadata.json["namespace"] = "other";
    c.metadata.json["experiment_name"] = "third";
    const RunComparison cmp({a, b, c});
    const auto find = [&cmp](const std::string &key) -> const RunSettingDifference * {
        for (const RunSettingDifference &d : cmp.settingDifferences())
            if (d.key == key)
                return &d;
        return nullptr;
    };
    // B differs on namespace only: C and A share A's value there, and vice versa.
    const RunSettingDifference *ns = find("namespace");
    QVERIFY(ns);
    QCOMPARE(ns->values.size(), std::size_t(3));
    QCOMPARE(ns->values[1], std::optional<std::string>("other"));
    QCOMPARE(ns->values[0], ns->values[2]);
    const RunSettingDifference *name = find("experiment_name");
    QVERIFY(name);
    QCOMPARE(name->values[2], std::optional<std::string>("third"));
    QCOMPARE(name->values[0], name->values[1]);
}

void TestRunComparison::loadProfileNamesTheRun_data()
{
    QTest::addColumn<int>("cJobs");
    QTest::addColumn<QString>("detail");
    // A runs two jobs; C runs none, one, or the same two at another delay.
    QTest::newRow("no schedule in C") << 0 << "no job schedule (experiment-config.yaml jobs) in C";
    QTest::newRow("job count") << 1 << "2 jobs in A, 1 in C";
    QTest::newRow("other delay") << 2 << "job 2: job.yaml at 60 s in A, job.yaml at 90 s in C";
}

void TestRunComparison::loadProfileNamesTheRun()
{
    // The third run's load profile is C's against A, and its detail must say C, not B.
    QFETCH(int, cJobs);
    QFETCH(QString, detail);
    ExperimentSummary a = fixture("enhanced-small"), b = a, c = a;
    a.path = "/a", b.path = "/b", c.path = "/c";
    a.schedule.jobs = {{"j1", "job.yaml", 0.0, std::nullopt, 1},
                       {"j2", "job.yaml", 60.0, std::nullopt, 2}};
    b.schedule = a.schedule;
    c.schedule.jobs.assign(a.schedule.jobs.begin(), a.schedule.jobs.begin() + cJobs);
    if (cJobs == 2)
        c.schedule.jobs[1].startDelay = 90.0;
    const RunComparison cmp({a, b, c});
    QCOMPARE(cmp.pair(1).loadProfile().kind, LoadProfileMatch::Kind::Same);
    QCOMPARE(QString::fromStdString(cmp.pair(2).loadProfile().detail), detail);
}

void TestRunComparison::notCollectedNamesTheRuns()
{
    ExperimentSummary a = fixture("enhanced-small"), b = a, c = a;
    a.path = "/a", b.path = "/b", c.path = "/c";
    const std::string key = a.seriesOrder.front();
    c.series[key].collected = false;
    const RunComparison cmp({a, b, c});
    // A and B collected it: their rows stay; the row for the series says C did not.
    const RunComparisonRow *row = cmp.row("series." + key);
    QVERIFY(row);
    QCOMPARE(row->notCollected, std::string("not collected in C"));
    QCOMPARE(row->label, row->notCollected);
}

void TestRunComparison::textAndJson()
{
    const RunComparison c(fixtures({"legacy-small", "enhanced-small", "custom-columns"}));
    const std::string text = RunComparisonText::render(c);
    QVERIFY(text.find("3 runs, each relative to A") != std::string::npos);
    for (const char *header : {"B-A", "C-A"})
        QVERIFY2(text.find(header) != std::string::npos, header);
    QVERIFY(text.find("C: custom-columns") != std::string::npos);

    const auto j = RunComparisonJson::toJson(c);
    QCOMPARE(j["baseline"].get<std::string>(), std::string("A"));
    QCOMPARE(j["runs"].size(), std::size_t(3));
    QCOMPARE(j["statistics"].size(), c.rows().size());
    for (std::size_t i = 0; i < c.rows().size(); ++i) {
        const RunComparisonRow &row = c.rows()[i];
        const auto &s = j["statistics"][i];
        QCOMPARE(s["key"].get<std::string>(), row.key);
        QCOMPARE(s["values"].size(), std::size_t(3));
        QVERIFY(!s["delta"].contains("A"));
        for (std::size_t r = 1; r < 3; ++r) {
            const std::string l = RunComparison::letter(r);
            QCOMPARE(s["verdict"][l].get<std::string>(),
                     std::string(ExperimentComparison::verdictKey(row.cells[r].verdict)));
            // JSON numbers are written to 6 decimals (SummaryJson::number).
            if (row.cells[r].delta)
                QVERIFY(std::abs(s["delta"][l].get<double>() - *row.cells[r].delta) <=
                        1e-6 * std::max(1.0, std::abs(*row.cells[r].delta)));
            else
                QVERIFY(s["delta"][l].is_null());
        }
    }
}

QTEST_APPLESS_MAIN(TestRunComparison)
#include "tst_run_comparison.moc"

#include "core/parsers/kubectl_log_parser.h"
#include "test_files.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using hpa::test::readFile;

using hpa::core::KubectlLogParser;

namespace {

// 2025-11-20T14:03:12Z
constexpr double kStart = 1763647392.0;

using Row = std::vector<std::string>;

QString exampleDir()
{
    return QStringLiteral(HPA_SHARED_DIR) +
           QStringLiteral("/examples/hpa-experiment-20251120-140312/");
}

} // namespace

class TestKubectlLogParser : public QObject
{
    Q_OBJECT

private slots:
    void realEventsLog();
    void realJobsLog();
    void eventsTableWithMessages();
    void misalignedRows();
    void lineEndingsAndNaiveTime();
    void malformed_data();
    void malformed();
};

void TestKubectlLogParser::realEventsLog()
{
    const QString path = exampleDir() + QStringLiteral("events.log");
    if (!QFile::exists(path))
        QSKIP("shared example hpa-experiment-20251120-140312 is not available");

    const auto result = KubectlLogParser::parse(readFile(path), "events.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.snapshots.size(), std::size_t(1));
    const auto &snapshot = result.snapshots[0];
    QCOMPARE(snapshot.title, std::string("Initial State"));
    QCOMPARE(snapshot.time.value_or(0), kStart);
    QVERIFY(!snapshot.naiveTime);
    QCOMPARE(snapshot.line, 1);
    QVERIFY(snapshot.header.empty());
    QVERIFY(snapshot.rows.empty());
    QCOMPARE(snapshot.message,
             std::string("No resources found in llm-d-inference-scheduler namespace."));
}

void TestKubectlLogParser::realJobsLog()
{
    const QString path = exampleDir() + QStringLiteral("jobs.log");
    if (!QFile::exists(path))
        QSKIP("shared example hpa-experiment-20251120-140312 is not available");

    const auto result = KubectlLogParser::parse(readFile(path), "jobs.log");
    QVERIFY(result.warnings.empty());
    // `grep -c "=== Job"` gives 57 sections and `grep -c "^sharegpt"` 132 rows.
    QCOMPARE(result.snapshots.size(), std::size_t(57));
    std::size_t rows = 0;
    for (const auto &snapshot : result.snapshots) {
        QCOMPARE(snapshot.title, std::string("Job Status"));
        QVERIFY(snapshot.time.has_value());
        rows += snapshot.rows.size();
        for (const auto &row : snapshot.rows) {
            QCOMPARE(row.size(), std::size_t(7));
            for (const auto &cell : row)
                QVERIFY(!cell.empty());
        }
    }
    QCOMPARE(rows, std::size_t(132));

    QCOMPARE(result.snapshots[0].message, std::string("No jobs found"));
    QVERIFY(result.snapshots[0].header.empty());

    const auto &second = result.snapshots[1];
    QCOMPARE(second.line, 4);
    QCOMPARE(second.time.value_or(0), kStart + 53); // 14:04:05
    const Row header{"NAME", "COMPLETIONS", "DURATION", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"};
    QCOMPARE(second.header, header);
    QCOMPARE(second.rows.size(), std::size_t(1));
    const Row first{"sharegpt-load-job-1",
                    "0/1",
                    "0m23s",
                    "0m23s",
                    "vllm-bench",
                    "vllm/vllm-openai:v0.11.0",
                    "batch.kubernetes.io/controller-uid=8c1f0e2a-5b7d-4c1e-9a3f-0d2e4b6c8a10"};
    QCOMPARE(second.rows[0], first);

    const auto &last = result.snapshots.back().rows.back();
    QCOMPARE(last[0], std::string("sharegpt-load-job-3"));
    QCOMPARE(last[1], std::string("1/1"));
    QCOMPARE(last[2], std::string("13m0s"));
    QCOMPARE(last[3], std::string("16m18s"));
    QCOMPARE(last[4], std::string("vllm-bench"));
}

void TestKubectlLogParser::eventsTableWithMessages()
{
    const std::string content =
        "=== Events at 2025-11-20T14:10:00Z ===\n"
        "LAST SEEN   TYPE      REASON              OBJECT          MESSAGE\n"
        "35s         Normal    SuccessfulRescale   hpa/vllm-hpa    New size: 2; reason: above "
        "target\n"
        "2m          Warning   FailedGetMetric     hpa/vllm-hpa    unable to get metric\n"
        "\n"
        "=== Events at 2025-11-20T14:10:30Z ===\n"
        "No resources found in llm-d namespace.\n";
    const auto result = KubectlLogParser::parse(content, "events.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.snapshots.size(), std::size_t(2));
    const auto &table = result.snapshots[0];
    QCOMPARE(table.title, std::string("Events"));
    QCOMPARE(table.time.value_or(0), kStart + 6 * 60 + 48);
    QCOMPARE(table.header, (Row{"LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"}));
    QCOMPARE(table.rows.size(), std::size_t(2));
    QCOMPARE(table.rows[0], (Row{"35s", "Normal", "SuccessfulRescale", "hpa/vllm-hpa",
                                 "New size: 2; reason: above target"}));
    QCOMPARE(table.rows[1],
             (Row{"2m", "Warning", "FailedGetMetric", "hpa/vllm-hpa", "unable to get metric"}));
    QCOMPARE(result.snapshots[1].line, 6);
    QCOMPARE(result.snapshots[1].message, std::string("No resources found in llm-d namespace."));
}

void TestKubectlLogParser::misalignedRows()
{
    // Row 1 starts its cells two columns left of the header, row 2 has a NAME wider than its
    // column: both cut words at the header offsets, so they are split on whitespace instead.
    const std::string content = "=== Job Status at 2025-11-20T14:04:05Z ===\n"
                                "NAME     STATUS   MESSAGE\n"
                                "job-a  Running  still going on\n"
                                "job-with-long-name Complete done\n"
                                "job-c    Failed   \n";
    const auto result = KubectlLogParser::parse(content, "jobs.log");
    QCOMPARE(result.snapshots.size(), std::size_t(1));
    const auto &rows = result.snapshots[0].rows;
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[0], (Row{"job-a", "Running", "still going on"}));
    QCOMPARE(rows[1], (Row{"job-with-long-name", "Complete", "done"}));
    // Aligned, with an empty last cell: the offsets are kept and the cell stays empty.
    QCOMPARE(rows[2], (Row{"job-c", "Failed", ""}));
    QVERIFY(result.warnings.empty());
}

void TestKubectlLogParser::lineEndingsAndNaiveTime()
{
    const std::string content = "\xEF\xBB\xBF=== Job Status at 2025-11-24 15:57:38 ===\r\n"
                                "NAME    COMPLETIONS\r\n"
                                "job-1   0/1";
    const auto result = KubectlLogParser::parse(content, "jobs.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.snapshots.size(), std::size_t(1));
    QVERIFY(result.snapshots[0].naiveTime);
    QCOMPARE(result.snapshots[0].time.value_or(0), 1763999858.0);
    QCOMPARE(result.snapshots[0].rows, (std::vector<Row>{{"job-1", "0/1"}}));
}

void TestKubectlLogParser::malformed_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("warningLine");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("snapshots");
    QTest::addColumn<int>("rowsInLast");

    QTest::newRow("text before first header")
        << "kubectl: command not found\n=== Job Status at 2025-11-20T14:04:05Z ===\n"
           "NAME   AGE\njob-1  5s\n"
        << 1 << "before the first" << 1 << 1;
    QTest::newRow("bad time") << "=== Job Status at yesterday ===\nNAME   AGE\njob-1  5s\n"
                              << 1 << "unreadable time" << 1 << 1;
    QTest::newRow("no time") << "=== Final State ===\nNAME   AGE\njob-1  5s\n"
                             << 1 << "no time" << 1 << 1;
    QTest::newRow("short row") << "=== Jobs at 2025-11-20T14:04:05Z ===\nNAME   AGE\njob-1  5s\n"
                                  "=== Jobs at 2025-11-20T14:04:35Z ===\n"
                                  "NAME    STATUS   AGE\njob-1   Running   9s\njob-2\n"
                               << 7 << "1 cells for 3 columns" << 2 << 2;
}

void TestKubectlLogParser::malformed()
{
    QFETCH(QString, content);
    QFETCH(int, warningLine);
    QFETCH(QString, fragment);
    QFETCH(int, snapshots);
    QFETCH(int, rowsInLast);

    const auto result = KubectlLogParser::parse(content.toStdString(), "jobs.log");
    QCOMPARE(result.warnings.size(), std::size_t(1));
    QCOMPARE(result.warnings[0].file, std::string("jobs.log"));
    QCOMPARE(result.warnings[0].line, warningLine);
    QVERIFY2(result.warnings[0].message.find(fragment.toStdString()) != std::string::npos,
             result.warnings[0].message.c_str());
    QCOMPARE(int(result.snapshots.size()), snapshots);
    QCOMPARE(int(result.snapshots.back().rows.size()), rowsInLast);
    QCOMPARE(result.snapshots.back().rows.front().front(), std::string("job-1"));
}

QTEST_GUILESS_MAIN(TestKubectlLogParser)
#include "tst_kubectl_log_parser.moc"

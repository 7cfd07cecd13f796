#include "core/parsers/scaling_log_parser.h"
#include "test_files.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using hpa::test::readFile;

using hpa::core::EventKind;
using hpa::core::ScalingLogParser;

namespace {

// 2025-11-20T14:03:12Z
constexpr double kInitial = 1763647392.0;

const std::string kInitialSection = "=== Initial State at 2025-11-20T14:03:12Z ===\n"
                                    "Name:          vllm-hpa-combined\n"
                                    "Min replicas:  1\n"
                                    "\n";

std::string block(const std::string &time, const std::string &previous, const std::string &current)
{
    return "========================================\n"
           "SCALING EVENT at " +
           time +
           "\n"
           "========================================\n"
           "Previous:     " +
           previous +
           "\n"
           "Current:      " +
           current +
           "\n"
           "Metrics:\n"
           "  - Waiting requests: 10500 (target: 20)\n"
           "  - KV cache usage:   569% (target: 500%)\n"
           "  - Active jobs:      3\n"
           "\n"
           "Recent HPA Events:\n"
           "LAST SEEN   TYPE     REASON              OBJECT      MESSAGE\n"
           "0s          Normal   SuccessfulRescale   hpa/x       New size: 2\n"
           "\n";
}

} // namespace

class TestScalingLogParser : public QObject
{
    Q_OBJECT

private slots:
    void realExample();
    void kinds_data();
    void kinds();
    void blockContents();
    void withoutText();
    void lineEndingsAndBom();
    void truncatedLastBlock();
    void malformed_data();
    void malformed();
    void textBeforeFirstBlock();
};

void TestScalingLogParser::realExample()
{
    const QString path = QStringLiteral(HPA_SHARED_DIR) +
                         QStringLiteral("/examples/hpa-experiment-20251120-140312/scaling.log");
    if (!QFile::exists(path))
        QSKIP("shared example hpa-experiment-20251120-140312 is not available");

    const auto result = ScalingLogParser::parse(readFile(path), "scaling.log");
    QVERIFY(result.warnings.empty());
    QVERIFY(result.initialState.rfind("Name:                                          "
                                      "vllm-hpa-combined\n",
                                      0) == 0);
    QVERIFY(result.initialState.find("Max replicas:                                  10") !=
            std::string::npos);
    QVERIFY(result.initialState.ends_with("Events:           <none>"));

    // Worked out by hand from the Previous/Current lines of the six blocks.
    struct Expected
    {
        EventKind kind;
        int from, to, line;
        double time;
        const char *kvCache;
        int activeJobs;
    };
    const Expected expected[] = {
        {EventKind::ScaleUp, 1, 2, 35, kInitial + 2 * 60 + 30, "550", 1},         // 14:05:42
        {EventKind::ReplicasChanged, 1, 2, 49, kInitial + 3 * 60 + 5, "569", 1},  // 14:06:17
        {EventKind::ScaleUp, 2, 3, 63, kInitial + 8 * 60 + 8, "556", 2},          // 14:11:20
        {EventKind::ReplicasChanged, 2, 3, 78, kInitial + 8 * 60 + 42, "568", 2}, // 14:11:54
        {EventKind::ScaleDown, 3, 2, 93, kInitial + 19 * 60 + 41, "330", 1},      // 14:22:53
        {EventKind::ScaleDown, 2, 1, 109, kInitial + 25 * 60 + 30, "122", 0},     // 14:28:42
    };
    QCOMPARE(result.events.size(), std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        const auto &event = result.events[i];
        QCOMPARE(event.kind, expected[i].kind);
        QCOMPARE(event.from, expected[i].from);
        QCOMPARE(event.to, expected[i].to);
        QCOMPARE(event.line, expected[i].line);
        QCOMPARE(event.time, expected[i].time);
        QCOMPARE(result.texts.file(event), std::string_view("scaling.log"));
        // The block's values are in its text, as written.
        const std::string text = result.texts.text(event);
        QVERIFY(text.starts_with("========================================\nSCALING EVENT at "));
        const std::string kv =
            std::string("  - KV cache usage:   ") + expected[i].kvCache + "% (target: 500%)\n";
        QVERIFY2(text.find(kv) != std::string::npos, text.c_str());
        QVERIFY(text.find("  - Waiting requests: 0 (target: 20)\n") != std::string::npos);
        const std::string jobs =
            "  - Active jobs:      " + std::to_string(expected[i].activeJobs) + "\n";
        QVERIFY(text.find(jobs) != std::string::npos);
    }
    QVERIFY(result.texts.text(result.events.back())
                .ends_with("New size: 1; reason: pods metric kv_cache_usage_perc below target"));
}

void TestScalingLogParser::kinds_data()
{
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("current");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");

    const int up = int(EventKind::ScaleUp);
    const int down = int(EventKind::ScaleDown);
    const int changed = int(EventKind::ReplicasChanged);
    QTest::newRow("desired up") << "1 replicas (desired: 1)"
                                << "1 replicas (desired: 4)" << up << 1 << 4;
    QTest::newRow("desired up, replicas too") << "2 replicas (desired: 3)"
                                              << "3 replicas (desired: 5)" << up << 3 << 5;
    QTest::newRow("desired down") << "5 replicas (desired: 5)"
                                  << "5 replicas (desired: 2)" << down << 5 << 2;
    QTest::newRow("pods arrived") << "4 replicas (desired: 7)"
                                  << "6 replicas (desired: 7)" << changed << 4 << 6;
    QTest::newRow("pods left") << "7 replicas (desired: 3)"
                               << "3 replicas (desired: 3)" << changed << 7 << 3;
}

void TestScalingLogParser::kinds()
{
    QFETCH(QString, previous);
    QFETCH(QString, current);
    QFETCH(int, kind);
    QFETCH(int, from);
    QFETCH(int, to);

    const auto result = ScalingLogParser::parse(kInitialSection + block("2025-11-20T14:05:42Z",
                                                                        previous.toStdString(),
                                                                        current.toStdString()),
                                                "scaling.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.events.size(), std::size_t(1));
    QCOMPARE(int(result.events[0].kind), kind);
    QCOMPARE(result.events[0].from, from);
    QCOMPARE(result.events[0].to, to);
}

void TestScalingLogParser::blockContents()
{
    const std::string second =
        block("2025-11-20T14:06:17Z", "1 replicas (desired: 2)", "2 replicas (desired: 2)");
    const auto result = ScalingLogParser::parse(
        kInitialSection +
            block("2025-11-20T14:05:42Z", "1 replicas (desired: 1)", "1 replicas (desired: 2)") +
            second,
        "scaling.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.initialState, std::string("Name:          vllm-hpa-combined\n"
                                              "Min replicas:  1"));
    QCOMPARE(result.events.size(), std::size_t(2));
    const auto &event = result.events[1];
    // The initial section is 4 lines and a block 14, so the second header is on line 4+14+2.
    QCOMPARE(event.line, 20);
    QCOMPARE(event.time, kInitial + 3 * 60 + 5);
    QCOMPARE(event.kind, EventKind::ReplicasChanged);
    QCOMPARE(event.from, 1);
    QCOMPARE(event.to, 2);
    // The whole block minus the blank line that separates it from the next one.
    QCOMPARE(result.texts.text(event) + "\n\n", second);
    QCOMPARE(result.texts.text(result.events[0]) + "\n\n",
             block("2025-11-20T14:05:42Z", "1 replicas (desired: 1)", "1 replicas (desired: 2)"));
}

void TestScalingLogParser::withoutText()
{
    const auto result = ScalingLogParser::parse(
        kInitialSection +
            block("2025-11-20T14:05:42Z", "1 replicas (desired: 1)", "1 replicas (desired: 2)") +
            block("2025-11-20T14:06:17Z", "1 replicas (desired: 2)", "2 replicas (desired: 2)"),
        "scaling.log", false);
    QVERIFY(result.warnings.empty());
    // The HPA description is not an event text: it stays.
    QCOMPARE(result.initialState, std::string("Name:          vllm-hpa-combined\n"
                                              "Min replicas:  1"));
    QCOMPARE(result.events.size(), std::size_t(2));
    QCOMPARE(result.events[1].line, 20);
    QCOMPARE(result.events[1].to, 2);
    for (const auto &event : result.events) {
        QCOMPARE(event.textForm, hpa::core::EventTextForm::None);
        QCOMPARE(result.texts.text(event), std::string());
        QCOMPARE(result.texts.file(event), std::string_view("scaling.log"));
    }
    QCOMPARE(result.texts.bufferSize(), std::size_t(0));
}

void TestScalingLogParser::lineEndingsAndBom()
{
    std::string content =
        "\xEF\xBB\xBF" + kInitialSection +
        block("2025-11-20T14:05:42Z", "1 replicas (desired: 1)", "1 replicas (desired: 2)");
    std::string crlf;
    for (const char c : content) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    while (crlf.ends_with("\r\n"))
        crlf.resize(crlf.size() - 2); // no trailing newline at all

    const auto result = ScalingLogParser::parse(crlf, "scaling.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.initialState, std::string("Name:          vllm-hpa-combined\n"
                                              "Min replicas:  1"));
    QCOMPARE(result.events.size(), std::size_t(1));
    QCOMPARE(result.events[0].line, 6);
    QCOMPARE(result.events[0].kind, EventKind::ScaleUp);
    const std::string text = result.texts.text(result.events[0]);
    QVERIFY(text.find('\r') == std::string::npos);
    QVERIFY(text.starts_with("========================================\nSCALING EVENT at "));
    QVERIFY(text.ends_with("\nLAST SEEN   TYPE     REASON              OBJECT      MESSAGE\n"
                           "0s          Normal   SuccessfulRescale   hpa/x       New size: 2"));
}

void TestScalingLogParser::truncatedLastBlock()
{
    const std::string content =
        kInitialSection +
        block("2025-11-20T14:05:42Z", "1 replicas (desired: 1)", "1 replicas (desired: 2)") +
        "========================================\n"
        "SCALING EVENT at 2025-11-20T14:06:17Z\n"
        "========================================\n"
        "Previous:     1 replicas (desired: 2)\n"
        "Current:      2 replicas (desired: 2)\n"
        "Metrics:\n"
        "  - Waiting requests: 7 (target: 20)\n"
        "  - KV cache us";
    const auto result = ScalingLogParser::parse(content, "scaling.log");
    QCOMPARE(result.events.size(), std::size_t(2));
    QCOMPARE(result.events[1].kind, EventKind::ReplicasChanged);
    QVERIFY(result.texts.text(result.events[1])
                .ends_with("  - Waiting requests: 7 (target: 20)\n  - KV cache us"));
    QCOMPARE(result.warnings.size(), std::size_t(1));
    QCOMPARE(result.warnings[0].file, std::string("scaling.log"));
    QCOMPARE(result.warnings[0].line, 20);
    QVERIFY(result.warnings[0].message.find("cut short") != std::string::npos);
}

void TestScalingLogParser::malformed_data()
{
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("current");
    QTest::addColumn<int>("warningLine");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("warningCount");

    // The middle block's header is on line 20; its Previous line on 22, Current on 23.
    QTest::newRow("bad time") << "2025-11-20T25:99:00Z"
                              << "1 replicas (desired: 2)"
                              << "2 replicas (desired: 2)" << 20 << "unreadable time" << 1;
    QTest::newRow("no time") << ""
                             << "1 replicas (desired: 2)"
                             << "2 replicas (desired: 2)" << 20 << "unreadable time" << 1;
    QTest::newRow("bad previous") << "2025-11-20T14:06:17Z"
                                  << "one replica"
                                  << "2 replicas (desired: 2)" << 22 << "unreadable replica" << 2;
    QTest::newRow("bad current") << "2025-11-20T14:06:17Z"
                                 << "1 replicas (desired: 2)"
                                 << "2 replicas (wanted: 2)" << 23 << "unreadable replica" << 2;
}

void TestScalingLogParser::malformed()
{
    QFETCH(QString, time);
    QFETCH(QString, previous);
    QFETCH(QString, current);
    QFETCH(int, warningLine);
    QFETCH(QString, fragment);
    QFETCH(int, warningCount);

    const std::string content =
        kInitialSection +
        block("2025-11-20T14:05:42Z", "1 replicas (desired: 1)", "1 replicas (desired: 2)") +
        block(time.toStdString(), previous.toStdString(), current.toStdString()) +
        block("2025-11-20T14:11:20Z", "2 replicas (desired: 2)", "2 replicas (desired: 3)");
    const auto result = ScalingLogParser::parse(content, "scaling.log");
    // A broken replica line also leaves the block without Previous/Current: a second warning.
    QCOMPARE(int(result.warnings.size()), warningCount);
    QCOMPARE(result.warnings[0].file, std::string("scaling.log"));
    QCOMPARE(result.warnings[0].line, warningLine);
    QVERIFY2(result.warnings[0].message.find(fragment.toStdString()) != std::string::npos,
             result.warnings[0].message.c_str());
    QCOMPARE(result.events.size(), std::size_t(2));
    QCOMPARE(result.events.front().line, 6);
    QCOMPARE(result.events.back().line, 34);
    QCOMPARE(result.events.back().kind, EventKind::ScaleUp);
}

void TestScalingLogParser::textBeforeFirstBlock()
{
    const auto result = ScalingLogParser::parse(
        "\nmonitor v1 output\n" +
            block("2025-11-20T14:05:42Z", "1 replicas (desired: 1)", "1 replicas (desired: 2)") +
            "  - Active jobs:      many\n",
        "scaling.log");
    QVERIFY(result.initialState.empty());
    QCOMPARE(result.events.size(), std::size_t(1));
    // The last block runs to the end of the file, unreadable line included.
    QVERIFY(
        result.texts.text(result.events[0]).ends_with("New size: 2\n\n  - Active jobs:      many"));
    QCOMPARE(result.warnings.size(), std::size_t(2));
    QCOMPARE(result.warnings[0].line, 2);
    QVERIFY(result.warnings[0].message.find("Initial State") != std::string::npos);
    QCOMPARE(result.warnings[1].line, 17);
    QVERIFY(result.warnings[1].message.find("active jobs") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestScalingLogParser)
#include "tst_scaling_log_parser.moc"

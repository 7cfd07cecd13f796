#include "core/parsers/scaling_events_log_parser.h"
#include "test_files.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using hpa::test::readFile;

using hpa::core::EventKind;
using hpa::core::ScalingEventsLogParser;

namespace {

constexpr double kMinute = 60.0;
// 2025-11-24 15:57:38 read as if it were UTC.
constexpr double kStart = 1763999858.0;

std::vector<std::string> splitLines(const std::string &content)
{
    std::vector<std::string> lines;
    std::istringstream in(content);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

} // namespace

class TestScalingEventsLogParser : public QObject
{
    Q_OBJECT

private slots:
    void realExample();
    void lineEndingsAndBom();
    void initialReadingOnlyDroppedFirst();
    void triggerWithoutMetrics();
    void malformedLines_data();
    void malformedLines();
    void textAsWritten_data();
    void textAsWritten();
    void withoutText();
    void memoryPerEvent();
};

void TestScalingEventsLogParser::realExample()
{
    const QString path =
        QStringLiteral(HPA_SHARED_DIR) +
        QStringLiteral("/examples/high-load-hpa-20251124-155733/scaling-events.log");
    if (!QFile::exists(path))
        QSKIP("shared example high-load-hpa-20251124-155733 is not available");

    const auto result = ScalingEventsLogParser::parse(readFile(path), "scaling-events.log");
    QVERIFY(result.warnings.empty());
    // 4 SCALE UP, 3 SCALE DOWN, 8 REPLICAS CHANGED of which the first (0 -> 1) is dropped.
    QCOMPARE(result.events.size(), std::size_t(14));
    int up = 0, down = 0, changed = 0;
    for (const auto &event : result.events) {
        up += event.kind == EventKind::ScaleUp;
        down += event.kind == EventKind::ScaleDown;
        changed += event.kind == EventKind::ReplicasChanged;
    }
    QCOMPARE(up, 4);
    QCOMPARE(down, 3);
    QCOMPARE(changed, 7);
    // ... kept apart as the monitor start, with its line and text, so the log's 15 lines
    // can all be listed.
    QVERIFY(result.monitorStart);
    QCOMPARE(result.monitorStart->line, 2);
    QCOMPARE(result.monitorStart->from, 0);
    QCOMPARE(result.monitorStart->to, 1);
    QCOMPARE(result.texts.text(*result.monitorStart),
             std::string("[2025-11-24 15:57:54] REPLICAS CHANGED: 0 -> 1"));

    QCOMPARE(result.monitorStarted.value_or(0), kStart);
    QCOMPARE(result.monitorStopped.value_or(0), kStart + 10 * kMinute + 25); // 16:08:03
    QCOMPARE(result.declaredIntervalSeconds.value_or(0), 5.0);

    const auto &first = result.events.front();
    QCOMPARE(first.kind, EventKind::ScaleUp);
    QCOMPARE(first.from, 5);
    QCOMPARE(first.to, 9);
    QCOMPARE(first.time, kStart + 4 * kMinute + 29); // 16:02:07
    QCOMPARE(first.line, 3);
    QCOMPARE(result.texts.file(first), std::string_view("scaling-events.log"));
    QCOMPARE(result.texts.text(first),
             std::string(
                 "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9 (waiting: 355, cache: 0.997)"));

    const auto &second = result.events[1];
    QCOMPARE(second.kind, EventKind::ReplicasChanged);
    QCOMPARE(second.from, 1);
    QCOMPARE(second.to, 5);
    QCOMPARE(result.texts.text(second),
             std::string("[2025-11-24 16:02:07] REPLICAS CHANGED: 1 -> 5"));

    const auto &outlier = result.events[7];
    QCOMPARE(outlier.line, 10);
    QVERIFY(result.texts.text(outlier).find("(waiting: 60250, ") != std::string::npos);

    // Every event's text is its line as written (lines 3..16, the first reading dropped).
    const std::vector<std::string> lines = splitLines(readFile(path));
    for (const auto &event : result.events)
        QCOMPARE(result.texts.text(event), lines[std::size_t(event.line - 1)]);
    // Only the seven ` (waiting: .., cache: ..)` parts are stored (197 bytes, counted by hand);
    // the rest of each line is rebuilt from the fields.
    QCOMPARE(result.texts.bufferSize(), std::size_t(197));

    const auto &last = result.events.back();
    QCOMPARE(last.kind, EventKind::ReplicasChanged);
    QCOMPARE(last.from, 8);
    QCOMPARE(last.to, 10);
    QCOMPARE(last.line, 16);
    QCOMPARE(last.time, kStart + 10 * kMinute + 10); // 16:07:48
}

void TestScalingEventsLogParser::lineEndingsAndBom()
{
    const std::string content = "\xEF\xBB\xBF[2025-11-24 15:57:38] Monitor started - collecting "
                                "metrics every 2.5s\r\n"
                                "\r\n"
                                "[2025-11-24 16:05:19] SCALE DOWN TRIGGERED: 10 -> 9 (waiting: 0, "
                                "cache: 0.19)\r\n"
                                "   \r\n"
                                "[2025-11-24 16:05:40] REPLICAS CHANGED: 10 -> 9";
    const auto result = ScalingEventsLogParser::parse(content, "s.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.monitorStarted.value_or(0), kStart);
    QCOMPARE(result.declaredIntervalSeconds.value_or(0), 2.5);
    QVERIFY(!result.monitorStopped.has_value());
    QCOMPARE(result.events.size(), std::size_t(2));
    QCOMPARE(result.events[0].kind, EventKind::ScaleDown);
    QCOMPARE(result.events[0].line, 3);
    QCOMPARE(result.texts.text(result.events[0]),
             std::string(
                 "[2025-11-24 16:05:19] SCALE DOWN TRIGGERED: 10 -> 9 (waiting: 0, cache: 0.19)"));
    QCOMPARE(result.events[1].kind, EventKind::ReplicasChanged);
    QCOMPARE(result.events[1].line, 5);
    QCOMPARE(result.events[1].time, kStart + 8 * kMinute + 2); // 16:05:40
    QCOMPARE(result.texts.text(result.events[1]),
             std::string("[2025-11-24 16:05:40] REPLICAS CHANGED: 10 -> 9"));
}

void TestScalingEventsLogParser::initialReadingOnlyDroppedFirst()
{
    // A 0 -> N reading after another event is a real change (the deployment was scaled to 0).
    const std::string content = "[2025-11-24 15:57:54] REPLICAS CHANGED: 0 -> 1\n"
                                "[2025-11-24 15:58:00] REPLICAS CHANGED: 1 -> 0\n"
                                "[2025-11-24 15:59:00] REPLICAS CHANGED: 0 -> 2\n";
    const auto result = ScalingEventsLogParser::parse(content, "s.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.events.size(), std::size_t(2));
    QCOMPARE(result.events[0].line, 2);
    QCOMPARE(result.events[0].to, 0);
    QCOMPARE(result.events[1].line, 3);
    QCOMPARE(result.events[1].from, 0);
    QCOMPARE(result.events[1].to, 2);

    // A scale-up first: the later 0 -> N is no longer the monitor's initial reading.
    const auto later = ScalingEventsLogParser::parse(
        "[2025-11-24 15:57:50] SCALE UP TRIGGERED: 0 -> 1 (waiting: 3, cache: 0.5)\n"
        "[2025-11-24 15:57:54] REPLICAS CHANGED: 0 -> 1\n",
        "s.log");
    QCOMPARE(later.events.size(), std::size_t(2));
    QCOMPARE(later.events[1].kind, EventKind::ReplicasChanged);
    QVERIFY(!later.monitorStart);
    QVERIFY(result.monitorStart);
    QCOMPARE(result.monitorStart->line, 1);
}

void TestScalingEventsLogParser::triggerWithoutMetrics()
{
    const auto result = ScalingEventsLogParser::parse(
        "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9\n"
        "[2025-11-24 16:02:08] SCALE UP TRIGGERED: 9 -> 10 (waiting: 10.500, cache: 0.9, gpu: 1)\n",
        "s.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.events.size(), std::size_t(2));
    QCOMPARE(result.events[0].to, 9);
    QCOMPARE(result.texts.text(result.events[0]),
             std::string("[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9"));
    QCOMPARE(result.events[1].to, 10);
    QCOMPARE(result.texts.text(result.events[1]),
             std::string("[2025-11-24 16:02:08] SCALE UP TRIGGERED: 9 -> 10 (waiting: 10.500, "
                         "cache: 0.9, gpu: 1)"));
}

void TestScalingEventsLogParser::malformedLines_data()
{
    QTest::addColumn<QString>("badLine");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("unknown message") << "[2025-11-24 16:00:00] Prometheus unreachable"
                                     << "unrecognised line";
    QTest::newRow("no time stamp") << "SCALE UP TRIGGERED: 1 -> 2"
                                   << "[time] stamp";
    QTest::newRow("unclosed bracket") << "[2025-11-24 16:00:00 SCALE UP"
                                      << "[time] stamp";
    QTest::newRow("bad time") << "[2025-13-45 16:00:00] REPLICAS CHANGED: 1 -> 2"
                              << "unreadable time";
    QTest::newRow("bad count") << "[2025-11-24 16:00:00] SCALE UP TRIGGERED: x -> 2"
                               << "cannot read the replica counts";
    QTest::newRow("no arrow") << "[2025-11-24 16:00:00] REPLICAS CHANGED: 1 2"
                              << "cannot read the replica counts";
    QTest::newRow("bad metric") << "[2025-11-24 16:00:00] SCALE DOWN TRIGGERED: 3 -> 2 (waiting: "
                                   "n/a, cache: 0.1)"
                                << "cannot read the replica counts";
    QTest::newRow("cut in half") << "[2025-11-24 16:00:00] SCALE UP TRIGGERED: 5 -> 9 (waiting: 35"
                                 << "cannot read the replica counts";
}

void TestScalingEventsLogParser::malformedLines()
{
    QFETCH(QString, badLine);
    QFETCH(QString, fragment);

    const std::string content = "[2025-11-24 15:57:38] Monitor started - collecting metrics every "
                                "5s\n"
                                "[2025-11-24 15:59:00] SCALE UP TRIGGERED: 1 -> 2 (waiting: 30, "
                                "cache: 0.6)\n" +
                                badLine.toStdString() +
                                "\n[2025-11-24 15:59:30] REPLICAS CHANGED: 1 -> 2\n";
    const auto result = ScalingEventsLogParser::parse(content, "scaling-events.log");
    QCOMPARE(result.warnings.size(), std::size_t(1));
    QCOMPARE(result.warnings[0].file, std::string("scaling-events.log"));
    QCOMPARE(result.warnings[0].line, 3);
    QVERIFY2(result.warnings[0].message.find(fragment.toStdString()) != std::string::npos,
             result.warnings[0].message.c_str());
    // The good lines around it still load.
    QCOMPARE(result.events.size(), std::size_t(2));
    QCOMPARE(result.events[0].line, 2);
    QCOMPARE(result.events[1].line, 4);
    QCOMPARE(result.monitorStarted.value_or(0), kStart);
}

void TestScalingEventsLogParser::textAsWritten_data()
{
    QTest::addColumn<QString>("line");
    // What the buffer holds: the tail after `[stamp] KIND: a -> b` when that head is rebuilt
    // from the fields, else the whole line.
    QTest::addColumn<QString>("stored");

    const auto whole = [](const char *name, const char *line) {
        QTest::newRow(name) << line << line;
    };
    QTest::newRow("plain change") << "[2025-11-24 16:02:07] REPLICAS CHANGED: 1 -> 5"
                                  << "";
    QTest::newRow("trigger with metrics")
        << "[2025-11-24 16:02:07] SCALE DOWN TRIGGERED: 10 -> 9 (waiting: 0, cache: 0.19)"
        << " (waiting: 0, cache: 0.19)";
    QTest::newRow("trigger, bigger counts") << "[2025-11-24 23:59:59] SCALE UP TRIGGERED: 19 -> 120"
                                            << "";
    QTest::newRow("space before the metrics")
        << "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 1 -> 5  (waiting: 3, cache: 0.5)"
        << "  (waiting: 3, cache: 0.5)";
    whole("fraction of a second", "[2025-11-24 16:02:07.250] REPLICAS CHANGED: 1 -> 5");
    whole("ISO time, UTC", "[2025-11-24T16:02:07Z] REPLICAS CHANGED: 1 -> 5");
    whole("T separator", "[2025-11-24T16:02:07] REPLICAS CHANGED: 1 -> 5");
    whole("leap second", "[2025-12-31 23:59:60] REPLICAS CHANGED: 1 -> 5");
    whole("space in the brackets", "[ 2025-11-24 16:02:07 ] REPLICAS CHANGED: 1 -> 5");
    whole("two spaces after the stamp", "[2025-11-24 16:02:07]  REPLICAS CHANGED: 1 -> 5");
    whole("no space after the stamp", "[2025-11-24 16:02:07]REPLICAS CHANGED: 1 -> 5");
    whole("tight arrow", "[2025-11-24 16:02:07] REPLICAS CHANGED: 1->5");
    whole("leading zero", "[2025-11-24 16:02:07] REPLICAS CHANGED: 01 -> 5");
    QTest::newRow("negative count") << "[2025-11-24 16:02:07] SCALE UP TRIGGERED: -1 -> 5"
                                    << "";
}

void TestScalingEventsLogParser::textAsWritten()
{
    QFETCH(QString, line);
    QFETCH(QString, stored);

    // Surrounding blanks are not part of the text; the event is on line 2.
    const std::string content = "\n  " + line.toStdString() + " \t\r\n";
    const auto result = ScalingEventsLogParser::parse(content, "scaling-events.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.events.size(), std::size_t(1));
    const auto &event = result.events[0];
    QCOMPARE(event.line, 2);
    QCOMPARE(QString::fromStdString(result.texts.text(event)), line);
    QCOMPARE(event.textForm,
             stored == line ? hpa::core::EventTextForm::Whole : hpa::core::EventTextForm::LineTail);
    QCOMPARE(result.texts.bufferSize(), std::size_t(stored.size()));
}

void TestScalingEventsLogParser::withoutText()
{
    const std::string content =
        "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9 (waiting: 355, cache: 0.997)\n"
        "[2025-11-24 16:02:07.5] REPLICAS CHANGED: 1 -> 5\n";
    const auto result = ScalingEventsLogParser::parse(content, "scaling-events.log", false);
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.events.size(), std::size_t(2));
    QCOMPARE(result.events[1].line, 2);
    QCOMPARE(result.events[1].time, kStart + 4 * kMinute + 29.5);
    for (const auto &event : result.events) {
        QCOMPARE(event.textForm, hpa::core::EventTextForm::None);
        QCOMPARE(result.texts.text(event), std::string());
        QCOMPARE(result.texts.file(event), std::string_view("scaling-events.log"));
    }
    QCOMPARE(result.texts.bufferSize(), std::size_t(0));
}

void TestScalingEventsLogParser::memoryPerEvent()
{
    // Like the demo's log: pairs of a trigger with metrics and the replica change after it.
    constexpr int kPairs = 5000;
    constexpr std::string_view kTail = " (waiting: 12.5, cache: 0.75)"; // 29 bytes stored
    std::string content = "[2025-11-24 15:57:38] Monitor started - collecting metrics every 5s\n";
    for (int i = 0; i < kPairs; ++i) {
        const int minute = i % 60, hour = (i / 60) % 24;
        const std::string stamp = "[2025-11-24 " + QStringLiteral("%1:%2:07] ")
                                                       .arg(hour, 2, 10, QLatin1Char('0'))
                                                       .arg(minute, 2, 10, QLatin1Char('0'))
                                                       .toStdString();
        content += stamp + "SCALE UP TRIGGERED: 3 -> 4" + std::string(kTail) + "\n";
        content += stamp + "REPLICAS CHANGED: 3 -> 4\n";
    }
    for (const bool keepText : {true, false}) {
        const auto result = ScalingEventsLogParser::parse(content, "scaling-events.log", keepText);
        QCOMPARE(result.events.size(), std::size_t(2 * kPairs));
        // 32 bytes an event (the old layout took ~250 with its two strings), no spare room
        // beyond the two lines that are not events.
        QCOMPARE(sizeof(hpa::core::ScalingEvent), std::size_t(32));
        QVERIFY(result.events.capacity() <= result.events.size() + 2);
        const std::size_t textBytes = result.texts.memoryBytes();
        if (keepText)
            QVERIFY2(textBytes <= kPairs * kTail.size() + 64, std::to_string(textBytes).c_str());
        else
            QVERIFY2(textBytes <= 64, std::to_string(textBytes).c_str());
    }
}

QTEST_GUILESS_MAIN(TestScalingEventsLogParser)
#include "tst_scaling_events_log_parser.moc"

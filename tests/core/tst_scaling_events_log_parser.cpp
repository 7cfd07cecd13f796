#include "core/scaling_events_log_parser.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using hpa::core::EventKind;
using hpa::core::ScalingEventsLogParser;

namespace {

constexpr double kMinute = 60.0;
// 2025-11-24 15:57:38 read as if it were UTC.
constexpr double kStart = 1763999858.0;

std::string readFile(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
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

    QCOMPARE(result.monitorStarted.value_or(0), kStart);
    QCOMPARE(result.monitorStopped.value_or(0), kStart + 10 * kMinute + 25); // 16:08:03
    QCOMPARE(result.declaredIntervalSeconds.value_or(0), 5.0);

    const auto &first = result.events.front();
    QCOMPARE(first.kind, EventKind::ScaleUp);
    QCOMPARE(first.from, 5);
    QCOMPARE(first.to, 9);
    QCOMPARE(first.waiting.value_or(-1), 355.0);
    QCOMPARE(first.kvCacheRaw.value_or(-1), 0.997);
    QCOMPARE(first.time, kStart + 4 * kMinute + 29); // 16:02:07
    QCOMPARE(first.line, 3);
    QCOMPARE(first.file, std::string("scaling-events.log"));
    QCOMPARE(first.text,
             std::string(
                 "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9 (waiting: 355, cache: 0.997)"));

    const auto &second = result.events[1];
    QCOMPARE(second.kind, EventKind::ReplicasChanged);
    QCOMPARE(second.from, 1);
    QCOMPARE(second.to, 5);
    QVERIFY(!second.waiting.has_value());

    const auto &outlier = result.events[7];
    QCOMPARE(outlier.line, 10);
    QCOMPARE(outlier.waiting.value_or(-1), 60250.0);

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
    QCOMPARE(result.events[0].kvCacheRaw.value_or(-1), 0.19);
    QCOMPARE(result.events[0].waiting.value_or(-1), 0.0);
    QCOMPARE(result.events[0].text,
             std::string(
                 "[2025-11-24 16:05:19] SCALE DOWN TRIGGERED: 10 -> 9 (waiting: 0, cache: 0.19)"));
    QCOMPARE(result.events[1].kind, EventKind::ReplicasChanged);
    QCOMPARE(result.events[1].line, 5);
    QCOMPARE(result.events[1].time, kStart + 8 * kMinute + 2); // 16:05:40
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
}

void TestScalingEventsLogParser::triggerWithoutMetrics()
{
    const auto result = ScalingEventsLogParser::parse(
        "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9\n"
        "[2025-11-24 16:02:08] SCALE UP TRIGGERED: 9 -> 10 (waiting: 10.500, cache: 0.9, gpu: 1)\n",
        "s.log");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.events.size(), std::size_t(2));
    QVERIFY(!result.events[0].waiting.has_value());
    QVERIFY(!result.events[0].kvCacheRaw.has_value());
    QCOMPARE(result.events[0].to, 9);
    QCOMPARE(result.events[1].waiting.value_or(-1), 10.5);
    QCOMPARE(result.events[1].kvCacheRaw.value_or(-1), 0.9);
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

QTEST_GUILESS_MAIN(TestScalingEventsLogParser)
#include "tst_scaling_events_log_parser.moc"

#include "core/model/event_reading.h"

#include <QtTest>

#include <optional>

using hpa::core::EventReading;

class TestEventReading : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void TestEventReading::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("waiting"); // -1: none
    QTest::addColumn<double>("kv");      // -1: none
    // Lines of the shared high-load example's scaling-events.log.
    QTest::newRow("scale up line") << "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9 "
                                      "(waiting: 355, cache: 0.997)"
                                   << 355.0 << 0.997;
    QTest::newRow("scale down line") << "[2025-11-24 16:05:19] SCALE DOWN TRIGGERED: 10 -> 9 "
                                        "(waiting: 0, cache: 0.19)"
                                     << 0.0 << 0.19;
    QTest::newRow("leaked milli") << "[2025-11-24 16:06:22] SCALE UP TRIGGERED: 8 -> 10 "
                                     "(waiting: 60250, cache: 0.124)"
                                  << 60250.0 << 0.124;
    QTest::newRow("stored tail") << " (waiting: 10.500, cache: 0.5)" << 10.5 << 0.5;
    QTest::newRow("replicas changed")
        << "[2025-11-24 16:02:07] REPLICAS CHANGED: 1 -> 5" << -1.0 << -1.0;
    QTest::newRow("only waiting") << "[x] SCALE UP TRIGGERED: 1 -> 2 (waiting: 3)" << 3.0 << -1.0;
    QTest::newRow("unreadable value")
        << "[x] SCALE UP TRIGGERED: 1 -> 2 (waiting: lots, cache: 1)" << -1.0 << 1.0;
    // A scaling.log block (older layout): the KV value is the stripped milli-quantity.
    QTest::newRow("block") << "========================================\n"
                              "SCALING EVENT at 2025-11-20T14:06:17Z\n"
                              "Previous:     1 replicas (desired: 2)\n"
                              "Current:      2 replicas (desired: 2)\n"
                              "Metrics:\n"
                              "  - Waiting requests: 7 (target: 20)\n"
                              "  - KV cache usage:   569% (target: 500%)\n"
                              "  - Active jobs:      1\n"
                           << 7.0 << 569.0;
    QTest::newRow("empty") << "" << -1.0 << -1.0;
}

void TestEventReading::parse()
{
    QFETCH(QString, text);
    QFETCH(double, waiting);
    QFETCH(double, kv);
    const std::string bytes = text.toStdString();
    const EventReading r = EventReading::parse(bytes);
    QCOMPARE(r.waiting.has_value(), waiting >= 0);
    if (waiting >= 0)
        QCOMPARE(*r.waiting, waiting);
    QCOMPARE(r.kvCache.has_value(), kv >= 0);
    if (kv >= 0)
        QCOMPARE(*r.kvCache, kv);
}

QTEST_APPLESS_MAIN(TestEventReading)
#include "tst_event_reading.moc"

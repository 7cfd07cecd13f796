#include "core/model/timestamp.h"
#include "core/plot/time_ticks.h"

#include <QStringList>
#include <QTest>

#include <cmath>
#include <limits>

using hpa::core::TimeLabelMode;
using hpa::core::Timestamp;
using hpa::core::TimeTick;
using hpa::core::TimeTicks;

namespace {

double parsed(const char *text)
{
    const auto t = Timestamp::parse(text);
    return t ? t->seconds : std::numeric_limits<double>::quiet_NaN();
}

QList<double> positions(const std::vector<TimeTick> &ticks)
{
    QList<double> out;
    for (const TimeTick &t : ticks)
        out << t.x;
    return out;
}

QStringList labels(const std::vector<TimeTick> &ticks)
{
    QStringList out;
    for (const TimeTick &t : ticks)
        out << QString::fromStdString(t.label);
    return out;
}

} // namespace

class TestTimeTicks : public QObject
{
    Q_OBJECT

private slots:
    void chooseStep_data();
    void chooseStep();
    void elapsedTicks_data();
    void elapsedTicks();
    void clockTicksFallOnRoundClockTimes();
    void clockTicksShowDatesWhenDaysApart();
    void emptyOrInvalidRangeHasNoTicks_data();
    void emptyOrInvalidRangeHasNoTicks();
};

void TestTimeTicks::chooseStep_data()
{
    QTest::addColumn<double>("span");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<double>("expected");

    QTest::newRow("exactly ten minutes") << 600.0 << 10 << 60.0;
    QTest::newRow("just over ten minutes") << 601.0 << 10 << 120.0;
    QTest::newRow("seconds") << 45.0 << 10 << 5.0;
    QTest::newRow("tiny span") << 3.0 << 10 << 1.0;
    QTest::newRow("fifteen seconds") << 60.0 << 4 << 15.0;
    QTest::newRow("quarter hour") << 3600.0 << 4 << 900.0;
    QTest::newRow("three hours") << 86400.0 << 8 << 10800.0;
    QTest::newRow("one day") << 3 * 86400.0 << 5 << 86400.0;
    QTest::newRow("ten days") << 30 * 86400.0 << 5 << 10 * 86400.0;
    QTest::newRow("zero span") << 0.0 << 10 << 1.0;
    QTest::newRow("max ticks clamped to one") << 50.0 << 0 << 60.0;
}

void TestTimeTicks::chooseStep()
{
    QFETCH(double, span);
    QFETCH(int, maxTicks);
    QFETCH(double, expected);
    QCOMPARE(TimeTicks::chooseStep(span, maxTicks), expected);
}

void TestTimeTicks::elapsedTicks_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<QList<double>>("expectedX");
    QTest::addColumn<QStringList>("expectedLabels");

    QTest::newRow("five minutes by the minute")
        << 0.0 << 300.0 << 6 << QList<double>{0, 60, 120, 180, 240, 300}
        << QStringList{"00:00", "01:00", "02:00", "03:00", "04:00", "05:00"};
    QTest::newRow("fifteen second steps, unaligned start")
        << 5.0 << 65.0 << 4 << QList<double>{15, 30, 45, 60}
        << QStringList{"00:15", "00:30", "00:45", "01:00"};
    QTest::newRow("past an hour") << 3500.0 << 3700.0 << 2 << QList<double>{3600}
                                  << QStringList{"1:00:00"};
    QTest::newRow("negative elapsed") << -30.0 << 30.0 << 2 << QList<double>{-30, 0, 30}
                                      << QStringList{"-00:30", "00:00", "00:30"};
}

void TestTimeTicks::elapsedTicks()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, maxTicks);
    QFETCH(QList<double>, expectedX);
    QFETCH(QStringList, expectedLabels);

    const auto ticks = TimeTicks::ticks(from, to, maxTicks, TimeLabelMode::Elapsed);
    QCOMPARE(positions(ticks), expectedX);
    QCOMPARE(labels(ticks), expectedLabels);
}

void TestTimeTicks::clockTicksFallOnRoundClockTimes()
{
    // x = 0 is 15:57:38, so the first whole minute is 22 s in.
    const double origin = parsed("2025-11-24 15:57:38");
    const auto ticks = TimeTicks::ticks(0, 600, 10, TimeLabelMode::Clock, origin);
    QCOMPARE(ticks.size(), std::size_t{10});
    QCOMPARE(ticks.front().x, 22.0);
    QCOMPARE(QString::fromStdString(ticks.front().label), QStringLiteral("15:58:00"));
    QCOMPARE(ticks[2].x, 142.0);
    QCOMPARE(QString::fromStdString(ticks[2].label), QStringLiteral("16:00:00"));
    QCOMPARE(ticks.back().x, 562.0);
    QCOMPARE(QString::fromStdString(ticks.back().label), QStringLiteral("16:07:00"));
}

void TestTimeTicks::clockTicksShowDatesWhenDaysApart()
{
    // 14:03:12 is 50592 s after midnight: the next midnight is 35808 s in.
    const double origin = parsed("2025-11-20T14:03:12Z");
    const auto ticks = TimeTicks::ticks(0, 3 * 86400, 5, TimeLabelMode::Clock, origin);
    QCOMPARE(positions(ticks), (QList<double>{35808, 122208, 208608}));
    QCOMPARE(labels(ticks), (QStringList{"2025-11-21", "2025-11-22", "2025-11-23"}));
}

void TestTimeTicks::emptyOrInvalidRangeHasNoTicks_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("empty") << 10.0 << 10.0;
    QTest::newRow("reversed") << 20.0 << 10.0;
    QTest::newRow("nan") << nan << 10.0;
    QTest::newRow("infinite") << 0.0 << std::numeric_limits<double>::infinity();
}

void TestTimeTicks::emptyOrInvalidRangeHasNoTicks()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QVERIFY(TimeTicks::ticks(from, to, 10, TimeLabelMode::Elapsed).empty());
}

QTEST_GUILESS_MAIN(TestTimeTicks)
#include "tst_time_ticks.moc"

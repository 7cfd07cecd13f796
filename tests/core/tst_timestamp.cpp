#include "core/model/timestamp.h"

#include <QTest>

#include <cmath>
#include <limits>

using hpa::core::ParsedTime;
using hpa::core::Timestamp;

namespace {

// 2025-11-20T14:03:12Z, the first sample of the older example (its `epoch` column says so).
constexpr double kLegacyStart = 1763647392.0;
// 2025-11-24 15:57:38 read as if UTC.
constexpr double kEnhancedStart = 1763999858.0;
constexpr double kYear2100 = 4102444800.0;
constexpr double kLeapDay2024 = 1709164800.0;

} // namespace

class TestTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void format_data();
    void format();
    void formatRoundTrip_data();
    void formatRoundTrip();
    void formatNonFinite();
    void formatClock();
    void formatElapsed_data();
    void formatElapsed();
    void daysFromCivil();
};

void TestTimestamp::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("naive");

    QTest::newRow("iso Z") << "2025-11-20T14:03:12Z" << kLegacyStart << false;
    QTest::newRow("iso lower z") << "2025-11-20T14:03:12z" << kLegacyStart << false;
    QTest::newRow("offset +02:00") << "2025-11-20T16:03:12+02:00" << kLegacyStart << false;
    QTest::newRow("offset -0530") << "2025-11-20T08:33:12-0530" << kLegacyStart << false;
    QTest::newRow("offset +01") << "2025-11-20T15:03:12+01" << kLegacyStart << false;
    QTest::newRow("offset crosses midnight")
        << "2025-11-21T01:03:12+11:00" << kLegacyStart << false;
    QTest::newRow("fraction Z") << "2025-11-20T14:03:12.250Z" << kLegacyStart + 0.25 << false;
    QTest::newRow("fraction .123") << "2025-11-20T14:03:12.123Z" << kLegacyStart + 0.123 << false;
    QTest::newRow("fraction .987654")
        << "2025-11-20T14:03:12.987654Z" << kLegacyStart + 0.987654 << false;
    QTest::newRow("fraction comma") << "2025-11-20T14:03:12,5Z" << kLegacyStart + 0.5 << false;
    QTest::newRow("fraction naive") << "2025-11-24 15:57:38.125" << kEnhancedStart + 0.125 << true;
    QTest::newRow("naive space") << "2025-11-24 15:57:38" << kEnhancedStart << true;
    QTest::newRow("naive T") << "2025-11-24T15:57:38" << kEnhancedStart << true;
    QTest::newRow("surrounding blanks") << "  2025-11-24 15:57:38\t" << kEnhancedStart << true;
    QTest::newRow("quoted") << "\"2025-11-20T14:03:12Z\"" << kLegacyStart << false;
    QTest::newRow("bare epoch") << "1763647392" << kLegacyStart << false;
    QTest::newRow("bare epoch fraction") << "1763647392.5" << kLegacyStart + 0.5 << false;
    QTest::newRow("1970 start") << "1970-01-01T00:00:00Z" << 0.0 << false;
    QTest::newRow("2100 start") << "2100-01-01T00:00:00Z" << kYear2100 << false;
    QTest::newRow("leap day 2024") << "2024-02-29T00:00:00Z" << kLeapDay2024 << false;
    QTest::newRow("leap second") << "2025-11-20T14:03:60Z" << kLegacyStart + 48 << false;
}

void TestTimestamp::parseValid()
{
    QFETCH(QString, text);
    QFETCH(double, seconds);
    QFETCH(bool, naive);
    const std::string s = text.toStdString();
    const auto parsed = Timestamp::parse(s);
    QVERIFY2(parsed.has_value(), qPrintable(text));
    // Exact: QCOMPARE on doubles is relative to 1e-12, which is milliseconds at 2025.
    QVERIFY2(parsed->seconds == seconds, qPrintable(QString::number(parsed->seconds, 'f', 6)));
    QCOMPARE(parsed->naive, naive);
}

void TestTimestamp::parseInvalid_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("garbage") << "yesterday";
    QTest::newRow("feb 30") << "2025-02-30T00:00:00Z";
    QTest::newRow("feb 29 non-leap") << "2025-02-29 00:00:00";
    QTest::newRow("feb 29 2100 not leap") << "2100-02-29T00:00:00Z";
    QTest::newRow("13th month") << "2025-13-01T00:00:00Z";
    QTest::newRow("month 0") << "2025-00-10T00:00:00Z";
    QTest::newRow("day 0") << "2025-11-00T00:00:00Z";
    QTest::newRow("april 31") << "2025-04-31 12:00:00";
    QTest::newRow("hour 24") << "2025-11-20T24:00:00Z";
    QTest::newRow("minute 60") << "2025-11-20T14:60:00Z";
    QTest::newRow("date only") << "2025-11-20";
    QTest::newRow("cut in half") << "2025-11-20T14:0";
    QTest::newRow("trailing junk") << "2025-11-20T14:03:12Zjunk";
    QTest::newRow("bad offset") << "2025-11-20T14:03:12+2:00";
    QTest::newRow("offset hour 24") << "2025-11-20T14:03:12+24:00";
    QTest::newRow("dot without digits") << "2025-11-20T14:03:12.Z";
    QTest::newRow("letters in date") << "2025-1a-20T14:03:12Z";
    QTest::newRow("negative epoch") << "-5";
    QTest::newRow("epoch with junk") << "1763647392abc";
    QTest::newRow("epoch absurd") << "1e300";
}

void TestTimestamp::parseInvalid()
{
    QFETCH(QString, text);
    const std::string s = text.toStdString();
    const auto parsed = Timestamp::parse(s);
    QVERIFY2(!parsed.has_value(), qPrintable(QStringLiteral("'%1' parsed as %2")
                                                 .arg(text)
                                                 .arg(parsed.value_or(ParsedTime{}).seconds)));
}

void TestTimestamp::format_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("naive");
    QTest::addColumn<QString>("expected");

    QTest::newRow("utc") << kLegacyStart << false << "2025-11-20T14:03:12Z";
    QTest::newRow("naive") << kEnhancedStart << true << "2025-11-24 15:57:38";
    QTest::newRow("epoch zero") << 0.0 << false << "1970-01-01T00:00:00Z";
    QTest::newRow("before epoch") << -1.0 << false << "1969-12-31T23:59:59Z";
    QTest::newRow("2100") << kYear2100 << true << "2100-01-01 00:00:00";
    QTest::newRow("leap day") << kLeapDay2024 + 86399 << false << "2024-02-29T23:59:59Z";
    QTest::newRow("millis") << kLegacyStart + 0.25 << false << "2025-11-20T14:03:12.250Z";
    QTest::newRow("sub-milli dropped") << kLegacyStart + 0.0004 << false << "2025-11-20T14:03:12Z";
    // Rounding to the millisecond must carry into the seconds, not lose a second.
    QTest::newRow("rounds up to next second")
        << kLegacyStart + 0.9996 << false << "2025-11-20T14:03:13Z";
    QTest::newRow("rounds up past midnight") << 86399.9999 << true << "1970-01-02 00:00:00";
}

void TestTimestamp::format()
{
    QFETCH(double, seconds);
    QFETCH(bool, naive);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(Timestamp::format(seconds, naive)), expected);
}

void TestTimestamp::formatRoundTrip_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("naive");

    QTest::newRow("utc") << kLegacyStart << false;
    QTest::newRow("naive") << kEnhancedStart << true;
    QTest::newRow("millis utc") << kLegacyStart + 0.125 << false;
    QTest::newRow("millis naive") << kEnhancedStart + 0.5 << true;
    QTest::newRow("1970") << 0.0 << false;
    QTest::newRow("2100") << kYear2100 + 59 << true;
    QTest::newRow("leap day") << kLeapDay2024 + 3600 << false;
}

void TestTimestamp::formatRoundTrip()
{
    QFETCH(double, seconds);
    QFETCH(bool, naive);
    const std::string text = Timestamp::format(seconds, naive);
    const auto back = Timestamp::parse(text);
    QVERIFY2(back.has_value(), text.c_str());
    QVERIFY2(back->seconds == seconds, text.c_str());
    QCOMPARE(back->naive, naive);
}

void TestTimestamp::formatNonFinite()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(QString::fromStdString(Timestamp::format(nan, false)), QStringLiteral("—"));
    QCOMPARE(QString::fromStdString(Timestamp::formatElapsed(nan)), QStringLiteral("—"));
    QCOMPARE(QString::fromStdString(Timestamp::formatClock(nan)), QStringLiteral("—"));
}

void TestTimestamp::formatClock()
{
    QCOMPARE(QString::fromStdString(Timestamp::formatClock(kEnhancedStart)),
             QStringLiteral("15:57:38"));
    QCOMPARE(QString::fromStdString(Timestamp::formatClock(-1.0)), QStringLiteral("23:59:59"));
}

void TestTimestamp::formatElapsed_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << 0.0 << "00:00";
    QTest::newRow("59") << 59.0 << "00:59";
    QTest::newRow("60") << 60.0 << "01:00";
    QTest::newRow("59.6 rounds") << 59.6 << "01:00";
    QTest::newRow("just under an hour") << 3599.0 << "59:59";
    QTest::newRow("an hour") << 3600.0 << "1:00:00";
    QTest::newRow("3725") << 3725.0 << "1:02:05";
    QTest::newRow("over a day") << 90061.0 << "25:01:01";
    QTest::newRow("negative") << -59.0 << "-00:59";
    QTest::newRow("negative hours") << -3725.0 << "-1:02:05";
    QTest::newRow("negative rounds to zero") << -0.2 << "00:00";
}

void TestTimestamp::formatElapsed()
{
    QFETCH(double, seconds);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(Timestamp::formatElapsed(seconds)), expected);
}

void TestTimestamp::daysFromCivil()
{
    QCOMPARE(Timestamp::daysFromCivil(1970, 1, 1), 0LL);
    QCOMPARE(Timestamp::daysFromCivil(1969, 12, 31), -1LL);
    QCOMPARE(Timestamp::daysFromCivil(2000, 3, 1), 11017LL);
    QCOMPARE(Timestamp::daysFromCivil(2100, 1, 1), 47482LL);
}

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"

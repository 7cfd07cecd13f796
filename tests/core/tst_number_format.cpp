#include "core/model/number_format.h"

#include <QTest>

#include <charconv>
#include <limits>
#include <string>

using hpa::core::NumberFormat;

/// The one rule for numbers in CSV and text output: round to 10 significant digits, then the
/// shortest text that reads back as the rounded double.
class TestNumberFormat : public QObject
{
    Q_OBJECT
private slots:
    void shortest_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        // The two values of issue 11: sums of binary fractions written by a plain {}.
        QTest::newRow("58.7 with binary noise") << 58.699999999999996 << "58.7";
        QTest::newRow("7.8 with binary noise") << 7.799999999999997 << "7.8";
        QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << "0.3";
        QTest::newRow("integer") << 42.0 << "42";
        QTest::newRow("negative") << -3.25 << "-3.25";
        QTest::newRow("negative zero") << -0.0 << "0";
        QTest::newRow("zero") << 0.0 << "0";
        // Exactly 10 significant digits survive (1234567.891 of 1234567.891234).
        QTest::newRow("10 digits kept") << 1234567.891234 << "1234567.891";
        QTest::newRow("round up at 10th digit") << 0.12345678996 << "0.12345679";
        QTest::newRow("10 digits integer") << 1234567891.0 << "1234567891";
        QTest::newRow("11 digits integer rounds") << 12345678915.0 << "12345678920";
        QTest::newRow("small") << 0.000123456789012 << "0.000123456789";
        QTest::newRow("large exponent") << 1.5e20 << "1.5e+20";
        QTest::newRow("tiny exponent") << 2.5e-12 << "2.5e-12";
        QTest::newRow("percent of fraction") << 0.997 * 100 << "99.7";
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << "N/A";
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << "N/A";
    }
    void shortest()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(NumberFormat::shortest(value)), expected);
    }

    /// Reading a written number and writing it again gives the same bytes.
    void secondTripIsByteIdentical()
    {
        for (double v : {58.699999999999996, 1.0 / 3.0, 2.0 / 3.0 * 1e7, -123.456789012345,
                         9.9999999995, 6.02214076e23, 1e-300}) {
            const std::string once = NumberFormat::shortest(v);
            double back = 0;
            std::from_chars(once.data(), once.data() + once.size(), back);
            QCOMPARE(NumberFormat::shortest(back), once);
            QCOMPARE(NumberFormat::rounded(back), back);
        }
    }
};

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_number_format.moc"

// CsvCells::parsePlainDecimal must give std::from_chars's value to the bit for every plain
// decimal it accepts, refuse everything else, and stop on the first other character.
#include "core/parsers/csv_cells.h"

#include <QTest>

#include <bit>
#include <charconv>
#include <cstdint>
#include <string>

using hpa::core::CsvCells;

class TestCsvCells : public QObject
{
    Q_OBJECT

private slots:
    void plainDecimal_data();
    void plainDecimal();
};

void TestCsvCells::plainDecimal_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("stop"); ///< characters read when accepted

    QTest::newRow("zero") << "0" << true << 1;
    QTest::newRow("integer") << "120" << true << 3;
    QTest::newRow("fraction") << "0.516" << true << 5;
    QTest::newRow("trailing zeros") << "10.500" << true << 6;
    QTest::newRow("negative") << "-0.997" << true << 6;
    QTest::newRow("negative zero") << "-0" << true << 2;
    QTest::newRow("stops at comma") << "24.23,1" << true << 5;
    QTest::newRow("fifteen digits") << "12345678.1234567" << true << 16;
    QTest::newRow("sixteen digits") << "12345678.12345678" << false << 0;
    QTest::newRow("inexact tenth") << "0.1" << true << 3;
    QTest::newRow("rounding case") << "9007199254.740993" << false << 0;
    QTest::newRow("just a sign") << "-" << false << 0;
    QTest::newRow("sign then comma") << "-," << false << 0;
    QTest::newRow("no integer part") << ".5" << false << 0;
    QTest::newRow("no fraction digits") << "12." << false << 0;
    QTest::newRow("exponent") << "1e5" << false << 0;
    QTest::newRow("fraction then exponent") << "1.5E-3" << false << 0;
    QTest::newRow("plus sign") << "+1" << false << 0;
    QTest::newRow("quoted") << "\"1\"" << false << 0;
    QTest::newRow("empty") << "" << false << 0;
}

void TestCsvCells::plainDecimal()
{
    QFETCH(QString, cell);
    QFETCH(bool, accepted);
    QFETCH(int, stop);
    const std::string text = cell.toStdString();
    const char *p = text.data();
    double got = 0;
    QCOMPARE(CsvCells::parsePlainDecimal(p, text.data() + text.size(), got), accepted);
    if (!accepted)
        return;
    QCOMPARE(static_cast<int>(p - text.data()), stop);
    double want = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + stop, want);
    QVERIFY(ec == std::errc() && end == text.data() + stop);
    QCOMPARE(std::bit_cast<std::uint64_t>(got), std::bit_cast<std::uint64_t>(want));
}

QTEST_GUILESS_MAIN(TestCsvCells)
#include "tst_csv_cells.moc"

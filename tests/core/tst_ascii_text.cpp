// AsciiText: the one whitespace rule (issue 10 point 3: LogLines and CsvCells each had a trim,
// with different rules). Both readers go through it, so a cell and a log field padded with the
// same whitespace read the same, and a character outside the rule stops both.
#include "core/model/ascii_text.h"
#include "core/parsers/csv_cells.h"
#include "core/parsers/log_lines.h"

#include <QTest>

#include <string>

using hpa::core::AsciiText;
using hpa::core::CsvCells;
using hpa::core::LogLines;

class TestAsciiText : public QObject
{
    Q_OBJECT
private slots:
    void trim_data();
    void trim();
    void readersShareTheRule_data();
    void readersShareTheRule();
};

void TestAsciiText::trim_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("trimmed");
    QTest::newRow("plain") << QByteArray("12") << QByteArray("12");
    QTest::newRow("spaces") << QByteArray("  12 ") << QByteArray("12");
    // The six of std::isspace in the C locale.
    QTest::newRow("all six") << QByteArray(" \t\r\n\v\f12 \t\r\n\v\f") << QByteArray("12");
    QTest::newRow("inner kept") << QByteArray(" a b ") << QByteArray("a b");
    QTest::newRow("blank") << QByteArray(" \t ") << QByteArray("");
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    // Not whitespace here, whatever the locale says: NUL, NBSP (UTF-8 and Latin-1).
    QTest::newRow("NUL") << QByteArray("\0"
                                       "12",
                                       3)
                         << QByteArray("\0"
                                       "12",
                                       3);
    QTest::newRow("NBSP UTF-8") << QByteArray("\xc2\xa0"
                                              "12")
                                << QByteArray("\xc2\xa0"
                                              "12");
    QTest::newRow("NBSP Latin-1") << QByteArray("12\xa0") << QByteArray("12\xa0");
}

void TestAsciiText::trim()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, trimmed);
    const std::string_view got = AsciiText::trim(std::string_view(text.constData(), text.size()));
    QCOMPARE(QByteArray(got.data(), qsizetype(got.size())), trimmed);
    QCOMPARE(AsciiText::isBlank(std::string_view(text.constData(), text.size())),
             trimmed.isEmpty());
}

void TestAsciiText::readersShareTheRule_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("reads"); // as 12
    QTest::newRow("spaces") << QByteArray(" 12 ") << true;
    QTest::newRow("tab and CR") << QByteArray("\t12\r") << true;
    QTest::newRow("vertical tab, form feed") << QByteArray("\v12\f") << true;
    QTest::newRow("NBSP") << QByteArray("\xc2\xa0"
                                        "12")
                          << false;
    QTest::newRow("inner space") << QByteArray("1 2") << false;
}

void TestAsciiText::readersShareTheRule()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, reads);
    const std::string_view view(text.constData(), text.size());
    double cell = 0;
    const bool csv = CsvCells::parseNumber(view, cell) == CsvCells::Status::Ok;
    QCOMPARE(csv, reads);
    if (csv)
        QCOMPARE(cell, 12.0);
    QCOMPARE(LogLines::toInt(view).has_value(), reads);
    QCOMPARE(LogLines::toDouble(view).has_value(), reads);
    if (reads)
        QCOMPARE(*LogLines::toInt(view), 12);
}

QTEST_APPLESS_MAIN(TestAsciiText)
#include "tst_ascii_text.moc"

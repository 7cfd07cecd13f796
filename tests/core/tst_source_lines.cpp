// SourceLines keeps a row's metrics.csv line as runs of consecutive lines; every way of
// building it must read back the lines it was given.
#include "core/model/source_lines.h"
#include "core/parsers/metrics_csv_parser.h"

#include <QTest>

#include <vector>

using hpa::core::MetricsCsvParser;
using hpa::core::SourceLines;

Q_DECLARE_METATYPE(std::vector<int>)

class TestSourceLines : public QObject
{
    Q_OBJECT

private slots:
    void assignReadsBack_data();
    void assignReadsBack();
    void appendJoinsRuns();
    void removeLast();
    void pastTheEndIsUnknown();
    void parsedFileLines();
};

void TestSourceLines::assignReadsBack_data()
{
    QTest::addColumn<std::vector<int>>("lines");
    QTest::newRow("empty") << std::vector<int>{};
    QTest::newRow("one run") << std::vector<int>{2, 3, 4, 5, 6};
    QTest::newRow("gaps") << std::vector<int>{2, 3, 5, 6, 9, 10, 11};
    QTest::newRow("sorted by time") << std::vector<int>{2, 6, 4, 3, 5};
    QTest::newRow("repeats") << std::vector<int>{7, 7, 7, 8};
    QTest::newRow("single") << std::vector<int>{42};
}

void TestSourceLines::assignReadsBack()
{
    QFETCH(std::vector<int>, lines);
    SourceLines s;
    s.assign(lines);
    QCOMPARE(s.size(), lines.size());
    QCOMPARE(s.list(), lines);
    for (std::size_t i = 0; i < lines.size(); ++i)
        QCOMPARE(s.at(i), lines[i]);
}

void TestSourceLines::appendJoinsRuns()
{
    SourceLines a, b, c;
    a.assign({2, 3, 4});
    b.assign({5, 6, 8}); // continues a, then jumps
    c.assign({9});       // continues b
    a.append(b);
    a.append(SourceLines{});
    a.append(c);
    QCOMPARE(a.list(), (std::vector<int>{2, 3, 4, 5, 6, 8, 9}));
    QCOMPARE(a.at(4), 6);
    QCOMPARE(a.at(5), 8);
    QCOMPARE(a.at(6), 9);
}

void TestSourceLines::removeLast()
{
    SourceLines s;
    s.assign({2, 3, 7});
    s.removeLast();
    QCOMPARE(s.list(), (std::vector<int>{2, 3}));
    s.append(4);
    QCOMPARE(s.list(), (std::vector<int>{2, 3, 4}));
    s.removeLast();
    s.removeLast();
    s.removeLast();
    QCOMPARE(s.size(), std::size_t(0));
    s.append(10);
    QCOMPARE(s.list(), (std::vector<int>{10}));
}

void TestSourceLines::pastTheEndIsUnknown()
{
    SourceLines s;
    QCOMPARE(s.at(0), 0);
    s.assign({5, 6});
    QCOMPARE(s.at(2), 0);
}

void TestSourceLines::parsedFileLines()
{
    // Line 1 header, 2-3 rows, 4 blank, 5 bad (too few fields), 6 CRLF row, 7 goes back in
    // time, 8 row: the warnings and the table name these lines.
    const std::string text = "timestamp,replicas\n"
                             "2025-11-20T14:03:12Z,1\n"
                             "2025-11-20T14:03:17Z,2\n"
                             "\n"
                             "2025-11-20T14:03:20Z\n"
                             "2025-11-20T14:03:22Z,3\r\n"
                             "2025-11-20T14:03:00Z,4\n"
                             "2025-11-20T14:03:27Z,5\n";
    const auto r = MetricsCsvParser::parse(text, "metrics.csv");
    QCOMPARE(r.table.sourceLineList(), (std::vector<int>{7, 2, 3, 6, 8}));
    QCOMPARE(r.table.sourceLine(3), 6);
    bool short_ = false, backwards = false;
    for (const auto &w : r.warnings) {
        short_ = short_ || (w.line == 5 && w.message.find("fields") != std::string::npos);
        backwards = backwards || (w.line == 7 && w.message.find("backwards") != std::string::npos);
    }
    QVERIFY(short_);
    QVERIFY(backwards);
}

QTEST_GUILESS_MAIN(TestSourceLines)
#include "tst_source_lines.moc"

// WarningList: the one rule for warnings (list at most N per file, then one closing line with
// the count; clip each message to 300 bytes at a UTF-8 boundary).
#include "core/model/warning_list.h"

#include <QTest>

#include <string>

using hpa::core::LoadWarning;
using hpa::core::WarningList;

class TestWarningList : public QObject
{
    Q_OBJECT

private slots:
    void cap_data();
    void cap();
    void mergeKeepsTheCap();
    void mergeAnotherList();
    void clip_data();
    void clip();
};

void TestWarningList::cap_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("expectedSize");
    QTest::addColumn<QString>("lastMessage");

    QTest::newRow("none") << 3 << 0 << 0 << "";
    QTest::newRow("under the limit") << 3 << 2 << 2 << "problem 2";
    QTest::newRow("at the limit") << 3 << 3 << 3 << "problem 3";
    QTest::newRow("one over") << 3 << 4 << 4 << "1 more problem of the kinds above is not listed";
    QTest::newRow("many over") << 3 << 1000 << 4
                               << "997 more problems of the kinds above are not listed";
    QTest::newRow("default limit") << int(WarningList::kDefaultLimit) << 250 << 201
                                   << "50 more problems of the kinds above are not listed";
}

void TestWarningList::cap()
{
    QFETCH(int, limit);
    QFETCH(int, added);
    QFETCH(int, expectedSize);
    QFETCH(QString, lastMessage);
    WarningList list("scaling.log", static_cast<std::size_t>(limit));
    for (int i = 1; i <= added; ++i)
        list.add(i, "problem " + std::to_string(i));
    const std::vector<LoadWarning> w = list.take();
    QCOMPARE(int(w.size()), expectedSize);
    if (!w.empty()) {
        QCOMPARE(QString::fromStdString(w.back().message), lastMessage);
        QCOMPARE(w.back().file, std::string("scaling.log"));
        QCOMPARE(w.front().line, 1);
    }
    if (added > limit)
        QCOMPARE(w.back().line, 0); // the closing line is about the file as a whole
    QVERIFY(list.take().empty());   // take() leaves nothing behind
}

void TestWarningList::mergeKeepsTheCap()
{
    WarningList list("metrics.csv", 2);
    list.add(1, "header");
    list.merge({{"metrics.csv", 10, "a"}, {"metrics.csv", 11, "b"}, {"metrics.csv", 12, "c"}}, 5);
    const std::vector<LoadWarning> w = list.take();
    QCOMPARE(w.size(), std::size_t(3));
    QCOMPARE(w[1].line, 10);
    QCOMPARE(w[2].message, std::string("7 more problems of the kinds above are not listed"));
}

void TestWarningList::mergeAnotherList()
{
    // A slice read on another thread: its listed warnings and its count both carry over,
    // and it is left empty (no closing line of its own).
    WarningList slice("metrics.csv", 2);
    for (int line = 10; line < 15; ++line)
        slice.add(line, "bad row");
    WarningList list("metrics.csv", 3);
    list.add(1, "header");
    list.merge(std::move(slice));
    QCOMPARE(slice.listed(), std::size_t(0));
    QCOMPARE(slice.suppressed(), std::size_t(0));
    QVERIFY(slice.take().empty());
    const std::vector<LoadWarning> w = list.take();
    QCOMPARE(w.size(), std::size_t(4));
    QCOMPARE(w[2].line, 11);
    QCOMPARE(w[3].message, std::string("3 more problems of the kinds above are not listed"));
}

void TestWarningList::clip_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<QString>("filler"); ///< repeated to `bytes`
    QTest::addColumn<int>("expectedBytes");

    QTest::newRow("short") << 20 << "x" << 20;
    QTest::newRow("exactly the limit") << 300 << "x" << 300;
    QTest::newRow("one over") << 301 << "x" << 300;
    QTest::newRow("100 MB line") << 100'000'000 << "x" << 300;
    // "é" is two bytes: a cut at 297 would split one, so the message ends at 296 + "...".
    QTest::newRow("two-byte characters") << 1000 << "é" << 299;
}

void TestWarningList::clip()
{
    QFETCH(int, bytes);
    QFETCH(QString, filler);
    QFETCH(int, expectedBytes);
    const std::string unit = filler.toStdString();
    std::string message;
    message.reserve(static_cast<std::size_t>(bytes));
    while (message.size() + unit.size() <= static_cast<std::size_t>(bytes))
        message += unit;
    WarningList list("x.log");
    list.add(1, message);
    const std::string got = list.take().front().message;
    QCOMPARE(int(got.size()), expectedBytes);
    if (expectedBytes < bytes) {
        QVERIFY(got.ends_with("..."));
        QVERIFY(QString::fromUtf8(got.data(), qsizetype(got.size())).isValidUtf16());
        QVERIFY(!QString::fromUtf8(got.data(), qsizetype(got.size()))
                     .contains(QChar::ReplacementCharacter));
    }
}

QTEST_APPLESS_MAIN(TestWarningList)
#include "tst_warning_list.moc"

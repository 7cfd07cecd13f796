#include "core/model/column_values.h"

#include <QTest>

#include <cmath>
#include <thread>
#include <utility>
#include <vector>

using hpa::core::ColumnValues;

namespace {

std::vector<double> valuesOf(const ColumnValues &c)
{
    return c.toVector();
}

} // namespace

class TestColumnValues : public QObject
{
    Q_OBJECT

private slots:
    void buildsLikeAVector_data();
    void buildsLikeAVector();
    void copiesShareStorage();
    void appendingAtTheEndOfASharedStorageWritesInPlace();
    void onlyOneCopyMayGoOnFromTheSameEnd();
    void changingSharedValuesCopiesFirst();
    void uniqueValuesAreChangedInPlace();
    void aShortenedCopyAppendsToACopy();
    void extendGivesTheNewValues();
    void movedFromIsEmpty();
    void snapshotsReadOnOtherThreadsStayUnchanged();
};

void TestColumnValues::buildsLikeAVector_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<std::vector<double>>("expected");
    QTest::newRow("count and value") << 0 << std::vector<double>{7, 7, 7};
    QTest::newRow("initializer list") << 1 << std::vector<double>{1, 2, 3};
    QTest::newRow("push_back") << 2 << std::vector<double>{0, 1, 2, 3, 4};
    QTest::newRow("resize grows with the value") << 3 << std::vector<double>{1, 2, 9, 9};
    QTest::newRow("resize shrinks") << 4 << std::vector<double>{1};
    QTest::newRow("assign") << 5 << std::vector<double>{4, 4};
    QTest::newRow("from a vector") << 6 << std::vector<double>{5, 6};
}

void TestColumnValues::buildsLikeAVector()
{
    QFETCH(int, operation);
    QFETCH(std::vector<double>, expected);
    ColumnValues c;
    switch (operation) {
    case 0:
        c = ColumnValues(3, 7.0);
        break;
    case 1:
        c = {1, 2, 3};
        break;
    case 2:
        for (int i = 0; i < 5; ++i)
            c.push_back(i);
        break;
    case 3:
        c = {1, 2};
        c.resize(4, 9.0);
        break;
    case 4:
        c = {1, 2, 3};
        c.resize(1);
        break;
    case 5:
        c = {1, 2, 3};
        c.assign(2, 4.0);
        break;
    case 6:
        c = std::vector<double>{5, 6};
        break;
    }
    QCOMPARE(valuesOf(c), expected);
    QCOMPARE(c.size(), expected.size());
    QCOMPARE(c.empty(), expected.empty());
}

void TestColumnValues::copiesShareStorage()
{
    const ColumnValues a{1, 2, 3};
    const ColumnValues b = a;
    QVERIFY(b.sharesStorageWith(a));
    QCOMPARE(b.data(), a.data());
    QVERIFY(a == b);
    QVERIFY(!ColumnValues{}.sharesStorageWith(ColumnValues{}));
}

void TestColumnValues::appendingAtTheEndOfASharedStorageWritesInPlace()
{
    ColumnValues a;
    a.reserve(100);
    a.append(std::vector<double>{1, 2, 3});
    ColumnValues b = a;
    b.push_back(4);
    // b wrote past a's end in the same storage; a sees what it saw.
    QVERIFY(b.sharesStorageWith(a));
    QCOMPARE(valuesOf(a), (std::vector<double>{1, 2, 3}));
    QCOMPARE(valuesOf(b), (std::vector<double>{1, 2, 3, 4}));
    // And a copy of b goes on from there, still in place.
    ColumnValues c = b;
    c.append(std::vector<double>{5, 6});
    QVERIFY(c.sharesStorageWith(a));
    QCOMPARE(valuesOf(b), (std::vector<double>{1, 2, 3, 4}));
    QCOMPARE(valuesOf(c), (std::vector<double>{1, 2, 3, 4, 5, 6}));
}

void TestColumnValues::onlyOneCopyMayGoOnFromTheSameEnd()
{
    ColumnValues a;
    a.reserve(100);
    a.append(std::vector<double>{1, 2});
    ColumnValues b = a;
    ColumnValues c = a;
    b.push_back(3);
    c.push_back(30); // b wrote there first: c copies
    QVERIFY(b.sharesStorageWith(a));
    QVERIFY(!c.sharesStorageWith(a));
    QCOMPARE(valuesOf(b), (std::vector<double>{1, 2, 3}));
    QCOMPARE(valuesOf(c), (std::vector<double>{1, 2, 30}));
    QCOMPARE(valuesOf(a), (std::vector<double>{1, 2}));
}

void TestColumnValues::changingSharedValuesCopiesFirst()
{
    const ColumnValues a{1, 2, 3};
    ColumnValues b = a;
    b[1] = 20;
    QVERIFY(!b.sharesStorageWith(a));
    QCOMPARE(valuesOf(a), (std::vector<double>{1, 2, 3}));
    QCOMPARE(valuesOf(b), (std::vector<double>{1, 20, 3}));
    ColumnValues c = a;
    for (double &v : c)
        v *= 100;
    QCOMPARE(valuesOf(a), (std::vector<double>{1, 2, 3}));
    QCOMPARE(valuesOf(c), (std::vector<double>{100, 200, 300}));
}

void TestColumnValues::uniqueValuesAreChangedInPlace()
{
    ColumnValues a{1, 2, 3};
    const double *before = std::as_const(a).data();
    a[0] = 10;
    a.push_back(4);
    if (a.capacity() >= 4)
        QCOMPARE(std::as_const(a).data(), before);
    QCOMPARE(valuesOf(a), (std::vector<double>{10, 2, 3, 4}));
    {
        const ColumnValues copy = a; // gone again before the next change
        Q_UNUSED(copy);
    }
    const double *now = std::as_const(a).data();
    a[1] = 20;
    QCOMPARE(std::as_const(a).data(), now);
}

void TestColumnValues::aShortenedCopyAppendsToACopy()
{
    ColumnValues a;
    a.reserve(100);
    a.append(std::vector<double>{1, 2, 3});
    ColumnValues b = a;
    b.resize(1);
    b.push_back(7); // a's 2 is there: b may not write over it
    QVERIFY(!b.sharesStorageWith(a));
    QCOMPARE(valuesOf(a), (std::vector<double>{1, 2, 3}));
    QCOMPARE(valuesOf(b), (std::vector<double>{1, 7}));
}

void TestColumnValues::extendGivesTheNewValues()
{
    ColumnValues a{1, 2};
    const std::span<double> added = a.extend(3);
    QCOMPARE(added.size(), std::size_t(3));
    for (std::size_t i = 0; i < added.size(); ++i)
        added[i] = 10.0 + double(i);
    QCOMPARE(valuesOf(a), (std::vector<double>{1, 2, 10, 11, 12}));
    QVERIFY(a.extend(0).empty());
}

void TestColumnValues::movedFromIsEmpty()
{
    ColumnValues a{1, 2, 3};
    ColumnValues b = std::move(a);
    QCOMPARE(a.size(), std::size_t(0)); // NOLINT(bugprone-use-after-move)
    QCOMPARE(std::as_const(a).data(), nullptr);
    a.push_back(5);
    QCOMPARE(valuesOf(a), (std::vector<double>{5}));
    QCOMPARE(valuesOf(b), (std::vector<double>{1, 2, 3}));
}

void TestColumnValues::snapshotsReadOnOtherThreadsStayUnchanged()
{
    // A follower appends a row at a time and hands out copies; a reader thread checks every
    // copy it was given while the appending goes on (run under ASan/UBSan in CI).
    constexpr int kRows = 20000;
    ColumnValues column;
    std::vector<ColumnValues> snapshots;
    snapshots.reserve(kRows / 100);
    for (int i = 0; i < kRows; ++i) {
        column.push_back(double(i));
        if (i % 100 == 99)
            snapshots.push_back(column);
    }
    std::vector<ColumnValues> handed = snapshots;
    bool readerOk = true;
    std::thread reader([&handed, &readerOk] {
        for (const ColumnValues &s : handed) {
            for (std::size_t i = 0; i < s.size(); ++i)
                readerOk = readerOk && s[i] == double(i);
        }
    });
    for (int i = kRows; i < 2 * kRows; ++i)
        column.push_back(double(i));
    reader.join();
    QVERIFY(readerOk);
    QCOMPARE(column.size(), std::size_t(2 * kRows));
    for (std::size_t i = 0; i < column.size(); ++i)
        QCOMPARE(std::as_const(column)[i], double(i));
    // Appending a row at a time copied each value a few times at most (doubling storage).
    QVERIFY(snapshots.back().sharesStorageWith(snapshots[snapshots.size() - 2]));
}

QTEST_APPLESS_MAIN(TestColumnValues)
#include "tst_column_values.moc"

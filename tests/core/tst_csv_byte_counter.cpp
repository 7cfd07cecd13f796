// CsvByteCounter: the counting pass's newline and comma counts, exact for every length and
// alignment (the 16-byte SSE2 blocks, the 8-byte words, the byte-by-byte tail, and the lane
// sums every 255 blocks).
#include "core/parsers/csv_byte_counter.h"

#include <QTest>

#include <cstdint>

using hpa::core::CsvByteCounter;

class TestCsvByteCounter : public QObject
{
    Q_OBJECT

private slots:
    void counts_data();
    void counts();
    void anyAlignment();
};

void TestCsvByteCounter::counts_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qulonglong>("lines");
    QTest::addColumn<qulonglong>("commas");

    QTest::newRow("empty") << QByteArray() << 0ULL << 0ULL;
    QTest::newRow("one newline") << QByteArray("\n") << 1ULL << 0ULL;
    // 7 bytes: the byte-by-byte tail only.
    QTest::newRow("tail only") << QByteArray("1,2,3\n,") << 1ULL << 3ULL;
    // 12 bytes: one 8-byte word and a tail.
    QTest::newRow("word and tail") << QByteArray("a,b\nc,d\ne,f\n") << 3ULL << 3ULL;
    // 16 bytes: exactly one SSE2 block.
    QTest::newRow("one block") << QByteArray("12,34,56,78,90\n\n") << 2ULL << 4ULL;
    // 4080 = 255 blocks of 16: every byte lane reaches 255, the most it can hold.
    QTest::newRow("lanes full") << QByteArray(4080, '\n') << 4080ULL << 0ULL;
    // 4096 newlines: the lanes are summed after 255 blocks and start again.
    QTest::newRow("lanes summed and reused") << QByteArray(4096, '\n') << 4096ULL << 0ULL;
    QTest::newRow("all commas, 100 000") << QByteArray(100000, ',') << 0ULL << 100000ULL;
    // A monitor row: 11 fields, 10 commas, 1 newline, 54 bytes; 1000 rows and 3 bytes more.
    QTest::newRow("metrics rows")
        << QByteArray("2025-11-24 15:57:33,1,1,0,5,0.12,0.8,10.5,20.25,3.5,7\n").repeated(1000) +
               "1,2"
        << 1000ULL << 10001ULL;
    // Bytes that differ from '\n' (0x0A) and ',' (0x2C) only in the high bit or one low bit
    // must not count: the word trick compares whole bytes.
    QTest::newRow("near misses") << QByteArray("\x8A\xAC\x0B\x2D\x08\x2E\x0A\x2C", 8).repeated(300)
                                 << 300ULL << 300ULL;
    QTest::newRow("no matches") << QByteArray(1000, 'x') << 0ULL << 0ULL;
}

void TestCsvByteCounter::counts()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qulonglong, lines);
    QFETCH(qulonglong, commas);
    CsvByteCounter::Counts counts;
    CsvByteCounter::add(bytes.constData(), static_cast<std::size_t>(bytes.size()), counts);
    QCOMPARE(qulonglong(counts.lines), lines);
    QCOMPARE(qulonglong(counts.commas), commas);
    // Counts add up: a second call over the same bytes doubles them.
    CsvByteCounter::add(bytes.constData(), static_cast<std::size_t>(bytes.size()), counts);
    QCOMPARE(qulonglong(counts.lines), 2 * lines);
    QCOMPARE(qulonglong(counts.commas), 2 * commas);
}

void TestCsvByteCounter::anyAlignment()
{
    // Every start offset 0..15 and every length 0..70 of a buffer with a newline every 3rd
    // byte and a comma every 5th, against the count byte by byte.
    QByteArray buffer(100, 'x');
    for (int i = 0; i < buffer.size(); ++i) {
        if (i % 3 == 0)
            buffer[i] = '\n';
        else if (i % 5 == 0)
            buffer[i] = ',';
    }
    for (int start = 0; start < 16; ++start) {
        for (int length = 0; start + length <= 86; ++length) {
            std::uint64_t lines = 0, commas = 0;
            for (int i = start; i < start + length; ++i) {
                lines += buffer[i] == '\n';
                commas += buffer[i] == ',';
            }
            CsvByteCounter::Counts counts;
            CsvByteCounter::add(buffer.constData() + start, static_cast<std::size_t>(length),
                                counts);
            QCOMPARE(counts.lines, lines);
            QCOMPARE(counts.commas, commas);
        }
    }
}

QTEST_GUILESS_MAIN(TestCsvByteCounter)
#include "tst_csv_byte_counter.moc"

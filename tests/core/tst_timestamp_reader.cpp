// TimestampReader's once-per-minute shortcut must give exactly what Timestamp::parse gives,
// whatever row came before: the same minute with other endings, other minutes, bad rows.
#include "core/model/timestamp.h"
#include "core/parsers/timestamp_reader.h"

#include <QTest>

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

using hpa::core::ParsedTime;
using hpa::core::Timestamp;
using hpa::core::TimestampReader;

Q_DECLARE_METATYPE(std::vector<std::string>)

class TestTimestampReader : public QObject
{
    Q_OBJECT

private slots:
    void sameAsParse_data();
    void sameAsParse();
    void knownValues();
};

void TestTimestampReader::sameAsParse_data()
{
    QTest::addColumn<std::vector<std::string>>("rows");

    QTest::newRow("naive run across a minute") << std::vector<std::string>{
        "2025-12-01 10:00:50", "2025-12-01 10:00:55", "2025-12-01 10:01:00", "2025-12-01 10:01:05"};
    QTest::newRow("zoned run") << std::vector<std::string>{
        "2025-11-20T14:03:12Z", "2025-11-20T14:03:17Z", "2025-11-20T14:03:22z"};
    QTest::newRow("same minute, other endings") << std::vector<std::string>{
        "2025-11-20T14:03:12Z",     "2025-11-20T14:03:13+01:00", "2025-11-20T14:03:14.250Z",
        "2025-11-20T14:03:15.5",    "2025-11-20T14:03:16 ",      "2025-11-20T14:03:17Zx",
        "2025-11-20T14:03:18-0230", "2025-11-20T14:03:19",       "2025-11-20T14:03:20Z"};
    QTest::newRow("leap second and beyond") << std::vector<std::string>{
        "2025-06-30 23:59:58", "2025-06-30 23:59:60", "2025-06-30 23:59:61",
        "2025-06-30 23:59:99", "2025-06-30 23:59:5x", "2025-06-30 23:59:59"};
    QTest::newRow("separator differs") << std::vector<std::string>{
        "2025-11-24 15:57:38", "2025-11-24T15:57:39", "2025-11-24 15:57:40"};
    QTest::newRow("bad rows between good ones") << std::vector<std::string>{"2025-02-28 23:59:58",
                                                                            "2025-02-29 00:00:01",
                                                                            "2025-02-28 23:59:59",
                                                                            "2025-13-01 00:00:00",
                                                                            "2025-02-28 24:00:00",
                                                                            "2025-02-28 23:60:00",
                                                                            "garbage",
                                                                            "",
                                                                            "2025-02-28 23:59:57"};
    QTest::newRow("leap day") << std::vector<std::string>{"2024-02-29 12:00:00",
                                                          "2024-02-29 12:00:30"};
    QTest::newRow("quoted and padded") << std::vector<std::string>{
        "2025-11-20 14:03:12", "\"2025-11-20 14:03:13\"", " 2025-11-20 14:03:14",
        "2025-11-20 14:03:15\r", "2025-11-20 14:03:16"};
    QTest::newRow("epoch seconds between") << std::vector<std::string>{
        "2025-11-20 14:03:12", "1763647393", "1763647393.5", "2025-11-20 14:03:14"};
    QTest::newRow("short and long") << std::vector<std::string>{
        "2025-11-20 14:03:12", "2025-11-20 14:03:1", "2025-11-20 14:03:123", "2025-11-20 14:03",
        "2025-11-20 14:03:12"};
    QTest::newRow("before 1970") << std::vector<std::string>{"1969-12-31 23:59:58",
                                                             "1969-12-31 23:59:59"};
}

void TestTimestampReader::sameAsParse()
{
    QFETCH(std::vector<std::string>, rows);
    TimestampReader reader;
    // Twice over, so every row also comes after the one that ends the list.
    for (int round = 0; round < 2; ++round) {
        for (const std::string &row : rows) {
            const std::optional<ParsedTime> want = Timestamp::parse(row);
            const std::optional<ParsedTime> got = reader.read(row);
            QVERIFY2(got.has_value() == want.has_value(), row.c_str());
            if (!want)
                continue;
            QVERIFY2(std::bit_cast<std::uint64_t>(got->seconds) ==
                         std::bit_cast<std::uint64_t>(want->seconds),
                     row.c_str());
            QVERIFY2(got->naive == want->naive, row.c_str());
        }
    }
}

void TestTimestampReader::knownValues()
{
    // Worked out by hand: 2025-11-20 is day 20412 since 1970-01-01.
    TimestampReader reader;
    const double day = 20412.0 * 86400.0;
    QCOMPARE(reader.read("2025-11-20T14:03:12Z")->seconds, day + 14 * 3600 + 3 * 60 + 12);
    QCOMPARE(reader.read("2025-11-20T14:03:17Z")->seconds, day + 14 * 3600 + 3 * 60 + 17);
    QVERIFY(!reader.read("2025-11-20T14:03:17Z")->naive);
    QCOMPARE(reader.read("2025-11-20 14:03:60")->seconds, day + 14 * 3600 + 4 * 60);
    QVERIFY(reader.read("2025-11-20 14:03:60")->naive);
    QVERIFY(!reader.read("2025-11-20 14:03:61"));
}

QTEST_GUILESS_MAIN(TestTimestampReader)
#include "tst_timestamp_reader.moc"

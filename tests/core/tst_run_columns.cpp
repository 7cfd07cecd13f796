#include "core/library/run_columns.h"

#include <QTest>

using hpa::core::RunColumns;
using hpa::core::RunRow;

namespace {

RunRow row(const std::string &path, std::optional<double> hours, const std::string &tags = {})
{
    RunRow r;
    r.path = path;
    r.name = path.substr(path.rfind('/') + 1);
    r.replicaHours = hours;
    r.tags = tags;
    return r;
}

} // namespace

class TestRunColumns : public QObject
{
    Q_OBJECT

private slots:
    void keysAreUniqueAndInIdOrder()
    {
        const auto &all = RunColumns::all();
        QCOMPARE(all.size(), std::size_t(RunColumns::Count));
        for (std::size_t i = 0; i < all.size(); ++i) {
            QCOMPARE(std::size_t(all[i].id), i);
            QCOMPARE(RunColumns::fromKey(all[i].key), std::optional(all[i].id));
        }
        QVERIFY(!RunColumns::fromKey("nope"));
    }
    void text_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("replica-hours 3 decimals")
            << int(RunColumns::ReplicaHours) << 1.23456 << "1.235";
        QTest::newRow("theta one decimal") << int(RunColumns::ThetaU) << 12.345 << "12.3";
        QTest::newRow("samples whole") << int(RunColumns::Samples) << 300.0 << "300";
        QTest::newRow("duration mm:ss") << int(RunColumns::Duration) << 1495.0 << "24:55";
    }
    void text()
    {
        QFETCH(int, column);
        QFETCH(double, value);
        QFETCH(QString, expected);
        RunRow r;
        r.replicaHours = r.thetaUPct = r.samples = r.durationSeconds = value;
        QCOMPARE(QString::fromStdString(RunColumns::text(r, RunColumns::Id(column))), expected);
        // Unknown is never shown as 0.
        QCOMPARE(RunColumns::text(RunRow{}, RunColumns::Id(column)), std::string());
    }
    void unknownSortsLast()
    {
        const RunRow a = row("/a", 2.0), b = row("/b", std::nullopt), c = row("/c", 1.0);
        QVERIFY(RunColumns::less(c, a, RunColumns::ReplicaHours));
        QVERIFY(RunColumns::less(a, b, RunColumns::ReplicaHours));
        QVERIFY(!RunColumns::less(b, c, RunColumns::ReplicaHours));
        QVERIFY(RunColumns::less(a, c, RunColumns::Name));
    }
    void filterMatchesEveryWord()
    {
        const RunRow r = row("/data/2025/hpa-kv-70", 1.0, "baseline fast");
        QVERIFY(RunColumns::matches(r, ""));
        QVERIFY(RunColumns::matches(r, "KV 2025"));
        QVERIFY(RunColumns::matches(r, "baseline"));
        QVERIFY(!RunColumns::matches(r, "kv slow"));
    }
};

QTEST_GUILESS_MAIN(TestRunColumns)
#include "tst_run_columns.moc"

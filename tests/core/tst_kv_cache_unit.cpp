#include "core/model/kv_cache_unit.h"

#include <QList>
#include <QTest>

#include <limits>
#include <optional>
#include <vector>

using hpa::core::KvCacheNormalizer;
using hpa::core::KvCacheRule;
using hpa::core::KvCacheUnit;

Q_DECLARE_METATYPE(KvCacheUnit)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> toVector(const QList<double> &list)
{
    return {list.begin(), list.end()};
}

} // namespace

class TestKvCacheUnit : public QObject
{
    Q_OBJECT

private slots:
    void detectFromTarget_data();
    void detectFromTarget();
    void detectFromData_data();
    void detectFromData();
    void forced_data();
    void forced();
    void factor_data();
    void factor();
    void unitKeys();
};

void TestKvCacheUnit::detectFromTarget_data()
{
    QTest::addColumn<double>("target");
    QTest::addColumn<KvCacheUnit>("unit");
    QTest::addColumn<QString>("reason");

    QTest::newRow("0.5 fraction") << 0.5 << KvCacheUnit::Fraction << "target 0.5 <= 1: fraction";
    QTest::newRow("1 fraction") << 1.0 << KvCacheUnit::Fraction << "target 1 <= 1: fraction";
    QTest::newRow("1.5 percent") << 1.5 << KvCacheUnit::Percent
                                 << "target 1.5 in (1, 100]: percent";
    QTest::newRow("50 percent") << 50.0 << KvCacheUnit::Percent << "target 50 in (1, 100]: percent";
    QTest::newRow("100 percent") << 100.0 << KvCacheUnit::Percent
                                 << "target 100 in (1, 100]: percent";
    QTest::newRow("100.5 milli") << 100.5 << KvCacheUnit::Milli
                                 << "target 100.5 > 100: milli-units";
    QTest::newRow("500 milli") << 500.0 << KvCacheUnit::Milli << "target 500 > 100: milli-units";
}

void TestKvCacheUnit::detectFromTarget()
{
    QFETCH(double, target);
    QFETCH(KvCacheUnit, unit);
    QFETCH(QString, reason);
    // Data that alone would point elsewhere: the target must win.
    const KvCacheRule rule =
        KvCacheNormalizer::detect(target, std::vector<double>{0.2, 250.0, 37.0});
    QCOMPARE(rule.unit, unit);
    QCOMPARE(QString::fromStdString(rule.reason), reason);
    QVERIFY(!rule.overridden);
}

void TestKvCacheUnit::detectFromData_data()
{
    QTest::addColumn<bool>("hasTarget");
    QTest::addColumn<double>("target");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<KvCacheUnit>("unit");
    QTest::addColumn<QString>("reasonFragment");

    QTest::newRow("no target, max 0.997") << false << 0.0 << QList<double>{0.0, 0.997, 0.4}
                                          << KvCacheUnit::Fraction << "data maximum 0.997";
    QTest::newRow("no target, max 56.9")
        << false << 0.0 << QList<double>{12.0, 56.9} << KvCacheUnit::Percent << "data maximum 56.9";
    QTest::newRow("no target, max 569") << false << 0.0 << QList<double>{0.0, 224.0, 569.0}
                                        << KvCacheUnit::Milli << "data maximum 569";
    QTest::newRow("NaN skipped for max") << false << 0.0 << QList<double>{kNaN, 0.5, kNaN}
                                         << KvCacheUnit::Fraction << "data maximum 0.5";
    QTest::newRow("target 0 ignored")
        << true << 0.0 << QList<double>{80.0} << KvCacheUnit::Percent << "no target";
    QTest::newRow("target NaN ignored")
        << true << kNaN << QList<double>{300.0} << KvCacheUnit::Milli << "no target";
    QTest::newRow("nothing at all")
        << false << 0.0 << QList<double>{} << KvCacheUnit::Fraction << "no target and no values";
    QTest::newRow("only NaN") << false << 0.0 << QList<double>{kNaN, kNaN} << KvCacheUnit::Fraction
                              << "no target and no values";
}

void TestKvCacheUnit::detectFromData()
{
    QFETCH(bool, hasTarget);
    QFETCH(double, target);
    QFETCH(QList<double>, values);
    QFETCH(KvCacheUnit, unit);
    QFETCH(QString, reasonFragment);
    const std::optional<double> t = hasTarget ? std::optional(target) : std::nullopt;
    const KvCacheRule rule = KvCacheNormalizer::detect(t, toVector(values));
    QCOMPARE(rule.unit, unit);
    QVERIFY2(QString::fromStdString(rule.reason).contains(reasonFragment), rule.reason.c_str());
    QVERIFY(!rule.overridden);
}

void TestKvCacheUnit::forced_data()
{
    QTest::addColumn<KvCacheUnit>("unit");
    QTest::addColumn<QString>("reason");

    QTest::newRow("fraction") << KvCacheUnit::Fraction << "set by the user: fraction";
    QTest::newRow("percent") << KvCacheUnit::Percent << "set by the user: percent";
    QTest::newRow("milli") << KvCacheUnit::Milli << "set by the user: milli";
}

void TestKvCacheUnit::forced()
{
    QFETCH(KvCacheUnit, unit);
    QFETCH(QString, reason);
    const KvCacheRule rule = KvCacheNormalizer::forced(unit);
    QCOMPARE(rule.unit, unit);
    QVERIFY(rule.overridden);
    QCOMPARE(QString::fromStdString(rule.reason), reason);
}

void TestKvCacheUnit::factor_data()
{
    QTest::addColumn<KvCacheUnit>("unit");
    QTest::addColumn<double>("raw");
    QTest::addColumn<double>("percent");

    QTest::newRow("fraction 0.5") << KvCacheUnit::Fraction << 0.5 << 50.0;
    QTest::newRow("percent 50") << KvCacheUnit::Percent << 50.0 << 50.0;
    QTest::newRow("milli 500") << KvCacheUnit::Milli << 500.0 << 50.0;
    QTest::newRow("milli 224") << KvCacheUnit::Milli << 224.0 << 22.4;
}

void TestKvCacheUnit::factor()
{
    QFETCH(KvCacheUnit, unit);
    QFETCH(double, raw);
    QFETCH(double, percent);
    KvCacheRule rule;
    rule.unit = unit;
    QCOMPARE(raw * rule.toPercentFactor(), percent);
}

void TestKvCacheUnit::unitKeys()
{
    for (KvCacheUnit unit : {KvCacheUnit::Fraction, KvCacheUnit::Percent, KvCacheUnit::Milli}) {
        const auto back = KvCacheNormalizer::unitFromKey(KvCacheNormalizer::unitKey(unit));
        QVERIFY(back.has_value());
        QCOMPARE(*back, unit);
    }
    QCOMPARE(std::string(KvCacheNormalizer::unitKey(KvCacheUnit::Milli)), std::string("milli"));
    QVERIFY(!KvCacheNormalizer::unitFromKey("Percent").has_value());
    QVERIFY(!KvCacheNormalizer::unitFromKey("").has_value());
    QVERIFY(!KvCacheNormalizer::unitFromKey("m").has_value());
}

QTEST_GUILESS_MAIN(TestKvCacheUnit)
#include "tst_kv_cache_unit.moc"

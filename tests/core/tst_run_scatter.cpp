// RunScatter (issue 14): which runs the library's scatter places and which are on its Pareto
// front — one rule for the window's scatter and `hpa-lens table --scatter`.
#include "core/library/run_scatter.h"

#include <QTest>

#include <stdexcept>

using namespace hpa::core;

class TestRunScatter : public QObject
{
    Q_OBJECT

private slots:
    void placesAndFront_data();
    void placesAndFront();
    void parseAxes_data();
    void parseAxes();
};

namespace {

RunRow row(const char *name, std::optional<double> hours, std::optional<double> theta,
           RunRow::Status status = RunRow::Status::Ok)
{
    RunRow r;
    r.name = name;
    r.path = std::string("/runs/") + name;
    r.replicaHours = hours;
    r.thetaUPct = theta;
    r.status = status;
    return r;
}

} // namespace

void TestRunScatter::placesAndFront_data()
{
    QTest::addColumn<QStringList>("placed");
    QTest::addColumn<QStringList>("front");
    QTest::addColumn<int>("unplaced");
    // Cost (replica-hours) and θU (%), both lower is better: a (1, 9), b (2, 5), c (3, 6),
    // d (4, 1). c is beaten by b on both axes; a, b and d trade off. e lacks θU, f is missing.
    QTest::newRow("trade-offs") << QStringList{"a", "b", "c", "d"} << QStringList{"a", "b", "d"}
                                << 2;
}

void TestRunScatter::placesAndFront()
{
    QFETCH(QStringList, placed);
    QFETCH(QStringList, front);
    QFETCH(int, unplaced);
    const std::vector<RunRow> rows{row("a", 1, 9),
                                   row("b", 2, 5),
                                   row("c", 3, 6),
                                   row("d", 4, 1),
                                   row("e", 5, std::nullopt),
                                   row("f", 0.5, 0.5, RunRow::Status::Missing)};
    const RunScatter s = RunScatter::of(rows, RunScatter::kDefaultX, RunScatter::kDefaultY);
    QVERIFY(s.hasFront);
    QCOMPARE(s.unplaced, unplaced);
    QStringList names, onFront;
    for (const RunScatter::Point &p : s.points) {
        names << QString::fromStdString(p.name);
        if (p.pareto)
            onFront << QString::fromStdString(p.name);
    }
    QCOMPARE(names, placed);
    QCOMPARE(onFront, front);
    // A column with no better direction (duration) has no front.
    const RunScatter none = RunScatter::of(rows, RunColumns::Duration, RunColumns::ThetaU);
    QVERIFY(!none.hasFront);
    QCOMPARE(none.points.size(), std::size_t(0)); // no durations in these rows
    QCOMPARE(none.unplaced, 6);
}

void TestRunScatter::parseAxes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::newRow("empty: the default")
        << "" << true << int(RunColumns::ReplicaHours) << int(RunColumns::ThetaU);
    QTest::newRow("two numbers") << "duration_s,replica_hours" << true << int(RunColumns::Duration)
                                 << int(RunColumns::ReplicaHours);
    QTest::newRow("a text column") << "name,theta_u_pct" << false << 0 << 0;
    QTest::newRow("unknown") << "nope,theta_u_pct" << false << 0 << 0;
    QTest::newRow("one key") << "theta_u_pct" << false << 0 << 0;
    QTest::newRow("three keys") << "replica_hours,theta_u_pct,tau_u_pct" << false << 0 << 0;
}

void TestRunScatter::parseAxes()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, x);
    QFETCH(int, y);
    try {
        const auto [px, py] = RunScatter::parseAxes(text.toStdString());
        QVERIFY(valid);
        QCOMPARE(int(px), x);
        QCOMPARE(int(py), y);
    } catch (const std::invalid_argument &e) {
        QVERIFY2(!valid, e.what());
        QVERIFY(QByteArray(e.what()).contains("replica_hours"));
    }
}

QTEST_APPLESS_MAIN(TestRunScatter)
#include "tst_run_scatter.moc"

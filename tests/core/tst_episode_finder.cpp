// Which scorecard episode a scaling event belongs to (selecting a scale-up in the events dock
// shows that episode's waterfall). Episodes and moments worked out by hand.
#include "core/analysis/episode_finder.h"

#include <QTest>

using hpa::core::EpisodeFinder;
using hpa::core::ScalingEpisode;

namespace {

ScalingEpisode episode(double breach, std::optional<double> decision, std::optional<double> relief)
{
    ScalingEpisode e;
    e.breachS = breach;
    e.decisionS = decision;
    e.caughtUpS = decision;
    e.reliefS = relief;
    return e;
}

/// Breach 100, decision 120, relief 200; breach 400, decision 420, relief 500; breach 900,
/// no decision, censored (run ended).
std::vector<ScalingEpisode> threeEpisodes()
{
    return {episode(100, 120, 200), episode(400, 420, 500), episode(900, std::nullopt, {})};
}

} // namespace

class TestEpisodeFinder : public QObject
{
    Q_OBJECT

private slots:
    void forMoment_data();
    void forMoment();
};

void TestEpisodeFinder::forMoment_data()
{
    QTest::addColumn<double>("elapsed");
    QTest::addColumn<int>("expected"); // -1: none

    QTest::newRow("at the decision") << 120.0 << 0;
    QTest::newRow("inside, after the decision") << 150.0 << 0;
    // The log's clock and the samples' differ by up to one interval (10 s here).
    QTest::newRow("one interval before the breach") << 91.0 << 0;
    QTest::newRow("more than one interval before") << 85.0 << -1;
    QTest::newRow("one interval after relief") << 210.0 << 0;
    QTest::newRow("between episodes") << 300.0 << -1;
    QTest::newRow("second episode") << 430.0 << 1;
    QTest::newRow("censored: open to the end") << 5000.0 << 2;
}

void TestEpisodeFinder::forMoment()
{
    QFETCH(double, elapsed);
    QFETCH(int, expected);
    const auto found = EpisodeFinder::forMoment(threeEpisodes(), elapsed, 10);
    QCOMPARE(found ? int(*found) : -1, expected);
}

QTEST_GUILESS_MAIN(TestEpisodeFinder)
#include "tst_episode_finder.moc"

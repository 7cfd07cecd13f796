#include "core/analysis/alignment.h"

#include <QTest>

#include <optional>

#include <limits>
#include <vector>

using hpa::core::Alignment;
using hpa::core::AlignMode;
using hpa::core::EventKind;
using hpa::core::Experiment;
using hpa::core::ScalingEvent;

Q_DECLARE_METATYPE(AlignMode)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Samples at 100, 110, 120, 130; jobs start at 120; scale-ups at 125 and 128.
Experiment sampleRun(bool withJobs = true, bool withScaleUp = true)
{
    Experiment e;
    if (withJobs)
        e.metrics.addColumn("active_jobs", "active_jobs");
    e.metrics.addColumn("replicas", "replicas");
    const std::vector<double> jobs{kNaN, 0, 2, 3};
    for (int i = 0; i < 4; ++i) {
        std::vector<double> row;
        if (withJobs)
            row.push_back(jobs[std::size_t(i)]);
        row.push_back(1);
        e.metrics.appendRow(100.0 + 10 * i, i + 2, row);
    }
    ScalingEvent changed;
    changed.time = 105;
    changed.kind = EventKind::ReplicasChanged;
    ScalingEvent down;
    down.time = 112;
    down.kind = EventKind::ScaleDown;
    e.events = {changed, down};
    if (withScaleUp) {
        ScalingEvent up;
        up.time = 125;
        up.kind = EventKind::ScaleUp;
        ScalingEvent later = up;
        later.time = 128;
        e.events.push_back(up);
        e.events.push_back(later);
    }
    return e;
}

} // namespace

class TestAlignment : public QObject
{
    Q_OBJECT

private slots:
    void origin_data();
    void origin();
    void fallbacks_data();
    void fallbacks();
    void emptyRun();
    void keys_data();
    void keys();
    void unknownKey();
    void loadStartFromPlacedJobs_data();
    void loadStartFromPlacedJobs();
    void defaultForLoadProfile_data();
    void defaultForLoadProfile();
};

void TestAlignment::origin_data()
{
    QTest::addColumn<AlignMode>("mode");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("expected");

    QTest::newRow("first sample") << AlignMode::FirstSample << 0.0 << 100.0;
    QTest::newRow("first sample ignores offset") << AlignMode::FirstSample << 30.0 << 100.0;
    // The NaN and the 0 before it are not load.
    QTest::newRow("first active jobs") << AlignMode::FirstActiveJobs << 0.0 << 120.0;
    // The replica change and the scale-down before it are not scale-ups.
    QTest::newRow("first scale-up") << AlignMode::FirstScaleUp << 0.0 << 125.0;
    QTest::newRow("offset +15") << AlignMode::Offset << 15.0 << 115.0;
    QTest::newRow("offset -5") << AlignMode::Offset << -5.0 << 95.0;
    QTest::newRow("offset 0") << AlignMode::Offset << 0.0 << 100.0;
}

void TestAlignment::origin()
{
    QFETCH(AlignMode, mode);
    QFETCH(double, offset);
    QFETCH(double, expected);
    const Experiment e = sampleRun();
    QCOMPARE(Alignment::origin(e, mode, offset), expected);
    QVERIFY(Alignment::hasAnchor(e, mode));
}

void TestAlignment::fallbacks_data()
{
    QTest::addColumn<bool>("withJobs");
    QTest::addColumn<bool>("withScaleUp");
    QTest::addColumn<AlignMode>("mode");

    QTest::newRow("no active_jobs column") << false << true << AlignMode::FirstActiveJobs;
    QTest::newRow("no scale-up event") << true << false << AlignMode::FirstScaleUp;
}

void TestAlignment::fallbacks()
{
    QFETCH(bool, withJobs);
    QFETCH(bool, withScaleUp);
    QFETCH(AlignMode, mode);
    const Experiment e = sampleRun(withJobs, withScaleUp);
    QCOMPARE(Alignment::origin(e, mode), 100.0);
    QVERIFY(!Alignment::hasAnchor(e, mode));
}

void TestAlignment::emptyRun()
{
    Experiment e;
    QCOMPARE(Alignment::origin(e, AlignMode::FirstSample), 0.0);
    QCOMPARE(Alignment::origin(e, AlignMode::FirstActiveJobs), 0.0);
    QCOMPARE(Alignment::origin(e, AlignMode::Offset, 7.5), 7.5);
    QVERIFY(!Alignment::hasAnchor(e, AlignMode::FirstSample));

    // Jobs that never became active fall back as well.
    Experiment idle = sampleRun();
    idle.metrics.setColumn("active_jobs", "active_jobs", {0, 0, kNaN, 0});
    QCOMPARE(Alignment::origin(idle, AlignMode::FirstActiveJobs), 100.0);
}

void TestAlignment::keys_data()
{
    QTest::addColumn<AlignMode>("mode");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");

    QTest::newRow("first sample") << AlignMode::FirstSample << "first_sample"
                                  << "First sample";
    QTest::newRow("active jobs") << AlignMode::FirstActiveJobs << "first_active_jobs"
                                 << "Load start (first active job)";
    QTest::newRow("scale-up") << AlignMode::FirstScaleUp << "first_scale_up"
                              << "First scale-up";
    QTest::newRow("offset") << AlignMode::Offset << "offset"
                            << "Manual offset";
}

void TestAlignment::keys()
{
    QFETCH(AlignMode, mode);
    QFETCH(QString, key);
    QFETCH(QString, label);
    const std::string_view k = Alignment::key(mode);
    const std::string_view l = Alignment::label(mode);
    QCOMPARE(QString::fromUtf8(k.data(), qsizetype(k.size())), key);
    QCOMPARE(QString::fromUtf8(l.data(), qsizetype(l.size())), label);
    QCOMPARE(Alignment::fromKey(key.toStdString()), std::optional(mode));
}

void TestAlignment::unknownKey()
{
    QVERIFY(!Alignment::fromKey("First_Sample").has_value());
    QVERIFY(!Alignment::fromKey("").has_value());
}

void TestAlignment::loadStartFromPlacedJobs_data()
{
    QTest::addColumn<bool>("withJobsColumn");
    QTest::addColumn<double>("expected");
    // A WVA run has no active_jobs column: load start is its first placed bench job (115,
    // not the unplaced one nor the later one at 118).
    QTest::newRow("no active_jobs column: first placed job") << false << 115.0;
    // The monitor's own column wins where it has load (120 in sampleRun()).
    QTest::newRow("active_jobs column first") << true << 120.0;
}

void TestAlignment::loadStartFromPlacedJobs()
{
    QFETCH(bool, withJobsColumn);
    QFETCH(double, expected);
    Experiment e = sampleRun(withJobsColumn, true);
    hpa::core::BenchJob later, first, unplaced;
    later.placement.method = hpa::core::JobPlacement::Method::LogClock;
    later.placement.start = 118;
    first.placement.method = hpa::core::JobPlacement::Method::Schedule;
    first.placement.start = 115;
    unplaced.placement.start = 101; // no method: not placed
    e.jobs = {later, unplaced, first};
    QCOMPARE(Alignment::origin(e, AlignMode::FirstActiveJobs), expected);
    QVERIFY(Alignment::hasAnchor(e, AlignMode::FirstActiveJobs));
}

void TestAlignment::defaultForLoadProfile_data()
{
    using Kind = hpa::core::LoadProfileMatch::Kind;
    QTest::addColumn<int>("kind");
    QTest::addColumn<AlignMode>("expected");
    // Issue 19: the same load profile aligns on load start; otherwise the first sample.
    QTest::newRow("same") << int(Kind::Same) << AlignMode::FirstActiveJobs;
    QTest::newRow("different") << int(Kind::Different) << AlignMode::FirstSample;
    QTest::newRow("unknown") << int(Kind::Unknown) << AlignMode::FirstSample;
}

void TestAlignment::defaultForLoadProfile()
{
    QFETCH(int, kind);
    QFETCH(AlignMode, expected);
    hpa::core::LoadProfileMatch match;
    match.kind = static_cast<hpa::core::LoadProfileMatch::Kind>(kind);
    QCOMPARE(Alignment::defaultFor(match), expected);
}

QTEST_GUILESS_MAIN(TestAlignment)
#include "tst_alignment.moc"

// StepCorners: what a chart column shows of a step curve survives the reduction — in every
// pixel column the same lowest and highest count, the same count where the line enters and
// leaves — and a curve with few steps is drawn step for step.
#include "core/plot/step_corners.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace hpa::core;

namespace {

using Corners = std::vector<StepCorners::Corner>;

/// Per column over [from, to): {count entering, min, max, count leaving} of the line the
/// corners (or the full curve) draw, evaluated exactly at every step inside the column.
struct Column
{
    int enter, low, high, leave;
    bool operator==(const Column &) const = default;
};

std::vector<Column> columns(const Corners &line, double from, double to, int pixels)
{
    std::vector<Column> out;
    const double w = (to - from) / pixels;
    std::size_t i = 0;
    int held = -1;
    for (int p = 0; p < pixels; ++p) {
        const double end = from + (p + 1) * w;
        // The count in force when the column starts.
        while (i < line.size() && line[i].time < from + p * w)
            held = line[i++].count;
        Column c{held, held, held, held};
        while (i < line.size() && line[i].time < end) {
            held = line[i++].count;
            c.low = std::min(c.low, held);
            c.high = std::max(c.high, held);
        }
        c.leave = held;
        out.push_back(c);
    }
    return out;
}

Corners everyStep(const StepCurve &curve)
{
    Corners all;
    for (std::size_t i = 0; i < curve.time.size(); ++i)
        if (curve.count[i] >= 0)
            all.push_back({curve.time[i], curve.count[i]});
    return all;
}

} // namespace

class TestStepCorners : public QObject
{
    Q_OBJECT

private slots:
    void fewStepsKeptAll();
    void rangeEnds();
    void sameColumns_data();
    void sameColumns();
    void empty();
};

void TestStepCorners::fewStepsKeptAll()
{
    // Scale-ups at 100 s and 400 s, down at 900 s, the run ends at 1200 s: four corners, each
    // in a column of its own at 1000 columns.
    const StepCurve curve{{0, 100, 400, 900, 1200}, {1, 3, 5, 2, 2}};
    const Corners got = StepCorners::of(curve, 0, 1200, 1000);
    QCOMPARE(got.size(), std::size_t(5));
    QCOMPARE(got[2].time, 400.0);
    QCOMPARE(got[2].count, 5);
}

void TestStepCorners::rangeEnds()
{
    // A zoom into 450..800 s: the step in force (5 since 400 s) first, then the one after the
    // range (2 at 900 s), so the line spans the plot; nothing in between.
    const StepCurve curve{{0, 100, 400, 900, 1200}, {1, 3, 5, 2, 2}};
    const Corners got = StepCorners::of(curve, 450, 800, 500);
    QCOMPARE(got.size(), std::size_t(2));
    QCOMPARE(got[0].time, 400.0);
    QCOMPARE(got[0].count, 5);
    QCOMPARE(got[1].time, 900.0);
    QCOMPARE(got[1].count, 2);
    // Unknown counts (< 0) are skipped, as the chart skips them.
    const StepCurve gaps{{0, 10, 20, 30}, {2, -1, 4, -1}};
    const Corners known = StepCorners::of(gaps, 0, 30, 100);
    QCOMPARE(known.size(), std::size_t(2));
    QCOMPARE(known[1].count, 4);
}

void TestStepCorners::sameColumns_data()
{
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("pixels");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::newRow("100k steps, whole run, 1500 px") << 100000 << 1500 << 0.0 << 5e6;
    QTest::newRow("100k steps, zoomed, 700 px") << 100000 << 700 << 1.2e6 << 1.5e6;
    QTest::newRow("2k steps, 1500 px") << 2000 << 1500 << 0.0 << 5e6;
    QTest::newRow("steps sparser than pixels") << 300 << 1500 << 0.0 << 5e6;
}

void TestStepCorners::sameColumns()
{
    QFETCH(int, steps);
    QFETCH(int, pixels);
    QFETCH(double, from);
    QFETCH(double, to);
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> when(0, 5e6);
    std::uniform_int_distribution<int> count(-1, 10);
    StepCurve curve;
    std::vector<double> times;
    for (int i = 0; i < steps; ++i)
        times.push_back(when(rng));
    std::sort(times.begin(), times.end());
    for (double t : times) {
        curve.time.push_back(t);
        curve.count.push_back(count(rng));
    }
    const Corners got = StepCorners::of(curve, from, to, pixels);
    QVERIFY(got.size() <= std::size_t(4 * pixels + 2));
    QVERIFY(std::is_sorted(got.begin(), got.end(),
                           [](const auto &a, const auto &b) { return a.time < b.time; }));
    QVERIFY(columns(got, from, to, pixels) == columns(everyStep(curve), from, to, pixels));
}

void TestStepCorners::empty()
{
    QVERIFY(StepCorners::of({}, 0, 10, 100).empty());
    const StepCurve curve{{0, 5}, {1, 2}};
    QVERIFY(StepCorners::of(curve, 10, 10, 100).empty());
    QVERIFY(StepCorners::of(curve, 0, 10, 0).empty());
}

QTEST_APPLESS_MAIN(TestStepCorners)
#include "tst_step_corners.moc"

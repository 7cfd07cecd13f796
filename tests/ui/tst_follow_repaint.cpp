// Issue 17: a followed run's new rows repaint only the pixels they change (the axes, legends
// and every older point stay), yet what is on screen must be what a reload of the same rows
// paints. The on-screen pixels are read back from the window's backing store (not grab(),
// which would paint everything anew and hide a stale pixel).

#include "chart_stack_fixture.h"

#include "core/model/metric_keys.h"

#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QTest>

#include <cmath>
#include <memory>

using namespace chart_test;
namespace keys = hpa::core::keys;

namespace {

constexpr double kStart = 1.7e9;

/// `rows` samples 5 s apart: replicas in steps, a noisy queue with its target, KV cache, and
/// one peak of 400 waiting at row `peakRow` (a new extreme raises the axis).
ExperimentPtr run(int rows, int peakRow)
{
    auto experiment = std::make_shared<hpa::core::Experiment>();
    experiment->name = "followed";
    hpa::core::MetricsTable &table = experiment->metrics;
    for (std::string_view key :
         {keys::Replicas, keys::Waiting, keys::WaitingTarget, keys::KvCachePct})
        table.addColumn(std::string(key), std::string(key));
    for (int i = 0; i < rows; ++i) {
        const double waiting = i == peakRow ? 400.0 : 20.0 + 15.0 * std::sin(i * 0.37) + (i % 7);
        table.appendRow(kStart + 5.0 * i, i + 2,
                        {1.0 + (i / 150) % 5, waiting, 30, 40.0 + 30.0 * std::sin(i * 0.05)});
    }
    return experiment;
}

/// What the window shows now, as the backing store holds it.
QImage onScreen(QWidget &window)
{
    return window.screen()->grabWindow(window.winId()).toImage();
}

} // namespace

class TestFollowRepaint : public QObject
{
    Q_OBJECT
private slots:
    void grownRunPaintsLikeAReload_data();
    void grownRunPaintsLikeAReload();
};

void TestFollowRepaint::grownRunPaintsLikeAReload_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<QList<int>>("appends"); ///< rows added per step
    QTest::addColumn<int>("peakRow");        ///< -1: none
    QTest::addColumn<double>("pageSeconds"); ///< the x range shown, from the first sample
    // Dense: min/max per pixel column; a new row mostly leaves the picture as it was.
    QTest::newRow("dense, row by row") << 6000 << QList<int>{1, 1, 1, 1} << -1 << 36000.0;
    QTest::newRow("dense, bursts") << 6000 << QList<int>{40, 7, 300} << -1 << 36000.0;
    QTest::newRow("dense, a new peak raises the axis")
        << 6000 << QList<int>{1, 1, 1} << 6001 << 36000.0;
    // Sparse: every sample drawn, each row a visible new point.
    QTest::newRow("sparse, row by row") << 60 << QList<int>{1, 1, 2, 1} << -1 << 400.0;
    QTest::newRow("sparse, past the page") << 60 << QList<int>{1, 30} << -1 << 320.0;
}

void TestFollowRepaint::grownRunPaintsLikeAReload()
{
    QFETCH(int, rows);
    QFETCH(QList<int>, appends);
    QFETCH(int, peakRow);
    QFETCH(double, pageSeconds);

    Fixture followed({sourceOf(run(rows, peakRow))});
    followed.window.slideTo(0, pageSeconds);
    QApplication::processEvents();
    int total = rows;
    for (int added : appends) {
        ChartSource grown = sourceOf(run(total + added, peakRow));
        grown.unchangedRows = std::size_t(total);
        total += added;
        followed.stack.extendSources({grown});
        followed.window.slideTo(0, pageSeconds);
        QApplication::processEvents();
    }
    const QImage shown = onScreen(followed.stack);

    Fixture reloaded({sourceOf(run(total, peakRow))});
    reloaded.window.slideTo(0, pageSeconds);
    QApplication::processEvents();
    const QImage expected = onScreen(reloaded.stack);

    QVERIFY(!shown.isNull());
    QCOMPARE(shown.size(), expected.size());
    if (shown != expected) {
        const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
        shown.save(QStringLiteral("/tmp/follow-repaint-%1-shown.png").arg(name));
        expected.save(QStringLiteral("/tmp/follow-repaint-%1-reload.png").arg(name));
    }
    QVERIFY2(shown == expected,
             "the grown run's pixels differ from a reload's (both saved under /tmp)");
}

QTEST_MAIN(TestFollowRepaint)
#include "tst_follow_repaint.moc"

// The waterfall of a scale-up episode (issue 12): its segments and labels worked out by hand
// for every shape an episode takes, the Scorecard dock's episode table, and in the window:
// picking an episode row or a scale-up event draws it over the charts and zooms to it.
#include "app/gui/main_window.h"
#include "app/gui/scorecard_controller.h"
#include "core/analysis/episode_finder.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/episode_waterfall.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"
#include "ui/charts/waterfall_painter.h"
#include "ui/episode_table_model.h"
#include "ui/event_browser.h"
#include "ui/event_filter_proxy.h"
#include "ui/event_table_model.h"
#include "ui/experiment_workspace.h"
#include "ui/scorecard_runner.h"
#include "ui/scorecard_view.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTableView>
#include <QTest>

using hpa::ui::EpisodeWaterfall;
using Kind = EpisodeWaterfall::Kind;

namespace {

const QString kDemo = QStringLiteral(HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000");
constexpr double kNone = -1;

std::optional<double> opt(double v)
{
    return v == kNone ? std::nullopt : std::optional(v);
}

QString kindName(Kind k)
{
    switch (k) {
    case Kind::Reaction:
        return QStringLiteral("reaction");
    case Kind::CatchUp:
        return QStringLiteral("catch-up");
    case Kind::ToRelief:
        return QStringLiteral("to-relief");
    case Kind::Censored:
        return QStringLiteral("censored");
    case Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

/// "kind x0-x1 label" per segment, joined by " | ".
QString describe(const QVector<EpisodeWaterfall::Segment> &segments)
{
    QStringList out;
    for (const auto &s : segments)
        out << QStringLiteral("%1 %2-%3 %4").arg(kindName(s.kind)).arg(s.x0).arg(s.x1).arg(s.label);
    return out.join(QStringLiteral(" | "));
}

/// `fill` alpha-blended over the opaque `under`.
QColor over(const QColor &fill, const QColor &under)
{
    const double a = fill.alphaF();
    const auto blend = [a](int c, int u) {
        return int(c * a + u * (1 - a));
    };
    return QColor(blend(fill.red(), under.red()), blend(fill.green(), under.green()),
                  blend(fill.blue(), under.blue()));
}

/// Pixels in `rect` of `image` within 10 of the opaque `color` per channel.
int countNear(const QImage &image, const QRect &rect, const QColor &color)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            n += std::abs(qRed(p) - color.red()) <= 10 &&
                 std::abs(qGreen(p) - color.green()) <= 10 &&
                 std::abs(qBlue(p) - color.blue()) <= 10;
        }
    return n;
}

} // namespace

class TestEpisodeWaterfall : public QObject
{
    Q_OBJECT

private slots:
    void segments_data();
    void segments();
    void zoomRangeHasAMargin();
    void episodeTable();
    void episodeRowShowsTheWaterfallAndZooms();
    void scaleUpEventShowsItsEpisode();
};

void TestEpisodeWaterfall::segments_data()
{
    QTest::addColumn<double>("breach");
    QTest::addColumn<double>("decision");
    QTest::addColumn<double>("caughtUp");
    QTest::addColumn<double>("relief");
    QTest::addColumn<QString>("expected");

    // End of the run at x = 300 in every row.
    QTest::newRow("complete")
        << 100.0 << 121.0 << 142.0 << 205.0
        << "reaction 100-121 reaction 21 s | "
           "catch-up 121-142 HPA status catch-up 21 s | "
           "to-relief 142-205 requested replicas caught up → relief 1 min 3 s";
    // A decision in the breach's own sample: 0 s, within one sample.
    QTest::newRow("same-sample decision")
        << 100.0 << 100.0 << 121.0 << 163.0
        << "reaction 100-100 reaction 0 s | catch-up 100-121 HPA status catch-up 21 s | "
           "to-relief 121-163 requested replicas caught up → relief 42 s";
    QTest::newRow("censored: no relief")
        << 100.0 << 121.0 << 142.0 << kNone
        << "reaction 100-121 reaction 21 s | catch-up 121-142 HPA status catch-up 21 s | "
           "censored 142-300 censored: run ended before relief";
    QTest::newRow("breach passed without a decision")
        << 100.0 << kNone << kNone << 163.0
        << "to-relief 100-163 no decision; relief after 1 min 3 s";
    QTest::newRow("censored: no decision, no relief")
        << 100.0 << kNone << kNone << kNone
        << "censored 100-300 censored: run ended before a decision and relief";
    QTest::newRow("relief, catch-up never")
        << 100.0 << 121.0 << kNone << 163.0
        << "reaction 100-121 reaction 21 s | to-relief 121-163 decision → relief 42 s | "
           "censored 163-300 censored: run ended before HPA status catch-up";
    QTest::newRow("caught up after relief")
        << 100.0 << 121.0 << 163.0 << 142.0
        << "reaction 100-121 reaction 21 s | to-relief 121-142 decision → relief 21 s | "
           "other 142-163 relief → requested replicas caught up 21 s";
}

void TestEpisodeWaterfall::segments()
{
    QFETCH(double, breach);
    QFETCH(double, decision);
    QFETCH(double, caughtUp);
    QFETCH(double, relief);
    QFETCH(QString, expected);
    EpisodeWaterfall w;
    w.breachX = breach;
    w.decisionX = opt(decision);
    w.caughtUpX = opt(caughtUp);
    w.reliefX = opt(relief);
    w.endX = 300;
    w.resolutionS = 21;
    const QVector<EpisodeWaterfall::Segment> parts = w.segments();
    QCOMPARE(describe(parts), expected);
    // Supply is the requested count: nothing claims pods were ready.
    for (const auto &s : parts)
        QVERIFY(!s.label.contains(QStringLiteral("ready"), Qt::CaseInsensitive));
}

void TestEpisodeWaterfall::zoomRangeHasAMargin()
{
    EpisodeWaterfall w;
    w.breachX = 100;
    w.decisionX = 121;
    w.caughtUpX = 142;
    w.reliefX = 205;
    w.endX = 300;
    w.resolutionS = 21;
    // Span 100-205; margin max(105 / 4, 3 x 21 s) = 63 s.
    QCOMPARE(w.zoomRange(), std::make_pair(37.0, 268.0));
    w.resolutionS = 5;
    // Margin a quarter of the span: 26.25 s.
    QCOMPARE(w.zoomRange(), std::make_pair(73.75, 231.25));
}

void TestEpisodeWaterfall::episodeTable()
{
    hpa::core::Scorecard scorecard;
    scorecard.resolutionS = 21;
    hpa::core::ScalingEpisode done;
    done.breachS = 84;
    done.decisionS = 105;
    done.caughtUpS = 126;
    done.reliefS = 3700;
    hpa::core::ScalingEpisode open;
    open.breachS = 4000;
    scorecard.episodes = {done, open};
    hpa::ui::EpisodeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScorecard(scorecard);
    using M = hpa::ui::EpisodeTableModel;
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, M::BreachColumn).data().toString(), QStringLiteral("1:24"));
    QCOMPARE(model.index(0, M::ReliefColumn).data().toString(), QStringLiteral("1:01:40"));
    QCOMPARE(model.index(0, M::ReactionColumn).data().toString(), QStringLiteral("21 s ± 21 s"));
    QCOMPARE(model.index(0, M::TimeToReliefColumn).data().toString(),
             QStringLiteral("60 min 16 s ± 21 s"));
    QCOMPARE(model.index(1, M::DecisionColumn).data().toString(),
             QStringLiteral("censored: run ended"));
    QCOMPARE(model.index(1, M::CaughtUpColumn).data().toString(), QStringLiteral("no decision"));
    QCOMPARE(model.index(1, M::ReactionColumn).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.headerData(M::CatchUpColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("HPA status catch-up"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestEpisodeWaterfall::episodeRowShowsTheWaterfallAndZooms()
{
    hpa::app::MainWindow window(hpa::ui::AppSettings::Storage::InMemory);
    window.setModalErrors(false);
    window.resize(1600, 1000);
    window.show();
    window.openExperiment(kDemo);
    window.waitForLoad();
    QApplication::processEvents();
    hpa::ui::ScorecardView *dock = window.scorecardView();
    QVERIFY(dock->episodeModel()->rowCount() > 0);
    const hpa::ui::ChartCursor *cursor = window.workspace()->cursor();
    QVERIFY(!cursor->waterfall());

    // Pick the episode with the longest segment, so its colour can be seen.
    const auto &source = window.workspace()->sources().front();
    const hpa::core::Scorecard &scorecard = dock->episodeModel()->scorecard();
    int row = 0;
    double longest = -1;
    for (int r = 0; r < dock->episodeModel()->rowCount(); ++r) {
        for (const auto &s : EpisodeWaterfall::forSource(source, scorecard, r)->segments()) {
            if (s.kind != Kind::Censored && s.kind != Kind::Other && s.x1 - s.x0 > longest) {
                longest = s.x1 - s.x0;
                row = r;
            }
        }
    }
    hpa::ui::MetricChartView *replicas =
        window.workspace()->chartStacks().front()->charts().front();
    dock->episodeTable()->setCurrentIndex(dock->episodeModel()->index(row, 0));
    QVERIFY(cursor->waterfall());
    const EpisodeWaterfall shown = *cursor->waterfall();
    QCOMPARE(shown.number, row + 1);
    QCOMPARE(shown, *EpisodeWaterfall::forSource(source, scorecard, row));
    const hpa::ui::TimeWindow *time = window.workspace()->timeWindow();
    QCOMPARE(std::make_pair(time->from(), time->to()), shown.zoomRange());

    // On the chart: the bar along the bottom of the plot has the segment's colour.
    QApplication::processEvents();
    const QImage image = replicas->grab().toImage();
    const EpisodeWaterfall::Segment *segment = nullptr;
    // A copy that outlives the loop: `segment` points into it.
    const auto segments = shown.segments();
    for (const auto &s : segments)
        if (!segment || s.x1 - s.x0 > segment->x1 - segment->x0)
            segment = &s;
    QVERIFY(segment && segment->x1 > segment->x0);
    const QRectF plot = replicas->plotRect();
    // The left fifth of the segment: its label is centred, so no text there.
    const int x0 = int(replicas->viewportX(segment->x0)) + 3;
    const int x1 = x0 + int((replicas->viewportX(segment->x1) - x0) / 5);
    const QRect barArea(QPoint(x0, int(plot.bottom()) - 14), QPoint(x1, int(plot.bottom()) - 6));
    // The bar's translucent fill over the episode's light band over the white plot.
    const hpa::ui::ChartPalette &palette = replicas->metricChart()->chartPalette();
    QColor fill = hpa::ui::WaterfallPainter::segmentColor(segment->kind, palette);
    fill.setAlpha(120);
    QColor band = palette.highlight;
    band.setAlpha(35);
    fill = over(fill, over(band, Qt::white));
    const int area = barArea.width() * barArea.height();
    QVERIFY2(countNear(image, barArea, fill) > area / 3,
             qPrintable(QStringLiteral("%1 of %2").arg(countNear(image, barArea, fill)).arg(area)));

    // Cleared with the selection; the chart loses the bar.
    window.scorecardController()->clearEpisode();
    QApplication::processEvents();
    QVERIFY(countNear(replicas->grab().toImage(), barArea, fill) < area / 20);
}

void TestEpisodeWaterfall::scaleUpEventShowsItsEpisode()
{
    hpa::app::MainWindow window(hpa::ui::AppSettings::Storage::InMemory);
    window.setModalErrors(false);
    window.show();
    window.openExperiment(kDemo);
    window.waitForLoad();
    QApplication::processEvents();
    hpa::ui::EventBrowser *events = window.eventBrowser();
    const auto &experiment = *window.workspace()->sources().front().experiment;
    const hpa::core::Scorecard &scorecard = window.scorecardView()->episodeModel()->scorecard();
    int checked = 0;
    for (int row = 0; row < events->proxy()->rowCount() && checked < 3; ++row) {
        const QModelIndex index = events->proxy()->index(row, 0);
        const int e = index.data(hpa::ui::EventTableModel::EventIndexRole).toInt();
        // The monitor-start row is not one of experiment.events (its index is -1).
        if (e < 0 || experiment.events[std::size_t(e)].kind != hpa::core::EventKind::ScaleUp)
            continue;
        const auto expected = hpa::core::EpisodeFinder::forMoment(
            scorecard.episodes, experiment.events[std::size_t(e)].time - scorecard.startSeconds,
            scorecard.resolutionS);
        events->view()->setCurrentIndex(index);
        const auto shown = window.workspace()->cursor()->waterfall();
        QCOMPARE(shown.has_value(), expected.has_value());
        if (expected) {
            QCOMPARE(shown->number, int(*expected) + 1);
            // The dock's row follows.
            QCOMPARE(window.scorecardView()->episodeTable()->currentIndex().row(), int(*expected));
        }
        ++checked;
    }
    QVERIFY(checked > 0);
    // Another kind of event clears the waterfall.
    for (int row = 0; row < events->proxy()->rowCount(); ++row) {
        const QModelIndex index = events->proxy()->index(row, 0);
        const int e = index.data(hpa::ui::EventTableModel::EventIndexRole).toInt();
        if (e < 0 || experiment.events[std::size_t(e)].kind == hpa::core::EventKind::ScaleUp)
            continue;
        events->view()->setCurrentIndex(index);
        QVERIFY(!window.workspace()->cursor()->waterfall());
        break;
    }
}

QTEST_MAIN(TestEpisodeWaterfall)
#include "tst_episode_waterfall.moc"

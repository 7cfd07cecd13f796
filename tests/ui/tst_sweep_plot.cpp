// The Sweep view's scatter (issue 13): combinations with the same KPIs share one dot that
// says how many it stands for (its tooltip lists them), and the x axis's labels stay inside
// the widget.
#include "ui/charts/sweep_plot.h"

#include <QApplication>
#include <QTest>

using hpa::ui::SweepPlot;

namespace {

SweepPlot::Point point(double x, double y, const char *label, bool pareto = false)
{
    SweepPlot::Point p;
    p.x = x;
    p.y = y;
    p.label = QString::fromLatin1(label);
    p.pareto = pareto;
    return p;
}

} // namespace

class TestSweepPlot : public QObject
{
    Q_OBJECT

private slots:
    void identicalResultsShareOneDot();
    void xLabelsStayInsideTheWidget_data();
    void xLabelsStayInsideTheWidget();
};

void TestSweepPlot::identicalResultsShareOneDot()
{
    SweepPlot plot;
    plot.resize(500, 320);
    // A down window that never came into play: max=4 gives the same curve for both windows.
    plot.setPoints({point(12.5, 3.25, "max=4 down-window=0", true),
                    point(12.5, 3.25, "max=4 down-window=120", true),
                    point(30.0, 2.0, "max=2 down-window=0", true),
                    point(12.5, 3.25 + 1e-13, "max=4 down-window=300", true),
                    point(22.0, 2.6, "max=6 down-window=0")},
                   std::nullopt, QStringLiteral("θU (%)"), QStringLiteral("replica-hours"));
    QCOMPARE(plot.dotCount(), 3);
    QCOMPARE(plot.sameAs(1), (QVector<int>{0, 1, 3}));
    QCOMPARE(plot.sameAs(3), (QVector<int>{0, 1, 3}));
    QCOMPARE(plot.sameAs(2), (QVector<int>{2}));
    QCOMPARE(plot.sameAs(4), (QVector<int>{4}));
    // One dot: a click there picks the first of them.
    QCOMPARE(plot.pointAt(plot.position(1)), 0);
    QCOMPARE(plot.pointAt(plot.position(3)), 0);
    QCOMPARE(plot.pointAt(plot.position(2)), 2);
    const QString tip = plot.toolTipText(0);
    QVERIFY2(tip.contains(QStringLiteral("3 combinations with the same result")), qPrintable(tip));
    for (const char *label :
         {"max=4 down-window=0", "max=4 down-window=120", "max=4 down-window=300"})
        QVERIFY2(tip.contains(QLatin1String(label)), qPrintable(tip));
    QVERIFY(!tip.contains(QStringLiteral("max=6")));
    QVERIFY(!plot.toolTipText(2).contains(QStringLiteral("combinations")));
    // The count is painted beside the shared dot: pixels of text right of it, none beside a
    // single one at the same offset.
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const QImage image = plot.grab().toImage();
    const auto inkRightOf = [&](int index) {
        const QPoint c = plot.position(index).toPoint();
        int ink = 0;
        for (int y = c.y() - 22; y <= c.y(); ++y)
            for (int x = c.x() + 9; x <= c.x() + 30; ++x)
                ink += image.rect().contains(x, y) && QColor(image.pixel(x, y)).lightness() < 128;
        return ink;
    };
    QVERIFY2(inkRightOf(0) > 10, qPrintable(QString::number(inkRightOf(0))));
    QCOMPARE(inkRightOf(4), 0);
}

void TestSweepPlot::xLabelsStayInsideTheWidget_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("xMax");
    // Ranges whose last tick label ("100", "0.0125") is wider than the plot's right margin.
    QTest::newRow("narrow, 0-97") << 260 << 97.0;
    QTest::newRow("wide, 0-97") << 900 << 97.0;
    QTest::newRow("small fractions") << 300 << 0.0123;
}

void TestSweepPlot::xLabelsStayInsideTheWidget()
{
    QFETCH(int, width);
    QFETCH(double, xMax);
    SweepPlot plot;
    plot.resize(width, 240);
    plot.setPoints({point(0, 1, "a"), point(xMax, 2, "b")}, std::nullopt, QStringLiteral("x"),
                   QStringLiteral("y"));
    const auto labels = plot.xTickLabels();
    QVERIFY(labels.size() >= 2);
    const QFontMetricsF fm(plot.font());
    for (const SweepPlot::TickLabel &label : labels) {
        QVERIFY2(label.box.left() >= 0 && label.box.right() <= width,
                 qPrintable(QStringLiteral("%1 at %2-%3 of %4")
                                .arg(label.text)
                                .arg(label.box.left())
                                .arg(label.box.right())
                                .arg(width)));
        QVERIFY(label.box.width() >= fm.horizontalAdvance(label.text));
    }
}

QTEST_MAIN(TestSweepPlot)
#include "tst_sweep_plot.moc"

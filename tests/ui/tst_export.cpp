#include "app/gui/export_controller.h"
#include "test_files.h"
#include "ui/app_settings.h"
#include "ui/charts/chart_exporter.h"
#include "ui/charts/chart_palette.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"
#include "ui/experiment_workspace.h"
#include "ui/export_dialog.h"
#include "ui/load_controller.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#include <sys/resource.h>

#include <csignal>
#include <functional>
#include <memory>

using hpa::test::readBytes;
using hpa::test::writeFile;

using namespace hpa;
using namespace hpa::ui;

namespace {

QString bundledExample()
{
    const QDir dir(QStringLiteral(HPA_SOURCE_DIR "/resources/examples"));
    const QStringList entries = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    return entries.isEmpty() ? QString() : dir.filePath(entries.front());
}

std::shared_ptr<const LoadedExperiment> loadExample(const QString &dir)
{
    return std::make_shared<const LoadedExperiment>(LoadController::loadNow(dir));
}

/// A shown workspace on the bundled example (optionally compared with `dirB`).
struct Shown
{
    ExperimentWorkspace workspace;

    explicit Shown(const QString &dirA, const QString &dirB = {})
    {
        workspace.resize(1400, 1000);
        workspace.setExperiment(loadExample(dirA));
        if (!dirB.isEmpty())
            workspace.setComparison(loadExample(dirB));
        workspace.show();
        if (!QTest::qWaitForWindowExposed(&workspace))
            qWarning("workspace was not exposed");
    }

    MetricChartView *chart(ChartKind kind) const
    {
        for (ChartStack *stack : workspace.chartStacks()) {
            for (MetricChartView *view : stack->visibleCharts()) {
                if (view->metricChart()->spec().kind == kind)
                    return view;
            }
        }
        return nullptr;
    }
};

/// Runs `step` every 20 ms while a nested event loop (menu, dialog) blocks the test, until it
/// returns true.
void whileBlocked(std::function<bool()> step)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, step] {
        if (step())
            timer->deleteLater();
    });
    timer->start();
}

/// Keeps the process under a small file-size limit, so every write past it fails with EFBIG,
/// even for root.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &m_saved);
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        m_active = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() { setrlimit(RLIMIT_FSIZE, &m_saved); }
    bool active() const { return m_active; }

private:
    rlimit m_saved{};
    bool m_active = false;
};

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pngHasRequestedSizeAndInk_data();
    void pngHasRequestedSizeAndInk();
    void titleNamesTheExperiments();
    void svgHasOneElementPerSeries();
    void pdfPageFitsTheFigure();
    void failedExportKeepsExistingFile_data();
    void failedExportKeepsExistingFile();
    void missingFolderIsReported();
    void singleChartFigure();
    void actionsFollowTheExperiment();
    void csvOfVisibleRangeAndWholeRun();
    void summaryCsvOfOneRunAndOfAComparison();
    void csvOfBothRunsWhenComparing();
    void contextMenuExportsTheChartUnderIt();
    void dialogDefaultsAndMemory();

private:
    QString m_example;
    QTemporaryDir m_tmp;
};

void TestExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::AppSettings().setLastExportFolder(QString());
    m_example = bundledExample();
    QVERIFY2(!m_example.isEmpty(), "resources/examples holds no experiment folder");
    QVERIFY(m_tmp.isValid());
}

void TestExport::pngHasRequestedSizeAndInk_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<int>("dotsPerMeter");
    // dots per metre = dpi / 0.0254, rounded.
    QTest::newRow("print 300 dpi") << 3000 << 2000 << 300 << 11811;
    QTest::newRow("screen 96 dpi") << 640 << 400 << 96 << 3780;
    QTest::newRow("portrait 150 dpi") << 800 << 1600 << 150 << 5906;
}

void TestExport::pngHasRequestedSizeAndInk()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, dpi);
    QFETCH(int, dotsPerMeter);
    Shown shown(m_example);
    const ChartExporter exporter(shown.workspace.chartStacks());
    const QString path = m_tmp.filePath(QStringLiteral("figure-%1.png").arg(width));
    QString error;
    QVERIFY2(exporter.writePng(path, QSize(width, height), dpi, &error), qPrintable(error));
    QVERIFY(error.isEmpty());

    const QImage image(path);
    QCOMPARE(image.size(), QSize(width, height));
    QCOMPARE(image.dotsPerMeterX(), dotsPerMeter);
    QCOMPARE(image.dotsPerMeterY(), dotsPerMeter);
    QCOMPARE(QColor(image.pixel(0, 0)), QColor(Qt::white));
    QSet<QRgb> colours;
    qint64 ink = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb p = image.pixel(x, y);
            colours.insert(p);
            ink += qGray(p) < 200 ? 1 : 0;
        }
    }
    const double inkShare = double(ink) / (double(image.width() / 2) * (image.height() / 2));
    QVERIFY2(colours.size() >= 30, qPrintable(QString::number(colours.size())));
    QVERIFY2(inkShare > 0.003 && inkShare < 0.5, qPrintable(QString::number(inkShare)));
    // The paper theme's replica blue (#1f6fd1), even blended into white by antialiasing.
    bool blue = false;
    for (QRgb c : colours)
        blue = blue || (qBlue(c) > qRed(c) + 60 && qBlue(c) > qGreen(c) + 20);
    QVERIFY(blue);
}

void TestExport::titleNamesTheExperiments()
{
    {
        Shown shown(m_example);
        const ChartExporter exporter(shown.workspace.chartStacks());
        QCOMPARE(exporter.title(),
                 QStringLiteral("HPA Scaling Experiment: hpa-lens-demo-20251201-100000"));
        // 300 samples every 5 s from 10:00:00.
        QCOMPARE(exporter.subtitle(),
                 QStringLiteral("2025-12-01 10:00:00 – 10:24:55   ·   Elapsed 00:00 – 24:55"));
    }
    const QString legacy =
        QStringLiteral(HPA_SHARED_DIR "/examples/hpa-experiment-20251120-140312");
    if (!QFileInfo(legacy).isDir())
        QSKIP("shared examples absent: " HPA_SHARED_DIR "/examples");
    Shown shown(m_example, legacy);
    shown.workspace.setCompareLayout(ExperimentWorkspace::CompareLayout::SideBySide);
    QCOMPARE(shown.workspace.chartStacks().size(), 2);
    QTest::qWait(50); // let the two columns take their widths
    const ChartExporter exporter(shown.workspace.chartStacks());
    QCOMPARE(exporter.title(), QStringLiteral("HPA Scaling Experiments: "
                                              "hpa-lens-demo-20251201-100000 vs "
                                              "hpa-experiment-20251120-140312"));
    // Two columns side by side: wider than tall, unlike one column.
    const QSizeF size = exporter.naturalSize();
    QVERIFY(size.width() > shown.workspace.chartStacks()[0]->exportSize().width() * 2);
}

void TestExport::svgHasOneElementPerSeries()
{
    Shown shown(m_example);
    const ChartExporter exporter(shown.workspace.chartStacks());
    const QString path = m_tmp.filePath(QStringLiteral("figure.svg"));
    QString error;
    QVERIFY2(exporter.writeSvg(path, QSize(1600, 1200), 96, &error), qPrintable(error));

    // Every line series segment on screen, by the colour of its pen.
    QHash<QString, int> drawn;
    int drawnTotal = 0;
    for (ChartStack *stack : shown.workspace.chartStacks()) {
        for (MetricChartView *view : stack->visibleCharts()) {
            if (view->showsNotCollectedMessage())
                continue;
            for (const Curve &curve : view->metricChart()->curves()) {
                // The legend draws a sample of every line as a two-point polyline.
                ++drawn[curve.pen.color().name()];
                for (const QList<QPointF> &segment : curve.segments) {
                    if (segment.size() >= 2) {
                        ++drawn[curve.pen.color().name()];
                        ++drawnTotal;
                    }
                }
            }
        }
    }
    QVERIFY(drawnTotal >= 8);

    QXmlStreamReader xml(readBytes(path));
    QStringList strokes{QStringLiteral("none")};
    QHash<QString, int> elements;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto attrs = xml.attributes();
            if (xml.name() == QLatin1String("g"))
                strokes << (attrs.hasAttribute(QLatin1String("stroke"))
                                ? attrs.value(QLatin1String("stroke")).toString()
                                : strokes.back());
            else if (xml.name() == QLatin1String("polyline") || xml.name() == QLatin1String("path"))
                ++elements[strokes.back()];
        } else if (xml.isEndElement() && xml.name() == QLatin1String("g")) {
            strokes.removeLast();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    // One element per unbroken stretch of line (and its legend sample), not one per segment
    // between two points.
    for (auto it = drawn.cbegin(); it != drawn.cend(); ++it)
        QVERIFY2(elements.value(it.key()) == it.value(),
                 qPrintable(QStringLiteral("%1: %2 series, %3 elements")
                                .arg(it.key())
                                .arg(it.value())
                                .arg(elements.value(it.key()))));
}

void TestExport::pdfPageFitsTheFigure()
{
    Shown shown(m_example);
    const ChartExporter exporter(shown.workspace.chartStacks());
    const QString path = m_tmp.filePath(QStringLiteral("figure.pdf"));
    QString error;
    QVERIFY2(exporter.writePdf(path, QSize(3000, 1500), 300, &error), qPrintable(error));
    const QByteArray pdf = readBytes(path);
    QVERIFY(pdf.startsWith("%PDF"));
    // 3000 px / 300 dpi = 10 in = 720 pt; 1500 px = 5 in = 360 pt.
    QVERIFY(pdf.contains("/MediaBox [0 0 720.000000 360.000000]"));
    QVERIFY(pdf.contains("%%EOF"));
}

void TestExport::failedExportKeepsExistingFile_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<bool>("cancel");
    for (const char *suffix : {"png", "svg", "pdf"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 disk full").arg(suffix)))
            << QString::fromLatin1(suffix) << false;
        QTest::newRow(qPrintable(QStringLiteral("%1 cancelled").arg(suffix)))
            << QString::fromLatin1(suffix) << true;
    }
}

void TestExport::failedExportKeepsExistingFile()
{
    QFETCH(QString, suffix);
    QFETCH(bool, cancel);
    Shown shown(m_example);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.") + suffix);
    const QByteArray previous = "the figure exported yesterday";
    QVERIFY(writeFile(path, previous));

    ChartExporter exporter(shown.workspace.chartStacks());
    const auto format = ChartExporter::formatFromSuffix(suffix);
    QVERIFY(format);
    bool ok = true;
    QString error;
    if (cancel) {
        exporter.setCancelCheck([] { return true; });
        ok = exporter.write(path, *format, QSize(1200, 800), 96, &error);
    } else {
        const FileSizeLimit limit(1024);
        QVERIFY(limit.active());
        ok = exporter.write(path, *format, QSize(1200, 800), 96, &error);
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains(QStringLiteral("figure.") + suffix), qPrintable(error));
    QCOMPARE(readBytes(path), previous);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("figure.") + suffix});
}

void TestExport::missingFolderIsReported()
{
    Shown shown(m_example);
    const ChartExporter exporter(shown.workspace.chartStacks());
    const QString path = m_tmp.filePath(QStringLiteral("no-such-folder/figure.png"));
    QString error;
    QVERIFY(!exporter.writePng(path, QSize(800, 600), 96, &error));
    QVERIFY2(error.contains(QStringLiteral("no-such-folder")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("no-such-folder"))));
}

void TestExport::singleChartFigure()
{
    Shown shown(m_example);
    MetricChartView *replicas = shown.chart(ChartKind::Replicas);
    QVERIFY(replicas);
    const ChartExporter one(replicas);
    const ChartExporter all(shown.workspace.chartStacks());
    QCOMPARE(one.title(), all.title());
    QVERIFY(!one.isEmpty());
    // One of six charts: far less tall than the figure, and as wide as the chart.
    QVERIFY(one.naturalSize().height() < all.naturalSize().height() / 3);
    QVERIFY(one.naturalSize().width() > replicas->width());

    const QString path = m_tmp.filePath(QStringLiteral("replicas.png"));
    const QSize size = one.defaultPixelSize(192);
    QString error;
    QVERIFY2(one.writePng(path, size, 192, &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), size);
    // 192 dpi on a 96 dpi screen: twice the on-screen size.
    QCOMPARE(size.width(), qRound(one.naturalSize().width() * 2));
    // The chart went back to the screen look afterwards.
    QCOMPARE(replicas->metricChart()->chartPalette().mode,
             ChartPalette::forApplication(replicas->palette()).mode);
}

void TestExport::actionsFollowTheExperiment()
{
    ExperimentWorkspace workspace;
    AppSettings settings;
    QWidget parent;
    app::ExportController controller(&workspace, &settings, &parent);
    QVERIFY(!controller.exportChartsAction()->isEnabled());
    QVERIFY(!controller.exportCsvAction()->isEnabled());
    QCOMPARE(controller.exportChartsAction()->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    workspace.setExperiment(loadExample(m_example));
    QVERIFY(controller.exportChartsAction()->isEnabled());
    QVERIFY(controller.exportChartAction()->isEnabled());
    QVERIFY(controller.exportCsvAction()->isEnabled());
    QVERIFY(controller.exportSummaryCsvAction()->isEnabled());
    workspace.clear();
    QVERIFY(!controller.exportSummaryCsvAction()->isEnabled());
}

void TestExport::csvOfVisibleRangeAndWholeRun()
{
    Shown shown(m_example);
    AppSettings settings;
    app::ExportController controller(&shown.workspace, &settings, &shown.workspace);
    controller.setModalErrors(false);
    // Samples every 5 s from x = 0: [60, 300] holds x = 60, 65, ..., 300 = 49 samples.
    shown.workspace.timeWindow()->zoomTo(60, 300);
    const QString visible = m_tmp.filePath(QStringLiteral("visible.csv"));
    QVERIFY2(controller.exportCsv(visible, false), qPrintable(controller.lastError()));
    const QList<QByteArray> lines = readBytes(visible).trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 49);
    QVERIFY(lines.front().startsWith("timestamp,elapsed_s,"));
    QVERIFY(lines.at(1).startsWith("2025-12-01 10:01:00,60,"));
    QVERIFY(lines.back().startsWith("2025-12-01 10:05:00,300,"));

    const QString whole = m_tmp.filePath(QStringLiteral("whole.csv"));
    QVERIFY(controller.exportCsv(whole, true));
    QCOMPARE(readBytes(whole).trimmed().split('\n').size(), 1 + 300);
    QCOMPARE(controller.lastWritten(), QFileInfo(whole).absoluteFilePath());
    QCOMPARE(settings.lastExportFolder(), QFileInfo(whole).absolutePath());
    QCOMPARE(controller.defaultFolder(), QFileInfo(whole).absolutePath());

    QVERIFY(!controller.exportCsv(m_tmp.filePath(QStringLiteral("missing/x.csv")), true));
    QVERIFY2(controller.lastError().contains(QStringLiteral("missing/x.csv")),
             qPrintable(controller.lastError()));
}

void TestExport::summaryCsvOfOneRunAndOfAComparison()
{
    Shown shown(m_example);
    AppSettings settings;
    app::ExportController controller(&shown.workspace, &settings, &shown.workspace);
    controller.setModalErrors(false);
    const QString one = m_tmp.filePath(QStringLiteral("stats.csv"));
    QVERIFY(controller.exportSummaryCsv(one));
    QByteArray text = readBytes(one);
    QVERIFY(text.startsWith("statistic,value\n"));
    QVERIFY(text.contains("\nsamples,300\n"));

    shown.workspace.setComparison(loadExample(m_example));
    QCOMPARE(controller.baseName(),
             QStringLiteral("demo-hpa-20251201-100000-vs-demo-hpa-20251201-100000"));
    const QString two = m_tmp.filePath(QStringLiteral("stats-ab.csv"));
    QVERIFY(controller.exportSummaryCsv(two));
    text = readBytes(two);
    QVERIFY(text.startsWith("statistic,a,b,delta,percent\n"));
    // A run against itself: no change.
    QVERIFY(text.contains("\nsamples,300,300,0,0\n"));
}

void TestExport::csvOfBothRunsWhenComparing()
{
    Shown shown(m_example, m_example);
    AppSettings settings;
    app::ExportController controller(&shown.workspace, &settings, &shown.workspace);
    controller.setModalErrors(false);
    const QString both = m_tmp.filePath(QStringLiteral("both.csv"));
    QVERIFY2(controller.exportCsv(both, true, 2), qPrintable(controller.lastError()));
    const QList<QByteArray> lines = readBytes(both).trimmed().split('\n');
    // 300 samples of each run, A's rows then B's, each tagged.
    QCOMPARE(lines.size(), 1 + 2 * 300);
    QVERIFY2(lines.front().startsWith("run,timestamp,elapsed_s,"), lines.front().constData());
    QVERIFY(lines.at(1).startsWith("A,2025-12-01 10:00:00,0,"));
    QVERIFY(lines.at(301).startsWith("B,2025-12-01 10:00:00,0,"));

    // The visible range is taken on the shared elapsed axis: [60, 300] s of each run.
    shown.workspace.timeWindow()->zoomTo(60, 300);
    const QString visible = m_tmp.filePath(QStringLiteral("both-visible.csv"));
    QVERIFY(controller.exportCsv(visible, false, 2));
    QCOMPARE(readBytes(visible).trimmed().split('\n').size(), 1 + 2 * 49);
    // Without a comparison there is no third choice.
    shown.workspace.setComparison(nullptr);
    QVERIFY(!controller.exportCsv(m_tmp.filePath(QStringLiteral("none.csv")), true, 2));
}

void TestExport::contextMenuExportsTheChartUnderIt()
{
    Shown shown(m_example);
    AppSettings settings;
    settings.setExportWidth(0);
    app::ExportController controller(&shown.workspace, &settings, &shown.workspace);
    controller.setModalErrors(false);
    MetricChartView *waiting = shown.chart(ChartKind::Waiting);
    QVERIFY(waiting);
    const QString path = m_tmp.filePath(QStringLiteral("waiting-chart.png"));
    bool menuSeen = false;
    bool dialogSeen = false;
    whileBlocked([&] {
        if (auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget())) {
            dialogSeen = true;
            dialog->setPath(path);
            dialog->setDpi(96);
            dialog->accept();
            return true;
        }
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            for (QAction *action : menu->actions()) {
                if (action == controller.exportChartAction() && !menuSeen) {
                    menuSeen = true;
                    menu->setActiveAction(action);
                    // Queued: the dialog it opens blocks, and this timer must fire again.
                    QMetaObject::invokeMethod(
                        menu, [menu] { QTest::keyClick(menu, Qt::Key_Return); },
                        Qt::QueuedConnection);
                }
            }
        }
        return false;
    });
    const QPoint pos = waiting->rect().center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, waiting->mapToGlobal(pos));
    QApplication::sendEvent(waiting->viewport(), &event);
    QTRY_VERIFY(dialogSeen);
    QVERIFY(menuSeen);
    QCOMPARE(controller.lastWritten(), QFileInfo(path).absoluteFilePath());
    const QImage image(path);
    QVERIFY(!image.isNull());
    // One chart: a wide strip, not the six-chart figure.
    QVERIFY2(image.height() * 3 < image.width(),
             qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
    QVERIFY(!controller.exportChartAction()
                 ->property(MetricChartView::kContextChartProperty)
                 .isValid());
}

void TestExport::dialogDefaultsAndMemory()
{
    AppSettings settings;
    settings.setExportFormat(QStringLiteral("pdf"));
    settings.setExportDpi(150);
    settings.setExportWidth(0);
    ExportDialog dialog(ExportDialog::Kind::Figure, &settings, m_tmp.path(),
                        QStringLiteral("run-charts"), QSizeF(1000, 500));
    QCOMPARE(dialog.format(), ChartExporter::Format::Pdf);
    QCOMPARE(dialog.path(), QDir(m_tmp.path()).filePath(QStringLiteral("run-charts.pdf")));
    QCOMPARE(dialog.dpi(), 150);
    // Not yet edited: the on-screen size at 150 / 96 dpi.
    QCOMPARE(dialog.pixelSize(), QSize(1563, 781));
    dialog.setFormat(ChartExporter::Format::Svg);
    QCOMPARE(dialog.path(), QDir(m_tmp.path()).filePath(QStringLiteral("run-charts.svg")));
    dialog.setPixelWidth(2000);
    QCOMPARE(dialog.pixelSize(), QSize(2000, 1000));
    QVERIFY(dialog.problem().isEmpty());
    dialog.setPath(m_tmp.filePath(QStringLiteral("nowhere/x.png")));
    QCOMPARE(dialog.format(), ChartExporter::Format::Png);
    QVERIFY(dialog.problem().contains(QStringLiteral("nowhere")));
    dialog.setPath(m_tmp.filePath(QStringLiteral("x.png")));
    dialog.accept();
    QCOMPARE(settings.exportFormat(), QStringLiteral("png"));
    QCOMPARE(settings.exportWidth(), 2000);

    ExportDialog data(ExportDialog::Kind::Data, &settings, m_tmp.path(), QStringLiteral("run"));
    QCOMPARE(data.path(), QDir(m_tmp.path()).filePath(QStringLiteral("run.csv")));
    data.setWholeRun(true);
    data.accept();
    QVERIFY(settings.exportWholeRun());
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"

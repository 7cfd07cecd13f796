#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"
#include "core/model/timestamp.h"
#include "core/report/summary_text.h"
#include "ui/experiment_header.h"
#include "ui/statistics_view.h"
#include "ui/text_viewer_dialog.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using hpa::ui::ExperimentHeader;
using hpa::ui::StatisticsView;
using hpa::ui::TextViewerDialog;

namespace {

QString examplePath(const char *name)
{
    return QStringLiteral(HPA_SHARED_DIR "/examples/") + QLatin1String(name);
}

std::shared_ptr<const hpa::core::Experiment> load(const QString &path)
{
    return std::make_shared<const hpa::core::Experiment>(
        hpa::core::ExperimentLoader::load(path.toStdString()));
}

bool rowSaysNotCollected(const QString &html, const QString &label)
{
    const QRegularExpression re(QRegularExpression::escape(label) +
                                QStringLiteral("</td><td colspan='7'[^>]*><i>[^<]*not collected"));
    return re.match(html).hasMatch();
}

} // namespace

class TstStatisticsView : public QObject
{
    Q_OBJECT

private slots:
    void emptyState();
    void hiddenViewLaysOutWhenShown();
    void highLoadLatencyNotCollected();
    void legacyHasNoLatencySection();
    void copiesTheTextReport();
    void correlationColours_data();
    void correlationColours();
    void headerShowsMetadataAndFiles();
    void headerButtonsFollowTheExperiment();
    void snapshotsRenderAligned();
    void textViewerFindsAndSwitches();
};

void TstStatisticsView::emptyState()
{
    StatisticsView view;
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.hasSummary());
    QVERIFY(view.html().isEmpty());
    QVERIFY(!view.copyButton()->isEnabled());
    bool emptyShown = false;
    for (QLabel *label : view.findChildren<QLabel *>()) {
        if (label->text() == QStringLiteral("Open an experiment to see its statistics"))
            emptyShown = label->isVisible();
    }
    QVERIFY(emptyShown);
    QVERIFY(!view.browser()->isVisible());
}

// Issue 17: a followed run's summary every few seconds is laid out only while the dock is
// shown; html() is the current page either way, and showing the view brings it up to date.
void TstStatisticsView::hiddenViewLaysOutWhenShown()
{
    const QString path = examplePath("high-load-hpa-20251124-155733");
    if (!QDir(path).exists())
        QSKIP("example folder high-load-hpa-20251124-155733 is absent");
    const auto experiment = load(path);
    const hpa::core::ExperimentSummary whole =
        hpa::core::ExperimentAnalyzer::summarize(*experiment);
    hpa::core::ExperimentSummary fewer = whole;
    fewer.samples = 3;
    StatisticsView view;
    view.setRenderWhileHidden(false);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSummary(fewer);
    const QString shownFewer = view.browser()->toHtml();
    view.hide();
    view.setSummary(whole);
    QCOMPARE(view.browser()->toHtml(), shownFewer); // not laid out while hidden
    StatisticsView always;
    always.setSummary(whole);
    QCOMPARE(view.html(), always.html());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.browser()->toHtml(), always.browser()->toHtml());
    QVERIFY(view.browser()->toHtml() != shownFewer);
}

void TstStatisticsView::highLoadLatencyNotCollected()
{
    const QString path = examplePath("high-load-hpa-20251124-155733");
    if (!QDir(path).exists())
        QSKIP("example folder high-load-hpa-20251124-155733 is absent");
    StatisticsView view;
    view.setSummary(hpa::core::ExperimentAnalyzer::summarize(*load(path)));
    const QString html = view.html();
    // Every TTFT/ITL/rate value is 0.00: not collected.
    QVERIFY(rowSaysNotCollected(html, "TTFT (ms)"));
    QVERIFY(rowSaysNotCollected(html, "ITL (ms)"));
    QVERIFY(rowSaysNotCollected(html, "Request rate (req/min)"));
    QVERIFY(!rowSaysNotCollected(html, "Replicas"));
    QVERIFY(html.contains("<h3 style='margin-top:12px; margin-bottom:4px'>Latency</h3>"));
    QVERIFY(html.contains("Threshold violations"));
    QVERIFY(html.contains("Correlation (Pearson)"));
    QVERIFY(view.copyButton()->isEnabled());
    QVERIFY(view.browser()->toPlainText().contains("Scale-up latency"));
}

void TstStatisticsView::legacyHasNoLatencySection()
{
    const QString path = examplePath("hpa-experiment-20251120-140312");
    if (!QDir(path).exists())
        QSKIP("example folder hpa-experiment-20251120-140312 is absent");
    StatisticsView view;
    view.setSummary(hpa::core::ExperimentAnalyzer::summarize(*load(path)));
    const QString text = view.browser()->toPlainText();
    QVERIFY(text.contains("This monitor did not record TTFT or ITL"));
    QVERIFY(text.contains("Completed jobs"));
    QVERIFY(text.contains("milli"));
    view.clear();
    QVERIFY(view.html().isEmpty());
    QVERIFY(!view.copyButton()->isEnabled());
}

void TstStatisticsView::copiesTheTextReport()
{
    hpa::core::ExperimentSummary summary;
    summary.name = "copy-me";
    summary.samples = 3;
    StatisticsView view;
    view.setSummary(summary);
    QGuiApplication::clipboard()->clear();
    view.copyButton()->click();
    const QString copied = QGuiApplication::clipboard()->text();
    QCOMPARE(copied, QString::fromStdString(hpa::core::SummaryText::render(summary)));
    QVERIFY(copied.contains("copy-me"));
}

void TstStatisticsView::correlationColours_data()
{
    QTest::addColumn<double>("r");
    QTest::addColumn<QColor>("base");
    QTest::addColumn<QColor>("expected");
    QTest::addColumn<QColor>("text");
    const QColor white(255, 255, 255), black(0, 0, 0);
    QTest::newRow("+1 on white: full red")
        << 1.0 << white << QColor(178, 24, 43) << QColor(Qt::white);
    QTest::newRow("-1 on white: full blue")
        << -1.0 << white << QColor(33, 102, 172) << QColor(Qt::white);
    // Half-way between white and blue (33,102,172): 144, 178.5 -> 179, 213.5 -> 214.
    QTest::newRow("-0.5 on white") << -0.5 << white << QColor(144, 179, 214) << QColor(Qt::black);
    QTest::newRow("0 keeps the base") << 0.0 << white << white << QColor(Qt::black);
    QTest::newRow("0 on a dark base") << 0.0 << black << black << QColor(Qt::white);
    QTest::newRow("+0.5 on black") << 0.5 << black << QColor(89, 12, 22) << QColor(Qt::white);
}

void TstStatisticsView::correlationColours()
{
    QFETCH(double, r);
    QFETCH(QColor, base);
    QFETCH(QColor, expected);
    QFETCH(QColor, text);
    const QColor got = StatisticsView::correlationColor(r, base);
    QCOMPARE(got, expected);
    QCOMPARE(StatisticsView::readableTextColor(got), text);
}

void TstStatisticsView::headerShowsMetadataAndFiles()
{
    const QString path = examplePath("hpa-experiment-20251120-140312");
    if (!QDir(path).exists())
        QSKIP("example folder hpa-experiment-20251120-140312 is absent");
    ExperimentHeader header;
    header.setExperiment(load(path));
    QCOMPARE(header.nameLabel()->text(), QStringLiteral("hpa-experiment-20251120-140312"));
    // Last *sample*, not metadata's end_time (14:32:13). The line wraps between the parts
    // only: no break inside "28m 54s".
    QCOMPARE(header.spanLabel()->text(),
             QStringLiteral("2025-11-20T14:03:12Z → 2025-11-20T14:32:06Z · 28m\u00A054s"));
    // The main keys are on the first line; every other key is behind the "more" toggle.
    const QString meta =
        header.metadataLabel()->text() + QLatin1Char('\n') + header.moreLabel()->text();
    QVERIFY(header.metadataLabel()->text().contains("Namespace"));
    QVERIFY(!header.metadataLabel()->text().contains("output_directory"));
    QVERIFY(!header.moreButton()->isHidden());
    QVERIFY(meta.contains("llm-d-inference-scheduler"));
    QVERIFY(meta.contains("vllm-hpa-combined"));
    // A key HPA Lens has no use for is shown as well.
    QVERIFY(meta.contains("output_directory"));
    QVERIFY(meta.contains("./experiment-data/hpa-experiment-20251120-140312"));
    // Namespace comes before the unknown keys.
    QVERIFY(meta.indexOf("Namespace") < meta.indexOf("output_directory"));

    QVERIFY(header.hpaButton()->isEnabled());
    QVERIFY(!header.configButton()->isEnabled()); // the older layout has no config YAML
    QVERIFY(header.filesButton()->isEnabled());
    QStringList names;
    for (const auto &d : header.files())
        names << d.name;
    QVERIFY(names.contains("monitor.log"));
    QVERIFY(names.contains("events.log"));
    QVERIFY(names.contains("jobs.log"));
}

void TstStatisticsView::headerButtonsFollowTheExperiment()
{
    const QString path = examplePath("high-load-hpa-20251124-155733");
    if (!QDir(path).exists())
        QSKIP("example folder high-load-hpa-20251124-155733 is absent");
    ExperimentHeader header;
    header.setExperiment(load(path));
    QVERIFY(!header.hpaButton()->isEnabled()); // no scaling.log, no describe text
    QVERIFY(header.configButton()->isEnabled());
    QVERIFY(header.filesButton()->isEnabled());
    QVERIFY(header.spanLabel()->text().startsWith(QStringLiteral("2025-11-24\u00A015:57:38 → ")));
    header.clear();
    QVERIFY(!header.configButton()->isEnabled());
    QVERIFY(!header.filesButton()->isEnabled());
    QVERIFY(header.files().isEmpty());
}

void TstStatisticsView::snapshotsRenderAligned()
{
    hpa::core::KubectlSnapshot table;
    table.title = "Job Status";
    table.time = hpa::core::Timestamp::parse("2025-11-20T14:03:42Z")->seconds;
    table.header = {"NAME", "STATUS"};
    table.rows = {{"bench-load-high-20", "Running"}, {"b", "Complete"}};
    hpa::core::KubectlSnapshot message;
    message.title = "Job Status";
    message.message = "No jobs found";
    const QString text = ExperimentHeader::renderSnapshots({table, message});
    QCOMPARE(text, QStringLiteral("=== Job Status at 2025-11-20T14:03:42Z ===\n"
                                  "NAME                 STATUS\n"
                                  "bench-load-high-20   Running\n"
                                  "b                    Complete\n"
                                  "\n"
                                  "=== Job Status ===\n"
                                  "No jobs found\n"));
}

void TstStatisticsView::textViewerFindsAndSwitches()
{
    TextViewerDialog dialog;
    dialog.setDocuments({{"a.log", "alpha\nbeta\nalpha again"}, {"b.md", "# Title"}});
    QCOMPARE(dialog.currentName(), QStringLiteral("a.log"));
    QVERIFY(dialog.editor()->isReadOnly());
    QVERIFY(dialog.find("ALPHA"));
    QCOMPARE(dialog.editor()->textCursor().selectionStart(), 0);
    QVERIFY(dialog.find("alpha"));
    QCOMPARE(dialog.editor()->textCursor().selectionStart(), 11);
    QVERIFY(dialog.find("alpha")); // wraps around to the first
    QCOMPARE(dialog.editor()->textCursor().selectionStart(), 0);
    QVERIFY(!dialog.find("gamma"));
    dialog.showDocument("b.md");
    QCOMPARE(dialog.editor()->toPlainText(), QStringLiteral("# Title"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("b.md"));

    dialog.setDocuments({{"only.txt", "x"}});
    QVERIFY(dialog.selector()->isHidden());
}

QTEST_MAIN(TstStatisticsView)
#include "tst_statistics_view.moc"

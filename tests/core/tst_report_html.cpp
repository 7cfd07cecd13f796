// The report page (core/report/report_html): escaping of everything read from a folder, a
// well-formed page (parsed as XML) with unique ids, every section in order, nothing that
// could make the browser fetch anything, and the figure marker of the PDF flavor.
#include "bench_log_writer.h"
#include "core/analysis/comparison.h"
#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"
#include "core/report/html_writer.h"
#include "core/report/report_html.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <string>

using namespace hpa::core;

namespace {

const std::string kExample = HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000";
const std::string kSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                         "<rect width=\"10\" height=\"10\" fill=\"#1f77b4\"/></svg>";

/// What an XML reader finds in the page: element names in order, every id, every attribute
/// that can name a resource, the text of <h2>s.
struct Parsed
{
    QString error;
    QStringList elements, ids, resourceAttributes, h2;
};

Parsed parse(const std::string &html)
{
    Parsed p;
    QXmlStreamReader xml(QByteArray::fromStdString(html));
    QString heading;
    bool inH2 = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            p.elements << xml.name().toString();
            for (const QXmlStreamAttribute &a : xml.attributes()) {
                const QString name = a.qualifiedName().toString();
                if (name == QLatin1String("id"))
                    p.ids << a.value().toString();
                if (name == QLatin1String("src") || name == QLatin1String("href") ||
                    name == QLatin1String("xlink:href") || name == QLatin1String("action") ||
                    name == QLatin1String("srcset") || name == QLatin1String("poster"))
                    p.resourceAttributes << a.value().toString();
            }
            inH2 = xml.name() == QLatin1String("h2");
            heading.clear();
        } else if (xml.isCharacters() && inH2) {
            heading += xml.text();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("h2")) {
            p.h2 << heading;
            inH2 = false;
        }
    }
    if (xml.hasError())
        p.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return p;
}

} // namespace

class TestReportHtml : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_experiment = ExperimentLoader::load(kExample);
        m_summary = ExperimentAnalyzer::summarize(m_experiment);
    }

    void escape_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("markup") << QByteArray("<b>&\"'</b>")
                                << QByteArray("&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;");
        QTest::newRow("script") << QByteArray("</table><script>x()</script>")
                                << QByteArray("&lt;/table&gt;&lt;script&gt;x()&lt;/script&gt;");
        QTest::newRow("utf-8 kept") << QByteArray("≤ 5 µs → ok") << QByteArray("≤ 5 µs → ok");
        QTest::newRow("invalid byte") << QByteArray("a\xff"
                                                    "b")
                                      << QByteArray("a\xEF\xBF\xBD"
                                                    "b");
        QTest::newRow("truncated sequence")
            << QByteArray("a\xE2\x89") << QByteArray("a\xEF\xBF\xBD\xEF\xBF\xBD");
        QTest::newRow("overlong slash")
            << QByteArray("\xC0\xAF") << QByteArray("\xEF\xBF\xBD\xEF\xBF\xBD");
        QTest::newRow("surrogate")
            << QByteArray("\xED\xA0\x80") << QByteArray("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
        QTest::newRow("controls dropped, tab and newline kept")
            << QByteArray("a\x01\x1b[31m\tb\nc\x7f") << QByteArray("a[31m\tb\nc");
    }
    void escape()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(HtmlWriter::escape(text.toStdString())), expected);
    }

    void pageIsWellFormedAndComplete()
    {
        ReportInput in = input();
        const std::string html = ReportHtml::render(in, ReportHtml::Flavor::Browser);
        QVERIFY(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
        const Parsed p = parse(html);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.elements.count(QStringLiteral("title")), 1);
        QCOMPARE(p.elements.count(QStringLiteral("svg")), 1);
        QCOMPARE(p.elements.count(QStringLiteral("h1")), 1);
        QCOMPARE(QSet<QString>(p.ids.begin(), p.ids.end()).size(), p.ids.size()); // unique ids
        // The demo run has no job logs and no replay: those sections are left out.
        QCOMPARE(p.h2, (QStringList{"Run", "HPA configuration", "Figure", "Autoscaling scorecard",
                                    "Scaling episodes", "Statistics", "Scaling events",
                                    "Definitions", "Warnings"}));
        // Every contents link points at a section of the page.
        for (const QString &link : p.resourceAttributes) {
            QVERIFY2(link.startsWith(QLatin1Char('#')), qPrintable(link));
            QVERIFY2(p.ids.contains(link.mid(1)), qPrintable(link));
        }
        QCOMPARE(p.resourceAttributes.size(), p.h2.size());
    }

    void pageFetchesNothing()
    {
        const std::string html = ReportHtml::render(input(), ReportHtml::Flavor::Browser);
        const QString page = QString::fromStdString(html);
        QVERIFY(page.contains(QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" "
                                             "content=\"default-src 'none'; ")));
        QVERIFY(!page.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!page.contains(QStringLiteral("<link"), Qt::CaseInsensitive));
        QVERIFY(!page.contains(QStringLiteral("@import"), Qt::CaseInsensitive));
        QVERIFY(!page.contains(QStringLiteral("url("), Qt::CaseInsensitive));
        QVERIFY(!page.contains(QStringLiteral("@font-face"), Qt::CaseInsensitive));
        // The only URIs are XML namespace names of the inline SVG, which are never fetched.
        static const QRegularExpression uri(QStringLiteral("(https?|ftp|file)://[^\"' <]*"));
        for (auto it = uri.globalMatch(page); it.hasNext();) {
            const QString u = it.next().captured();
            QVERIFY2(u == QLatin1String("http://www.w3.org/2000/svg"), qPrintable(u));
        }
        // Phone and print layouts.
        QVERIFY(page.contains(QStringLiteral("name=\"viewport\" content=\"width=device-width")));
        QVERIFY(page.contains(QStringLiteral("@media screen and (max-width: 700px)")));
        QVERIFY(page.contains(QStringLiteral("@media print")));
    }

    void hostileTextStaysText()
    {
        ExperimentSummary s = m_summary;
        s.name = "<img src=x onerror=alert(1)>";
        s.warnings.push_back({"metrics.csv", 7, "</li></ul><script>alert(2)</script>\xff"});
        ReportInput in = input();
        in.runs.front().summary = &s;
        const std::string html = ReportHtml::render(in, ReportHtml::Flavor::Browser);
        const Parsed p = parse(html);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QVERIFY(!p.elements.contains(QStringLiteral("img")));
        QVERIFY(!p.elements.contains(QStringLiteral("script")));
        QVERIFY(html.find("metrics.csv:7: &lt;/li&gt;&lt;/ul&gt;&lt;script&gt;alert(2)&lt;/"
                          "script&gt;\xEF\xBF\xBD") != std::string::npos);
    }

    void comparisonHasVerdicts()
    {
        const ExperimentComparison comparison(m_summary, m_summary);
        ReportInput in = input();
        ReportRun b = in.runs.front();
        in.runs.front().label = "A";
        b.label = "B";
        in.runs.push_back(b);
        in.comparison = &comparison;
        const std::string html = ReportHtml::render(in, ReportHtml::Flavor::Browser);
        const Parsed p = parse(html);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(QSet<QString>(p.ids.begin(), p.ids.end()).size(), p.ids.size());
        QVERIFY(p.h2.contains(QStringLiteral("Comparison (B relative to A)")));
        QVERIFY(!p.h2.contains(QStringLiteral("Statistics"))); // in the comparison instead
        QVERIFY(html.find("A and B are the same run") != std::string::npos);
        // The same run against itself: every judged row is "same", none better or worse.
        QVERIFY(html.find("<td>same</td>") != std::string::npos);
        QVERIFY(html.find("class=\"better\"") == std::string::npos);
        QVERIFY(html.find("class=\"worse\"") == std::string::npos);
        QVERIFY(html.find("<h3 id=\"run-A\">Run A: ") != std::string::npos);
        QVERIFY(html.find("<h3 id=\"run-B\">Run B: ") != std::string::npos);
    }

    void jobsSectionWhenJobLogs()
    {
        // The bundled run with two job logs beside it: one complete, one killed mid-run.
        QTemporaryDir tmp;
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("job-logs"))));
        for (const QString &name : QDir(QString::fromStdString(kExample)).entryList(QDir::Files))
            QVERIFY(QFile::copy(QString::fromStdString(kExample) + QLatin1Char('/') + name,
                                tmp.filePath(name)));
        hpa::test::BenchLogSpec spec;
        spec.frames = 50;
        const auto write = [&tmp](const char *name, const std::string &text) {
            QFile f(tmp.filePath(QStringLiteral("job-logs/")) + QLatin1String(name));
            return f.open(QIODevice::WriteOnly) &&
                   f.write(text.data(), qint64(text.size())) == qint64(text.size());
        };
        QVERIFY(write("load-a_load-a-x1y2z.log", hpa::test::benchLog(spec)));
        spec.block = false;
        QVERIFY(write("load-b_load-b-x1y2z.log", hpa::test::benchLog(spec)));
        const Experiment e = ExperimentLoader::load(tmp.path().toStdString());
        QCOMPARE(e.jobs.size(), std::size_t{2});
        const ExperimentSummary s = ExperimentAnalyzer::summarize(e);
        ReportInput in = input();
        in.runs.front() = {"", &s, &e, nullptr};
        const std::string html = ReportHtml::render(in, ReportHtml::Flavor::Browser);
        const Parsed p = parse(html);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QVERIFY(p.h2.contains(QStringLiteral("Bench jobs")));
        QVERIFY(html.find("<td>load-a</td><td>complete</td>") != std::string::npos);
        QVERIFY(html.find("<td>load-b</td><td>killed during run</td>") != std::string::npos);
        QVERIFY(html.find("<th scope=\"row\">Jobs with a result</th><td>1 (") != std::string::npos);
        // The killed job's warning is listed under Warnings.
        QVERIFY(html.find("job-logs/load-b_load-b-x1y2z.log") != std::string::npos);
    }

    void withoutFigureSaysWhy()
    {
        ReportInput in = input();
        in.figureSvg.clear();
        in.figureNote = "No figure: test.";
        const std::string html = ReportHtml::render(in, ReportHtml::Flavor::Browser);
        QVERIFY(html.find("<svg") == std::string::npos);
        QVERIFY(html.find("No figure: test.") != std::string::npos);
    }

    void richTextHasOneFigureMarker()
    {
        const std::string html = ReportHtml::render(input(), ReportHtml::Flavor::RichText);
        const std::string marker(ReportHtml::kFigureMarker);
        const auto first = html.find(marker);
        QVERIFY(first != std::string::npos);
        QCOMPARE(html.find(marker, first + 1), std::string::npos);
        QVERIFY(html.find("<svg") == std::string::npos);
        QVERIFY(html.find("<style") == std::string::npos); // Qt gets its style sheet apart
    }

private:
    ReportInput input() const
    {
        ReportInput in;
        in.runs.push_back({"", &m_summary, &m_experiment, nullptr});
        in.figureSvg = kSvg;
        in.figureCaption = "caption";
        in.generatedAt = "2026-11-29 21:30 UTC";
        in.generator = "HPA Lens test";
        return in;
    }

    Experiment m_experiment;
    ExperimentSummary m_summary;
};

QTEST_GUILESS_MAIN(TestReportHtml)
#include "tst_report_html.moc"

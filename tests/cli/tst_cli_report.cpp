// hpa-lens report: the HTML rendered by a real browser (headless Chromium) shows the page and
// its figure and starts no network request (Chromium's NetLog, checked against a control page
// that does); the PDF (read back with poppler's pdfinfo and
// pdftotext) is paginated with a header on every page, has every section and a vector figure;
// bad usage exits 2 and writes nothing; the experiment folder is never written to.
#include "cli_process.h"
#include "test_files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>

namespace {

const QString kExample =
    QStringLiteral(HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000");
const QString kShared = QStringLiteral(HPA_SHARED_DIR "/examples/");

/// Every file under `dir` with its content hash: the folder's state before and after.
QStringList snapshot(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        out << QDir(dir).relativeFilePath(path) + QLatin1Char(' ') +
                   QString::fromLatin1(
                       QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1).toHex());
    }
    out.sort();
    return out;
}

struct Shot
{
    bool ran = false;
    QString why; ///< when it did not
    QImage image;
    /// Every network request the page made ("METHOD URL"), from Chromium's NetLog.
    QStringList pageRequests;
    int requestsLogged = 0; ///< all requests in the NetLog, the browser's own included
};

/// The requests of Chromium's NetLog that a page started: URL_REQUEST_START_JOB events whose
/// initiator is an origin (a file:// page is the opaque origin "null"). The browser's own
/// requests (network time, component updates, accounts) say "not an origin".
bool readNetLog(const QString &path, Shot &shot)
{
    const QJsonDocument doc = QJsonDocument::fromJson(hpa::test::readBytes(path));
    const QJsonObject root = doc.object();
    const int startJob = root[QStringLiteral("constants")][QStringLiteral("logEventTypes")]
                             [QStringLiteral("URL_REQUEST_START_JOB")]
                                 .toInt(-1);
    if (startJob < 0)
        return false;
    for (const QJsonValue &event : root[QStringLiteral("events")].toArray()) {
        const QJsonObject e = event.toObject();
        const QJsonObject params = e[QStringLiteral("params")].toObject();
        if (e[QStringLiteral("type")].toInt() != startJob ||
            !params.contains(QStringLiteral("url")))
            continue;
        ++shot.requestsLogged;
        const QString initiator = params[QStringLiteral("initiator")].toString();
        if (!initiator.isEmpty() && initiator != QLatin1String("not an origin"))
            shot.pageRequests << params[QStringLiteral("method")].toString() + QLatin1Char(' ') +
                                     params[QStringLiteral("url")].toString();
    }
    return true;
}

/// Renders `html` with headless Chromium at `width` x `height` CSS pixels with its NetLog on.
/// Every host name resolves to nothing, so no request leaves the machine; the NetLog still
/// records each one the page starts.
Shot screenshot(const QString &html, const QString &png, int width, int height,
                const QString &profile)
{
    Shot shot;
    const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (chromium.isEmpty()) {
        shot.why = QStringLiteral("chromium is not installed (scripts/deps.sh installs it)");
        return shot;
    }
    const QString netLog = png + QStringLiteral(".netlog.json");
    QFile::remove(png);
    QFile::remove(netLog);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), profile);
    p.setProcessEnvironment(env);
    p.start(chromium,
            {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
             QStringLiteral("--disable-gpu"), QStringLiteral("--no-first-run"),
             QStringLiteral("--disable-background-networking"),
             QStringLiteral("--disable-component-update"), QStringLiteral("--disable-extensions"),
             QStringLiteral("--hide-scrollbars"),
             QStringLiteral("--host-resolver-rules=MAP * ~NOTFOUND"),
             QStringLiteral("--user-data-dir=") + profile + QStringLiteral("/chromium"),
             QStringLiteral("--log-net-log=") + netLog,
             QStringLiteral("--net-log-capture-mode=Default"),
             QStringLiteral("--window-size=%1,%2").arg(width).arg(height),
             QStringLiteral("--screenshot=") + png, QUrl::fromLocalFile(html).toString()});
    if (!p.waitForFinished(90000)) {
        p.kill();
        p.waitForFinished();
        shot.why = QStringLiteral("chromium did not finish within 90 s");
        return shot;
    }
    shot.image = QImage(png);
    if (shot.image.isNull()) {
        shot.why = QStringLiteral("chromium wrote no screenshot (exit %1): %2")
                       .arg(p.exitCode())
                       .arg(QString::fromLocal8Bit(p.readAllStandardError().right(600)));
        return shot;
    }
    if (!readNetLog(netLog, shot)) {
        shot.why = QStringLiteral("chromium wrote no readable NetLog (%1)").arg(netLog);
        return shot;
    }
    shot.ran = true;
    return shot;
}

/// Share of pixels that are not (near) white.
double inked(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 ink = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            ink += qGray(line[x]) < 240;
    }
    return double(ink) / (double(img.width()) * img.height());
}

/// Share of pixels in colour (not grey): the figure's curves, shaded target regions and
/// markers; the rest of the page is black text on white with a few blue links.
double coloured(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 n = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const int r = qRed(line[x]), g = qGreen(line[x]), b = qBlue(line[x]);
            n += std::max({r, g, b}) - std::min({r, g, b}) > 40;
        }
    }
    return double(n) / (double(img.width()) * img.height());
}

QString run(const QString &program, const QStringList &args, bool *ok)
{
    QProcess p;
    p.start(program, args);
    *ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(QFileInfo(kExample).isDir(), qPrintable(kExample));
        m_before = snapshot(kExample);
        m_html = m_tmp.filePath(QStringLiteral("demo report.html"));
        m_pdf = m_tmp.filePath(QStringLiteral("demo-report.pdf"));
        for (const QString &out : {m_html, m_pdf}) {
            const auto r = hpa::test::runHpaLens(
                {QStringLiteral("report"), kExample, QStringLiteral("-o"), out}, true);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY2(r.out.startsWith("Wrote " + QFileInfo(out).absoluteFilePath().toUtf8()),
                     r.out.constData());
            QVERIFY(QFileInfo(out).size() > 10000);
        }
    }

    void experimentFolderUntouched() { QCOMPARE(snapshot(kExample), m_before); }

    void browserShowsPageAndFigureWithoutRequests()
    {
        const QString profile = m_tmp.filePath(QStringLiteral("profile"));
        QDir().mkpath(profile);
        // The detector first: a page that does fetch must be seen fetching.
        const QString control = m_tmp.filePath(QStringLiteral("control.html"));
        {
            QFile f(control);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("<!DOCTYPE html><html><body><p>control</p>"
                    "<img src=\"http://hpa-lens-probe.invalid/x.png\"/></body></html>");
        }
        const Shot controlShot =
            screenshot(control, m_tmp.filePath(QStringLiteral("control.png")), 400, 300, profile);
        if (!controlShot.ran)
            QSKIP(qPrintable(QStringLiteral("headless Chromium cannot run here: ") +
                             controlShot.why));
        QCOMPARE(controlShot.pageRequests,
                 QStringList{QStringLiteral("GET http://hpa-lens-probe.invalid/x.png")});

        const Shot page =
            screenshot(m_html, m_tmp.filePath(QStringLiteral("report.png")), 1280, 2600, profile);
        QVERIFY2(page.ran, qPrintable(page.why));
        QCOMPARE(page.image.width(), 1280);
        QVERIFY2(page.pageRequests.isEmpty(), qPrintable(page.pageRequests.join('\n')));
        const double ink = inked(page.image);
        QVERIFY2(ink > 0.03, qPrintable(QString::number(ink)));

        // The same page without its <svg> element: the colour on the page is the figure's.
        QByteArray html = hpa::test::readBytes(m_html);
        const qsizetype from = html.indexOf("<svg");
        const qsizetype to = html.indexOf("</svg>");
        QVERIFY(from > 0 && to > from);
        html.remove(from, to + 6 - from);
        const QString stripped = m_tmp.filePath(QStringLiteral("stripped.html"));
        {
            QFile f(stripped);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(html);
        }
        const Shot without = screenshot(stripped, m_tmp.filePath(QStringLiteral("stripped.png")),
                                        1280, 2600, profile);
        QVERIFY2(without.ran, qPrintable(without.why));
        const double with = coloured(page.image), plain = coloured(without.image);
        QVERIFY2(
            with > 0.01 && with > 5 * plain,
            qPrintable(
                QStringLiteral("coloured %1 with the figure, %2 without").arg(with).arg(plain)));
    }

    void pdfIsPaginatedWithHeadersAndSections()
    {
        bool ok = false;
        const QString info = run(QStringLiteral("pdfinfo"), {m_pdf}, &ok);
        if (!ok && QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
            QSKIP("pdfinfo is not installed (poppler-utils; scripts/deps.sh installs it)");
        QVERIFY2(ok, qPrintable(info));
        const auto pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY(pages.hasMatch());
        const int n = pages.captured(1).toInt();
        QVERIFY2(n >= 3, qPrintable(info));
        QVERIFY(info.contains(QRegularExpression(QStringLiteral("Creator:\\s+HPA Lens\n"))));
        QVERIFY(info.contains(QStringLiteral("A4")));
        for (int page = 1; page <= n; ++page) {
            const QString text =
                run(QStringLiteral("pdftotext"),
                    {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                     QString::number(page), m_pdf, QStringLiteral("-")},
                    &ok);
            QVERIFY(ok);
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(n)),
                     qPrintable(text.left(300)));
            QVERIFY2(text.contains(QStringLiteral("HPA Lens report: demo-hpa-20251201-100000")),
                     qPrintable(text.left(300)));
        }
        // NFKC: the PDF's text has the font's ligatures ("ﬁ").
        const QString all = run(QStringLiteral("pdftotext"), {m_pdf, QStringLiteral("-")}, &ok)
                                .normalized(QString::NormalizationForm_KC);
        QVERIFY(ok);
        for (const char *section :
             {"Run", "HPA configuration", "Figure", "Autoscaling scorecard", "Scaling episodes",
              "Statistics", "Scaling events", "Definitions", "Warnings", "θU under-provisioning"})
            QVERIFY2(all.contains(QString::fromUtf8(section)), section);
        // The figure is drawn as vector: its title is text in the PDF (the report has no
        // caption in the PDF, so only the chart draws it) and the PDF holds no raster image.
        QVERIFY(all.contains(QStringLiteral("HPA Scaling Experiment")));
        const QString images =
            run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), m_pdf}, &ok);
        QVERIFY(ok);
        QCOMPARE(images.trimmed().split(QLatin1Char('\n')).size(), 2); // header lines only
    }

    void htmlIsValidHtml5()
    {
        // html5lib implements the WHATWG parsing algorithm; strict mode makes every parse error
        // (a stray end tag, a missing doctype, an attribute given twice, ...) fatal. The
        // Debian package installs it for /usr/bin/python3.
        QString python =
            QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
        if (python.isEmpty())
            python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        QStringList files{m_html};
        // The comparison and the replay add their own sections: check those too when the
        // shared examples are here.
        const QString a = kShared + QStringLiteral("hpa-experiment-20251120-140312");
        const QString b = kShared + QStringLiteral("high-load-hpa-20251124-155733");
        const QString hpa = kShared + QStringLiteral("hpa-manifests/hpa-vllm-combined.yaml");
        const QString wva =
            kShared + QStringLiteral("wva/model-based-high-parallel-20251209-224705");
        if (QFileInfo(a).isDir() && QFileInfo(b).isDir() && QFile::exists(hpa)) {
            const QString ab = m_tmp.filePath(QStringLiteral("valid-ab.html"));
            QCOMPARE(
                hpa::test::runHpaLens({QStringLiteral("report"), a, QStringLiteral("--compare"), b,
                                       QStringLiteral("-o"), ab},
                                      true)
                    .exitCode,
                0);
            const QString replay = m_tmp.filePath(QStringLiteral("valid-replay.html"));
            QCOMPARE(hpa::test::runHpaLens({QStringLiteral("report"), b, QStringLiteral("--hpa"),
                                            hpa, QStringLiteral("-o"), replay},
                                           true)
                         .exitCode,
                     0);
            files << ab << replay;
        }
        if (QFileInfo(wva).isDir()) {
            const QString jobs = m_tmp.filePath(QStringLiteral("valid-wva.html"));
            QCOMPARE(hpa::test::runHpaLens(
                         {QStringLiteral("report"), wva, QStringLiteral("-o"), jobs}, true)
                         .exitCode,
                     0);
            files << jobs;
        }
        QProcess p;
        p.start(python,
                QStringList{QStringLiteral(HPA_SOURCE_DIR "/tests/cli/html5_strict.py")} + files);
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        if (p.exitCode() == 3)
            QSKIP(qPrintable(out.trimmed()));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(out));
        // The checker itself: a page with a parse error must be rejected.
        const QString bad = m_tmp.filePath(QStringLiteral("bad.html"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("<!DOCTYPE html><html><head><title>x</title></head><body><p>a</div></body>"
                    "</html>");
        }
        p.start(python, {QStringLiteral(HPA_SOURCE_DIR "/tests/cli/html5_strict.py"), bad});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(
            QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("bad.html:1:")));
    }

    void comparisonOfSharedExamples()
    {
        const QString a = kShared + QStringLiteral("hpa-experiment-20251120-140312");
        const QString b = kShared + QStringLiteral("high-load-hpa-20251124-155733");
        if (!QFileInfo(a).isDir() || !QFileInfo(b).isDir())
            QSKIP("the shared examples are not here (../shared/examples)");
        const QString out = m_tmp.filePath(QStringLiteral("ab.html"));
        const auto r = hpa::test::runHpaLens(
            {QStringLiteral("report"), a, QStringLiteral("--compare"), b,
             QStringLiteral("--slo-ttft"), QStringLiteral("500"), QStringLiteral("-o"), out},
            true);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray html = hpa::test::readBytes(out);
        QVERIFY(html.contains("<h2>Comparison (B relative to A)</h2>"));
        QVERIFY(html.contains("<tr class=\"better\">") || html.contains("<tr class=\"worse\">"));
        QVERIFY(html.contains("TTFT ≤ 500 ms")); // --slo-ttft reached the scorecard
        QVERIFY(html.contains("<h3 id=\"events-B\">Run B: high-load-hpa-20251124-155733</h3>"));
        QCOMPARE(html.count("<svg"), 1);
    }

    void replayWithHpa()
    {
        const QString dir = kShared + QStringLiteral("high-load-hpa-20251124-155733");
        const QString hpa = kShared + QStringLiteral("hpa-manifests/hpa-vllm-combined.yaml");
        if (!QFileInfo(dir).isDir() || !QFile::exists(hpa))
            QSKIP("the shared example or its manifest is not here (../shared)");
        const QString out = m_tmp.filePath(QStringLiteral("replay.html"));
        const auto r =
            hpa::test::runHpaLens({QStringLiteral("report"), dir, QStringLiteral("--hpa"), hpa,
                                   QStringLiteral("-o"), out},
                                  true);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray html = hpa::test::readBytes(out);
        QVERIFY(html.contains("<h2>HPA replay: self-check and what-ifs</h2>"));
        QVERIFY(html.contains("Agreement with the recorded desired replicas"));
        QVERIFY(html.contains("<th class=\"num\">the spec as loaded</th>")); // a what-if column
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString out = QDir::tempPath() + QStringLiteral("/hpa-lens-never-written");
        QTest::newRow("no -o") << QStringList{QStringLiteral("report"), kExample}
                               << "report needs -o FILE.html or -o FILE.pdf";
        QTest::newRow("other suffix")
            << QStringList{QStringLiteral("report"), kExample, QStringLiteral("-o"),
                           out + QStringLiteral(".png")}
            << "report writes .html or .pdf";
        QTest::newRow("option of export")
            << QStringList{QStringLiteral("report"), kExample,
                           QStringLiteral("--png"),  out + QStringLiteral(".png"),
                           QStringLiteral("-o"),     out + QStringLiteral(".html")}
            << "report does not take --png";
        QTest::newRow("missing manifest")
            << QStringList{QStringLiteral("report"), kExample,
                           QStringLiteral("--hpa"),  QStringLiteral("/nonexistent/hpa.yaml"),
                           QStringLiteral("-o"),     out + QStringLiteral(".html")}
            << "/nonexistent/hpa.yaml";
        QTest::newRow("not an experiment")
            << QStringList{QStringLiteral("report"), QStringLiteral(HPA_SOURCE_DIR "/core"),
                           QStringLiteral("-o"), out + QStringLiteral(".html")}
            << "";
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString out = QDir::tempPath() + QStringLiteral("/hpa-lens-never-written");
        const auto r = hpa::test::runHpaLens(args, true);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(!QFile::exists(out + QStringLiteral(".html")));
        QVERIFY(!QFile::exists(out + QStringLiteral(".png")));
    }

private:
    QTemporaryDir m_tmp;
    QStringList m_before;
    QString m_html, m_pdf;
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"

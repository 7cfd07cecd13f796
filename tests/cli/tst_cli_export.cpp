#include "cli_process.h"

#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using hpa::test::readBytes;

namespace {

const QString kShared = QStringLiteral(HPA_SHARED_DIR "/examples/");
const QString kHighLoad = kShared + QStringLiteral("high-load-hpa-20251124-155733");
const QString kLegacy = kShared + QStringLiteral("hpa-experiment-20251120-140312");

using Run = hpa::test::CliRun;

/// Runs hpa-lens without any display, as on a server.
Run run(const QStringList &args)
{
    return hpa::test::runHpaLens(args, true);
}

QString bundledExample()
{
    const QDir dir(QStringLiteral(HPA_SOURCE_DIR "/resources/examples"));
    const QStringList entries = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    return entries.isEmpty() ? QString() : dir.filePath(entries.front());
}

quint32 bigEndian32(const QByteArray &bytes, int at)
{
    quint32 v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<unsigned char>(bytes.at(at + i));
    return v;
}

/// Data lines of a metrics.csv (all non-empty lines but the header).
int sampleLines(const QString &dir)
{
    const QList<QByteArray> lines = readBytes(dir + QStringLiteral("/metrics.csv")).split('\n');
    int n = 0;
    for (const QByteArray &line : lines)
        n += line.trimmed().isEmpty() ? 0 : 1;
    return n - 1;
}

hpa::core::ExperimentSummary summarize(const QString &dir)
{
    return hpa::core::ExperimentAnalyzer::summarize(
        hpa::core::ExperimentLoader::load(dir.toStdString()));
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writesEveryFormat();
    void csvReimportsWithEqualStatistics_data();
    void csvReimportsWithEqualStatistics();
    void rangeSelectsSamples_data();
    void rangeSelectsSamples();
    void errorsExitTwoWithOneLine_data();
    void errorsExitTwoWithOneLine();
    void comparesTwoRuns();
    void numbersHaveTenSignificantDigitsAtMost();

private:
    QString m_example;
    QTemporaryDir m_tmp;
};

void TestCliExport::initTestCase()
{
    m_example = bundledExample();
    QVERIFY2(!m_example.isEmpty(), "resources/examples holds no experiment folder");
    QVERIFY(m_tmp.isValid());
}

void TestCliExport::writesEveryFormat()
{
    QTemporaryDir dir;
    auto file = [&](const char *name) {
        return dir.filePath(QString::fromLatin1(name));
    };
    const Run r = run({QStringLiteral("export"), m_example, QStringLiteral("--png"), file("f.png"),
                       QStringLiteral("--svg"), file("f.svg"), QStringLiteral("--pdf"),
                       file("f.pdf"), QStringLiteral("--csv"), file("m.csv"),
                       QStringLiteral("--summary-csv"), file("s.csv"), QStringLiteral("--size"),
                       QStringLiteral("1200x900"), QStringLiteral("--dpi"), QStringLiteral("150")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.out.count("Wrote "), 5);

    const QByteArray png = readBytes(file("f.png"));
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    // IHDR: width and height at bytes 16 and 20: exactly --size (tst_cli_export_layout checks
    // more sizes and resolutions).
    QCOMPARE(bigEndian32(png, 16), quint32(1200));
    QCOMPARE(bigEndian32(png, 20), quint32(900));
    // pHYs: 150 dpi = 5906 pixels per metre.
    const int phys = png.indexOf("pHYs");
    QVERIFY(phys > 0);
    QCOMPARE(bigEndian32(png, phys + 4), quint32(5906));

    const QByteArray svg = readBytes(file("f.svg"));
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<title>HPA Scaling Experiment: hpa-lens-demo-20251201-100000</title>"));
    QVERIFY(readBytes(file("f.pdf")).startsWith("%PDF"));
    QVERIFY(readBytes(file("m.csv")).startsWith("timestamp,elapsed_s,"));
    QVERIFY(readBytes(file("s.csv")).startsWith("statistic,value\n"));
    // Nothing else, in particular no temporary file, is left in the folder.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 5);
}

void TestCliExport::csvReimportsWithEqualStatistics_data()
{
    QTest::addColumn<QString>("dir");
    QTest::newRow("bundled example") << bundledExample();
    QTest::newRow("newer layout") << kHighLoad;
    QTest::newRow("older layout") << kLegacy;
}

void TestCliExport::csvReimportsWithEqualStatistics()
{
    QFETCH(QString, dir);
    if (!QDir(dir).exists())
        QSKIP(qPrintable(QStringLiteral("example absent: %1").arg(dir)));
    QTemporaryDir copy;
    const Run r = run({QStringLiteral("export"), dir, QStringLiteral("--csv"),
                       copy.filePath(QStringLiteral("metrics.csv"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    const hpa::core::ExperimentSummary original = summarize(dir);
    const hpa::core::ExperimentSummary again = summarize(copy.path());
    QCOMPARE(again.samples, original.samples);
    QCOMPARE(again.durationSeconds, original.durationSeconds);
    QCOMPARE(again.replicasMax, original.replicasMax);
    QCOMPARE(again.replicaSeconds, original.replicaSeconds);
    QCOMPARE(again.waitingViolations.samples, original.waitingViolations.samples);
    QCOMPARE(again.kvViolations.samples, original.kvViolations.samples);
    QVERIFY(!original.seriesOrder.empty());
    for (const std::string &key : original.seriesOrder) {
        const auto &a = original.series.at(key);
        QVERIFY2(again.series.count(key), key.c_str());
        const auto &b = again.series.at(key);
        QCOMPARE(b.collected, a.collected);
        QCOMPARE(b.count, a.count);
        QCOMPARE(b.mean, a.mean);
        QCOMPARE(b.min, a.min);
        QCOMPARE(b.max, a.max);
        QCOMPARE(b.p50, a.p50);
        QCOMPARE(b.p99, a.p99);
    }
}

void TestCliExport::rangeSelectsSamples_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    // The bundled run samples every 5 s from 10:00:00: 10:01:00 to 10:05:00 is 49 samples.
    QTest::newRow("elapsed seconds") << "60"
                                     << "300";
    QTest::newRow("mm:ss") << "1:00"
                           << "05:00";
    QTest::newRow("h:mm:ss") << "0:01:00"
                             << "0:05:00";
    QTest::newRow("timestamp") << "2025-12-01 10:01:00"
                               << "2025-12-01T10:05:00";
}

void TestCliExport::rangeSelectsSamples()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    const QString csv = m_tmp.filePath(QStringLiteral("range.csv"));
    const QString png = m_tmp.filePath(QStringLiteral("range.png"));
    const Run r = run({QStringLiteral("export"), m_example, QStringLiteral("--csv"), csv,
                       QStringLiteral("--png"), png, QStringLiteral("--dpi"), QStringLiteral("96"),
                       QStringLiteral("--from"), from, QStringLiteral("--to"), to});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = readBytes(csv).trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 49);
    QVERIFY(lines.at(1).startsWith("2025-12-01 10:01:00,60,"));
    QVERIFY(lines.back().startsWith("2025-12-01 10:05:00,300,"));
    QVERIFY(readBytes(png).startsWith("\x89PNG"));
}

void TestCliExport::errorsExitTwoWithOneLine_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<bool>("missingFolder");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no such experiment") << QStringList{} << true << "no-such-run";
    QTest::newRow("unreadable --from")
        << QStringList{"--from", "soon", "--to", "5:00"} << false << "--from 'soon'";
    QTest::newRow("--from after --to")
        << QStringList{"--from", "5:00", "--to", "1:00"} << false << "--from must be before";
    QTest::newRow("range outside the run")
        << QStringList{"--from", "2:00:00", "--to", "3:00:00"} << false << "outside the run";
    QTest::newRow("output folder missing")
        << QStringList{"--png", "/nonexistent-folder/x.png"} << false << "nonexistent-folder/x.png";
}

void TestCliExport::errorsExitTwoWithOneLine()
{
    QFETCH(QStringList, extra);
    QFETCH(bool, missingFolder);
    QFETCH(QString, mentions);
    const QString out = m_tmp.filePath(QStringLiteral("error-case.csv"));
    QFile::remove(out);
    const QString dir = missingFolder ? m_tmp.filePath(QStringLiteral("no-such-run")) : m_example;
    const Run r =
        run(QStringList{QStringLiteral("export"), dir, QStringLiteral("--csv"), out} + extra);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.startsWith("hpa-lens: "), r.err.constData());
    QVERIFY2(r.err.contains(mentions.toUtf8()), r.err.constData());
    // Stops before writing anything (the CSV comes after the figures).
    QVERIFY(!QFile::exists(out));
}

void TestCliExport::comparesTwoRuns()
{
    if (!QDir(kHighLoad).exists() || !QDir(kLegacy).exists())
        QSKIP("shared examples absent: " HPA_SHARED_DIR "/examples");
    const QString png = m_tmp.filePath(QStringLiteral("ab.png"));
    const QString stats = m_tmp.filePath(QStringLiteral("ab.csv"));
    const Run r = run({QStringLiteral("export"), kHighLoad, QStringLiteral("--compare"), kLegacy,
                       QStringLiteral("--png"), png, QStringLiteral("--summary-csv"), stats,
                       QStringLiteral("--dpi"), QStringLiteral("96")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(readBytes(png).startsWith("\x89PNG"));
    const QByteArray text = readBytes(stats);
    QVERIFY(text.startsWith("statistic,a,b,delta,percent\n"));
    const int a = sampleLines(kHighLoad);
    const int b = sampleLines(kLegacy);
    QVERIFY(a > 0 && b > 0);
    const QByteArray row = QStringLiteral("\nsamples,%1,%2,%3,").arg(a).arg(b).arg(b - a).toUtf8();
    QVERIFY2(text.contains(row), text.left(300).constData());
}

/// Issue 11, point 5, through the binary: every number of the CSV, text and JSON outputs is
/// printed shortest-round-trip after rounding to 10 significant digits. The high-load run's KV
/// fractions times 100 are where 58.699999999999996 came from; a number of more than ten
/// significant digits anywhere means a writer bypasses NumberFormat.
void TestCliExport::numbersHaveTenSignificantDigitsAtMost()
{
    if (!QDir(kHighLoad).exists() || !QDir(kLegacy).exists())
        QSKIP("shared example experiments not found under " HPA_SHARED_DIR "/examples");
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("m.csv"));
    const QString stats = dir.filePath(QStringLiteral("s.csv"));
    const QString both = dir.filePath(QStringLiteral("both.csv"));
    Run r = run({QStringLiteral("export"), kHighLoad, QStringLiteral("--csv"), csv,
                 QStringLiteral("--summary-csv"), stats});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run({QStringLiteral("export"), kHighLoad, QStringLiteral("--compare"), kLegacy,
             QStringLiteral("--csv"), both});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QList<QPair<QString, QByteArray>> outputs{
        {QStringLiteral("export --csv"), readBytes(csv)},
        {QStringLiteral("export --summary-csv"), readBytes(stats)},
        {QStringLiteral("export --compare --csv"), readBytes(both)}};
    for (const QStringList &args :
         {QStringList{QStringLiteral("summary"), kHighLoad},
          QStringList{QStringLiteral("summary"), kHighLoad, QStringLiteral("--json")},
          QStringList{QStringLiteral("compare"), kLegacy, kHighLoad},
          QStringList{QStringLiteral("compare"), kLegacy, kHighLoad, QStringLiteral("--json")}}) {
        r = run(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        outputs.append({args.join(QLatin1Char(' ')), r.out});
    }
    // A number: digits with an optional fraction and exponent, not part of a longer word
    // (folder names hold dates such as 20251124).
    static const QRegularExpression number(
        QStringLiteral("(?<![\\w.-])-?(\\d+)(?:\\.(\\d+))?(?:[eE][-+]?\\d+)?(?![\\w.])"));
    for (const auto &[what, text] : outputs) {
        QVERIFY2(text.size() > 100, qPrintable(what));
        int numbers = 0;
        for (auto it = number.globalMatch(QString::fromUtf8(text)); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            QString digits = m.captured(1) + m.captured(2);
            while (digits.startsWith(QLatin1Char('0')))
                digits.remove(0, 1);
            // Trailing zeros of a whole number are its magnitude, not precision.
            if (m.captured(2).isEmpty())
                while (digits.endsWith(QLatin1Char('0')))
                    digits.chop(1);
            QVERIFY2(digits.size() <= 10,
                     qPrintable(QStringLiteral("%1: %2").arg(what, m.captured(0))));
            ++numbers;
        }
        QVERIFY2(numbers > 10, qPrintable(what));
    }
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"

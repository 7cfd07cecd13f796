#include "cli_process.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kExample =
    QStringLiteral(HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000");

hpa::test::CliRun run(const QStringList &args)
{
    return hpa::test::runHpaLens(args, true, 180000);
}

/// Height in pixels of the first line of dark ink from the top (the figure's title).
int titleInkHeight(const QImage &image)
{
    auto darkRow = [&](int y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) < 110)
                return true;
        }
        return false;
    };
    int y = 0;
    while (y < image.height() && !darkRow(y))
        ++y;
    const int top = y;
    while (y < image.height() && darkRow(y))
        ++y;
    return y - top;
}

} // namespace

/// export --size WxH gives exactly W x H pixels; --dpi sets the physical size and the scale of
/// text and lines (matplotlib's figsize x dpi); SVG and PDF get the same layout and page size.
/// With --compare, --csv holds both runs.
class TestCliExportLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_b = m_tmp.filePath(QStringLiteral("b"));
        const auto demo = run({QStringLiteral("demo"), m_b, QStringLiteral("--samples"),
                               QStringLiteral("100"), QStringLiteral("--interval"),
                               QStringLiteral("7"), QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
    }

    void pngHasExactlyTheRequestedPixels_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<bool>("sideBySide");
        // 1800x1400 at 300 dpi gave 5725x4403 before (issue 11), 800x600 gave 3250x3066.
        QTest::newRow("1800x1400 at 300 dpi") << 1800 << 1400 << 300 << false;
        QTest::newRow("800x600 at 300 dpi") << 800 << 600 << 300 << false;
        QTest::newRow("1600x1000 at 96 dpi") << 1600 << 1000 << 96 << false;
        QTest::newRow("1200x900 at 150 dpi") << 1200 << 900 << 150 << false;
        QTest::newRow("3000x1000 at 200 dpi, side by side") << 3000 << 1000 << 200 << true;
    }
    void pngHasExactlyTheRequestedPixels()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, dpi);
        QFETCH(bool, sideBySide);
        const QString png = m_tmp.filePath(QStringLiteral("size.png"));
        QStringList args{QStringLiteral("export"), kExample,
                         QStringLiteral("--png"),  png,
                         QStringLiteral("--size"), QStringLiteral("%1x%2").arg(width).arg(height),
                         QStringLiteral("--dpi"),  QString::number(dpi)};
        if (sideBySide)
            args << QStringLiteral("--compare") << m_b << QStringLiteral("--side-by-side");
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(width, height));
        QCOMPARE(image.dotsPerMeterX(), qRound(dpi / 0.0254));
        // The report names pixels, inches and dpi.
        QVERIFY2(r.out.contains(QStringLiteral("%1x%2 px, ").arg(width).arg(height).toUtf8()),
                 r.out.constData());
    }

    /// Same pixels, twice the dpi: the figure is half as large on paper, so text that reads the
    /// same there takes twice the pixels. (2000x2200 at 192 dpi is 10.4 x 11.5 in: room for the
    /// charts' minimum heights, so nothing is scaled down to fit.)
    void dpiScalesTextNotPixels()
    {
        auto title = [&](int dpi) {
            const QString png = m_tmp.filePath(QStringLiteral("dpi%1.png").arg(dpi));
            const auto r = run({QStringLiteral("export"), kExample, QStringLiteral("--png"), png,
                                QStringLiteral("--size"), QStringLiteral("2000x2200"),
                                QStringLiteral("--dpi"), QString::number(dpi)});
            const QImage image(png);
            return r.exitCode == 0 && image.size() == QSize(2000, 2200) ? titleInkHeight(image)
                                                                        : -1;
        };
        const int at96 = title(96);
        const int at192 = title(192);
        QVERIFY2(at96 > 5, qPrintable(QString::number(at96)));
        const double ratio = double(at192) / at96;
        QVERIFY2(ratio > 1.7 && ratio < 2.3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(at96).arg(at192)));
    }

    /// SVG and PDF: the layout of W x H at dpi (W/dpi x H/dpi inches), as the PNG.
    void vectorFormatsUseTheSameLayout()
    {
        const QString svg = m_tmp.filePath(QStringLiteral("f.svg"));
        const QString pdf = m_tmp.filePath(QStringLiteral("f.pdf"));
        const auto r =
            run({QStringLiteral("export"), kExample, QStringLiteral("--svg"), svg,
                 QStringLiteral("--pdf"), pdf, QStringLiteral("--size"),
                 QStringLiteral("1800x1400"), QStringLiteral("--dpi"), QStringLiteral("300")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // 1800x1400 px at 300 dpi = 6 x 4.667 in = 576 x 448 units at 96 per inch.
        const QByteArray s = hpa::test::readBytes(svg);
        QVERIFY2(s.contains("viewBox=\"0 0 576 448\""), s.left(600).constData());
        // 432 x 336 points.
        const QByteArray p = hpa::test::readBytes(pdf);
        const QRegularExpression mediaBox(
            QStringLiteral("/MediaBox \\[0 0 (\\d+(?:\\.\\d+)?) (\\d+(?:\\.\\d+)?)\\]"));
        const auto m = mediaBox.match(QString::fromLatin1(p));
        QVERIFY2(m.hasMatch(), "no /MediaBox in the PDF");
        QCOMPARE(qRound(m.captured(1).toDouble()), 432);
        QCOMPARE(qRound(m.captured(2).toDouble()), 336);
    }

    /// --compare --csv: A's and B's samples, a run column, the aligned elapsed time.
    void compareCsvHoldsBothRuns_data()
    {
        QTest::addColumn<QString>("align");
        QTest::addColumn<double>("firstElapsedOfB");
        QTest::newRow("first sample") << "first-sample" << 0.0;
        // B shifted 30 s to the left: its first sample sits at elapsed -30.
        QTest::newRow("offset 30 s") << "30" << -30.0;
    }
    void compareCsvHoldsBothRuns()
    {
        QFETCH(QString, align);
        QFETCH(double, firstElapsedOfB);
        const QString csv = m_tmp.filePath(QStringLiteral("ab.csv"));
        const QString single = m_tmp.filePath(QStringLiteral("a.csv"));
        auto r = run({QStringLiteral("export"), kExample, QStringLiteral("--compare"), m_b,
                      QStringLiteral("--csv"), csv, QStringLiteral("--align"), align});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({QStringLiteral("export"), kExample, QStringLiteral("--csv"), single});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        const QList<QByteArray> lines = hpa::test::readBytes(csv).trimmed().split('\n');
        const QList<QByteArray> aLines = hpa::test::readBytes(single).trimmed().split('\n');
        const QList<QByteArray> bSource =
            hpa::test::readBytes(m_b + QStringLiteral("/metrics.csv")).trimmed().split('\n');
        QVERIFY(lines.front().startsWith("run,timestamp,elapsed_s,"));
        int a = 0, b = 0;
        QByteArray firstB;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines[i].startsWith("A,"))
                ++a;
            else if (lines[i].startsWith("B,")) {
                if (!b++)
                    firstB = lines[i];
            } else
                QFAIL(lines[i].constData());
        }
        QCOMPARE(a, aLines.size() - 1);
        QCOMPARE(b, bSource.size() - 1);
        // A's rows: the single-run export's rows (same columns here), after "A,".
        QCOMPARE(lines.at(1), "A," + aLines.at(1));
        QCOMPARE(firstB.split(',').at(2).toDouble(), firstElapsedOfB);
        // B is sampled every 7 s: its second row is 7 s later on the same aligned clock.
        const QByteArray secondB = lines.at(a + 2);
        QCOMPARE(secondB.split(',').at(2).toDouble(), firstElapsedOfB + 7);
    }

private:
    QTemporaryDir m_tmp;
    QString m_b;
};

QTEST_GUILESS_MAIN(TestCliExportLayout)
#include "tst_cli_export_layout.moc"

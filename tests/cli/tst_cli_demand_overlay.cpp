// `export --demand-overlay` / `--episode N` and `--screenshot` with them: the scorecard's view
// of the charts from the command line (issue 12). The PNGs are read back: the under-provisioned
// red is there with the option and absent without it.
#include "cli_process.h"

#include <QColor>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kExample =
    QStringLiteral(HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000");

hpa::test::CliRun run(const QStringList &args)
{
    return hpa::test::runHpaLens(args, true, 180000);
}

/// Pixels of the under-provisioned fill: the paper theme's target red (#d62728) at alpha 70
/// over white, within 8 per channel.
int underPixels(const QImage &image)
{
    const QColor red(0xd6, 0x27, 0x28);
    const double a = 70 / 255.0;
    const auto blend = [a](int c) {
        return int(c * a + 255 * (1 - a));
    };
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            n += std::abs(qRed(p) - blend(red.red())) <= 8 &&
                 std::abs(qGreen(p) - blend(red.green())) <= 8 &&
                 std::abs(qBlue(p) - blend(red.blue())) <= 8;
        }
    return n;
}

} // namespace

class TestCliDemandOverlay : public QObject
{
    Q_OBJECT

private slots:
    void exportDrawsTheOverlayOnlyWhenAsked();
    void episodeOutOfRangeIsAClearError();
    void optionsBelongToDrawingCommands();
};

void TestCliDemandOverlay::exportDrawsTheOverlayOnlyWhenAsked()
{
    QTemporaryDir tmp;
    const QString plain = tmp.filePath(QStringLiteral("plain.png"));
    const QString overlay = tmp.filePath(QStringLiteral("overlay.png"));
    const QStringList common{QStringLiteral("export"), kExample,
                             QStringLiteral("--size"), QStringLiteral("1200x900"),
                             QStringLiteral("--dpi"),  QStringLiteral("100")};
    auto r = run(common + QStringList{QStringLiteral("--png"), plain});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run(common +
            QStringList{QStringLiteral("--png"), overlay, QStringLiteral("--demand-overlay")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QImage without(plain), with(overlay);
    QCOMPARE(with.size(), QSize(1200, 900));
    // Without: only the odd antialiased edge of a red target line comes close to the fill.
    QVERIFY2(underPixels(with) > 5 * underPixels(without) + 300,
             qPrintable(QStringLiteral("%1 with, %2 without")
                            .arg(underPixels(with))
                            .arg(underPixels(without))));

    // --episode zooms to the episode: the figure differs from the whole run's.
    const QString episode = tmp.filePath(QStringLiteral("episode.png"));
    r = run(common + QStringList{QStringLiteral("--png"), episode, QStringLiteral("--episode"),
                                 QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QImage(episode) != without);
}

void TestCliDemandOverlay::episodeOutOfRangeIsAClearError()
{
    QTemporaryDir tmp;
    const auto r = run({QStringLiteral("export"), kExample, QStringLiteral("--png"),
                        tmp.filePath(QStringLiteral("x.png")), QStringLiteral("--episode"),
                        QStringLiteral("999")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--episode 999: the scorecard found"), r.err.constData());
    QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("x.png"))));
}

void TestCliDemandOverlay::optionsBelongToDrawingCommands()
{
    const auto r = run({QStringLiteral("summary"), kExample, QStringLiteral("--demand-overlay")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("does not take --demand-overlay"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliDemandOverlay)
#include "tst_cli_demand_overlay.moc"

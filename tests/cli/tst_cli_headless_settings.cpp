#include "cli_process.h"
#include "test_files.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kExample =
    QStringLiteral(HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000");

/// Where QSettings("hpa-lens", "hpa-lens") keeps the window's settings on Linux.
QString settingsFile(const QString &configHome)
{
    return configHome + QStringLiteral("/hpa-lens/hpa-lens.conf");
}

/// Every file under `dir`, relative, sorted.
QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

} // namespace

/// Headless commands (--screenshot, export, report, summary, compare, demo) never read or write the
/// window's settings: HOME and XDG_CONFIG_HOME point at a temporary folder, and the settings
/// file is absent afterwards (or, when it was there, byte-identical and not rewritten), while
/// the view options change what is drawn.
class TestCliHeadlessSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(QFileInfo(kExample).isDir(), qPrintable(kExample));
        // B: a second run written by the simulator (a different seed, so different numbers).
        m_b = m_tmp.filePath(QStringLiteral("b"));
        const auto demo = hpa::test::runHpaLens({QStringLiteral("demo"), m_b,
                                                 QStringLiteral("--samples"), QStringLiteral("240"),
                                                 QStringLiteral("--seed"), QStringLiteral("7")},
                                                true);
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
    }

    void commands_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString out = m_tmp.path() + QStringLiteral("/out");
        QTest::newRow("--screenshot")
            << QStringList{QStringLiteral("--screenshot"), out + QStringLiteral("-shot.png"),
                           QStringLiteral("--size"), QStringLiteral("900x700"), kExample};
        QTest::newRow("--screenshot --compare --side-by-side --align")
            << QStringList{QStringLiteral("--screenshot"),
                           out + QStringLiteral("-ab.png"),
                           QStringLiteral("--size"),
                           QStringLiteral("900x700"),
                           kExample,
                           QStringLiteral("--compare"),
                           m_b,
                           QStringLiteral("--side-by-side"),
                           QStringLiteral("--align"),
                           QStringLiteral("first-scale-up")};
        // A metrics.csv path: once added to Open Recent by the screenshot.
        QTest::newRow("--screenshot of a metrics.csv")
            << QStringList{QStringLiteral("--screenshot"),
                           out + QStringLiteral("-csv.png"),
                           QStringLiteral("--size"),
                           QStringLiteral("900x700"),
                           kExample + QStringLiteral("/metrics.csv"),
                           QStringLiteral("--elapsed")};
        QTest::newRow("export") << QStringList{
            QStringLiteral("export"),        kExample,
            QStringLiteral("--compare"),     m_b,
            QStringLiteral("--png"),         out + QStringLiteral("-export.png"),
            QStringLiteral("--csv"),         out + QStringLiteral("-export.csv"),
            QStringLiteral("--side-by-side")};
        QTest::newRow("report html --compare")
            << QStringList{QStringLiteral("report"),    kExample,
                           QStringLiteral("--compare"), m_b,
                           QStringLiteral("-o"),        out + QStringLiteral("-report.html")};
        QTest::newRow("report pdf")
            << QStringList{QStringLiteral("report"), kExample, QStringLiteral("-o"),
                           out + QStringLiteral("-report.pdf")};
        QTest::newRow("summary") << QStringList{QStringLiteral("summary"), kExample};
        QTest::newRow("compare") << QStringList{QStringLiteral("compare"), kExample, m_b};
        // The library catalog goes to the cache folder, never to the window's settings.
        QTest::newRow("table") << QStringList{QStringLiteral("table"), kExample};
        QTest::newRow("demo") << QStringList{QStringLiteral("demo"), out + QStringLiteral("-demo"),
                                             QStringLiteral("--samples"), QStringLiteral("20"),
                                             QStringLiteral("--overwrite")};
    }
    void commands()
    {
        QFETCH(QStringList, args);
        // First with no settings at all: none may appear.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString config = home.filePath(QStringLiteral("config"));
        QVERIFY(QDir().mkpath(config));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        auto r = hpa::test::runHpaLens(args, true, 180000, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!QFile::exists(settingsFile(config)),
                 hpa::test::readBytes(settingsFile(config)).constData());
        QCOMPARE(filesUnder(config), QStringList());

        // Then with the window's settings in place: not rewritten (bytes and time unchanged).
        const QByteArray seeded = "[charts]\naxisMode=clock\nextraVisible=false\n\n[compare]\n"
                                  "sideBySide=false\n\n[experiments]\nrecent=/nowhere/run\n";
        QVERIFY(QDir().mkpath(config + QStringLiteral("/hpa-lens")));
        {
            QFile f(settingsFile(config));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(seeded);
        }
        const QDateTime before = QFileInfo(settingsFile(config)).lastModified();
        QTest::qWait(1100); // a rewrite would show in the modification time
        r = hpa::test::runHpaLens(args, true, 180000, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(hpa::test::readBytes(settingsFile(config)), seeded);
        QCOMPARE(QFileInfo(settingsFile(config)).lastModified(), before);
        QCOMPARE(filesUnder(config), QStringList{QStringLiteral("hpa-lens/hpa-lens.conf")});
    }

    /// The settings are not read: a screenshot made with settings that say "side by side" and
    /// "elapsed" is drawn as the defaults say (overlay, wall clock) unless the options ask.
    void settingsAreNotRead()
    {
        QTemporaryDir home;
        const QString config = home.filePath(QStringLiteral("config"));
        QVERIFY(QDir().mkpath(config + QStringLiteral("/hpa-lens")));
        {
            QFile f(settingsFile(config));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                "[charts]\naxisMode=elapsed\nextraVisible=false\n\n[compare]\nsideBySide=true\n");
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        QTemporaryDir clean;
        QProcessEnvironment cleanEnv = env;
        cleanEnv.insert(QStringLiteral("HOME"), clean.path());
        cleanEnv.insert(QStringLiteral("XDG_CONFIG_HOME"), clean.path());

        auto exportPng = [&](const QProcessEnvironment &e, const QString &name,
                             const QStringList &extra) {
            const QString png = m_tmp.filePath(name);
            const auto r = hpa::test::runHpaLens(
                QStringList{QStringLiteral("export"), kExample, QStringLiteral("--compare"), m_b,
                            QStringLiteral("--png"), png, QStringLiteral("--size"),
                            QStringLiteral("1000x700"), QStringLiteral("--dpi"),
                            QStringLiteral("96")} +
                    extra,
                true, 180000, e);
            return r.exitCode == 0 ? hpa::test::readBytes(png) : QByteArray("failed: " + r.err);
        };
        const QByteArray seeded = exportPng(env, QStringLiteral("seeded.png"), {});
        const QByteArray defaults = exportPng(cleanEnv, QStringLiteral("defaults.png"), {});
        const QByteArray sideBySide =
            exportPng(cleanEnv, QStringLiteral("sbs.png"), {QStringLiteral("--side-by-side")});
        const QByteArray aligned = exportPng(cleanEnv, QStringLiteral("aligned.png"),
                                             {QStringLiteral("--align"), QStringLiteral("120")});
        QVERIFY2(defaults.startsWith("\x89PNG"), defaults.left(200).constData());
        QCOMPARE(seeded, defaults); // the settings' side by side was not read
        QVERIFY(sideBySide.startsWith("\x89PNG"));
        QVERIFY(sideBySide != defaults); // the option draws two columns
        QVERIFY(aligned.startsWith("\x89PNG"));
        QVERIFY(aligned != defaults); // B moved by 120 s

        // The window itself (--screenshot): settings saying side by side, elapsed axis and no
        // extra chart are not read either; the options are.
        auto shot = [&](const QProcessEnvironment &e, const QString &name,
                        const QStringList &extra) {
            const QString png = m_tmp.filePath(name);
            const auto r = hpa::test::runHpaLens(QStringList{QStringLiteral("--screenshot"), png,
                                                             QStringLiteral("--size"),
                                                             QStringLiteral("1000x700"), kExample,
                                                             QStringLiteral("--compare"), m_b} +
                                                     extra,
                                                 true, 180000, e);
            return r.exitCode == 0 ? hpa::test::readBytes(png) : QByteArray("failed: " + r.err);
        };
        const QByteArray shotSeeded = shot(env, QStringLiteral("shot-seeded.png"), {});
        const QByteArray shotDefaults = shot(cleanEnv, QStringLiteral("shot-defaults.png"), {});
        const QByteArray shotSideBySide =
            shot(cleanEnv, QStringLiteral("shot-sbs.png"), {QStringLiteral("--side-by-side")});
        QVERIFY2(shotDefaults.startsWith("\x89PNG"), shotDefaults.left(200).constData());
        QCOMPARE(shotSeeded, shotDefaults);
        QVERIFY(shotSideBySide.startsWith("\x89PNG"));
        QVERIFY(shotSideBySide != shotDefaults);

        // One run: --elapsed changes the time labels.
        auto single = [&](const QString &name, const QStringList &extra) {
            const QString png = m_tmp.filePath(name);
            const auto r = hpa::test::runHpaLens(
                QStringList{QStringLiteral("export"), kExample, QStringLiteral("--png"), png,
                            QStringLiteral("--size"), QStringLiteral("1000x700"),
                            QStringLiteral("--dpi"), QStringLiteral("96")} +
                    extra,
                true, 180000, cleanEnv);
            return r.exitCode == 0 ? hpa::test::readBytes(png) : QByteArray("failed: " + r.err);
        };
        const QByteArray clock = single(QStringLiteral("clock.png"), {});
        const QByteArray elapsed =
            single(QStringLiteral("elapsed.png"), {QStringLiteral("--elapsed")});
        QVERIFY(clock.startsWith("\x89PNG") && elapsed.startsWith("\x89PNG"));
        QVERIFY(clock != elapsed);
    }

    void optionsNeedTheirContext_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("--side-by-side without --compare")
            << QStringList{QStringLiteral("export"), kExample, QStringLiteral("--png"),
                           QStringLiteral("/tmp/x.png"), QStringLiteral("--side-by-side")}
            << QByteArray("need --compare");
        QTest::newRow("--align of summary")
            << QStringList{QStringLiteral("summary"), kExample, QStringLiteral("--elapsed")}
            << QByteArray("summary does not take --elapsed");
        QTest::newRow("--align nonsense")
            << QStringList{QStringLiteral("export"),    kExample,
                           QStringLiteral("--compare"), kExample,
                           QStringLiteral("--png"),     QStringLiteral("/tmp/x.png"),
                           QStringLiteral("--align"),   QStringLiteral("lunch")}
            << QByteArray("--align expects");
    }
    void optionsNeedTheirContext()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        const auto r = hpa::test::runHpaLens(args, true);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
    }

private:
    QTemporaryDir m_tmp;
    QString m_b;
};

QTEST_GUILESS_MAIN(TestCliHeadlessSettings)
#include "tst_cli_headless_settings.moc"

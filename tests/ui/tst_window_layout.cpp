// The window remembers its geometry and dock layout per screen arrangement (ScreenLayout,
// AppSettings), and gets the last one saved on an arrangement it has not seen.
#include "app/gui/main_window.h"
#include "ui/app_settings.h"
#include "ui/screen_layout.h"

#include <QDockWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

using hpa::app::MainWindow;
using hpa::ui::AppSettings;
using hpa::ui::ScreenLayout;

class TestWindowLayout : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void screenLayoutKey_data();
    void screenLayoutKey();
    void settingsPerArrangement();
    void windowRestoresItsArrangement();

private:
    QTemporaryDir m_home;
};

void TestWindowLayout::initTestCase()
{
    // A home of its own: other UI tests running at the same time save window geometry too.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
}

void TestWindowLayout::screenLayoutKey_data()
{
    QTest::addColumn<QList<QRect>>("screens");
    QTest::addColumn<QString>("key");
    QTest::newRow("laptop") << QList<QRect>{{0, 0, 1920, 1080}} << "1920x1080+0+0";
    QTest::newRow("docked") << QList<QRect>{{1920, 0, 2560, 1440}, {0, 0, 1920, 1080}}
                            << "1920x1080+0+0_2560x1440+1920+0";
    QTest::newRow("docked, other primary")
        << QList<QRect>{{0, 0, 1920, 1080}, {1920, 0, 2560, 1440}}
        << "1920x1080+0+0_2560x1440+1920+0";
    QTest::newRow("monitor on the left")
        << QList<QRect>{{0, 0, 1920, 1080}, {-1280, -200, 1280, 1024}}
        << "1280x1024-1280-200_1920x1080+0+0";
    QTest::newRow("no screen") << QList<QRect>{} << "none";
}

void TestWindowLayout::screenLayoutKey()
{
    QFETCH(QList<QRect>, screens);
    QFETCH(QString, key);
    QCOMPARE(ScreenLayout::key(screens), key);
}

void TestWindowLayout::settingsPerArrangement()
{
    AppSettings settings;
    settings.setWindowGeometry(QStringLiteral("1920x1080+0+0"), "laptop geometry");
    settings.setWindowState(QStringLiteral("1920x1080+0+0"), "laptop docks");
    settings.setWindowGeometry(QStringLiteral("2560x1440+0+0"), "monitor geometry");
    settings.setWindowState(QStringLiteral("2560x1440+0+0"), "monitor docks");
    const AppSettings reread;
    QCOMPARE(reread.windowGeometry(QStringLiteral("1920x1080+0+0")), "laptop geometry");
    QCOMPARE(reread.windowState(QStringLiteral("1920x1080+0+0")), "laptop docks");
    QCOMPARE(reread.windowGeometry(QStringLiteral("2560x1440+0+0")), "monitor geometry");
    QCOMPARE(reread.windowState(QStringLiteral("2560x1440+0+0")), "monitor docks");
    // A new arrangement starts from the last saved one.
    QCOMPARE(reread.windowGeometry(QStringLiteral("800x600+0+0")), "monitor geometry");
    QCOMPARE(reread.windowState(QStringLiteral("800x600+0+0")), "monitor docks");
}

void TestWindowLayout::windowRestoresItsArrangement()
{
    const QString here = ScreenLayout::current();
    QVERIFY(!here.isEmpty());
    QSize saved;
    {
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("StatisticsDock"));
        QVERIFY(dock);
        w.addDockWidget(Qt::LeftDockWidgetArea, dock);
        // What the window was when closed (asked for 1000 x 700; its docks may add a pixel or
        // two): that is what must come back.
        saved = w.size();
        QVERIFY(std::abs(saved.height() - 700) <= 4 && saved.width() == 1000);
        w.close();
    }
    // Then the window was used on another arrangement, smaller and with the default docks: the
    // last saved layout is now that one.
    {
        MainWindow other;
        other.resize(640, 480);
        AppSettings().setWindowGeometry(QStringLiteral("640x480+0+0"), other.saveGeometry());
        AppSettings().setWindowState(QStringLiteral("640x480+0+0"), other.saveState());
    }
    MainWindow back;
    back.show();
    QVERIFY(QTest::qWaitForWindowExposed(&back));
    QCOMPARE(back.size(), saved);
    auto *dock = back.findChild<QDockWidget *>(QStringLiteral("StatisticsDock"));
    QCOMPARE(back.dockWidgetArea(dock), Qt::LeftDockWidgetArea);
}

QTEST_MAIN(TestWindowLayout)
#include "tst_window_layout.moc"

#include "ui/screen_layout.h"

#include <QGuiApplication>
#include <QScreen>
#include <QStringList>

#include <algorithm>
#include <tuple>

namespace hpa::ui {

QString ScreenLayout::key(QList<QRect> screens)
{
    // QGuiApplication lists the primary screen first; the arrangement is the same whichever
    // screen is primary.
    std::sort(screens.begin(), screens.end(), [](const QRect &a, const QRect &b) {
        return std::make_tuple(a.x(), a.y(), a.width(), a.height()) <
               std::make_tuple(b.x(), b.y(), b.width(), b.height());
    });
    QStringList parts;
    for (const QRect &r : screens)
        parts << QStringLiteral("%1x%2%3%4%5%6")
                     .arg(r.width())
                     .arg(r.height())
                     .arg(r.x() < 0 ? QString() : QStringLiteral("+"))
                     .arg(r.x())
                     .arg(r.y() < 0 ? QString() : QStringLiteral("+"))
                     .arg(r.y());
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QLatin1Char('_'));
}

QString ScreenLayout::current()
{
    QList<QRect> geometries;
    for (const QScreen *screen : QGuiApplication::screens())
        geometries << screen->geometry();
    return key(geometries);
}

} // namespace hpa::ui

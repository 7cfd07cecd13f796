#pragma once

#include <QList>
#include <QRect>
#include <QString>

namespace hpa::ui {

/// Names an arrangement of screens, so the window can remember where it was on each (a laptop
/// alone, the same laptop docked to two monitors): the logical geometry of every screen, in
/// a fixed order, e.g. "1920x1080+0+0_2560x1440+1920+0".
class ScreenLayout
{
public:
    /// The name of the arrangement made of `screens` (their order does not matter).
    static QString key(QList<QRect> screens);
    /// The name of the current arrangement (QGuiApplication::screens()).
    static QString current();
};

} // namespace hpa::ui

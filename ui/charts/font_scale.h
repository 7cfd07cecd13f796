#pragma once

#include <QFont>

namespace hpa::ui {

/// Scales a font whether it was sized in points or in pixels. A pixel-sized font (the
/// offscreen platform's default, some desktop themes) has pointSizeF() == -1, and scaling
/// that printed "QFont::setPointSizeF: Point size <= 0" on every start.
class FontScale
{
public:
    static QFont scaled(const QFont &font, double factor);
};

} // namespace hpa::ui

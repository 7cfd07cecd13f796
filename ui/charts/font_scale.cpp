#include "ui/charts/font_scale.h"

#include <algorithm>
#include <cmath>

namespace hpa::ui {

QFont FontScale::scaled(const QFont &font, double factor)
{
    QFont out = font;
    if (font.pointSizeF() > 0)
        out.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        out.setPixelSize(std::max(1, static_cast<int>(std::lround(font.pixelSize() * factor))));
    return out;
}

} // namespace hpa::ui

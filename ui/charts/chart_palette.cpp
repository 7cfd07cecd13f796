#include "ui/charts/chart_palette.h"

#include <QPalette>

#include <algorithm>

namespace hpa::ui {

ChartPalette ChartPalette::make(Mode mode)
{
    ChartPalette p;
    p.mode = mode;
    if (mode == Mode::Dark) {
        p.background = QColor(0x20, 0x22, 0x26);
        p.plotBackground = p.background;
        p.text = QColor(0xe6, 0xe6, 0xe6);
        p.mutedText = QColor(0xa0, 0xa4, 0xab);
        p.grid = QColor(0x3a, 0x3e, 0x45);
        p.axisLine = QColor(0x70, 0x74, 0x7b);
        p.series = {QColor(0x5c, 0xa8, 0xff), QColor(0xc3, 0x8b, 0xff), QColor(0x4d, 0xd0, 0xc4),
                    QColor(0xff, 0xc1, 0x4d), QColor(0xff, 0x8a, 0xc8), QColor(0x9c, 0xd6, 0x5c)};
        p.seriesB = {QColor(0xff, 0x9e, 0x5e), QColor(0x6e, 0xe8, 0xdc), QColor(0xe0, 0x7b, 0xff),
                     QColor(0xb0, 0xd4, 0xff), QColor(0xff, 0xe0, 0x66), QColor(0xc8, 0xc8, 0xc8)};
        // The light set's hues lightened for a dark background.
        p.runs = {QColor(0x5c, 0xa8, 0xff), QColor(0xff, 0x8a, 0x4d), QColor(0x3d, 0xd6, 0xa3),
                  QColor(0xf0, 0x8b, 0xc8), QColor(0xb8, 0xd4, 0x5c), QColor(0x9a, 0xdc, 0xff),
                  QColor(0xc3, 0x8b, 0xff), QColor(0xd7, 0xa3, 0x7a)};
        p.target = QColor(0xff, 0x5c, 0x5c);
        p.targetShade = QColor(0xff, 0x5c, 0x5c, 26);
        p.scaleUp = QColor(0x4c, 0xd9, 0x64);
        p.scaleDown = QColor(0xff, 0x9f, 0x43);
        p.replicasChanged = QColor(0x9a, 0xa0, 0xa8);
        p.cursor = QColor(0xff, 0xff, 0xff, 150);
        p.highlight = QColor(0xff, 0xd7, 0x40, 110);
        p.band = QColor(0x5c, 0xa8, 0xff, 60);
        p.tooltipBackground = QColor(0x30, 0x33, 0x39, 235);
        p.tooltipBorder = QColor(0x70, 0x74, 0x7b);
        return p;
    }
    p.background = Qt::white;
    p.plotBackground = p.background;
    p.text = QColor(0x20, 0x20, 0x20);
    p.mutedText = QColor(0x60, 0x60, 0x66);
    p.grid = QColor(0xe2, 0xe4, 0xe8);
    p.axisLine = QColor(0x90, 0x94, 0x9a);
    p.series = {QColor(0x1f, 0x6f, 0xd1), QColor(0x8e, 0x44, 0xc9), QColor(0x0e, 0x9a, 0x8c),
                QColor(0xd9, 0x8c, 0x00), QColor(0xc2, 0x3b, 0x8a), QColor(0x5a, 0x9a, 0x1e)};
    p.seriesB = {QColor(0xb8, 0x4a, 0x00), QColor(0x00, 0x7d, 0x73), QColor(0x6a, 0x3d, 0x9a),
                 QColor(0x4a, 0x6f, 0x8a), QColor(0x7a, 0x5c, 0x00), QColor(0x40, 0x40, 0x40)};
    // Okabe-Ito (colour-blind safe) without its yellow, which vanishes on white, and without its
    // orange, too near vermillion and the scale-down markers; an olive, a purple and a brown
    // instead: eight hues told apart on paper and screen (tst_nway_compare measures them).
    p.runs = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73),
              QColor(0xcc, 0x79, 0xa7), QColor(0x99, 0x99, 0x33), QColor(0x56, 0xb4, 0xe9),
              QColor(0x6a, 0x3d, 0x9a), QColor(0x8c, 0x56, 0x4b)};
    p.target = QColor(0xd6, 0x27, 0x28);
    p.targetShade = QColor(0xd6, 0x27, 0x28, 28);
    p.scaleUp = QColor(0x1e, 0x9e, 0x3a);
    p.scaleDown = QColor(0xe0, 0x6c, 0x00);
    p.replicasChanged = QColor(0x9a, 0x9e, 0xa6);
    p.cursor = QColor(0x30, 0x30, 0x30, 150);
    p.highlight = QColor(0xff, 0xb3, 0x00, 100);
    p.band = QColor(0x1f, 0x6f, 0xd1, 45);
    p.tooltipBackground = QColor(0xff, 0xff, 0xff, 240);
    p.tooltipBorder = QColor(0xa0, 0xa4, 0xab);
    return p;
}

bool ChartPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

ChartPalette ChartPalette::forApplication(const QPalette &palette)
{
    return make(isDark(palette) ? Mode::Dark : Mode::Light);
}

QColor ChartPalette::seriesColor(int index, bool secondary) const
{
    const QVector<QColor> &hues = secondary && !seriesB.isEmpty() ? seriesB : series;
    return hues.isEmpty() ? text : hues.at(index % hues.size());
}

QPen ChartPalette::seriesPen(int colorIndex, bool dashed, bool secondary) const
{
    // Same width for both runs: B must read as well as A, told apart by hue and dash.
    QPen pen = linePen(seriesColor(colorIndex, secondary), 1.8);
    if (secondary)
        pen.setStyle(dashed ? Qt::DashDotLine : Qt::DashLine);
    else if (dashed)
        pen.setStyle(Qt::DashLine);
    return pen;
}

QColor ChartPalette::runColor(int run) const
{
    return runs.isEmpty() ? text : runs.at(std::max(0, run) % runs.size());
}

QPen ChartPalette::runPen(int run, int styleIndex) const
{
    static constexpr Qt::PenStyle kStyles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                               Qt::DashDotLine};
    return linePen(runColor(run), 1.8, kStyles[std::max(0, styleIndex) % 4]);
}

QPen ChartPalette::linePen(const QColor &color, double paperWidth, Qt::PenStyle style) const
{
    QPen pen(color, cosmeticPens() ? 1.0 : paperWidth, style);
    pen.setCosmetic(cosmeticPens());
    return pen;
}

} // namespace hpa::ui

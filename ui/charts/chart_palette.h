#pragma once

#include <QColor>
#include <QPen>
#include <QVector>

class QPalette;

namespace hpa::ui {

/// Every colour the charts use, for one look: the screen in light or dark, or paper (export).
struct ChartPalette
{
    enum class Mode
    {
        Light,
        Dark,
        Paper
    };

    Mode mode = Mode::Light;
    QColor background, plotBackground, text, mutedText, grid, axisLine;
    QVector<QColor> series; ///< one hue per series role, cycled
    /// Run B's hue per series role: a different hue from A's (never a tint of it), so an
    /// overlay reads at a glance, and none of the marker or target colours.
    QVector<QColor> seriesB;
    /// One hue per run of an N-way overlay (8, ChartPalette::kRunColors), distinguishable
    /// from each other on this background and none of them the target red.
    QVector<QColor> runs;
    static constexpr int kRunColors = 8;
    QColor target, targetShade;
    QColor scaleUp, scaleDown, replicasChanged;
    QColor cursor, highlight, band, tooltipBackground, tooltipBorder;

    bool operator==(const ChartPalette &) const = default;

    static ChartPalette make(Mode mode);
    /// Dark when the window colour of `palette` is dark.
    static bool isDark(const QPalette &palette);
    /// The look matching the application palette.
    static ChartPalette forApplication(const QPalette &palette);

    /// Screen pens keep their pixel width at any zoom; on paper they scale with the figure so
    /// a 300 DPI export gets lines as thick as on screen, not hairlines.
    bool cosmeticPens() const { return mode != Mode::Paper; }
    QColor seriesColor(int index, bool secondary) const;
    /// Pen of a data line: the primary source solid (or dotted when `dashed`); a comparison
    /// source just as wide, in its own hue (seriesB) and dashed.
    QPen seriesPen(int colorIndex, bool dashed, bool secondary) const;
    /// A line `paperWidth` wide on paper; on screen a cosmetic 1 px line, the only kind Qt's
    /// raster engine draws without the general stroker (wider pens made painting the charts
    /// of a million-row run take seconds).
    /// Pen of series `styleIndex` (0 solid, 1 dashed, 2 dotted, 3 dash-dot) of run `run` in an
    /// N-way overlay.
    QPen runPen(int run, int styleIndex) const;
    QColor runColor(int run) const;
    QPen linePen(const QColor &color, double paperWidth, Qt::PenStyle style = Qt::SolidLine) const;
};

} // namespace hpa::ui

#pragma once

#include "ui/charts/chart_palette.h"
#include "ui/charts/episode_waterfall.h"

#include <QColor>
#include <QRectF>

class QPainter;

namespace hpa::ui {

/// Paints an EpisodeWaterfall over one chart's plot: a light band over the episode, a dashed
/// line at each milestone and, along the bottom of the plot, the bar of its segments, each
/// labelled with what it is and its duration (inside when it fits, above otherwise).
class WaterfallPainter
{
public:
    static void paint(QPainter *painter, const QRectF &plot, double from, double to,
                      const EpisodeWaterfall &waterfall, const ChartPalette &palette);
    /// The bar's rectangle in `plot` for a font of line height `lineHeight`.
    static QRectF barRect(const QRectF &plot, double lineHeight);
    static QColor segmentColor(EpisodeWaterfall::Kind kind, const ChartPalette &palette);
};

} // namespace hpa::ui

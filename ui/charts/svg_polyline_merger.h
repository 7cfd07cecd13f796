#pragma once

#include <QByteArray>

namespace hpa::ui {

/// Qt Charts draws a solid line series one segment at a time, so QSvgGenerator writes it as
/// hundreds of two-point <polyline> elements. This joins every run of consecutive segments
/// with the same attributes, each starting where the previous one ended, into one <polyline>,
/// so a series is one element an editor can select and restyle. Nothing else changes.
class SvgPolylineMerger
{
public:
    /// The document with chained segments joined; other text is copied as is.
    static QByteArray merge(const QByteArray &svg);
};

} // namespace hpa::ui

#pragma once

#include "core/report/report_input.h"

#include <QByteArray>
#include <QSizeF>
#include <QString>

#include <optional>

namespace hpa::ui {

class ChartExporter;

/// Writes a report as one file: HTML (the figure as inline SVG) or PDF (Qt's own PDF writer,
/// A4 pages with a header on each, the figure drawn as vector). The file is replaced only once
/// it is complete.
class ReportWriter
{
public:
    enum class Format
    {
        Html,
        Pdf
    };

    /// By the file's suffix: .html/.htm or .pdf; nullopt for anything else.
    static std::optional<Format> formatFromPath(const QString &path);

    /// `input` with the figure of `figure` (may be null or empty: the report then says there
    /// is no figure), written to `path`. False with the reason (naming the file) in `error`.
    static bool write(const QString &path, core::ReportInput input, const ChartExporter *figure,
                      QString *error);

    /// The figure as an <svg> element (no XML declaration), laid out at `size` logical pixels.
    static QByteArray figureSvg(const ChartExporter &figure, QSizeF size);

private:
    static bool writePdf(const QString &path, const core::ReportInput &input,
                         const ChartExporter *figure, QString *error);
};

} // namespace hpa::ui

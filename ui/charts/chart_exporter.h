#pragma once

#include "ui/charts/chart_source.h"

#include <QSize>
#include <QSizeF>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

class QIODevice;
class QPainter;
class QRectF;

namespace hpa::ui {

class ChartStack;
class MetricChartView;

/// The charts as a figure for paper: a title naming the experiment(s), the time range shown,
/// and the visible charts of every stack side by side at exactly the current zoom, in the
/// light paper theme. Writes PNG, SVG and PDF; a file is replaced only once it is complete.
class ChartExporter
{
public:
    enum class Format
    {
        Png,
        Svg,
        Pdf
    };

    /// The figure of every visible chart of `stacks` (A left, B right when side by side).
    explicit ChartExporter(const QVector<ChartStack *> &stacks);
    /// One chart alone, under the same title.
    explicit ChartExporter(MetricChartView *chart);

    QString title() const { return m_title; }
    QString subtitle() const { return m_subtitle; }
    bool isEmpty() const;

    /// The figure's size in screen pixels (charts as on screen plus the title band).
    QSizeF naturalSize() const;
    /// Pixel size that prints the figure at its on-screen physical size at `dpi`.
    QSize defaultPixelSize(int dpi) const;
    /// Draws the figure on white into `target`, scaled uniformly and centred.
    void render(QPainter *painter, const QRectF &target) const;

    /// Writes `path` in `format`; `size` is in pixels, `dpi` sets the PNG's resolution and the
    /// PDF/SVG physical size. False with a reason (naming the file) in `error` on failure or
    /// when `setCancelCheck`'s function said stop; an existing file is then left untouched.
    bool write(const QString &path, Format format, QSize size, int dpi, QString *error) const;
    bool writePng(const QString &path, QSize size, int dpi, QString *error) const;
    bool writeSvg(const QString &path, QSize size, int dpi, QString *error) const;
    bool writePdf(const QString &path, QSize size, int dpi, QString *error) const;

    /// Asked just before a rendered file is committed; true cancels the export.
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    /// "HPA Scaling Experiment: NAME", or "HPA Scaling Experiments: A vs B" for two runs.
    static QString figureTitle(const QVector<ChartSource> &sources);
    static QString suffix(Format format);
    static std::optional<Format> formatFromSuffix(const QString &pathOrSuffix);
    /// Logical DPI the charts are laid out with; fonts are resolved at it on every device.
    static double screenDpi();

private:
    struct Column
    {
        ChartStack *stack = nullptr;
        MetricChartView *chart = nullptr;
        QString heading;
        QSizeF size;
    };

    static QString tr(const char *text);
    void describe(const QVector<ChartSource> &sources);
    double titleBandHeight() const;
    double headingHeight() const;
    bool finish(QIODevice *file, const QString &path, QString *error) const;

    QVector<Column> m_columns;
    QString m_title;
    QString m_subtitle;
    std::function<bool()> m_cancelled;
};

} // namespace hpa::ui

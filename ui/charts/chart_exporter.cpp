#include "ui/charts/chart_exporter.h"

#include "core/model/timestamp.h"
#include "ui/charts/chart_palette.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScreen>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

namespace {

// Layout of the figure in screen pixels; everything is scaled together to the output size.
constexpr double kMargin = 16;
constexpr double kColumnGap = 18;
constexpr double kTitlePx = 19;
constexpr double kSubtitlePx = 12;
constexpr double kHeadingPx = 14;
constexpr double kMetersPerInch = 0.0254;

QFont pixelFont(double px, bool bold)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(static_cast<int>(std::lround(px)));
    font.setBold(bold);
    return font;
}

QString fileError(const QString &path, const QString &reason)
{
    return QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
}

QString elapsed(double seconds)
{
    return QString::fromStdString(core::Timestamp::formatElapsed(seconds));
}

QVector<ChartSource> sourcesOf(const QVector<ChartStack *> &stacks)
{
    QVector<ChartSource> out;
    for (const ChartStack *stack : stacks) {
        for (const ChartSource &source : stack->sources()) {
            const bool seen = std::any_of(out.begin(), out.end(), [&](const ChartSource &s) {
                return s.experiment == source.experiment;
            });
            if (!seen && source.experiment)
                out << source;
        }
    }
    return out;
}

} // namespace

ChartExporter::ChartExporter(const QVector<ChartStack *> &stacks)
{
    for (ChartStack *stack : stacks) {
        const QSizeF size = stack->exportSize();
        if (size.isEmpty())
            continue;
        Column column;
        column.stack = stack;
        column.size = size;
        if (stacks.size() > 1 && !stack->sources().isEmpty()) {
            const ChartSource &source = stack->sources().front();
            const QString name = source.experiment
                                     ? QString::fromStdString(source.experiment->displayName())
                                     : QString();
            column.heading =
                source.label.isEmpty() ? name : QStringLiteral("%1: %2").arg(source.label, name);
        }
        m_columns << column;
    }
    describe(sourcesOf(stacks));
}

ChartExporter::ChartExporter(MetricChartView *chart)
{
    QVector<ChartSource> sources;
    if (chart) {
        Column column;
        column.chart = chart;
        column.size = chart->size();
        m_columns << column;
        if (auto *stack = qobject_cast<ChartStack *>(chart->parentWidget()))
            sources = sourcesOf({stack});
    }
    describe(sources);
}

void ChartExporter::describe(const QVector<ChartSource> &sources)
{
    m_title = figureTitle(sources);
    const MetricChartView *first = nullptr;
    for (const Column &column : m_columns) {
        if (column.chart)
            first = column.chart;
        else if (!column.stack->visibleCharts().isEmpty())
            first = column.stack->visibleCharts().front();
        if (first)
            break;
    }
    if (!first || sources.isEmpty())
        return;
    const double from = first->metricChart()->rangeFrom();
    const double to = first->metricChart()->rangeTo();
    QString range = tr("Elapsed %1 – %2").arg(elapsed(from), elapsed(to));
    if (sources.size() == 1) {
        // One run: also the wall-clock span, as the monitor wrote it.
        const ChartSource &s = sources.front();
        const bool naive = s.experiment->metrics.naiveTime();
        const QString start =
            QString::fromStdString(core::Timestamp::format(s.toTime(from), naive));
        const QString end = QString::fromStdString(core::Timestamp::formatClock(s.toTime(to)));
        range = tr("%1 – %2   ·   %3").arg(start, end, range);
    }
    m_subtitle = range;
}

QString ChartExporter::tr(const char *text)
{
    return QObject::tr(text);
}

bool ChartExporter::isEmpty() const
{
    return m_columns.isEmpty();
}

double ChartExporter::titleBandHeight() const
{
    const double title = QFontMetricsF(pixelFont(kTitlePx, true)).height();
    const double subtitle =
        m_subtitle.isEmpty() ? 0 : QFontMetricsF(pixelFont(kSubtitlePx, false)).height() + 3;
    return kMargin + title + subtitle + 10;
}

double ChartExporter::headingHeight() const
{
    const bool any = std::any_of(m_columns.begin(), m_columns.end(),
                                 [](const Column &c) { return !c.heading.isEmpty(); });
    return any ? QFontMetricsF(pixelFont(kHeadingPx, true)).height() + 6 : 0;
}

QSizeF ChartExporter::naturalSize() const
{
    if (m_columns.isEmpty())
        return {};
    double width = 2 * kMargin + kColumnGap * (m_columns.size() - 1);
    double height = 0;
    for (const Column &column : m_columns) {
        width += column.size.width();
        height = std::max(height, column.size.height());
    }
    return {width, titleBandHeight() + headingHeight() + height + kMargin};
}

QSize ChartExporter::defaultPixelSize(int dpi) const
{
    const QSizeF natural = naturalSize();
    const double scale = dpi / screenDpi();
    return QSize(static_cast<int>(std::lround(natural.width() * scale)),
                 static_cast<int>(std::lround(natural.height() * scale)));
}

void ChartExporter::render(QPainter *painter, const QRectF &target) const
{
    const ChartPalette paper = ChartPalette::make(ChartPalette::Mode::Paper);
    painter->fillRect(target, paper.background);
    const QSizeF natural = naturalSize();
    if (natural.isEmpty() || target.isEmpty())
        return;
    const double scale =
        std::min(target.width() / natural.width(), target.height() / natural.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->translate(target.left() + (target.width() - natural.width() * scale) / 2,
                       target.top() + (target.height() - natural.height() * scale) / 2);
    painter->scale(scale, scale);

    const double textWidth = natural.width() - 2 * kMargin;
    const double titleHeight = QFontMetricsF(pixelFont(kTitlePx, true)).height();
    // Two long run names overflow a narrow figure (a report's page): the title shrinks to fit,
    // down to 60 %, and only then is shortened in the middle.
    const double titleWidth = QFontMetricsF(pixelFont(kTitlePx, true)).horizontalAdvance(m_title);
    const QFont titleFont = pixelFont(
        titleWidth > textWidth ? std::max(0.6, textWidth / titleWidth) * kTitlePx : kTitlePx, true);
    painter->setPen(paper.text);
    painter->setFont(titleFont);
    painter->drawText(QRectF(kMargin, kMargin, textWidth, titleHeight),
                      Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextSingleLine,
                      QFontMetricsF(titleFont).elidedText(m_title, Qt::ElideMiddle, textWidth));
    if (!m_subtitle.isEmpty()) {
        const QFont font = pixelFont(kSubtitlePx, false);
        painter->setFont(font);
        painter->setPen(paper.mutedText);
        painter->drawText(
            QRectF(kMargin, kMargin + titleHeight + 3, textWidth, QFontMetricsF(font).height()),
            Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextSingleLine, m_subtitle);
    }

    const double headingTop = titleBandHeight();
    const double chartsTop = headingTop + headingHeight();
    double x = kMargin;
    for (const Column &column : m_columns) {
        if (!column.heading.isEmpty()) {
            painter->setFont(pixelFont(kHeadingPx, true));
            painter->setPen(paper.text);
            painter->drawText(QRectF(x, headingTop, column.size.width(), headingHeight() - 6),
                              Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextSingleLine,
                              column.heading);
        }
        const QRectF slot(QPointF(x, chartsTop), column.size);
        if (column.stack) {
            column.stack->render(painter, slot, true);
        } else {
            MetricChartView *view = column.chart;
            view->applyChartPalette(paper);
            view->setExporting(true);
            view->render(painter, slot, view->viewport()->rect(), Qt::KeepAspectRatio);
            view->setExporting(false);
            view->applyChartPalette(ChartPalette::forApplication(view->palette()));
        }
        x += column.size.width() + kColumnGap;
    }
    painter->restore();
}

bool ChartExporter::write(const QString &path, Format format, QSize size, int dpi,
                          QString *error) const
{
    switch (format) {
    case Format::Png:
        return writePng(path, size, dpi, error);
    case Format::Svg:
        return writeSvg(path, size, dpi, error);
    case Format::Pdf:
        return writePdf(path, size, dpi, error);
    }
    return false;
}

bool ChartExporter::finish(QIODevice *device, const QString &path, QString *error) const
{
    auto *file = static_cast<QSaveFile *>(device);
    if (m_cancelled && m_cancelled()) {
        file->cancelWriting();
        if (error)
            *error = fileError(path, tr("the export was cancelled"));
        return false;
    }
    if (!file->commit()) {
        if (error)
            *error = fileError(path, file->errorString());
        return false;
    }
    return true;
}

namespace {

bool checkRequest(const ChartExporter &exporter, const QString &path, QSize size, int dpi,
                  QString *error)
{
    QString reason;
    if (exporter.isEmpty())
        reason = QObject::tr("there are no charts to export");
    else if (size.width() < 16 || size.height() < 16 || size.width() > 30000 ||
             size.height() > 30000)
        reason = QObject::tr("the size %1 × %2 px is out of range (16 to 30000)")
                     .arg(size.width())
                     .arg(size.height());
    else if (dpi < 30 || dpi > 2400)
        reason = QObject::tr("%1 DPI is out of range (30 to 2400)").arg(dpi);
    if (reason.isEmpty())
        return true;
    if (error)
        *error = fileError(path, reason);
    return false;
}

bool openSaveFile(QSaveFile &file, const QString &path, QString *error)
{
    if (QFileInfo(path).isDir()) {
        if (error)
            *error = fileError(path, QObject::tr("it is a folder"));
        return false;
    }
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = fileError(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

bool ChartExporter::writePng(const QString &path, QSize size, int dpi, QString *error) const
{
    if (!checkRequest(*this, path, size, dpi, error))
        return false;
    QImage image(size, QImage::Format_RGB32);
    if (image.isNull()) {
        if (error)
            *error = fileError(path, tr("not enough memory for the image"));
        return false;
    }
    image.fill(Qt::white);
    {
        // The image keeps the screen's DPI while painting so point-sized chart fonts match
        // the on-screen layout; the requested DPI is only stamped into the file.
        QPainter painter(&image);
        render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    const int dpm = static_cast<int>(std::lround(dpi / kMetersPerInch));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    // Encoded in memory first: Qt's PNG writer leaks its buffers when the device fails
    // mid-image (a full disk), and the file write below reports that failure anyway.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        if (error)
            *error = fileError(path, tr("the PNG encoder failed"));
        return false;
    }
    QSaveFile file(path);
    if (!openSaveFile(file, path, error))
        return false;
    if (file.write(png) != png.size()) {
        if (error)
            *error = fileError(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return finish(&file, path, error);
}

bool ChartExporter::writeSvg(const QString &path, QSize size, int dpi, QString *error) const
{
    if (!checkRequest(*this, path, size, dpi, error))
        return false;
    // Drawn in screen units so fonts resolve as laid out; width/height in mm then give the
    // physical size of `size` pixels at `dpi`.
    const int resolution = static_cast<int>(std::lround(screenDpi()));
    const QSize units(static_cast<int>(std::lround(size.width() * resolution / double(dpi))),
                      static_cast<int>(std::lround(size.height() * resolution / double(dpi))));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(units);
    generator.setViewBox(QRect(QPoint(0, 0), units));
    generator.setResolution(resolution);
    generator.setTitle(m_title);
    generator.setDescription(m_subtitle);
    {
        QPainter painter;
        if (!painter.begin(&generator)) {
            if (error)
                *error = fileError(path, tr("the SVG generator could not start"));
            return false;
        }
        render(&painter, QRectF(QPointF(0, 0), QSizeF(units)));
    }
    const QByteArray &svg = buffer.data();
    QSaveFile file(path);
    if (!openSaveFile(file, path, error))
        return false;
    if (file.write(svg) != svg.size()) {
        if (error)
            *error = fileError(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return finish(&file, path, error);
}

bool ChartExporter::writePdf(const QString &path, QSize size, int dpi, QString *error) const
{
    if (!checkRequest(*this, path, size, dpi, error))
        return false;
    QSaveFile file(path);
    if (!openSaveFile(file, path, error))
        return false;
    QPdfWriter writer(&file);
    writer.setCreator(QStringLiteral("HPA Lens"));
    writer.setTitle(m_title);
    // The page has the physical size of the pixel figure at `dpi`; the writer's resolution
    // stays at the screen's so fonts come out at the size the charts were laid out for.
    const QSizeF inches(size.width() / static_cast<double>(dpi),
                        size.height() / static_cast<double>(dpi));
    writer.setPageLayout(
        QPageLayout(QPageSize(inches, QPageSize::Inch, QString(), QPageSize::ExactMatch),
                    QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    const int resolution = static_cast<int>(std::lround(screenDpi()));
    writer.setResolution(resolution);
    {
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            if (error)
                *error = fileError(path, tr("the PDF writer could not start"));
            return false;
        }
        render(&painter, QRectF(0, 0, inches.width() * resolution, inches.height() * resolution));
    }
    return finish(&file, path, error);
}

QString ChartExporter::figureTitle(const QVector<ChartSource> &sources)
{
    QStringList names;
    for (const ChartSource &source : sources) {
        if (source.experiment)
            names << QString::fromStdString(source.experiment->displayName());
    }
    if (names.isEmpty())
        return tr("HPA Scaling Experiment");
    if (names.size() == 1)
        return tr("HPA Scaling Experiment: %1").arg(names.front());
    return tr("HPA Scaling Experiments: %1").arg(names.join(tr(" vs ")));
}

QString ChartExporter::suffix(Format format)
{
    switch (format) {
    case Format::Png:
        return QStringLiteral("png");
    case Format::Svg:
        return QStringLiteral("svg");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

std::optional<ChartExporter::Format> ChartExporter::formatFromSuffix(const QString &pathOrSuffix)
{
    const QString s = QFileInfo(pathOrSuffix).suffix().isEmpty()
                          ? pathOrSuffix.toLower()
                          : QFileInfo(pathOrSuffix).suffix().toLower();
    for (Format f : {Format::Png, Format::Svg, Format::Pdf}) {
        if (s == suffix(f))
            return f;
    }
    return std::nullopt;
}

double ChartExporter::screenDpi()
{
    const QScreen *screen = QGuiApplication::primaryScreen();
    const double dpi = screen ? screen->logicalDotsPerInchY() : 96.0;
    return dpi > 0 ? dpi : 96.0;
}

} // namespace hpa::ui

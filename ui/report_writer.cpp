#include "ui/report_writer.h"

#include "core/io/atomic_file.h"
#include "core/report/report_html.h"
#include "ui/charts/chart_exporter.h"
#include "ui/report_figure_object.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <stdexcept>

namespace hpa::ui {

namespace {

constexpr double kHeaderHeight = 26; ///< logical px at the writer's 96 dpi
constexpr double kFooterHeight = 20;

QString fileError(const QString &path, const QString &why)
{
    return QStringLiteral("%1: %2").arg(QFileInfo(path).absoluteFilePath(), why);
}

/// What the figure shows, for its caption: the exporter's title and time range.
std::string caption(const ChartExporter &figure)
{
    QString text = figure.title();
    if (!figure.subtitle().isEmpty())
        text += QStringLiteral(" — ") + figure.subtitle();
    return text.toStdString();
}

void fillFigure(core::ReportInput &input, const ChartExporter *figure)
{
    if (!figure || figure->isEmpty()) {
        if (input.figureNote.empty())
            input.figureNote = "No figure: there are no charts to draw for this run.";
        return;
    }
    input.figureCaption = caption(*figure);
}

void drawPageFrame(QPainter &p, const QRectF &page, const QString &title, const QString &footer,
                   int pageNumber, int pageCount)
{
    p.save();
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(7.5);
    p.setFont(font);
    p.setPen(QColor(0x57, 0x60, 0x6a));
    const QRectF header(page.left(), page.top(), page.width(), kHeaderHeight - 8);
    const QString pages = QStringLiteral("Page %1 of %2").arg(pageNumber).arg(pageCount);
    const double pagesWidth = p.fontMetrics().horizontalAdvance(pages) + 12;
    p.drawText(
        header.adjusted(0, 0, -pagesWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
        p.fontMetrics().elidedText(title, Qt::ElideMiddle, int(header.width() - pagesWidth)));
    p.drawText(header, Qt::AlignRight | Qt::AlignVCenter, pages);
    p.setPen(QPen(QColor(0xc9, 0xd1, 0xd9), 0.8));
    p.drawLine(QPointF(page.left(), header.bottom() + 2),
               QPointF(page.right(), header.bottom() + 2));
    p.setPen(QColor(0x57, 0x60, 0x6a));
    p.drawText(
        QRectF(page.left(), page.bottom() - kFooterHeight + 6, page.width(), kFooterHeight - 6),
        Qt::AlignLeft | Qt::AlignVCenter, footer);
    p.restore();
}

} // namespace

std::optional<ReportWriter::Format> ReportWriter::formatFromPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return Format::Html;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QByteArray ReportWriter::figureSvg(const ChartExporter &figure, QSizeF size)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QSize units = size.toSize();
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(units);
    generator.setViewBox(QRect(QPoint(0, 0), units));
    generator.setResolution(static_cast<int>(std::lround(ChartExporter::screenDpi())));
    generator.setTitle(figure.title());
    generator.setDescription(figure.subtitle());
    {
        QPainter painter(&generator);
        figure.render(&painter, QRectF(QPointF(0, 0), QSizeF(units)));
    }
    QByteArray svg = buffer.data();
    // Inline SVG in HTML5 starts at the element: no XML declaration.
    const qsizetype start = svg.indexOf("<svg");
    return start < 0 ? QByteArray() : svg.mid(start);
}

bool ReportWriter::write(const QString &path, core::ReportInput input, const ChartExporter *figure,
                         QString *error)
{
    const auto format = formatFromPath(path);
    if (!format) {
        if (error)
            *error = fileError(path, QStringLiteral("a report is written as .html or .pdf"));
        return false;
    }
    fillFigure(input, figure);
    if (*format == Format::Pdf)
        return writePdf(path, input, figure, error);
    if (figure && !figure->isEmpty())
        input.figureSvg = figureSvg(*figure, figure->naturalSize()).toStdString();
    try {
        core::AtomicFile::write(path.toStdString(),
                                core::ReportHtml::render(input, core::ReportHtml::Flavor::Browser));
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

bool ReportWriter::writePdf(const QString &path, const core::ReportInput &input,
                            const ChartExporter *figure, QString *error)
{
    core::ReportInput in = input;
    // The RichText flavor puts a marker where the figure goes; it needs a non-empty figure.
    const bool hasFigure = figure && !figure->isEmpty();
    if (hasFigure)
        in.figureSvg = "pdf";
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = fileError(path, file.errorString());
        return false;
    }
    const QString title = QString::fromStdString(core::ReportHtml::title(in));
    QPdfWriter writer(&file);
    writer.setCreator(QStringLiteral("HPA Lens"));
    writer.setTitle(title);
    // At the screen's resolution the charts' fonts come out at the size they were laid out for.
    writer.setResolution(static_cast<int>(std::lround(ChartExporter::screenDpi())));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(14, 12, 14, 12), QPageLayout::Millimeter));
    const QRectF page(QPointF(0, 0),
                      QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()));
    const QRectF body(0, kHeaderHeight, page.width(),
                      page.height() - kHeaderHeight - kFooterHeight);

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDocumentMargin(0);
    doc.setDefaultStyleSheet(
        QString::fromStdString(std::string(core::ReportHtml::richTextStyle())));
    doc.setHtml(
        QString::fromStdString(core::ReportHtml::render(in, core::ReportHtml::Flavor::RichText)));
    std::unique_ptr<ReportFigureObject> figureObject;
    if (hasFigure) {
        const QSizeF natural = figure->naturalSize();
        // As wide as the page, and never taller than 80 % of it (a page of its own at most).
        const double scale =
            std::min(body.width() / natural.width(), 0.8 * body.height() / natural.height());
        figureObject = std::make_unique<ReportFigureObject>(figure, natural * scale);
        doc.documentLayout()->registerHandler(ReportFigureObject::kType, figureObject.get());
        QTextCursor at =
            doc.find(QString::fromUtf8(core::ReportHtml::kFigureMarker.data(),
                                       qsizetype(core::ReportHtml::kFigureMarker.size())));
        if (!at.isNull()) {
            QTextCharFormat format;
            format.setObjectType(ReportFigureObject::kType);
            at.insertText(QString(QChar::ObjectReplacementCharacter), format);
        }
    }
    // Paginated last: setting the page size lays the whole document out again, the figure
    // included (a change after it is laid out incrementally and left the page count stale).
    doc.setPageSize(body.size());
    const QString footer = QString::fromStdString(
        (input.generator.empty() ? std::string("HPA Lens") : input.generator) +
        (input.generatedAt.empty() ? std::string() : ", " + input.generatedAt));
    QPainter painter;
    if (!painter.begin(&writer)) {
        file.cancelWriting();
        if (error)
            *error = fileError(path, QStringLiteral("the PDF writer could not start"));
        return false;
    }
    const int pages = std::max(1, doc.pageCount());
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            writer.newPage();
        drawPageFrame(painter, page, title, footer, p + 1, pages);
        painter.save();
        painter.translate(0, body.top() - p * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, p * body.height(), body.width(), body.height());
        painter.setClipRect(context.clip);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    painter.end();
    if (!file.commit()) {
        if (error)
            *error = fileError(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace hpa::ui

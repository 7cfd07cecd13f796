#pragma once

#include <QObject>
#include <QSizeF>
#include <QTextObjectInterface>

namespace hpa::ui {

class ChartExporter;

/// The chart figure inside a QTextDocument: laid out like a character of the given size and
/// painted by ChartExporter::render, so on a QPdfWriter it stays vector.
class ReportFigureObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    /// The text object type the figure character carries.
    static constexpr int kType = QTextFormat::UserObject + 16;

    ReportFigureObject(const ChartExporter *figure, QSizeF size, QObject *parent = nullptr);

    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                    const QTextFormat &format) override;

private:
    const ChartExporter *m_figure;
    QSizeF m_size;
};

} // namespace hpa::ui

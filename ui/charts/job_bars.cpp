#include "ui/charts/job_bars.h"

#include "core/model/number_format.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

namespace {

double sceneX(const QRectF &plot, double from, double to, double x)
{
    return plot.left() + (x - from) / (to - from) * plot.width();
}

QPen cosmeticPen(const QColor &color, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(color, width, style);
    pen.setCosmetic(true);
    return pen;
}

} // namespace

QString JobBars::clientCaption()
{
    return QStringLiteral("client-side, per job (vllm bench)");
}

QString JobBars::medianLegendName()
{
    return QStringLiteral("TTFT median, ") + clientCaption();
}

QString JobBars::p99LegendName()
{
    return QStringLiteral("TTFT P99, ") + clientCaption();
}

QPen JobBars::segmentPen(const ChartPalette &palette, int job, bool p99)
{
    return cosmeticPen(palette.seriesColor(job, false), 2.5, p99 ? Qt::DashLine : Qt::SolidLine);
}

QVector<JobBar> JobBars::of(const QVector<ChartSource> &sources)
{
    QVector<JobBar> bars;
    for (const ChartSource &source : sources) {
        if (source.secondary || !source.experiment)
            continue;
        for (const core::BenchJob &job : source.experiment->jobs) {
            const core::JobPlacement &p = job.placement;
            if (!p.placed() || !p.end)
                continue;
            JobBar bar;
            bar.from = source.toX(*p.start);
            bar.to = source.toX(*p.end);
            bar.label = (source.label.isEmpty() ? QString() : source.label + QStringLiteral(": ")) +
                        QString::fromStdString(job.name);
            if (job.result) {
                bar.ttftMedianMs = job.result->value("median_ttft_ms");
                bar.ttftP99Ms = job.result->value("p99_ttft_ms");
            }
            bars.push_back(bar);
        }
    }
    return bars;
}

void JobBars::paintGantt(QPainter *painter, const QRectF &plot, double from, double to,
                         const QVector<JobBar> &bars, const ChartPalette &palette)
{
    if (bars.isEmpty() || !(to > from))
        return;
    painter->save();
    const double lane = std::min(18.0, plot.height() / bars.size());
    QFont font = painter->font();
    font.setPointSizeF(std::max(6.0, std::min(8.5, lane * 0.55)));
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    for (int i = 0; i < bars.size(); ++i) {
        const JobBar &b = bars[i];
        const double x0 = std::max(plot.left(), sceneX(plot, from, to, b.from));
        const double x1 = std::min(plot.right(), sceneX(plot, from, to, b.to));
        if (x1 < plot.left() || x0 > plot.right())
            continue;
        const QRectF rect(QPointF(x0, plot.top() + i * lane + 1),
                          QPointF(std::max(x1, x0 + 2), plot.top() + (i + 1) * lane - 1));
        QColor fill = palette.seriesColor(i, false);
        fill.setAlpha(150);
        painter->fillRect(rect, fill);
        painter->setPen(cosmeticPen(fill.darker(150), 1));
        painter->drawRect(rect);
        painter->setPen(palette.text);
        const QString text = metrics.elidedText(b.label, Qt::ElideRight, rect.width() - 6);
        painter->drawText(rect.adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    painter->restore();
}

void JobBars::paintClientLatency(QPainter *painter, const QRectF &plot, double from, double to,
                                 const QVector<JobBar> &bars, const ChartPalette &palette)
{
    if (!(to > from))
        return;
    painter->save();
    painter->setPen(palette.text);
    const QRectF caption(plot.left() + 6, plot.top() + 2, plot.width() - 12, 16);
    painter->drawText(caption, Qt::AlignLeft | Qt::AlignVCenter,
                      QStringLiteral("TTFT, ") + clientCaption() +
                          QStringLiteral(": median solid, P99 dashed (log scale)"));
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (const JobBar &b : bars) {
        for (const auto &v : {b.ttftMedianMs, b.ttftP99Ms}) {
            if (v && *v > 0 && std::isfinite(*v)) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
        }
    }
    if (lo <= hi) {
        // A log scale: medians of tens of ms and P99s of tens of seconds on one chart.
        const double a = std::log10(lo) - 0.15, z = std::log10(hi) + 0.15;
        const QRectF area = plot.adjusted(0, 22, 0, -6);
        paintSegments(painter, plot, from, to, bars, palette, QString(), [&](double v) {
            return area.bottom() - (std::log10(v) - a) / (z - a) * area.height();
        });
    }
    painter->restore();
}

void JobBars::paintClientLatencyOnAxis(QPainter *painter, const QRectF &plot, double from,
                                       double to, std::pair<double, double> values,
                                       const QVector<JobBar> &bars, const ChartPalette &palette)
{
    const auto [v0, v1] = values;
    if (!(to > from) || !(v1 > v0))
        return;
    painter->save();
    painter->setClipRect(plot);
    // Beside the server's lines each label says whose value it is.
    paintSegments(painter, plot, from, to, bars, palette, QStringLiteral("client "),
                  [&](double v) { return plot.bottom() - (v - v0) / (v1 - v0) * plot.height(); });
    painter->restore();
}

void JobBars::paintSegments(QPainter *painter, const QRectF &plot, double from, double to,
                            const QVector<JobBar> &bars, const ChartPalette &palette,
                            const QString &prefix, const std::function<double(double)> &y)
{
    for (int i = 0; i < bars.size(); ++i) {
        const JobBar &b = bars[i];
        const double x0 = std::max(plot.left(), sceneX(plot, from, to, b.from));
        const double x1 = std::min(plot.right(), sceneX(plot, from, to, b.to));
        if (x1 < plot.left() || x0 > plot.right())
            continue;
        for (const bool p99 : {false, true}) {
            const std::optional<double> value = p99 ? b.ttftP99Ms : b.ttftMedianMs;
            if (!value || !(*value > 0) || !std::isfinite(*value))
                continue;
            const double yy = y(*value);
            painter->setPen(segmentPen(palette, i, p99));
            painter->drawLine(QPointF(x0, yy), QPointF(x1, yy));
            painter->setPen(palette.text);
            painter->drawText(
                QRectF(x0 + 4, yy - 15, std::max(10.0, x1 - x0 - 8), 14),
                Qt::AlignLeft | Qt::AlignBottom,
                QStringLiteral("%1 %2%3 %4 ms")
                    .arg(b.label, prefix, p99 ? QStringLiteral("P99") : QStringLiteral("median"),
                         QString::fromStdString(core::NumberFormat::fixed(*value, 0))));
        }
    }
}

} // namespace hpa::ui

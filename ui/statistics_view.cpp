#include "ui/statistics_view.h"

#include "core/model/metric_keys.h"
#include "core/report/summary_text.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QStringList>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <map>

namespace hpa::ui {

namespace {

QString esc(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString num(double value, int decimals = 2)
{
    return QString::fromStdString(core::SummaryText::number(value, decimals));
}

template <typename T> QString orNA(const std::optional<T> &value)
{
    if (!value)
        return QStringLiteral("n/a");
    if constexpr (std::is_floating_point_v<T>)
        return num(*value);
    else
        return QString::number(*value);
}

bool isLatency(const std::string &key)
{
    return key == core::keys::TtftMs || key == core::keys::ItlMs;
}

bool isJobs(const std::string &key)
{
    return key == core::keys::ActiveJobs || key == core::keys::CompletedJobs;
}

/// Builds the page with the widget's palette so it reads in light and dark themes.
class Html
{
public:
    explicit Html(const QPalette &palette)
        : m_text(palette.color(QPalette::Text)), m_base(palette.color(QPalette::Base)),
          m_header(palette.color(QPalette::AlternateBase)), m_border(palette.color(QPalette::Mid)),
          m_muted(palette.color(QPalette::PlaceholderText))
    {
        m_out += QStringLiteral("<html><body style='color:%1; background-color:%2'>")
                     .arg(m_text.name(), m_base.name());
    }

    void heading(const QString &title)
    {
        m_out += QStringLiteral("<h3 style='margin-top:12px; margin-bottom:4px'>%1</h3>")
                     .arg(title.toHtmlEscaped());
    }
    void beginForm() { m_out += QStringLiteral("<table cellspacing='0' cellpadding='2'>"); }
    void row(const QString &label, const QString &value, bool indented = false)
    {
        m_out += QStringLiteral("<tr><td style='color:%1; padding-right:12px'>%2%3</td>"
                                "<td>%4</td></tr>")
                     .arg(m_muted.name(),
                          indented ? QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;") : QString(),
                          label.toHtmlEscaped(), value);
    }
    void beginGrid()
    {
        m_out += QStringLiteral("<table cellspacing='0' cellpadding='3' border='1' "
                                "style='border-collapse:collapse; border-color:%1'>")
                     .arg(m_border.name());
    }
    void gridHeader(const QStringList &cells)
    {
        m_out += QStringLiteral("<tr>");
        for (const QString &c : cells) {
            m_out += QStringLiteral("<th bgcolor='%1' align='center'>%2</th>")
                         .arg(m_header.name(), c.toHtmlEscaped());
        }
        m_out += QStringLiteral("</tr>");
    }
    void seriesRow(const std::string &key, const core::SeriesSummary &s)
    {
        m_out += QStringLiteral("<tr><td>%1</td>").arg(esc(core::keys::displayName(key)));
        if (!s.collected || !s.hasStats) {
            // The same words as the summary and the charts (core::CollectedSeries).
            const QString text =
                s.collected ? QObject::tr("no values") : QString::fromStdString(s.notCollectedText);
            m_out += QStringLiteral("<td colspan='7' style='color:%1'><i>%2</i></td></tr>")
                         .arg(m_muted.name(), text.toHtmlEscaped());
            return;
        }
        m_out += QStringLiteral("<td align='right'>%1</td>").arg(s.count);
        for (double v : {s.mean, s.min, s.p50, s.p90, s.p99, s.max})
            m_out += QStringLiteral("<td align='right'>%1</td>").arg(num(v));
        m_out += QStringLiteral("</tr>");
    }
    void cell(const QString &html, const QColor &bg = {}, const QColor &fg = {})
    {
        QString style;
        if (fg.isValid())
            style = QStringLiteral(" style='color:%1'").arg(fg.name());
        m_out += bg.isValid() ? QStringLiteral("<td align='center' bgcolor='%1'%2>%3</td>")
                                    .arg(bg.name(), style, html)
                              : QStringLiteral("<td>%1</td>").arg(html);
    }
    void raw(const QString &html) { m_out += html; }
    void note(const QString &text)
    {
        m_out += QStringLiteral("<p style='color:%1'><i>%2</i></p>")
                     .arg(m_muted.name(), text.toHtmlEscaped());
    }
    void endTable() { m_out += QStringLiteral("</table>"); }
    QString finish() { return m_out + QStringLiteral("</body></html>"); }

    const QColor &base() const { return m_base; }
    const QColor &header() const { return m_header; }

private:
    QColor m_text, m_base, m_header, m_border, m_muted;
    QString m_out;
};

QStringList statsHeader()
{
    return {QObject::tr("Series"), QObject::tr("count"), QObject::tr("mean"), QObject::tr("min"),
            QObject::tr("p50"),    QObject::tr("p90"),   QObject::tr("p99"),  QObject::tr("max")};
}

void seriesTable(Html &html, const core::ExperimentSummary &s, const std::vector<std::string> &keys)
{
    html.beginGrid();
    html.gridHeader(statsHeader());
    for (const std::string &key : keys)
        html.seriesRow(key, s.series.at(key));
    html.endTable();
}

QString autoscalerText(const core::AutoscalerInfo &a)
{
    if (a.kind == core::AutoscalerInfo::Kind::Hpa)
        return QObject::tr("Kubernetes HPA");
    QString text = QObject::tr("llm-d WVA");
    if (!a.mode.empty())
        text += QStringLiteral(", ") + esc(a.mode);
    for (const core::WvaVariant &v : a.variants) {
        if (v.name == a.variant)
            text += QObject::tr("<br>variant %1: %2 decisions (%3 up, %4 down, %5 no change)")
                        .arg(esc(v.name))
                        .arg(v.decisionsTotal())
                        .arg(v.scaleUps)
                        .arg(v.scaleDowns)
                        .arg(v.noChanges);
    }
    if (a.variants.size() > 1)
        text += QObject::tr(" — one of %1 variants").arg(a.variants.size());
    if (!a.source.empty())
        text += QStringLiteral("<br><small>") + QObject::tr("read from %1").arg(esc(a.source)) +
                QStringLiteral("</small>");
    // Two files read: which series came from which.
    if (a.source.find(" and ") != std::string::npos) {
        std::map<std::string, QStringList> byFile;
        for (const auto &[key, from] : a.sources) {
            byFile[from].append(key == "decisions"
                                    ? QObject::tr("decisions")
                                    : QString::fromStdString(core::keys::displayName(key)));
        }
        for (const auto &[from, names] : byFile) {
            text += QStringLiteral("<br><small>") +
                    QObject::tr("%1: %2").arg(esc(from),
                                              names.join(QStringLiteral(", ")).toHtmlEscaped()) +
                    QStringLiteral("</small>");
        }
    }
    return text;
}

void predictionSection(Html &html, const core::ExperimentSummary &s)
{
    if (s.predictionErrors.empty())
        return;
    html.heading(QObject::tr("Prediction error (WVA performance model)"));
    html.beginGrid();
    html.gridHeader(
        {QObject::tr("Series"), QObject::tr("MAPE"), QObject::tr("Bias"), QObject::tr("Scored")});
    for (const core::PredictionError &e : s.predictionErrors) {
        const QString name = QString::fromStdString(core::keys::displayName(e.series));
        if (!e.mapePct) {
            html.raw(QStringLiteral("<tr><td>%1</td><td colspan='3'><i>%2</i></td></tr>")
                         .arg(name.toHtmlEscaped(),
                              QObject::tr("none of %1 predictions scored").arg(e.predictions)));
            continue;
        }
        html.raw(QStringLiteral("<tr><td>%1</td><td align='right'>%2 %</td>"
                                "<td align='right'>%3 ms</td><td align='right'>%4 / %5</td></tr>")
                     .arg(name.toHtmlEscaped(), num(*e.mapePct, 1), num(*e.biasMs, 2))
                     .arg(e.pairs)
                     .arg(e.predictions));
    }
    html.endTable();
}

void experimentSection(Html &html, const core::ExperimentSummary &s)
{
    html.heading(QObject::tr("Experiment"));
    html.beginForm();
    html.row(QObject::tr("Name"), esc(s.name));
    html.row(QObject::tr("Layout"), esc(s.layout));
    html.row(QObject::tr("Autoscaler"), autoscalerText(s.autoscaler));
    html.row(QObject::tr("Samples"), QString::number(s.samples));
    html.row(QObject::tr("First sample"), s.samples ? esc(s.start) : QStringLiteral("n/a"));
    html.row(QObject::tr("Last sample"), s.samples ? esc(s.end) : QStringLiteral("n/a"));
    html.row(QObject::tr("Duration"),
             QString::fromStdString(core::SummaryText::duration(s.durationSeconds)));
    html.row(QObject::tr("Median interval"),
             QObject::tr("%1 s").arg(num(s.medianIntervalSeconds, 1)));
    html.row(QObject::tr("Gaps (> 3× median)"), QString::number(s.gaps));
    // Plain words first; the rule that chose them after, for whoever doubts them.
    QString kv = s.kvRule.unit == core::KvCacheUnit::Fraction
                     ? QObject::tr("fractions (0–1), shown as %")
                 : s.kvRule.unit == core::KvCacheUnit::Percent
                     ? QObject::tr("percent, as written")
                     : QObject::tr("milli-units (0–1000), shown as %");
    if (!s.kvRule.reason.empty())
        kv += QStringLiteral("<br><small>") + QObject::tr("rule: %1").arg(esc(s.kvRule.reason)) +
              QStringLiteral("</small>");
    if (s.kvRule.overridden)
        kv += QObject::tr(" (chosen by you)");
    html.row(QObject::tr("KV cache unit"), kv);
    if (!s.warnings.empty())
        html.row(QObject::tr("Load warnings"), QString::number(s.warnings.size()));
    html.endTable();
}

void scalingSection(Html &html, const core::ExperimentSummary &s)
{
    html.heading(QObject::tr("Scaling"));
    html.beginForm();
    html.row(QObject::tr("Initial replicas"), orNA(s.replicasInitial));
    html.row(QObject::tr("Final replicas"), orNA(s.replicasFinal));
    html.row(QObject::tr("Min replicas"), orNA(s.replicasMin));
    html.row(QObject::tr("Max replicas"), orNA(s.replicasMax));
    html.row(QObject::tr("Replica-hours"), num(s.replicaSeconds / 3600.0, 3));
    html.row(QObject::tr("Scaling events"), QString::number(s.eventsTotal));
    html.row(QObject::tr("Scale up"), QString::number(s.scaleUps), true);
    html.row(QObject::tr("Scale down"), QString::number(s.scaleDowns), true);
    html.row(QObject::tr("Replicas changed"), QString::number(s.replicaChanges), true);
    html.row(QObject::tr("Scale-up latency"),
             s.meanScaleUpLatencySeconds ? QObject::tr("%1 s mean, trigger to pods observed")
                                               .arg(num(*s.meanScaleUpLatencySeconds, 1))
                                         : QStringLiteral("n/a"));
    html.endTable();
}

void metricSections(Html &html, const core::ExperimentSummary &s)
{
    std::vector<std::string> metrics, latency, jobs;
    for (const std::string &key : s.seriesOrder)
        (isLatency(key) ? latency : isJobs(key) ? jobs : metrics).push_back(key);

    html.heading(QObject::tr("Metrics"));
    if (metrics.empty())
        html.note(QObject::tr("No metric columns"));
    else
        seriesTable(html, s, metrics);
    html.beginForm();
    html.row(QObject::tr("Waiting requests target"), orNA(s.waitingTarget));
    html.row(QObject::tr("KV cache target (%)"), orNA(s.kvCacheTargetPct));
    html.endTable();

    html.heading(QObject::tr("Latency"));
    if (latency.empty()) {
        html.note(QObject::tr("This monitor did not record TTFT or ITL"));
    } else {
        seriesTable(html, s, latency);
        html.note(QObject::tr("Zeros mean \"no data\": statistics use values > 0 only"));
    }

    html.heading(QObject::tr("Jobs"));
    const std::string jobCount = s.metadata.text("job_count");
    if (!jobCount.empty()) {
        html.beginForm();
        html.row(QObject::tr("Jobs launched"), esc(jobCount));
        html.endTable();
    }
    if (jobs.empty())
        html.note(QObject::tr("No job columns in this experiment"));
    else
        seriesTable(html, s, jobs);
}

void violationSection(Html &html, const core::ExperimentSummary &s)
{
    html.heading(QObject::tr("Threshold violations"));
    html.beginGrid();
    html.gridHeader({QObject::tr("Threshold"), QObject::tr("Target"), QObject::tr("Samples"),
                     QObject::tr("Percent")});
    const auto line = [&](const QString &label, const QString &target,
                          const core::ViolationSummary &v) {
        if (target == QStringLiteral("n/a") || target == QStringLiteral("N/A")) {
            // No recorded target: nothing to exceed, so unknown rather than 0 %.
            html.raw(QStringLiteral("<tr><td>%1</td><td align='right'>n/a</td>"
                                    "<td colspan='2'><i>%2</i></td></tr>")
                         .arg(label.toHtmlEscaped(), QObject::tr("no target recorded")));
            return;
        }
        html.raw(QStringLiteral("<tr><td>%1</td><td align='right'>%2</td>"
                                "<td align='right'>%3 / %4</td><td align='right'>%5 %</td></tr>")
                     .arg(label.toHtmlEscaped(), target)
                     .arg(v.samples)
                     .arg(s.samples)
                     .arg(QString::number(v.percent, 'f', 1)));
    };
    line(QObject::tr("Waiting requests > target"), orNA(s.waitingTarget), s.waitingViolations);
    line(QObject::tr("KV cache > target"),
         s.kvCacheTargetPct ? orNA(s.kvCacheTargetPct) + QStringLiteral(" %")
                            : QStringLiteral("n/a"),
         s.kvViolations);
    line(QObject::tr("Either threshold"),
         s.waitingTarget || s.kvCacheTargetPct ? QStringLiteral("—") : QStringLiteral("n/a"),
         s.anyViolations);
    html.endTable();
}

void correlationSection(Html &html, const core::ExperimentSummary &s)
{
    html.heading(QObject::tr("Correlation (Pearson)"));
    if (s.correlationColumns.empty()) {
        html.note(QObject::tr("No columns to correlate"));
        return;
    }
    html.beginGrid();
    QStringList header{QString()};
    for (const std::string &key : s.correlationColumns)
        header << QString::fromStdString(core::keys::displayName(key));
    html.gridHeader(header);
    for (std::size_t i = 0; i < s.correlationColumns.size(); ++i) {
        html.raw(
            QStringLiteral("<tr><th bgcolor='%1' align='left'>%2</th>")
                .arg(html.header().name(), esc(core::keys::displayName(s.correlationColumns[i]))));
        for (const std::optional<double> &r : s.correlation[i]) {
            if (!r) {
                html.cell(QStringLiteral("n/a"), html.base());
                continue;
            }
            const QColor bg = StatisticsView::correlationColor(*r, html.base());
            html.cell(QString::number(*r, 'f', 2), bg, StatisticsView::readableTextColor(bg));
        }
        html.raw(QStringLiteral("</tr>"));
    }
    html.endTable();
}

} // namespace

StatisticsView::StatisticsView(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_browser(new QTextBrowser(m_stack)),
      m_empty(new QLabel(tr("Open an experiment to see its statistics"), m_stack)),
      m_copy(new QToolButton(this))
{
    m_browser->setOpenLinks(false);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_stack->addWidget(m_browser);
    m_stack->addWidget(m_empty);

    m_copy->setText(tr("Copy as text"));
    m_copy->setToolTip(tr("Copy the statistics as the plain-text report of `hpa-lens summary`"));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_copy, &QToolButton::clicked, this, &StatisticsView::copyAsText);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copy);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);
    clear();
}

void StatisticsView::setSummary(const core::ExperimentSummary &summary)
{
    m_summary = summary;
    refresh();
}

void StatisticsView::clear()
{
    m_summary.reset();
    refresh();
}

QString StatisticsView::html() const
{
    return m_stale ? buildHtml() : m_html;
}

void StatisticsView::refresh()
{
    if (m_renderWhileHidden || isVisible())
        render();
    else
        m_stale = true;
}

void StatisticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        render();
}

QColor StatisticsView::correlationColor(double r, const QColor &base)
{
    const QColor tint = r < 0 ? QColor(33, 102, 172) : QColor(178, 24, 43);
    const double a = std::clamp(std::abs(r), 0.0, 1.0);
    const auto mix = [a](int from, int to) {
        return int(std::lround(from + (to - from) * a));
    };
    return QColor(mix(base.red(), tint.red()), mix(base.green(), tint.green()),
                  mix(base.blue(), tint.blue()));
}

QColor StatisticsView::readableTextColor(const QColor &background)
{
    const double luminance =
        0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

void StatisticsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_summary)
        refresh();
}

QString StatisticsView::buildHtml() const
{
    if (!m_summary)
        return {};
    Html html(palette());
    experimentSection(html, *m_summary);
    scalingSection(html, *m_summary);
    metricSections(html, *m_summary);
    violationSection(html, *m_summary);
    predictionSection(html, *m_summary);
    correlationSection(html, *m_summary);
    return html.finish();
}

void StatisticsView::render()
{
    m_stale = false;
    m_copy->setEnabled(m_summary.has_value());
    if (!m_summary) {
        m_html.clear();
        m_browser->clear();
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_html = buildHtml();
    m_browser->setHtml(m_html);
    m_stack->setCurrentWidget(m_browser);
}

void StatisticsView::copyAsText()
{
    if (m_summary) {
        QApplication::clipboard()->setText(
            QString::fromStdString(core::SummaryText::render(*m_summary)));
    }
}

} // namespace hpa::ui

#include "ui/sweep_view.h"

#include "core/analysis/pareto_front.h"
#include "core/model/number_format.h"
#include "ui/charts/sweep_plot.h"
#include "ui/whatif_session.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

SweepView::SweepView(WhatIfSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_first(new QLineEdit(this)),
      m_second(new QLineEdit(this)), m_axisBox(new QComboBox(this)),
      m_run(new QPushButton(tr("Run sweep"), this)), m_status(new QLabel(this)),
      m_plot(new SweepPlot(this))
{
    m_first->setText(QStringLiteral("down-window=0:300:60"));
    m_second->setText(QStringLiteral("kv-target=0.3:0.8:0.1"));
    const QString tip = tr("KEY=V1,V2,... or KEY=FROM:TO:STEP with a what-if key (waiting-target, "
                           "kv-target, tolerance, min, max, up-window, down-window, up-pods, "
                           "up-percent, up-period, down-pods, down-percent, down-period, "
                           "select-up, select-down, onset-delay); empty: not swept");
    m_first->setToolTip(tip);
    m_second->setToolTip(tip);
    m_axisBox->addItem(tr("θU under-provisioning accuracy (%)"), int(XAxis::UnderAccuracy));
    m_axisBox->addItem(tr("τU under-provisioned time (%)"), int(XAxis::UnderTimeshare));
    m_status->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Sweep"), m_first);
    form->addRow(tr("and"), m_second);
    auto *row = new QHBoxLayout;
    row->addWidget(m_axisBox, 1);
    row->addWidget(m_run);
    form->addRow(tr("x axis"), row);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_plot, 1);
    setXAxis(m_axis);

    connect(m_run, &QPushButton::clicked, this, &SweepView::runFromEditors);
    connect(m_axisBox, &QComboBox::currentIndexChanged, this,
            [this] { setXAxis(XAxis(m_axisBox->currentData().toInt())); });
    connect(m_session, &WhatIfSession::sweepReady, this, &SweepView::showSweep);
    connect(m_session, &WhatIfSession::cleared, m_plot, &SweepPlot::clear);
    connect(m_session, &WhatIfSession::preparedChanged, m_plot, &SweepPlot::clear);
    connect(m_plot, &SweepPlot::pointClicked, this,
            [this](int i) { emit combinationChosen(combination(i)); });
}

void SweepView::runFromEditors()
{
    QStringList sweeps;
    for (QLineEdit *e : {m_first, m_second}) {
        if (!e->text().trimmed().isEmpty())
            sweeps << e->text().trimmed();
    }
    const QString problem = run(sweeps);
    if (!problem.isEmpty())
        m_status->setText(problem);
}

QString SweepView::run(const QStringList &sweeps)
{
    if (sweeps.size() >= 1)
        m_first->setText(sweeps[0]);
    if (sweeps.size() >= 2)
        m_second->setText(sweeps[1]);
    std::vector<std::string> list;
    for (const QString &s : sweeps)
        list.push_back(s.toStdString());
    std::vector<core::HpaWhatIfSettings> combos;
    // The GUI keeps a sweep to what a plot can show and a click can tell apart.
    const std::string problem = core::HpaWhatIfEdits::expandSweeps(list, combos, 2000);
    if (!problem.empty())
        return QString::fromStdString(problem);
    if (combos.empty())
        return tr("Nothing to sweep: give KEY=V1,V2 or KEY=FROM:TO:STEP");
    if (!m_session->prepared())
        return tr("Open an experiment first");
    m_status->setText(tr("Replaying %1 combinations on all cores…").arg(combos.size()));
    m_session->runSweep(std::move(combos));
    return {};
}

void SweepView::setXAxis(XAxis axis)
{
    m_axis = axis;
    m_axisBox->setCurrentIndex(m_axisBox->findData(int(axis)));
    showSweep();
}

core::HpaWhatIfSettings SweepView::combination(int index) const
{
    const auto sweep = m_session->sweep();
    if (!sweep || index < 0 || index >= int(sweep->outcomes.size()))
        return {};
    return sweep->outcomes[std::size_t(index)].settings;
}

void SweepView::showSweep()
{
    const auto sweep = m_session->sweep();
    const WhatIfSession::Prepared *prepared = m_session->prepared();
    const QString xTitle = m_axis == XAxis::UnderAccuracy ? tr("θU under-provisioning (%)")
                                                          : tr("τU under-provisioned time (%)");
    const QString yTitle = tr("replica-hours (estimate)");
    if (!sweep || !prepared || !prepared->baseline) {
        m_plot->setPoints({}, std::nullopt, xTitle, yTitle);
        return;
    }
    const auto xOf = [this](const core::Scorecard &s) {
        const auto v = m_axis == XAxis::UnderAccuracy ? s.underAccuracyPct : s.underTimesharePct;
        return v && s.judged() ? *v : NAN;
    };
    const auto yOf = [](const core::Scorecard &s) {
        return s.judged() ? s.replicaHours() : NAN;
    };
    QVector<SweepPlot::Point> points;
    std::vector<core::ParetoFront::Point> costs;
    std::size_t failed = 0;
    for (const core::HpaWhatIf::Outcome &o : sweep->outcomes) {
        SweepPlot::Point p;
        p.x = o.problem.empty() ? xOf(o.scorecard) : NAN;
        p.y = o.problem.empty() ? yOf(o.scorecard) : NAN;
        failed += !o.problem.empty();
        QStringList parts;
        for (const auto &[k, v] : o.settings)
            parts << QString::fromStdString(k + "=" + v);
        p.label = parts.join(QStringLiteral(" "));
        points << p;
        costs.push_back({p.x, p.y});
    }
    const std::vector<bool> front = core::ParetoFront::of(costs);
    std::size_t onFront = 0;
    for (int i = 0; i < points.size(); ++i) {
        points[i].pareto = front[std::size_t(i)];
        onFront += front[std::size_t(i)];
    }
    const core::Scorecard &rec = prepared->baseline->recorded;
    std::optional<QPointF> recording;
    if (std::isfinite(xOf(rec)) && std::isfinite(yOf(rec)))
        recording = QPointF(xOf(rec), yOf(rec));
    m_plot->setPoints(points, recording, xTitle, yTitle);
    QString text =
        tr("%1 what-ifs (estimates) replayed and scored in %2 ms; %3 on the Pareto "
           "front (highlighted). × = the recording. Click a dot to see that what-if "
           "on the charts.")
            .arg(points.size())
            .arg(QString::fromStdString(core::NumberFormat::fixed(sweep->milliseconds, 0)))
            .arg(onFront);
    if (failed)
        text += tr(" %1 combinations make an invalid spec and are not drawn.").arg(failed);
    const auto drawn = std::count_if(points.begin(), points.end(), [](const SweepPlot::Point &p) {
        return std::isfinite(p.x) && std::isfinite(p.y);
    });
    if (m_plot->dotCount() < drawn)
        text += tr(" %1 dots: combinations with the same result share one dot, with their "
                   "number beside it (its tooltip lists them).")
                    .arg(m_plot->dotCount());
    m_status->setText(text);
}

} // namespace hpa::ui

#include "ui/scorecard_view.h"

#include "core/analysis/scorecard_calculator.h"
#include "core/model/number_format.h"
#include "ui/episode_table_model.h"
#include "ui/scorecard_runner.h"
#include "ui/scorecard_table_model.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hpa::ui {

namespace {

QDoubleSpinBox *spinBox(QWidget *parent, double max, const QString &suffix, const QString &tip)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, max);
    box->setDecimals(0);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

ScorecardView::ScorecardView(QWidget *parent)
    : QWidget(parent), m_demand(new QComboBox(this)),
      m_onset(spinBox(this, 3600, tr(" s"),
                      tr("n is the requested replicas this long before each sample: new pods "
                         "report their metric only after they start"))),
      m_ttft(spinBox(this, 600000, tr(" ms"), tr("TTFT limit of the SLO attainment"))),
      m_itl(spinBox(this, 60000, tr(" ms"), tr("ITL limit of the SLO attainment"))),
      m_note(new QLabel(this)), m_table(new QTableView(this)),
      m_model(new ScorecardTableModel(this)), m_episodes(new QTableView(this)),
      m_episodeModel(new EpisodeTableModel(this)), m_runner(new ScorecardRunner(this))
{
    m_demand->addItem(tr("HPA-ideal"), int(core::DemandVariant::HpaIdeal));
    m_demand->addItem(tr("HPA-reachable (capped at max replicas)"),
                      int(core::DemandVariant::HpaReachable));
    m_demand->setToolTip(
        tr("Required replicas: ceil(replicas × metric / target) over waiting "
           "requests and KV cache, at least min replicas (elasticity-kpis.md §1)"));
    auto *form = new QFormLayout;
    form->addRow(tr("Demand"), m_demand);
    form->addRow(tr("Onset delay"), m_onset);
    form->addRow(tr("SLO TTFT ≤"), m_ttft);
    form->addRow(tr("SLO ITL ≤"), m_itl);
    m_note->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_episodes->setModel(m_episodeModel);
    m_episodes->verticalHeader()->hide();
    m_episodes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_episodes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_episodes->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_episodes->setWordWrap(false);
    m_episodes->setToolTip(tr("Scale-up episodes: select one to see it on the charts"));
    // The dock shares the window's height with the events dock: the two tables may shrink
    // to a few rows each (the splitter gives the room back), not grow the window.
    for (QTableView *table : {m_table, m_episodes})
        table->setMinimumHeight(table->horizontalHeader()->sizeHint().height() * 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_episodes);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);
    connect(m_runner, &ScorecardRunner::computed, this, &ScorecardView::showResult);
    connect(m_episodes->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit episodeSelected(current.isValid() ? std::optional(current.row())
                                                       : std::nullopt);
            });
    setSettings(m_settings);

    connect(m_demand, &QComboBox::currentIndexChanged, this, &ScorecardView::readEditors);
    for (QDoubleSpinBox *box : {m_onset, m_ttft, m_itl})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ScorecardView::readEditors);
}

void ScorecardView::setExperiment(std::shared_ptr<const core::Experiment> experiment)
{
    setExperiments(experiment ? QVector{std::move(experiment)}
                              : QVector<std::shared_ptr<const core::Experiment>>());
}

void ScorecardView::setExperiments(const QVector<std::shared_ptr<const core::Experiment>> &runs)
{
    m_runs = runs;
    recompute();
}

void ScorecardView::clear()
{
    setExperiments({});
}

void ScorecardView::waitForComputed()
{
    m_runner->waitForFinished();
}

void ScorecardView::setSettings(const core::ScorecardSettings &settings)
{
    m_settings = settings;
    m_updating = true;
    m_demand->setCurrentIndex(m_demand->findData(int(settings.demand)));
    m_onset->setValue(settings.onsetDelaySeconds);
    m_ttft->setValue(settings.sloTtftMs);
    m_itl->setValue(settings.sloItlMs);
    m_updating = false;
    recompute();
}

void ScorecardView::readEditors()
{
    if (m_updating)
        return;
    m_settings.demand = core::DemandVariant(m_demand->currentData().toInt());
    m_settings.onsetDelaySeconds = m_onset->value();
    m_settings.sloTtftMs = m_ttft->value();
    m_settings.sloItlMs = m_itl->value();
    recompute();
    emit settingsChanged(m_settings);
}

void ScorecardView::recompute()
{
    if (m_runs.isEmpty()) {
        m_runner->cancel();
        m_model->clear();
        m_episodeModel->clear();
        m_note->setText(tr("No experiment open"));
        emit computed(nullptr);
        return;
    }
    m_note->setText(tr("Computing…"));
    m_runner->request(m_runs, m_settings);
}

void ScorecardView::showResult(const std::shared_ptr<const ScorecardResult> &result)
{
    if (!result || result->runs.empty())
        return;
    const core::Scorecard &s = result->runs.front().scorecard;
    m_model->setScorecard(s);
    m_episodeModel->setScorecard(s);
    emit computed(result);
    const auto fixed = [](double v) {
        return QString::fromStdString(core::NumberFormat::fixed(v, 1));
    };
    if (!s.hasReplicas || !s.hasMetric) {
        m_note->setText(s.hasReplicas ? tr("Not judged: no waiting or KV cache column with its "
                                           "target.")
                                      : tr("Not judged: no replicas column."));
        return;
    }
    m_note->setText(tr("Supply = requested replicas (HPA status, not ready pods). Covered %1 s, "
                       "uncovered %2 s (gaps > %3 s), resolution %4 s.")
                        .arg(fixed(s.coveredS), fixed(s.uncoveredS), fixed(s.gapThresholdS),
                             fixed(s.resolutionS)));
}

} // namespace hpa::ui

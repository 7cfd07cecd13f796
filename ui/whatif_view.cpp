#include "ui/whatif_view.h"

#include "core/analysis/hpa_spec_fields.h"
#include "core/model/number_format.h"
#include "ui/whatif_scorecard_model.h"
#include "ui/whatif_session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <fmt/format.h>

#include <algorithm>

namespace hpa::ui {

namespace {

struct FieldSpec
{
    const char *key, *label, *assumedAs, *tip;
    enum Kind
    {
        Decimal,
        Whole,
        Select,
        Flag
    } kind;
    double min, max, step;
};

/// The fields in the order shown; `assumedAs` is the ResolvedHpaSpec::assumed name that marks
/// the field as a Kubernetes default nobody recorded.
const std::vector<FieldSpec> &fieldSpecs()
{
    static const std::vector<FieldSpec> list{
        {"waiting-target", "Waiting target", "metrics", "num_requests_waiting per pod",
         FieldSpec::Decimal, 0.001, 1e6, 1},
        {"kv-target", "KV cache target", "metrics", "kv_cache_usage_perc per pod (0.5 = 500m)",
         FieldSpec::Decimal, 0.001, 10, 0.05},
        {"tolerance", "Tolerance", "tolerance", "no scaling while metric/target is within 1 ± this",
         FieldSpec::Decimal, 0, 9.99, 0.01},
        {"min", "Min replicas", "min_replicas", "minReplicas", FieldSpec::Whole, 0, 10000, 1},
        {"max", "Max replicas", "max_replicas", "maxReplicas", FieldSpec::Whole, 1, 10000, 1},
        {"no-behavior", "No behavior", "behavior",
         "the HPA without spec.behavior: 300 s scale-down window, max(2 × current, 4) per sync",
         FieldSpec::Flag, 0, 0, 0},
        {"up-window", "Up window", "behavior", "scaleUp stabilizationWindowSeconds",
         FieldSpec::Whole, 0, 3600, 15},
        {"up-pods", "Up Pods policy", "behavior", "pods added per period; 0 = no Pods policy",
         FieldSpec::Whole, 0, 10000, 1},
        {"up-percent", "Up Percent policy", "behavior", "% added per period; 0 = no Percent policy",
         FieldSpec::Whole, 0, 10000, 10},
        {"up-period", "Up period", "behavior", "periodSeconds of the scale-up policies",
         FieldSpec::Whole, 1, 1800, 15},
        {"select-up", "Up select", "behavior", "selectPolicy of scale-up", FieldSpec::Select, 0, 0,
         0},
        {"down-window", "Down window", "behavior", "scaleDown stabilizationWindowSeconds",
         FieldSpec::Whole, 0, 3600, 15},
        {"down-pods", "Down Pods policy", "behavior", "pods removed per period; 0 = none",
         FieldSpec::Whole, 0, 10000, 1},
        {"down-percent", "Down Percent policy", "behavior", "% removed per period; 0 = none",
         FieldSpec::Whole, 0, 100, 10},
        {"down-period", "Down period", "behavior", "periodSeconds of the scale-down policies",
         FieldSpec::Whole, 1, 1800, 15},
        {"select-down", "Down select", "behavior", "selectPolicy of scale-down", FieldSpec::Select,
         0, 0, 0},
        {"onset-delay", "Onset delay", "",
         "seconds before a new pod reports its metric (closed-loop replay)", FieldSpec::Whole, 0,
         3600, 15},
    };
    return list;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

WhatIfView::WhatIfView(WhatIfSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_form(new QWidget(this)), m_spec(new QLabel(this)),
      m_selfCheck(new QLabel(this)), m_status(new QLabel(this)),
      m_overlay(new QCheckBox(tr("Show the what-if on the replicas chart"), this)),
      m_reset(new QPushButton(tr("Back to the spec as loaded"), this)),
      m_table(new QTableView(this)), m_model(new WhatIfScorecardModel(this))
{
    buildFields();
    for (QLabel *l : {m_spec, m_selfCheck, m_status}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_overlay->setChecked(true);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    // The values stay in view in a narrow dock: the KPI names take what is left (elided,
    // full name in the tooltip).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WhatIfScorecardModel::KpiColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    m_table->setMinimumHeight(160);
    // The panel scrolls as a whole (WhatIfController puts it in a scroll area), so the dock it
    // shares a column with keeps its height.
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_spec);
    layout->addWidget(m_form);
    layout->addWidget(m_reset);
    layout->addWidget(m_selfCheck);
    layout->addWidget(m_overlay);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 4);
    m_form->setEnabled(false);
    m_reset->setEnabled(false);

    connect(m_overlay, &QCheckBox::toggled, this, &WhatIfView::overlayToggled);
    connect(m_reset, &QPushButton::clicked, this, [this] { applyEdits({}); });
    connect(m_session, &WhatIfSession::preparedChanged, this, &WhatIfView::showPrepared);
    connect(m_session, &WhatIfSession::whatIfReady, this, &WhatIfView::showResult);
    connect(m_session, &WhatIfSession::cleared, this, &WhatIfView::showCleared);
    showCleared();
}

void WhatIfView::buildFields()
{
    auto *form = new QFormLayout(m_form);
    for (const FieldSpec &f : fieldSpecs()) {
        QWidget *editor = nullptr;
        switch (f.kind) {
        case FieldSpec::Decimal: {
            auto *box = new QDoubleSpinBox(m_form);
            box->setRange(f.min, f.max);
            box->setDecimals(3);
            box->setSingleStep(f.step);
            box->setKeyboardTracking(false);
            connect(box, &QDoubleSpinBox::valueChanged, this, &WhatIfView::onFieldEdited);
            editor = box;
            break;
        }
        case FieldSpec::Whole: {
            auto *box = new QSpinBox(m_form);
            box->setRange(int(f.min), int(f.max));
            box->setSingleStep(int(f.step));
            box->setKeyboardTracking(false);
            connect(box, &QSpinBox::valueChanged, this, &WhatIfView::onFieldEdited);
            editor = box;
            break;
        }
        case FieldSpec::Select: {
            auto *box = new QComboBox(m_form);
            box->addItems(
                {QStringLiteral("Max"), QStringLiteral("Min"), QStringLiteral("Disabled")});
            connect(box, &QComboBox::currentIndexChanged, this, &WhatIfView::onFieldEdited);
            editor = box;
            break;
        }
        case FieldSpec::Flag: {
            auto *box = new QCheckBox(m_form);
            connect(box, &QCheckBox::toggled, this, &WhatIfView::onFieldEdited);
            editor = box;
            break;
        }
        }
        editor->setToolTip(QString::fromUtf8(f.tip));
        auto *label = new QLabel(tr(f.label), m_form);
        label->setToolTip(QString::fromUtf8(f.tip));
        form->addRow(label, editor);
        m_fields.insert(QString::fromUtf8(f.key), editor);
        m_labels.insert(QString::fromUtf8(f.key), label);
    }
}

void WhatIfView::setFields(const core::HpaWhatIfSettings &values)
{
    m_updating = true;
    for (const auto &[key, value] : values) {
        QWidget *w = m_fields.value(qs(key));
        if (auto *d = qobject_cast<QDoubleSpinBox *>(w)) {
            d->setEnabled(!value.empty()); // a metric the spec does not have
            d->setValue(value.empty() ? 0 : QString::fromStdString(value).toDouble());
        } else if (auto *i = qobject_cast<QSpinBox *>(w)) {
            i->setValue(QString::fromStdString(value).toInt());
        } else if (auto *c = qobject_cast<QComboBox *>(w)) {
            c->setCurrentText(qs(value));
        } else if (auto *b = qobject_cast<QCheckBox *>(w)) {
            b->setChecked(value == "true");
        }
    }
    m_updating = false;
    updateBehaviorFields();
}

core::HpaWhatIfSettings WhatIfView::fieldValues() const
{
    core::HpaWhatIfSettings out;
    for (const FieldSpec &f : fieldSpecs()) {
        QWidget *w = m_fields.value(QString::fromUtf8(f.key));
        std::string v;
        if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            v = d->isEnabled() ? fmt::format("{:g}", d->value()) : std::string();
        else if (auto *i = qobject_cast<QSpinBox *>(w))
            v = std::to_string(i->value());
        else if (auto *c = qobject_cast<QComboBox *>(w))
            v = c->currentText().toStdString();
        else if (auto *b = qobject_cast<QCheckBox *>(w))
            v = b->isChecked() ? "true" : "false";
        out.emplace_back(f.key, v);
    }
    return out;
}

core::HpaWhatIfSettings WhatIfView::edits() const
{
    return core::HpaSpecFields::diff(m_loaded, fieldValues());
}

void WhatIfView::updateBehaviorFields()
{
    const bool behavior = !qobject_cast<QCheckBox *>(m_fields.value("no-behavior"))->isChecked();
    for (const FieldSpec &f : fieldSpecs()) {
        const QString key = QString::fromUtf8(f.key);
        if (key.startsWith("up-") || key.startsWith("down-") || key.startsWith("select-"))
            m_fields.value(key)->setEnabled(behavior);
    }
}

void WhatIfView::onFieldEdited()
{
    if (m_updating)
        return;
    updateBehaviorFields();
    m_status->setText(tr("Replaying…"));
    m_session->edit(edits());
}

void WhatIfView::applyEdits(const core::HpaWhatIfSettings &settings)
{
    const WhatIfSession::Prepared *p = m_session->prepared();
    if (!p)
        return;
    core::HpaSpec spec = p->spec.spec;
    double delay = 0;
    if (!core::HpaWhatIfEdits::apply(settings, spec, delay).empty())
        return;
    setFields(core::HpaSpecFields::of(spec, delay));
    m_status->setText(tr("Replaying…"));
    m_session->edit(edits());
}

void WhatIfView::showPrepared()
{
    const WhatIfSession::Prepared *p = m_session->prepared();
    if (!p)
        return;
    const core::ResolvedHpaSpec &r = p->spec;
    m_loaded = core::HpaSpecFields::of(r.spec, 0);
    setFields(m_loaded);
    // Fields nobody recorded: Kubernetes' defaults, marked.
    for (const FieldSpec &f : fieldSpecs()) {
        const bool assumed = *f.assumedAs && std::find(r.assumed.begin(), r.assumed.end(),
                                                       f.assumedAs) != r.assumed.end();
        QLabel *label = m_labels.value(QString::fromUtf8(f.key));
        label->setText(assumed ? tr("%1 (assumed)").arg(tr(f.label)) : tr(f.label));
        QFont font = label->font();
        font.setItalic(assumed);
        label->setFont(font);
    }
    QString source = qs(std::string(core::HpaSpec::sourceKey(r.source)));
    if (!m_session->manifestPath().isEmpty())
        source += QStringLiteral(" ") + m_session->manifestPath();
    QString text = tr("<b>HPA spec used</b>: %1%2")
                       .arg(source.toHtmlEscaped(),
                            r.spec.name.empty()
                                ? QString()
                                : QStringLiteral(" (%1)").arg(qs(r.spec.name).toHtmlEscaped()));
    if (!r.assumed.empty()) {
        QStringList assumed;
        for (const std::string &a : r.assumed)
            assumed << qs(a);
        text += tr("<br><i>Assumed (not recorded; Kubernetes defaults): %1</i>")
                    .arg(assumed.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    for (const std::string &n : r.notes)
        text += QStringLiteral("<br>") + qs(n).toHtmlEscaped();
    m_spec->setText(text);
    const bool usable = p->problem.empty();
    m_form->setEnabled(usable);
    m_reset->setEnabled(usable);
    if (!usable) {
        m_selfCheck->setText(tr("Nothing replayed: %1").arg(qs(p->problem)));
        m_model->clear();
        return;
    }
    const core::HpaSelfCheck &c = p->selfCheck;
    const auto fixed = [](double v, int d) {
        return qs(core::NumberFormat::fixed(v, d));
    };
    if (c.agreement) {
        QString line =
            tr("<b>Self-check</b> (open-loop replay vs recorded desired replicas): "
               "%1 % agreement over %2 s, mean |difference| %3 replicas, first "
               "divergence %4.")
                .arg(fixed(100.0 * *c.agreement, 1), fixed(c.comparedSeconds, 0),
                     fixed(c.meanAbsDiff.value_or(0), 2),
                     c.firstDivergenceS ? tr("at %1 s").arg(fixed(*c.firstDivergenceS, 0))
                                        : tr("none"));
        if (*c.agreement < 0.75)
            line += tr(" <b>Below 75 %: this spec is probably not the one the run used.</b>");
        m_selfCheck->setText(line);
    } else {
        m_selfCheck->setText(tr("<b>Self-check</b>: not computed (no desired_replicas column or "
                                "no covered time)."));
    }
    m_model->setScorecards(p->baseline->recorded, std::nullopt);
}

void WhatIfView::showResult()
{
    const auto r = m_session->current();
    const WhatIfSession::Prepared *p = m_session->prepared();
    if (!r || !p || !p->baseline)
        return;
    const core::HpaWhatIf::Outcome &o = r->outcome;
    if (!o.problem.empty()) {
        m_status->setText(tr("Not replayed: %1").arg(qs(o.problem)));
        m_model->setScorecards(p->baseline->recorded, std::nullopt);
        return;
    }
    QStringList edits;
    for (const auto &[k, v] : o.settings)
        edits << qs(k + "=" + v);
    m_status->setText(
        tr("<b>What-if (estimate)</b>: %1. Closed-loop replay, the recorded load shared by the "
           "simulated replicas; latency is not predicted. Elastic speedup vs the recording %2. "
           "Replayed in %3 ms.")
            .arg(edits.isEmpty() ? tr("the spec as loaded") : edits.join(QStringLiteral(", ")),
                 o.elasticSpeedup ? qs(core::NumberFormat::fixed(*o.elasticSpeedup, 2))
                                  : tr("unknown"),
                 qs(core::NumberFormat::fixed(r->milliseconds, 0))));
    m_model->setScorecards(p->baseline->recorded, o.scorecard);
}

void WhatIfView::showCleared()
{
    m_loaded.clear();
    m_form->setEnabled(false);
    m_reset->setEnabled(false);
    m_spec->setText(tr("No experiment open. The What-if panel replays the run's HPA with other "
                       "settings (File → Load HPA Manifest… gives it the spec)."));
    m_selfCheck->clear();
    m_status->clear();
    m_model->clear();
}

} // namespace hpa::ui

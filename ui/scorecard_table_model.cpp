#include "ui/scorecard_table_model.h"

#include "core/model/number_format.h"

#include <functional>
#include <optional>

namespace hpa::ui {

namespace {

using core::Scorecard;

struct Kpi
{
    const char *label, *unit, *definition, *source;
    std::function<std::optional<double>(const Scorecard &)> value;
    int decimals = 2;
    bool time = false; ///< a time KPI: shown with its resolution
};

std::optional<double> sum(const Scorecard &s, double v)
{
    return s.judged() ? std::optional(v) : std::nullopt;
}

const std::vector<Kpi> &kpis()
{
    static const std::vector<Kpi> list{
        {"Replica-hours", "replica·h", "Requested replicas integrated over the covered time.",
         "elasticity-kpis.md §8", [](const Scorecard &s) { return sum(s, s.replicaHours()); }, 3},
        {"Mean replicas", "replicas", "Replica-seconds divided by the covered time T.",
         "elasticity-kpis.md §8",
         [](const Scorecard &s) {
             return s.meanReplicas;
         }},
        {"Wasted replica-s", "replica·s", "Σ (requested − required)⁺ Δt: capacity above demand.",
         "elasticity-kpis.md §8", [](const Scorecard &s) { return sum(s, s.wastedReplicaSeconds); },
         0},
        {"Missing replica-s", "replica·s",
         "Σ (required − requested)⁺ Δt: capacity short of demand.", "elasticity-kpis.md §8",
         [](const Scorecard &s) { return sum(s, s.missingReplicaSeconds); }, 0},
        {"θU under-provisioning accuracy", "%",
         "Time-average of the missing share of the required replicas. Lower is better.",
         "elasticity-kpis.md §2 (SPEC RG TOMPECS 2018; BUNGEE)",
         [](const Scorecard &s) {
             return s.underAccuracyPct;
         }},
        {"θO over-provisioning accuracy", "%",
         "Time-average of the surplus relative to the required replicas. Lower is better.",
         "elasticity-kpis.md §2 (SPEC RG TOMPECS 2018; BUNGEE)",
         [](const Scorecard &s) {
             return s.overAccuracyPct;
         }},
        {"τU under-provisioned time", "% of time",
         "Share of time with fewer replicas than required.",
         "elasticity-kpis.md §3 (BUNGEE UnderprovisionTimeshare)",
         [](const Scorecard &s) {
             return s.underTimesharePct;
         }},
        {"τO over-provisioned time", "% of time", "Share of time with more replicas than required.",
         "elasticity-kpis.md §3 (BUNGEE OverprovisionTimeshare)",
         [](const Scorecard &s) {
             return s.overTimesharePct;
         }},
        {"υ instability", "% of time",
         "Share of time where requested and required replicas did not move the same way.",
         "elasticity-kpis.md §4 (SPEC RG TOMPECS 2018)",
         [](const Scorecard &s) {
             return s.instabilityPct;
         }},
        {"ψ jitter", "adaptations/min",
         "(supply steps − demand steps) per minute: < 0 too inert, > 0 oscillating.",
         "elasticity-kpis.md §4 (BUNGEE Jitter, unit count)",
         [](const Scorecard &s) { return s.jitterPerMin; }, 3},
        {"Reversals", "count",
         "Replica changes reversing the previous change less than 120 s after it.",
         "elasticity-kpis.md §9",
         [](const Scorecard &s) {
             return s.hasReplicas ? std::optional(double(s.reversals)) : std::nullopt;
         },
         0},
        {"Scale-up episodes", "count", "Breaches of a metric target by more than 10 %.",
         "elasticity-kpis.md §6",
         [](const Scorecard &s) { return std::optional(double(s.episodes.size())); }, 0},
        {"Censored episodes", "count",
         "Episodes the run ended (or the breach passed) before a "
         "decision or before relief.",
         "elasticity-kpis.md §6",
         [](const Scorecard &s) { return std::optional(double(s.censored)); }, 0},
        {"Median reaction", "s", "Breach to the HPA's decision (desired > requested replicas).",
         "elasticity-kpis.md §6", [](const Scorecard &s) { return s.reactionMedianS; }, 1, true},
        {"Median time to relief", "s", "Breach to every metric back within 10 % of its target.",
         "elasticity-kpis.md §7", [](const Scorecard &s) { return s.timeToReliefMedianS; }, 1,
         true},
        {"TTFT SLO attainment", "% of time",
         "Share of covered time the 1-minute mean TTFT met the limit (not % of requests).",
         "elasticity-kpis.md §10",
         [](const Scorecard &s) {
             return s.ttft.attainmentPct;
         }},
        {"ITL SLO attainment", "% of time",
         "Share of covered time the 1-minute mean ITL met the limit (not % of requests).",
         "elasticity-kpis.md §10",
         [](const Scorecard &s) {
             return s.itl.attainmentPct;
         }},
        {"Uncovered time", "s", "Time in gaps longer than the gap threshold or without demand.",
         "elasticity-kpis.md §0", [](const Scorecard &s) { return std::optional(s.uncoveredS); },
         1},
    };
    return list;
}

} // namespace

ScorecardTableModel::ScorecardTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ScorecardTableModel::setScorecard(const core::Scorecard &scorecard)
{
    beginResetModel();
    m_scorecard = scorecard;
    m_has = true;
    endResetModel();
}

void ScorecardTableModel::clear()
{
    beginResetModel();
    m_scorecard = {};
    m_has = false;
    endResetModel();
}

int ScorecardTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_has ? 0 : int(kpis().size());
}

int ScorecardTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScorecardTableModel::valueText(int row) const
{
    const Kpi &k = kpis().at(std::size_t(row));
    const std::optional<double> v = k.value(m_scorecard);
    if (!v)
        return tr("N/A");
    QString text = QString::fromStdString(core::NumberFormat::fixed(*v, k.decimals));
    if (k.time)
        text += QStringLiteral(" ± %1").arg(
            QString::fromStdString(core::NumberFormat::fixed(m_scorecard.resolutionS, 1)));
    return text;
}

std::optional<double> ScorecardTableModel::value(int row) const
{
    if (!m_has || row < 0 || row >= rowCount())
        return std::nullopt;
    return kpis().at(std::size_t(row)).value(m_scorecard);
}

int ScorecardTableModel::decimals(int row) const
{
    return row < 0 || row >= int(kpis().size()) ? 0 : kpis().at(std::size_t(row)).decimals;
}

QVariant ScorecardTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Kpi &k = kpis().at(std::size_t(index.row()));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KpiColumn:
            return QString::fromUtf8(k.label);
        case ValueColumn:
            return valueText(index.row());
        case UnitColumn:
            return QString::fromUtf8(k.unit);
        case DefinitionColumn:
            return QString::fromUtf8(k.definition);
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("%1\nSource: %2")
            .arg(QString::fromUtf8(k.definition), QString::fromUtf8(k.source));
    if (role == Qt::TextAlignmentRole && index.column() == ValueColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ScorecardTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KpiColumn:
        return tr("KPI");
    case ValueColumn:
        return tr("Value");
    case UnitColumn:
        return tr("Unit");
    case DefinitionColumn:
        return tr("Definition");
    }
    return {};
}

} // namespace hpa::ui

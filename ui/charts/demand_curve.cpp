#include "ui/charts/demand_curve.h"

#include "core/analysis/demand_model.h"
#include "core/analysis/hpa_limits.h"
#include "core/analysis/scorecard_calculator.h"
#include "core/analysis/statistics.h"
#include "core/model/metric_keys.h"
#include "core/model/number_format.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hpa::ui::DemandCurve", text);
}

QString variantName(core::DemandVariant variant)
{
    return variant == core::DemandVariant::HpaReachable ? tr("HPA-reachable") : tr("HPA-ideal");
}

} // namespace

std::shared_ptr<const DemandCurve> DemandCurve::build(std::shared_ptr<const core::Experiment> run,
                                                      const core::ScorecardSettings &settings)
{
    if (!run)
        return nullptr;
    auto curve = std::shared_ptr<DemandCurve>(new DemandCurve);
    const core::MetricsTable &table = run->metrics;
    const core::HpaLimits limits = core::HpaLimits::of(*run);
    curve->m_maxReplicas = limits.maxReplicas;
    core::DemandModel model(table, limits, settings);
    curve->m_usable = model.usable();
    auto values = std::make_shared<const core::ColumnValues>(
        curve->m_usable ? core::ColumnValues(model.series())
                        : core::ColumnValues(table.rowCount(), NAN));
    curve->m_known =
        std::any_of(values->begin(), values->end(), [](double v) { return std::isfinite(v); });
    curve->m_variant = settings.demand;
    curve->m_gap =
        core::ScorecardCalculator::gapThreshold(core::Statistics::medianInterval(table.time()));
    const auto *replicas = table.values(core::keys::Replicas);
    if (replicas && replicas->size() == table.rowCount())
        curve->m_bands = core::ProvisioningBands(table.time(), *replicas, *values, curve->m_gap);
    curve->m_values = std::move(values);
    curve->m_experiment = std::move(run);
    return curve;
}

QString DemandCurve::legendName() const
{
    if (!m_known)
        return m_usable ? tr("required replicas: unknown (no metric value at any sample)")
                        : tr("required replicas: unknown (no waiting or KV cache target)");
    const QString name = tr("required replicas, %1").arg(variantName(m_variant));
    const double all = m_bands.knownSeconds() + m_bands.unknownSeconds();
    if (m_bands.unknownSeconds() > 0 && all > 0)
        return tr("%1 (unknown %2% of the time: not drawn)")
            .arg(name, QString::fromStdString(
                           core::NumberFormat::fixed(100.0 * m_bands.unknownSeconds() / all, 0)));
    return name;
}

QString DemandCurve::readoutLine(double time) const
{
    const auto &t = m_experiment->metrics.time();
    if (t.empty() || time < t.front() || time > t.back())
        return {};
    const auto it = std::upper_bound(t.begin(), t.end(), time);
    const std::size_t i = std::size_t(it - t.begin()) - 1;
    const QString label = tr("required replicas (%1)").arg(variantName(m_variant));
    const double d = (*m_values)[i];
    if (!std::isfinite(d))
        return tr("%1: unknown (no metric with a target at this sample)").arg(label);
    return QStringLiteral("%1: %2").arg(label, QString::number(d, 'g', 10));
}

} // namespace hpa::ui

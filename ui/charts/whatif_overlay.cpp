#include "ui/charts/whatif_overlay.h"

#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/whatif_layer.h"

namespace hpa::ui {

WhatIfOverlay::WhatIfOverlay(QObject *parent) : QObject(parent) {}

void WhatIfOverlay::setStack(ChartStack *stack)
{
    if (m_layer)
        delete m_layer.data();
    m_stack = stack;
    refresh();
}

void WhatIfOverlay::setCurve(core::StepCurve curve, const QString &label)
{
    m_curve = std::move(curve);
    m_label = label;
    refresh();
}

void WhatIfOverlay::clear()
{
    setCurve({}, {});
}

void WhatIfOverlay::setShown(bool shown)
{
    m_shown = shown;
    refresh();
}

void WhatIfOverlay::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    refresh();
}

WhatIfLayer *WhatIfOverlay::layer() const
{
    return m_layer && m_layer->isVisible() ? m_layer.data() : nullptr;
}

void WhatIfOverlay::refresh()
{
    MetricChart *chart = nullptr;
    if (m_stack) {
        for (MetricChartView *view : m_stack->charts()) {
            if (view->metricChart()->spec().kind == ChartKind::Replicas &&
                view->metricChart()->hasData())
                chart = view->metricChart();
        }
    }
    if (m_layer && m_layer->parentItem() != chart)
        delete m_layer.data();
    if (!chart || m_curve.time.empty()) {
        if (m_layer)
            m_layer->hide();
        return;
    }
    if (!m_layer)
        m_layer = new WhatIfLayer(chart);
    m_layer->setCurve(m_curve, m_label);
    m_layer->setVisible(m_shown && m_active);
}

} // namespace hpa::ui

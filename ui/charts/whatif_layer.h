#pragma once

#include "core/plot/step_curve.h"

#include <QGraphicsObject>
#include <QPen>
#include <QString>

namespace hpa::ui {

class MetricChart;

/// The replayed replica curve of a what-if drawn over the replicas chart: a step line in its
/// own style (thick dashed, a colour no recorded series uses) with an "estimate" label, so it
/// never reads as a measurement. Reads the chart's plot area, x range and left axis when it
/// paints, so zooming and resizing need no bookkeeping here. A child of the chart: it dies with
/// it.
class WhatIfLayer : public QGraphicsObject
{
    Q_OBJECT
public:
    explicit WhatIfLayer(MetricChart *chart);

    /// Times are experiment seconds (the chart's source 0 maps them to x).
    void setCurve(core::StepCurve curve, const QString &label);
    const core::StepCurve &curve() const { return m_curve; }
    const QString &label() const { return m_label; }
    /// The line as drawn, in chart coordinates (tests): one point per step corner of the
    /// visible range, at most four steps per pixel column (core::StepCorners).
    QPolygonF polyline() const;
    static QColor color();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    MetricChart *m_chart;
    core::StepCurve m_curve;
    QString m_label;
};

} // namespace hpa::ui

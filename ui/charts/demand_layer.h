#pragma once

#include "ui/charts/chart_legend.h"
#include "ui/charts/chart_palette.h"
#include "ui/charts/curve_decimator.h"
#include "ui/charts/curve_layer.h"
#include "ui/charts/demand_curve.h"

#include <QGraphicsItem>

#include <memory>
#include <vector>

namespace hpa::ui {

/// The scorecard's demand over the replicas chart (issue 12): the required replicas as a step
/// line and the areas between it and the requested replicas, red where fewer replicas were
/// requested than required (under-provisioned) and grey where more (over-provisioned). Where
/// the demand is unknown nothing is drawn; the legend and the readout say so.
class DemandLayer : public QGraphicsItem
{
public:
    explicit DemandLayer(QGraphicsItem *parent = nullptr);

    /// The run's demand drawn at x = time - `origin`; nullptr: nothing.
    void setCurve(std::shared_ptr<const DemandCurve> curve, double origin);
    /// Whose demand this is when two runs share the chart (overlay): `label` ("B") prefixes
    /// its legend and readout lines, and a `secondary` run's line takes that run's colour
    /// (the comparison style) and its areas are hatched, so that A's and B's read apart.
    void setRun(const QString &label, bool secondary);
    const QString &runLabel() const { return m_label; }
    /// The demand line's pen as drawn (its colour tells the run).
    const QPen &linePen() const { return m_pen; }
    const std::shared_ptr<const DemandCurve> &curve() const { return m_curve; }
    /// Re-decimates for [from, to] (axis x) `pixels` wide; returns the demand line's extent.
    CurveDecimator::Extent prepare(double from, double to, int pixels);
    /// The part of the demand's extent `demand` the value axis should make room for, beside
    /// the replica lines' extent `replicas`: a queue backlog can ask for thousands of replicas
    /// (elasticity-kpis.md §1), which would flatten the replica lines to the floor. Up to
    /// max(2 x the replicas' maximum, maxReplicas) is shown; above it the demand is drawn
    /// clipped at the top edge with its value (clippedPeaks()).
    CurveDecimator::Extent axisExtent(const CurveDecimator::Extent &demand,
                                      const CurveDecimator::Extent &replicas) const;
    /// Stretches where the demand runs above the value axis: (x from, x to, highest demand).
    struct Peak
    {
        double x0, x1, demand;
    };
    QList<Peak> clippedPeaks() const;
    void setPlot(const QRectF &plot, const CurveLayer::Ranges &ranges);
    void applyPalette(const ChartPalette &palette);

    /// Line, under- and over-provisioned samples for the chart's legend (none without a curve).
    QList<ChartLegend::Entry> legendEntries() const;
    /// The readout line at axis x (empty without a curve or outside the run).
    QString readoutLine(double x) const;
    /// The shaded rectangles as drawn, in axis units (x, replicas).
    const std::vector<core::ProvisioningBands::Band> &bands() const { return m_bands; }
    /// The demand line as drawn.
    const QList<QList<QPointF>> &lineSegments() const { return m_decimator.segments(); }
    QColor underColor() const { return m_under; }
    /// The areas' brushes: solid for the first run, hatched for a secondary one.
    QBrush underBrush() const;
    QBrush overBrush() const;
    QColor overColor() const { return m_over; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    void paintPeaks(QPainter *painter) const;
    /// `text` with the run's label in front ("B: text") when it has one.
    QString labelled(const QString &text) const;

    std::shared_ptr<const DemandCurve> m_curve;
    double m_origin = 0;
    CurveDecimator m_decimator;
    CurveLayer *m_line;
    std::vector<core::ProvisioningBands::Band> m_bands;
    QRectF m_plot;
    CurveLayer::Ranges m_ranges;
    QString m_label;
    bool m_secondary = false;
    QPen m_pen;
    QColor m_under, m_over, m_labelBackground;
};

} // namespace hpa::ui

#pragma once

#include "core/plot/step_curve.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace hpa::ui {

class ChartStack;
class WhatIfLayer;

/// Keeps one what-if curve on the replicas chart of a stack: the stack rebuilds its charts on
/// every new source, so refresh() (wired to the workspace's sourcesChanged) puts the layer on
/// the new chart. The toggle hides the curve without forgetting it.
class WhatIfOverlay : public QObject
{
    Q_OBJECT
public:
    explicit WhatIfOverlay(QObject *parent = nullptr);

    void setStack(ChartStack *stack);
    /// Shows `curve` (experiment times) with `label`; an empty curve removes the line.
    void setCurve(core::StepCurve curve, const QString &label);
    void clear();
    void setShown(bool shown);
    bool isShown() const { return m_shown; }
    /// Whether the what-if is in use (the window: its What-if panel is open). The replay of
    /// the loaded spec is computed at once, but a curve nobody asked for must not sit on the
    /// replicas chart: it is drawn only while active (and shown).
    void setActive(bool active);
    bool isActive() const { return m_active; }
    /// The layer drawn now, nullptr when there is none (no replicas chart, no curve, hidden,
    /// inactive).
    WhatIfLayer *layer() const;

public slots:
    /// Finds the replicas chart again and draws the curve on it.
    void refresh();

private:
    QPointer<ChartStack> m_stack;
    QPointer<WhatIfLayer> m_layer;
    core::StepCurve m_curve;
    QString m_label;
    bool m_shown = true;
    bool m_active = true;
};

} // namespace hpa::ui

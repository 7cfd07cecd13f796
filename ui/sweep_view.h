#pragma once

#include "core/analysis/hpa_what_if_settings.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hpa::ui {

class SweepPlot;
class WhatIfSession;

/// The Sweep view (issue 13): every combination of up to two swept settings replayed and
/// scored over all cores, plotted as replica-hours against under-provisioning (θU % or τU),
/// the Pareto front highlighted and the recording marked. Clicking a dot asks for that
/// what-if on the charts (combinationChosen).
class SweepView : public QWidget
{
    Q_OBJECT
public:
    enum class XAxis
    {
        UnderAccuracy, ///< θU %
        UnderTimeshare ///< τU %
    };

    explicit SweepView(WhatIfSession *session, QWidget *parent = nullptr);

    /// Sweeps as `KEY=V1,V2` or `KEY=A:B:STEP` (the command line's --sweep); runs them.
    /// Returns the problem, or empty.
    QString run(const QStringList &sweeps);
    void setXAxis(XAxis axis);
    XAxis xAxis() const { return m_axis; }

    SweepPlot *plot() const { return m_plot; }
    QLabel *statusLabel() const { return m_status; }
    QLineEdit *sweepEdit(int i) const { return i == 0 ? m_first : m_second; }
    QPushButton *runButton() const { return m_run; }
    /// The settings of dot `index` of the last sweep.
    core::HpaWhatIfSettings combination(int index) const;

signals:
    void combinationChosen(const hpa::core::HpaWhatIfSettings &settings);

private:
    void showSweep();
    void runFromEditors();

    WhatIfSession *m_session;
    XAxis m_axis = XAxis::UnderAccuracy;
    QLineEdit *m_first, *m_second;
    QComboBox *m_axisBox;
    QPushButton *m_run;
    QLabel *m_status;
    SweepPlot *m_plot;
};

} // namespace hpa::ui

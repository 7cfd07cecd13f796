#pragma once

#include "core/analysis/hpa_what_if_settings.h"
#include "core/model/experiment.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QAction;
class QDockWidget;
class QMainWindow;

namespace hpa::ui {
class ExperimentWorkspace;
class SweepView;
class WhatIfOverlay;
class WhatIfSession;
class WhatIfView;
} // namespace hpa::ui

namespace hpa::app {

/// The HPA replay in the window (issue 13): File → Load HPA Manifest…, the What-if and Sweep
/// docks and the what-if curve on the replicas chart, wired to one WhatIfSession.
class WhatIfController : public QObject
{
    Q_OBJECT
public:
    WhatIfController(ui::ExperimentWorkspace *workspace, QMainWindow *window);

    QAction *loadManifestAction() const { return m_loadManifest; }
    QDockWidget *whatIfDock() const { return m_whatIfDock; }
    QDockWidget *sweepDock() const { return m_sweepDock; }
    ui::WhatIfSession *session() const { return m_session; }
    ui::WhatIfView *view() const { return m_view; }
    ui::SweepView *sweepView() const { return m_sweepView; }
    ui::WhatIfOverlay *overlay() const { return m_overlay; }

    void setExperiment(std::shared_ptr<const core::Experiment> experiment);
    void clear();
    /// Uses the manifest at `path`; on a bad file reports "FILE:LINE: problem" through
    /// failed() and changes nothing. Returns the problem, empty on success.
    QString loadManifest(const QString &path);
    /// Shows the What-if dock with `settings` applied (--set).
    void showWhatIf(const core::HpaWhatIfSettings &settings);
    /// Shows the Sweep dock and runs `sweeps` (--sweep). Returns the problem, or empty.
    QString showSweep(const QStringList &sweeps);
    /// Blocks until every replay has finished and been shown (tests, --screenshot).
    void waitForIdle();

signals:
    void failed(const QString &title, const QString &message);
    void status(const QString &message);

private:
    void chooseManifest();

    ui::ExperimentWorkspace *m_workspace;
    QMainWindow *m_window;
    ui::WhatIfSession *m_session;
    ui::WhatIfView *m_view;
    ui::SweepView *m_sweepView;
    ui::WhatIfOverlay *m_overlay;
    QDockWidget *m_whatIfDock;
    QDockWidget *m_sweepDock;
    QAction *m_loadManifest;
    bool m_hasExperiment = false;
};

} // namespace hpa::app

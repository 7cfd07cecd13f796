#include "app/gui/whatif_controller.h"

#include "ui/charts/chart_stack.h"
#include "ui/charts/whatif_overlay.h"
#include "ui/experiment_workspace.h"
#include "ui/sweep_view.h"
#include "ui/whatif_session.h"
#include "ui/whatif_view.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QScrollArea>

namespace hpa::app {

WhatIfController::WhatIfController(ui::ExperimentWorkspace *workspace, QMainWindow *window)
    : QObject(window), m_workspace(workspace), m_window(window),
      m_session(new ui::WhatIfSession(this)), m_view(new ui::WhatIfView(m_session, window)),
      m_sweepView(new ui::SweepView(m_session, window)), m_overlay(new ui::WhatIfOverlay(this)),
      m_whatIfDock(new QDockWidget(tr("What-if"), window)),
      m_sweepDock(new QDockWidget(tr("Sweep"), window)),
      m_loadManifest(new QAction(QIcon::fromTheme(QStringLiteral("document-import")),
                                 tr("Load HPA &Manifest…"), this))
{
    m_loadManifest->setToolTip(tr("Replay a HorizontalPodAutoscaler manifest (YAML or JSON, as "
                                  "kubectl get hpa -o yaml prints it) over this run"));
    m_loadManifest->setStatusTip(m_loadManifest->toolTip());
    m_loadManifest->setEnabled(false);
    m_whatIfDock->setObjectName(QStringLiteral("WhatIfDock"));
    // Scrolled as a whole: the panel is tall, and the docks tabbed with it (Statistics,
    // Scorecard) must not make the Scaling Events dock above them shorter.
    auto *scroll = new QScrollArea(m_whatIfDock);
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_whatIfDock->setWidget(scroll);
    m_sweepDock->setObjectName(QStringLiteral("SweepDock"));
    m_sweepDock->setWidget(m_sweepView);

    connect(m_loadManifest, &QAction::triggered, this, &WhatIfController::chooseManifest);
    // The stack rebuilds its charts for every new source: put the curve on the new ones.
    connect(m_workspace, &ui::ExperimentWorkspace::sourcesChanged, this, [this] {
        const auto stacks = m_workspace->chartStacks();
        m_overlay->setStack(stacks.isEmpty() ? nullptr : stacks.first());
    });
    connect(m_session, &ui::WhatIfSession::whatIfReady, this, [this] {
        const auto r = m_session->current();
        if (r && r->outcome.problem.empty())
            m_overlay->setCurve(r->desired, tr("what-if replicas (estimate, What-if panel)"));
        else
            m_overlay->clear();
    });
    connect(m_session, &ui::WhatIfSession::cleared, m_overlay, &ui::WhatIfOverlay::clear);
    connect(m_session, &ui::WhatIfSession::preparedChanged, m_overlay, &ui::WhatIfOverlay::clear);
    connect(m_view, &ui::WhatIfView::overlayToggled, m_overlay, &ui::WhatIfOverlay::setShown);
    // The curve belongs to the What-if panel: drawn while the panel is open (also when it is
    // tabbed behind another dock), gone when it is closed, as at start.
    m_overlay->setActive(false);
    connect(m_whatIfDock, &QDockWidget::visibilityChanged, this,
            [this] { m_overlay->setActive(!m_whatIfDock->isHidden()); });
    connect(m_sweepView, &ui::SweepView::combinationChosen, this,
            [this](const core::HpaWhatIfSettings &settings) { showWhatIf(settings); });
}

void WhatIfController::setExperiment(std::shared_ptr<const core::Experiment> experiment)
{
    m_hasExperiment = experiment != nullptr;
    m_loadManifest->setEnabled(m_hasExperiment);
    if (experiment)
        m_session->setExperiment(std::move(experiment));
    else
        m_session->clear();
}

void WhatIfController::clear()
{
    setExperiment(nullptr);
}

void WhatIfController::chooseManifest()
{
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Load HPA Manifest"), QString(),
                                     tr("HPA manifests (*.yaml *.yml *.json);;All files (*)"));
    if (!path.isEmpty())
        loadManifest(path);
}

QString WhatIfController::loadManifest(const QString &path)
{
    const QString problem = m_session->loadManifest(path);
    if (!problem.isEmpty()) {
        emit failed(tr("Cannot Load HPA Manifest"), problem);
        return problem;
    }
    m_whatIfDock->show();
    m_whatIfDock->raise();
    emit status(tr("Replaying the HPA of %1").arg(QFileInfo(path).fileName()));
    return {};
}

void WhatIfController::showWhatIf(const core::HpaWhatIfSettings &settings)
{
    m_whatIfDock->show();
    m_whatIfDock->raise();
    if (!m_session->prepared())
        m_session->waitForIdle(); // the fields need the prepared spec (--set at start)
    m_view->applyEdits(settings);
}

QString WhatIfController::showSweep(const QStringList &sweeps)
{
    m_sweepDock->show();
    m_sweepDock->raise();
    if (!m_session->prepared())
        m_session->waitForIdle();
    return m_sweepView->run(sweeps);
}

void WhatIfController::waitForIdle()
{
    m_session->waitForIdle();
}

} // namespace hpa::app

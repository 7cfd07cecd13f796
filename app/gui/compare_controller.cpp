#include "app/gui/compare_controller.h"

#include "core/analysis/alignment.h"
#include "core/analysis/load_profile_match.h"
#include "ui/app_settings.h"
#include "ui/experiment_workspace.h"
#include "ui/load_controller.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>

#include <utility>

namespace hpa::app {

CompareController::CompareController(ui::ExperimentWorkspace *workspace, ui::AppSettings *settings,
                                     QWidget *dialogParent)
    : QObject(dialogParent), m_workspace(workspace), m_settings(settings), m_parent(dialogParent),
      m_loader(new ui::LoadController(this)),
      m_compare(new QAction(QIcon::fromTheme(QStringLiteral("view-split-left-right")),
                            tr("Compare &With…"), this)),
      m_close(new QAction(tr("Close Co&mparison"), this)),
      m_sideBySide(new QAction(tr("&Side by Side"), this)),
      m_sharedRange(new QAction(tr("Same &Y Range Side by Side"), this)),
      m_markersB(new QAction(tr("&Markers of Run B"), this)), m_alignGroup(new QActionGroup(this)),
      m_alignMenu(new QMenu(tr("&Align Runs On"), dialogParent))
{
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_compare->setToolTip(tr("Open a second experiment (B) to compare with this one"));
    m_close->setToolTip(tr("Return to the single experiment"));
    m_sideBySide->setCheckable(true);
    m_sideBySide->setChecked(m_settings->sideBySide());
    m_sideBySide->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_sideBySide->setToolTip(tr("Two columns of charts (A left, B right) instead of an overlay"));
    m_sharedRange->setCheckable(true);
    m_sharedRange->setChecked(m_workspace->sharedValueRanges());
    m_sharedRange->setToolTip(
        tr("Side by side, read each chart of A and B on one value scale (off: each run its own)"));
    m_markersB->setCheckable(true);
    m_markersB->setChecked(true);
    m_markersB->setToolTip(tr("Draw run B's scaling events over the overlaid charts"));
    connect(m_sharedRange, &QAction::toggled, m_workspace,
            &ui::ExperimentWorkspace::setSharedValueRanges);
    connect(m_markersB, &QAction::toggled, m_workspace,
            &ui::ExperimentWorkspace::setSecondaryMarkersVisible);
    // A new experiment A ended the comparison (also one picked in a parent folder).
    connect(m_workspace, &ui::ExperimentWorkspace::comparisonEnded, this, [this] {
        emit comparisonClosed();
        updateActions();
    });
    m_workspace->setCompareLayout(m_settings->sideBySide()
                                      ? ui::ExperimentWorkspace::CompareLayout::SideBySide
                                      : ui::ExperimentWorkspace::CompareLayout::Overlay);

    for (core::AlignMode mode : {core::AlignMode::FirstSample, core::AlignMode::FirstActiveJobs,
                                 core::AlignMode::FirstScaleUp, core::AlignMode::Offset}) {
        QString label = QString::fromUtf8(core::Alignment::label(mode).data(),
                                          static_cast<int>(core::Alignment::label(mode).size()));
        if (mode == core::AlignMode::Offset)
            label += QStringLiteral("…");
        QAction *a = m_alignMenu->addAction(label);
        a->setCheckable(true);
        a->setChecked(mode == core::AlignMode::FirstSample);
        a->setData(static_cast<int>(mode));
        a->setToolTip(tr("Which moment of each run is placed at elapsed time 0"));
        m_alignGroup->addAction(a);
    }

    connect(m_compare, &QAction::triggered, this, &CompareController::chooseDirectory);
    connect(m_close, &QAction::triggered, this, &CompareController::closeComparison);
    connect(m_sideBySide, &QAction::toggled, this, [this](bool on) {
        m_settings->setSideBySide(on);
        m_workspace->setCompareLayout(on ? ui::ExperimentWorkspace::CompareLayout::SideBySide
                                         : ui::ExperimentWorkspace::CompareLayout::Overlay);
    });
    connect(m_alignGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        const auto mode = static_cast<core::AlignMode>(a->data().toInt());
        double offset = 0;
        if (mode == core::AlignMode::Offset) {
            bool ok = false;
            offset = QInputDialog::getDouble(
                m_parent, tr("Shift Run B"),
                tr("Seconds to move B to the left (negative: to the right):"),
                m_workspace->alignOffset(), -7 * 86400.0, 7 * 86400.0, 1, &ok);
            if (!ok)
                return;
        }
        m_alignChosen = true;
        m_workspace->setAlignment(mode, offset);
    });
    connect(m_loader, &ui::LoadController::loaded, this, &CompareController::onLoaded);
    connect(m_loader, &ui::LoadController::failed, this,
            [this](const QString &, const QString &message) {
                emit failed(message);
                loadNext();
            });
    connect(m_loader, &ui::LoadController::progress, this, [this](int, const QString &step) {
        // Progress still queued after B arrived must not overwrite the final status.
        if (m_loader->isRunning())
            emit status(
                m_asked > 1
                    ? tr("Run %1 of %2: %3…").arg(m_read.size() + 2).arg(m_asked + 1).arg(step)
                    : tr("Run B: %1…").arg(step));
    });
    updateActions();
}

void CompareController::chooseDirectory()
{
    const QString dir = QFileDialog::getExistingDirectory(
        m_parent, tr("Compare With Experiment Folder"), m_settings->lastFolder());
    if (!dir.isEmpty())
        compareWith(dir);
}

void CompareController::compareWith(const QString &dir)
{
    compareWith(QStringList{dir});
}

void CompareController::compareWith(const QStringList &dirs)
{
    if (!m_workspace->hasExperiment() || dirs.isEmpty())
        return;
    m_loader->cancel();
    m_queue.clear();
    for (const QString &dir : dirs)
        m_queue << QFileInfo(dir).absoluteFilePath();
    m_queue = m_queue.mid(0, 7); // A and seven more: the palette's eight run colours
    m_asked = static_cast<int>(m_queue.size());
    m_read.clear();
    loadNext();
}

void CompareController::loadNext()
{
    if (!m_queue.isEmpty()) {
        m_loader->load(m_queue.takeFirst());
        return;
    }
    if (m_read.isEmpty() || !m_workspace->hasExperiment())
        return;
    // Runs driven by the same load profile as A start their load at the same delays from load
    // start: aligned there unless the user chose an alignment (core::Alignment::defaultFor;
    // B decides for all).
    const core::LoadProfileMatch match = core::LoadProfileMatch::match(
        m_workspace->loaded()->summary.schedule, m_read.front()->summary.schedule);
    if (!m_alignChosen) {
        const core::AlignMode mode = core::Alignment::defaultFor(match);
        showAlignment(mode);
        if (match.kind == core::LoadProfileMatch::Kind::Same)
            emit status(tr("Same load profile: runs aligned on %1")
                            .arg(QString::fromUtf8(core::Alignment::label(mode).data(),
                                                   int(core::Alignment::label(mode).size()))
                                     .toLower()));
    }
    m_workspace->setComparisonRuns(std::exchange(m_read, {}));
    // Three runs or more: the others' event markers would bury the lines (their events are in
    // the Scaling Events dock); the action brings them back.
    const auto last = static_cast<char16_t>(u'A' + m_workspace->comparisonRuns().size());
    m_markersB->setText(m_workspace->isNWay() ? tr("&Markers of Runs B…%1").arg(QChar(last))
                                              : tr("&Markers of Run B"));
    m_markersB->setChecked(!m_workspace->isNWay());
    emit comparisonShown();
    updateActions();
}

void CompareController::setAlignment(core::AlignMode mode, double offsetSeconds)
{
    m_alignChosen = true;
    showAlignment(mode, offsetSeconds);
}

void CompareController::showAlignment(core::AlignMode mode, double offsetSeconds)
{
    for (QAction *a : m_alignGroup->actions())
        a->setChecked(static_cast<core::AlignMode>(a->data().toInt()) == mode);
    m_workspace->setAlignment(mode, offsetSeconds);
}

void CompareController::waitForLoad()
{
    // Each run's end starts the next (a queued signal): let it through until none is left.
    do {
        m_loader->waitForFinished();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    } while (m_loader->isRunning() || !m_queue.isEmpty());
}

void CompareController::onLoaded(const QString &dir, std::shared_ptr<const ui::LoadedExperiment> b)
{
    if (!m_workspace->hasExperiment()) {
        m_queue.clear(); // A was closed: nothing to compare with (and waitForLoad ends)
        m_read.clear();
        return;
    }
    m_settings->addRecentExperiment(dir);
    m_read << std::move(b);
    loadNext();
}

void CompareController::closeComparison()
{
    m_loader->cancel();
    m_queue.clear();
    m_read.clear();
    if (!m_workspace->isComparing())
        return;
    m_workspace->setComparison(nullptr);
    emit comparisonClosed();
    updateActions();
}

void CompareController::updateActions()
{
    m_compare->setEnabled(m_workspace->hasExperiment());
    m_close->setEnabled(m_workspace->isComparing());
    // Three runs or more are overlaid: side by side is a two-run layout.
    m_sideBySide->setEnabled(m_workspace->isComparing() && !m_workspace->isNWay());
    m_sharedRange->setEnabled(m_workspace->isComparing() && !m_workspace->isNWay());
    m_markersB->setEnabled(m_workspace->isComparing());
    m_alignMenu->setEnabled(m_workspace->isComparing());
}

} // namespace hpa::app

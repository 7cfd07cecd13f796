#pragma once

#include "core/analysis/alignment.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace hpa::ui {
class AppSettings;
class ExperimentWorkspace;
class LoadController;
struct LoadedExperiment;
} // namespace hpa::ui

namespace hpa::app {

/// Loads the runs compared with A (B, or B to H from the library) and drives the comparison:
/// overlay or side by side, alignment, and the actions for both, shared by menu and toolbar.
class CompareController : public QObject
{
    Q_OBJECT
public:
    CompareController(ui::ExperimentWorkspace *workspace, ui::AppSettings *settings,
                      QWidget *dialogParent);

    QAction *compareAction() const { return m_compare; }
    QAction *closeComparisonAction() const { return m_close; }
    QAction *sideBySideAction() const { return m_sideBySide; }
    /// Side by side: A's and B's same chart on one value range (on by default).
    QAction *sharedRangeAction() const { return m_sharedRange; }
    /// Overlay: show run B's event markers (on by default).
    QAction *markersBAction() const { return m_markersB; }
    /// The "Align Runs On" submenu (first sample, load start, first scale-up, offset).
    QMenu *alignMenu() const { return m_alignMenu; }

    /// Loads `dir` as B in the background.
    void compareWith(const QString &dir);
    /// Loads `dirs` as B, C, … (one to seven) in the background, one after the other, and
    /// shows them together once all are read; a run that fails to load is reported and left
    /// out. Replaces a comparison being loaded.
    void compareWith(const QStringList &dirs);
    void closeComparison();
    /// Aligns the runs as the Align Runs On menu would (without asking for the offset). A
    /// run B loaded later keeps it; until then, B is aligned by its load profile: on load
    /// start when A and B had the same one (core::Alignment::defaultFor), else first sample.
    void setAlignment(core::AlignMode mode, double offsetSeconds = 0);
    /// Blocks until every run asked for has loaded (tests, --screenshot).
    void waitForLoad();
    void updateActions();

signals:
    /// B is shown; wall-clock time means nothing across runs, so the main window switches
    /// the axis to elapsed time.
    void comparisonShown();
    void comparisonClosed();
    void failed(const QString &message);
    void status(const QString &message);

private:
    /// Checks `mode` in the menu and aligns the workspace (not a user's choice).
    void showAlignment(core::AlignMode mode, double offsetSeconds = 0);
    void chooseDirectory();
    void onLoaded(const QString &dir, std::shared_ptr<const ui::LoadedExperiment> b);
    /// Starts the next queued run, or shows the runs read when none is left.
    void loadNext();

    ui::ExperimentWorkspace *m_workspace;
    ui::AppSettings *m_settings;
    QWidget *m_parent;
    ui::LoadController *m_loader;
    QAction *m_compare;
    QAction *m_close;
    QAction *m_sideBySide;
    QAction *m_sharedRange;
    QAction *m_markersB;
    QActionGroup *m_alignGroup;
    bool m_alignChosen = false; ///< the user (or --align) picked an alignment
    QMenu *m_alignMenu;
    QStringList m_queue; ///< runs still to read, in order
    QVector<std::shared_ptr<const ui::LoadedExperiment>> m_read;
    int m_asked = 0; ///< how many runs the comparison being read has
};

} // namespace hpa::app

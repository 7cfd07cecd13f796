#pragma once

#include "app/cli/command_line.h"
#include "ui/experiment_workspace.h"
#include "ui/loaded_experiment.h"

#include <QSize>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace hpa::app {

/// What the commands that draw the charts off screen (`export`, `report`) share: the
/// offscreen QApplication that prints only its critical messages, the loading of the runs with
/// the command line's read units, and the workspace laid out with A (and B) from defaults and
/// options only, never from the window's settings.
class OffscreenCommand
{
public:
    /// Raised by a command with the one line it prints before exiting with 2.
    class Failure : public std::runtime_error
    {
    public:
        using std::runtime_error::runtime_error;
    };
    /// Raised by a command that already printed its one line (a step shared with a Qt-free
    /// command reports its own problem): run() exits with 2 without printing a second.
    class Reported : public std::exception
    {
    };

    /// Runs `work` in an offscreen QApplication (unless a display is there). 0 when it
    /// returned; 2 after printing "hpa-lens: <what>" when it raised Failure, 2 and nothing
    /// more when it raised Reported.
    static int run(int &argc, char **argv, const std::function<void()> &work);
    /// Loads `dir` as the window does, with --kv-unit / --waiting-unit of `cl`; Failure with
    /// the loader's message when it cannot.
    static std::shared_ptr<const ui::LoadedExperiment> load(const std::string &dir,
                                                            const CommandLine &cl);
    /// Lays `ws` out off screen at `size` with run `a` and, when given, `b` in `layout` on
    /// the time axis `mode`, aligned as the window aligns a new comparison (on load start when
    /// both had the same load profile); the caller adds its options (--align), shows and
    /// settles it.
    static void layOutRuns(ui::ExperimentWorkspace &ws, QSize size,
                           std::shared_ptr<const ui::LoadedExperiment> a,
                           std::shared_ptr<const ui::LoadedExperiment> b, ui::TimeAxisMode mode,
                           ui::ExperimentWorkspace::CompareLayout layout);
};

} // namespace hpa::app

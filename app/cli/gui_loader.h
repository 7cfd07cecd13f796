#pragma once

#include <iosfwd>
#include <string>

namespace hpa::app {

/// Runs the commands that need Qt (the window, `--screenshot`, `export`) from the module
/// libhpa-lens-gui.so: next to the executable in the build tree, in PREFIX/lib/hpa-lens when
/// installed (found relative to the executable, so a moved prefix still works). The headless
/// commands (`summary`, `compare`, `demo`) never load Qt: its ~50 libraries took ~9 ms to bind at
/// every start, 5% of a million-row `summary`.
class GuiLoader
{
public:
    /// The module's file name.
    static constexpr const char *kModuleName = "libhpa-lens-gui.so";
    /// The entry point the module exports: `int (int argc, char **argv)`.
    static constexpr const char *kEntryPoint = "hpa_lens_gui_main";

    /// Loads the module and hands it the command line; its exit code, or 1 (with a message
    /// on `err`) when the module cannot be loaded.
    static int run(int argc, char **argv, std::ostream &err);
    /// Where the module is: beside /proc/self/exe if it is there, else in the installed
    /// layout's module folder relative to it (HPA_GUI_MODULE_RELATIVE_DIR).
    static std::string modulePath();
};

} // namespace hpa::app

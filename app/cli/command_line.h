#pragma once

#include "core/analysis/alignment.h"
#include "core/analysis/scorecard_settings.h"

#include <optional>
#include <string>
#include <vector>

namespace hpa::app {

/// What the user asked for on the command line.
struct CommandLine
{
    enum class Mode
    {
        Gui,     ///< hpa-lens [DIR] [--compare DIR_B] [--screenshot FILE [--size WxH]]
        Summary, ///< hpa-lens summary DIR [--json]
        Compare, ///< hpa-lens compare DIR_A DIR_B [DIR_C …] [--json] (with --screenshot: Gui)
        Export,  ///< hpa-lens export DIR [--compare DIR_B] [--png F] ...
        Demo,    ///< hpa-lens demo OUT_DIR [--samples N] [--interval S] [--seed N] [--live]
        Replay,  ///< hpa-lens replay DIR [--hpa F] [--set K=V ...] [--sweep ...] [--json|--csv]
        Table,   ///< hpa-lens table ROOT [--json|--csv] [--sort KEY] [--filter TEXT]
        Report,  ///< hpa-lens report DIR [--compare DIR_B] [--hpa F] -o FILE.html|FILE.pdf
        Import,  ///< hpa-lens import prometheus URL --namespace NS --hpa NAME ... OUT_DIR
        Help,
        Version
    };

    Mode mode = Mode::Gui;
    std::string command;           ///< the subcommand as typed ("summary"); empty for the window
    std::vector<std::string> dirs; ///< positional folders
    std::optional<std::string> compareDir;
    /// Runs C, D, … (up to H) compared with DIR besides B (compareDir): `hpa-lens compare A B
    /// C … --screenshot F`, or more than two folders given to the window.
    std::vector<std::string> moreCompareDirs;
    bool json = false;
    std::optional<std::string> screenshot;
    int width = 0, height = 0; ///< --size WxH (0 = default)
    // what --screenshot and export draw (the window's View and Compare menus)
    bool sideBySide = false;              ///< --side-by-side (needs --compare)
    bool elapsed = false;                 ///< --elapsed: time axis in elapsed mm:ss
    std::optional<core::AlignMode> align; ///< --align (needs --compare)
    double alignOffset = 0;               ///< --align OFFSET_S: B moved left by this many s
    bool demandOverlay = false;           ///< --demand-overlay: required replicas on the chart
    std::optional<int> episode; ///< --episode N: waterfall of scale-up episode N (1-based)
    // export
    std::optional<std::string> png, svg, pdf, csv, summaryCsv;
    int dpi = 300;
    std::optional<std::string> from, to;
    // report
    std::optional<std::string> output; ///< -o FILE: the report file (.html or .pdf)
    // demo
    std::size_t samples = 0;
    double interval = 5.0;
    std::optional<unsigned long long> seed;
    bool overwrite = false;
    bool live = false;  ///< --live: write the rows in real time, as a running monitor does
    double speed = 1.0; ///< --speed X: live X times faster than real time
    std::optional<std::string> kvUnit;      ///< --kv-unit fraction|percent|milli
    std::optional<std::string> waitingUnit; ///< --waiting-unit auto|as-written|milli
    std::string variant; ///< --variant NAME: the WVA variant to read (empty: the first)
    /// --demand, --onset-delay, --slo-ttft, --slo-itl (summary, compare; the SLO limits also
    /// judge the job logs)
    core::ScorecardSettings scorecard;
    // replay (its flags are read by ReplayCommand::parseOption)
    std::optional<std::string> hpaFile;
    std::vector<std::string> sets, sweeps;
    bool sweepTimeshare = false; ///< --sweep-x tau-u: the Sweep view's x axis is tau_U
    double onsetDelay = 0;
    bool series = false;
    bool csvOut = false; ///< replay and table --csv print CSV (export --csv takes a file)
    // table (read by TableCommand::parseOption)
    std::string sortKey; ///< a RunColumns key, "-" first for descending
    std::string filter;
    bool noCatalog = false;
    // import (read by ImportCommand::parseOption)
    std::string importNamespace, importHpa, importDeployment, importPreset, tokenFile;
    double importStep = 5;
    /// --scatter [X_KEY,Y_KEY]: the library's scatter of two columns (RunScatter), printed
    /// with --json or drawn to -o FILE.svg|png|pdf; "" = the default axes.
    std::optional<std::string> scatter;

    /// Parses argv. Throws std::invalid_argument with a one-line message on bad usage.
    static CommandLine parse(const std::vector<std::string> &args);
    /// The --help text: every command (CommandUsage::overview).
    static std::string usage();
};

} // namespace hpa::app

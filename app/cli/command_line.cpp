#include "app/cli/command_line.h"

#include "app/cli/command_usage.h"
#include "app/cli/import_command.h"
#include "app/cli/replay_command.h"
#include "app/cli/table_command.h"
#include "core/library/run_scatter.h"

#include <charconv>
#include <filesystem>
#include <stdexcept>

namespace hpa::app {

namespace {

/// Runs one comparison overlays: the palette's eight run colours (core::RunComparison).
constexpr std::size_t kMaxCompared = 8;

template <typename T> T number(const std::string &option, const std::string &text)
{
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw std::invalid_argument(option + " expects a number, got '" + text + "'");
    return value;
}

void parseSize(const std::string &text, int &w, int &h)
{
    const auto x = text.find('x');
    if (x == std::string::npos)
        throw std::invalid_argument("--size expects WIDTHxHEIGHT, e.g. 1600x1000");
    w = number<int>("--size", text.substr(0, x));
    h = number<int>("--size", text.substr(x + 1));
    if (w < 200 || h < 150 || w > 20000 || h > 20000)
        throw std::invalid_argument("--size must be between 200x150 and 20000x20000");
}

/// --align first-sample|load-start|first-scale-up|OFFSET_S.
void parseAlign(const std::string &text, CommandLine &cl)
{
    if (text == "first-sample")
        cl.align = core::AlignMode::FirstSample;
    else if (text == "load-start")
        cl.align = core::AlignMode::FirstActiveJobs;
    else if (text == "first-scale-up")
        cl.align = core::AlignMode::FirstScaleUp;
    else {
        double offset = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), offset);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
            !(offset >= -7 * 86400.0 && offset <= 7 * 86400.0))
            throw std::invalid_argument("--align expects first-sample, load-start, "
                                        "first-scale-up or an offset in seconds (within a week)");
        cl.align = core::AlignMode::Offset;
        cl.alignOffset = offset;
    }
}

/// An option another command takes is refused by name; one no command documents is left to
/// the parser (which refuses it as unknown).
void checkOptionBelongs(const std::string &command, const std::string &option)
{
    const CommandUsage *usage = CommandUsage::find(command);
    if (!usage || usage->option(option))
        return;
    for (const auto &other : CommandUsage::all())
        if (other.option(option))
            throw std::invalid_argument((command.empty() ? std::string("the window") : command) +
                                        " does not take " + option);
}

} // namespace

std::string CommandLine::usage()
{
    return CommandUsage::overview();
}

CommandLine CommandLine::parse(const std::vector<std::string> &args)
{
    CommandLine cl;
    std::size_t i = 0;
    if (!args.empty()) {
        const std::string &first = args[0];
        if (first == "summary")
            cl.mode = Mode::Summary;
        else if (first == "compare")
            cl.mode = Mode::Compare;
        else if (first == "export")
            cl.mode = Mode::Export;
        else if (first == "demo")
            cl.mode = Mode::Demo;
        else if (first == "replay")
            cl.mode = Mode::Replay;
        else if (first == "table")
            cl.mode = Mode::Table;
        else if (first == "report")
            cl.mode = Mode::Report;
        else if (first == "import")
            cl.mode = Mode::Import;
        if (cl.mode != Mode::Gui) {
            cl.command = first;
            i = 1;
        }
    }
    auto value = [&](const std::string &option) -> std::string {
        if (i + 1 >= args.size())
            throw std::invalid_argument(option + " needs a value");
        return args[++i];
    };
    bool speedGiven = false;
    for (; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--help" || a == "-h") {
            cl.mode = Mode::Help;
            return cl;
        }
        if (a == "--version") {
            cl.mode = Mode::Version;
            return cl;
        }
        if (a.size() > 2 && a.compare(0, 2, "--") == 0)
            checkOptionBelongs(cl.command, a);
        if (a == "--json")
            cl.json = true;
        else if (cl.mode == Mode::Replay && ReplayCommand::parseOption(a, value, cl))
            continue;
        else if (cl.mode == Mode::Table && a == "--scatter") {
            // The axes are optional: the next word is taken when it looks like "X,Y".
            const bool axes = i + 1 < args.size() && args[i + 1].find(',') != std::string::npos &&
                              !args[i + 1].starts_with('-');
            cl.scatter = axes ? args[++i] : std::string();
            core::RunScatter::parseAxes(*cl.scatter); // throws on unknown keys
        } else if (cl.mode == Mode::Table && TableCommand::parseOption(a, value, cl))
            continue;
        else if (cl.mode == Mode::Import && ImportCommand::parseOption(a, value, cl))
            continue;
        else if (cl.mode == Mode::Gui && (a == "--hpa" || a == "--set" || a == "--sweep") &&
                 ReplayCommand::parseOption(a, value, cl))
            continue;
        else if (a == "--sweep-x") {
            const std::string axis = value(a);
            if (axis != "theta-u" && axis != "tau-u")
                throw std::invalid_argument("--sweep-x must be theta-u or tau-u");
            cl.sweepTimeshare = axis == "tau-u";
        } else if (a == "--compare")
            cl.compareDir = value(a);
        else if ((cl.mode == Mode::Report || cl.mode == Mode::Table) && a == "-o")
            cl.output = value(a);
        else if (a == "--hpa")
            cl.hpaFile = value(a);
        else if (a == "--screenshot")
            cl.screenshot = value(a);
        else if (a == "--side-by-side")
            cl.sideBySide = true;
        else if (a == "--elapsed")
            cl.elapsed = true;
        else if (a == "--demand-overlay")
            cl.demandOverlay = true;
        else if (a == "--episode") {
            cl.episode = number<int>(a, value(a));
            if (*cl.episode < 1)
                throw std::invalid_argument("--episode counts from 1");
        } else if (a == "--align")
            parseAlign(value(a), cl);
        else if (a == "--size")
            parseSize(value(a), cl.width, cl.height);
        else if (a == "--png")
            cl.png = value(a);
        else if (a == "--svg")
            cl.svg = value(a);
        else if (a == "--pdf")
            cl.pdf = value(a);
        else if (a == "--csv")
            cl.csv = value(a);
        else if (a == "--summary-csv")
            cl.summaryCsv = value(a);
        else if (a == "--dpi") {
            cl.dpi = number<int>(a, value(a));
            if (cl.dpi < 30 || cl.dpi > 1200)
                throw std::invalid_argument("--dpi must be between 30 and 1200");
        } else if (a == "--from")
            cl.from = value(a);
        else if (a == "--to")
            cl.to = value(a);
        else if (a == "--samples")
            cl.samples = number<std::size_t>(a, value(a));
        else if (a == "--interval") {
            cl.interval = number<double>(a, value(a));
            if (!(cl.interval > 0 && cl.interval <= 86400))
                throw std::invalid_argument("--interval must be in (0, 86400] seconds");
        } else if (a == "--seed")
            cl.seed = number<unsigned long long>(a, value(a));
        else if (a == "--overwrite")
            cl.overwrite = true;
        else if (cl.mode == Mode::Demo && a == "--live")
            cl.live = true;
        else if (cl.mode == Mode::Demo && a == "--speed") {
            cl.speed = number<double>(a, value(a));
            if (!(cl.speed > 0 && cl.speed <= 10000))
                throw std::invalid_argument("--speed must be in (0, 10000]");
            speedGiven = true;
        } else if (a == "--kv-unit") {
            cl.kvUnit = value(a);
            if (*cl.kvUnit != "fraction" && *cl.kvUnit != "percent" && *cl.kvUnit != "milli")
                throw std::invalid_argument("--kv-unit must be fraction, percent or milli");
        } else if (a == "--demand") {
            const auto variant = core::ScorecardSettings::demandFromKey(value(a));
            if (!variant)
                throw std::invalid_argument("--demand must be hpa-ideal or hpa-reachable");
            cl.scorecard.demand = *variant;
        } else if (a == "--onset-delay") {
            const double v = number<double>(a, value(a));
            if (!(v >= 0 && v <= 1e7))
                throw std::invalid_argument(a + " must be a number >= 0");
            cl.scorecard.onsetDelaySeconds = v;
        } else if (a == "--slo-ttft" || a == "--slo-itl") {
            const double ms = number<double>(a, value(a));
            if (!(ms > 0 && ms <= 3.6e6))
                throw std::invalid_argument(a + " must be in (0, 3600000] milliseconds");
            (a == "--slo-ttft" ? cl.scorecard.sloTtftMs : cl.scorecard.sloItlMs) = ms;
        } else if (a == "--variant") {
            cl.variant = value(a);
            if (cl.variant.empty())
                throw std::invalid_argument("--variant needs a variant name");
        } else if (a == "--waiting-unit") {
            cl.waitingUnit = value(a);
            if (*cl.waitingUnit != "auto" && *cl.waitingUnit != "as-written" &&
                *cl.waitingUnit != "milli")
                throw std::invalid_argument("--waiting-unit must be auto, as-written or milli");
        } else if (a.size() > 1 && a[0] == '-')
            throw std::invalid_argument("unknown option " + a);
        else
            cl.dirs.push_back(a);
    }
    if (speedGiven && !cl.live)
        throw std::invalid_argument("--speed is an option of --live");
    if (cl.mode == Mode::Compare && cl.screenshot) {
        // The picture of the comparison is the window's: A with B, C, … overlaid.
        if (cl.json)
            throw std::invalid_argument("give --json or --screenshot, not both");
        if (cl.dirs.size() < 2 || cl.dirs.size() > kMaxCompared)
            throw std::invalid_argument("compare expects 2 to 8 folders: DIR_A DIR_B [DIR_C ...]");
        cl.mode = Mode::Gui;
        cl.compareDir = cl.dirs[1];
        cl.moreCompareDirs.assign(cl.dirs.begin() + 2, cl.dirs.end());
        cl.dirs.resize(1);
        cl.elapsed = true; // wall-clock time means nothing across runs
    }
    const bool drawn = cl.mode == Mode::Export || (cl.mode == Mode::Gui && cl.screenshot);
    if ((cl.sideBySide || cl.elapsed || cl.align || cl.demandOverlay || cl.episode) && !drawn)
        throw std::invalid_argument("--side-by-side, --elapsed, --align, --demand-overlay and "
                                    "--episode are options of --screenshot and export");
    if ((cl.sideBySide || cl.align) && !cl.compareDir)
        throw std::invalid_argument("--side-by-side and --align need --compare DIR_B");
    switch (cl.mode) {
    case Mode::Summary:
    case Mode::Demo:
    case Mode::Replay:
        if (cl.dirs.size() != 1)
            throw std::invalid_argument("expects exactly one folder");
        break;
    case Mode::Table:
        if (cl.dirs.size() != 1)
            throw std::invalid_argument("table expects one folder: ROOT");
        if (cl.json && cl.csvOut)
            throw std::invalid_argument("give --json or --csv, not both");
        if (cl.output && !cl.scatter)
            throw std::invalid_argument("-o FILE writes the scatter: give --scatter [X,Y] too");
        if (cl.scatter) {
            if (cl.csvOut)
                throw std::invalid_argument("--scatter prints --json or draws -o FILE, not --csv");
            if (!cl.json && !cl.output)
                throw std::invalid_argument("--scatter needs --json or -o FILE.svg|png|pdf");
            if (cl.json && cl.output)
                throw std::invalid_argument("give --scatter --json or --scatter -o FILE, not both");
            const std::string suffix =
                cl.output ? std::filesystem::path(*cl.output).extension().string() : ".png";
            if (suffix != ".png" && suffix != ".svg" && suffix != ".pdf" && suffix != ".PNG" &&
                suffix != ".SVG" && suffix != ".PDF")
                throw std::invalid_argument("the scatter is written as .png, .svg or .pdf");
        }
        break;
    case Mode::Import:
        ImportCommand::checkArguments(cl);
        break;
    case Mode::Compare:
        if (cl.dirs.size() < 2 || cl.dirs.size() > kMaxCompared)
            throw std::invalid_argument("compare expects 2 to 8 folders: DIR_A DIR_B [DIR_C ...]");
        break;
    case Mode::Export:
        if (cl.dirs.size() != 1)
            throw std::invalid_argument("export expects one folder (and --compare DIR_B)");
        if (!cl.png && !cl.svg && !cl.pdf && !cl.csv && !cl.summaryCsv)
            throw std::invalid_argument(
                "export needs at least one of --png, --svg, --pdf, --csv, --summary-csv");
        break;
    case Mode::Report: {
        if (cl.dirs.size() != 1)
            throw std::invalid_argument("report expects one folder (and --compare DIR_B)");
        if (!cl.output)
            throw std::invalid_argument("report needs -o FILE.html or -o FILE.pdf");
        const std::string suffix = std::filesystem::path(*cl.output).extension().string();
        if (suffix != ".html" && suffix != ".htm" && suffix != ".pdf" && suffix != ".HTML" &&
            suffix != ".PDF")
            throw std::invalid_argument("report writes .html or .pdf: -o FILE.html|FILE.pdf");
        break;
    }
    case Mode::Gui:
        // A file manager's "Open with" passes every selected folder: run A, B, C, …
        if (cl.dirs.size() >= 2 && cl.dirs.size() <= kMaxCompared && !cl.compareDir) {
            cl.compareDir = cl.dirs[1];
            cl.moreCompareDirs.assign(cl.dirs.begin() + 2, cl.dirs.end());
            cl.dirs.resize(1);
        }
        if (cl.dirs.size() > 1)
            throw std::invalid_argument(
                "give at most eight folders (DIR [DIR_B ...]), or one with --compare DIR_B");
        if (!cl.dirs.empty() && cl.dirs[0].find('/') == std::string::npos &&
            !std::filesystem::exists(cl.dirs[0]))
            throw std::invalid_argument("'" + cl.dirs[0] + "' is neither a command nor a folder");
        if (cl.screenshot && cl.dirs.empty())
            throw std::invalid_argument("--screenshot needs a folder to show");
        if ((cl.hpaFile || !cl.sets.empty() || !cl.sweeps.empty()) && cl.dirs.empty())
            throw std::invalid_argument("--hpa, --set and --sweep need a folder to replay");
        if (cl.sweeps.size() > 2)
            throw std::invalid_argument("the Sweep view takes at most two --sweep");
        break;
    default:
        break;
    }
    return cl;
}

} // namespace hpa::app

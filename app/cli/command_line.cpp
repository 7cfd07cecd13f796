#include "app/cli/command_line.h"

#include <charconv>
#include <stdexcept>

namespace hpa::app {

namespace {

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

} // namespace

std::string CommandLine::usage()
{
    return "Usage:\n"
           "  hpa-lens [DIR] [--compare DIR_B]          open the window (on DIR if given)\n"
           "  hpa-lens --screenshot FILE [--size WxH] DIR [--compare DIR_B]\n"
           "                                            render the window to a PNG and exit\n"
           "  hpa-lens summary DIR [--json] [--kv-unit fraction|percent|milli]\n"
           "                  [--waiting-unit auto|as-written|milli]\n"
           "  hpa-lens compare DIR_A DIR_B [--json]\n"
           "  hpa-lens export DIR [--compare DIR_B] [--png F] [--svg F] [--pdf F] [--csv F]\n"
           "                  [--summary-csv F] [--size WxH] [--dpi N] [--from T --to T]\n"
           "  hpa-lens demo OUT_DIR [--samples N] [--interval S] [--seed N] [--overwrite]\n"
           "  hpa-lens --help | --version\n"
           "\n"
           "T for --from/--to: elapsed seconds from the first sample (e.g. 120), mm:ss, or a\n"
           "timestamp as written in metrics.csv.\n";
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
        if (cl.mode != Mode::Gui)
            i = 1;
    }
    auto value = [&](const std::string &option) -> std::string {
        if (i + 1 >= args.size())
            throw std::invalid_argument(option + " needs a value");
        return args[++i];
    };
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
        if (a == "--json")
            cl.json = true;
        else if (a == "--compare")
            cl.compareDir = value(a);
        else if (a == "--screenshot")
            cl.screenshot = value(a);
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
        else if (a == "--kv-unit") {
            cl.kvUnit = value(a);
            if (*cl.kvUnit != "fraction" && *cl.kvUnit != "percent" && *cl.kvUnit != "milli")
                throw std::invalid_argument("--kv-unit must be fraction, percent or milli");
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
    switch (cl.mode) {
    case Mode::Summary:
    case Mode::Demo:
        if (cl.dirs.size() != 1)
            throw std::invalid_argument("expects exactly one folder");
        break;
    case Mode::Compare:
        if (cl.dirs.size() != 2)
            throw std::invalid_argument("compare expects two folders: DIR_A DIR_B");
        break;
    case Mode::Export:
        if (cl.dirs.size() != 1)
            throw std::invalid_argument("export expects one folder (and --compare DIR_B)");
        if (!cl.png && !cl.svg && !cl.pdf && !cl.csv && !cl.summaryCsv)
            throw std::invalid_argument(
                "export needs at least one of --png, --svg, --pdf, --csv, --summary-csv");
        break;
    case Mode::Gui:
        if (cl.dirs.size() > 1)
            throw std::invalid_argument("give one folder (use --compare for a second)");
        if (cl.screenshot && cl.dirs.empty())
            throw std::invalid_argument("--screenshot needs a folder to show");
        break;
    default:
        break;
    }
    return cl;
}

} // namespace hpa::app

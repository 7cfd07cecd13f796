#include "app/cli/man_page.h"

#include "app/cli/command_usage.h"

#include <string_view>

namespace hpa::app {

namespace {

/// Text for roff: backslashes and dashes escaped, no line starting with a control character.
std::string roff(std::string_view text)
{
    std::string out;
    bool lineStart = true;
    for (const char c : text) {
        if (lineStart && (c == '.' || c == '\''))
            out += "\\&";
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
        lineStart = c == '\n';
    }
    return out;
}

std::string words(const CommandUsage &c)
{
    std::string s = "hpa-lens";
    if (!c.name.empty())
        s.append(" ").append(c.name);
    if (!c.arguments.empty())
        s.append(" ").append(c.arguments);
    return s;
}

void appendCommand(std::string &page, const CommandUsage &c)
{
    page += ".SS \"" + roff(words(c)) + "\"\n";
    page += roff(c.summary) + ".\n";
    for (const auto &o : c.options) {
        if (o.value.empty())
            page += ".TP\n.B " + roff(o.flag);
        else
            page += ".TP\n.BI \"" + roff(o.flag) + " \" " + roff(o.value);
        page.append(1, '\n').append(roff(o.text)); // "\n" + string&& trips GCC 12 -Wrestrict
        if (!o.choices.empty())
            page += " (one of: " + roff(o.choices) + ")";
        page += ".\n";
    }
    if (!c.notes.empty())
        page += ".PP\n" + roff(c.notes) + "\n";
}

} // namespace

std::string ManPage::render()
{
    std::string page = ".TH HPA-LENS 1 \"\" \"hpa-lens " HPA_LENS_VERSION "\" \"User Commands\"\n";
    page += ".SH NAME\nhpa\\-lens \\- analyze Kubernetes autoscaling experiments on vLLM\n";
    page += ".SH SYNOPSIS\n.nf\n";
    for (const auto &c : CommandUsage::all())
        page += roff(c.synopsis()) + "\n";
    page += "hpa\\-lens COMMAND \\-\\-help\nhpa\\-lens \\-\\-version\n.fi\n";
    page += ".SH DESCRIPTION\n" +
            roff("HPA Lens reads an experiment folder written by the HPA monitor (metrics.csv, "
                 "scaling-events.log, metadata.json, experiment-config.yaml and the job logs) "
                 "and shows replicas, waiting requests, KV cache, TTFT/ITL, request rate and "
                 "jobs on linked, zoomable charts, with the scaling events, the statistics "
                 "and the comparison of two runs. It never writes into an experiment folder.\n") +
            ".PP\n" +
            roff("Without a command it opens the window. The commands summary, compare and "
                 "demo need no display and do not load Qt; export, report and --screenshot "
                 "render off screen when no display is available.\n");
    page += ".SH COMMANDS\n";
    for (const auto &c : CommandUsage::all())
        appendCommand(page, c);
    page += ".SS \"Every command\"\n.TP\n.BR \\-\\-help \", \" \\-h\nPrint the usage of the "
            "command and exit.\n.TP\n.B \\-\\-version\nPrint the version and exit.\n";
    page += ".SH \"EXIT STATUS\"\n.TP\n.B 0\nSuccess.\n.TP\n.B 1\n" +
            roff("The command ran but failed (a file could not be written, the window part "
                 "could not be loaded, a load error shown in a screenshot).\n") +
            ".TP\n.B 2\n" +
            roff("Bad usage (an unknown option, or one the command does not take: the "
                 "command's usage is printed), or a folder that is not an experiment.\n");
    page += ".SH FILES\n.TP\n.I ~/.config/hpa\\-lens/hpa\\-lens.conf\n" +
            roff("What the window remembers: recent experiments, export choices, the window "
                 "geometry and dock layout per screen arrangement. The commands without a "
                 "window never read or write it.\n") +
            ".TP\n.I PREFIX/lib/hpa\\-lens/libhpa\\-lens\\-gui.so\n" +
            roff("The window and export part, loaded only by the commands that need it.\n") +
            ".TP\n.I PREFIX/share/hpa\\-lens/examples/\n" +
            roff("An example experiment written by hpa-lens demo.\n");
    page += ".SH EXAMPLES\n.nf\n" +
            roff("hpa-lens summary experiment-data/hpa-20251201-100000\n"
                 "hpa-lens compare run-a run-b --json > diff.json\n"
                 "hpa-lens export run-a --png figure.png --dpi 300 --from 2:00 --to 10:00\n"
                 "hpa-lens report run-a --compare run-b -o run-a-vs-b.html\n"
                 "hpa-lens --screenshot window.png --size 1600x1000 run-a\n") +
            ".fi\n";
    return page;
}

} // namespace hpa::app

#include "app/cli/command_usage.h"

#include <algorithm>
#include <cctype>

namespace hpa::app {

namespace {

constexpr std::string_view kKvUnitText =
    "read the KV cache column as fraction, percent or milli instead of detecting its unit";
constexpr std::string_view kKvUnits = "fraction percent milli";
constexpr std::string_view kAlignText =
    "the moment of each run at elapsed 0 when comparing: first-sample, load-start, "
    "first-scale-up, or OFFSET_S seconds that move B left";
constexpr std::string_view kSloNotes =
    "The scorecard (autoscaling block) compares requested replicas with the demand the\n"
    "HPA's metrics imply; the SLO limits also judge the vllm bench job logs.";
constexpr std::string_view kDemandText =
    "required replicas of the scorecard: hpa-ideal (default) or hpa-reachable (capped at "
    "maxReplicas)";
constexpr std::string_view kDemands = "hpa-ideal hpa-reachable";
constexpr std::string_view kOnsetText =
    "pods report their metric S seconds after they are asked for (scorecard demand), 0 by "
    "default";
constexpr std::string_view kDemandOverlayText =
    "draw the scorecard's required replicas on the replicas chart, under-provisioned time red, "
    "over-provisioned grey (View > Show Required Replicas)";
constexpr std::string_view kEpisodeText =
    "show scale-up episode N of run A as a waterfall (breach, decision, HPA status catch-up, "
    "relief) over every chart, zoomed to it";
constexpr std::string_view kWaitingUnitText =
    "read num_requests_waiting as written, as milli-units, or correct leaked milli-units "
    "automatically (default)";
constexpr std::string_view kWaitingUnits = "auto as-written milli";
constexpr std::string_view kVariantText =
    "WVA run: read this variant of the controller log (the one with the most samples by "
    "default; summary lists them all, the window's View > WVA Variant too)";
constexpr std::string_view kExportNotes =
    "T for --from/--to: elapsed seconds from the first sample (e.g. 120), mm:ss,\n"
    "or a timestamp as written in metrics.csv.\n"
    "VIEW options (--elapsed, --side-by-side, --align, --demand-overlay, --episode, --demand,\n"
    "--onset-delay) are never read from or saved to the window's settings: the same command\n"
    "always draws the same picture.\n"
    "--size WxH is the figure: the PNG is exactly W x H pixels. --dpi does not change the\n"
    "pixels: it sets the physical size (W/dpi x H/dpi inches, stamped in the PNG; the page of\n"
    "SVG and PDF) and scales fonts and lines to read the same at that size (matplotlib's\n"
    "figsize x dpi).";

std::vector<CommandUsage> makeTable()
{
    // One row per command, one line per option. Keep the options in the order --help shows.
    return {
        {"",
         "[DIR [DIR_B]]",
         "open the window, on experiment DIR (compared with DIR_B) if given",
         {{"--compare", "DIR_B", "open DIR_B as run B next to DIR"},
          {"--screenshot", "FILE", "render the window to a PNG file and exit (no display needed)"},
          {"--size", "WxH", "window size for --screenshot, 1600x1000 by default"},
          {"--elapsed", "", "time axis in elapsed mm:ss (--screenshot; always so when comparing)"},
          {"--side-by-side", "", "A and B in two columns instead of one overlay (--screenshot)"},
          {"--align", "MODE", kAlignText},
          {"--demand-overlay", "", kDemandOverlayText},
          {"--episode", "N", kEpisodeText},
          {"--demand", "VARIANT", kDemandText, kDemands},
          {"--onset-delay", "S", kOnsetText},
          {"--kv-unit", "UNIT", kKvUnitText, kKvUnits},
          {"--waiting-unit", "UNIT", kWaitingUnitText, kWaitingUnits},
          {"--variant", "NAME", kVariantText},
          {"--hpa", "FILE",
           "replay this HorizontalPodAutoscaler (YAML or JSON) in the What-if panel, as "
           "File > Load HPA Manifest does"},
          {"--set", "KEY=VALUE[,KEY=VALUE...]",
           "open the What-if panel with these edits of the HPA spec (the keys of replay --set; "
           "repeatable, all applied together)"},
          {"--sweep", "KEY=V1,V2|KEY=A:B:STEP",
           "open the Sweep view on every combination of these settings (at most two sweeps)"},
          {"--sweep-x", "AXIS",
           "x axis of the Sweep view: theta-u (under-provisioning accuracy, default) or tau-u "
           "(under-provisioned time)",
           "theta-u tau-u"}},
         "DIR may also be a folder of experiments, at any depth: the window opens the\n"
         "library of all of them (--screenshot draws it). Two folders (as a file manager\n"
         "passes them) open the second as run B.\n"
         "A WVA run (wva-controller-logs.jsonl) opens like any experiment."},
        {"summary",
         "DIR",
         "print the statistics and the autoscaling scorecard of an experiment",
         {{"--json", "", "print JSON for scripts instead of text"},
          {"--kv-unit", "UNIT", kKvUnitText, kKvUnits},
          {"--waiting-unit", "UNIT", kWaitingUnitText, kWaitingUnits},
          {"--variant", "NAME", kVariantText},
          {"--demand", "VARIANT",
           "required replicas of the scorecard: hpa-ideal (default) or "
           "hpa-reachable (capped at maxReplicas)",
           "hpa-ideal hpa-reachable"},
          {"--onset-delay", "S",
           "pods report their metric S seconds after they are asked for "
           "(scorecard demand), 0 by default"},
          {"--slo-ttft", "MS", "TTFT limit of the SLO checks, 1000 ms by default"},
          {"--slo-itl", "MS", "ITL limit of the SLO checks, 100 ms by default"}},
         kSloNotes},
        {"compare",
         "DIR_A DIR_B [DIR_C ...]",
         "print every statistic and scorecard KPI of 2 to 8 runs, each later run with its "
         "difference from A and a verdict",
         {{"--json", "", "print JSON for scripts instead of text"},
          {"--screenshot", "FILE",
           "write a PNG of the window with the runs overlaid on elapsed time (one colour per "
           "run from three runs on) instead of printing"},
          {"--size", "WxH", "window size of --screenshot, 1600x1000 by default"},
          {"--align", "MODE", kAlignText},
          {"--kv-unit", "UNIT", kKvUnitText, kKvUnits},
          {"--variant", "NAME", kVariantText},
          {"--demand", "VARIANT",
           "required replicas of the scorecard: hpa-ideal (default) or "
           "hpa-reachable (capped at maxReplicas)",
           "hpa-ideal hpa-reachable"},
          {"--onset-delay", "S",
           "pods report their metric S seconds after they are asked for "
           "(scorecard demand), 0 by default"},
          {"--slo-ttft", "MS", "TTFT limit of the SLO checks, 1000 ms by default"},
          {"--slo-itl", "MS", "ITL limit of the SLO checks, 100 ms by default"}},
         kSloNotes},
        {"export",
         "DIR",
         "write the charts, the samples or the statistics to files (no display needed)",
         {{"--compare", "DIR_B", "draw run DIR_B over DIR"},
          {"--png", "FILE", "write the charts as one figure in PNG"},
          {"--svg", "FILE", "write the figure as SVG"},
          {"--pdf", "FILE", "write the figure as PDF"},
          {"--csv", "FILE", "write the samples with the analysis columns as CSV"},
          {"--summary-csv", "FILE", "write the statistics as CSV"},
          {"--size", "WxH", "figure size in pixels, 1600x1000 by default"},
          {"--dpi", "N", "figure resolution, 30 to 1200, 300 by default"},
          {"--from", "T", "start of the exported time range"},
          {"--to", "T", "end of the exported time range"},
          {"--kv-unit", "UNIT", kKvUnitText, kKvUnits},
          {"--waiting-unit", "UNIT", kWaitingUnitText, kWaitingUnits},
          {"--elapsed", "", "time axis in elapsed mm:ss (always so with --compare)"},
          {"--side-by-side", "", "A and B in two columns instead of one overlay"},
          {"--align", "MODE", kAlignText},
          {"--demand-overlay", "", kDemandOverlayText},
          {"--episode", "N", kEpisodeText},
          {"--demand", "VARIANT", kDemandText, kDemands},
          {"--onset-delay", "S", kOnsetText}},
         kExportNotes},
        {"report",
         "DIR",
         "write a one-file report of a run (or a comparison) as HTML or PDF (no display needed)",
         {{"-o", "FILE", "the report to write: FILE.html (one self-contained page) or FILE.pdf"},
          {"--compare", "DIR_B", "compare with run DIR_B: both runs, the comparison and verdicts"},
          {"--hpa", "FILE",
           "replay the HPA (YAML or JSON manifest) over the run: self-check and what-if"},
          {"--slo-ttft", "MS", "TTFT limit of the SLO checks, 1000 ms by default"},
          {"--slo-itl", "MS", "ITL limit of the SLO checks, 100 ms by default"},
          {"--demand", "VARIANT",
           "required replicas of the scorecard: hpa-ideal (default) or "
           "hpa-reachable (capped at maxReplicas)",
           "hpa-ideal hpa-reachable"},
          {"--kv-unit", "UNIT", kKvUnitText, kKvUnits},
          {"--waiting-unit", "UNIT", kWaitingUnitText, kWaitingUnits}},
         "The report holds the run's metadata and HPA configuration, the charts, the\n"
         "autoscaling scorecard with its definitions, the scaling episodes, the statistics,\n"
         "the scaling events, the bench job results, the warnings, and with --compare the\n"
         "comparison with verdicts. The HTML fetches nothing (no fonts, scripts or images from\n"
         "anywhere); the PDF is paginated A4 with a header on each page. The file is written\n"
         "only where -o says, never into the experiment folder otherwise."},
        {"demo",
         "OUT_DIR",
         "write a simulated experiment (the bundled example) of any size",
         {{"--samples", "N", "number of samples, 300 (25 minutes) by default"},
          {"--interval", "S", "seconds between samples, 5 by default"},
          {"--seed", "N", "seed of the simulation; the same seed writes the same files"},
          {"--overwrite", "", "replace the files of an earlier demo in OUT_DIR"},
          {"--live", "",
           "write the run in real time, a row every interval, as a running monitor does "
           "(open OUT_DIR in hpa-lens to watch it live)"},
          {"--speed", "X", "with --live: X times faster than real time, 1 by default"}},
         {}},
        {"table",
         "ROOT",
         "list every experiment under ROOT (any depth) with its KPIs, one row per run",
         {{"--json", "", "print a JSON array, one object per run, for scripts"},
          {"--csv", "", "print CSV, one row per run (unknown values are empty cells)"},
          {"--sort", "KEY",
           "sort by a column key (name start duration_s replica_hours theta_u_pct ...); "
           "-KEY sorts descending, unknown values last"},
          {"--filter", "TEXT",
           "only runs whose name, path, layout, tags or notes contain every word of TEXT"},
          {"--no-catalog", "", "read every run again and do not use the library catalog"},
          {"--scatter", "[X_KEY,Y_KEY]",
           "the library's scatter of two columns (replica_hours,theta_u_pct by default) with "
           "the Pareto front: its points with --json, or the picture with -o"},
          {"-o", "FILE", "with --scatter: write the scatter as .svg, .png or .pdf"},
          {"--size", "WxH", "size of the -o picture, 1600x1000 by default"}},
         "Rows are cached in the library catalog ($XDG_CACHE_HOME/hpa-lens/library.sqlite,\n"
         "~/.cache by default) keyed by each run's path and the size and time of its files:\n"
         "an unchanged run is not read again, a changed one is, a vanished one is listed as\n"
         "missing. The catalog also keeps the tags and notes set in the window's library.\n"
         "Experiment folders are never written to."},
        {"replay",
         "DIR",
         "replay the Kubernetes HPA algorithm over a run: self-check, then what-if estimates",
         {{"--hpa", "FILE",
           "the HorizontalPodAutoscaler (YAML or JSON, as kubectl get hpa -o "
           "yaml prints it); else scaling.log, the folder's config, or Kubernetes defaults"},
          {"--set", "KEY=VALUE[,KEY=VALUE]", "one what-if with these settings (repeatable)"},
          {"--sweep", "KEY=V1,V2|KEY=A:B:STEP", "what-ifs over every combination (repeatable)"},
          {"--onset-delay", "S", "new pods report their metrics S seconds after they start"},
          {"--json", "", "print JSON for scripts instead of text"},
          {"--csv", "", "print one CSV row per what-if"},
          {"--series", "", "add the replayed curves to --json"}},
         "Keys: waiting-target kv-target tolerance min max up-window down-window up-pods\n"
         "up-percent up-period down-pods down-percent down-period select-up select-down\n"
         "no-behavior onset-delay. What-ifs are estimates: latency is not predicted."},
        {"import",
         "prometheus URL OUT_DIR",
         "read an HPA run from Prometheus (or Thanos, Mimir, VictoriaMetrics) into a new "
         "experiment folder",
         {{"--namespace", "NS", "the Kubernetes namespace of the HPA and its pods (required)"},
          {"--hpa", "NAME", "the HorizontalPodAutoscaler's name (required)"},
          {"--deployment", "NAME",
           "the scaled deployment; else the HPA's scale target as kube-state-metrics reports it"},
          {"--from", "TIME", "start: ISO 8601 with Z or an offset, or Unix seconds (required)"},
          {"--to", "TIME", "end: ISO 8601 with Z or an offset, or Unix seconds (required)"},
          {"--step", "S", "seconds between samples (default 5)"},
          {"--preset", "NAME|FILE",
           "the queries: vllm-ksm (default), vllm-ksm-legacy (kube_hpa_*) or a preset JSON file"},
          {"--token-file", "F", "send the bearer token held in file F (never written anywhere)"}},
         "OUT_DIR must not exist; it appears whole when the import succeeds. A series the\n"
         "server does not have becomes an empty column and a warning naming the query.\n"
         "Scaling events are derived from the replicas and desired_replicas series."},
    };
}

std::string usageOf(const OptionUsage &o)
{
    std::string s(o.flag);
    if (!o.value.empty())
        s.append(" ").append(o.value);
    return s;
}

constexpr std::size_t kTextColumn = 24; ///< where an option's explanation starts in --help

/// `words` appended to `line`, broken before 80 columns; new lines start at kTextColumn.
std::string wrapped(std::string line, std::string_view words)
{
    std::size_t lineStart = 0;
    bool first = true;
    while (!words.empty()) {
        const std::size_t space = words.find(' ');
        const std::string_view word = words.substr(0, space);
        words = space == std::string_view::npos ? std::string_view() : words.substr(space + 1);
        if (!first && line.size() - lineStart + 1 + word.size() > 79) {
            line.append(1, '\n');
            lineStart = line.size();
            line.append(kTextColumn, ' ');
        } else if (!first) {
            line.append(1, ' ');
        }
        line.append(word);
        first = false;
    }
    return line;
}

/// `text` with every line after the first indented by `n` more spaces.
std::string indented(std::string text, std::size_t n)
{
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
        text.insert(at + 1, n, ' ');
    return text;
}

std::string commandWords(const CommandUsage &c)
{
    std::string s = "hpa-lens";
    if (!c.name.empty())
        s.append(" ").append(c.name);
    if (!c.arguments.empty())
        s.append(" ").append(c.arguments);
    return s;
}

} // namespace

const std::vector<CommandUsage> &CommandUsage::all()
{
    static const std::vector<CommandUsage> table = makeTable();
    return table;
}

const CommandUsage *CommandUsage::find(std::string_view name)
{
    const auto &table = all();
    const auto it = std::find_if(table.begin(), table.end(),
                                 [&](const CommandUsage &c) { return c.name == name; });
    return it == table.end() ? nullptr : &*it;
}

const CommandUsage &CommandUsage::forArguments(const std::vector<std::string> &args)
{
    const CommandUsage *command = args.empty() || args[0].empty() ? nullptr : find(args[0]);
    return command ? *command : *find("");
}

const OptionUsage *CommandUsage::option(std::string_view flag) const
{
    const auto it = std::find_if(options.begin(), options.end(),
                                 [&](const OptionUsage &o) { return o.flag == flag; });
    return it == options.end() ? nullptr : &*it;
}

std::string CommandUsage::synopsis() const
{
    std::string text = commandWords(*this);
    const std::size_t indent = std::min<std::size_t>(text.size(), 24);
    std::size_t lineStart = 0;
    for (const auto &o : options) {
        // Appended piece by piece: "[" + std::string&& trips GCC 12's -Wrestrict at -O3.
        std::string word(1, '[');
        word.append(usageOf(o)).append(1, ']');
        if (text.size() - lineStart + 1 + word.size() > 72) { // + "Usage: " fits 80 columns
            text.append("\n");
            lineStart = text.size();
            text.append(indent, ' ');
        } else {
            text.append(" ");
        }
        text.append(word);
    }
    return text;
}

std::string CommandUsage::help() const
{
    std::string sentence(summary);
    if (!sentence.empty())
        sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    std::string text = "Usage: " + indented(synopsis(), 7) + "\n\n" + sentence + ".\n";
    if (!options.empty()) {
        text.append("\nOptions:\n");
        for (const auto &o : options) {
            std::string line = "  " + usageOf(o);
            line.resize(std::max<std::size_t>(line.size() + 2, kTextColumn), ' ');
            text.append(wrapped(line, o.text)).append("\n");
        }
    }
    text.append("  --help, -h            print this help\n");
    if (!notes.empty())
        text.append("\n").append(notes).append("\n");
    return text;
}

std::string CommandUsage::overview()
{
    std::string text = "Usage:\n";
    for (const auto &c : all()) {
        text.append("  ")
            .append(indented(c.synopsis(), 2))
            .append("\n      ")
            .append(c.summary)
            .append("\n");
    }
    text.append("  hpa-lens --version\n"
                "  hpa-lens COMMAND --help\n"
                "      the options of COMMAND explained ('man hpa-lens' has them all)\n");
    return text;
}

} // namespace hpa::app

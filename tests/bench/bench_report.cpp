#include "bench_report.h"

#include <fmt/format.h>

#include <ostream>

namespace hpa::bench {

namespace {

/// "12.3x": how many times better hpa-lens is than the baseline; "-" when not measured.
std::string factor(double better, double worse)
{
    if (!(better > 0) || !(worse > 0))
        return "-";
    return fmt::format("{:.1f}x", worse / better);
}

void row(std::ostream &out, const std::string &what, const std::string &ours,
         const std::string &naive, const std::string &gain)
{
    out << fmt::format("  {:<40} {:>14} {:>14} {:>9}\n", what, ours, naive, gain);
}

std::string ms(double v)
{
    return v > 0 ? fmt::format("{:.2f} ms", v) : "-";
}

} // namespace

void BenchReport::printSize(std::ostream &out, const CoreFigures &c, const ChartFigures &g)
{
    const bool core = c.loadMs > 0; // not measured with --charts-only
    if (core)
        out << fmt::format("\n== {} rows, metrics.csv {:.1f} MB ({}) ==\n", c.rows, c.fileMB,
                           c.dir);
    else
        out << fmt::format("\n== {} ==\n", c.dir);
    row(out, "", "hpa-lens", "baseline", "factor");
    if (core) {
        row(out, "load folder (baseline: getline+stod)", ms(c.loadMs), ms(c.naiveLoadMs),
            factor(c.loadMs, c.naiveLoadMs));
        const double mbps = c.loadMs > 0 ? c.fileMB / (c.loadMs / 1000) : 0;
        const double naiveMbps = c.naiveLoadMs > 0 ? c.fileMB / (c.naiveLoadMs / 1000) : 0;
        row(out, "load throughput", fmt::format("{:.1f} MB/s", mbps),
            fmt::format("{:.1f} MB/s", naiveMbps), factor(naiveMbps, mbps));
        row(out, "peak RSS of a process that only loads", fmt::format("{:.1f} MiB", c.rssMiB),
            fmt::format("{:.1f} MiB", c.naiveRssMiB), factor(c.rssMiB, c.naiveRssMiB));
        row(out, fmt::format("parse metrics.csv, {} threads vs 1", c.threads), ms(c.parseMsN),
            ms(c.parseMs1), factor(c.parseMsN, c.parseMs1));
        row(out, "statistics (baseline: sort per series)", ms(c.statsMs), ms(c.naiveStatsMs),
            factor(c.statsMs, c.naiveStatsMs));
        row(out, "autoscaling scorecard (baseline: loop per KPI)", ms(c.scorecardMs),
            ms(c.naiveScorecardMs), factor(c.scorecardMs, c.naiveScorecardMs));
        row(out, "  + demand overlay: a Scorecard settings edit", ms(c.recomputeMs),
            ms(c.naiveRecomputeMs), factor(c.recomputeMs, c.naiveRecomputeMs));
        row(out, fmt::format("decimate chart series / step, {} px", c.pixels), ms(c.decimateMs),
            ms(c.naiveDecimateMs), factor(c.decimateMs, c.naiveDecimateMs));
    }
    if (g.ran) {
        row(out, fmt::format("zoom step, {} charts (baseline: full)", g.charts), ms(g.zoomMs),
            ms(g.naiveZoomMs), factor(g.zoomMs, g.naiveZoomMs));
        row(out, "  GUI-thread CPU time of a step", ms(g.zoomCpuMs), "", "");
        row(out, "  of which zoomTo() (decimate, axes)", ms(g.zoomUpdateMs), "", "");
        row(out, "  painting all charts once", ms(g.zoomPaintMs), "", "");
        row(out, "folder chosen -> charts painted", ms(g.openMs), "", "");
        out << fmt::format("  {:<40} {} points ({:.2f} per pixel; plots {} px wide)\n",
                           "largest series after a zoom step", g.maxSeriesPoints,
                           g.maxPointsPerPixel, g.plotWidth);
        out << fmt::format("  {:<40} {} steps; baseline {} steps, {} series\n", "zoom steps timed",
                           g.steps, g.naiveSteps, g.naiveSeries);
    }
    if (!core)
        return;
    out << fmt::format("  {:<40} {:.2f}\n", "hpa-lens load peak RSS / file size",
                       c.fileMB > 0 ? c.rssMiB * 1.048576 / c.fileMB : 0.0);
    out << fmt::format("  {:<40} {}\n", "parallel parse == single-threaded",
                       c.parallelEqual ? "yes, bit for bit" : "NO: " + c.parallelDetail);
}

void BenchReport::printScaling(std::ostream &out, const std::vector<CoreFigures> &core,
                               const std::vector<ChartFigures> &charts)
{
    out << "\n== Growth with rows (load should grow linearly, zoom stay flat) ==\n";
    out << fmt::format("  {:>9} {:>12} {:>10} {:>12} {:>12} {:>12}\n", "rows", "load ms", "ns/row",
                       "stats ms", "decimate ms", "zoom ms");
    for (std::size_t i = 0; i < core.size(); ++i) {
        const CoreFigures &c = core[i];
        const double zoom = i < charts.size() && charts[i].ran ? charts[i].zoomMs : 0;
        const std::size_t rows = c.rows || i >= charts.size() ? c.rows : charts[i].rows;
        out << fmt::format("  {:>9} {:>12.2f} {:>10.0f} {:>12.2f} {:>12.3f} {:>12}\n", rows,
                           c.loadMs, c.rows ? c.loadMs * 1e6 / double(c.rows) : 0.0, c.statsMs,
                           c.decimateMs, zoom > 0 ? fmt::format("{:.2f}", zoom) : "-");
    }
}

} // namespace hpa::bench

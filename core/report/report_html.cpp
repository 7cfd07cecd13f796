#include "core/report/report_html.h"

#include "core/report/html_writer.h"
#include "core/report/report_analysis_sections.h"
#include "core/report/report_run_sections.h"

#include <algorithm>
#include <functional>

namespace hpa::core {

namespace {

constexpr std::string_view kBrowserStyle = R"css(
:root { color-scheme: light; }
body { margin: 0; color: #1d2329; background: #fff; line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
header, nav, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 1.25rem; }
header h1 { font-size: 1.6rem; margin: 1.2rem 0 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #d0d7de; padding-bottom: 0.2rem;
  margin: 2.2rem 0 0.6rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
nav ul { list-style: none; padding: 0; margin: 0.6rem auto; display: flex; flex-wrap: wrap;
  gap: 0.2rem 1rem; font-size: 0.92rem; }
nav a { color: #0550ae; }
.scroll { overflow-x: auto; margin: 0.5rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e3e7eb; text-align: left;
  vertical-align: top; }
thead th { background: #f3f5f7; border-bottom: 2px solid #c9d1d9; white-space: nowrap; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.kv { margin: 0.5rem 0; }
table.kv th { font-weight: 600; color: #3d444d; min-width: 12rem; }
table.kv td { overflow-wrap: anywhere; }
tr.group td { font-weight: 600; background: #f6f8fa; }
tr.better td:last-child { color: #116329; font-weight: 600; }
tr.worse td:last-child { color: #b42318; font-weight: 600; }
.note { color: #57606a; font-size: 0.88rem; }
.warning { color: #b42318; }
.meta { color: #57606a; margin: 0 0 0.5rem; }
figure { margin: 0.8rem 0; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid #e3e7eb; }
figcaption { font-size: 0.88rem; color: #57606a; margin-top: 0.3rem; }
.swipe { display: none; }
dl dt { font-weight: 600; margin-top: 0.6rem; }
dl dd { margin: 0.15rem 0 0 1.2rem; }
ul.warnings li { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85rem;
  overflow-wrap: anywhere; }
footer { color: #57606a; font-size: 0.85rem; margin-top: 2.5rem; padding-bottom: 2rem; }
@media screen and (max-width: 700px) {
  header, nav, main, footer { padding: 0 0.8rem; }
  header h1 { font-size: 1.3rem; }
  table.kv, table.kv tbody, table.kv tr, table.kv th, table.kv td { display: block; }
  table.kv th { border-bottom: none; padding-bottom: 0; min-width: 0; }
  table.kv td { padding-top: 0; padding-left: 1.2rem; }
  .figure-scroll { overflow-x: auto; }
  .figure-scroll svg { width: 680px; max-width: none; }
  .swipe { display: block; }
}
@media print {
  @page { margin: 14mm; }
  nav { display: none; }
  body { font-size: 9.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.2rem; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr, dt, dd, table.kv { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
  figure svg { border: none; }
  a { color: inherit; text-decoration: none; }
}
)css";

constexpr std::string_view kRichTextStyle = R"css(
body { font-family: "DejaVu Sans"; font-size: 8.5pt; color: #1d2329; }
h1 { font-size: 15pt; }
h2 { font-size: 12pt; margin-top: 14px; color: #1d2329; }
h2.page { page-break-before: always; }
h3 { font-size: 10pt; margin-top: 8px; }
table { border-collapse: collapse; margin-top: 3px; margin-bottom: 3px; }
th { background-color: #eef1f4; font-weight: bold; text-align: left; }
th, td { border-width: 1px; border-style: solid; border-color: #c9d1d9; padding: 2px; }
td.num, th.num { text-align: right; }
tr.group td { font-weight: bold; background-color: #f6f8fa; }
tr.better td { color: #116329; }
tr.worse td { color: #b42318; }
.note { color: #57606a; font-size: 7.5pt; }
.warning { color: #b42318; }
.meta { color: #57606a; }
dt { font-weight: bold; margin-top: 4px; }
li { font-size: 7.5pt; }
)css";

/// One section of the page: its anchor, its title in the contents, what writes it.
struct Section
{
    std::string id, title;
    std::function<void(HtmlWriter &)> write;
};

/// Writes `write` once per run, under a run heading when comparing.
void perRun(HtmlWriter &w, const ReportInput &in, const std::string &id,
            const std::function<void(HtmlWriter &, const ReportRun &)> &write)
{
    for (const ReportRun &run : in.runs) {
        if (in.runs.size() > 1)
            w.heading(3, id + "-" + run.label, ReportRunSections::runTitle(run));
        write(w, run);
    }
}

void figure(HtmlWriter &w, const ReportInput &in, ReportHtml::Flavor flavor)
{
    if (in.figureSvg.empty()) {
        w.paragraph(in.figureNote.empty() ? "No figure: the run has no samples to draw."
                                          : in.figureNote,
                    "note");
        return;
    }
    // In the PDF the figure draws its own title and time range; no caption repeats them.
    if (flavor == ReportHtml::Flavor::RichText) {
        w.paragraph(ReportHtml::kFigureMarker, "figure");
        return;
    }
    w.paragraph("The figure is wider than the screen: swipe sideways to see all of it.",
                "note swipe");
    w.raw("<figure><div class=\"figure-scroll\">\n");
    w.raw(in.figureSvg);
    w.raw("\n</div>");
    if (!in.figureCaption.empty())
        w.raw("<figcaption>" + HtmlWriter::escape(in.figureCaption) + "</figcaption>");
    w.raw("</figure>\n");
}

std::vector<Section> sections(const ReportInput &in, ReportHtml::Flavor flavor)
{
    const bool comparing = in.comparison && in.runs.size() > 1;
    const bool anyJobs = std::any_of(in.runs.begin(), in.runs.end(),
                                     [](const ReportRun &r) { return !r.summary->jobs.empty(); });
    std::vector<Section> list;
    list.push_back({"run", comparing ? "Runs" : "Run", [&in](HtmlWriter &w) {
                        perRun(w, in, "run", ReportRunSections::metadata);
                    }});
    list.push_back({"hpa", "HPA configuration", [&in](HtmlWriter &w) {
                        perRun(w, in, "hpa", ReportRunSections::hpaConfiguration);
                    }});
    list.push_back({"figure", "Figure", [&in, flavor](HtmlWriter &w) {
                        figure(w, in, flavor);
                    }});
    if (comparing)
        list.push_back({"comparison", "Comparison (B relative to A)", [&in](HtmlWriter &w) {
                            ReportAnalysisSections::comparison(w, *in.comparison);
                        }});
    list.push_back({"scorecard", "Autoscaling scorecard", [&in](HtmlWriter &w) {
                        perRun(w, in, "scorecard", [](HtmlWriter &ww, const ReportRun &run) {
                            ReportAnalysisSections::scorecard(ww, run.summary->autoscaling);
                        });
                    }});
    list.push_back({"episodes", "Scaling episodes", [&in](HtmlWriter &w) {
                        perRun(w, in, "episodes", [](HtmlWriter &ww, const ReportRun &run) {
                            ReportAnalysisSections::episodes(ww, run.summary->autoscaling);
                        });
                    }});
    if (!comparing)
        list.push_back({"statistics", "Statistics", [&in](HtmlWriter &w) {
                            ReportRunSections::statistics(w, *in.runs.front().summary);
                        }});
    list.push_back({"events", "Scaling events", [&in](HtmlWriter &w) {
                        perRun(w, in, "events", ReportRunSections::events);
                    }});
    if (anyJobs)
        list.push_back({"jobs", "Bench jobs", [&in](HtmlWriter &w) {
                            perRun(w, in, "jobs", [](HtmlWriter &ww, const ReportRun &run) {
                                if (run.summary->jobs.empty())
                                    ww.paragraph("This run has no job logs.", "note");
                                else
                                    ReportRunSections::jobs(ww, *run.summary);
                            });
                        }});
    if (in.replay)
        list.push_back({"replay", "HPA replay: self-check and what-ifs", [&in](HtmlWriter &w) {
                            ReportAnalysisSections::replay(w, *in.replay, in.replayHpaFile);
                        }});
    list.push_back({"definitions", "Definitions", [&in](HtmlWriter &w) {
                        ReportAnalysisSections::definitions(w,
                                                            in.runs.front().summary->autoscaling);
                    }});
    list.push_back({"warnings", "Warnings", [&in](HtmlWriter &w) {
                        perRun(w, in, "warnings", [](HtmlWriter &ww, const ReportRun &run) {
                            ReportRunSections::warnings(ww, *run.summary);
                        });
                    }});
    return list;
}

std::string generatedLine(const ReportInput &in)
{
    std::string line = "Generated";
    if (!in.generatedAt.empty())
        line += " " + in.generatedAt;
    if (!in.generator.empty())
        line += " by " + in.generator;
    return line + ".";
}

} // namespace

std::string ReportHtml::title(const ReportInput &in)
{
    std::string names;
    for (const ReportRun &run : in.runs)
        names += (names.empty() ? "" : " vs ") + run.summary->name;
    return "HPA Lens report: " + names;
}

std::string_view ReportHtml::browserStyle()
{
    return kBrowserStyle;
}

std::string_view ReportHtml::richTextStyle()
{
    return kRichTextStyle;
}

std::string ReportHtml::render(const ReportInput &in, Flavor flavor)
{
    const std::vector<Section> list = sections(in, flavor);
    HtmlWriter w;
    const std::string title = ReportHtml::title(in);
    if (flavor == Flavor::Browser) {
        w.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
              // Nothing may be fetched: no script, font, image or style from anywhere.
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              "style-src 'unsafe-inline'; img-src data:\"/>\n");
        if (!in.generator.empty())
            w.raw("<meta name=\"generator\" content=\"" + HtmlWriter::escape(in.generator) +
                  "\"/>\n");
        w.raw("<title>" + HtmlWriter::escape(title) + "</title>\n<style>");
        w.raw(kBrowserStyle);
        w.raw("</style>\n</head>\n<body>\n<header>\n");
        w.heading(1, "", title);
        w.paragraph(generatedLine(in), "meta");
        w.raw("</header>\n<nav aria-label=\"Contents\"><ul>\n");
        for (const Section &s : list)
            w.raw("<li><a href=\"#" + s.id + "\">" + HtmlWriter::escape(s.title) + "</a></li>\n");
        w.raw("</ul></nav>\n<main>\n");
    } else {
        w.raw("<html><head><title>" + HtmlWriter::escape(title) + "</title></head><body>\n");
        w.heading(1, "", title);
        w.paragraph(generatedLine(in), "meta");
    }
    for (const Section &s : list) {
        w.beginSection(s.id);
        // In the PDF the figure starts a page: its heading is never left alone at the foot of
        // the page before.
        w.heading(2, "", s.title, flavor == Flavor::RichText && s.id == "figure" ? "page" : "");
        s.write(w);
        w.endSection();
    }
    if (flavor == Flavor::Browser) {
        w.raw("</main>\n<footer>\n");
        w.paragraph("Made with HPA Lens. Every number is computed from the files of the "
                    "experiment folder; N/A means not known, never zero.");
        w.raw("</footer>\n</body>\n</html>\n");
    } else {
        w.raw("</body></html>\n");
    }
    return w.take();
}

} // namespace hpa::core

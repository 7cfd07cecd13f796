#pragma once

#include "core/report/html_writer.h"
#include "core/report/report_input.h"

namespace hpa::core {

/// The sections of a report that judge a run: the autoscaling scorecard with the definition of
/// every KPI, its scale-up episodes, the comparison of two runs with verdicts, and the HPA
/// replay (self-check and what-ifs).
class ReportAnalysisSections
{
public:
    /// The settings and coverage, then one row per KPI (value, unit).
    static void scorecard(HtmlWriter &w, const Scorecard &s);
    /// What each KPI means and where its formula comes from.
    static void definitions(HtmlWriter &w, const Scorecard &s);
    /// The waterfall of every scale-up episode.
    static void episodes(HtmlWriter &w, const Scorecard &s);
    /// Every statistic and KPI of A and B with B − A and a verdict, then the differing
    /// settings.
    static void comparison(HtmlWriter &w, const ExperimentComparison &c);
    /// The spec replayed, the open-loop self-check and the closed-loop what-ifs.
    static void replay(HtmlWriter &w, const HpaReplayReport &r, const std::string &hpaFile);
};

} // namespace hpa::core

#pragma once

#include "core/report/html_writer.h"
#include "core/report/report_input.h"

namespace hpa::core {

/// The sections of a report that describe one run as recorded: metadata, HPA configuration,
/// statistics, scaling events, bench jobs and warnings. Each writes into `w` and says plainly
/// what the run does not have instead of leaving a section empty.
class ReportRunSections
{
public:
    /// Scaling events listed in full; past this many the rest are counted, not listed.
    static constexpr std::size_t kMaxEvents = 400;

    static void metadata(HtmlWriter &w, const ReportRun &run);
    static void hpaConfiguration(HtmlWriter &w, const ReportRun &run);
    /// Replicas, series statistics, targets, threshold violations and correlation.
    static void statistics(HtmlWriter &w, const ExperimentSummary &s);
    static void events(HtmlWriter &w, const ReportRun &run);
    /// Nothing when the run has no job logs (the caller leaves the section out).
    static void jobs(HtmlWriter &w, const ExperimentSummary &s);
    static void warnings(HtmlWriter &w, const ExperimentSummary &s);

    /// "Run A: name" when comparing, else the run's name.
    static std::string runTitle(const ReportRun &run);
};

} // namespace hpa::core

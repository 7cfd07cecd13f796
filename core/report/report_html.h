#pragma once

#include "core/report/report_input.h"

#include <string>
#include <string_view>

namespace hpa::core {

/// The one-file report of a run or a comparison: every section of ReportRunSections and
/// ReportAnalysisSections in reading order, in a page that needs nothing else to be read.
class ReportHtml
{
public:
    enum class Flavor
    {
        /// A whole HTML5 document for a browser: inline CSS with phone and print layouts, a
        /// Content-Security-Policy that forbids every fetch, the figure as inline SVG.
        Browser,
        /// The body for Qt's rich-text reader (QTextDocument, for the PDF): the subset of
        /// HTML and CSS it reads; the figure is a paragraph holding only kFigureMarker, which
        /// the PDF writer replaces by the vector chart.
        RichText
    };

    /// Stands in for the figure in the RichText flavor.
    static constexpr std::string_view kFigureMarker = "[[hpa-lens-figure]]";

    /// The page. `input.runs` must hold one or two runs with a summary.
    static std::string render(const ReportInput &input, Flavor flavor);
    /// "HPA Lens report: NAME" or "HPA Lens report: A vs B".
    static std::string title(const ReportInput &input);
    /// The style sheet of the Browser flavor (screen, phone width, print).
    static std::string_view browserStyle();
    /// The style sheet QTextDocument is given for the RichText flavor.
    static std::string_view richTextStyle();
};

} // namespace hpa::core

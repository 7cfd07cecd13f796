#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hpa::core {

/// Builds HTML text element by element; every text it is given is escaped, so nothing read
/// from an experiment folder can become markup. The output is also well-formed XML (polyglot
/// HTML5): tests parse it with an XML reader, and Qt's rich-text reader takes the same
/// subset.
class HtmlWriter
{
public:
    /// A table: a header row, then rows of cells; `numeric[i]` right-aligns column i.
    struct Table
    {
        std::vector<std::string> headers;
        std::vector<std::vector<std::string>> rows;
        std::vector<bool> numeric;
        std::string cssClass; ///< extra class of the <table>, may be empty
        /// A class per row (parallel to `rows`, may be shorter): "group", "better", "worse".
        std::vector<std::string> rowClasses;
    };

    /// `text` with & < > " ' as entities, invalid UTF-8 as U+FFFD and control characters
    /// (but tab and newline) dropped: what a hostile log line holds cannot break the page.
    static std::string escape(std::string_view text);

    /// Appends `html` as it is (markup this program wrote).
    void raw(std::string_view html);
    /// <hN id="id" class="cssClass">text</hN>; no attribute for an empty `id` or `cssClass`.
    void heading(int level, std::string_view id, std::string_view text,
                 std::string_view cssClass = {});
    /// <p class="cssClass">text</p>.
    void paragraph(std::string_view text, std::string_view cssClass = {});
    /// A two-column table of names and values.
    void keyValues(const std::vector<std::pair<std::string, std::string>> &rows);
    void table(const Table &table);
    /// <dl>: each term with its definition.
    void definitions(const std::vector<std::pair<std::string, std::string>> &terms);
    /// <ul> of the given lines.
    void list(const std::vector<std::string> &items, std::string_view cssClass = {});
    /// Opens and closes a <section id="id">.
    void beginSection(std::string_view id);
    void endSection();

    const std::string &html() const { return m_html; }
    std::string take() { return std::move(m_html); }

private:
    std::string m_html;
};

} // namespace hpa::core

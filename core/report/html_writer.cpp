#include "core/report/html_writer.h"

#include <cstdint>

namespace hpa::core {

namespace {

/// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not one.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) {
        return static_cast<std::uint8_t>(s[k]);
    };
    const std::uint8_t c = byte(i);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
    static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    // U+FFFE and U+FFFF are not characters XML accepts.
    if (cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return n;
}

std::string classAttribute(std::string_view cssClass)
{
    return cssClass.empty() ? std::string() : " class=\"" + HtmlWriter::escape(cssClass) + "\"";
}

} // namespace

std::string HtmlWriter::escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const std::size_t n = utf8Length(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
            continue;
        }
        if (n > 1) {
            out.append(text.substr(i, n));
            i += n;
            continue;
        }
        ++i;
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '\t':
        case '\n':
            out += c;
            break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F)
                out += c;
        }
    }
    return out;
}

void HtmlWriter::raw(std::string_view html)
{
    m_html.append(html);
}

void HtmlWriter::heading(int level, std::string_view id, std::string_view text,
                         std::string_view cssClass)
{
    // Appended piece by piece: "h" + std::string&& trips GCC 12's -Wrestrict at -O3.
    std::string tag(1, 'h');
    tag.append(std::to_string(level));
    m_html.append(1, '<').append(tag);
    if (!id.empty())
        m_html.append(" id=\"").append(escape(id)).append(1, '"');
    m_html.append(classAttribute(cssClass)).append(1, '>').append(escape(text));
    m_html.append("</").append(tag).append(">\n");
}

void HtmlWriter::paragraph(std::string_view text, std::string_view cssClass)
{
    m_html += "<p" + classAttribute(cssClass) + ">" + escape(text) + "</p>\n";
}

void HtmlWriter::keyValues(const std::vector<std::pair<std::string, std::string>> &rows)
{
    if (rows.empty())
        return;
    m_html += "<table class=\"kv\">\n";
    for (const auto &[key, value] : rows)
        m_html +=
            "<tr><th scope=\"row\">" + escape(key) + "</th><td>" + escape(value) + "</td></tr>\n";
    m_html += "</table>\n";
}

void HtmlWriter::table(const Table &t)
{
    const auto numeric = [&t](std::size_t column) {
        return column < t.numeric.size() && t.numeric[column];
    };
    // The wrapper scrolls a wide table sideways on a phone instead of widening the page.
    m_html += "<div class=\"scroll\"><table" + classAttribute(t.cssClass) + ">\n<thead><tr>";
    for (std::size_t c = 0; c < t.headers.size(); ++c)
        m_html += std::string(numeric(c) ? "<th class=\"num\">" : "<th>") + escape(t.headers[c]) +
                  "</th>";
    m_html += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto &row = t.rows[r];
        m_html += "<tr" + classAttribute(r < t.rowClasses.size() ? t.rowClasses[r] : "") + ">";
        for (std::size_t c = 0; c < row.size(); ++c)
            m_html +=
                std::string(numeric(c) ? "<td class=\"num\">" : "<td>") + escape(row[c]) + "</td>";
        m_html += "</tr>\n";
    }
    m_html += "</tbody></table></div>\n";
}

void HtmlWriter::definitions(const std::vector<std::pair<std::string, std::string>> &terms)
{
    if (terms.empty())
        return;
    m_html += "<dl>\n";
    for (const auto &[term, definition] : terms)
        m_html += "<dt>" + escape(term) + "</dt><dd>" + escape(definition) + "</dd>\n";
    m_html += "</dl>\n";
}

void HtmlWriter::list(const std::vector<std::string> &items, std::string_view cssClass)
{
    if (items.empty())
        return;
    m_html += "<ul" + classAttribute(cssClass) + ">\n";
    for (const std::string &item : items)
        m_html += "<li>" + escape(item) + "</li>\n";
    m_html += "</ul>\n";
}

void HtmlWriter::beginSection(std::string_view id)
{
    m_html += "<section id=\"" + escape(id) + "\">\n";
}

void HtmlWriter::endSection()
{
    m_html += "</section>\n";
}

} // namespace hpa::core

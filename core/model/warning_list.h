#pragma once

#include "core/model/load_warning.h"

#include <cstddef>
#include <string>
#include <vector>

namespace hpa::core {

/// The one way to warn about one file: at most `limit` warnings are listed, each message
/// clipped to kMaxMessageBytes (at a UTF-8 character boundary), and the ones past the limit
/// are counted and summarised by a single closing line ("N more problems of the kinds above
/// are not listed"). Parsers fill one per file and hand its warnings() to their Result.
///
///     WarningList warnings("scaling.log");
///     warnings.add(12, "not a number: \"abc\"");
///     result.warnings = warnings.take();
class WarningList
{
public:
    /// Warnings listed per file by default.
    static constexpr std::size_t kDefaultLimit = 200;
    /// Longest message kept; a hostile 100 MB line must not become a 100 MB message.
    static constexpr std::size_t kMaxMessageBytes = 300;

    explicit WarningList(std::string file, std::size_t limit = kDefaultLimit);

    /// Lists a warning for `line` (1-based; 0 for the file as a whole), or counts it when
    /// `limit` warnings are already listed.
    void add(int line, std::string message);
    /// Adds warnings found elsewhere (a slice parsed on another thread), under the same limit;
    /// `suppressed` more that were already counted there are added to the count.
    void merge(std::vector<LoadWarning> warnings, std::size_t suppressed = 0);
    /// Adds the listed and counted warnings of `other` (a part of the same file read on
    /// another thread), leaving it empty; no closing line is made for it.
    void merge(WarningList &&other);

    const std::string &file() const { return m_file; }
    std::size_t listed() const { return m_warnings.size(); }
    std::size_t suppressed() const { return m_suppressed; }
    bool full() const { return m_warnings.size() >= m_limit; }

    /// The listed warnings, then the closing line when some were not listed. Leaves the
    /// list empty.
    std::vector<LoadWarning> take();

    /// `message` clipped to kMaxMessageBytes, ending in "..." when it was cut.
    static std::string clip(std::string message);

private:
    std::string m_file;
    std::size_t m_limit;
    std::size_t m_suppressed = 0;
    std::vector<LoadWarning> m_warnings;
};

} // namespace hpa::core

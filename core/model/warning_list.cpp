#include "core/model/warning_list.h"

#include <fmt/format.h>

#include <utility>

namespace hpa::core {

WarningList::WarningList(std::string file, std::size_t limit)
    : m_file(std::move(file)), m_limit(limit)
{}

void WarningList::add(int line, std::string message)
{
    if (full()) {
        ++m_suppressed;
        return;
    }
    m_warnings.push_back({m_file, line, clip(std::move(message))});
}

void WarningList::merge(std::vector<LoadWarning> warnings, std::size_t suppressed)
{
    for (LoadWarning &w : warnings) {
        if (full()) {
            ++m_suppressed;
            continue;
        }
        w.message = clip(std::move(w.message));
        m_warnings.push_back(std::move(w));
    }
    m_suppressed += suppressed;
}

void WarningList::merge(WarningList &&other)
{
    const std::size_t suppressed = std::exchange(other.m_suppressed, 0);
    merge(std::exchange(other.m_warnings, {}), suppressed);
}

std::vector<LoadWarning> WarningList::take()
{
    std::vector<LoadWarning> out = std::move(m_warnings);
    m_warnings.clear();
    if (m_suppressed > 0) {
        out.push_back(
            {m_file, 0,
             fmt::format("{} more problem{} of the kinds above {} not listed", m_suppressed,
                         m_suppressed == 1 ? "" : "s", m_suppressed == 1 ? "is" : "are")});
        m_suppressed = 0;
    }
    return out;
}

std::string WarningList::clip(std::string message)
{
    if (message.size() <= kMaxMessageBytes)
        return message;
    std::size_t cut = kMaxMessageBytes - 3;
    // Never cut inside a UTF-8 sequence: back up over continuation bytes (10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80)
        --cut;
    message.resize(cut);
    message += "...";
    return message;
}

} // namespace hpa::core

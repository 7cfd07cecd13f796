#include "core/model/scaling_event_texts.h"

#include "core/model/timestamp.h"

#include <fmt/format.h>

#include <charconv>
#include <limits>

namespace hpa::core {

namespace {

constexpr std::size_t kMaxFiles = std::numeric_limits<std::uint8_t>::max() + std::size_t{1};

/// `text` starts with the decimal form of `value` (as to_chars writes it); the rest is returned.
bool consumeInt(std::string_view &text, int value)
{
    char digits[16];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
    const std::string_view written(digits, static_cast<std::size_t>(end - digits));
    if (ec != std::errc() || !text.starts_with(written))
        return false;
    text.remove_prefix(written.size());
    return true;
}

bool skip(std::string_view &text, std::size_t count)
{
    text.remove_prefix(count);
    return true;
}

bool consume(std::string_view &text, std::string_view prefix)
{
    if (!text.starts_with(prefix))
        return false;
    text.remove_prefix(prefix.size());
    return true;
}

/// `YYYY-MM-DD HH:MM:SS` with no leap second: Timestamp::format(time, true) writes it back
/// byte for byte, since Timestamp::parse checked the ranges of every field.
bool isPlainNaiveStamp(std::string_view s)
{
    if (s.size() != 19)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char want = i == 4 || i == 7 ? '-' : i == 10 ? ' ' : i == 13 || i == 16 ? ':' : '0';
        if (want == '0' ? (c < '0' || c > '9') : c != want)
            return false;
    }
    return s.substr(17) != "60";
}

} // namespace

std::uint8_t ScalingEventTexts::addFile(std::string_view fileName)
{
    for (std::size_t i = 0; i < m_files.size(); ++i) {
        if (m_files[i] == fileName)
            return static_cast<std::uint8_t>(i);
    }
    if (m_files.size() == kMaxFiles)
        return static_cast<std::uint8_t>(kMaxFiles - 1);
    m_files.emplace_back(fileName);
    return static_cast<std::uint8_t>(m_files.size() - 1);
}

std::string_view ScalingEventTexts::file(const ScalingEvent &event) const
{
    return event.file < m_files.size() ? std::string_view(m_files[event.file]) : std::string_view();
}

std::string ScalingEventTexts::text(const ScalingEvent &event) const
{
    if (event.textForm == EventTextForm::None ||
        std::size_t{event.textOffset} + event.textLength > m_buffer.size())
        return {};
    const std::string_view stored =
        std::string_view(m_buffer).substr(event.textOffset, event.textLength);
    if (event.textForm == EventTextForm::Whole)
        return std::string(stored);
    std::string out = fmt::format("[{}] {}: {} -> {}", Timestamp::format(event.time, true),
                                  lineWords(event.kind), event.from, event.to);
    out += stored;
    return out;
}

std::string_view ScalingEventTexts::stored(const ScalingEvent &event) const
{
    if (event.textForm == EventTextForm::None ||
        std::size_t{event.textOffset} + event.textLength > m_buffer.size())
        return {};
    return std::string_view(m_buffer).substr(event.textOffset, event.textLength);
}

bool ScalingEventTexts::fits(std::size_t extra) const
{
    return m_buffer.size() + extra <= std::numeric_limits<std::uint32_t>::max();
}

void ScalingEventTexts::store(ScalingEvent &event, std::string_view text)
{
    if (!fits(text.size())) {
        event.textForm = EventTextForm::None;
        return;
    }
    event.textOffset = static_cast<std::uint32_t>(m_buffer.size());
    event.textLength = static_cast<std::uint32_t>(text.size());
    event.textForm = EventTextForm::Whole;
    m_buffer += text;
}

void ScalingEventTexts::storeLine(ScalingEvent &event, std::string_view line)
{
    std::string_view tail = line;
    const bool rebuildable =
        consume(tail, "[") && isPlainNaiveStamp(tail.substr(0, 19)) && skip(tail, 19) &&
        consume(tail, "] ") && consume(tail, lineWords(event.kind)) && consume(tail, ": ") &&
        consumeInt(tail, event.from) && consume(tail, " -> ") && consumeInt(tail, event.to);
    if (!rebuildable) {
        store(event, line);
        return;
    }
    if (!fits(tail.size())) {
        event.textForm = EventTextForm::None;
        return;
    }
    event.textOffset = static_cast<std::uint32_t>(m_buffer.size());
    event.textLength = static_cast<std::uint32_t>(tail.size());
    event.textForm = EventTextForm::LineTail;
    m_buffer += tail;
}

void ScalingEventTexts::append(ScalingEventTexts &&other, std::span<ScalingEvent> events)
{
    if (m_files.empty() && m_buffer.empty()) {
        *this = std::move(other);
        return;
    }
    std::vector<std::uint8_t> fileIndex;
    fileIndex.reserve(other.m_files.size());
    for (const std::string &name : other.m_files)
        fileIndex.push_back(addFile(name));
    const bool textFits = fits(other.m_buffer.size());
    const auto shift = static_cast<std::uint32_t>(m_buffer.size());
    for (ScalingEvent &e : events) {
        if (e.file < fileIndex.size())
            e.file = fileIndex[e.file];
        if (!textFits)
            e.textForm = EventTextForm::None;
        else if (e.textForm != EventTextForm::None)
            e.textOffset += shift;
    }
    if (textFits)
        m_buffer += other.m_buffer;
    other = ScalingEventTexts();
}

void ScalingEventTexts::shrinkToFit()
{
    m_buffer.shrink_to_fit();
}

std::size_t ScalingEventTexts::memoryBytes() const
{
    // A short string lives inside its object: only a longer one has heap bytes.
    const auto heap = [](const std::string &s) {
        return s.capacity() > std::string().capacity() ? s.capacity() + 1 : 0;
    };
    std::size_t bytes = heap(m_buffer) + m_files.capacity() * sizeof(std::string);
    for (const std::string &name : m_files)
        bytes += heap(name);
    return bytes;
}

std::string_view ScalingEventTexts::lineWords(EventKind kind)
{
    switch (kind) {
    case EventKind::ScaleUp:
        return "SCALE UP TRIGGERED";
    case EventKind::ScaleDown:
        return "SCALE DOWN TRIGGERED";
    case EventKind::ReplicasChanged:
        return "REPLICAS CHANGED";
    }
    return "REPLICAS CHANGED";
}

} // namespace hpa::core

#pragma once

#include "core/model/scaling_event.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// The texts and file names of one experiment's scaling events, shared by all of them: one
/// buffer instead of two strings per event. A scaling-events.log line keeps only what its
/// fields cannot rebuild (the `(waiting: .., cache: ..)` part), so most lines cost no bytes.
class ScalingEventTexts
{
public:
    /// The index of `fileName` in the file table; added when new (at most 256 names; later
    /// ones share the last index).
    std::uint8_t addFile(std::string_view fileName);
    /// The name of the file `event` came from; empty for an index with no name.
    std::string_view file(const ScalingEvent &event) const;
    const std::vector<std::string> &files() const { return m_files; }

    /// The text of `event` as written (a whole block for scaling.log, without trailing blank
    /// lines; line breaks as `\n`); empty when the text was not kept.
    std::string text(const ScalingEvent &event) const;

    /// What is stored for `event` without rebuilding anything: the whole text, or for a
    /// one-line event only what follows its head (` (waiting: 355, cache: 0.997)`); empty
    /// when not kept. Cheap: for reading values out of many events.
    std::string_view stored(const ScalingEvent &event) const;

    /// Keeps `text` whole as the text of `event`.
    void store(ScalingEvent &event, std::string_view text);
    /// Keeps a trimmed scaling-events.log line as the text of `event`, whose time, kind, from
    /// and to were read from that line. Only the tail after the head is stored when rebuilding
    /// the head from the fields gives back the same bytes; otherwise the whole line.
    void storeLine(ScalingEvent &event, std::string_view line);

    /// Moves `other` in at the end. `events` are the events that refer to `other`; their text
    /// offsets and file indices are changed to refer to this.
    void append(ScalingEventTexts &&other, std::span<ScalingEvent> events);

    /// Releases unused capacity of the buffer.
    void shrinkToFit();
    /// Heap bytes held (buffer and names), for memory checks.
    std::size_t memoryBytes() const;
    std::size_t bufferSize() const { return m_buffer.size(); }

    /// `SCALE UP TRIGGERED`, `SCALE DOWN TRIGGERED`, `REPLICAS CHANGED`: the words of a
    /// scaling-events.log line before its `:`.
    static std::string_view lineWords(EventKind kind);

private:
    bool fits(std::size_t extra) const;

    std::vector<std::string> m_files;
    std::string m_buffer;
};

} // namespace hpa::core

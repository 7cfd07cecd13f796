#pragma once

#include <optional>
#include <string_view>

namespace hpa::core {

/// The values a scaling event's own log text says the HPA acted on, as written: waiting
/// requests and KV cache usage in the file's own unit (a fraction in scaling-events.log, the
/// stripped milli-quantity in scaling.log). Read from the text when shown rather than kept in
/// every ScalingEvent, which stays 32 bytes.
struct EventReading
{
    std::optional<double> waiting;
    std::optional<double> kvCache;

    bool empty() const { return !waiting && !kvCache; }

    /// The `(waiting: 355, cache: 0.997)` of a scaling-events.log line, or the
    /// `- Waiting requests: 0 (target: 20)` and `- KV cache usage: 569% (target: 500%)` lines
    /// of a scaling.log block. What is absent or unreadable stays empty.
    static EventReading parse(std::string_view text);
};

} // namespace hpa::core

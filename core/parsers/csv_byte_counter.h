#pragma once

#include <cstddef>
#include <cstdint>

namespace hpa::core {

/// Counts the newlines and commas of metrics.csv's bytes, 16 (SSE2) or 8 bytes at a time: the
/// counting pass that sizes the columns reads the whole file once more than the parse, so it
/// must cost a fraction of it.
class CsvByteCounter
{
public:
    struct Counts
    {
        std::uint64_t lines = 0;  ///< `\n` bytes
        std::uint64_t commas = 0; ///< `,` bytes
    };

    /// Adds the newlines and commas of `bytes[0, n)` to `counts`. Any alignment, any length;
    /// the result is the same as counting byte by byte.
    static void add(const char *bytes, std::size_t n, Counts &counts);
};

} // namespace hpa::core

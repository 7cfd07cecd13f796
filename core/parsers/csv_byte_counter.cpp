#include "core/parsers/csv_byte_counter.h"

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace hpa::core {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;

/// 0x01 in each byte of `word` that equals `c`'s byte, else 0 (exact, no carries across bytes).
std::uint64_t matches(std::uint64_t word, std::uint64_t pattern)
{
    const std::uint64_t x = word ^ pattern;
    return (~(((x & kLow7) + kLow7) | x | kLow7)) >> 7;
}

/// Sum of the eight bytes of `lanes`, through 16-bit lanes so it cannot overflow.
std::uint64_t sumBytes(std::uint64_t lanes)
{
    constexpr std::uint64_t kEvenBytes = 0x00ff00ff00ff00ffULL;
    const std::uint64_t pairs = (lanes & kEvenBytes) + ((lanes >> 8) & kEvenBytes);
    return (pairs * 0x0001000100010001ULL) >> 48;
}

} // namespace

void CsvByteCounter::add(const char *bytes, std::size_t n, Counts &counts)
{
    std::uint64_t &lines = counts.lines;
    std::uint64_t &commas = counts.commas;
    std::size_t i = 0;
#ifdef __SSE2__
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i comma = _mm_set1_epi8(',');
    while (n - i >= 16) {
        // Byte lanes count down from 0 (a match is -1) for at most 255 blocks, then are summed.
        __m128i laneLines = _mm_setzero_si128(), laneCommas = _mm_setzero_si128();
        const std::size_t stop = i + std::min<std::size_t>((n - i) / 16, 255) * 16;
        for (; i < stop; i += 16) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes + i));
            laneLines = _mm_sub_epi8(laneLines, _mm_cmpeq_epi8(block, newline));
            laneCommas = _mm_sub_epi8(laneCommas, _mm_cmpeq_epi8(block, comma));
        }
        const auto sum = [](__m128i lanes) {
            const __m128i halves = _mm_sad_epu8(lanes, _mm_setzero_si128());
            return static_cast<std::uint64_t>(_mm_cvtsi128_si32(halves)) +
                   static_cast<std::uint64_t>(_mm_cvtsi128_si32(_mm_srli_si128(halves, 8)));
        };
        lines += sum(laneLines);
        commas += sum(laneCommas);
    }
#endif
    while (n - i >= 8) {
        // Byte lanes hold at most 255 before they are summed.
        std::uint64_t laneLines = 0, laneCommas = 0;
        const std::size_t stop = i + std::min<std::size_t>((n - i) / 8, 255) * 8;
        for (; i < stop; i += 8) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            laneLines += matches(word, kOnes * '\n');
            laneCommas += matches(word, kOnes * ',');
        }
        lines += sumBytes(laneLines);
        commas += sumBytes(laneCommas);
    }
    for (; i < n; ++i) {
        lines += bytes[i] == '\n';
        commas += bytes[i] == ',';
    }
}

} // namespace hpa::core

#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hpa::core {

/// Bytes to parse: either text already in memory or an open file read piece by piece, so a
/// large metrics.csv never has to be held whole. Reads are thread-safe (pread).
class ByteSource
{
public:
    /// Views `bytes`, which must outlive the source.
    static ByteSource fromMemory(std::string_view bytes);
    /// Takes ownership of `fd` (closed on destruction); at most `size` bytes are ever read, so
    /// a file still being appended to reads as it was when it was opened.
    static ByteSource fromDescriptor(int fd, std::uint64_t size);

    ByteSource() = default;
    ByteSource(ByteSource &&other) noexcept;
    ByteSource &operator=(ByteSource &&other) noexcept;
    ByteSource(const ByteSource &) = delete;
    ByteSource &operator=(const ByteSource &) = delete;
    ~ByteSource();

    std::uint64_t size() const { return m_size; }
    /// The open file descriptor, or -1 for a source in memory.
    int descriptor() const { return m_fd; }
    /// The whole content when it is in memory, else nullptr.
    const char *memory() const { return m_memory; }

    /// Copies up to `n` bytes from `offset` into `dst`; fewer at the end or when the file
    /// shrank meanwhile. -1 on a read error (errno tells which).
    std::ptrdiff_t read(std::uint64_t offset, char *dst, std::size_t n) const;

private:
    const char *m_memory = nullptr;
    int m_fd = -1;
    std::uint64_t m_size = 0;
};

} // namespace hpa::core

#pragma once

#include <atomic>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace hpa::core {

/// The values of one column of samples: contiguous doubles whose storage copies share, so that
/// the snapshots of a followed run cost only the rows they add (ExperimentFollower).
///
/// Reading is as from a `const std::vector<double>`. The storage only ever grows at its end:
/// appending to a copy whose last value is the storage's last value writes in place, past what
/// every other copy can see (each copy has its own size), so copies held on other threads stay
/// valid and unchanged; the first copy to append wins, a later one copies first. Anything else
/// that changes values of a shared storage (a non-const data(), operator[], begin()) copies
/// first, like Qt's implicit sharing. Capacity reserved but not written is not resident memory.
///
/// One ColumnValues object is not to be used from two threads at once (like std::vector); two
/// copies of it may be, each on its own thread.
class ColumnValues
{
public:
    using value_type = double;
    using size_type = std::size_t;
    using difference_type = std::ptrdiff_t;
    using iterator = double *;
    using const_iterator = const double *;
    using reference = double &;
    using const_reference = const double &;

    ColumnValues() = default;
    /// `count` values equal to `value`.
    ColumnValues(std::size_t count, double value);
    ColumnValues(std::initializer_list<double> values);
    /// A copy of `values`: converting on purpose, as columns are built as vectors.
    ColumnValues(const std::vector<double> &values); // NOLINT(google-explicit-constructor)
    explicit ColumnValues(std::span<const double> values);
    ColumnValues(const ColumnValues &other) = default;
    ColumnValues(ColumnValues &&other) noexcept;
    ColumnValues &operator=(const ColumnValues &other) = default;
    ColumnValues &operator=(ColumnValues &&other) noexcept;
    ~ColumnValues() = default;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const double *data() const { return m_data; }
    const double &operator[](std::size_t i) const { return m_data[i]; }
    /// Throws std::out_of_range past the end.
    const double &at(std::size_t i) const;
    const double &front() const { return m_data[0]; }
    const double &back() const { return m_data[m_size - 1]; }
    const double *begin() const { return m_data; }
    const double *end() const { return m_data + m_size; }
    const double *cbegin() const { return m_data; }
    const double *cend() const { return m_data + m_size; }
    std::reverse_iterator<const double *> rbegin() const { return std::reverse_iterator(end()); }
    std::reverse_iterator<const double *> rend() const { return std::reverse_iterator(begin()); }
    operator std::span<const double>() const { return {m_data, m_size}; } // NOLINT
    std::span<const double> span() const { return {m_data, m_size}; }
    std::vector<double> toVector() const { return {m_data, m_data + m_size}; }

    /// True when this and `other` share their storage and so their first min(sizes) values
    /// (compared without reading them).
    bool sharesStorageWith(const ColumnValues &other) const
    {
        return m_data != nullptr && m_data == other.m_data;
    }

    // Changing: a shared storage is copied first, except by appending (see the class).
    double *data();
    double &operator[](std::size_t i) { return data()[i]; }
    double *begin() { return data(); }
    double *end() { return data() + m_size; }
    void push_back(double value) { append(std::span<const double>(&value, 1)); }
    /// Adds `values` at the end.
    void append(std::span<const double> values);
    /// Adds `count` values at the end, not yet written: the caller writes them (through the
    /// span returned) before any other copy is made.
    std::span<double> extend(std::size_t count);
    /// New values (when growing) are `value`.
    void resize(std::size_t count, double value = 0.0);
    void assign(std::size_t count, double value);
    void reserve(std::size_t capacity);
    void shrink_to_fit();
    void clear();
    std::size_t capacity() const;

    /// Element-wise, as std::vector's (NaN differs from NaN).
    friend bool operator==(const ColumnValues &a, const ColumnValues &b);

private:
    struct Storage
    {
        std::unique_ptr<double[]> values;
        std::size_t capacity = 0;
        /// Values written: the end every copy may append at (the last copy to append).
        std::atomic<std::size_t> used{0};
    };

    /// True when no other copy shares the storage.
    bool unique() const;
    /// Moves the values to a storage of its own with room for `capacity` values.
    void reallocate(std::size_t capacity);
    /// Room for `extra` values more, written at the end by this copy alone.
    void makeRoomAtEnd(std::size_t extra);

    std::shared_ptr<Storage> m_storage;
    double *m_data = nullptr;
    std::size_t m_size = 0;
};

/// The first finite value of `values` (null: a column the file does not have), if any.
std::optional<double> firstFinite(const ColumnValues *values);
/// The last finite value of `values`, if any.
std::optional<double> lastFinite(const ColumnValues *values);

} // namespace hpa::core

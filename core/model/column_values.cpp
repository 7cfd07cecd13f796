#include "core/model/column_values.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace hpa::core {

namespace {

/// A storage that runs out grows to twice the values it holds: appending a row at a time costs
/// amortized one copy per value, and the room not yet written is not resident.
constexpr std::size_t kMinCapacity = 16;

} // namespace

ColumnValues::ColumnValues(std::size_t count, double value)
{
    resize(count, value);
}

ColumnValues::ColumnValues(std::initializer_list<double> values)
    : ColumnValues(std::span<const double>(values.begin(), values.size()))
{}

ColumnValues::ColumnValues(const std::vector<double> &values)
    : ColumnValues(std::span<const double>(values))
{}

ColumnValues::ColumnValues(std::span<const double> values)
{
    append(values);
}

ColumnValues::ColumnValues(ColumnValues &&other) noexcept
    : m_storage(std::move(other.m_storage)), m_data(std::exchange(other.m_data, nullptr)),
      m_size(std::exchange(other.m_size, 0))
{}

ColumnValues &ColumnValues::operator=(ColumnValues &&other) noexcept
{
    if (this != &other) {
        m_storage = std::move(other.m_storage);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

const double &ColumnValues::at(std::size_t i) const
{
    if (i >= m_size)
        throw std::out_of_range("ColumnValues::at");
    return m_data[i];
}

bool ColumnValues::unique() const
{
    if (!m_storage || m_storage.use_count() != 1)
        return false;
    // use_count() is a relaxed read: this fence orders our writes after everything a copy
    // released on another thread did before it let go of the storage.
    std::atomic_thread_fence(std::memory_order_acquire);
    return true;
}

std::size_t ColumnValues::capacity() const
{
    return m_storage ? m_storage->capacity : 0;
}

void ColumnValues::reallocate(std::size_t capacity)
{
    auto storage = std::make_shared<Storage>();
    capacity = std::max(capacity, m_size);
    if (capacity > 0)
        storage->values = std::make_unique_for_overwrite<double[]>(capacity);
    storage->capacity = capacity;
    if (m_size > 0)
        std::copy(m_data, m_data + m_size, storage->values.get());
    storage->used.store(m_size, std::memory_order_relaxed);
    m_data = storage->values.get();
    m_storage = std::move(storage);
}

void ColumnValues::makeRoomAtEnd(std::size_t extra)
{
    const std::size_t needed = m_size + extra;
    if (unique()) {
        if (m_storage->capacity < needed)
            reallocate(std::max({needed, 2 * m_size, kMinCapacity}));
        m_storage->used.store(needed, std::memory_order_relaxed);
        return;
    }
    if (m_storage && m_storage->capacity >= needed) {
        // Shared: only the copy that ends where the writing ended may go on, and only once.
        std::size_t expected = m_size;
        if (m_storage->used.compare_exchange_strong(expected, needed, std::memory_order_acq_rel))
            return;
    }
    reallocate(std::max({needed, 2 * m_size, kMinCapacity}));
    m_storage->used.store(needed, std::memory_order_relaxed);
}

double *ColumnValues::data()
{
    if (m_storage && !unique())
        reallocate(m_size);
    return m_data;
}

void ColumnValues::append(std::span<const double> values)
{
    if (values.empty())
        return;
    makeRoomAtEnd(values.size());
    std::copy(values.begin(), values.end(), m_data + m_size);
    m_size += values.size();
}

std::span<double> ColumnValues::extend(std::size_t count)
{
    if (count == 0)
        return {};
    makeRoomAtEnd(count);
    const std::span<double> added(m_data + m_size, count);
    m_size += count;
    return added;
}

void ColumnValues::resize(std::size_t count, double value)
{
    if (count <= m_size) {
        m_size = count;
        if (unique())
            m_storage->used.store(count, std::memory_order_relaxed);
        return;
    }
    makeRoomAtEnd(count - m_size);
    std::fill(m_data + m_size, m_data + count, value);
    m_size = count;
}

void ColumnValues::assign(std::size_t count, double value)
{
    clear();
    resize(count, value);
}

void ColumnValues::reserve(std::size_t capacity)
{
    if (capacity > this->capacity() || (m_storage && !unique()))
        reallocate(std::max(capacity, this->capacity()));
}

void ColumnValues::shrink_to_fit()
{
    if (m_size == 0)
        clear();
    else if (unique() && m_storage->capacity > m_size)
        reallocate(m_size);
}

void ColumnValues::clear()
{
    m_storage.reset();
    m_data = nullptr;
    m_size = 0;
}

bool operator==(const ColumnValues &a, const ColumnValues &b)
{
    return a.m_size == b.m_size && std::equal(a.begin(), a.end(), b.begin());
}

std::optional<double> firstFinite(const ColumnValues *values)
{
    if (!values)
        return std::nullopt;
    const auto it =
        std::find_if(values->begin(), values->end(), [](double v) { return std::isfinite(v); });
    return it != values->end() ? std::optional<double>(*it) : std::nullopt;
}

std::optional<double> lastFinite(const ColumnValues *values)
{
    if (!values)
        return std::nullopt;
    const auto it =
        std::find_if(values->rbegin(), values->rend(), [](double v) { return std::isfinite(v); });
    return it != values->rend() ? std::optional<double>(*it) : std::nullopt;
}

} // namespace hpa::core

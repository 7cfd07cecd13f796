#include "core/model/bench_result.h"

namespace hpa::core {

const BenchField *BenchResult::field(std::string_view key) const
{
    for (const BenchField &f : fields) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

std::optional<double> BenchResult::value(std::string_view key) const
{
    const BenchField *f = field(key);
    return f ? f->value : std::nullopt;
}

std::string BenchResult::keyOf(std::string_view label)
{
    std::string key;
    key.reserve(label.size());
    bool gap = false;
    for (char c : label) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!keep) {
            gap = true;
            continue;
        }
        if (gap && !key.empty())
            key += '_';
        gap = false;
        key += c;
    }
    return key;
}

} // namespace hpa::core

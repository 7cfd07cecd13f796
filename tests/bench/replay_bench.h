#pragma once

#include <iosfwd>
#include <string>

namespace hpa::bench {

/// The HPA replay on one folder: one open-loop replay, one what-if edit (closed-loop replay and
/// its KPIs, what the What-if panel recomputes) and a 100-combination sweep over all cores,
/// each beside a naive baseline measured in the same run. Prints; asserts nothing.
class ReplayBench
{
public:
    static void run(const std::string &dir, std::ostream &out);
};

} // namespace hpa::bench

#pragma once

#include <iosfwd>

namespace hpa::bench {

/// Issue 14's speed goals: `runs` generated runs of 300 samples (the demo simulator, one seed
/// each) in nested folders; the library scan cold (every core, empty catalog) and warm (the
/// catalog, files unchanged) against the baseline of reading each run on one thread with no
/// catalog. Prints ms and ratios; asserts nothing.
class LibraryBench
{
public:
    static void run(std::ostream &out, int runs = 1000);
};

} // namespace hpa::bench

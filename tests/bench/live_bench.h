#pragma once

#include <cstddef>
#include <iosfwd>

namespace hpa::bench {

/// Following a run live (issue 17): one row appended to a run of `rows` rows already shown.
/// Times the GUI thread's share (the workspace extended, the follow mode sliding and the
/// visible charts repainted) against the GUI thread's share of a full reload (the workspace
/// given the reloaded run and repainted), and the worker's share (ExperimentFollower::poll
/// and the summary) against a full ExperimentLoader::load; prints the factors and how much
/// resident memory the appends added.
class LiveBench
{
public:
    static void run(std::ostream &out, std::size_t rows, int width, int height);
};

} // namespace hpa::bench

#pragma once

#include <functional>

namespace hpa::core {

/// Work shared by this thread and at most one more: the loader's job logs and the summary's
/// series are a list of tasks that two threads take from in turn.
class SecondThread
{
public:
    /// Runs `work` on this thread and, when `wanted` and a thread can be had, at the same time
    /// on a second one; returns when both are done. `work` must take its tasks from shared
    /// state (an atomic index), so that either thread may do any of them, or all of them when
    /// no second thread could be started. An exception thrown by `work` on the second thread
    /// is thrown here.
    static void share(const std::function<void()> &work, bool wanted);
};

} // namespace hpa::core

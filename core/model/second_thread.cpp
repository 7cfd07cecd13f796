#include "core/model/second_thread.h"

#include <future>
#include <system_error>

namespace hpa::core {

void SecondThread::share(const std::function<void()> &work, bool wanted)
{
    std::future<void> helper;
    if (wanted) {
        try {
            helper = std::async(std::launch::async, work);
        } catch (const std::system_error &) {
            // No thread to be had: this thread does all of it.
        }
    }
    work();
    if (helper.valid())
        helper.get();
}

} // namespace hpa::core

#include "app/cli/gui_loader.h"

#include <dlfcn.h>

#include <filesystem>
#include <ostream>
#include <system_error>

namespace hpa::app {

std::string GuiLoader::modulePath()
{
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return kModuleName;
    const std::filesystem::path beside = exe.parent_path() / kModuleName;
    if (std::filesystem::exists(beside, ec))
        return beside.string();
    return (exe.parent_path() / HPA_GUI_MODULE_RELATIVE_DIR / kModuleName)
        .lexically_normal()
        .string();
}

int GuiLoader::run(int argc, char **argv, std::ostream &err)
{
    const std::string path = modulePath();
    // RTLD_NOW: a missing Qt symbol shows up here, with a message, not mid-session.
    void *module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
        const char *why = ::dlerror();
        err << "hpa-lens: cannot load the window and export part (" << path
            << "): " << (why ? why : "unknown error") << "\n";
        return 1;
    }
    using Entry = int (*)(int, char **);
    auto entry = reinterpret_cast<Entry>(::dlsym(module, kEntryPoint));
    if (!entry) {
        err << "hpa-lens: " << path << " has no " << kEntryPoint << "\n";
        return 1;
    }
    // Never unloaded: Qt keeps threads and atexit handlers that live in the module.
    return entry(argc, argv);
}

} // namespace hpa::app

#include "app/cli/preset_locator.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace hpa::app {

std::string PresetLocator::directory()
{
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::filesystem::path base = ec ? std::filesystem::current_path(ec) : exe.parent_path();
    return (base / HPA_PRESET_RELATIVE_DIR).lexically_normal().string();
}

std::string PresetLocator::path(const std::string &nameOrFile)
{
    const bool isFile =
        nameOrFile.find('/') != std::string::npos ||
        (nameOrFile.size() > 5 && nameOrFile.compare(nameOrFile.size() - 5, 5, ".json") == 0);
    if (isFile)
        return nameOrFile;
    return (std::filesystem::path(directory()) / (nameOrFile + ".json")).string();
}

std::vector<std::string> PresetLocator::builtin()
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(directory(), ec))
        if (entry.path().extension() == ".json")
            names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace hpa::app

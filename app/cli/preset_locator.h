#pragma once

#include <string>
#include <vector>

namespace hpa::app {

/// Finds the import presets shipped in resources/presets/: installed in
/// PREFIX/share/hpa-lens/presets, in a build tree in BUILD/share/hpa-lens/presets, both
/// relative to the executable (so a moved prefix keeps working).
class PresetLocator
{
public:
    /// The folder of the shipped presets.
    static std::string directory();
    /// The file of preset `nameOrFile`: a path (contains '/' or ends in .json) as given, else
    /// the shipped preset of that name.
    static std::string path(const std::string &nameOrFile);
    /// Names of the shipped presets, sorted.
    static std::vector<std::string> builtin();
};

} // namespace hpa::app

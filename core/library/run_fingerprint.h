#pragma once

#include <string>

namespace hpa::core {

/// What a run's files looked like when it was read: name, size and modification time of
/// every file the loader may read (the folder's files and job-logs/*.log). Two equal
/// fingerprints mean the catalog's row still holds; any change means read it again.
class RunFingerprint
{
public:
    /// The fingerprint of `dir`; empty when the folder cannot be listed.
    static std::string of(const std::string &dir);
};

} // namespace hpa::core

#pragma once

#include <map>
#include <string>

namespace hpa::bench {

/// The straightforward way to read a job log's result block, as a script would: the file into
/// a string, split into a vector of lines on `\r` and `\n`, each line lower-cased and searched
/// with std::regex for the header, the block's lines matched with the field regex of the spec.
/// The baseline of hpa-bench's job-log figures.
class NaiveJobLogParser
{
public:
    /// Field key → value of the last block of the log at `path`.
    static std::map<std::string, double> parseFile(const std::string &path);
};

} // namespace hpa::bench

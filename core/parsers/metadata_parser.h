#pragma once

#include "core/model/experiment_metadata.h"
#include "core/model/load_warning.h"

#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

class MetadataParser
{
public:
    struct Result
    {
        ExperimentMetadata metadata;
        std::vector<LoadWarning> warnings;
    };

    /// Parses metadata.json. Invalid JSON or a non-object gives an empty metadata and one
    /// warning naming the line of the error.
    static Result parse(std::string_view content, const std::string &fileName);
};

} // namespace hpa::core

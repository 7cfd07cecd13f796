// libFuzzer target: a whole experiment folder. The input is cut at 0x1E (ASCII record
// separator) into the folder's files, in the order of kFiles; the folder is then loaded,
// summarised and dumped as the `summary --json` document.
#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"
#include "core/report/summary_json.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace fs = std::filesystem;
using hpa::fuzz::require;

namespace {

constexpr char kSeparator = '\x1e';
constexpr const char *kFiles[] = {"metrics.csv",        "metadata.json", "scaling.log",
                                  "scaling-events.log", "events.log",    "jobs.log",
                                  "monitor.log",        "job-logs/a.log"};

/// One scratch folder per fuzzing process, removed at exit.
const fs::path &scratchDir()
{
    static const fs::path dir = [] {
        std::string pattern = (fs::temp_directory_path() / "hpa-fuzz-dir-XXXXXX").string();
        require(::mkdtemp(pattern.data()) != nullptr, "mkdtemp failed");
        fs::create_directories(fs::path(pattern) / "exp-20250101-000000" / "job-logs");
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(scratchDir(), ec);
        });
        return fs::path(pattern);
    }();
    return dir;
}

void writeFile(const fs::path &path, std::string_view content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    require(out.good(), "cannot write a scratch file");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const fs::path dir = scratchDir() / "exp-20250101-000000";
    std::size_t pos = 0;
    for (const char *name : kFiles) {
        const fs::path path = dir / name;
        if (pos > input.size()) {
            std::error_code ec;
            fs::remove(path, ec);
            continue;
        }
        std::size_t end = input.find(kSeparator, pos);
        if (end == std::string_view::npos)
            end = input.size();
        writeFile(path, input.substr(pos, end - pos));
        pos = end + 1;
    }

    hpa::core::ExperimentLoader::Options options;
    options.threads = 1;
    try {
        const hpa::core::Experiment experiment = hpa::core::ExperimentLoader::load(dir, options);
        const auto summary = hpa::core::ExperimentAnalyzer::summarize(experiment);
        const std::string json = hpa::core::SummaryJson::toJson(summary).dump(
            2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        require(!json.empty(), "empty summary JSON");
    } catch (const hpa::core::LoadError &error) {
        require(std::string_view(error.what()).size() > 0, "LoadError without a message");
    }
    const auto found = hpa::core::ExperimentLoader::findExperiments(scratchDir().string());
    require(found.size() == 1, "findExperiments lost the scratch experiment");
    return 0;
}

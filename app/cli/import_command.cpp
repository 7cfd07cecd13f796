#include "app/cli/import_command.h"

#include "app/cli/preset_locator.h"
#include "core/import/prometheus_importer.h"
#include "core/io/file_reader.h"
#include "core/model/timestamp.h"

#include <charconv>
#include <cmath>
#include <ostream>
#include <stdexcept>

namespace hpa::app {

bool ImportCommand::parseOption(const std::string &option,
                                const std::function<std::string(const std::string &)> &value,
                                CommandLine &cl)
{
    if (option == "--namespace")
        cl.importNamespace = value(option);
    else if (option == "--hpa")
        cl.importHpa = value(option);
    else if (option == "--deployment")
        cl.importDeployment = value(option);
    else if (option == "--preset")
        cl.importPreset = value(option);
    else if (option == "--token-file")
        cl.tokenFile = value(option);
    else if (option == "--step") {
        const std::string text = value(option);
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size() || !(v >= 0.001 && v <= 86400))
            throw std::invalid_argument("--step expects seconds between 0.001 and 86400");
        cl.importStep = v;
    } else
        return false;
    return true;
}

void ImportCommand::checkArguments(const CommandLine &cl)
{
    if (cl.dirs.size() != 3 || cl.dirs[0] != "prometheus")
        throw std::invalid_argument("import expects: prometheus URL OUT_DIR");
    if (cl.importNamespace.empty() || cl.importHpa.empty())
        throw std::invalid_argument("import needs --namespace NS and --hpa NAME");
    if (!cl.from || !cl.to)
        throw std::invalid_argument("import needs --from TIME and --to TIME");
    for (const auto *time : {&*cl.from, &*cl.to})
        if (!parseTime(*time))
            throw std::invalid_argument("'" + *time +
                                        "' is not ISO 8601 with Z or an offset, nor Unix seconds");
}

std::optional<double> ImportCommand::parseTime(const std::string &text)
{
    const auto parsed = core::Timestamp::parse(text);
    if (!parsed || !std::isfinite(parsed->seconds))
        return std::nullopt;
    // Bare Unix seconds parse as a zoned instant; a zone-less date would be naive.
    if (parsed->naive)
        return std::nullopt;
    return parsed->seconds;
}

int ImportCommand::run(const CommandLine &cl, std::ostream &out, std::ostream &err)
{
    core::PrometheusImporter::Request request;
    request.url = cl.dirs[1];
    request.ns = cl.importNamespace;
    request.hpa = cl.importHpa;
    request.deployment = cl.importDeployment;
    request.from = *parseTime(*cl.from);
    request.to = *parseTime(*cl.to);
    request.step = cl.importStep;
    const std::string presetFile =
        PresetLocator::path(cl.importPreset.empty() ? "vllm-ksm" : cl.importPreset);
    auto loaded = core::ImportPreset::load(presetFile);
    if (!loaded.error.empty()) {
        err << "hpa-lens: " << loaded.error << '\n';
        return 2;
    }
    request.preset = std::move(loaded.preset);
    if (!cl.tokenFile.empty()) {
        const auto token = core::FileReader::read(cl.tokenFile, 64 * 1024);
        if (!token.ok) {
            err << "hpa-lens: cannot read the token: " << token.error << '\n';
            return 2;
        }
        std::string text = token.content;
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' ||
                                 text.back() == '\t'))
            text.pop_back();
        request.token = std::move(text);
    }
    const std::string &outDir = cl.dirs[2];
    core::PrometheusImporter::Options options;
    const auto result = core::PrometheusImporter::import(request, outDir, options);
    if (!result.ok) {
        err << "hpa-lens: " << result.error << '\n';
        return 2;
    }
    for (const std::string &warning : result.run.warnings)
        err << "hpa-lens: warning: " << warning << '\n';
    out << "Imported " << result.run.times.size() << " samples of HPA " << request.hpa << " from "
        << result.run.url << " into " << outDir << '\n';
    return 0;
}

} // namespace hpa::app

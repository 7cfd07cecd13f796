#include "naive_job_log_parser.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

namespace hpa::bench {

std::map<std::string, double> NaiveJobLogParser::parseFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    std::vector<std::string> lines;
    std::string current;
    for (char c : text) {
        if (c == '\r' || c == '\n') {
            lines.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    lines.push_back(current);
    static const std::regex header("=+ serving benchmark result =+");
    static const std::regex field(R"(^(.+?:)\s+(-?\d+(?:\.\d+)?|inf|nan|None)\s*$)");
    std::size_t start = lines.size();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string low = lines[i];
        std::transform(low.begin(), low.end(), low.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (std::regex_search(low, header))
            start = i;
    }
    std::map<std::string, double> fields;
    for (std::size_t i = start + 1; i < lines.size(); ++i) {
        std::smatch m;
        if (std::regex_match(lines[i], m, field))
            fields[m[1].str()] = std::atof(m[2].str().c_str());
    }
    return fields;
}

} // namespace hpa::bench

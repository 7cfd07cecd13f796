#include "naive_loader.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace hpa::bench {

namespace {

double parseTime(const std::string &cell)
{
    std::tm tm = {};
    if (std::sscanf(cell.c_str(), "%d-%d-%d%*c%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
        return std::numeric_limits<double>::quiet_NaN();
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<double>(timegm(&tm));
}

double parseValue(const std::string &cell)
{
    try {
        return std::stod(cell);
    } catch (const std::exception &) {
        return std::numeric_limits<double>::quiet_NaN();
    }
}

} // namespace

NaiveLoader::Table NaiveLoader::load(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    Table table;
    std::string line;
    if (!std::getline(in, line))
        return table;
    {
        std::stringstream header(line);
        std::string cell;
        while (std::getline(header, cell, ','))
            table.headers.push_back(cell);
    }
    table.columns.resize(table.headers.empty() ? 0 : table.headers.size() - 1);
    while (std::getline(in, line)) {
        std::stringstream row(line);
        std::string cell;
        std::size_t field = 0;
        while (std::getline(row, cell, ',')) {
            if (field == 0)
                table.time.push_back(parseTime(cell));
            else if (field - 1 < table.columns.size())
                table.columns[field - 1].push_back(parseValue(cell));
            ++field;
        }
        // Short rows still get one value per column so the columns stay aligned.
        for (std::size_t c = field == 0 ? 0 : field - 1; c < table.columns.size(); ++c)
            table.columns[c].push_back(std::numeric_limits<double>::quiet_NaN());
        if (field == 0)
            table.time.push_back(std::numeric_limits<double>::quiet_NaN());
    }
    return table;
}

} // namespace hpa::bench

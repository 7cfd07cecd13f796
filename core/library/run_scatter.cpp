#include "core/library/run_scatter.h"

#include "core/analysis/pareto_front.h"

#include <stdexcept>

namespace hpa::core {

std::optional<bool> RunScatter::lowerIsBetter(RunColumns::Id id)
{
    switch (RunColumns::column(id).better) {
    case RunColumns::Better::Lower:
        return true;
    case RunColumns::Better::Higher:
        return false;
    default:
        return std::nullopt;
    }
}

RunScatter RunScatter::of(const std::vector<RunRow> &rows, RunColumns::Id x, RunColumns::Id y)
{
    std::vector<const RunRow *> pointers;
    pointers.reserve(rows.size());
    for (const RunRow &r : rows)
        pointers.push_back(&r);
    return of(pointers, x, y);
}

RunScatter RunScatter::of(const std::vector<const RunRow *> &rows, RunColumns::Id x,
                          RunColumns::Id y)
{
    RunScatter out;
    out.x = x;
    out.y = y;
    for (const RunRow *row : rows) {
        const RunRow &r = *row;
        const auto vx = RunColumns::number(r, x), vy = RunColumns::number(r, y);
        if (!vx || !vy || r.status == RunRow::Status::Missing) {
            ++out.unplaced;
            continue;
        }
        out.points.push_back({*vx, *vy, r.name, r.path, false});
    }
    const auto lowerX = lowerIsBetter(x), lowerY = lowerIsBetter(y);
    out.hasFront = lowerX && lowerY;
    if (out.hasFront) {
        std::vector<ParetoFront::Point> pts;
        pts.reserve(out.points.size());
        for (const Point &p : out.points)
            pts.push_back({p.x, p.y});
        for (std::size_t i : ParetoFront::indices(pts, *lowerX, *lowerY))
            out.points[i].pareto = true;
    }
    return out;
}

std::pair<RunColumns::Id, RunColumns::Id> RunScatter::parseAxes(const std::string &text)
{
    if (text.empty())
        return {kDefaultX, kDefaultY};
    const auto comma = text.find(',');
    const auto number = [](const std::string &key) -> std::optional<RunColumns::Id> {
        const auto id = RunColumns::fromKey(key);
        if (!id || RunColumns::column(*id).kind != RunColumns::Kind::Number)
            return std::nullopt;
        return id;
    };
    const auto x = comma == std::string::npos ? std::nullopt : number(text.substr(0, comma));
    const auto y = comma == std::string::npos ? std::nullopt : number(text.substr(comma + 1));
    if (x && y)
        return {*x, *y};
    std::string keys;
    for (const auto &c : RunColumns::all()) {
        if (c.kind != RunColumns::Kind::Number)
            continue;
        if (!keys.empty())
            keys.append(1, ' ');
        keys.append(c.key);
    }
    throw std::invalid_argument("--scatter expects X_KEY,Y_KEY of two of: " + keys);
}

} // namespace hpa::core

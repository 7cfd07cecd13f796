#include "ui/charts/svg_polyline_merger.h"

#include <QByteArrayList>

namespace hpa::ui {

namespace {

/// One `<polyline ATTRS points="P1 P2 ... " />` line as QSvgGenerator writes it.
struct Polyline
{
    QByteArray attributes; ///< everything before points=
    QByteArrayList points;
};

bool parse(const QByteArray &line, Polyline &out)
{
    static const QByteArray open = "<polyline ";
    static const QByteArray pointsKey = "points=\"";
    static const QByteArray close = "\" />";
    if (!line.startsWith(open) || !line.endsWith(close))
        return false;
    const qsizetype at = line.indexOf(pointsKey);
    if (at < 0)
        return false;
    out.attributes = line.left(at);
    const qsizetype from = at + pointsKey.size();
    out.points = line.mid(from, line.size() - close.size() - from).simplified().split(' ');
    out.points.removeAll(QByteArray());
    return out.points.size() >= 2;
}

void flush(Polyline &run, QByteArray &out)
{
    if (run.points.isEmpty())
        return;
    out += run.attributes;
    out += "points=\"";
    out += run.points.join(' ');
    out += " \" />\n";
    run.points.clear();
}

} // namespace

QByteArray SvgPolylineMerger::merge(const QByteArray &svg)
{
    QByteArray out;
    out.reserve(svg.size());
    Polyline run;
    Polyline next;
    qsizetype pos = 0;
    while (pos < svg.size()) {
        qsizetype end = svg.indexOf('\n', pos);
        if (end < 0)
            end = svg.size();
        const QByteArray line = svg.mid(pos, end - pos);
        const bool hasNewline = end < svg.size();
        pos = end + 1;
        if (parse(line, next)) {
            if (!run.points.isEmpty() && next.attributes == run.attributes &&
                next.points.front() == run.points.back()) {
                run.points.append(next.points.mid(1));
            } else {
                flush(run, out);
                run = next;
            }
            continue;
        }
        flush(run, out);
        out += line;
        if (hasNewline)
            out += '\n';
    }
    flush(run, out);
    return out;
}

} // namespace hpa::ui

#include "ui/recent_labels.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace hpa::ui {

namespace {

/// The path's components, the folder's own name last.
QStringList parts(const QString &dir)
{
    return QDir::cleanPath(QDir::fromNativeSeparators(dir))
        .split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

/// The last `n` parent components of `p`, joined with '/'.
QString parentTail(const QStringList &p, int n)
{
    const qsizetype parents = p.size() - 1;
    const qsizetype from = std::max<qsizetype>(0, parents - n);
    return p.mid(from, parents - from).join(QLatin1Char('/'));
}

} // namespace

QStringList RecentLabels::labels(const QStringList &dirs)
{
    QStringList names;
    QHash<QString, int> count;
    for (const QString &dir : dirs) {
        names << QFileInfo(QDir::cleanPath(dir)).fileName();
        ++count[names.back()];
    }
    QStringList out;
    for (int i = 0; i < dirs.size(); ++i) {
        if (count.value(names[i]) < 2) {
            out << names[i];
            continue;
        }
        // The fewest parent components that no other entry of the same name shares.
        const QStringList mine = parts(dirs[i]);
        int n = 1;
        for (; n < mine.size(); ++n) {
            bool unique = true;
            for (int j = 0; j < dirs.size() && unique; ++j) {
                if (j != i && names[j] == names[i] &&
                    parentTail(parts(dirs[j]), n) == parentTail(mine, n))
                    unique = false;
            }
            if (unique)
                break;
        }
        out << QStringLiteral("%1 — %2").arg(names[i],
                                             QDir::toNativeSeparators(parentTail(mine, n)));
    }
    return out;
}

} // namespace hpa::ui

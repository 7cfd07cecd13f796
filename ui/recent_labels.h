#pragma once

#include <QStringList>

namespace hpa::ui {

/// Menu labels for recently opened folders: the folder's name, and where two entries share a
/// name, as much of the parent path as tells them apart ("run-1 — lab/a" and
/// "run-1 — lab/b"), so Open Recent never lists two identical lines.
class RecentLabels
{
public:
    static QStringList labels(const QStringList &dirs);
};

} // namespace hpa::ui

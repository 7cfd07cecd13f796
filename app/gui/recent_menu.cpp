#include "app/gui/recent_menu.h"

#include "ui/app_settings.h"
#include "ui/recent_labels.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>

namespace hpa::app {

RecentMenu::RecentMenu(QMenu *file, ui::AppSettings *settings, QObject *parent)
    : QObject(parent), m_menu(file->addMenu(tr("Open &Recent"))), m_settings(settings)
{
    connect(m_menu, &QMenu::aboutToShow, this, &RecentMenu::rebuild);
}

void RecentMenu::rebuild()
{
    m_menu->clear();
    const QStringList recent = m_settings->recentExperiments();
    const QStringList labels = ui::RecentLabels::labels(recent);
    for (qsizetype i = 0; i < recent.size(); ++i) {
        const QString &dir = recent[i];
        QAction *a = m_menu->addAction(labels.value(i));
        a->setToolTip(dir);
        a->setStatusTip(dir);
        // A folder that is gone stays listed but greyed out, so the user sees what happened.
        a->setEnabled(QFileInfo(dir).isDir());
        connect(a, &QAction::triggered, this, [this, dir] { emit openRequested(dir); });
    }
    if (recent.isEmpty())
        m_menu->addAction(tr("No recent experiments"))->setEnabled(false);
    m_menu->addSeparator();
    QAction *prune = m_menu->addAction(tr("Remove Missing Folders"));
    connect(prune, &QAction::triggered, this, [this] { m_settings->pruneRecentExperiments(); });
    QAction *clear = m_menu->addAction(tr("Clear List"));
    connect(clear, &QAction::triggered, this, [this] { m_settings->clearRecentExperiments(); });
}

} // namespace hpa::app

#pragma once

#include <QObject>

class QMenu;

namespace hpa::ui {
class AppSettings;
}

namespace hpa::app {

/// File → Open Recent: the recently opened folders from the settings, rebuilt each time the
/// menu is about to show (a folder that is gone stays listed, greyed out, so the user sees
/// what happened), plus Remove Missing Folders and Clear List. Choosing a folder emits
/// openRequested(); the window opens it.
class RecentMenu : public QObject
{
    Q_OBJECT
public:
    /// Adds the submenu to `file`; `settings` must outlive this object.
    RecentMenu(QMenu *file, ui::AppSettings *settings, QObject *parent = nullptr);

    QMenu *menu() const { return m_menu; }

signals:
    void openRequested(const QString &dir);

private:
    void rebuild();

    QMenu *m_menu;
    ui::AppSettings *m_settings;
};

} // namespace hpa::app

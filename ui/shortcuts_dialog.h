#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace hpa::ui {

/// Help → Keyboard Shortcuts: every menu action that has a shortcut (read from the actions
/// themselves, so the page cannot drift from the menus) and the keys and mouse gestures the
/// charts understand.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace hpa::ui

#include "ui/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hpa::ui {

namespace {

/// What the charts do on their own (ui/charts/metric_chart_view.cpp), not through actions.
struct ChartKey
{
    const char *keys;
    const char *what;
};

constexpr ChartKey kChartKeys[] = {
    {QT_TRANSLATE_NOOP("ShortcutsDialog", "+ / −"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom in / out around the centre (chart focused)")},
    {QT_TRANSLATE_NOOP("ShortcutsDialog", "← / →"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Pan by a tenth of the visible range")},
    {QT_TRANSLATE_NOOP("ShortcutsDialog", "Backspace"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Undo the last zoom")},
    {QT_TRANSLATE_NOOP("ShortcutsDialog", "Home"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Show the whole run")},
    {QT_TRANSLATE_NOOP("ShortcutsDialog", "Esc"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Cancel a zoom band being dragged")},
    {QT_TRANSLATE_NOOP("ShortcutsDialog", "Mouse wheel"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom around the pointer")},
    {QT_TRANSLATE_NOOP("ShortcutsDialog", "Drag"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom to the dragged band")},
    {QT_TRANSLATE_NOOP("ShortcutsDialog", "Shift+drag, middle drag"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Pan")},
    {QT_TRANSLATE_NOOP("ShortcutsDialog", "Click a marker"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Select the scaling event in the Events dock")},
};

} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Keys"), tr("Does")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    const auto add = [this](const QString &keys, const QString &what) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(keys));
        m_table->setItem(row, 1, new QTableWidgetItem(what));
    };
    for (const QAction *action : actions) {
        QStringList keys;
        for (const QKeySequence &k : action->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        if (keys.isEmpty())
            continue;
        add(keys.join(tr(", ")),
            action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    }
    for (const ChartKey &k : kChartKeys)
        add(tr(k.keys), tr(k.what));
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace hpa::ui

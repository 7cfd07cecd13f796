#include "ui/warnings_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hpa::ui {

namespace {

constexpr int kSortRole = Qt::UserRole + 1;

enum Column
{
    FileColumn,
    LineColumn,
    MessageColumn
};

} // namespace

WarningsDialog::WarningsDialog(QWidget *parent)
    : QDialog(parent), m_model(new QStandardItemModel(0, 3, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)),
      m_view(new QTableView(this)), m_count(new QLabel(this))
{
    m_model->setHorizontalHeaderLabels({tr("File"), tr("Line"), tr("Message")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(kSortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setPlaceholderText(tr("Filter warnings…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateCount();
    });

    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the shown warnings as text"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(visibleText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(820, 420);
    setWarnings({}, QString());
}

void WarningsDialog::setWarnings(const std::vector<core::LoadWarning> &warnings,
                                 const QString &experimentName)
{
    m_model->removeRows(0, m_model->rowCount());
    for (const core::LoadWarning &w : warnings) {
        auto *file = new QStandardItem(QString::fromStdString(w.file));
        file->setData(file->text(), kSortRole);
        auto *line = new QStandardItem(w.line > 0 ? QString::number(w.line) : QString());
        line->setData(w.line, kSortRole);
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (w.line == 0)
            line->setToolTip(tr("About the file as a whole"));
        auto *message = new QStandardItem(QString::fromStdString(w.message));
        message->setData(message->text(), kSortRole);
        message->setToolTip(message->text());
        m_model->appendRow({file, line, message});
    }
    setWindowTitle(experimentName.isEmpty() ? tr("Load warnings")
                                            : tr("Load warnings — %1").arg(experimentName));
    m_view->resizeColumnsToContents();
    updateCount();
}

QString WarningsDialog::visibleText() const
{
    QStringList lines;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QString file = m_proxy->index(r, FileColumn).data().toString();
        const QString line = m_proxy->index(r, LineColumn).data().toString();
        const QString message = m_proxy->index(r, MessageColumn).data().toString();
        lines << (line.isEmpty() ? QStringLiteral("%1: %2").arg(file, message)
                                 : QStringLiteral("%1:%2: %3").arg(file, line, message));
    }
    return lines.join(QLatin1Char('\n'));
}

void WarningsDialog::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == total ? tr("%1 warning(s)").arg(total)
                                    : tr("%1 of %2 warning(s)").arg(shown).arg(total));
}

} // namespace hpa::ui

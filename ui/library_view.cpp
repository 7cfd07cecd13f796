#include "ui/library_view.h"

#include "core/analysis/run_comparison.h"
#include "core/library/run_columns.h"
#include "ui/app_settings.h"
#include "ui/library_filter_proxy.h"
#include "ui/library_scan_controller.h"
#include "ui/library_table_model.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

using core::RunColumns;

namespace {

/// Shown at first: the columns; path, layout, status and notes are one click away.
constexpr int kMaxCompared = static_cast<int>(core::RunComparison::kMaxRuns);

bool shownByDefault(RunColumns::Id id)
{
    return id != RunColumns::Path && id != RunColumns::Notes && id != RunColumns::Layout &&
           id != RunColumns::SloItl;
}

} // namespace

LibraryView::LibraryView(LibraryScanController *scanner, AppSettings *settings, QWidget *parent)
    : QWidget(parent), m_scanner(scanner), m_settings(settings),
      m_model(new LibraryTableModel(this)), m_proxy(new LibraryFilterProxy(this)),
      m_table(new QTableView(this)), m_filter(new QLineEdit(this)),
      m_fromCheck(new QCheckBox(tr("From"), this)), m_toCheck(new QCheckBox(tr("to"), this)),
      m_from(new QDateEdit(this)), m_to(new QDateEdit(this)), m_columns(new QToolButton(this)),
      m_open(new QPushButton(tr("Open"), this)), m_compare(new QPushButton(tr("Compare"), this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("LibraryView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LibraryTableModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunColumns::Start, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::SelectedClicked);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    // Fixed row height: no per-row size hints, so 10,000 rows scroll and sort smoothly.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Each column as wide as its header (measured once, not per row), the name and start
    // wider; the user's widths from the settings replace these.
    const QFontMetrics header = m_table->horizontalHeader()->fontMetrics();
    for (const auto &c : RunColumns::all())
        m_table->setColumnWidth(
            c.id,
            std::max(70, header.horizontalAdvance(QString::fromStdString(RunColumns::label(c.id))) +
                             28));
    m_table->setColumnWidth(RunColumns::Name, 300);
    m_table->setColumnWidth(RunColumns::Start, 190);
    for (const auto &c : RunColumns::all())
        m_table->setColumnHidden(c.id, !shownByDefault(c.id));
    if (m_settings)
        m_table->horizontalHeader()->restoreState(m_settings->libraryHeaderState());

    m_filter->setPlaceholderText(tr("Filter: words in name, path, layout, tags or notes"));
    m_filter->setClearButtonEnabled(true);
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setEnabled(false);
    }
    m_fromCheck->setToolTip(tr("Only runs that started on or after this day (UTC)"));
    m_toCheck->setToolTip(tr("Only runs that started on or before this day (UTC)"));
    m_columns->setText(tr("Columns"));
    m_columns->setPopupMode(QToolButton::InstantPopup);
    buildColumnsMenu();
    m_open->setToolTip(tr("Open the selected run (or double-click it)"));
    m_progress->setMaximumWidth(240);
    m_progress->setFormat(tr("%v of %m runs"));
    m_cancel->setToolTip(tr("Stop reading runs; those read so far stay listed"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_fromCheck);
    bar->addWidget(m_from);
    bar->addWidget(m_toCheck);
    bar->addWidget(m_to);
    bar->addWidget(m_columns);
    bar->addWidget(m_open);
    bar->addWidget(m_compare);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &LibraryFilterProxy::setFilterWords);
    for (QCheckBox *c : {m_fromCheck, m_toCheck})
        connect(c, &QCheckBox::toggled, this, &LibraryView::applyDateRange);
    for (QDateEdit *d : {m_from, m_to}) {
        // Only the user changes a day (followDateSpan blocks these signals): from then on the
        // span of the runs no longer moves it.
        connect(d, &QDateEdit::dateChanged, this, [this] {
            m_datesChosen = true;
            applyDateRange();
        });
    }
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != RunColumns::Tags && index.column() != RunColumns::Notes)
            emit openRun(index.data(LibraryTableModel::PathRole).toString());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QStringList paths = selectedPaths();
        if (!paths.isEmpty())
            emit openRun(paths.front());
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QStringList paths = selectedPaths();
        if (paths.size() >= 2 && paths.size() <= kMaxCompared)
            emit compareRuns(paths);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LibraryView::updateButtons);
    connect(m_cancel, &QPushButton::clicked, m_scanner, &LibraryScanController::cancel);
    connect(m_model, &LibraryTableModel::userTextEdited, m_scanner,
            &LibraryScanController::saveUserText);
    connect(m_scanner, &LibraryScanController::warning, m_status, &QLabel::setText);
    connect(m_scanner, &LibraryScanController::started, this, [this](const QString &root) {
        m_model->clear();
        m_warnings.clear();
        m_progress->setRange(0, 0);
        m_progress->show();
        m_cancel->show();
        m_status->setText(tr("Looking for experiments under %1…").arg(root));
    });
    connect(m_scanner, &LibraryScanController::rowsReady, m_model, &LibraryTableModel::addRows);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LibraryView::followDateSpan);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LibraryView::followDateSpan);
    connect(m_scanner, &LibraryScanController::progress, this, [this](int done, int found) {
        if (found > 0) {
            m_progress->setRange(0, found);
            m_progress->setValue(done);
        }
    });
    connect(m_scanner, &LibraryScanController::finished, this, &LibraryView::onScanFinished);
    m_progress->hide();
    m_cancel->hide();
    followDateSpan();
    updateButtons();
}

LibraryView::~LibraryView() = default;

void LibraryView::saveState()
{
    if (m_settings)
        m_settings->setLibraryHeaderState(m_table->horizontalHeader()->saveState());
}

void LibraryView::buildColumnsMenu()
{
    auto *menu = new QMenu(m_columns);
    for (const auto &c : RunColumns::all()) {
        QAction *a = menu->addAction(QString::fromStdString(RunColumns::label(c.id)));
        a->setCheckable(true);
        a->setChecked(!m_table->isColumnHidden(c.id));
        a->setEnabled(c.id != RunColumns::Name); // a row needs its name
        connect(a, &QAction::toggled, this, [this, id = c.id](bool on) {
            m_table->setColumnHidden(id, !on);
            saveState();
        });
    }
    connect(menu, &QMenu::aboutToShow, this, [this, menu] {
        const auto actions = menu->actions();
        for (int i = 0; i < actions.size(); ++i)
            actions[i]->setChecked(!m_table->isColumnHidden(i));
    });
    m_columns->setMenu(menu);
}

std::optional<std::pair<QDate, QDate>> LibraryView::startDateSpan(const LibraryTableModel &model)
{
    std::optional<double> first, last;
    for (const core::RunRow &r : model.runs()) {
        if (!r.startSeconds)
            continue;
        first = first ? std::min(*first, *r.startSeconds) : *r.startSeconds;
        last = last ? std::max(*last, *r.startSeconds) : *r.startSeconds;
    }
    if (!first)
        return std::nullopt;
    const auto day = [](double s) {
        return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(std::floor(s)), Qt::UTC).date();
    };
    return std::pair(day(*first), day(*last));
}

void LibraryView::followDateSpan()
{
    if (m_datesChosen)
        return;
    // Ticking From or To then keeps every listed run until the user moves a day; today's
    // date would have hidden every run of another day.
    const auto span = startDateSpan(*m_model);
    const QSignalBlocker blockFrom(m_from), blockTo(m_to);
    m_from->setDate(span ? span->first : QDate::currentDate());
    m_to->setDate(span ? span->second : QDate::currentDate());
    applyDateRange();
}

void LibraryView::applyDateRange()
{
    m_from->setEnabled(m_fromCheck->isChecked());
    m_to->setEnabled(m_toCheck->isChecked());
    const auto seconds = [](QDate d) {
        return static_cast<double>(QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    };
    std::optional<double> from, to;
    if (m_fromCheck->isChecked())
        from = seconds(m_from->date());
    if (m_toCheck->isChecked())
        to = seconds(m_to->date().addDays(1)); // the whole last day
    m_proxy->setDateRange(from, to);
}

void LibraryView::onScanFinished(bool cancelled, const QStringList &warnings, int fromCatalog,
                                 int read)
{
    m_progress->hide();
    m_cancel->hide();
    m_warnings = warnings;
    QString text = cancelled ? tr("Cancelled: %n run(s) listed", nullptr, m_model->rowCount())
                             : tr("%n run(s)", nullptr, m_model->rowCount());
    text += tr(" (%1 read, %2 unchanged from the catalog)").arg(read).arg(fromCatalog);
    if (!warnings.isEmpty())
        text += tr(" · %n warning(s): %1", nullptr, static_cast<int>(warnings.size()))
                    .arg(warnings.front());
    m_status->setText(text);
    m_status->setToolTip(warnings.join(QLatin1Char('\n')));
}

QStringList LibraryView::selectedPaths() const
{
    QStringList paths;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        paths << i.data(LibraryTableModel::PathRole).toString();
    return paths;
}

void LibraryView::updateButtons()
{
    const int n = static_cast<int>(m_table->selectionModel()->selectedRows().size());
    m_open->setEnabled(n >= 1);
    m_compare->setEnabled(n >= 2 && n <= kMaxCompared);
    m_compare->setText(n > 2 && n <= kMaxCompared ? tr("Compare %1 Runs").arg(n) : tr("Compare"));
    m_compare->setToolTip(
        n > kMaxCompared ? tr("At most %1 runs can be overlaid (one colour each)").arg(kMaxCompared)
                         : tr("Overlay 2 to %1 selected runs on elapsed time; the first "
                              "selected is A, the baseline of the deltas")
                               .arg(kMaxCompared));
}

} // namespace hpa::ui

#include "ui/event_browser.h"

#include "ui/event_filter_proxy.h"
#include "ui/event_table_model.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTextOption>
#include <QVBoxLayout>

#include <algorithm>

namespace hpa::ui {

namespace {

/// The width a cell of `field` needs for EventTableModel::typicalWidestText.
int typicalWidth(const QTableView *view, EventTableModel::Field field)
{
    // As the item delegate measures a cell (QStyledItemDelegate::sizeHint), for a text as
    // wide as the column's usual widest: the dock is as wide for every run.
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    // The "≈" cells (a sample, not the log line) are italic.
    option.font.setItalic(field == EventTableModel::Field::Waiting ||
                          field == EventTableModel::Field::KvCache);
    option.fontMetrics = QFontMetrics(option.font);
    option.text = EventTableModel::typicalWidestText(field);
    option.features = QStyleOptionViewItem::HasDisplay;
    if (field == EventTableModel::Field::Kind) {
        option.features |= QStyleOptionViewItem::HasDecoration;
        const int icon = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
        option.decorationSize = QSize(icon, icon);
    }
    if (option.text.isEmpty())
        return 0;
    const int grid = view->showGrid() ? 1 : 0;
    return view->style()
               ->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), view)
               .width() +
           grid;
}

} // namespace

EventBrowser::EventBrowser(QWidget *parent)
    : QWidget(parent), m_model(new EventTableModel(this)), m_proxy(new EventFilterProxy(this)),
      m_kindCombo(new QComboBox(this)), m_search(new QLineEdit(this)),
      m_stack(new QStackedWidget(this)), m_view(new QTableView(m_stack)),
      m_empty(new QLabel(tr("No scaling events in this experiment"), m_stack)),
      m_details(new QPlainTextEdit(this)), m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);

    m_kindCombo->addItem(tr("All kinds"));
    for (core::EventKind kind :
         {core::EventKind::ScaleUp, core::EventKind::ScaleDown, core::EventKind::ReplicasChanged}) {
        m_kindCombo->addItem(QString::fromUtf8(core::eventKindLabel(kind)), static_cast<int>(kind));
    }
    m_kindCombo->setToolTip(tr("Show only events of this kind"));
    m_search->setPlaceholderText(tr("Search events…"));
    m_search->setClearButtonEnabled(true);

    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    // Every column fits the dock, one run or two (fitColumns).
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setMinimumSectionSize(24);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_details->setReadOnly(true);
    // Log lines are long; the dock is narrow. Wrapped, the whole line is readable.
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select an event to see its full log text"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_kindCombo);
    filters->addWidget(m_search, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_stack);
    splitter->addWidget(m_details);
    // The list is what users scan; the details pane needs only a few lines until selected.
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 120});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_count);

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &EventBrowser::onKindChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Filtering can move the current row; that is not the user picking an event.
        const QScopedValueRollback guard(m_selectingProgrammatically, true);
        m_proxy->setSearchText(text);
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    // Filtering may drop the selected row; keep the details pane in step.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this,
            [this] { updateDetails(m_view->currentIndex()); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this,
            [this] { updateDetails(m_view->currentIndex()); });

    setSources({});
}

void EventBrowser::setSources(const QVector<ChartSource> &sources)
{
    const QScopedValueRollback guard(m_selectingProgrammatically, true);
    // A followed run's new rows keep the table, its selection and its column widths.
    int inserted = 0;
    if (m_model->extendSources(sources, &inserted)) {
        if (inserted > 0)
            fitColumns();
        const bool any = m_model->rowCount() > 0;
        m_stack->setCurrentWidget(any ? static_cast<QWidget *>(m_view)
                                      : static_cast<QWidget *>(m_empty));
        m_kindCombo->setEnabled(any);
        m_search->setEnabled(any);
        m_details->setVisible(any);
        updateCount();
        return;
    }
    m_model->setSources(sources);
    fitColumns();
    // Before anything is loaded there is no experiment to have no events.
    m_empty->setText(sources.isEmpty() ? tr("No experiment open")
                                       : tr("No scaling events in this experiment"));
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view)
                                                      : static_cast<QWidget *>(m_empty));
    const bool any = m_model->rowCount() > 0;
    m_kindCombo->setEnabled(any);
    m_search->setEnabled(any);
    m_details->setVisible(any);
    updateDetails({});
    updateCount();
}

void EventBrowser::fitColumns()
{
    // Every column is as wide as its contents, at any scale and window size ("…15:57:54" and
    // "Scale…" misled at 200 %): none stretches or elides. The browser asks for the width of
    // them all (sizeHint), at least as wide as an ordinary run's cells so the dock keeps one
    // width across runs; a window too narrow to give it scrolls the table sideways instead.
    QHeaderView *header = m_view->horizontalHeader();
    const QAbstractItemView *view = m_view; // sizeHintForColumn is public here
    int needed = 2 * m_view->frameWidth() +
                 m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view) +
                 2 * layout()->contentsMargins().left();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const EventTableModel::Field field = m_model->fieldAt(c);
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
        // Two runs' clock times do not line up (Elapsed does) and the column would squeeze
        // Kind and From → To out of a dock of the default width: the log pane shows the
        // selected event's line with its time.
        const bool hidden = field == EventTableModel::Field::Time &&
                            m_model->columnOf(EventTableModel::Field::Run) >= 0;
        m_view->setColumnHidden(c, hidden);
        if (!hidden)
            needed += std::max({view->sizeHintForColumn(c), header->sectionSizeHint(c),
                                typicalWidth(m_view, field)});
    }
    // Only ever wider: the dock does not jump narrower and back between runs.
    if (needed > m_preferredWidth) {
        m_preferredWidth = needed;
        updateGeometry();
    }
}

QSize EventBrowser::sizeHint() const
{
    const QSize hint = QWidget::sizeHint();
    return {std::max(hint.width(), m_preferredWidth), hint.height()};
}

void EventBrowser::selectEvent(int sourceIndex, int eventIndex)
{
    const int row = m_model->rowOf(sourceIndex, eventIndex);
    if (row < 0)
        return;
    const QModelIndex sourceIndexInModel = m_model->index(row, 0);
    QModelIndex proxyIndex = m_proxy->mapFromSource(sourceIndexInModel);
    if (!proxyIndex.isValid()) {
        m_kindCombo->setCurrentIndex(0);
        m_search->clear();
        proxyIndex = m_proxy->mapFromSource(sourceIndexInModel);
    }
    if (!proxyIndex.isValid())
        return;
    {
        const QScopedValueRollback guard(m_selectingProgrammatically, true);
        m_view->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    }
    m_view->scrollTo(proxyIndex, QAbstractItemView::EnsureVisible);
    updateDetails(proxyIndex);
}

void EventBrowser::onKindChanged(int comboIndex)
{
    const QScopedValueRollback guard(m_selectingProgrammatically, true);
    const QVariant kind = m_kindCombo->itemData(comboIndex);
    m_proxy->setKindFilter(
        kind.isValid() ? std::optional(static_cast<core::EventKind>(kind.toInt())) : std::nullopt);
    updateCount();
}

void EventBrowser::onCurrentRowChanged(const QModelIndex &current)
{
    updateDetails(current);
    if (m_selectingProgrammatically || !current.isValid())
        return;
    // The monitor's first reading has no marker on the charts to go to.
    if (current.data(EventTableModel::MonitorStartRole).toBool())
        return;
    emit eventSelected(current.data(EventTableModel::SourceIndexRole).toInt(),
                       current.data(EventTableModel::EventIndexRole).toInt(),
                       current.data(EventTableModel::XRole).toDouble());
}

void EventBrowser::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const int starts = m_model->monitorStartCount();
    // Every line of the log is a row; the monitor's first reading is said apart, as it is
    // in no count of scaling events.
    QString events = total == 1 ? tr("1 event") : tr("%1 events").arg(total);
    if (starts > 0)
        events += starts == 1 ? tr(" (1 monitor start)") : tr(" (%1 monitor starts)").arg(starts);
    if (total == 0)
        m_count->setText(tr("No events"));
    else if (m_proxy->isFiltering())
        m_count->setText(tr("%1, %2 shown").arg(events).arg(shown));
    else
        m_count->setText(events);
}

void EventBrowser::updateDetails(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid()) {
        m_details->clear();
        return;
    }
    const QModelIndex index = m_proxy->index(proxyIndex.row(), 0);
    QString header;
    const QString run =
        m_model->sources().size() > 1
            ? m_model->sources().value(index.data(EventTableModel::SourceIndexRole).toInt()).label
            : QString();
    if (!run.isEmpty())
        header = tr("Run %1 · ").arg(run);
    header += index.data(Qt::ToolTipRole).toString();
    m_details->setPlainText(header + QStringLiteral("\n\n") +
                            index.data(EventTableModel::TextRole).toString());
}

} // namespace hpa::ui

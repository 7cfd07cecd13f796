#include "ui/comparison_view.h"

#include "ui/comparison_table_model.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace hpa::ui {

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_view(new QTableView(this)),
      m_model(new ComparisonTableModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_metadataTitle(new QLabel(this)),
      m_metadata(new QTableWidget(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(ComparisonTableModel::Statistic);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setPlaceholderText(tr("Filter statistics (e.g. ttft, replicas, p90)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(
        m_filter->fontMetrics().horizontalAdvance(m_filter->placeholderText()) + 40);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setModel(m_proxy);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ComparisonTableModel::Statistic,
                                                     QHeaderView::Stretch);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);

    m_metadataTitle->setText(tr("<b>Settings that differ</b>"));
    m_metadata->setColumnCount(3);
    m_metadata->setHorizontalHeaderLabels({tr("Setting"), tr("A"), tr("B")});
    m_metadata->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_metadata->verticalHeader()->hide();
    m_metadata->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy as text"));
    copy->setToolTip(tr("Copy the comparison table to the clipboard, tab-separated"));
    connect(copy, &QToolButton::clicked, this, &ComparisonView::copyAsText);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_filter);
    top->addWidget(copy);

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_metadataTitle);
    lowerLayout->addWidget(m_metadata);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
}

QString ComparisonView::titleText(const core::RunComparison &comparison) const
{
    const std::size_t n = comparison.runCount();
    QStringList names;
    for (std::size_t i = 0; i < n; ++i)
        names << tr("<b>%1</b>: %2")
                     .arg(QString::fromStdString(core::RunComparison::letter(i)),
                          QString::fromStdString(comparison.summaries()[i].name).toHtmlEscaped());
    QString title = names.join(QStringLiteral(" &nbsp;&nbsp; "));
    title += n == 2 ? tr("<br><span>Green: B is better, red: B is worse (a smaller share of "
                         "samples over a threshold, lower latency and fewer replicas per hour "
                         "of run are better). Differences within a measurement's resolution "
                         "(shown as ±) are not coloured.</span>")
                    : tr("<br><span>Each run against A: green where it did better than A, red "
                         "where worse, as a comparison of A with that run alone grades it. "
                         "Differences within a measurement's resolution (±) are not "
                         "coloured.</span>");
    for (std::size_t i = 1; i < n; ++i) {
        const core::ExperimentComparison &pair = comparison.pair(i);
        const core::LoadProfileMatch &load = pair.loadProfile();
        const QString detail = QString::fromStdString(load.detail).toHtmlEscaped();
        const QString who =
            n == 2 ? QString()
                   : tr(" (%1 vs A)").arg(QString::fromStdString(core::RunComparison::letter(i)));
        title += load.kind == core::LoadProfileMatch::Kind::Same
                     ? tr("<br><b>Same load profile</b>%1: %2").arg(who, detail)
                 : load.kind == core::LoadProfileMatch::Kind::Different
                     ? tr("<br><b>Load profiles differ</b>%1: %2").arg(who, detail)
                     : tr("<br>Load profile unknown%1: %2").arg(who, detail);
        if (pair.sameRun())
            title += tr("<br><b>A and %1 are the same run</b> (%2): every difference is zero.")
                         .arg(QString::fromStdString(core::RunComparison::letter(i)),
                              QString::fromStdString(pair.summaryA().path).toHtmlEscaped());
    }
    return title;
}

void ComparisonView::setComparison(std::optional<core::RunComparison> comparison)
{
    m_metadata->setRowCount(0);
    if (comparison) {
        m_title->setText(titleText(*comparison));
        const std::size_t n = comparison->runCount();
        QStringList headers{tr("Setting")};
        for (std::size_t i = 0; i < n; ++i)
            headers << QString::fromStdString(core::RunComparison::letter(i));
        m_metadata->setColumnCount(static_cast<int>(n) + 1);
        m_metadata->setHorizontalHeaderLabels(headers);
        const auto &diffs = comparison->settingDifferences();
        m_metadata->setRowCount(static_cast<int>(diffs.size()));
        for (int i = 0; i < static_cast<int>(diffs.size()); ++i) {
            const core::RunSettingDifference &d = diffs[static_cast<std::size_t>(i)];
            m_metadata->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(d.key)));
            for (std::size_t r = 0; r < n; ++r)
                m_metadata->setItem(i, static_cast<int>(r) + 1,
                                    new QTableWidgetItem(d.values[r]
                                                             ? QString::fromStdString(*d.values[r])
                                                             : QStringLiteral("—")));
        }
        m_metadataTitle->setText(diffs.empty() ? tr("<b>Settings that differ</b>: none")
                                               : tr("<b>Settings that differ</b>"));
    } else {
        m_title->setText(tr("Compare experiments with File → Compare With…, or select 2 to 8 "
                            "runs in the library (File → Open Library…)"));
    }
    m_model->setComparison(std::move(comparison));
    m_view->resizeColumnsToContents();
    m_view->horizontalHeader()->setSectionResizeMode(ComparisonTableModel::Statistic,
                                                     QHeaderView::Stretch);
}

void ComparisonView::copyAsText()
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < m_proxy->columnCount(); ++c)
        header << m_proxy->headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            cells << m_proxy->index(r, c).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

} // namespace hpa::ui

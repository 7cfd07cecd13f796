#include "ui/comparison_view.h"

#include "ui/comparison_table_model.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace hpa::ui {

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_view(new QTableView(this)),
      m_model(new ComparisonTableModel(this)), m_metadataTitle(new QLabel(this)),
      m_metadata(new QTableWidget(this))
{
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setModel(m_model);
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

void ComparisonView::setComparison(std::optional<core::ExperimentComparison> comparison)
{
    m_metadata->setRowCount(0);
    if (comparison) {
        QString title =
            tr("<b>A</b>: %1 &nbsp;&nbsp; <b>B</b>: %2<br><span>Green: B is better, red: B is "
               "worse (a smaller share of samples over a threshold, lower latency and fewer "
               "replicas per hour of run are better). Differences within a measurement's "
               "resolution (shown as ±) are not coloured.</span>")
                .arg(QString::fromStdString(comparison->summaryA().name).toHtmlEscaped(),
                     QString::fromStdString(comparison->summaryB().name).toHtmlEscaped());
        const core::LoadProfileMatch &load = comparison->loadProfile();
        const QString detail = QString::fromStdString(load.detail).toHtmlEscaped();
        title += load.kind == core::LoadProfileMatch::Kind::Same
                     ? tr("<br><b>Same load profile</b>: %1").arg(detail)
                 : load.kind == core::LoadProfileMatch::Kind::Different
                     ? tr("<br><b>Load profiles differ</b>: %1").arg(detail)
                     : tr("<br>Load profile unknown: %1").arg(detail);
        if (comparison->sameRun())
            title += tr("<br><b>A and B are the same run</b> (%1): every difference is zero.")
                         .arg(QString::fromStdString(comparison->summaryA().path).toHtmlEscaped());
        m_title->setText(title);
        const auto &diffs = comparison->metadataDifferences();
        m_metadata->setRowCount(static_cast<int>(diffs.size()));
        for (int i = 0; i < static_cast<int>(diffs.size()); ++i) {
            const core::MetadataDifference &d = diffs[static_cast<std::size_t>(i)];
            auto cell = [](const std::optional<std::string> &v) {
                return new QTableWidgetItem(v ? QString::fromStdString(*v) : QStringLiteral("—"));
            };
            m_metadata->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(d.key)));
            m_metadata->setItem(i, 1, cell(d.a));
            m_metadata->setItem(i, 2, cell(d.b));
        }
        m_metadataTitle->setText(diffs.empty() ? tr("<b>Settings that differ</b>: none")
                                               : tr("<b>Settings that differ</b>"));
    } else {
        m_title->setText(tr("Compare two experiments with File → Compare With…"));
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
    for (int c = 0; c < m_model->columnCount(); ++c)
        header << m_model->headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c)
            cells << m_model->index(r, c).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

} // namespace hpa::ui

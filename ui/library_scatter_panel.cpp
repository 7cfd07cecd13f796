#include "ui/library_scatter_panel.h"

#include "core/library/run_columns.h"
#include "core/library/run_scatter.h"
#include "ui/app_settings.h"
#include "ui/charts/run_scatter_chart.h"
#include "ui/library_filter_proxy.h"
#include "ui/library_table_model.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace hpa::ui {

using core::RunColumns;

LibraryScatterPanel::LibraryScatterPanel(LibraryFilterProxy *runs, AppSettings *settings,
                                         QWidget *parent)
    : QWidget(parent), m_runs(runs), m_settings(settings), m_x(new QComboBox(this)),
      m_y(new QComboBox(this)), m_export(new QPushButton(tr("Export…"), this)),
      m_chart(new RunScatterChart(this)), m_refresh(new QTimer(this))
{
    setObjectName(QStringLiteral("LibraryScatterPanel"));
    for (const auto &c : RunColumns::all()) {
        if (c.kind != RunColumns::Kind::Number)
            continue;
        const QString label = QString::fromStdString(RunColumns::label(c.id));
        const QString key = QString::fromUtf8(c.key.data(), static_cast<qsizetype>(c.key.size()));
        m_x->addItem(label, key);
        m_y->addItem(label, key);
    }
    const QStringList saved = m_settings ? m_settings->libraryScatterAxes() : QStringList();
    if (saved.size() != 2 || !setAxes(saved[0], saved[1]))
        setAxes(QStringLiteral("replica_hours"), QStringLiteral("theta_u_pct"));
    m_export->setToolTip(tr("Write the scatter as PNG, SVG or PDF"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Scatter:"), this));
    bar->addWidget(m_x);
    bar->addWidget(new QLabel(tr("against"), this));
    bar->addWidget(m_y);
    bar->addStretch(1);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_chart, 1);

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(150);
    connect(m_refresh, &QTimer::timeout, this, &LibraryScatterPanel::refresh);
    for (QComboBox *box : {m_x, m_y})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (m_settings)
                m_settings->setLibraryScatterAxes(
                    {m_x->currentData().toString(), m_y->currentData().toString()});
            refresh();
        });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_runs, signal, this, &LibraryScatterPanel::scheduleRefresh);
    connect(m_runs, &QAbstractItemModel::modelReset, this, &LibraryScatterPanel::scheduleRefresh);
    connect(m_runs, &QAbstractItemModel::layoutChanged, this,
            &LibraryScatterPanel::scheduleRefresh);
    connect(m_runs, &QAbstractItemModel::dataChanged, this, &LibraryScatterPanel::scheduleRefresh);
    connect(m_chart, &RunScatterChart::runClicked, this, &LibraryScatterPanel::openRun);
    connect(m_export, &QPushButton::clicked, this, &LibraryScatterPanel::exportChart);
    refresh();
}

bool LibraryScatterPanel::setAxes(const QString &xKey, const QString &yKey)
{
    const int x = m_x->findData(xKey), y = m_y->findData(yKey);
    if (x < 0 || y < 0)
        return false;
    const QSignalBlocker bx(m_x), by(m_y);
    m_x->setCurrentIndex(x);
    m_y->setCurrentIndex(y);
    refresh();
    return true;
}

void LibraryScatterPanel::scheduleRefresh()
{
    if (!m_refresh->isActive())
        m_refresh->start();
}

void LibraryScatterPanel::refresh()
{
    const auto xId = RunColumns::fromKey(m_x->currentData().toString().toStdString());
    const auto yId = RunColumns::fromKey(m_y->currentData().toString().toStdString());
    if (!xId || !yId)
        return;
    const auto *model = qobject_cast<const LibraryTableModel *>(m_runs->sourceModel());
    std::vector<const core::RunRow *> rows;
    for (int row = 0; model && row < m_runs->rowCount(); ++row)
        rows.push_back(&model->run(m_runs->mapToSource(m_runs->index(row, 0)).row()));
    m_chart->setScatter(core::RunScatter::of(rows, *xId, *yId));
}

void LibraryScatterPanel::exportChart()
{
    const QString start = QDir::home().filePath(QStringLiteral("library-scatter.png"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Scatter"), start, tr("PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_chart->exportTo(path, QSize(1600, 1000), &error))
        QMessageBox::warning(this, tr("Export Failed"), error);
}

} // namespace hpa::ui

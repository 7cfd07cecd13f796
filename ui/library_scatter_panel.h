#pragma once

#include <QWidget>

class QComboBox;
class QPushButton;
class QTimer;

namespace hpa::ui {

class AppSettings;
class LibraryFilterProxy;
class RunScatterChart;

/// Any two numeric library columns against each other across the runs the table shows (its
/// filter applies), replica-hours vs θU % by default, with the Pareto front; export to PNG,
/// SVG or PDF. Follows the table as rows arrive or the filter changes.
class LibraryScatterPanel : public QWidget
{
    Q_OBJECT
public:
    LibraryScatterPanel(LibraryFilterProxy *runs, AppSettings *settings, QWidget *parent = nullptr);

    RunScatterChart *chart() const { return m_chart; }
    /// Chooses the axes by column key (core::RunColumns); false when a key is not numeric.
    bool setAxes(const QString &xKey, const QString &yKey);
    /// Rebuilds the points now (otherwise done shortly after the table changes).
    void refresh();

signals:
    void openRun(const QString &path);

private:
    void scheduleRefresh();
    void exportChart();

    LibraryFilterProxy *m_runs;
    AppSettings *m_settings;
    QComboBox *m_x, *m_y;
    QPushButton *m_export;
    RunScatterChart *m_chart;
    QTimer *m_refresh;
};

} // namespace hpa::ui

#pragma once

#include "core/analysis/experiment_summary.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTextBrowser;
class QToolButton;

namespace hpa::ui {

/// Everything core computes about one experiment, grouped like the notebook's report, with the
/// correlation matrix as a heat map. Lives in a side dock.
class StatisticsView : public QWidget
{
    Q_OBJECT
public:
    explicit StatisticsView(QWidget *parent = nullptr);

    void setSummary(const core::ExperimentSummary &summary);
    void clear();
    bool hasSummary() const { return m_summary.has_value(); }

    /// The HTML shown; empty without a summary.
    QString html() const;
    QTextBrowser *browser() const { return m_browser; }
    QToolButton *copyButton() const { return m_copy; }

    /// Background of a correlation cell: blue for negative, red for positive, stronger with |r|,
    /// blended over `base`.
    static QColor correlationColor(double r, const QColor &base);
    /// Black or white, whichever reads better on `background`.
    static QColor readableTextColor(const QColor &background);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void copyAsText();

    std::optional<core::ExperimentSummary> m_summary;
    QString m_html;
    QStackedWidget *m_stack;
    QTextBrowser *m_browser;
    QLabel *m_empty;
    QToolButton *m_copy;
};

} // namespace hpa::ui

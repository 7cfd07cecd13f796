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

    /// The HTML shown (or to be shown once visible); empty without a summary.
    QString html() const;
    /// False: while hidden (its dock closed or behind another tab) the view only keeps the
    /// summary and lays the page out when shown. A followed run gives a new summary every few
    /// seconds; laying out its page takes ~20 ms of the GUI thread at a million rows.
    void setRenderWhileHidden(bool render) { m_renderWhileHidden = render; }
    QTextBrowser *browser() const { return m_browser; }
    QToolButton *copyButton() const { return m_copy; }

    /// Background of a correlation cell: blue for negative, red for positive, stronger with |r|,
    /// blended over `base`.
    static QColor correlationColor(double r, const QColor &base);
    /// Black or white, whichever reads better on `background`.
    static QColor readableTextColor(const QColor &background);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    /// Renders now, or marks the page stale while hidden (setRenderWhileHidden(false)).
    void refresh();
    void render();
    QString buildHtml() const;
    void copyAsText();

    std::optional<core::ExperimentSummary> m_summary;
    QString m_html;
    bool m_renderWhileHidden = true;
    bool m_stale = false; ///< m_browser does not show m_summary yet
    QStackedWidget *m_stack;
    QTextBrowser *m_browser;
    QLabel *m_empty;
    QToolButton *m_copy;
};

} // namespace hpa::ui

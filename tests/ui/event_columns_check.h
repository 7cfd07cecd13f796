#pragma once

// Issue 11, point 14 (and the audit of it): in the events dock of a shown window, every visible
// column is wide enough for its longest cell, so no time reads "…15:57:54" and no kind
// "Scale…", at any screen scale and window size; where the window is wide enough, every column
// lies inside the viewport (no sideways scrolling).

#include "ui/event_browser.h"
#include "ui/event_filter_proxy.h"
#include "ui/event_table_model.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QStringList>
#include <QStyle>
#include <QTableView>

namespace event_columns {

/// The problems found ("Time: 61 px for \"2025-11-24 15:57:54\" (needs 120)"), none when every
/// visible column shows its longest text whole and, with `inView`, without scrolling sideways.
inline QStringList elidedColumns(const hpa::ui::EventBrowser &browser, bool inView)
{
    QStringList problems;
    // QAbstractItemView: sizeHintForColumn is public there (protected in QTableView).
    const QAbstractItemView *view = browser.view();
    const QAbstractItemModel *model = view->model();
    const QHeaderView *header = browser.view()->horizontalHeader();
    const QFontMetrics fm(view->font());
    // The item delegate's text margins (QCommonStyle: focus-frame margin + 1 on each side).
    const int margin =
        2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
    for (int c = 0; c < model->columnCount(); ++c) {
        if (header->isSectionHidden(c))
            continue;
        QString longest;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString text = model->index(r, c).data().toString();
            if (fm.horizontalAdvance(text) > fm.horizontalAdvance(longest))
                longest = text;
        }
        const int width = header->sectionSize(c);
        const int needs = fm.horizontalAdvance(longest) + margin;
        const QString name = model->headerData(c, Qt::Horizontal).toString();
        if (width < needs || width < view->sizeHintForColumn(c)) {
            problems << QStringLiteral("%1: %2 px for \"%3\" (needs %4)")
                            .arg(name)
                            .arg(width)
                            .arg(longest)
                            .arg(std::max(needs, view->sizeHintForColumn(c)));
        }
        const int right = header->sectionViewportPosition(c) + width;
        if (inView && right > view->viewport()->width()) {
            problems << QStringLiteral("%1: ends at %2 px, the table shows %3")
                            .arg(name)
                            .arg(right)
                            .arg(view->viewport()->width());
        }
    }
    return problems;
}

} // namespace event_columns

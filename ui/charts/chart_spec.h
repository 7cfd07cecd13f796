#pragma once

#include "ui/charts/chart_source.h"

#include <QString>
#include <QVector>

#include <string>

namespace hpa::ui {

enum class ChartKind
{
    Replicas,
    Waiting,
    KvCache,
    Latency,
    RequestRate,
    Jobs,
    Extra
};

/// One logical line of a chart (drawn once per source that has the column).
struct SeriesSpec
{
    std::string key; ///< metrics column (metric_keys.h)
    QString name;    ///< legend text without the source prefix
    int colorIndex = 0;
    bool dashed = false;
    bool step = false;          ///< a count that holds until the next sample
    bool rightAxis = false;     ///< on the chart's second value axis
    bool zeroIsMissing = false; ///< values <= 0 are gaps (latencies: 0.00 = no answer)
    bool target = false;        ///< an HPA target: drawn red and dashed, primary source only
};

/// What one chart of the stack shows.
struct ChartSpec
{
    ChartKind kind = ChartKind::Extra;
    QString title;
    QString titleToolTip; ///< shown over the title; empty: none
    QString yTitle;
    QString rightTitle; ///< empty: no second value axis
    QVector<SeriesSpec> series;
    bool fixedPercent = false; ///< y fixed to 0..100
    bool startAtZero = true;
    bool integerAxis = false;
    bool shadeAboveTarget = false;

    /// The seven charts for these sources, in stack order. The KV chart's title names the
    /// unit rule each source used; the extra chart lists every unknown numeric column.
    static QVector<ChartSpec> standard(const QVector<ChartSource> &sources);

    /// Data keys (no targets) of this spec that the source's table has.
    QVector<std::string> presentKeys(const ChartSource &source) const;
    /// True when some source has data series of this spec and none of them is collected
    /// (core::CollectedSeries): the chart then says so instead of drawing flat lines.
    bool isNotCollected(const QVector<ChartSource> &sources) const;
    /// What is known about the data series that are not collected, one clause per run and
    /// series: "TTFT (ms), ITL (ms): all 71 values are 0: not collected". Empty when every
    /// series is collected.
    QString notCollectedMessage(const QVector<ChartSource> &sources) const;
};

} // namespace hpa::ui

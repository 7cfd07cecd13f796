#include "ui/charts/chart_spec.h"

#include "core/model/collected_series.h"
#include "core/model/metric_keys.h"

#include <QStringList>

#include <algorithm>

namespace hpa::ui {

namespace keys = core::keys;

namespace {

SeriesSpec line(std::string_view key, const QString &name, int color)
{
    SeriesSpec s;
    s.key = std::string(key);
    s.name = name;
    s.colorIndex = color;
    return s;
}

SeriesSpec stepLine(std::string_view key, const QString &name, int color, bool dashed = false)
{
    SeriesSpec s = line(key, name, color);
    s.step = true;
    s.dashed = dashed;
    return s;
}

SeriesSpec targetLine(std::string_view key, const QString &name)
{
    SeriesSpec s = stepLine(key, name, 0, true);
    s.target = true;
    return s;
}

QString unitWords(core::KvCacheUnit unit)
{
    switch (unit) {
    case core::KvCacheUnit::Fraction:
        return QStringLiteral("from fractions");
    case core::KvCacheUnit::Percent:
        return QStringLiteral("as written");
    case core::KvCacheUnit::Milli:
        return QStringLiteral("from milli-units");
    }
    return {};
}

/// Plain words in the title ("KV cache usage (%, from fractions)"); the rule that chose the
/// unit ("target 0.5 <= 1: fraction") goes to the title's tooltip.
QString kvTitle(const QVector<ChartSource> &sources)
{
    QStringList words;
    for (const ChartSource &source : sources) {
        if (!source.experiment || source.experiment->kvRule.reason.empty())
            continue;
        const QString w = unitWords(source.experiment->kvRule.unit);
        words << (source.label.isEmpty() ? w : source.label + QStringLiteral(" ") + w);
    }
    words.removeDuplicates();
    if (words.size() == 2 && sources.size() == 2 &&
        unitWords(sources[0].experiment->kvRule.unit) ==
            unitWords(sources[1].experiment->kvRule.unit))
        words = {unitWords(sources[0].experiment->kvRule.unit)};
    return words.isEmpty() ? QStringLiteral("KV cache usage (%)")
                           : QStringLiteral("KV cache usage (%, %1)").arg(words.join(", "));
}

QString kvTitleToolTip(const QVector<ChartSource> &sources)
{
    QStringList rules;
    for (const ChartSource &source : sources) {
        if (!source.experiment || source.experiment->kvRule.reason.empty())
            continue;
        const QString reason = QString::fromStdString(source.experiment->kvRule.reason);
        rules << (source.label.isEmpty() ? reason : source.label + QStringLiteral(": ") + reason);
    }
    if (rules.isEmpty())
        return {};
    return QStringLiteral("How metrics.csv wrote KV cache usage, and the rule that decided it: ") +
           rules.join(QStringLiteral("; ")) +
           QStringLiteral(". View → KV Cache Unit overrides it.");
}

QStringList extraKeys(const QVector<ChartSource> &sources)
{
    QStringList out;
    for (const ChartSource &source : sources) {
        if (!source.experiment)
            continue;
        for (const core::MetricColumn &column : source.experiment->metrics.columns()) {
            const QString key = QString::fromStdString(column.key);
            // Predictions are drawn beside what they predicted (replicas, latency).
            const bool prediction = column.key == keys::PredictedReplicas ||
                                    column.key == keys::PredictedTtftMs ||
                                    column.key == keys::PredictedItlMs;
            if (!keys::isKnownKey(column.key) && !prediction && !out.contains(key))
                out << key;
        }
    }
    return out;
}

} // namespace

QVector<ChartSpec> ChartSpec::standard(const QVector<ChartSource> &sources)
{
    QVector<ChartSpec> specs;

    ChartSpec replicas;
    replicas.kind = ChartKind::Replicas;
    replicas.title = QStringLiteral("Replicas");
    replicas.yTitle = QStringLiteral("Pods");
    replicas.integerAxis = true;
    replicas.series = {stepLine(keys::Replicas, QStringLiteral("Current replicas"), 0),
                       stepLine(keys::DesiredReplicas, QStringLiteral("Desired replicas"), 1, true),
                       stepLine(keys::PredictedReplicas,
                                QStringLiteral("Predicted replicas (WVA model)"), 4, true)};
    specs << replicas;

    ChartSpec waiting;
    waiting.kind = ChartKind::Waiting;
    waiting.title = QStringLiteral("Waiting requests (queue)");
    waiting.yTitle = QStringLiteral("Requests");
    waiting.shadeAboveTarget = true;
    waiting.series = {line(keys::Waiting, QStringLiteral("Waiting requests"), 0),
                      targetLine(keys::WaitingTarget, QStringLiteral("Target"))};
    specs << waiting;

    ChartSpec kv;
    kv.kind = ChartKind::KvCache;
    kv.title = kvTitle(sources);
    kv.titleToolTip = kvTitleToolTip(sources);
    kv.yTitle = QStringLiteral("Percent");
    kv.fixedPercent = true;
    kv.series = {line(keys::KvCachePct, QStringLiteral("KV cache usage"), 2),
                 targetLine(keys::KvCacheTargetPct, QStringLiteral("Target"))};
    specs << kv;

    ChartSpec latency;
    latency.kind = ChartKind::Latency;
    latency.title = QStringLiteral("Latency: time to first token and inter-token latency");
    latency.yTitle = QStringLiteral("TTFT (ms)");
    latency.rightTitle = QStringLiteral("ITL (ms)");
    SeriesSpec ttft = line(keys::TtftMs, QStringLiteral("TTFT (ms, left)"), 3);
    ttft.zeroIsMissing = true;
    SeriesSpec itl = line(keys::ItlMs, QStringLiteral("ITL (ms, right)"), 4);
    itl.zeroIsMissing = true;
    itl.rightAxis = true;
    // A model-based WVA's predictions, dashed in the colour of what they predict.
    SeriesSpec predictedTtft = line(keys::PredictedTtftMs, QStringLiteral("Predicted TTFT"), 3);
    predictedTtft.dashed = true;
    predictedTtft.zeroIsMissing = true;
    SeriesSpec predictedItl = line(keys::PredictedItlMs, QStringLiteral("Predicted ITL"), 4);
    predictedItl.dashed = true;
    predictedItl.zeroIsMissing = true;
    predictedItl.rightAxis = true;
    latency.series = {ttft, itl, predictedTtft, predictedItl};
    specs << latency;

    ChartSpec rate;
    rate.kind = ChartKind::RequestRate;
    rate.title = QStringLiteral("Request rate");
    rate.yTitle = QStringLiteral("req/min");
    rate.series = {line(keys::RequestRate, QStringLiteral("Successful requests per minute"), 5)};
    specs << rate;

    ChartSpec jobs;
    jobs.kind = ChartKind::Jobs;
    jobs.title = QStringLiteral("Load-generator jobs");
    jobs.yTitle = QStringLiteral("Jobs");
    jobs.integerAxis = true;
    jobs.series = {stepLine(keys::ActiveJobs, QStringLiteral("Active jobs"), 0),
                   stepLine(keys::CompletedJobs, QStringLiteral("Completed jobs"), 2)};
    specs << jobs;

    ChartSpec extra;
    extra.kind = ChartKind::Extra;
    extra.title = QStringLiteral("Other columns");
    extra.yTitle = QStringLiteral("Value");
    extra.startAtZero = false;
    int color = 0;
    for (const QString &key : extraKeys(sources))
        extra.series << line(key.toStdString(),
                             QString::fromStdString(core::keys::displayName(key.toStdString())),
                             color++);
    specs << extra;
    return specs;
}

QVector<std::string> ChartSpec::presentKeys(const ChartSource &source) const
{
    QVector<std::string> out;
    if (!source.experiment)
        return out;
    for (const SeriesSpec &s : series) {
        if (!s.target && source.experiment->metrics.has(s.key))
            out << s.key;
    }
    return out;
}

bool ChartSpec::isNotCollected(const QVector<ChartSource> &sources) const
{
    bool any = false;
    for (const ChartSource &source : sources) {
        for (const std::string &key : presentKeys(source)) {
            any = true;
            if (core::CollectedSeries::isCollected(key, *source.experiment->metrics.values(key)))
                return false;
        }
    }
    return any;
}

QString ChartSpec::notCollectedMessage(const QVector<ChartSource> &sources) const
{
    QStringList clauses;
    for (const ChartSource &source : sources) {
        // Series of one run with the same text share one clause.
        QStringList names;
        QString text;
        const auto flush = [&] {
            if (names.isEmpty())
                return;
            const QString prefix =
                source.label.isEmpty() ? QString() : source.label + QStringLiteral(": ");
            clauses << prefix + names.join(QStringLiteral(", ")) + QStringLiteral(": ") + text;
            names.clear();
        };
        for (const std::string &key : presentKeys(source)) {
            const auto &values = *source.experiment->metrics.values(key);
            if (core::CollectedSeries::isCollected(key, values))
                continue;
            const QString t =
                QString::fromStdString(core::CollectedSeries::notCollectedText(values));
            if (!names.isEmpty() && t != text)
                flush();
            text = t;
            names << QString::fromStdString(core::keys::displayName(key));
        }
        flush();
    }
    return clauses.join(QStringLiteral("; "));
}

} // namespace hpa::ui

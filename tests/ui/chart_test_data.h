#pragma once

// Experiments for the chart tests: the shared examples when present, one written into a
// temporary folder (so the tests run without them), and a large one built in memory.

#include "core/load/experiment_loader.h"
#include "core/model/metric_keys.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <memory>
#include <string>

namespace chart_test {

namespace keys = hpa::core::keys;
using ExperimentPtr = std::shared_ptr<const hpa::core::Experiment>;

inline QString sharedExample(const char *name)
{
    return QStringLiteral(HPA_SHARED_DIR "/examples/") + QLatin1String(name);
}

inline ExperimentPtr load(const QString &dir)
{
    return std::make_shared<hpa::core::Experiment>(
        hpa::core::ExperimentLoader::load(dir.toStdString()));
}

/// A newer-layout run: 120 samples 5 s apart from 10:00:00 with a two-minute hole after
/// sample 60, collected TTFT/ITL with a zero inside, a user's `gpu_util` column, and three
/// scaling events at 10:01:00 (up), 10:01:20 (replicas) and 10:06:00 (down).
inline ExperimentPtr writeSmallExperiment(const QTemporaryDir &dir)
{
    QFile csv(dir.filePath(QStringLiteral("metrics.csv")));
    if (!csv.open(QIODevice::WriteOnly))
        return {};
    QTextStream out(&csv);
    out << "timestamp,replicas,desired_replicas,num_requests_waiting,num_requests_waiting_target,"
           "kv_cache_usage_perc,kv_cache_usage_target,ttft_ms,itl_ms,request_rate_per_min,"
           "active_jobs,gpu_util\n";
    for (int i = 0; i < 120; ++i) {
        const int t = i * 5 + (i > 60 ? 120 : 0);
        const int replicas = i < 16 ? 1 : (i < 80 ? 3 : 2);
        const double ttft = i == 30 ? 0.0 : 100.0 + i;
        out << QStringLiteral("2025-11-24 10:%1:%2,%3,%3,%4,2,%5,0.5,%6,%7,%8,1,%9\n")
                   .arg(t / 60, 2, 10, QLatin1Char('0'))
                   .arg(t % 60, 2, 10, QLatin1Char('0'))
                   .arg(replicas)
                   .arg(i % 7)
                   .arg(0.3 + 0.005 * i)
                   .arg(ttft)
                   .arg(20 + i % 3)
                   .arg(30 + i % 5)
                   .arg(50 + i % 10);
    }
    csv.close();
    QFile log(dir.filePath(QStringLiteral("scaling-events.log")));
    if (!log.open(QIODevice::WriteOnly))
        return {};
    log.write("[2025-11-24 10:00:00] Monitor started - collecting metrics every 5s\n"
              "[2025-11-24 10:01:00] SCALE UP TRIGGERED: 1 -> 3 (waiting: 6, cache: 0.4)\n"
              "[2025-11-24 10:01:20] REPLICAS CHANGED: 1 -> 3\n"
              "[2025-11-24 10:06:00] SCALE DOWN TRIGGERED: 3 -> 2 (waiting: 0, cache: 0.7)\n");
    log.close();
    return load(dir.path());
}

/// `rows` samples one second apart: replicas stepping every 1000 s, noisy waiting requests
/// with one spike of 99999 at row rows/2 + 7, constant targets.
inline ExperimentPtr makeLargeExperiment(int rows)
{
    auto experiment = std::make_shared<hpa::core::Experiment>();
    experiment->name = "large";
    hpa::core::MetricsTable &table = experiment->metrics;
    table.reserve(static_cast<std::size_t>(rows));
    for (std::string_view key : {keys::Replicas, keys::DesiredReplicas, keys::Waiting,
                                 keys::WaitingTarget, keys::KvCachePct, keys::ActiveJobs})
        table.addColumn(std::string(key), std::string(key));
    for (int i = 0; i < rows; ++i) {
        const double replicas = 1 + (i / 1000) % 10;
        const double waiting = i == rows / 2 + 7 ? 99999.0 : std::fmod(i * 7919.0, 113.0);
        table.appendRow(1.7e9 + i, i + 2,
                        {replicas, replicas + (i % 3 == 0 ? 1 : 0), waiting, 20,
                         std::fmod(i * 31.0, 100.0), static_cast<double>(i % 4)});
    }
    return experiment;
}

} // namespace chart_test

// The latency chart and the client-side latency of placed `vllm bench serve` jobs (issue 15):
// without server-side latency the jobs' TTFT median/P99 segments are drawn on a scale of their
// own under the caption; when the server collected latency too, both are shown on the TTFT
// axis and the legend names each ("server-side" vs "client-side, per job (vllm bench)").
#include "chart_stack_fixture.h"

#include "core/model/bench_job.h"
#include "ui/charts/job_bars.h"

using namespace chart_test;

namespace {

hpa::core::BenchField field(const char *label, const char *key, double value)
{
    hpa::core::BenchField f;
    f.label = label;
    f.key = key;
    f.text = std::to_string(value);
    f.value = value;
    return f;
}

/// `base` with one job placed over samples 10-50, median TTFT 250 ms and P99 1800 ms.
std::shared_ptr<hpa::core::Experiment> withJob(const ExperimentPtr &base)
{
    auto run = std::make_shared<hpa::core::Experiment>(*base);
    const auto &t = run->metrics.time();
    hpa::core::BenchJob job;
    job.name = "load-1";
    job.placement.method = hpa::core::JobPlacement::Method::Schedule;
    job.placement.start = t[10];
    job.placement.end = t[50];
    hpa::core::BenchResult result;
    result.complete = true;
    result.fields = {field("Median TTFT (ms):", "median_ttft_ms", 250),
                     field("P99 TTFT (ms):", "p99_ttft_ms", 1800)};
    job.result = result;
    run->jobs.push_back(job);
    return run;
}

MetricChartView *latencyChart(Fixture &f)
{
    return f.chart(ChartKind::Latency);
}

QStringList legendNames(const MetricChartView *view)
{
    QStringList names;
    for (const ChartLegend::Entry &e : view->metricChart()->chartLegend()->entries())
        names << e.name;
    return names;
}

/// Pixels of `color` (within a small tolerance) on row `y` of `image` between x0 and x1.
int rowPixels(const QImage &image, int y, int x0, int x1, const QColor &color)
{
    int n = 0;
    for (int x = std::max(0, x0); x <= std::min(image.width() - 1, x1); ++x) {
        for (int dy = -1; dy <= 1; ++dy) {
            if (y + dy < 0 || y + dy >= image.height())
                continue;
            const QColor p = image.pixelColor(x, y + dy);
            if (std::abs(p.red() - color.red()) < 40 && std::abs(p.green() - color.green()) < 40 &&
                std::abs(p.blue() - color.blue()) < 40) {
                ++n;
                break;
            }
        }
    }
    return n;
}

} // namespace

class TestClientLatencyChart : public QObject
{
    Q_OBJECT

private slots:
    void bothServerAndClientAreShownAndLabelled();
    void clientOnlyWhenTheServerCollectedNone();
};

void TestClientLatencyChart::bothServerAndClientAreShownAndLabelled()
{
    QTemporaryDir dir;
    const ExperimentPtr base = writeSmallExperiment(dir);
    QVERIFY(base);
    const auto run = withJob(base);
    Fixture f({sourceOf(run)});
    MetricChartView *view = latencyChart(f);
    QVERIFY(view);
    const MetricChart *chart = view->metricChart();
    QVERIFY(!chart->isNotCollected());
    QVERIFY(chart->clientLatencyOnAxis());
    const QStringList names = legendNames(view);
    const QString joined = names.join(QLatin1Char('|'));
    QVERIFY2(names.contains(QStringLiteral("server-side TTFT (ms, left)")), qPrintable(joined));
    QVERIFY2(names.contains(QStringLiteral("TTFT median, client-side, per job (vllm bench)")),
             qPrintable(joined));
    QVERIFY2(names.contains(QStringLiteral("TTFT P99, client-side, per job (vllm bench)")),
             qPrintable(joined));
    // The server's line is still drawn and the TTFT axis reaches the client P99.
    bool serverLine = false;
    for (const Curve &c : chart->curves())
        serverLine = serverLine || (c.name.startsWith(QStringLiteral("server-side TTFT")) &&
                                    !c.segments.isEmpty());
    QVERIFY(serverLine);
    const AxisScale &scale = chart->axes().leftAxis().scale;
    QVERIFY2(scale.max >= 1800, qPrintable(QString::number(scale.max)));

    // The median segment is painted on the TTFT axis over the job's span, in the job's colour.
    QApplication::processEvents();
    const QImage image = view->grab().toImage();
    const QRectF plot = view->plotRect();
    const auto &t = run->metrics.time();
    const double x0 = view->viewportX(t[10] - t.front()), x1 = view->viewportX(t[50] - t.front());
    const auto yOf = [&](double v) {
        return int(plot.bottom() - (v - scale.min) / (scale.max - scale.min) * plot.height());
    };
    const QColor job = chart->chartPalette().seriesColor(0, false);
    const int median = rowPixels(image, yOf(250), int(x0) + 2, int(x1) - 2, job);
    QVERIFY2(median > (x1 - x0) * 0.6,
             qPrintable(QStringLiteral("%1 of %2").arg(median).arg(int(x1 - x0))));

    // Without the job: no client-side entries, the server's lines keep their plain names.
    Fixture plain({sourceOf(base)});
    QVERIFY(!latencyChart(plain)->metricChart()->clientLatencyOnAxis());
    const QStringList plainNames = legendNames(latencyChart(plain));
    QVERIFY(plainNames.contains(QStringLiteral("TTFT (ms, left)")));
    QVERIFY(!plainNames.join(QLatin1Char('|')).contains(QStringLiteral("client-side")));
}

void TestClientLatencyChart::clientOnlyWhenTheServerCollectedNone()
{
    QTemporaryDir dir;
    const ExperimentPtr base = writeSmallExperiment(dir);
    QVERIFY(base);
    auto run = withJob(base);
    // As in the newer-layout runs: the server-side latency columns are all zero.
    for (std::string_view key : {keys::TtftMs, keys::ItlMs})
        run->metrics.setColumn(std::string(key), std::string(key),
                               std::vector<double>(run->metrics.rowCount(), 0.0));
    Fixture f({sourceOf(run)});
    const MetricChart *chart = latencyChart(f)->metricChart();
    QVERIFY(chart->isNotCollected());
    QVERIFY(!chart->clientLatencyOnAxis());
    // The segments are drawn on their own scale under their caption (JobBars::paintClientLatency);
    // the legend has no server-side lines to tell them from.
    const QStringList names = legendNames(latencyChart(f));
    QVERIFY2(!names.join(QLatin1Char('|')).contains(QStringLiteral("server-side")),
             qPrintable(names.join(QLatin1Char('|'))));
    QVERIFY(!names.contains(JobBars::medianLegendName()));
}

QTEST_MAIN(TestClientLatencyChart)
#include "tst_client_latency_chart.moc"

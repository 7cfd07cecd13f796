#include "core/parsers/experiment_config_parser.h"

#include <QFile>
#include <QTest>

using hpa::core::ExperimentConfigParser;

class TestExperimentConfigParser : public QObject
{
    Q_OBJECT

private slots:
    void workloads();
    void badDelayIsAWarning();
    void otherListsAreIgnored();
    void realConfig();
};

void TestExperimentConfigParser::workloads()
{
    const auto r = ExperimentConfigParser::parse("name: x\n"
                                                 "workloads:\n"
                                                 "  - name: phase-1 # first\n"
                                                 "    job_manifest: \"a.yaml\"\n"
                                                 "    duration: 900\n"
                                                 "    start_delay: 0  # now\n"
                                                 "  -\n"
                                                 "    name: 'phase-2'\n"
                                                 "    start_delay: 120.5\n"
                                                 "output:\n"
                                                 "  - name: not-a-job\n",
                                                 "experiment-config.yaml");
    QVERIFY(r.warnings.empty());
    QCOMPARE(r.schedule.jobs.size(), std::size_t{2});
    QCOMPARE(r.schedule.jobs[0].name, std::string("phase-1"));
    QCOMPARE(r.schedule.jobs[0].manifest, std::string("a.yaml"));
    QCOMPARE(*r.schedule.jobs[0].duration, 900.0);
    QCOMPARE(*r.schedule.jobs[0].startDelay, 0.0);
    QCOMPARE(r.schedule.jobs[0].line, 3);
    QCOMPARE(r.schedule.jobs[1].name, std::string("phase-2"));
    QCOMPARE(*r.schedule.jobs[1].startDelay, 120.5);
    QVERIFY(!r.schedule.jobs[1].duration);
}

void TestExperimentConfigParser::badDelayIsAWarning()
{
    const auto r = ExperimentConfigParser::parse("jobs:\n  - name: a\n    start_delay: soon\n",
                                                 "experiment-config.yaml");
    QCOMPARE(r.schedule.jobs.size(), std::size_t{1});
    QVERIFY(!r.schedule.jobs[0].startDelay);
    QCOMPARE(r.warnings.size(), std::size_t{1});
    QCOMPARE(r.warnings[0].line, 3);
    QVERIFY(r.warnings[0].message.find("soon") != std::string::npos);
}

void TestExperimentConfigParser::otherListsAreIgnored()
{
    const auto r = ExperimentConfigParser::parse("steps:\n  - name: a\n    start_delay: 5\n",
                                                 "experiment-config.yaml");
    QVERIFY(r.schedule.jobs.empty());
    QVERIFY(r.warnings.empty());
}

void TestExperimentConfigParser::realConfig()
{
    QFile file(QStringLiteral(HPA_SHARED_DIR "/examples/wva/model-based-high-parallel-"
                                             "20251209-224705/experiment-config.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("../shared/examples/wva is absent");
    const QByteArray text = file.readAll();
    const auto r = ExperimentConfigParser::parse(
        std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
        "experiment-config.yaml");
    // Three phases at 0, 120 and 240 s, 900 s each (the file's `workloads:`).
    QCOMPARE(r.schedule.jobs.size(), std::size_t{3});
    QCOMPARE(r.schedule.jobs[2].name, std::string("phase-3-high-sustained"));
    QCOMPARE(*r.schedule.jobs[1].startDelay, 120.0);
    QCOMPARE(*r.schedule.jobs[2].startDelay, 240.0);
    QCOMPARE(*r.schedule.jobs[2].duration, 900.0);
}

QTEST_APPLESS_MAIN(TestExperimentConfigParser)
#include "tst_experiment_config_parser.moc"

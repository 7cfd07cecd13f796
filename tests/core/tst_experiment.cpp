// Experiment::displayName: the one name a run is shown and exported under.
#include "core/model/experiment.h"

#include <QTest>

#include <string>

using hpa::core::Experiment;

class TestExperiment : public QObject
{
    Q_OBJECT

private slots:
    void displayName_data();
    void displayName();
};

void TestExperiment::displayName_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("metadata"); ///< metadata.json as written
    QTest::addColumn<QString>("expected");

    // resources/examples/demo-hpa-20251201-100000: the name inside differs from the folder's.
    QTest::newRow("metadata name wins") << "demo-hpa-20251201-100000"
                                        << R"({"experiment_name": "hpa-lens-demo-20251201-100000"})"
                                        << "hpa-lens-demo-20251201-100000";
    // ../shared/examples/high-load-hpa-20251124-155733 has no metadata.json.
    QTest::newRow("no metadata") << "high-load-hpa-20251124-155733"
                                 << "{}"
                                 << "high-load-hpa-20251124-155733";
    QTest::newRow("empty name") << "run-1"
                                << R"({"experiment_name": ""})"
                                << "run-1";
    QTest::newRow("other keys only") << "run-2"
                                     << R"({"namespace": "llm-d"})"
                                     << "run-2";
}

void TestExperiment::displayName()
{
    QFETCH(QString, folder);
    QFETCH(QString, metadata);
    QFETCH(QString, expected);
    Experiment e;
    e.name = folder.toStdString();
    e.metadata.json = nlohmann::ordered_json::parse(metadata.toStdString());
    QCOMPARE(QString::fromStdString(e.displayName()), expected);
}

QTEST_GUILESS_MAIN(TestExperiment)
#include "tst_experiment.moc"

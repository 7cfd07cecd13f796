#include "core/load/scaling_event_loader.h"
#include "core/model/experiment.h"
#include "test_files.h"

#include <QtTest>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using hpa::test::fileLines;

using hpa::core::EventKind;
using hpa::core::EventTextForm;
using hpa::core::Experiment;
using hpa::core::ScalingEventLoader;

namespace {

const std::filesystem::path kBothLogs = HPA_TEST_DATA_DIR "/event_texts/both-logs";

// 2025-11-20 14:00:00, UTC or naive read as UTC: both logs share one clock.
constexpr double k1400 = 1763647200.0;

/// Lines [first, last] (1-based) of `lines` joined by `\n`.
std::string joined(const std::vector<std::string> &lines, int first, int last)
{
    std::string text;
    for (int i = first; i <= last; ++i)
        text += lines[std::size_t(i - 1)] + (i < last ? "\n" : "");
    return text;
}

} // namespace

class TestScalingEventLoader : public QObject
{
    Q_OBJECT

private slots:
    void mergedLogs_data();
    void mergedLogs();
    void missingLogs();
};

void TestScalingEventLoader::mergedLogs_data()
{
    QTest::addColumn<bool>("keepText");
    QTest::newRow("text kept") << true;
    QTest::newRow("text not kept") << false;
}

void TestScalingEventLoader::mergedLogs()
{
    QFETCH(bool, keepText);

    const ScalingEventLoader::Result e = ScalingEventLoader::load(kBothLogs, keepText);
    QVERIFY(e.warnings.empty());
    QCOMPARE(e.hpaDescription, std::string("Name:          vllm-hpa-combined"));

    // By time; at 14:05:42 both logs have an event and scaling.log's (read first) stays first.
    struct Expected
    {
        const char *file;
        int line;
        double time;
        EventKind kind;
        int from, to;
    };
    const Expected expected[] = {
        {"scaling-events.log", 4, k1400 + 4 * 60 + 0.5, EventKind::ReplicasChanged, 2, 3},
        {"scaling-events.log", 1, k1400 + 5 * 60, EventKind::ScaleUp, 1, 2},
        {"scaling.log", 5, k1400 + 5 * 60 + 42, EventKind::ScaleUp, 1, 2},
        {"scaling-events.log", 2, k1400 + 5 * 60 + 42, EventKind::ReplicasChanged, 1, 2},
        {"scaling.log", 19, k1400 + 6 * 60 + 17, EventKind::ReplicasChanged, 1, 2},
        {"scaling-events.log", 3, k1400 + 6 * 60 + 30, EventKind::ScaleDown, 2, 1},
    };
    QCOMPARE(e.events.size(), std::size(expected));
    const auto legacy = fileLines(kBothLogs / "scaling.log");
    const auto newer = fileLines(kBothLogs / "scaling-events.log");
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        const auto &event = e.events[i];
        QCOMPARE(e.eventTexts.file(event), std::string_view(expected[i].file));
        QCOMPARE(event.line, expected[i].line);
        QCOMPARE(event.time, expected[i].time);
        QCOMPARE(event.kind, expected[i].kind);
        QCOMPARE(event.from, expected[i].from);
        QCOMPARE(event.to, expected[i].to);
        if (!keepText) {
            QCOMPARE(event.textForm, EventTextForm::None);
            QCOMPARE(e.eventTexts.text(event), std::string());
        }
    }
    QCOMPARE(e.eventTexts.files().size(), std::size_t(2));
    if (!keepText) {
        QCOMPARE(e.eventTexts.bufferSize(), std::size_t(0));
        return;
    }
    // A block runs from its separator line to the last line before the blank one; a line is
    // itself. Line 4 of scaling-events.log has a fraction of a second: kept whole.
    QCOMPARE(e.eventTexts.text(e.events[0]), newer[3]);
    QCOMPARE(e.events[0].textForm, EventTextForm::Whole);
    QCOMPARE(e.eventTexts.text(e.events[1]), newer[0]);
    QCOMPARE(e.eventTexts.text(e.events[2]), joined(legacy, 4, 16));
    QCOMPARE(e.eventTexts.text(e.events[3]), newer[1]);
    QCOMPARE(e.eventTexts.text(e.events[4]), joined(legacy, 18, 30));
    QCOMPARE(e.eventTexts.text(e.events[5]), newer[2]);
    QVERIFY(e.eventTexts.text(e.events[4]).ends_with("New size: 2"));
}

void TestScalingEventLoader::missingLogs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ScalingEventLoader::Result e = ScalingEventLoader::load(dir.path().toStdString());
    QVERIFY(e.warnings.empty());
    QVERIFY(e.events.empty());
    QCOMPARE(e.eventTexts.bufferSize(), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestScalingEventLoader)
#include "tst_scaling_event_loader.moc"

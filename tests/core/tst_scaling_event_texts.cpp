#include "core/model/scaling_event_texts.h"

#include <QtTest>

#include <array>
#include <string>

using hpa::core::EventKind;
using hpa::core::EventTextForm;
using hpa::core::ScalingEvent;
using hpa::core::ScalingEventTexts;

namespace {

// 2025-11-24 16:02:07 read as if it were UTC.
constexpr double k160207 = 1764000127.0;

ScalingEvent makeEvent(EventKind kind, int from, int to)
{
    ScalingEvent e;
    e.time = k160207;
    e.kind = kind;
    e.from = from;
    e.to = to;
    return e;
}

} // namespace

class TestScalingEventTexts : public QObject
{
    Q_OBJECT

private slots:
    void filesAreSharedByName();
    void wholeAndRebuiltTexts();
    void notKeptReadsEmpty();
    void appendRepointsEvents();
};

void TestScalingEventTexts::filesAreSharedByName()
{
    ScalingEventTexts texts;
    QCOMPARE(texts.addFile("scaling.log"), std::uint8_t(0));
    QCOMPARE(texts.addFile("scaling-events.log"), std::uint8_t(1));
    QCOMPARE(texts.addFile("scaling.log"), std::uint8_t(0));
    ScalingEvent e;
    e.file = 1;
    QCOMPARE(texts.file(e), std::string_view("scaling-events.log"));
    e.file = 2; // no such name
    QCOMPARE(texts.file(e), std::string_view());
}

void TestScalingEventTexts::wholeAndRebuiltTexts()
{
    ScalingEventTexts texts;
    ScalingEvent block = makeEvent(EventKind::ScaleUp, 1, 2);
    texts.store(block, "SCALING EVENT at 2025-11-24T16:02:07Z\nPrevious: 1\n\nCurrent: 2");
    ScalingEvent up = makeEvent(EventKind::ScaleUp, 5, 9);
    texts.storeLine(up, "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9 (waiting: 355)");
    ScalingEvent down = makeEvent(EventKind::ScaleDown, 10, 9);
    texts.storeLine(down, "[2025-11-24 16:02:07] SCALE DOWN TRIGGERED: 10 -> 9");
    ScalingEvent changed = makeEvent(EventKind::ReplicasChanged, 1, 5);
    texts.storeLine(changed, "[2025-11-24 16:02:07] REPLICAS CHANGED: 1 -> 5");
    // Words of another kind than the event's: nothing can be rebuilt, the line stays whole.
    ScalingEvent odd = makeEvent(EventKind::ReplicasChanged, 1, 5);
    texts.storeLine(odd, "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 1 -> 5");

    QCOMPARE(block.textForm, EventTextForm::Whole);
    QCOMPARE(texts.text(block),
             std::string("SCALING EVENT at 2025-11-24T16:02:07Z\nPrevious: 1\n\nCurrent: 2"));
    QCOMPARE(up.textForm, EventTextForm::LineTail);
    QCOMPARE(texts.text(up),
             std::string("[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9 (waiting: 355)"));
    QCOMPARE(up.textLength, std::uint32_t(15)); // " (waiting: 355)"
    QCOMPARE(texts.text(down), std::string("[2025-11-24 16:02:07] SCALE DOWN TRIGGERED: 10 -> 9"));
    QCOMPARE(down.textLength, std::uint32_t(0));
    QCOMPARE(texts.text(changed), std::string("[2025-11-24 16:02:07] REPLICAS CHANGED: 1 -> 5"));
    QCOMPARE(odd.textForm, EventTextForm::Whole);
    QCOMPARE(texts.text(odd), std::string("[2025-11-24 16:02:07] SCALE UP TRIGGERED: 1 -> 5"));
    // 61 (block) + 15 (tail) + 48 (odd line).
    QCOMPARE(texts.bufferSize(), std::size_t(61 + 15 + 48));
}

void TestScalingEventTexts::notKeptReadsEmpty()
{
    ScalingEventTexts texts;
    const ScalingEvent none = makeEvent(EventKind::ScaleUp, 1, 2);
    QCOMPARE(none.textForm, EventTextForm::None);
    QCOMPARE(texts.text(none), std::string());
    // An offset past the buffer (a hand-made event) reads as empty too, not past the end.
    ScalingEvent broken = none;
    broken.textForm = EventTextForm::Whole;
    broken.textOffset = 10;
    broken.textLength = 5;
    QCOMPARE(texts.text(broken), std::string());
}

void TestScalingEventTexts::appendRepointsEvents()
{
    ScalingEventTexts first;
    ScalingEvent block = makeEvent(EventKind::ScaleUp, 1, 2);
    block.file = first.addFile("scaling.log");
    first.store(block, "block text");

    ScalingEventTexts second;
    std::array<ScalingEvent, 2> lines = {makeEvent(EventKind::ScaleUp, 5, 9),
                                         makeEvent(EventKind::ReplicasChanged, 1, 5)};
    lines[0].file = second.addFile("scaling-events.log");
    lines[1].file = lines[0].file;
    second.storeLine(lines[0], "[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9 (waiting: 1)");
    second.store(lines[1], "whole line");

    first.append(std::move(second), lines);
    QCOMPARE(first.files().size(), std::size_t(2));
    QCOMPARE(first.file(block), std::string_view("scaling.log"));
    QCOMPARE(first.text(block), std::string("block text"));
    QCOMPARE(first.file(lines[0]), std::string_view("scaling-events.log"));
    QCOMPARE(first.file(lines[1]), std::string_view("scaling-events.log"));
    QCOMPARE(first.text(lines[0]),
             std::string("[2025-11-24 16:02:07] SCALE UP TRIGGERED: 5 -> 9 (waiting: 1)"));
    QCOMPARE(first.text(lines[1]), std::string("whole line"));
    QCOMPARE(lines[1].textOffset, std::uint32_t(10 + 13)); // after "block text" and the tail

    // Into an empty store, nothing moves.
    ScalingEventTexts empty;
    ScalingEventTexts third;
    ScalingEvent e = makeEvent(EventKind::ScaleDown, 2, 1);
    e.file = third.addFile("x.log");
    third.store(e, "abc");
    empty.append(std::move(third), std::span<ScalingEvent>(&e, 1));
    QCOMPARE(empty.text(e), std::string("abc"));
    QCOMPARE(empty.file(e), std::string_view("x.log"));
}

QTEST_GUILESS_MAIN(TestScalingEventTexts)
#include "tst_scaling_event_texts.moc"

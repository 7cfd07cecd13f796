// HpaSpecFields: a spec as the What-if panel's fields, and the edits between two field sets,
// checked by applying the edits back with HpaWhatIfEdits (the one way back).
#include "core/analysis/hpa_spec_fields.h"

#include <QTest>

using namespace hpa::core;

namespace {

/// The old-layout runs' HPA (hpa-algorithm.md §1): Max of {Percent 100, Pods 4} per 15 s up,
/// window 0 and Min of {Pods 1} per 15 s down.
HpaSpec describedSpec()
{
    HpaSpec s;
    s.minReplicas = 1;
    s.maxReplicas = 10;
    s.metrics = {{"num_requests_waiting", 20}, {"kv_cache_usage_perc", 0.5}};
    HpaBehavior b;
    b.scaleUp = {
        0,
        HpaSelectPolicy::Max,
        {{HpaScalingPolicy::Type::Percent, 100, 15}, {HpaScalingPolicy::Type::Pods, 4, 15}},
        {}};
    b.scaleDown = {0, HpaSelectPolicy::Min, {{HpaScalingPolicy::Type::Pods, 1, 15}}, {}};
    s.behavior = b;
    return s;
}

} // namespace

class TestHpaSpecFields : public QObject
{
    Q_OBJECT

private slots:
    void fieldsOfASpec();
    void noBehavior();
    void diffAppliesBack();
};

void TestHpaSpecFields::fieldsOfASpec()
{
    const HpaWhatIfSettings f = HpaSpecFields::of(describedSpec(), 30);
    QCOMPARE(f.size(), HpaWhatIfEdits::keys().size()); // every key has a field
    QCOMPARE(HpaSpecFields::value(f, "waiting-target"), std::string("20"));
    QCOMPARE(HpaSpecFields::value(f, "kv-target"), std::string("0.5"));
    QCOMPARE(HpaSpecFields::value(f, "tolerance"), std::string("0.1"));
    QCOMPARE(HpaSpecFields::value(f, "up-pods"), std::string("4"));
    QCOMPARE(HpaSpecFields::value(f, "up-percent"), std::string("100"));
    QCOMPARE(HpaSpecFields::value(f, "down-pods"), std::string("1"));
    QCOMPARE(HpaSpecFields::value(f, "down-percent"), std::string("0")); // no Percent policy
    QCOMPARE(HpaSpecFields::value(f, "select-down"), std::string("Min"));
    QCOMPARE(HpaSpecFields::value(f, "down-window"), std::string("0"));
    QCOMPARE(HpaSpecFields::value(f, "no-behavior"), std::string("false"));
    QCOMPARE(HpaSpecFields::value(f, "onset-delay"), std::string("30"));
    QCOMPARE(HpaSpecFields::value(f, "absent"), std::string());
}

void TestHpaSpecFields::noBehavior()
{
    HpaSpec s = describedSpec();
    s.behavior.reset();
    s.metrics.pop_back();
    const HpaWhatIfSettings f = HpaSpecFields::of(s, 0);
    QCOMPARE(HpaSpecFields::value(f, "no-behavior"), std::string("true"));
    // The default behavior an edit would start from (K5): down window = the controller's 300 s,
    // up Max of {Pods 4, Percent 100} per 15 s, down Percent 100.
    QCOMPARE(HpaSpecFields::value(f, "down-window"), std::string("300"));
    QCOMPARE(HpaSpecFields::value(f, "up-pods"), std::string("4"));
    QCOMPARE(HpaSpecFields::value(f, "down-percent"), std::string("100"));
    QCOMPARE(HpaSpecFields::value(f, "kv-target"), std::string()); // the spec has no KV metric
    // Policy fields of a spec that stays without behavior are no edit.
    HpaWhatIfSettings edited = f;
    for (auto &[k, v] : edited) {
        if (k == "down-window")
            v = "60";
    }
    QVERIFY(HpaSpecFields::diff(f, edited).empty());
}

void TestHpaSpecFields::diffAppliesBack()
{
    const HpaSpec loaded = describedSpec();
    const HpaWhatIfSettings before = HpaSpecFields::of(loaded, 0);
    HpaWhatIfSettings after = before;
    for (auto &[k, v] : after) {
        if (k == "down-window")
            v = "120";
        else if (k == "max")
            v = "6";
        else if (k == "select-up")
            v = "Min";
    }
    const HpaWhatIfSettings edits = HpaSpecFields::diff(before, after);
    QCOMPARE(edits,
             (HpaWhatIfSettings{{"max", "6"}, {"down-window", "120"}, {"select-up", "Min"}}));
    HpaSpec s = loaded;
    double delay = 0;
    QVERIFY(HpaWhatIfEdits::apply(edits, s, delay).empty());
    QCOMPARE(HpaSpecFields::of(s, delay), after);
    // Turning behavior off drops the policy edits: the no-behavior path has none.
    for (auto &[k, v] : after) {
        if (k == "no-behavior")
            v = "true";
    }
    QCOMPARE(HpaSpecFields::diff(before, after),
             (HpaWhatIfSettings{{"max", "6"}, {"no-behavior", "true"}}));
}

QTEST_APPLESS_MAIN(TestHpaSpecFields)
#include "tst_hpa_spec_fields.moc"

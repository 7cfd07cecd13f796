// HpaManifestParser and HpaDescribeParser: the three real manifests of ../shared, fixtures for
// JSON, kubectl's List, defaults, and broken files (a clear error naming file and line, no spec).
#include "core/parsers/hpa_describe_parser.h"
#include "core/parsers/hpa_manifest_parser.h"
#include "test_files.h"

#include <QFile>
#include <QTest>

using hpa::core::HpaDescribeParser;
using hpa::core::HpaManifestParser;
using hpa::core::HpaScalingPolicy;
using hpa::core::HpaSelectPolicy;
using hpa::core::HpaSpec;

namespace {

HpaManifestParser::Result parseFile(const QString &path, const std::string &name)
{
    const QByteArray bytes = hpa::test::readBytes(path);
    return HpaManifestParser::parse(std::string_view(bytes.constData(), bytes.size()), name);
}

const QString kShared = QStringLiteral(HPA_SHARED_DIR "/examples/hpa-manifests/");
const QString kData = QStringLiteral(HPA_TEST_DATA_DIR "/hpa/");

} // namespace

class TestHpaManifestParser : public QObject
{
    Q_OBJECT

private slots:
    void realCombined();
    void realKvCacheAndWaiting();
    void jsonListWithDefaults();
    void noBehaviorStaysNoBehavior();
    void malformedYaml();
    void badPolicy();
    void notAnHpa_data();
    void notAnHpa();
    void describeOfOlderExample();
    void describeWithoutBehavior();
};

void TestHpaManifestParser::realCombined()
{
    if (!QFile::exists(kShared + "hpa-vllm-combined.yaml"))
        QSKIP("../shared/examples/hpa-manifests is not here");
    const auto r = parseFile(kShared + "hpa-vllm-combined.yaml", "hpa-vllm-combined.yaml");
    QVERIFY(!r.error);
    QVERIFY(r.spec);
    const HpaSpec &s = *r.spec;
    QCOMPARE(s.name, std::string("vllm-hpa-combined"));
    QCOMPARE(s.minReplicas, 1);
    QCOMPARE(s.maxReplicas, 10);
    QCOMPARE(s.metrics.size(), std::size_t(2));
    QCOMPARE(s.metrics[0].name, std::string("num_requests_waiting"));
    QCOMPARE(s.metrics[0].target, 20.0);
    QCOMPARE(s.metrics[1].name, std::string("kv_cache_usage_perc"));
    QCOMPARE(s.metrics[1].target, 0.5); // "500m"
    QVERIFY(s.behavior);
    QCOMPARE(s.behavior->scaleUp.stabilizationWindowSeconds.value_or(-1), 0);
    QCOMPARE(s.behavior->scaleUp.selectPolicy, HpaSelectPolicy::Max);
    QCOMPARE(s.behavior->scaleUp.policies.size(), std::size_t(2));
    QCOMPARE(s.behavior->scaleUp.policies[0],
             (HpaScalingPolicy{HpaScalingPolicy::Type::Percent, 100, 15}));
    QCOMPARE(s.behavior->scaleUp.policies[1],
             (HpaScalingPolicy{HpaScalingPolicy::Type::Pods, 4, 15}));
    QCOMPARE(s.behavior->scaleDown.selectPolicy, HpaSelectPolicy::Min);
    QCOMPARE(s.behavior->scaleDown.stabilizationWindowSeconds.value_or(-1), 0);
    QCOMPARE(s.behavior->scaleDown.policies.size(), std::size_t(1));
    QCOMPARE(s.behavior->scaleDown.policies[0],
             (HpaScalingPolicy{HpaScalingPolicy::Type::Pods, 1, 15}));
    QVERIFY(r.warnings.empty());
}

void TestHpaManifestParser::realKvCacheAndWaiting()
{
    if (!QFile::exists(kShared + "hpa-vllm-kvcache.yaml"))
        QSKIP("../shared/examples/hpa-manifests is not here");
    const auto kv = parseFile(kShared + "hpa-vllm-kvcache.yaml", "hpa-vllm-kvcache.yaml");
    QVERIFY(kv.spec);
    QCOMPARE(kv.spec->metrics.size(), std::size_t(1));
    QCOMPARE(kv.spec->metrics[0].target, 0.8);
    // selectPolicy left out: stays Max (copyHPAScalingRules); scale-down 1 pod per 60 s.
    QCOMPARE(kv.spec->behavior->scaleDown.selectPolicy, HpaSelectPolicy::Max);
    QCOMPARE(kv.spec->behavior->scaleDown.policies[0].periodSeconds, 60);
    QCOMPARE(kv.spec->behavior->scaleUp.policies.size(), std::size_t(1)); // Pods 4 replaces both

    const auto w = parseFile(kShared + "hpa-vllm-waiting.yaml", "hpa-vllm-waiting.yaml");
    QVERIFY(w.spec);
    QCOMPARE(w.spec->name, std::string("vllm-hpa-waiting-requests"));
    QCOMPARE(w.spec->metrics[0].target, 5.0);
    QCOMPARE(w.spec->scaleDownWindowSeconds(), 60.0);
    QCOMPARE(w.spec->behavior->scaleDown.policies[0].periodSeconds, 30);
}

void TestHpaManifestParser::jsonListWithDefaults()
{
    const auto r = parseFile(kData + "kubectl-get-list.json", "hpa.json");
    QVERIFY2(!r.error, r.error ? r.error->message.c_str() : "");
    const HpaSpec &s = *r.spec;
    QCOMPARE(s.name, std::string("from-json"));
    QCOMPARE(s.minReplicas, 1); // defaulted by the API
    QCOMPARE(r.defaulted, std::vector<std::string>{"min_replicas"});
    QCOMPARE(s.maxReplicas, 6);
    QCOMPARE(s.metrics.size(), std::size_t(1)); // the CPU metric is left out with a warning
    QCOMPARE(s.metrics[0].target, 10.5);
    QCOMPARE(r.warnings.size(), std::size_t(1));
    QVERIFY(r.warnings[0].message.find("Resource") != std::string::npos);
    QCOMPARE(r.warnings[0].line, 12);
    // scaleUp given only selectPolicy: the default policies stay.
    QCOMPARE(s.behavior->scaleUp.selectPolicy, HpaSelectPolicy::Disabled);
    QCOMPARE(s.behavior->scaleUp.policies.size(), std::size_t(2));
    // scaleDown without a window: nil -> the controller's 300 s.
    QVERIFY(!s.behavior->scaleDown.stabilizationWindowSeconds);
    QCOMPARE(s.scaleDownWindowSeconds(), 300.0);
    QCOMPARE(s.toleranceDown(), 0.05);
    QCOMPARE(s.toleranceUp(), 0.1);
}

void TestHpaManifestParser::noBehaviorStaysNoBehavior()
{
    const auto r = parseFile(kData + "no-behavior.yaml", "no-behavior.yaml");
    QVERIFY(r.spec);
    QVERIFY(!r.spec->behavior);
    QCOMPARE(r.spec->minReplicas, 2);
    QCOMPARE(r.spec->metrics[0].target, 0.8);
}

void TestHpaManifestParser::malformedYaml()
{
    const auto r = parseFile(kData + "malformed.yaml", "malformed.yaml");
    QVERIFY(!r.spec);
    QVERIFY(r.error);
    QCOMPARE(r.error->file, std::string("malformed.yaml"));
    QVERIFY(r.error->line >= 12); // the unclosed `[4` on line 12, reported where yaml-cpp stops
    QVERIFY2(r.error->message.find("not valid YAML") != std::string::npos,
             r.error->message.c_str());
}

void TestHpaManifestParser::badPolicy()
{
    const auto r = parseFile(kData + "bad-policy.yaml", "bad-policy.yaml");
    QVERIFY(!r.spec);
    QCOMPARE(r.error->line, 11);
    QCOMPARE(r.error->message,
             std::string("policy type must be Pods or Percent, not \"Replicas\""));
}

void TestHpaManifestParser::notAnHpa_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << "no HorizontalPodAutoscaler in this file";
    QTest::newRow("deployment") << QByteArray("kind: Deployment\nspec: {}\n")
                                << "no HorizontalPodAutoscaler in this file";
    QTest::newRow("v1") << QByteArray("apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\n"
                                      "spec: {maxReplicas: 3}\n")
                        << "autoscaling/v1 has neither metrics nor behavior";
    QTest::newRow("no max") << QByteArray(
                                   "kind: HorizontalPodAutoscaler\nspec:\n  minReplicas: 1\n")
                            << "spec.maxReplicas is missing";
    QTest::newRow("max below min")
        << QByteArray("kind: HorizontalPodAutoscaler\nspec: {minReplicas: 5, maxReplicas: 2}\n")
        << "spec.maxReplicas is below spec.minReplicas";
    QTest::newRow("deep nesting") << QByteArray(100000, '[') << "not valid YAML or JSON";
    // Found by fuzz_hpa_manifest: yaml-cpp 0.7 loops for ever on it.
    QTest::newRow("broken UTF-8") << QByteArray::fromBase64("LGnp6enp6enp6elhaenp6enp6enp6enp")
                                  << "not UTF-8 text (byte 3 is not part of a valid character)";
    // yaml-cpp 0.7 loops for ever on a document that starts with a comma (fuzz_hpa_manifest).
    QTest::newRow("leading comma") << QByteArray(",piVersion: autoscaling/v2\nkind: x\n")
                                   << "not valid YAML or JSON: a document cannot start with ','";
    QTest::newRow("second document starts with a comma")
        << QByteArray("kind: Deployment\n---\n# note\n  ,x\n")
        << "not valid YAML or JSON: a document cannot start with ','";
}

void TestHpaManifestParser::notAnHpa()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const auto r =
        HpaManifestParser::parse(std::string_view(content.constData(), content.size()), "x.yaml");
    QVERIFY(!r.spec);
    QVERIFY(r.error);
    QVERIFY2(QString::fromStdString(r.error->message).startsWith(message),
             r.error->message.c_str());
}

void TestHpaManifestParser::describeOfOlderExample()
{
    const QString path =
        QStringLiteral(HPA_SHARED_DIR "/examples/hpa-experiment-20251120-140312/scaling.log");
    if (!QFile::exists(path))
        QSKIP("../shared/examples is not here");
    const QByteArray bytes = hpa::test::readBytes(path);
    const auto r =
        HpaDescribeParser::parse(std::string_view(bytes.constData(), bytes.size()), "scaling.log");
    QVERIFY(r.spec);
    const HpaSpec &s = *r.spec;
    QCOMPARE(s.name, std::string("vllm-hpa-combined"));
    QCOMPARE(s.minReplicas, 1);
    QCOMPARE(s.maxReplicas, 10);
    QCOMPARE(s.metrics.size(), std::size_t(2));
    QCOMPARE(s.metrics[1].target, 0.5);
    QVERIFY(s.behavior);
    QCOMPARE(s.behavior->scaleUp.policies.size(), std::size_t(2));
    QCOMPARE(s.behavior->scaleDown.selectPolicy, HpaSelectPolicy::Min);
    QCOMPARE(s.behavior->scaleDown.policies[0],
             (HpaScalingPolicy{HpaScalingPolicy::Type::Pods, 1, 15}));
    // The same HPA as the manifest the newer runs name.
    if (QFile::exists(kShared + "hpa-vllm-combined.yaml")) {
        auto m = parseFile(kShared + "hpa-vllm-combined.yaml", "m.yaml").spec;
        QVERIFY(m);
        QCOMPARE(s, *m);
    }
}

void TestHpaManifestParser::describeWithoutBehavior()
{
    const QByteArray bytes = hpa::test::readBytes(kData + "describe-no-behavior.txt");
    const auto r =
        HpaDescribeParser::parse(std::string_view(bytes.constData(), bytes.size()), "s.log", 3);
    QVERIFY(r.spec);
    QVERIFY(!r.spec->behavior);
    QCOMPARE(r.spec->minReplicas, 2);
    QCOMPARE(r.spec->metrics.size(), std::size_t(1));
    QCOMPARE(r.spec->metrics[0].target, 5.0);
    QCOMPARE(r.warnings.size(), std::size_t(1)); // the cpu line
    QCOMPARE(r.warnings[0].line, 7);             // line 5 of the text, which starts on line 3
}

QTEST_APPLESS_MAIN(TestHpaManifestParser)
#include "tst_hpa_manifest_parser.moc"

#include "core/parsers/metadata_parser.h"
#include "test_files.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using hpa::test::readFile;

using hpa::core::MetadataParser;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

} // namespace

class TestMetadataParser : public QObject
{
    Q_OBJECT

private slots:
    void realExample();
    void keepsOrderAndUnknownKeys();
    void textOfKinds_data();
    void textOfKinds();
    void bomAndCrlf();
    void invalid_data();
    void invalid();
    void bracketsInsideStringsAreNotNesting();
};

void TestMetadataParser::realExample()
{
    const QString path = QStringLiteral(HPA_SHARED_DIR) +
                         QStringLiteral("/examples/hpa-experiment-20251120-140312/metadata.json");
    if (!QFile::exists(path))
        QSKIP("shared example hpa-experiment-20251120-140312 is not available");

    const auto result = MetadataParser::parse(readFile(path), "metadata.json");
    QVERIFY(result.warnings.empty());
    const Entries expected{
        {"experiment_name", "hpa-experiment-20251120-140312"},
        {"start_time", "2025-11-20T14:03:12Z"},
        {"namespace", "llm-d-inference-scheduler"},
        {"hpa_name", "vllm-hpa-combined"},
        {"deployment_name", "ms-inference-scheduling-llm-d-modelservice-decode"},
        {"sample_interval_seconds", "5"},
        {"output_directory", "./experiment-data/hpa-experiment-20251120-140312"},
        {"end_time", "2025-11-20T14:32:13Z"},
    };
    QCOMPARE(result.metadata.entries(), expected);
    QCOMPARE(result.metadata.text("sample_interval_seconds"), std::string("5"));
    QCOMPARE(result.metadata.text("hpa_name"), std::string("vllm-hpa-combined"));
    QCOMPARE(result.metadata.text("model_name"), std::string());
}

void TestMetadataParser::keepsOrderAndUnknownKeys()
{
    const auto result = MetadataParser::parse(
        R"({"zeta": 1, "alpha": "a", "gpu": {"type": "A100", "count": 2}, "tags": ["x", "y"],)"
        R"( "ratio": 0.25, "done": true, "note": null})",
        "metadata.json");
    QVERIFY(result.warnings.empty());
    const Entries expected{
        {"zeta", "1"},
        {"alpha", "a"},
        {"gpu", R"({"type":"A100","count":2})"},
        {"tags", R"(["x","y"])"},
        {"ratio", "0.25"},
        {"done", "true"},
        {"note", "null"},
    };
    QCOMPARE(result.metadata.entries(), expected);
}

void TestMetadataParser::textOfKinds_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("string") << R"({"k": "two words"})"
                            << "two words";
    QTest::newRow("string with quotes") << R"({"k": "say \"hi\""})"
                                        << R"(say "hi")";
    QTest::newRow("integer") << R"({"k": 30})"
                             << "30";
    QTest::newRow("negative") << R"({"k": -4})"
                              << "-4";
    QTest::newRow("float") << R"({"k": 2.5})"
                           << "2.5";
    QTest::newRow("boolean") << R"({"k": false})"
                             << "false";
    QTest::newRow("object") << R"({"k": {"a": 1}})"
                            << "";
    QTest::newRow("array") << R"({"k": [1]})"
                           << "";
    QTest::newRow("null") << R"({"k": null})"
                          << "";
    QTest::newRow("missing") << R"({"other": "v"})"
                             << "";
}

void TestMetadataParser::textOfKinds()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    const auto result = MetadataParser::parse(json.toStdString(), "metadata.json");
    QVERIFY(result.warnings.empty());
    QCOMPARE(QString::fromStdString(result.metadata.text("k")), expected);
}

void TestMetadataParser::bomAndCrlf()
{
    const auto result = MetadataParser::parse(
        "\xEF\xBB\xBF{\r\n  \"experiment_name\": \"run-1\",\r\n  \"job_count\": 3\r\n}", "m.json");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.metadata.text("experiment_name"), std::string("run-1"));
    QCOMPARE(result.metadata.text("job_count"), std::string("3"));
}

void TestMetadataParser::invalid_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("missing comma") << "{\n  \"a\": 1\n  \"b\": 2\n}\n" << 3 << "invalid JSON";
    QTest::newRow("cut in half") << "{\n  \"a\": 1,\n  \"end_ti" << 3 << "invalid JSON";
    QTest::newRow("trailing garbage") << "{\"a\": 1}\n\nxyz\n" << 3 << "invalid JSON";
    QTest::newRow("empty file") << "" << 1 << "invalid JSON";
    QTest::newRow("array") << "\n\n[1, 2]" << 3 << "found array";
    QTest::newRow("string") << "\"just text\"" << 1 << "found string";
    QTest::newRow("too deep") << "{\"a\":\n" + QString(100, QLatin1Char('[')) << 2
                              << "deeper than 64";
    QTest::newRow("hostile depth") << QString(1000000, QLatin1Char('{')) << 1 << "deeper than 64";
}

void TestMetadataParser::invalid()
{
    QFETCH(QString, json);
    QFETCH(int, line);
    QFETCH(QString, fragment);

    const auto result = MetadataParser::parse(json.toStdString(), "metadata.json");
    QCOMPARE(result.warnings.size(), std::size_t(1));
    QCOMPARE(result.warnings[0].file, std::string("metadata.json"));
    QCOMPARE(result.warnings[0].line, line);
    QVERIFY2(result.warnings[0].message.find(fragment.toStdString()) != std::string::npos,
             result.warnings[0].message.c_str());
    QVERIFY(result.metadata.entries().empty());
    QVERIFY(result.metadata.json.is_object());
}

void TestMetadataParser::bracketsInsideStringsAreNotNesting()
{
    // 64 levels deep is allowed; brackets and escaped quotes inside strings do not count.
    const std::string deep = std::string(63, '[') + std::string(63, ']');
    const std::string content = R"({"brackets": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[)"
                                R"([[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ \" {{{{", "deep": )" +
                                deep + "}";
    const auto result = MetadataParser::parse(content, "metadata.json");
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.metadata.entries().size(), std::size_t(2));
    QVERIFY(result.metadata.text("brackets").ends_with(" \" {{{{"));
}

QTEST_GUILESS_MAIN(TestMetadataParser)
#include "tst_metadata_parser.moc"

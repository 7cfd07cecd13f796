// --version, `hpa-lens COMMAND --help`, usage errors, and the man page and bash completion that
// are written from the same command table (app/cli/command_usage.cpp).
#include "cli_process.h"

#include "app/cli/bash_completion.h"
#include "app/cli/command_line.h"
#include "app/cli/command_usage.h"
#include "app/cli/man_page.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>
#include <stdexcept>
#include <string>

namespace {

using hpa::app::CommandUsage;
using Run = hpa::test::CliRun;

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

/// The words to type for `command` ("" = the window, which has no word).
QStringList commandWords(const CommandUsage &c)
{
    return c.name.empty() ? QStringList{} : QStringList{qs(c.name)};
}

/// Runs bash completion for the words typed so far (the last one is being completed).
QStringList complete(const QString &script, const QStringList &words)
{
    QStringList quoted;
    for (const QString &w : words)
        quoted << QLatin1Char('\'') + w + QLatin1Char('\'');
    const QString program =
        QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _hpa_lens; "
                       "printf '%s\\n' \"${COMPREPLY[@]}\"")
            .arg(script, quoted.join(QLatin1Char(' ')))
            .arg(words.size() - 1);
    QProcess bash;
    bash.setWorkingDirectory(QStringLiteral(HPA_SOURCE_DIR));
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), program});
    if (!bash.waitForFinished(30000) || bash.exitCode() != 0)
        return {QStringLiteral("<bash failed: %1>")
                    .arg(QString::fromUtf8(bash.readAllStandardError()))};
    QStringList out = QString::fromUtf8(bash.readAllStandardOutput())
                          .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    out.sort();
    return out;
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT

private slots:
    void version();
    void commandHelp_data();
    void commandHelp();
    void unknownOption_data();
    void unknownOption();
    void optionOfAnotherCommand();
    void everyParsedOptionIsDocumented();
    void folderArguments_data();
    void folderArguments();
    void manPageListsEverything();
    void manPageTypesetsCleanly();
    void bashCompletion_data();
    void bashCompletion();
};

void TestCliHelp::version()
{
    const Run r = hpa::test::runHpaLens({QStringLiteral("--version")}, true);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("hpa-lens " HPA_LENS_VERSION "\n"));
    QVERIFY(QByteArray(HPA_LENS_VERSION).count('.') == 2);
}

void TestCliHelp::commandHelp_data()
{
    QTest::addColumn<QString>("command");
    for (const auto &c : CommandUsage::all())
        QTest::newRow(c.name.empty() ? "window" : std::string(c.name).c_str()) << qs(c.name);
}

void TestCliHelp::commandHelp()
{
    QFETCH(QString, command);
    const CommandUsage &usage = *CommandUsage::find(command.toStdString());
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const Run r = hpa::test::runHpaLens(commandWords(usage) << flag, true);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QString out = QString::fromUtf8(r.out);
        // The window's help is the overview of every command (its options are in its synopsis).
        const QString expected = qs(command.isEmpty() ? CommandUsage::overview() : usage.help());
        QCOMPARE(out, expected);
        QVERIFY(out.startsWith(QStringLiteral("Usage:")));
        for (const auto &o : usage.options)
            QVERIFY2(out.contains(qs(o.flag)), o.flag.data());
    }
}

void TestCliHelp::unknownOption_data()
{
    commandHelp_data();
}

void TestCliHelp::unknownOption()
{
    QFETCH(QString, command);
    const CommandUsage &usage = *CommandUsage::find(command.toStdString());
    const Run r = hpa::test::runHpaLens(commandWords(usage) << QStringLiteral("--no-such-option")
                                                            << QStringLiteral(HPA_SOURCE_DIR),
                                        true);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(QStringLiteral("hpa-lens: unknown option --no-such-option\n\n")),
             r.err.constData());
    const QString expected = qs(command.isEmpty() ? CommandUsage::overview() : usage.help());
    QVERIFY2(err.endsWith(expected), r.err.constData());
}

void TestCliHelp::optionOfAnotherCommand()
{
    const Run r = hpa::test::runHpaLens({QStringLiteral("summary"), QStringLiteral(HPA_SOURCE_DIR),
                                         QStringLiteral("--png"), QStringLiteral("x.png")},
                                        true);
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(QStringLiteral("hpa-lens: summary does not take --png\n")),
             r.err.constData());
    QVERIFY(err.endsWith(qs(CommandUsage::find("summary")->help())));
}

void TestCliHelp::everyParsedOptionIsDocumented()
{
    // Every option the parser knows must be in the table, so --help, the man page and the
    // completion show it.
    QFile source(QStringLiteral(HPA_SOURCE_DIR "/app/cli/command_line.cpp"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(source.readAll());
    std::set<std::string> documented{"--help", "--version"};
    for (const auto &c : CommandUsage::all())
        for (const auto &o : c.options)
            documented.emplace(o.flag);
    static const QRegularExpression quotedOption(QStringLiteral("\"(--[a-z0-9][a-z0-9-]*)\""));
    int found = 0;
    for (auto it = quotedOption.globalMatch(text); it.hasNext(); ++found) {
        const std::string flag = it.next().captured(1).toStdString();
        QVERIFY2(documented.count(flag),
                 ("not in the table of command_usage.cpp: " + flag).c_str());
    }
    QVERIFY(found >= 15);
}

void TestCliHelp::folderArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("compare");
    QTest::addColumn<QString>("error");
    const QString a = QStringLiteral(HPA_SOURCE_DIR "/core");
    const QString b = QStringLiteral(HPA_SOURCE_DIR "/ui");
    QTest::newRow("one folder") << QStringList{a} << a << QString() << QString();
    QTest::newRow("two folders: B compared") << QStringList{a, b} << a << b << QString();
    QTest::newRow("--compare") << QStringList{a, QStringLiteral("--compare"), b} << a << b
                               << QString();
    // Three to eight: B, C, … compared with A (the N-way overlay, issue 14).
    QTest::newRow("three folders: B and C compared") << QStringList{a, b, a} << a << b << QString();
    const QString tooMany =
        QStringLiteral("give at most eight folders (DIR [DIR_B ...]), or one with --compare DIR_B");
    QTest::newRow("nine folders") << QStringList{a, b, a, b, a, b, a, b, a} << QString()
                                  << QString() << tooMany;
    QTest::newRow("two and --compare")
        << QStringList{a, b, QStringLiteral("--compare"), a} << QString() << QString() << tooMany;
    QTest::newRow("misspelt command") << QStringList{QStringLiteral("sumary")} << QString()
                                      << QString() << "'sumary' is neither a command nor a folder";
    QTest::newRow("relative path that is not there")
        << QStringList{QStringLiteral("./missing")} << QStringLiteral("./missing") << QString()
        << QString();
}

void TestCliHelp::folderArguments()
{
    // What a file manager's "Open with HPA Lens" passes (Exec=hpa-lens %F).
    QFETCH(QStringList, args);
    QFETCH(QString, dir);
    QFETCH(QString, compare);
    QFETCH(QString, error);
    std::vector<std::string> argv;
    for (const QString &s : args)
        argv.push_back(s.toStdString());
    try {
        const auto cl = hpa::app::CommandLine::parse(argv);
        QVERIFY2(error.isEmpty(), "parsed although it should not");
        QCOMPARE(cl.dirs.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(cl.dirs.front()), dir);
        QCOMPARE(QString::fromStdString(cl.compareDir.value_or("")), compare);
    } catch (const std::invalid_argument &e) {
        QCOMPARE(QString::fromUtf8(e.what()), error);
    }
}

void TestCliHelp::manPageListsEverything()
{
    const QString page = QString::fromStdString(hpa::app::ManPage::render());
    QVERIFY(page.startsWith(QStringLiteral(".TH HPA-LENS 1 ")));
    for (const auto &c : CommandUsage::all()) {
        if (!c.name.empty())
            QVERIFY2(page.contains(QStringLiteral(".SS \"hpa\\-lens ") + qs(c.name)),
                     c.name.data());
        for (const auto &o : c.options) {
            QString flag = qs(o.flag);
            QVERIFY2(page.contains(flag.replace(QLatin1Char('-'), QStringLiteral("\\-"))),
                     o.flag.data());
        }
    }
}

void TestCliHelp::manPageTypesetsCleanly()
{
    const QString groff = QStandardPaths::findExecutable(QStringLiteral("groff"));
    if (groff.isEmpty())
        QSKIP("groff is not installed (Debian groff-base): the man page was not typeset");
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("hpa-lens.1")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(hpa::app::ManPage::render()));
    file.close();
    QProcess p;
    p.start(groff, {QStringLiteral("-man"), QStringLiteral("-Tutf8"), QStringLiteral("-ww"),
                    file.fileName()});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(p.readAllStandardError()), QString());
    const QString text = QString::fromUtf8(p.readAllStandardOutput())
                             .remove(QRegularExpression(QStringLiteral(".\b|\x1b\\[[0-9;]*m")));
    QVERIFY2(text.contains(QStringLiteral("--summary-csv FILE")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("EXIT STATUS")));
}

void TestCliHelp::bashCompletion_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("command") << QStringList{QStringLiteral("hpa-lens"), QStringLiteral("su")}
                             << QStringList{QStringLiteral("summary")};
    QTest::newRow("commands and folders")
        << QStringList{QStringLiteral("hpa-lens"), QStringLiteral("co")}
        << QStringList{QStringLiteral("compare"), QStringLiteral("core")};
    QTest::newRow("options of summary")
        << QStringList{QStringLiteral("hpa-lens"), QStringLiteral("summary"), QStringLiteral("x"),
                       QStringLiteral("--s")}
        << QStringList{QStringLiteral("--slo-itl"), QStringLiteral("--slo-ttft")};
    QTest::newRow("window options")
        << QStringList{QStringLiteral("hpa-lens"), QStringLiteral("--s")}
        << QStringList{QStringLiteral("--screenshot"),   QStringLiteral("--set"),
                       QStringLiteral("--side-by-side"), QStringLiteral("--size"),
                       QStringLiteral("--sweep"),        QStringLiteral("--sweep-x")};
    QTest::newRow("choices") << QStringList{QStringLiteral("hpa-lens"), QStringLiteral("summary"),
                                            QStringLiteral("--kv-unit"), QStringLiteral("")}
                             << QStringList{QStringLiteral("fraction"), QStringLiteral("milli"),
                                            QStringLiteral("percent")};
    QTest::newRow("a number is not completed")
        << QStringList{QStringLiteral("hpa-lens"), QStringLiteral("export"), QStringLiteral("x"),
                       QStringLiteral("--dpi"), QStringLiteral("")}
        << QStringList{};
    QTest::newRow("folders after a command")
        << QStringList{QStringLiteral("hpa-lens"), QStringLiteral("compare"), QStringLiteral("te")}
        << QStringList{QStringLiteral("tests")};
    QTest::newRow("files for --png")
        << QStringList{QStringLiteral("hpa-lens"), QStringLiteral("export"), QStringLiteral("x"),
                       QStringLiteral("--png"), QStringLiteral("README.m")}
        << QStringList{QStringLiteral("README.md")};
}

void TestCliHelp::bashCompletion()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, expected);
    if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
        QSKIP("bash is not installed");
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("hpa-lens")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(hpa::app::BashCompletion::render()));
    file.close();
    QCOMPARE(complete(file.fileName(), words), expected);
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"

#include "core/io/atomic_file.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <stdexcept>
#include <string>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using hpa::test::readBytes;
using hpa::test::writeFile;

using hpa::core::AtomicFile;

namespace {

/// Everything in `dir`, hidden files included: a leftover temporary file shows up here.
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

/// Expects AtomicFile::write to throw; returns the message (empty when it did not throw).
std::string failureMessage(const std::string &path, std::string_view content)
{
    try {
        AtomicFile::write(path, content);
    } catch (const std::runtime_error &e) {
        return e.what();
    }
    return {};
}

QString failure(const std::string &path, std::string_view content)
{
    return QString::fromStdString(failureMessage(path, content));
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void createsFile();
    void replacesFile();
    void keepsPermissions();
    void failedWriteKeepsOldFile();
    void failedRenameKeepsTarget();
    void missingFolder();
    void unwritableFolder();
};

void TestAtomicFile::createsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("out.csv");
    AtomicFile::write(path.toStdString(), "a,b\n1,2\n");
    QCOMPARE(readBytes(path), QByteArray("a,b\n1,2\n"));
    QCOMPARE(entries(dir.path()), QStringList{"out.csv"});
    AtomicFile::write(dir.filePath("empty.csv").toStdString(), "");
    QCOMPARE(QFileInfo(dir.filePath("empty.csv")).size(), 0);
}

void TestAtomicFile::replacesFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("out.csv");
    QVERIFY(writeFile(path, "old content that is longer than the new one\n"));
    AtomicFile::write(path.toStdString(), "new\n");
    QCOMPARE(readBytes(path), QByteArray("new\n"));
    QCOMPARE(entries(dir.path()), QStringList{"out.csv"});
}

void TestAtomicFile::keepsPermissions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("out.csv");
    QVERIFY(writeFile(path, "old\n"));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0640), 0);
    AtomicFile::write(path.toStdString(), "new\n");
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0640);
}

void TestAtomicFile::failedWriteKeepsOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("out.csv");
    QVERIFY(writeFile(path, "old\n"));
    // A file size limit makes write() fail half way, as a full disk would, even for root.
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit small = saved;
    small.rlim_cur = 1024;
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const QString message = failure(path.toStdString(), std::string(64 * 1024, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);

    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains("write failed"), qPrintable(message));
    QCOMPARE(readBytes(path), QByteArray("old\n"));
    QCOMPARE(entries(dir.path()), QStringList{"out.csv"});
}

void TestAtomicFile::failedRenameKeepsTarget()
{
    QTemporaryDir dir;
    // A non-empty folder cannot be replaced by a file: the rename is what fails here.
    const QString path = dir.filePath("taken");
    QVERIFY(QDir().mkpath(path));
    QVERIFY(writeFile(path + "/inside.txt", "keep\n"));
    const QString message = failure(path.toStdString(), "new\n");
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains("cannot replace it"), qPrintable(message));
    QCOMPARE(readBytes(path + "/inside.txt"), QByteArray("keep\n"));
    QCOMPARE(entries(dir.path()), QStringList{"taken"});
}

void TestAtomicFile::missingFolder()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("no/such/folder/out.csv").toStdString();
    const QString message = failure(path, "x");
    QVERIFY2(message.contains(QString::fromStdString(path)), qPrintable(message));
    QVERIFY2(message.contains("No such file or directory"), qPrintable(message));
    QVERIFY(entries(dir.path()).isEmpty());
}

void TestAtomicFile::unwritableFolder()
{
    QTemporaryDir dir;
    const QString sub = dir.filePath("locked");
    QVERIFY(QDir().mkpath(sub));
    const QString path = sub + "/out.csv";
    QVERIFY(writeFile(path, "old\n"));
    QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(sub).constData(), 0555), 0);
    QString message;
    if (::geteuid() != 0) {
        message = failure(path.toStdString(), "new\n");
    } else {
        // Root writes anywhere: try as `nobody` in a child process instead.
        const std::string target = path.toStdString();
        int pipeFds[2];
        QCOMPARE(::pipe(pipeFds), 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::close(pipeFds[0]);
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(3);
            // Plain std only in the forked child.
            const std::string m = failureMessage(target, "new\n");
            const bool sent = ::write(pipeFds[1], m.data(), m.size()) == ssize_t(m.size());
            ::_exit(sent ? 0 : 4);
        }
        ::close(pipeFds[1]);
        QByteArray received;
        char buf[512];
        for (ssize_t n; (n = ::read(pipeFds[0], buf, sizeof buf)) > 0;)
            received.append(buf, n);
        ::close(pipeFds[0]);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        message = QString::fromUtf8(received);
    }
    ::chmod(QFile::encodeName(sub).constData(), 0755);
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains("Permission denied"), qPrintable(message));
    QCOMPARE(readBytes(path), QByteArray("old\n"));
    QCOMPARE(entries(sub), QStringList{"out.csv"});
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"

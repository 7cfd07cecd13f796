#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace hpa::test {

/// What one run of the hpa-lens binary printed and returned.
struct CliRun
{
    int exitCode = -1; ///< -1 when it crashed or timed out
    QByteArray out, err;
};

/// Runs the built hpa-lens with `args`. `headless` removes every display variable, as on a
/// server or in a CI pipeline.
/// `environment` (when not empty) replaces the inherited one, e.g. to point HOME and
/// XDG_CONFIG_HOME at a temporary folder.
inline CliRun runHpaLens(const QStringList &args, bool headless = false, int timeoutMs = 120000,
                         const QProcessEnvironment &environment = {})
{
    QProcess p;
    QProcessEnvironment env =
        environment.isEmpty() ? QProcessEnvironment::systemEnvironment() : environment;
    if (headless) {
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HPA_LENS_EXECUTABLE), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace hpa::test

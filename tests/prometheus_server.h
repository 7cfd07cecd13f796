#pragma once

// A real Prometheus for the import tests: promtool backfills a TSDB from OpenMetrics text,
// prometheus serves it on a free loopback port with no scrape targets, and the guard stops
// that process (its own PID, never a name) however the test ends.

#include "core/import/prometheus_client.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

namespace hpa::test {

/// A loopback port nobody listens on right now (bound to port 0, then released).
inline int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

class PrometheusServer
{
public:
    PrometheusServer() = default;
    PrometheusServer(const PrometheusServer &) = delete;
    PrometheusServer &operator=(const PrometheusServer &) = delete;
    /// Stops prometheus by its own PID: SIGTERM, then SIGKILL after 10 s.
    ~PrometheusServer() { stop(); }

    /// Backfills `openMetrics` and starts prometheus on it. Empty on success, else why it
    /// cannot run here (the test skips with that message).
    QString start(const QByteArray &openMetrics)
    {
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (prometheus.isEmpty() || promtool.isEmpty())
            return QStringLiteral("prometheus and promtool are not installed (Debian package "
                                  "prometheus; scripts/test.sh installs it)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        const QString input = m_dir.filePath(QStringLiteral("series.om"));
        const QString data = m_dir.filePath(QStringLiteral("tsdb"));
        const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
        QFile in(input), cfg(config);
        if (!in.open(QIODevice::WriteOnly) || in.write(openMetrics) != openMetrics.size() ||
            !cfg.open(QIODevice::WriteOnly) ||
            cfg.write("global:\n  scrape_interval: 1h\nscrape_configs: []\n") < 0)
            return QStringLiteral("cannot write the backfill input");
        in.close();
        cfg.close();
        QDir().mkpath(data);
        QProcess backfill;
        backfill.start(promtool, {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                                  QStringLiteral("openmetrics"), input, data});
        if (!backfill.waitForFinished(120000) || backfill.exitCode() != 0)
            return QStringLiteral("promtool could not backfill: ") +
                   QString::fromUtf8(backfill.readAllStandardError().right(400));
        for (int attempt = 0; attempt < 3 && m_url.isEmpty(); ++attempt) {
            const int port = freeLoopbackPort();
            m_process = std::make_unique<QProcess>();
            m_process->setProcessChannelMode(QProcess::MergedChannels);
            m_process->start(prometheus,
                             {QStringLiteral("--config.file=") + config,
                              QStringLiteral("--storage.tsdb.path=") + data,
                              // the backfilled blocks are old: keep them
                              QStringLiteral("--storage.tsdb.retention.time=100y"),
                              QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
            if (!m_process->waitForStarted(10000))
                return QStringLiteral("prometheus does not start: ") + m_process->errorString();
            const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
            if (waitUntilReady(url))
                m_url = url;
            else
                stop();
        }
        if (m_url.isEmpty())
            return QStringLiteral("prometheus did not become ready");
        return {};
    }

    QString url() const { return m_url; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_log += m_process->readAll();
        m_process.reset();
    }

    QByteArray log() const { return m_log; }

private:
    bool waitUntilReady(const QString &url)
    {
        core::PrometheusClient::Options options;
        options.baseUrl = url.toStdString();
        options.connectTimeoutSeconds = 1;
        options.timeoutSeconds = 5;
        const core::PrometheusClient client(options);
        for (int i = 0; i < 300; ++i) {
            if (m_process->state() == QProcess::NotRunning)
                return false;
            if (client.labelValues("__name__", "", 0, 4e9).ok)
                return true;
            QThread::msleep(100);
        }
        return false;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_url;
    QByteArray m_log;
};

} // namespace hpa::test

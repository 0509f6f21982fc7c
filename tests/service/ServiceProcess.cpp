#include "ServiceProcess.h"

#include <QElapsedTimer>
#include <QFile>

#include <csignal>

using namespace Qt::StringLiterals;

namespace ca::test {

ServiceProcess::ServiceProcess(QString program, QString logFile)
    : m_program(std::move(program))
    , m_logFile(std::move(logFile))
{}

ServiceProcess::~ServiceProcess()
{
    if (running())
        stop();
}

QString ServiceProcess::start(const QStringList &args)
{
    m_url.clear();
    m_process.setStandardErrorFile(m_logFile, QIODevice::Append);
    m_process.start(m_program, args);
    if (!m_process.waitForStarted(30000))
        return u"%1 did not start: %2"_s.arg(m_program, m_process.errorString());
    QElapsedTimer waited;
    waited.start();
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning || waited.elapsed() > 60000)
            return u"the service did not print \"listening on <url>\" (exit code %1):\n%2"_s
                .arg(m_process.exitCode())
                .arg(logTail());
        m_process.waitForReadyRead(1000);
    }
    const QByteArray line = m_process.readLine().trimmed();
    if (!line.startsWith("listening on "))
        return u"the service's first line is \"%1\", not \"listening on <url>\""_s.arg(
            QString::fromUtf8(line));
    m_url = QString::fromUtf8(line.mid(int(qstrlen("listening on "))));
    return {};
}

void ServiceProcess::killHard()
{
    if (!running())
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(30000);
}

QString ServiceProcess::stop()
{
    if (!running())
        return {};
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished(30000);
        return u"the service did not stop within 30 s of SIGTERM"_s;
    }
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0)
        return u"the service ended with exit code %1 on SIGTERM:\n%2"_s.arg(m_process.exitCode())
            .arg(logTail());
    return {};
}

QString ServiceProcess::logTail() const
{
    QFile f(m_logFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // The last lines only: QTest cuts a failure message at about a kilobyte, and the end is
    // where a sanitizer's report (its SUMMARY line) or the last error is.
    const QByteArray all = f.readAll();
    return QString::fromUtf8(all.right(700));
}

} // namespace ca::test

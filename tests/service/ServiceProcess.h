// connect-admin-service run as a child process by a test: started with its arguments, its
// "listening on <url>" line awaited, then stopped with SIGTERM or killed with SIGKILL.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace ca::test {

class ServiceProcess
{
public:
    // The service's standard error is appended to logFile (one log across restarts).
    ServiceProcess(QString program, QString logFile);
    ~ServiceProcess();
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;

    // Starts the program and waits (up to 60 s) for "listening on <url>". Returns an empty
    // string, or what went wrong with the end of the log.
    QString start(const QStringList &args);
    // SIGKILL: no chance to finish anything. Waits until the process is gone.
    void killHard();
    // SIGTERM; returns an empty string for a clean exit with code 0.
    QString stop();

    bool running() const { return m_process.state() != QProcess::NotRunning; }
    QString url() const { return m_url; }

private:
    QString logTail() const;

    QString m_program;
    QString m_logFile;
    QProcess m_process;
    QString m_url;
};

} // namespace ca::test

// The local sandbox: starts connect-admin-service --sandbox <data folder> as a child
// process, waits for its "listening on <url>" line, reads the owner's generated sign-in
// from sandbox-owner.json, and stops the child when this object goes away (or, through
// PR_SET_PDEATHSIG, when this program dies without stopping it).
#pragma once

#include <QObject>
#include <QProcess>
#include <QTimer>

namespace ca {

class SandboxLauncher : public QObject
{
    Q_OBJECT
public:
    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    static QString defaultDataFolder();
    // Where connect-admin-service is: $CONNECTADMIN_SERVICE, next to this program, the
    // build tree's layout, or PATH.
    static QString serviceProgram();

    void start(const QString &dataFolder = defaultDataFolder());
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString url() const { return m_url; }

signals:
    void ready(const QString &url, const QString &email, const QString &password);
    void failed(const QString &message);

private:
    void onOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QProcess m_process;
    QTimer m_startTimeout;
    QString m_dataFolder;
    QString m_url;
    QByteArray m_buffer;
};

} // namespace ca

#include "gui/SandboxLauncher.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace ca {

SandboxLauncher::SandboxLauncher(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // The service dies with this program even when it can't stop it (killed, crashed): no
    // orphaned sandbox holding its port and database. SIGTERM, so it closes the database
    // cleanly. Runs in the child between fork and exec: system calls only.
    const pid_t self = ::getpid();
    m_process.setChildProcessModifier([self] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != self) // gone before the line above: nobody would send it
            ::_exit(1);
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SandboxLauncher::onOutput);
    connect(&m_process, &QProcess::finished, this, &SandboxLauncher::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(tr("The account service could not be started (%1): %2")
                            .arg(m_process.program(), m_process.errorString()));
    });
    m_startTimeout.setSingleShot(true);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        stop();
        emit failed(tr("The local account service did not start within 30 seconds."));
    });
}

SandboxLauncher::~SandboxLauncher()
{
    stop();
}

QString SandboxLauncher::defaultDataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/connect-admin/sandbox");
}

QString SandboxLauncher::serviceProgram()
{
    QString fromEnv = qEnvironmentVariable("CONNECTADMIN_SERVICE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString here = QCoreApplication::applicationDirPath();
    const QStringList candidates{here + QStringLiteral("/connect-admin-service"),
                                 here + QStringLiteral("/../service/connect-admin-service"),
                                 here + QStringLiteral("/../src/service/connect-admin-service")};
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("connect-admin-service"));
    return onPath.isEmpty() ? QStringLiteral("connect-admin-service") : onPath;
}

void SandboxLauncher::start(const QString &dataFolder)
{
    if (isRunning())
        stop();
    m_dataFolder = dataFolder;
    m_url.clear();
    m_buffer.clear();
    QDir().mkpath(dataFolder);
    qCInfo(lcGui) << "starting the sandbox service in" << dataFolder;
    m_process.start(serviceProgram(), {QStringLiteral("--sandbox"), dataFolder});
    m_startTimeout.start(30000);
}

void SandboxLauncher::stop()
{
    m_startTimeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    disconnect(&m_process, &QProcess::finished, this, &SandboxLauncher::onFinished);
    m_process.terminate(); // SIGTERM: the service closes its database cleanly
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    connect(&m_process, &QProcess::finished, this, &SandboxLauncher::onFinished);
}

void SandboxLauncher::onOutput()
{
    m_buffer += m_process.readAllStandardOutput();
    if (!m_url.isEmpty())
        return;
    const qsizetype newline = m_buffer.indexOf('\n');
    if (newline < 0)
        return;
    const QByteArray line = m_buffer.left(newline).trimmed();
    if (!line.startsWith("listening on ")) {
        stop();
        emit failed(tr("The local account service said something unexpected: %1")
                        .arg(QString::fromUtf8(line.left(200))));
        return;
    }
    m_startTimeout.stop();
    m_url = QString::fromUtf8(line.mid(13));
    QFile owner(m_dataFolder + QStringLiteral("/sandbox-owner.json"));
    if (!owner.open(QIODevice::ReadOnly)) {
        emit failed(tr("The sandbox's sign-in file %1 can't be read.").arg(owner.fileName()));
        return;
    }
    const QJsonObject o = QJsonDocument::fromJson(owner.readAll()).object();
    emit ready(m_url, o.value(QStringLiteral("email")).toString(),
               o.value(QStringLiteral("password")).toString());
}

void SandboxLauncher::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_startTimeout.stop();
    const QString errors = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
    const QString last = errors.section(u'\n', -1);
    emit failed(
        status == QProcess::CrashExit
            ? tr("The local account service crashed.")
            : tr("The local account service stopped (exit code %1). %2").arg(exitCode).arg(last));
}

} // namespace ca

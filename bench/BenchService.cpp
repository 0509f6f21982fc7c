#include "BenchService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <csignal>

using namespace Qt::StringLiterals;

namespace ca::bench {

namespace {

constexpr int kStartTimeoutMs = 60000;

// Runs one statement on a PostgreSQL server, on a connection of its own.
QString runOnServer(const QUrl &server, const QString &statement)
{
    const QString name = u"bench-admin"_s;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(server.host());
        db.setPort(server.port(5432));
        db.setUserName(server.userName());
        db.setPassword(server.password());
        db.setDatabaseName(server.path().mid(1).isEmpty() ? u"postgres"_s : server.path().mid(1));
        if (!db.open())
            error = u"cannot connect to PostgreSQL at %1:%2: %3"_s.arg(server.host())
                        .arg(server.port(5432))
                        .arg(db.lastError().text());
        else if (QSqlQuery q(db); !q.exec(statement))
            error = q.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace

BenchService::BenchService(QString program)
    : m_program(std::move(program))
{}

BenchService::~BenchService()
{
    stop();
}

QString BenchService::start(const QString &postgresServer)
{
    if (!m_dir.isValid())
        return u"cannot create a temporary folder"_s;
    QStringList args{u"--sandbox"_s, m_dir.filePath(u"sandbox"_s), u"--port"_s, u"0"_s};
    if (!postgresServer.isEmpty()) {
        m_postgresServer = QUrl(postgresServer);
        if (!m_postgresServer.isValid() || !m_postgresServer.scheme().startsWith(u"postgres"_s))
            return u"--db takes a postgres://user@host:port/database URL"_s;
        if (QString e = createDatabase(); !e.isEmpty())
            return e;
        m_database = m_postgresServer;
        m_database.setPath(u'/' + m_freshDatabase);
        args << u"--db"_s << m_database.toString();
    }
    if (QString e = launch(args); !e.isEmpty())
        return e;
    return readOwner();
}

QString BenchService::startBeside(const BenchService &first)
{
    if (first.m_database.isEmpty())
        return u"more than one instance needs PostgreSQL (--db postgres://…)"_s;
    if (!m_dir.isValid())
        return u"cannot create a temporary folder"_s;
    m_postgresServer = first.m_postgresServer; // described alike; m_freshDatabase stays empty
    m_database = first.m_database;
    m_ownerEmail = first.m_ownerEmail;
    m_ownerPassword = first.m_ownerPassword;
    // One issuer for all, as behind a load balancer: a token reads the same whoever made it.
    return launch({u"--db"_s, m_database.toString(), u"--master-key"_s,
                   first.m_dir.filePath(u"sandbox/master.key"_s), u"--issuer"_s,
                   first.m_url.toString(), u"--port"_s, u"0"_s});
}

// Starts the binary and reads the URL it listens on from its first line.
QString BenchService::launch(const QStringList &args)
{
    m_process.setStandardErrorFile(m_dir.filePath(u"service.log"_s));
    m_process.start(m_program, args);
    if (!m_process.waitForStarted(kStartTimeoutMs))
        return u"cannot start %1: %2"_s.arg(m_program, m_process.errorString());
    QElapsedTimer waited;
    waited.start();
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning || waited.elapsed() > kStartTimeoutMs)
            return u"the service did not print \"listening on <url>\"; its log is in %1"_s.arg(
                m_dir.filePath(u"service.log"_s));
        m_process.waitForReadyRead(1000);
    }
    const QByteArray line = m_process.readLine().trimmed();
    if (!line.startsWith("listening on "))
        return u"unexpected first line from the service: "_s + QString::fromUtf8(line);
    m_url = QUrl(QString::fromUtf8(line.mid(13)));
    return {};
}

QString BenchService::readOwner()
{
    QFile f(m_dir.filePath(u"sandbox/sandbox-owner.json"_s));
    if (!f.open(QIODevice::ReadOnly))
        return u"the sandbox wrote no sandbox-owner.json"_s;
    const QJsonObject owner = QJsonDocument::fromJson(f.readAll()).object();
    m_ownerEmail = owner.value(u"email"_s).toString();
    m_ownerPassword = owner.value(u"password"_s).toString();
    return m_ownerPassword.isEmpty() ? u"sandbox-owner.json has no password"_s : QString();
}

QString BenchService::stop()
{
    QString error;
    if (m_process.state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished(30000);
            error = u"the service did not stop within 30 s of SIGTERM"_s;
        }
    }
    if (QString e = dropDatabase(); !e.isEmpty() && error.isEmpty())
        error = e;
    return error;
}

QString BenchService::createDatabase()
{
    m_freshDatabase =
        u"ca_bench_"_s + QString::number(QRandomGenerator::global()->generate64(), 16).left(12);
    QString error = runOnServer(m_postgresServer, u"CREATE DATABASE "_s + m_freshDatabase);
    if (!error.isEmpty())
        m_freshDatabase.clear();
    return error;
}

QString BenchService::dropDatabase()
{
    if (m_freshDatabase.isEmpty())
        return {};
    QString error = runOnServer(m_postgresServer, u"DROP DATABASE IF EXISTS "_s + m_freshDatabase);
    m_freshDatabase.clear();
    return error;
}

QString BenchService::describe() const
{
    if (m_postgresServer.isEmpty())
        return u"SQLite (WAL) in a temporary folder"_s;
    return u"PostgreSQL at %1:%2 (a fresh database)"_s.arg(m_postgresServer.host())
        .arg(m_postgresServer.port(5432));
}

qint64 BenchService::logLines() const
{
    QFile f(m_dir.filePath(u"service.log"_s));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().count('\n');
}

} // namespace ca::bench

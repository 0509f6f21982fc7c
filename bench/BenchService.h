// The account service the load benchmark runs against: started from its binary on a fresh
// sandbox — SQLite in a temporary folder, or a fresh database created on a PostgreSQL server
// — and stopped and removed afterwards. On PostgreSQL more instances can join the first one's
// database (startBeside), as a team runs them behind a load balancer.
#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace ca::bench {

class BenchService
{
public:
    explicit BenchService(QString program);
    ~BenchService();
    BenchService(const BenchService &) = delete;
    BenchService &operator=(const BenchService &) = delete;

    // postgresServer empty: SQLite. Otherwise postgres://user[:password]@host:port/db — a
    // database the user may connect to and create databases from; the service gets a fresh
    // one, dropped by stop(). Returns an empty string or what went wrong.
    QString start(const QString &postgresServer);
    // Another instance on first's PostgreSQL database, with its master key, on a port of its
    // own. It neither seeds nor drops the database (first does). Empty string or what failed.
    QString startBeside(const BenchService &first);
    // SIGTERM, then the fresh PostgreSQL database is dropped. Empty string or what failed.
    QString stop();

    QString host() const { return m_url.host(); }
    quint16 port() const { return quint16(m_url.port()); }
    QString ownerEmail() const { return m_ownerEmail; }
    QString ownerPassword() const { return m_ownerPassword; }
    // "SQLite (WAL)" or "PostgreSQL 127.0.0.1:54329" — never a password.
    QString describe() const;
    qint64 logLines() const;

private:
    QString launch(const QStringList &args);
    QString createDatabase();
    QString dropDatabase();
    QString readOwner();

    QString m_program;
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
    QUrl m_postgresServer;   // as given (empty for SQLite)
    QUrl m_database;         // the fresh database the instance serves (PostgreSQL)
    QString m_freshDatabase; // its name, once created
    QString m_ownerEmail;
    QString m_ownerPassword;
};

} // namespace ca::bench

// connect-admin-service: the account service. Prints "listening on <url>" once it accepts
// requests; stops cleanly on SIGINT/SIGTERM.
#include "core/Duration.h"
#include "core/Logging.h"
#include "core/QuitOnSignals.h"
#include "service/Sandbox.h"
#include "service/ServiceHost.h"
#include "service/SqliteBackup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "connect-admin-service: " << message << Qt::endl;
    return 1;
}

struct Options
{
    QCommandLineOption listen{u"listen"_s, u"Address to listen on (default 127.0.0.1)."_s,
                              u"address"_s, u"127.0.0.1"_s};
    QCommandLineOption port{u"port"_s, u"Port to listen on (default 8787; 0 picks a free one)."_s,
                            u"port"_s};
    QCommandLineOption db{
        u"db"_s,
        u"SQLite file, or postgres://user@host:port/database (libpq options as query items, e.g. ?service=NAME)."_s,
        u"url"_s};
    QCommandLineOption dbPasswordFile{
        u"db-password-file"_s,
        u"PostgreSQL: read the password from this file (mode 0600) instead of the URL. Without it, libpq's PGPASSFILE, ~/.pgpass and service files apply."_s,
        u"file"_s};
    QCommandLineOption backup{
        u"backup"_s,
        u"Write an online backup of the SQLite database (--db or --sandbox) to this new file (0600), then exit; it works while a service runs on the database. For PostgreSQL use pg_dump."_s,
        u"file"_s};
    QCommandLineOption masterKey{
        u"master-key"_s,
        u"Master key file (created 0600 if missing; default next to the SQLite file)."_s,
        u"file"_s};
    QCommandLineOption tlsCert{u"tls-cert"_s, u"PEM certificate (chain) for HTTPS."_s, u"file"_s};
    QCommandLineOption tlsKey{u"tls-key"_s, u"PEM private key for HTTPS."_s, u"file"_s};
    QCommandLineOption issuer{u"issuer"_s, u"Issuer URL put in tokens (default: the URL served)."_s,
                              u"url"_s};
    QCommandLineOption sandbox{
        u"sandbox"_s,
        u"Run the local sandbox with its data in this folder (demo account on first start, a free port unless --port)."_s,
        u"dir"_s};
    QCommandLineOption sessionTtl{u"session-ttl"_s,
                                  u"How long a sign-in lasts, e.g. 12h (default)."_s, u"duration"_s,
                                  u"12h"_s};
    QCommandLineOption idle{u"idle-timeout-ms"_s,
                            u"Close idle connections after this long (default 30000)."_s, u"ms"_s,
                            u"30000"_s};
    QCommandLineOption requestTimeout{
        u"request-timeout-ms"_s,
        u"Answer 408 to a request not received in full within this long (default 30000)."_s,
        u"ms"_s, u"30000"_s};
    QCommandLineOption workers{
        u"workers"_s,
        u"Threads that serve requests, each with its own database connection (default: one per core)."_s,
        u"n"_s};
    QCommandLineOption createOwner{
        u"create-owner"_s,
        u"Create the account and its first owner with this email; the password is read from standard input. Then exit (no port is opened)."_s,
        u"email"_s};

    QCommandLineOption verifyAudit{
        u"verify-audit"_s,
        u"Walk the audit log's hash chain (--db or --sandbox) and report the first event that doesn't match, or that the chain is whole; exit 0 only when whole. Then exit (no port is opened)."_s};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({listen, port, db, dbPasswordFile, masterKey, tlsCert, tlsKey, issuer,
                           sandbox, sessionTtl, idle, requestTimeout, workers, createOwner, backup,
                           verifyAudit});
    }
};

// The service's options from the command line, or a sentence saying what is wrong.
QString readOptions(const QCommandLineParser &parser, const Options &o, ca::ServiceOptions *options)
{
    if (!options->address.setAddress(parser.value(o.listen)))
        return u"--listen: \"%1\" is not an IP address."_s.arg(parser.value(o.listen));
    options->sandboxDir = parser.value(o.sandbox);
    options->port = options->sandboxDir.isEmpty() ? 8787 : 0;
    if (parser.isSet(o.port)) {
        bool ok = false;
        const uint p = parser.value(o.port).toUInt(&ok);
        if (!ok || p > 65535)
            return u"--port: \"%1\" is not a port number."_s.arg(parser.value(o.port));
        options->port = quint16(p);
    }
    if (parser.isSet(o.workers)) {
        bool ok = false;
        options->workers = parser.value(o.workers).toInt(&ok);
        if (!ok || options->workers < 1 || options->workers > 256)
            return u"--workers: \"%1\" is not a number from 1 to 256."_s.arg(
                parser.value(o.workers));
    }
    options->database = parser.value(o.db);
    options->databasePasswordFile = parser.value(o.dbPasswordFile);
    options->masterKeyPath = parser.value(o.masterKey);
    options->tlsCertificate = parser.value(o.tlsCert);
    options->tlsKey = parser.value(o.tlsKey);
    options->issuer = parser.value(o.issuer);
    const ca::DurationParse ttl = ca::parseDuration(parser.value(o.sessionTtl));
    if (!ttl.seconds)
        return u"--session-ttl: "_s + ttl.error;
    options->sessionTtlSeconds = *ttl.seconds;
    bool ok1 = false, ok2 = false;
    options->limits.idleTimeoutMs = parser.value(o.idle).toInt(&ok1);
    options->limits.requestTimeoutMs = parser.value(o.requestTimeout).toInt(&ok2);
    if (!ok1 || !ok2 || options->limits.idleTimeoutMs < 100 ||
        options->limits.requestTimeoutMs < 100)
        return u"--idle-timeout-ms and --request-timeout-ms take a number of milliseconds (at least 100)."_s;
    return {};
}

// --create-owner: the database and the rules, no port.
int createOwner(ca::ServiceHost &host, const QString &email)
{
    if (const QString error = host.open(); !error.isEmpty())
        return fail(error);
    const QString password = QTextStream(stdin).readLine();
    if (password.size() < ca::AccountService::kMinOwnerPasswordLength)
        return fail(
            u"the owner's password (read from standard input) must be at least %1 characters."_s
                .arg(ca::AccountService::kMinOwnerPasswordLength));
    try {
        const auto created = host.service().bootstrapOwner(email, password);
        if (!created.ok())
            return fail(created.error().message);
        QTextStream(stdout) << "created the owner " << created->owner.email << Qt::endl;
    } catch (const std::exception &e) {
        return fail(QString::fromUtf8(e.what()));
    }
    return 0;
}

// --verify-audit: the hash chain walked on the database itself, no port and no session.
int verifyAudit(ca::ServiceHost &host)
{
    if (const QString error = host.open(); !error.isEmpty())
        return fail(error);
    try {
        const ca::AuditVerification v = host.service().verifyAuditChain();
        if (!v.whole) {
            QTextStream(stdout) << "audit chain broken at event " << v.brokenSeq << ": "
                                << v.problem << " (" << v.count << " events before it match)"
                                << Qt::endl;
            return 2;
        }
        QTextStream(stdout) << "audit chain whole: " << v.count << " events" << Qt::endl;
    } catch (const std::exception &e) {
        return fail(QString::fromUtf8(e.what()));
    }
    return 0;
}

// --backup: a copy of the SQLite database, taken while the service may be running.
int backupDatabase(const ca::ServiceOptions &options, const QString &output)
{
    QString database = options.database;
    if (database.isEmpty() && !options.sandboxDir.isEmpty())
        database = ca::SandboxPaths{options.sandboxDir}.database();
    if (database.isEmpty())
        return fail(u"--backup needs the database: --db FILE or --sandbox DIR."_s);
    if (database.startsWith(u"postgres"))
        return fail(
            u"--backup copies SQLite databases; back up PostgreSQL with pg_dump (see the README)."_s);
    if (const QString error = ca::backupSqliteDatabase(database, output); !error.isEmpty())
        return fail(error);
    QTextStream(stdout) << "wrote a backup of " << database << " to " << output << Qt::endl;
    return 0;
}

// A password in --db is visible to every user of the machine (/proc/PID/cmdline, ps).
void warnAboutInlinePassword(const QString &database)
{
    if (database.startsWith(u"postgres") && !QUrl(database).password().isEmpty())
        QTextStream(stderr) << "connect-admin-service: warning: the database password is on the "
                               "command line, where other users can read it; use "
                               "--db-password-file FILE, PGPASSFILE or a service file instead."
                            << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    ::umask(077); // the database and key files hold secrets: owner-only from the start
    // Qt's own event dispatcher rather than GLib's, in the main thread and every worker: the
    // service uses no GLib-based library, and GLib's wakes its loop through an eventfd each
    // time a socket's write notifier is switched on or off — twice per answer, 4 of the 8
    // system calls a cached answer cost (strace -c). QT_NO_GLIB set but empty keeps GLib's.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"connect-admin-service"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CONNECTADMIN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The Connect Admin account service: users, groups, vaults, Connect servers, tokens and grants over HTTP."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const Options o;
    o.addTo(parser);
    parser.process(app);

    ca::ServiceOptions options;
    if (const QString error = readOptions(parser, o, &options); !error.isEmpty())
        return fail(error);
    if (parser.isSet(o.backup))
        return backupDatabase(options, parser.value(o.backup));
    warnAboutInlinePassword(options.database);
    ca::ServiceHost host(options);
    if (parser.isSet(o.createOwner))
        return createOwner(host, parser.value(o.createOwner));
    if (parser.isSet(o.verifyAudit))
        return verifyAudit(host);

    if (const QString error = host.start(); !error.isEmpty())
        return fail(error);
    ca::quitOnSignals(app);
    std::printf("listening on %s\n", qPrintable(host.url()));
    std::fflush(stdout);
    return app.exec();
}

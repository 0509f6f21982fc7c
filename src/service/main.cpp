// connect-admin-service: the account service. Prints "listening on <url>" once it accepts
// requests; stops cleanly on SIGINT/SIGTERM.
#include "core/Duration.h"
#include "core/Logging.h"
#include "service/ServiceHost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalFds[0], &c, 1);
}

void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] { app.quit(); });
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "connect-admin-service: " << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    ::umask(077); // the database and key files hold secrets: owner-only from the start
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"connect-admin-service"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CONNECTADMIN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The Connect Admin account service: users, groups, vaults, Connect servers, tokens and grants over HTTP."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(u"listen"_s, u"Address to listen on (default 127.0.0.1)."_s,
                                    u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(
        u"port"_s, u"Port to listen on (default 8787; 0 picks a free one)."_s, u"port"_s);
    const QCommandLineOption db(
        u"db"_s, u"SQLite file, or postgres://user:password@host:port/database."_s, u"url"_s);
    const QCommandLineOption masterKey(
        u"master-key"_s,
        u"Master key file (created 0600 if missing; default next to the SQLite file)."_s,
        u"file"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"PEM certificate (chain) for HTTPS."_s,
                                     u"file"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"PEM private key for HTTPS."_s, u"file"_s);
    const QCommandLineOption issuer(
        u"issuer"_s, u"Issuer URL put in tokens (default: the URL served)."_s, u"url"_s);
    const QCommandLineOption sandbox(
        u"sandbox"_s,
        u"Run the local sandbox with its data in this folder (demo account on first start, a free port unless --port)."_s,
        u"dir"_s);
    const QCommandLineOption sessionTtl(u"session-ttl"_s,
                                        u"How long a sign-in lasts, e.g. 12h (default)."_s,
                                        u"duration"_s, u"12h"_s);
    const QCommandLineOption idle(u"idle-timeout-ms"_s,
                                  u"Close idle connections after this long (default 30000)."_s,
                                  u"ms"_s, u"30000"_s);
    const QCommandLineOption requestTimeout(
        u"request-timeout-ms"_s,
        u"Answer 408 to a request not received in full within this long (default 30000)."_s,
        u"ms"_s, u"30000"_s);
    const QCommandLineOption createOwner(
        u"create-owner"_s,
        u"Create the account and its first owner with this email; the password is read from standard input. Then exit."_s,
        u"email"_s);
    parser.addOptions({listen, port, db, masterKey, tlsCert, tlsKey, issuer, sandbox, sessionTtl,
                       idle, requestTimeout, createOwner});
    parser.process(app);

    ca::ServiceOptions options;
    if (!options.address.setAddress(parser.value(listen)))
        return fail(u"--listen: \"%1\" is not an IP address."_s.arg(parser.value(listen)));
    options.sandboxDir = parser.value(sandbox);
    options.port = options.sandboxDir.isEmpty() ? 8787 : 0;
    if (parser.isSet(port)) {
        bool ok = false;
        const uint p = parser.value(port).toUInt(&ok);
        if (!ok || p > 65535)
            return fail(u"--port: \"%1\" is not a port number."_s.arg(parser.value(port)));
        options.port = quint16(p);
    }
    options.database = parser.value(db);
    options.masterKeyPath = parser.value(masterKey);
    options.tlsCertificate = parser.value(tlsCert);
    options.tlsKey = parser.value(tlsKey);
    options.issuer = parser.value(issuer);
    const ca::DurationParse ttl = ca::parseDuration(parser.value(sessionTtl));
    if (!ttl.seconds)
        return fail(u"--session-ttl: "_s + ttl.error);
    options.sessionTtlSeconds = *ttl.seconds;
    bool ok1 = false, ok2 = false;
    options.limits.idleTimeoutMs = parser.value(idle).toInt(&ok1);
    options.limits.requestTimeoutMs = parser.value(requestTimeout).toInt(&ok2);
    if (!ok1 || !ok2 || options.limits.idleTimeoutMs < 100 || options.limits.requestTimeoutMs < 100)
        return fail(
            u"--idle-timeout-ms and --request-timeout-ms take a number of milliseconds (at least 100)."_s);

    if (parser.isSet(createOwner)) {
        options.port = 0;
        options.address = QHostAddress::LocalHost;
    }
    ca::ServiceHost host(options);
    if (const QString error = host.start(); !error.isEmpty())
        return fail(error);

    if (parser.isSet(createOwner)) {
        QTextStream in(stdin);
        const QString password = in.readLine();
        if (password.size() < 12)
            return fail(
                u"the owner's password (read from standard input) must be at least 12 characters."_s);
        if (host.store().userByEmail(parser.value(createOwner)))
            return fail(u"a user with that email address already exists."_s);
        host.service().ensureAccount(u"Connect Admin"_s, u"connect-admin.local"_s);
        auto &service = host.service();
        const auto owner = service.addUser(parser.value(createOwner), u"Owner"_s, password);
        auto owners = service.addGroup(u"Owners"_s, u"Owners of the account"_s, true);
        host.store().addMember(owners.id, owner.id);
        service.addGroup(u"Administrators"_s, u"Administrators of the account"_s, true);
        service.initialize();
        QTextStream(stdout) << "created the owner " << owner.email << Qt::endl;
        return 0;
    }

    quitOnSignals(app);
    std::printf("listening on %s\n", qPrintable(host.url()));
    std::fflush(stdout);
    return app.exec();
}

// connect-admin-cli as users and scripts run it: the built program in a child process against
// the real account service on loopback, in a throwaway working folder and HOME.
// CONNECTADMIN_KEYCHAIN says whether this run has a real keychain ("available", under
// tests/client/with-keyring.sh) or none at all ("unavailable").
#include "../support/TestSupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace ca::test;

namespace {

const QString kOwner = u"owner@sandbox.example"_s;
const QString kCredentials = u"1password-credentials.json"_s;

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const
    {
        return u"exit %1\n--- stdout:\n%2--- stderr:\n%3"_s.arg(code).arg(QString::fromUtf8(out),
                                                                          QString::fromUtf8(err));
    }
};

// Empty when the run failed as a script expects: the exit status, nothing on standard output
// and exactly one line on standard error, which names the problem.
QString failureProblem(const Run &r, int code, const QString &needle)
{
    if (r.code != code)
        return u"expected exit %1\n"_s.arg(code) + r.describe();
    if (!r.out.isEmpty())
        return u"standard output is not empty\n"_s + r.describe();
    if (r.err.count('\n') != 1 || !r.err.endsWith('\n'))
        return u"standard error is not exactly one line\n"_s + r.describe();
    if (!r.err.startsWith("connect-admin-cli: "))
        return u"the error line does not start with the program name\n"_s + r.describe();
    if (!QString::fromUtf8(r.err).contains(needle))
        return u"the error line does not contain \"%1\"\n"_s.arg(needle) + r.describe();
    return {};
}

QString successProblem(const Run &r)
{
    if (r.code != 0 || !r.err.isEmpty())
        return u"expected success with nothing on standard error\n"_s + r.describe();
    return {};
}

#define VERIFY_FAILS(run, code, needle)                                                            \
    do {                                                                                           \
        const QString problem_ = failureProblem(run, code, needle);                                \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (false)

#define VERIFY_OK(run)                                                                             \
    do {                                                                                           \
        const QString problem_ = successProblem(run);                                              \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (false)

QJsonObject jwtClaims(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!decoded)
        return {};
    return QJsonDocument::fromJson(*decoded).object();
}

// vault ID -> ACL bits of a token's "1password.com/vts" claim
QHash<QString, int> vaultAcls(const QJsonObject &claims)
{
    QHash<QString, int> acls;
    for (const QJsonValue &v : claims.value(u"1password.com/vts"_s).toArray())
        acls.insert(v[u"u"_s].toString(), v[u"a"_s].toInt());
    return acls;
}

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<RunningService> m_svc;
    std::unique_ptr<Http> m_http; // the owner's session, for looking behind the program's back
    QString m_session;
    std::unique_ptr<QTemporaryDir> m_work; // current folder of each run, fresh per test
    std::unique_ptr<QTemporaryDir> m_home; // HOME and XDG_CONFIG_HOME of each run
    int m_counter = 0;

    static bool keychainAvailable()
    {
        return qEnvironmentVariable("CONNECTADMIN_KEYCHAIN") == u"available";
    }

    QString unique(const QString &base) { return u"%1 %2"_s.arg(base).arg(++m_counter); }

    // What every run gets: the service and the owner's session, a private HOME, and no
    // keychain unless this run has one.
    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &k : e.keys()) {
            if (k.startsWith(u"CONNECT_ADMIN_"))
                e.remove(k);
        }
        e.insert(u"HOME"_s, m_home->path());
        e.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
        e.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        e.remove(u"QT_LOGGING_RULES"_s);
        if (!keychainAvailable())
            e.insert(u"DBUS_SESSION_BUS_ADDRESS"_s,
                     u"unix:path=/nonexistent/connect-admin-test-bus"_s);
        e.insert(u"CONNECT_ADMIN_URL"_s, m_svc->url);
        e.insert(u"CONNECT_ADMIN_SESSION"_s, m_session);
        return e;
    }

    QProcessEnvironment envWithoutSession() const
    {
        QProcessEnvironment e = env();
        e.remove(u"CONNECT_ADMIN_SESSION"_s);
        e.remove(u"CONNECT_ADMIN_URL"_s);
        return e;
    }

    Run cli(const QStringList &args, const QByteArray &input = {},
            const std::optional<QProcessEnvironment> &environment = std::nullopt,
            const QString &folder = {})
    {
        return run(QStringLiteral(CLI_PATH), args, input, environment, folder);
    }

    // The program on a terminal: script(1) gives it a pseudo-terminal as standard input and
    // error, and passes our input on to it.
    Run onTerminal(const QStringList &args, const QByteArray &input)
    {
        QStringList quoted{QStringLiteral(CLI_PATH)};
        for (const QString &a : args)
            quoted.append(u'\'' + QString(a).replace(u"'"_s, u"'\\''"_s) + u'\'');
        return run(u"script"_s, {u"-qec"_s, quoted.join(u' '), u"/dev/null"_s}, input,
                   std::nullopt);
    }

    // Runs a program to its end while this process keeps serving its requests.
    Run run(const QString &program, const QStringList &args, const QByteArray &input,
            const std::optional<QProcessEnvironment> &environment, const QString &folder = {})
    {
        QProcess p;
        p.setProgram(program);
        p.setArguments(args);
        p.setProcessEnvironment(environment ? *environment : env());
        p.setWorkingDirectory(folder.isEmpty() ? m_work->path() : folder);
        QEventLoop loop;
        connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        // Only against a program that hangs: a finished run never waits for this.
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, &p, &QProcess::kill);
        p.start();
        if (!p.waitForStarted(30000))
            qFatal("connect-admin-cli did not start: %s", qPrintable(p.errorString()));
        p.write(input);
        p.closeWriteChannel();
        guard.start(120000);
        if (p.state() != QProcess::NotRunning)
            loop.exec();
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QJsonArray list(const QString &path)
    {
        const Reply r = m_http->get(path);
        if (r.status != 200)
            qFatal("GET %s: %d", qPrintable(path), r.status);
        return r.json.value(u"items"_s).toArray();
    }

    QJsonObject serverNamed(const QString &name)
    {
        for (const QJsonValue &v : list(u"/v1/connect/servers?limit=1000"_s)) {
            if (v[u"name"_s].toString() == name)
                return v.toObject();
        }
        return {};
    }

    int serverCount() { return int(list(u"/v1/connect/servers?limit=1000"_s).size()); }

    QString idOf(const QString &path, const QString &name)
    {
        for (const QJsonValue &v : list(path)) {
            if (v[u"name"_s].toString() == name)
                return v[u"id"_s].toString();
        }
        qFatal("no %s named %s", qPrintable(path), qPrintable(name));
    }
    QString vaultId(const QString &name) { return idOf(u"/v1/vaults?limit=1000"_s, name); }
    QString groupId(const QString &name) { return idOf(u"/v1/groups?limit=1000"_s, name); }

    // The group's grants as "manager", "all_servers" or "server:<ID>".
    QStringList grantsOf(const QString &group)
    {
        const QString id = groupId(group);
        QStringList out;
        for (const QJsonValue &v : list(u"/v1/connect/group-grants"_s)) {
            if (v[u"group"_s].toString() != id)
                continue;
            const QString kind = v[u"kind"_s].toString();
            out.append(kind == u"server" ? u"server:"_s + v[u"server"_s].toString() : kind);
        }
        out.sort();
        return out;
    }

    QString createServer(const QString &name, const QStringList &vaults = {})
    {
        const Reply r =
            m_http->post(u"/v1/connect/servers"_s,
                         {{u"name"_s, name}, {u"vaults"_s, QJsonArray::fromStringList(vaults)}});
        if (r.status != 201)
            qFatal("creating %s: %d", qPrintable(name), r.status);
        return r.json.value(u"server"_s).toObject().value(u"id"_s).toString();
    }

    // A session for the owner that nobody else uses.
    QString freshSession()
    {
        Http http(m_svc->url);
        return http.signIn(kOwner, m_svc->ownerPassword);
    }

    // The session token signin kept in the keychain, read with the secret service's own tool.
    QString keychainEntry()
    {
        QProcess lookup;
        lookup.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, u"connect-admin"_s, u"user"_s,
                                        m_svc->url + u'|' + kOwner});
        if (!lookup.waitForFinished(30000))
            qFatal("secret-tool did not finish");
        return QString::fromUtf8(lookup.readAllStandardOutput()).trimmed();
    }

    // The token's JSON object as token list --format json shows it, or an empty object.
    QJsonObject listedToken(const QString &id)
    {
        const Run listed = cli({u"connect"_s, u"token"_s, u"list"_s, u"--format"_s, u"json"_s});
        if (listed.code != 0)
            qFatal("token list: %s", qPrintable(listed.describe()));
        for (const QJsonValue &t : QJsonDocument::fromJson(listed.out).array()) {
            if (t[u"id"_s].toString() == id)
                return t.toObject();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        const QString mode = qEnvironmentVariable("CONNECTADMIN_KEYCHAIN");
        QVERIFY2(mode == u"available" || mode == u"unavailable",
                 "run through CTest (CONNECTADMIN_KEYCHAIN unset)");
        QVERIFY2(QFile::exists(QStringLiteral(CLI_PATH)), CLI_PATH);
        m_svc = startService();
        m_http = std::make_unique<Http>(m_svc->url);
        m_session = m_http->signIn(kOwner, m_svc->ownerPassword);
        QVERIFY(!m_session.isEmpty());
    }

    void init()
    {
        m_work = std::make_unique<QTemporaryDir>();
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_work->isValid() && m_home->isValid());
    }

    // ---- help and usage --------------------------------------------------------------------

    void versionAndHelp()
    {
        const Run version = cli({u"--version"_s});
        VERIFY_OK(version);
        QCOMPARE(version.out, "connect-admin-cli " CONNECTADMIN_VERSION "\n");

        const Run help = cli({u"--help"_s});
        VERIFY_OK(help);
        for (const char *text : {"Usage:  connect-admin-cli [command]", "connect", "signin",
                                 "signout", "CONNECT_ADMIN_URL", "CONNECT_ADMIN_ACCOUNT",
                                 "CONNECT_ADMIN_SESSION", "Exit status: 0"})
            QVERIFY2(help.out.contains(text), text);
    }

    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("mentions");
        const QStringList groupFlags{u"--all-servers"_s, u"--group group"_s, u"--server server"_s};
        QTest::newRow("connect") << u"connect"_s
                                 << QStringList{u"group"_s, u"server"_s, u"token"_s, u"vault"_s};
        QTest::newRow("connect group")
            << u"connect group"_s << QStringList{u"grant"_s, u"revoke"_s};
        QTest::newRow("connect group grant")
            << u"connect group grant"_s
            << (groupFlags + QStringList{u"list of Secrets Automation managers"_s});
        QTest::newRow("connect group revoke") << u"connect group revoke"_s << groupFlags;
        QTest::newRow("connect server")
            << u"connect server"_s
            << QStringList{u"create"_s, u"delete"_s, u"edit"_s, u"get"_s, u"list"_s};
        QTest::newRow("connect server create")
            << u"connect server create"_s
            << QStringList{u"<name> [flags]"_s, u"-f, --force"_s, u"--vaults strings"_s,
                           u"1password-credentials.json"_s};
        QTest::newRow("connect server delete")
            << u"connect server delete"_s << QStringList{u"[{ <serverName> | <serverID> | - }]"_s};
        QTest::newRow("connect server edit")
            << u"connect server edit"_s
            << QStringList{u"{ <serverName> | <serverID> }"_s, u"--name name"_s};
        QTest::newRow("connect server get")
            << u"connect server get"_s << QStringList{u"[{ <serverName> | <serverID> | - }]"_s};
        QTest::newRow("connect server list")
            << u"connect server list"_s << QStringList{u"Get a list of Connect servers."_s};
        QTest::newRow("connect token")
            << u"connect token"_s << QStringList{u"create"_s, u"delete"_s, u"edit"_s, u"list"_s};
        QTest::newRow("connect token create")
            << u"connect token create"_s
            << QStringList{u"<tokenName> [flags]"_s, u"--expires-in duration"_s,
                           u"--server string"_s,     u"--vault stringArray"_s,
                           u"--vaults strings"_s,    u"--vaults Kubernetes,r"_s};
        QTest::newRow("connect token delete")
            << u"connect token delete"_s << QStringList{u"[ <token> ]"_s, u"--server string"_s};
        QTest::newRow("connect token edit")
            << u"connect token edit"_s
            << QStringList{u"<token> [flags]"_s, u"--name string"_s, u"--server string"_s};
        QTest::newRow("connect token list")
            << u"connect token list"_s
            << QStringList{u"--server server"_s, u"both active and revoked"_s};
        QTest::newRow("connect vault")
            << u"connect vault"_s << QStringList{u"get"_s, u"grant"_s, u"revoke"_s};
        QTest::newRow("connect vault get")
            << u"connect vault get"_s << QStringList{u"{ <vaultName> | <vaultID> }"_s};
        QTest::newRow("connect export")
            << u"connect export"_s << QStringList{u"--output file"_s, u"YAML"_s};
        QTest::newRow("connect plan")
            << u"connect plan"_s << QStringList{u"<file> [flags]"_s, u"2 when there are changes"_s};
        QTest::newRow("connect apply")
            << u"connect apply"_s
            << QStringList{u"--auto-approve"_s, u"--tokens-out file"_s, u"--credentials-dir"_s};
        QTest::newRow("connect diff")
            << u"connect diff"_s << QStringList{u"--since when"_s, u"--until when"_s};
        QTest::newRow("audit") << u"audit"_s << QStringList{u"list"_s, u"verify"_s};
        QTest::newRow("audit list")
            << u"audit list"_s
            << QStringList{u"--since when"_s,  u"--actor email"_s, u"--server server"_s,
                           u"--vault vault"_s, u"--token token"_s, u"manager rights"_s};
        QTest::newRow("audit verify") << u"audit verify"_s << QStringList{u"hash chain"_s};
        QTest::newRow("connect vault grant")
            << u"connect vault grant"_s << QStringList{u"--server string"_s, u"--vault string"_s};
        QTest::newRow("connect vault revoke")
            << u"connect vault revoke"_s << QStringList{u"--server server"_s, u"--vault vault"_s};
        QTest::newRow("signin") << u"signin"_s
                                << QStringList{u"--email email"_s, u"--url url"_s,
                                               u"standard input"_s};
        QTest::newRow("signout") << u"signout"_s << QStringList{u"keychain"_s};
    }

    void everyCommandHasHelp()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, mentions);
        const QStringList words = command.split(u' ');
        for (const QString &helpFlag : {u"--help"_s, u"-h"_s}) {
            const Run r = cli(words + QStringList{helpFlag});
            VERIFY_OK(r);
            const QString text = QString::fromUtf8(r.out);
            QVERIFY2(text.contains(u"Usage:  connect-admin-cli "_s + command), qPrintable(text));
            QVERIFY2(text.contains(u"--format format"_s), "global flags are listed");
            QVERIFY2(text.contains(u"Exit status: 0"_s), "the exit status is documented");
            for (const QString &m : mentions)
                QVERIFY2(text.contains(m), qPrintable(m + u" in\n"_s + text));
        }
        // Help wins over whatever else is wrong on the line.
        VERIFY_OK(cli(words + QStringList{u"--bogus"_s, u"--help"_s}));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        auto row = [](const char *name, const QStringList &args, const QString &message) {
            QTest::newRow(name) << args << message;
        };
        row("unknown flag", {u"connect"_s, u"server"_s, u"list"_s, u"--bogus"_s},
            u"unknown flag: --bogus"_s);
        row("unknown shorthand", {u"connect"_s, u"server"_s, u"create"_s, u"x"_s, u"-z"_s},
            u"unknown shorthand flag: 'z'"_s);
        row("flag of another command",
            {u"connect"_s, u"server"_s, u"list"_s, u"--expires-in"_s, u"1d"_s},
            u"unknown flag: --expires-in"_s);
        row("missing token name", {u"connect"_s, u"token"_s, u"create"_s, u"--server"_s, u"Dev"_s},
            u"missing argument"_s);
        row("missing server name", {u"connect"_s, u"server"_s, u"create"_s}, u"missing argument"_s);
        row("missing flag value", {u"connect"_s, u"token"_s, u"create"_s, u"t"_s, u"--server"_s},
            u"flag needs an argument: --server"_s);
        row("token without server", {u"connect"_s, u"token"_s, u"create"_s, u"t"_s},
            u"needs --server"_s);
        // An unknown server too: a duration error proves nothing was sent.
        row("bad duration",
            {u"connect"_s, u"token"_s, u"create"_s, u"t"_s, u"--server"_s, u"No such server"_s,
             u"--expires-in"_s, u"30x"_s},
            u"--expires-in: The duration \"30x\""_s);
        row("empty duration",
            {u"connect"_s, u"token"_s, u"create"_s, u"t"_s, u"--server"_s, u"No such server"_s,
             u"--expires-in="_s},
            u"--expires-in:"_s);
        row("bad permission suffix",
            {u"connect"_s, u"token"_s, u"create"_s, u"t"_s, u"--server"_s, u"No such server"_s,
             u"--vault"_s, u"Kubernetes,x"_s},
            u"--vault: Unknown permission \"x\""_s);
        row("permission before any vault",
            {u"connect"_s, u"token"_s, u"create"_s, u"t"_s, u"--server"_s, u"No such server"_s,
             u"--vaults"_s, u"r,Kubernetes"_s},
            u"has no vault before it"_s);
        row("empty vault in --vaults",
            {u"connect"_s, u"server"_s, u"create"_s, u"x"_s, u"--vaults"_s,
             u"Kubernetes,,Staging"_s},
            u"--vaults: a vault name or ID is missing"_s);
        row("unknown command", {u"connect"_s, u"servers"_s, u"list"_s},
            u"unknown command \"servers\" for \"connect-admin-cli connect\""_s);
        row("missing subcommand", {u"connect"_s, u"server"_s},
            u"needs a subcommand: create, delete, edit, get, list"_s);
        row("no command", {}, u"name a command"_s);
        row("too many arguments", {u"connect"_s, u"server"_s, u"get"_s, u"a"_s, u"b"_s},
            u"takes at most 1 argument"_s);
        row("argument to list", {u"connect"_s, u"server"_s, u"list"_s, u"x"_s},
            u"takes no arguments"_s);
        row("bad format", {u"connect"_s, u"server"_s, u"list"_s, u"--format"_s, u"yaml"_s},
            u"invalid value \"yaml\" for --format"_s);
        row("server edit without --name", {u"connect"_s, u"server"_s, u"edit"_s, u"Dev"_s},
            u"needs --name"_s);
        row("token edit without --name", {u"connect"_s, u"token"_s, u"edit"_s, u"t"_s},
            u"needs --name"_s);
        row("vault grant without --vault",
            {u"connect"_s, u"vault"_s, u"grant"_s, u"--server"_s, u"Dev"_s}, u"needs --vault"_s);
        row("vault revoke without --server",
            {u"connect"_s, u"vault"_s, u"revoke"_s, u"--vault"_s, u"Kubernetes"_s},
            u"needs --server"_s);
        row("group grant without --group",
            {u"connect"_s, u"group"_s, u"grant"_s, u"--all-servers"_s}, u"needs --group"_s);
        row("server and all servers",
            {u"connect"_s, u"group"_s, u"grant"_s, u"--group"_s, u"Developers"_s, u"--server"_s,
             u"CI runners"_s, u"--all-servers"_s},
            u"either --server or --all-servers, not both"_s);
        row("bad switch value",
            {u"connect"_s, u"group"_s, u"revoke"_s, u"--group"_s, u"Developers"_s,
             u"--all-servers=maybe"_s},
            u"use true or false"_s);
        row("bad url", {u"connect"_s, u"server"_s, u"list"_s, u"--url"_s, u"ftp://example"_s},
            u"not an http:// or https:// address"_s);
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const int servers = serverCount();
        VERIFY_FAILS(cli(args), 2, message);
        QCOMPARE(serverCount(), servers);
        QVERIFY(!QFile::exists(m_work->filePath(kCredentials)));
    }

    // ---- what the service refuses ----------------------------------------------------------

    void serviceErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        auto row = [](const char *name, const QStringList &args, const QString &message) {
            QTest::newRow(name) << args << message;
        };
        row("unknown server", {u"connect"_s, u"server"_s, u"get"_s, u"No such server"_s},
            u"No Connect server is named or has the ID \"No such server\"."_s);
        row("unknown server for a token",
            {u"connect"_s, u"token"_s, u"create"_s, u"t"_s, u"--server"_s, u"No such server"_s,
             u"--expires-in=30d"_s},
            u"No Connect server is named or has the ID \"No such server\"."_s);
        row("unknown group", {u"connect"_s, u"group"_s, u"grant"_s, u"--group"_s, u"Nobody"_s},
            u"No group is named or has the ID \"Nobody\"."_s);
        row("unknown vault",
            {u"connect"_s, u"vault"_s, u"grant"_s, u"--server"_s, u"CI runners"_s, u"--vault"_s,
             u"Nowhere"_s},
            u"No vault is named or has the ID \"Nowhere\"."_s);
        row("forbidden vault",
            {u"connect"_s, u"vault"_s, u"grant"_s, u"--server"_s, u"CI runners"_s, u"--vault"_s,
             u"Payments"_s},
            u"You can't grant the vault \"Payments\": you don't have access to it yourself."_s);
        row("forbidden vault at creation",
            {u"connect"_s, u"server"_s, u"create"_s, u"Forbidden"_s, u"--vaults"_s, u"Payments"_s},
            u"you don't have access to it yourself"_s);
        row("shared vault",
            {u"connect"_s, u"vault"_s, u"grant"_s, u"--server"_s, u"CI runners"_s, u"--vault"_s,
             u"Shared"_s},
            u"\"Shared\" is the built-in Shared vault (type EVERYONE); it can't be granted"_s);
        row("private vault",
            {u"connect"_s, u"vault"_s, u"grant"_s, u"--server"_s, u"CI runners"_s, u"--vault"_s,
             u"Private"_s},
            u"can't be granted to a Connect server"_s);
        row("token on a vault the server lacks",
            {u"connect"_s, u"token"_s, u"create"_s, u"t"_s, u"--server"_s, u"CI runners"_s,
             u"--vault"_s, u"Kubernetes,r"_s},
            u"has no access to the vault \"Kubernetes\""_s);
        row("unknown token", {u"connect"_s, u"token"_s, u"delete"_s, u"No such token"_s},
            u"No token is named or has the ID \"No such token\"."_s);
        row("token of another server",
            {u"connect"_s, u"token"_s, u"edit"_s, u"ci pipeline"_s, u"--server"_s,
             u"Staging cluster"_s, u"--name"_s, u"x"_s},
            u"has no token named or with the ID \"ci pipeline\""_s);
        row("revoking a vault not granted",
            {u"connect"_s, u"vault"_s, u"revoke"_s, u"--server"_s, u"CI runners"_s, u"--vault"_s,
             u"Kubernetes"_s},
            u"The Connect server \"CI runners\" has no access to the vault \"Kubernetes\"."_s);
        row("revoking a manager grant that is not there",
            {u"connect"_s, u"group"_s, u"revoke"_s, u"--group"_s, u"Finance"_s},
            u"The group \"Finance\" is not a Secrets Automation manager."_s);
    }

    void serviceErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const int servers = serverCount();
        VERIFY_FAILS(cli(args), 1, message);
        QCOMPARE(serverCount(), servers);
        QVERIFY(!QFile::exists(m_work->filePath(kCredentials)));
    }

    void ambiguousNameListsBothIds()
    {
        const QString name = unique(u"Twin"_s);
        const QString first = createServer(name);
        const QString second = createServer(name);
        for (const QString &command : {u"get"_s, u"delete"_s, u"edit"_s}) {
            QStringList args{u"connect"_s, u"server"_s, command, name};
            if (command == u"edit")
                args << u"--name"_s << u"Single"_s;
            const Run r = cli(args);
            VERIFY_FAILS(r, 1, u"More than one Connect server is named \"%1\""_s.arg(name));
            QVERIFY2(r.err.contains(first.toUtf8()) && r.err.contains(second.toUtf8()),
                     r.err.constData());
        }
        // Nothing was deleted or renamed; the ID settles it.
        QCOMPARE(serverNamed(name).isEmpty(), false);
        const Run byId =
            cli({u"connect"_s, u"server"_s, u"get"_s, second, u"--format"_s, u"json"_s});
        VERIFY_OK(byId);
        QCOMPARE(QJsonDocument::fromJson(byId.out).object().value(u"id"_s).toString(), second);
    }

    void unreachableService()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString closed = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
        probe.close(); // nothing listens there any more
        QProcessEnvironment e = env();
        e.insert(u"CONNECT_ADMIN_URL"_s, closed);
        for (const QStringList &args :
             {QStringList{u"connect"_s, u"server"_s, u"list"_s},
              QStringList{u"connect"_s, u"token"_s, u"create"_s, u"t"_s, u"--server"_s, u"Dev"_s,
                          u"--expires-in=1h"_s},
              QStringList{u"connect"_s, u"server"_s, u"create"_s, u"Nowhere"_s}})
            VERIFY_FAILS(cli(args, {}, e), 1,
                         u"Can't reach the account service at %1: Nothing answers at that "
                         "address (connection refused)."_s.arg(closed));
        QVERIFY(!QFile::exists(m_work->filePath(kCredentials)));
        // --url wins over CONNECT_ADMIN_URL.
        VERIFY_OK(cli({u"connect"_s, u"server"_s, u"list"_s, u"--url"_s, m_svc->url}, {}, e));
        // signin too says so in one line.
        QProcessEnvironment s = envWithoutSession();
        VERIFY_FAILS(cli({u"signin"_s, u"--url"_s, closed, u"--email"_s, kOwner}, "password\n", s),
                     1, u"Can't reach the account service at %1"_s.arg(closed));
    }

    // A service with a certificate no public CA signed: refused without --ca-file (naming the
    // certificate), trusted with --ca-file FILE or CONNECT_ADMIN_CA_FILE, and a file that
    // holds no certificate is a usage error.
    void caFileTrustsAPrivateCertificate()
    {
        QTemporaryDir dir;
        const TestCertificate cert = makeTestCertificate(dir);
        QVERIFY2(!cert.certificate.isEmpty(), "openssl could not make a test certificate");
        ca::ServiceOptions o;
        o.port = 0;
        o.sandboxDir = dir.filePath(u"sandbox"_s);
        o.tlsCertificate = cert.certificate;
        o.tlsKey = cert.key;
        o.passwordHash = testHashParams();
        ca::ServiceHost tls(o);
        QCOMPARE(tls.start(), QString());
        QVERIFY(tls.url().startsWith(u"https://"_s));
        QFile ownerFile(dir.filePath(u"sandbox/sandbox-owner.json"_s));
        QVERIFY(ownerFile.open(QIODevice::ReadOnly));
        const QJsonObject owner = QJsonDocument::fromJson(ownerFile.readAll()).object();
        Http http(tls.url());
        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.addCaCertificates(cert.certificate, QSsl::Pem);
        http.setTls(trust);
        const QString session =
            http.signIn(owner.value(u"email"_s).toString(), owner.value(u"password"_s).toString());
        QVERIFY(!session.isEmpty());

        QProcessEnvironment e = env();
        e.insert(u"CONNECT_ADMIN_URL"_s, tls.url());
        e.insert(u"CONNECT_ADMIN_SESSION"_s, session);
        const QStringList list{u"connect"_s, u"server"_s, u"list"_s};
        VERIFY_FAILS(cli(list, {}, e), 1, u"The secure connection to %1 failed"_s.arg(tls.url()));
        const Run refused = cli(list, {}, e);
        QVERIFY2(refused.err.contains(cert.commonName.toUtf8()), refused.err.constData());

        const Run trusted = cli(list + QStringList{u"--ca-file"_s, cert.certificate}, {}, e);
        VERIFY_OK(trusted);
        QVERIFY2(trusted.out.contains("Staging cluster"), trusted.out.constData());

        QProcessEnvironment viaEnvironment = e;
        viaEnvironment.insert(u"CONNECT_ADMIN_CA_FILE"_s, cert.certificate);
        VERIFY_OK(cli(list, {}, viaEnvironment));

        VERIFY_FAILS(
            cli(list + QStringList{u"--ca-file"_s, dir.filePath(u"key-missing.pem"_s)}, {}, e), 2,
            u"--ca-file:"_s);
    }

    void notSignedIn()
    {
        QProcessEnvironment e = env();
        e.remove(u"CONNECT_ADMIN_SESSION"_s);
        const QString expected =
            u"connect-admin-cli: Not signed in to %1: run connect-admin-cli signin --url %1 "
            "--email EMAIL"_s.arg(m_svc->url);
        // No account known for the service.
        Run r = cli({u"connect"_s, u"server"_s, u"list"_s}, {}, e);
        VERIFY_FAILS(r, 1, u"Not signed in"_s);
        QCOMPARE(QString::fromUtf8(r.err).trimmed(), expected);
        // An account named, but no session kept for it.
        e.insert(u"CONNECT_ADMIN_ACCOUNT"_s, kOwner);
        r = cli({u"connect"_s, u"server"_s, u"list"_s}, {}, e);
        VERIFY_FAILS(r, 1,
                     u"connect-admin-cli: Not signed in to %1: run connect-admin-cli signin "
                     "--url %1 --email %2"_s.arg(m_svc->url, kOwner));
        // --account wins over CONNECT_ADMIN_ACCOUNT.
        r = cli({u"connect"_s, u"server"_s, u"list"_s, u"--account"_s, u"dev@sandbox.example"_s},
                {}, e);
        VERIFY_FAILS(r, 1, u"signin --url %1 --email dev@sandbox.example"_s.arg(m_svc->url));
        // signin needs to know where and who before it reads a password.
        VERIFY_FAILS(cli({u"signin"_s, u"--url"_s, m_svc->url}, "password\n", envWithoutSession()),
                     2, u"signin needs an email address: pass --email EMAIL"_s);
        VERIFY_FAILS(cli({u"signin"_s, u"--email"_s, kOwner}, "password\n", envWithoutSession()), 2,
                     u"signin needs the account service's address: pass --url URL"_s);
        // Neither a URL nor a last account.
        e.remove(u"CONNECT_ADMIN_URL"_s);
        r = cli({u"connect"_s, u"token"_s, u"list"_s}, {}, e);
        VERIFY_FAILS(r, 1,
                     u"Not signed in: run connect-admin-cli signin --url URL --email EMAIL"_s);
        // A session token the service does not know.
        QProcessEnvironment bad = env();
        bad.insert(u"CONNECT_ADMIN_SESSION"_s, u"not-a-session"_s);
        VERIFY_FAILS(
            cli({u"connect"_s, u"server"_s, u"list"_s}, {}, bad), 1,
            u"CONNECT_ADMIN_SESSION was refused by %1: The session is not valid"_s.arg(m_svc->url));
    }

    // ---- servers ---------------------------------------------------------------------------

    void serverCreateWritesTheCredentialsFile()
    {
        const QString name = unique(u"Creds"_s);
        const Run r = cli(
            {u"connect"_s, u"server"_s, u"create"_s, name, u"--vaults"_s, u"Kubernetes,Staging"_s});
        VERIFY_OK(r);
        const QJsonObject server = serverNamed(name);
        QVERIFY(!server.isEmpty());
        QVERIFY2(r.out.contains(server.value(u"id"_s).toString().toUtf8()), r.out.constData());
        QCOMPARE(server.value(u"vaults"_s).toArray().size(), 2);

        const QString path = m_work->filePath(kCredentials);
        QCOMPARE(modeOf(path), 0600);
        const QByteArray bytes = readFile(path);
        const QJsonObject c = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(c.value(u"version"_s).toString(), u"2"_s);
        QVERIFY(!c.value(u"deviceUuid"_s).toString().isEmpty());
        const QJsonObject verifier = c.value(u"verifier"_s).toObject();
        QVERIFY(!verifier.value(u"salt"_s).toString().isEmpty());
        QVERIFY(!verifier.value(u"localHash"_s).toString().isEmpty());
        const QJsonObject enc = c.value(u"encCredentials"_s).toObject();
        QCOMPARE(enc.value(u"enc"_s).toString(), u"A256GCM"_s);
        QCOMPARE(enc.value(u"cty"_s).toString(), u"b5+jwk+json"_s);
        for (const char *k : {"kid", "iv", "data"})
            QVERIFY2(!enc.value(QLatin1String(k)).toString().isEmpty(), k);
        const QJsonObject key = c.value(u"uniqueKey"_s).toObject();
        QCOMPARE(key.value(u"alg"_s).toString(), u"A256GCM"_s);
        QCOMPARE(key.value(u"kty"_s).toString(), u"oct"_s);
        QCOMPARE(key.value(u"ext"_s).toBool(), true);
        QCOMPARE(key.value(u"key_ops"_s).toArray(), (QJsonArray{u"encrypt"_s, u"decrypt"_s}));
        QVERIFY(!key.value(u"k"_s).toString().isEmpty());
        // The secret parts are in the file only, never on the screen.
        QVERIFY(!r.out.contains(key.value(u"k"_s).toString().toUtf8()));
        QVERIFY(!r.out.contains(verifier.value(u"localHash"_s).toString().toUtf8()));

        // --format json: the server object, as the service sends it.
        const QString other = unique(u"Creds json"_s);
        const Run json = cli({u"--format"_s, u"json"_s, u"connect"_s, u"server"_s, u"create"_s,
                              other, u"--force"_s});
        VERIFY_OK(json);
        const QJsonObject o = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(o.value(u"name"_s).toString(), other);
        QCOMPARE(o.value(u"id"_s).toString(), serverNamed(other).value(u"id"_s).toString());
        QVERIFY(!o.contains(u"credentials"_s));
    }

    void serverCreateAsksBeforeOverwriting()
    {
        const QString first = unique(u"First"_s);
        VERIFY_OK(cli({u"connect"_s, u"server"_s, u"create"_s, first}));
        const QString path = m_work->filePath(kCredentials);
        const QByteArray before = readFile(path);
        QVERIFY(!before.isEmpty());

        // No terminal to ask on (standard input is a pipe) and no --force: refused, nothing
        // created, the file untouched.
        const QString second = unique(u"Second"_s);
        const int servers = serverCount();
        VERIFY_FAILS(
            cli({u"connect"_s, u"server"_s, u"create"_s, second}, "y\n"), 1,
            u"%1 exists already; pass --force to overwrite it. No server was created."_s.arg(
                QDir(m_work->path()).absoluteFilePath(kCredentials)));
        QCOMPARE(readFile(path), before);
        QCOMPARE(serverCount(), servers);
        QVERIFY(serverNamed(second).isEmpty());

        for (const QString &force : {u"-f"_s, u"--force"_s}) {
            const QString name = unique(u"Forced"_s);
            const QByteArray old = readFile(path);
            VERIFY_OK(cli({u"connect"_s, u"server"_s, u"create"_s, name, force}));
            QVERIFY(!serverNamed(name).isEmpty());
            const QByteArray now = readFile(path);
            QVERIFY(now != old);
            QVERIFY(QJsonDocument::fromJson(now).object().contains(u"deviceUuid"_s));
            QCOMPARE(modeOf(path), 0600);
        }
    }

    void serverCreateAsksOnATerminal()
    {
        VERIFY_OK(cli({u"connect"_s, u"server"_s, u"create"_s, unique(u"Before"_s)}));
        const QString path = m_work->filePath(kCredentials);
        const QByteArray before = readFile(path);

        const QString declined = unique(u"Declined"_s);
        Run r = onTerminal({u"connect"_s, u"server"_s, u"create"_s, declined}, "n\n");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("exists already. Overwrite it? [y/N]") &&
                     r.out.contains("no server was created."),
                 r.out.constData());
        QCOMPARE(readFile(path), before);
        QVERIFY(serverNamed(declined).isEmpty());

        const QString accepted = unique(u"Accepted"_s);
        r = onTerminal({u"connect"_s, u"server"_s, u"create"_s, accepted}, "y\n");
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("Overwrite it? [y/N]"), r.out.constData());
        QVERIFY(!serverNamed(accepted).isEmpty());
        QVERIFY(readFile(path) != before);
        QCOMPARE(modeOf(path), 0600);
    }

    void serverCreateWhenTheFileCannotBeWritten()
    {
        // A folder in the way is found before anything is created.
        QVERIFY(QDir(m_work->path()).mkdir(kCredentials));
        const QString blocked = unique(u"Blocked"_s);
        VERIFY_FAILS(cli({u"connect"_s, u"server"_s, u"create"_s, blocked, u"-f"_s}), 1,
                     u"is a folder, so the credentials file can't be written there; no server "
                     "was created."_s);
        QVERIFY(serverNamed(blocked).isEmpty());

        // A link to a folder that does not exist only fails when the file is written: then the
        // server exists, and the message says so.
        QTemporaryDir other;
        QVERIFY(other.isValid());
        const QString linkFolder = other.filePath(u"linked"_s);
        QVERIFY(QDir().mkdir(linkFolder));
        QVERIFY(QFile::link(other.filePath(u"missing/target.json"_s),
                            QDir(linkFolder).filePath(kCredentials)));
        const QString lost = unique(u"Lost credentials"_s);
        const Run r =
            cli({u"connect"_s, u"server"_s, u"create"_s, lost}, {}, std::nullopt, linkFolder);
        const QJsonObject server = serverNamed(lost);
        QVERIFY(!server.isEmpty());
        VERIFY_FAILS(r, 1,
                     u"The Connect server \"%1\" (%2) was created, but its credentials could not "
                     "be saved"_s.arg(lost, server.value(u"id"_s).toString()));
        QVERIFY(r.err.contains("connect server delete"));
    }

    void serverLifecycle()
    {
        const QString name = unique(u"Life"_s);
        VERIFY_OK(
            cli({u"connect"_s, u"server"_s, u"create"_s, name, u"--vaults"_s, u"Kubernetes"_s}));
        const QString id = serverNamed(name).value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());

        // The table: a header row, then one aligned row per server.
        const Run table = cli({u"connect"_s, u"server"_s, u"list"_s});
        VERIFY_OK(table);
        const QStringList lines = QString::fromUtf8(table.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(
            lines.first().split(u' ', Qt::SkipEmptyParts),
            (QStringList{u"ID"_s, u"NAME"_s, u"STATE"_s, u"VAULTS"_s, u"TOKENS"_s, u"CREATED"_s}));
        QCOMPARE(lines.size(), serverCount() + 1);
        const auto row = std::find_if(lines.cbegin(), lines.cend(),
                                      [&id](const QString &l) { return l.startsWith(id); });
        QVERIFY(row != lines.cend());
        QVERIFY2(row->contains(name + u"  ") && row->contains(u"ACTIVE"_s), qPrintable(*row));
        QCOMPARE(row->indexOf(u"ACTIVE"_s), lines.first().indexOf(u"STATE"_s));

        // get by name and by ID (any case), with vault names for people.
        for (const QString &ref : {name, id, id.toLower()}) {
            const Run get = cli({u"connect"_s, u"server"_s, u"get"_s, ref});
            VERIFY_OK(get);
            QVERIFY2(get.out.contains((u"ID:              "_s + id).toUtf8()), get.out.constData());
            QVERIFY2(get.out.contains("Kubernetes"), get.out.constData());
        }

        const QString renamed = unique(u"Life renamed"_s);
        VERIFY_OK(cli({u"connect"_s, u"server"_s, u"edit"_s, name, u"--name"_s, renamed}));
        QCOMPARE(serverNamed(renamed).value(u"id"_s).toString(), id);
        VERIFY_FAILS(cli({u"connect"_s, u"server"_s, u"get"_s, name}), 1,
                     u"No Connect server is named"_s);

        const Run deleted = cli({u"connect"_s, u"server"_s, u"delete"_s, id});
        VERIFY_OK(deleted);
        QVERIFY(deleted.out.contains(id.toUtf8()));
        QVERIFY(serverNamed(renamed).isEmpty());
        VERIFY_FAILS(cli({u"connect"_s, u"server"_s, u"delete"_s, id}), 1,
                     u"No Connect server is named or has the ID"_s);
    }

    void dashReadsTheNameFromStandardInput()
    {
        const QString name = unique(u"Piped"_s);
        const QString id = createServer(name, {u"Kubernetes"_s});

        Run r = cli({u"connect"_s, u"server"_s, u"get"_s, u"-"_s, u"--format"_s, u"json"_s},
                    name.toUtf8() + '\n');
        VERIFY_OK(r);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"id"_s).toString(), id);
        // Without an argument, a pipe on standard input counts as "-".
        r = cli({u"connect"_s, u"server"_s, u"get"_s, u"--format=json"_s}, id.toUtf8());
        VERIFY_OK(r);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"name"_s).toString(), name);
        VERIFY_FAILS(cli({u"connect"_s, u"server"_s, u"get"_s, u"-"_s}, ""), 2,
                     u"no server name or ID on standard input"_s);

        // A token deleted by the name piped in.
        const Reply token = m_http->post(u"/v1/connect/tokens"_s,
                                         {{u"name"_s, u"piped token"_s}, {u"server"_s, id}});
        QCOMPARE(token.status, 201);
        VERIFY_OK(cli({u"connect"_s, u"token"_s, u"delete"_s, u"-"_s, u"--server"_s, id},
                      "piped token\n"));
        QCOMPARE(m_http->get(u"/v1/connect/tokens?server="_s + id)
                     .json.value(u"items"_s)
                     .toArray()
                     .first()[u"state"_s]
                     .toString(),
                 u"REVOKED"_s);

        // What get --format json prints can be piped into delete.
        r = cli({u"connect"_s, u"server"_s, u"get"_s, id, u"--format"_s, u"json"_s});
        VERIFY_OK(r);
        VERIFY_OK(cli({u"connect"_s, u"server"_s, u"delete"_s, u"-"_s}, r.out));
        QVERIFY(serverNamed(name).isEmpty());
    }

    void jsonOutputParsesBack()
    {
        const QStringList prefixes[] = {{u"--format"_s, u"json"_s}, {u"--format=json"_s}};
        for (const QStringList &format : prefixes) {
            const Run r = cli(format + QStringList{u"connect"_s, u"server"_s, u"list"_s});
            VERIFY_OK(r);
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
            QVERIFY2(error.error == QJsonParseError::NoError && doc.isArray(), r.out.constData());
            const QJsonArray servers = doc.array();
            QCOMPARE(servers.size(), serverCount());
            QStringList names;
            for (const QJsonValue &v : servers) {
                names.append(v[u"name"_s].toString());
                for (const char *field : {"id", "name", "state", "created_at", "creator_id",
                                          "tokens_version", "vaults"})
                    QVERIFY2(v.toObject().contains(QLatin1String(field)), field);
            }
            QVERIFY(names.contains(u"Staging cluster"_s) && names.contains(u"CI runners"_s));
        }

        const QJsonObject staging = serverNamed(u"Staging cluster"_s);
        const Run get = cli(
            {u"connect"_s, u"server"_s, u"get"_s, u"Staging cluster"_s, u"--format"_s, u"json"_s});
        VERIFY_OK(get);
        const QJsonObject o = QJsonDocument::fromJson(get.out).object();
        QCOMPARE(o.value(u"id"_s), staging.value(u"id"_s));
        QCOMPARE(o.value(u"vaults"_s), staging.value(u"vaults"_s));

        const Run all = cli({u"connect"_s, u"token"_s, u"list"_s, u"--format"_s, u"json"_s});
        VERIFY_OK(all);
        const QJsonArray tokens = QJsonDocument::fromJson(all.out).array();
        QVERIFY(!tokens.isEmpty());
        const Run some = cli({u"connect"_s, u"token"_s, u"list"_s, u"--server"_s,
                              u"Staging cluster"_s, u"--format"_s, u"json"_s});
        VERIFY_OK(some);
        const QJsonArray stagingTokens = QJsonDocument::fromJson(some.out).array();
        QVERIFY(!stagingTokens.isEmpty());
        QVERIFY(stagingTokens.size() < tokens.size());
        for (const QJsonValue &t : stagingTokens) {
            QCOMPARE(t[u"integrationId"_s], staging.value(u"id"_s));
            for (const char *field : {"id", "name", "state", "created_at", "expires_at", "vaults"})
                QVERIFY2(t.toObject().contains(QLatin1String(field)), field);
        }
    }

    // ---- tokens ----------------------------------------------------------------------------

    void referenceExamplesVerbatim()
    {
        VERIFY_OK(cli(
            {u"connect"_s, u"server"_s, u"create"_s, u"Dev"_s, u"--vaults"_s, u"Kubernetes"_s}));
        VERIFY_OK(cli({u"connect"_s, u"server"_s, u"create"_s, u"Prod"_s, u"--vaults"_s,
                       u"Customers,Vendors"_s, u"-f"_s}));
        const QString dev = serverNamed(u"Dev"_s).value(u"id"_s).toString();
        const QString prod = serverNamed(u"Prod"_s).value(u"id"_s).toString();
        const QRegularExpression jwtLine(
            u"^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\n$"_s);

        // op connect token create "Dev k8s token" --server Dev --vaults Kubernetes,r
        //     --expires-in=30d
        const Run first =
            cli({u"connect"_s, u"token"_s, u"create"_s, u"Dev k8s token"_s, u"--server"_s, u"Dev"_s,
                 u"--vaults"_s, u"Kubernetes,r"_s, u"--expires-in=30d"_s});
        VERIFY_OK(first);
        QVERIFY2(jwtLine.match(QString::fromLatin1(first.out)).hasMatch(), first.out.constData());
        const QJsonObject a = jwtClaims(first.out.trimmed());
        QCOMPARE(a.value(u"sub"_s).toString(), dev);
        QCOMPARE(vaultAcls(a), (QHash<QString, int>{{vaultId(u"Kubernetes"_s), 48}}));
        QCOMPARE(a.value(u"exp"_s).toInteger() - a.value(u"iat"_s).toInteger(),
                 qint64(30) * 24 * 3600);
        QCOMPARE(a.value(u"aud"_s).toArray(), QJsonArray{u"com.1password.connect"_s});

        // op connect token create "Prod: Customer details" --server Prod --vault "Customers,w"
        //     --vault "Vendors,r"
        const Run second =
            cli({u"connect"_s, u"token"_s, u"create"_s, u"Prod: Customer details"_s, u"--server"_s,
                 u"Prod"_s, u"--vault"_s, u"Customers,w"_s, u"--vault"_s, u"Vendors,r"_s});
        VERIFY_OK(second);
        QVERIFY2(jwtLine.match(QString::fromLatin1(second.out)).hasMatch(), second.out.constData());
        const QJsonObject b = jwtClaims(second.out.trimmed());
        QCOMPARE(b.value(u"sub"_s).toString(), prod);
        QCOMPARE(vaultAcls(b), (QHash<QString, int>{{vaultId(u"Customers"_s), 960},
                                                    {vaultId(u"Vendors"_s), 48}}));
        QVERIFY(!b.contains(u"exp"_s));

        // Both are listed under their servers, by name.
        const Run table = cli({u"connect"_s, u"token"_s, u"list"_s});
        VERIFY_OK(table);
        const QStringList rows = QString::fromUtf8(table.out).split(u'\n');
        auto rowOf = [&rows](const QString &name) {
            const auto it = std::find_if(rows.cbegin(), rows.cend(),
                                         [&name](const QString &r) { return r.contains(name); });
            return it == rows.cend() ? QString() : *it;
        };
        const QString devRow = rowOf(u"Dev k8s token"_s);
        QVERIFY2(devRow.contains(u"  Dev  "_s) && devRow.contains(u"Kubernetes,r"_s),
                 qPrintable(devRow));
        const QString prodRow = rowOf(u"Prod: Customer details"_s);
        QVERIFY2(prodRow.contains(u"  Prod  "_s) && prodRow.contains(u"Customers,w"_s) &&
                     prodRow.contains(u"Vendors,r"_s) && prodRow.contains(u"never"_s),
                 qPrintable(prodRow));
    }

    void tokenPermissionsAndLifetimes_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QStringList>("expected"); // "Vault=acl"
        QTest::addColumn<qint64>("lifetime");      // 0: never expires
        QTest::newRow("rw suffix") << QStringList{u"--vault"_s, u"Kubernetes,rw"_s}
                                   << QStringList{u"Kubernetes=1008"_s} << qint64(0);
        QTest::newRow("no suffix") << QStringList{u"--vault"_s, u"Staging"_s}
                                   << QStringList{u"Staging=1008"_s} << qint64(0);
        QTest::newRow("list with a suffix for the last")
            << QStringList{u"--vaults"_s, u"Kubernetes,Staging,w"_s}
            << QStringList{u"Kubernetes=1008"_s, u"Staging=960"_s} << qint64(0);
        QTest::newRow("both flags")
            << QStringList{u"--vaults"_s, u"Kubernetes,r"_s, u"--vault"_s, u"Staging,w"_s}
            << QStringList{u"Kubernetes=48"_s, u"Staging=960"_s} << qint64(0);
        QTest::newRow("no vaults: all of the server's")
            << QStringList{} << QStringList{u"Kubernetes=1008"_s, u"Staging=1008"_s} << qint64(0);
        QTest::newRow("combined duration")
            << QStringList{u"--vault"_s, u"Kubernetes,r"_s, u"--expires-in"_s, u"1w2d"_s}
            << QStringList{u"Kubernetes=48"_s} << qint64(9 * 24 * 3600);
        QTest::newRow("minutes") << QStringList{u"--vault"_s, u"Staging,r"_s, u"--expires-in=90m"_s}
                                 << QStringList{u"Staging=48"_s} << qint64(90 * 60);
    }

    void tokenPermissionsAndLifetimes()
    {
        QFETCH(QStringList, flags);
        QFETCH(QStringList, expected);
        QFETCH(qint64, lifetime);
        const Run r = cli(QStringList{u"connect"_s, u"token"_s, u"create"_s, unique(u"perm"_s),
                                      u"--server"_s, u"Staging cluster"_s} +
                          flags);
        VERIFY_OK(r);
        const QJsonObject claims = jwtClaims(r.out.trimmed());
        QHash<QString, int> want;
        for (const QString &e : expected)
            want.insert(vaultId(e.section(u'=', 0, 0)), e.section(u'=', 1).toInt());
        QCOMPARE(vaultAcls(claims), want);
        QCOMPARE(claims.value(u"sub"_s).toString(),
                 serverNamed(u"Staging cluster"_s).value(u"id"_s).toString());
        if (lifetime == 0)
            QVERIFY(!claims.contains(u"exp"_s));
        else
            QCOMPARE(claims.value(u"exp"_s).toInteger() - claims.value(u"iat"_s).toInteger(),
                     lifetime);
    }

    void tokenLifecycle()
    {
        const QString name = unique(u"lifecycle token"_s);
        const Run created = cli({u"connect"_s, u"token"_s, u"create"_s, name, u"--server"_s,
                                 u"CI runners"_s, u"--vault"_s, u"CI Secrets,r"_s});
        VERIFY_OK(created);
        const QString id = jwtClaims(created.out.trimmed()).value(u"jti"_s).toString();
        QVERIFY(!id.isEmpty());

        const Run table =
            cli({u"connect"_s, u"token"_s, u"list"_s, u"--server"_s, u"CI runners"_s});
        VERIFY_OK(table);
        const QStringList lines = QString::fromUtf8(table.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first().split(u' ', Qt::SkipEmptyParts),
                 (QStringList{u"ID"_s, u"NAME"_s, u"SERVER"_s, u"STATE"_s, u"VAULTS"_s,
                              u"CREATED"_s, u"EXPIRES"_s}));
        const auto row = std::find_if(lines.cbegin(), lines.cend(),
                                      [&id](const QString &l) { return l.startsWith(id); });
        QVERIFY(row != lines.cend());
        for (const QString &cell :
             {name, u"CI runners"_s, u"ACTIVE"_s, u"CI Secrets,r"_s, u"never"_s})
            QVERIFY2(row->contains(cell), qPrintable(*row));

        const QString renamed = unique(u"renamed token"_s);
        VERIFY_OK(cli({u"connect"_s, u"token"_s, u"edit"_s, name, u"--server"_s, u"CI runners"_s,
                       u"--name"_s, renamed}));
        const Run deleted =
            cli({u"connect"_s, u"token"_s, u"delete"_s, renamed, u"--format"_s, u"json"_s});
        VERIFY_OK(deleted);
        QCOMPARE(QJsonDocument::fromJson(deleted.out).object().value(u"state"_s).toString(),
                 u"REVOKED"_s);
        // Revoked tokens stay in the list.
        const Run listed = cli({u"connect"_s, u"token"_s, u"list"_s, u"--format"_s, u"json"_s});
        VERIFY_OK(listed);
        bool found = false;
        for (const QJsonValue &t : QJsonDocument::fromJson(listed.out).array()) {
            if (t[u"id"_s].toString() == id) {
                found = true;
                QCOMPARE(t[u"name"_s].toString(), renamed);
                QCOMPARE(t[u"state"_s].toString(), u"REVOKED"_s);
            }
        }
        QVERIFY(found);
    }

    // ---- token and credentials lifecycle ---------------------------------------------------

    // rotate prints the new token alone on standard output (so $(...) captures it), keeps the
    // old token's vaults and schedules the old one's revocation after the overlap.
    void tokenRotateAndScheduledRevocation()
    {
        const QString server = unique(u"Rotating"_s), name = unique(u"deploy"_s);
        createServer(server, {u"Kubernetes"_s, u"Staging"_s});
        const Run created = cli({u"connect"_s, u"token"_s, u"create"_s, name, u"--server"_s, server,
                                 u"--vaults"_s, u"Kubernetes,rw,Staging,r"_s});
        VERIFY_OK(created);
        const QJsonObject oldClaims = jwtClaims(created.out.trimmed());
        const QString oldId = oldClaims.value(u"jti"_s).toString();

        const Run rotated = cli({u"connect"_s, u"token"_s, u"rotate"_s, name, u"--server"_s, server,
                                 u"--overlap"_s, u"1h"_s});
        VERIFY_OK(rotated); // the old token's fate is a note on a terminal only
        QCOMPARE(rotated.out.count('\n'), 1);
        const QJsonObject newClaims = jwtClaims(rotated.out.trimmed());
        const QString newId = newClaims.value(u"jti"_s).toString();
        QVERIFY2(!newId.isEmpty() && newId != oldId, rotated.out.constData());
        QCOMPARE(vaultAcls(newClaims), vaultAcls(oldClaims));

        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QCOMPARE(listedToken(newId).value(u"name"_s).toString(),
                 u"%1 (rotated %2)"_s.arg(name, today));
        QCOMPARE(listedToken(newId).value(u"state"_s).toString(), u"ACTIVE"_s);
        const QJsonObject old = listedToken(oldId);
        QCOMPARE(old.value(u"state"_s).toString(), u"ACTIVE"_s);
        const QDateTime revokesAt =
            QDateTime::fromString(old.value(u"revokes_at"_s).toString(), Qt::ISODateWithMs);
        QVERIFY2(revokesAt.isValid(), QJsonDocument(old).toJson().constData());
        const qint64 inSeconds = QDateTime::currentDateTimeUtc().secsTo(revokesAt);
        QVERIFY2(inSeconds > 3000 && inSeconds <= 3600, qPrintable(revokesAt.toString()));

        // Moved, then cancelled.
        const Run moved = cli({u"connect"_s, u"token"_s, u"schedule-revoke"_s, oldId, u"--server"_s,
                               server, u"--in"_s, u"48h"_s});
        VERIFY_OK(moved);
        QVERIFY2(moved.out.contains("will be revoked at"), moved.out.constData());
        const qint64 movedIn = QDateTime::currentDateTimeUtc().secsTo(QDateTime::fromString(
            listedToken(oldId).value(u"revokes_at"_s).toString(), Qt::ISODateWithMs));
        QVERIFY2(movedIn > 47 * 3600 && movedIn <= 48 * 3600, qPrintable(QString::number(movedIn)));
        const Run cancelled = cli({u"connect"_s, u"token"_s, u"schedule-revoke"_s, oldId,
                                   u"--server"_s, server, u"--cancel"_s});
        VERIFY_OK(cancelled);
        QVERIFY2(cancelled.out.contains("is not scheduled to be revoked"),
                 cancelled.out.constData());
        QVERIFY(listedToken(oldId).value(u"revokes_at"_s).toString().isEmpty());
        QCOMPARE(listedToken(oldId).value(u"state"_s).toString(), u"ACTIVE"_s);

        // Overlap 0: the old token goes at once.
        const Run now = cli({u"connect"_s, u"token"_s, u"rotate"_s, oldId, u"--server"_s, server,
                             u"--overlap"_s, u"0"_s, u"--name"_s, unique(u"deploy now"_s)});
        VERIFY_OK(now);
        QCOMPARE(listedToken(oldId).value(u"state"_s).toString(), u"REVOKED"_s);

        VERIFY_FAILS(cli({u"connect"_s, u"token"_s, u"schedule-revoke"_s, newId, u"--server"_s,
                          server, u"--in"_s, u"1h"_s, u"--cancel"_s}),
                     2, u"give exactly one of --in, --at and --cancel"_s);
    }

    void tokenListExpiringWithinAndCalendar()
    {
        const QString server = unique(u"Expiring"_s);
        const QString soon = unique(u"soon"_s), later = unique(u"later"_s),
                      never = unique(u"never"_s);
        createServer(server, {u"Kubernetes"_s});
        for (const auto &[name, lifetime] :
             {std::pair{soon, u"2d"_s}, std::pair{later, u"30d"_s}}) {
            VERIFY_OK(cli({u"connect"_s, u"token"_s, u"create"_s, name, u"--server"_s, server,
                           u"--vault"_s, u"Kubernetes,r"_s, u"--expires-in"_s, lifetime}));
        }
        VERIFY_OK(cli({u"connect"_s, u"token"_s, u"create"_s, never, u"--server"_s, server}));

        const Run expiring = cli({u"connect"_s, u"token"_s, u"list"_s, u"--server"_s, server,
                                  u"--expiring-within"_s, u"7d"_s});
        VERIFY_OK(expiring);
        const QString text = QString::fromUtf8(expiring.out);
        QVERIFY2(text.contains(soon), qPrintable(text));
        QVERIFY2(!text.contains(later) && !text.contains(never), qPrintable(text));
        VERIFY_FAILS(cli({u"connect"_s, u"token"_s, u"list"_s, u"--expiring-within"_s, u"7x"_s}), 2,
                     u"--expiring-within"_s);

        const Run calendar = cli({u"connect"_s, u"token"_s, u"calendar"_s, u"--server"_s, server,
                                  u"--within"_s, u"60d"_s, u"--output"_s, u"expiry.ics"_s});
        VERIFY_OK(calendar);
        QCOMPARE(calendar.out, QByteArray("Wrote 2 event(s) to expiry.ics.\n"));
        const QString path = m_work->filePath(u"expiry.ics"_s);
        QCOMPARE(modeOf(path), 0600);
        const QByteArray ics = readFile(path);
        QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\n"));
        QVERIFY(ics.endsWith("END:VCALENDAR\r\n"));
        QCOMPARE(ics.count("BEGIN:VEVENT\r\n"), 2);
        // Unfolded, the summaries name the two tokens that end within 60 days.
        const QByteArray unfolded = QByteArray(ics).replace("\r\n ", "");
        QVERIFY(unfolded.contains(soon.toUtf8()) && unfolded.contains(later.toUtf8()));
        QVERIFY(!unfolded.contains(never.toUtf8()));

        // Without --output, to standard output: the same events.
        const Run toStdout = cli({u"connect"_s, u"token"_s, u"calendar"_s, u"--server"_s, server,
                                  u"--within"_s, u"7d"_s});
        VERIFY_OK(toStdout);
        QCOMPARE(toStdout.out.count("BEGIN:VEVENT\r\n"), 1);
    }

    void serverCheckAndRenewCredentials()
    {
        const QString server = unique(u"Checked"_s), other = unique(u"Other"_s);
        VERIFY_OK(
            cli({u"connect"_s, u"server"_s, u"create"_s, server, u"--vaults"_s, u"Kubernetes"_s}));
        const QString id = serverNamed(server).value(u"id"_s).toString();
        const QString file = m_work->filePath(kCredentials);
        QVERIFY(QFile::copy(file, m_work->filePath(u"old.json"_s)));
        const Run token = cli({u"connect"_s, u"token"_s, u"create"_s, unique(u"reader"_s),
                               u"--server"_s, server, u"--vault"_s, u"Kubernetes,r"_s});
        VERIFY_OK(token);
        const QByteArray jwt = token.out.trimmed();

        const Run good = cli(
            {u"connect"_s, u"server"_s, u"check-credentials"_s, kCredentials, u"--token"_s, u"-"_s},
            jwt + '\n');
        VERIFY_OK(good);
        const QString report = QString::fromUtf8(good.out);
        for (const QString &fact : {id, server, u"ACTIVE"_s, m_svc->url, u"Matches file:  yes"_s,
                                    u"In force:      yes"_s, u"Kubernetes,r"_s})
            QVERIFY2(report.contains(fact), qPrintable(fact + u" in\n"_s + report));
        QVERIFY(report.endsWith(u"The file and the token are good.\n"_s));

        // A token of another server does not belong to this file.
        createServer(other, {u"Kubernetes"_s});
        const Run otherToken = cli(
            {u"connect"_s, u"token"_s, u"create"_s, unique(u"elsewhere"_s), u"--server"_s, other});
        VERIFY_OK(otherToken);
        const Run mismatch = cli({u"connect"_s, u"server"_s, u"check-credentials"_s, kCredentials,
                                  u"--token"_s, QString::fromLatin1(otherToken.out.trimmed())});
        QCOMPARE(mismatch.code, 1);
        QVERIFY2(mismatch.err.contains("not to this file's server"),
                 qPrintable(mismatch.describe()));
        QVERIFY2(mismatch.out.contains("Matches file:  no"), qPrintable(mismatch.describe()));

        // Renewing: a new file in place (0600), the old file and the old token no longer match.
        VERIFY_FAILS(cli({u"connect"_s, u"server"_s, u"renew-credentials"_s, server}), 1,
                     u"were not renewed"_s);
        const Run renewed =
            cli({u"connect"_s, u"server"_s, u"renew-credentials"_s, server, u"--force"_s});
        VERIFY_OK(renewed);
        QVERIFY2(renewed.out.contains("1 active token(s) were issued against the old credentials"),
                 renewed.out.constData());
        QCOMPARE(modeOf(file), 0600);
        QVERIFY(readFile(file) != readFile(m_work->filePath(u"old.json"_s)));

        const Run oldFile = cli({u"connect"_s, u"server"_s, u"check-credentials"_s, u"old.json"_s});
        QCOMPARE(oldFile.code, 1);
        QVERIFY2(oldFile.err.contains("This is not the credentials file in force"),
                 qPrintable(oldFile.describe()));
        const Run newFileOldToken = cli({u"connect"_s, u"server"_s, u"check-credentials"_s,
                                         kCredentials, u"--token"_s, QString::fromLatin1(jwt)});
        QCOMPARE(newFileOldToken.code, 1);
        QVERIFY2(newFileOldToken.out.contains("Matches file:  no"),
                 qPrintable(newFileOldToken.describe()));
        const Run newFile = cli({u"connect"_s, u"server"_s, u"check-credentials"_s, kCredentials});
        VERIFY_OK(newFile);
        QVERIFY(newFile.out.endsWith("The file is good.\n"));
    }

    void vaultRevokeDryRunChangesNothing()
    {
        const QString server = unique(u"Preview"_s), deploy = unique(u"deploy"_s),
                      monitor = unique(u"monitor"_s);
        const QString id = createServer(server, {u"Kubernetes"_s, u"Staging"_s});
        VERIFY_OK(cli({u"connect"_s, u"token"_s, u"create"_s, deploy, u"--server"_s, server,
                       u"--vaults"_s, u"Kubernetes,rw,Staging,r"_s}));
        VERIFY_OK(cli({u"connect"_s, u"token"_s, u"create"_s, monitor, u"--server"_s, server,
                       u"--vault"_s, u"Kubernetes,r"_s}));
        const QJsonArray before = serverNamed(server).value(u"vaults"_s).toArray();
        const Run dry = cli({u"connect"_s, u"vault"_s, u"revoke"_s, u"--server"_s, server,
                             u"--vault"_s, u"Kubernetes"_s, u"--dry-run"_s});
        VERIFY_OK(dry);
        QCOMPARE(QString::fromUtf8(dry.out),
                 u"2 tokens lose Kubernetes: %1 (rw), %2 (r)\n"_s.arg(deploy, monitor));
        QCOMPARE(serverNamed(server).value(u"vaults"_s).toArray(), before);

        const Run real = cli(
            {u"connect"_s, u"vault"_s, u"revoke"_s, u"--server"_s, id, u"--vault"_s, u"Staging"_s});
        VERIFY_OK(real);
        QVERIFY2(real.out.startsWith(u"1 token loses Staging: %1 (r)\n"_s.arg(deploy).toUtf8()),
                 real.out.constData());
        QCOMPARE(serverNamed(server).value(u"vaults"_s).toArray(),
                 QJsonArray{vaultId(u"Kubernetes"_s)});
    }

    // ---- vault and group access ------------------------------------------------------------

    // Tables list names as people read them, as the desktop program does: locale-aware,
    // case-insensitive, numbers by value; tokens by server, then by name.
    void tablesSortNamesAsPeopleRead()
    {
        const QString tag = unique(u"order"_s);
        const QStringList byName{u"Alpha "_s + tag, u"Ärger "_s + tag, u"beta "_s + tag,
                                 u"zulu 9 "_s + tag, u"zulu 10 "_s + tag};
        for (const QString &name : {byName[2], byName[4], byName[1], byName[0], byName[3]})
            QCOMPARE(m_http
                         ->post(u"/v1/connect/servers"_s,
                                {{u"name"_s, name}, {u"vaults"_s, QJsonArray{u"Kubernetes"_s}}})
                         .status,
                     201);
        // Two on Alpha, one on beta whose name alone would sort first.
        const std::pair<QString, QString> tokens[] = {{u"tok b "_s + tag, byName[0]},
                                                      {u"tok 0 "_s + tag, byName[2]},
                                                      {u"Tok a "_s + tag, byName[0]}};
        for (const auto &[token, server] : tokens)
            QCOMPARE(
                m_http->post(u"/v1/connect/tokens"_s, {{u"name"_s, token}, {u"server"_s, server}})
                    .status,
                201);
        QProcessEnvironment german = env();
        german.insert(u"LC_ALL"_s, u"de_DE.UTF-8"_s);
        auto linesWith = [&](const QByteArray &out, const QStringList &names) {
            QStringList found;
            for (const QString &line : QString::fromUtf8(out).split(u'\n'))
                for (const QString &name : names)
                    if (line.contains(name + u"  "_s))
                        found.append(name);
            return found;
        };
        const Run servers = cli({u"connect"_s, u"server"_s, u"list"_s}, {}, german);
        VERIFY_OK(servers);
        QCOMPARE(linesWith(servers.out, byName), byName);
        const Run listed = cli({u"connect"_s, u"token"_s, u"list"_s}, {}, german);
        VERIFY_OK(listed);
        const QStringList tokenNames{u"Tok a "_s + tag, u"tok b "_s + tag, u"tok 0 "_s + tag};
        QCOMPARE(linesWith(listed.out, tokenNames), tokenNames);
    }

    // A token that names a vault its server no longer reaches says so in the table.
    void tokenListMarksVaultsTheServerLost()
    {
        const QString server = unique(u"Losing"_s), token = unique(u"loser"_s);
        QCOMPARE(m_http
                     ->post(u"/v1/connect/servers"_s,
                            {{u"name"_s, server},
                             {u"vaults"_s, QJsonArray{u"Kubernetes"_s, u"Vendors"_s}}})
                     .status,
                 201);
        VERIFY_OK(cli({u"connect"_s, u"token"_s, u"create"_s, token, u"--server"_s, server,
                       u"--vaults"_s, u"Kubernetes,r,Vendors,rw"_s}));
        VERIFY_OK(cli({u"connect"_s, u"vault"_s, u"revoke"_s, u"--server"_s, server, u"--vault"_s,
                       u"Kubernetes"_s}));
        const Run listed = cli({u"connect"_s, u"token"_s, u"list"_s, u"--server"_s, server});
        VERIFY_OK(listed);
        const QString out = QString::fromUtf8(listed.out);
        QVERIFY2(out.contains(u"Kubernetes,r* Vendors,rw "_s), listed.out.constData());
        QVERIFY2(out.contains(u"* The token's server no longer has access to this vault"_s),
                 listed.out.constData());
    }

    void vaultGrantAndRevoke()
    {
        const QString name = unique(u"Vaults"_s);
        const QString id = createServer(name);
        const QString kubernetes = vaultId(u"Kubernetes"_s);
        const QStringList grant{u"connect"_s, u"vault"_s,   u"grant"_s,     u"--server"_s,
                                name,         u"--vault"_s, u"Kubernetes"_s};
        const Run granted = cli(grant);
        VERIFY_OK(granted);
        QVERIFY(granted.out.contains(id.toUtf8()));
        QCOMPARE(serverNamed(name).value(u"vaults"_s).toArray(), QJsonArray{kubernetes});
        VERIFY_OK(cli(grant)); // granting twice changes nothing

        const Run json = cli({u"connect"_s, u"vault"_s, u"revoke"_s, u"--server"_s, id,
                              u"--vault"_s, kubernetes, u"--format"_s, u"json"_s});
        VERIFY_OK(json);
        QCOMPARE(QJsonDocument::fromJson(json.out).object().value(u"vaults"_s).toArray(),
                 QJsonArray());
        QCOMPARE(serverNamed(name).value(u"vaults"_s).toArray(), QJsonArray());
        VERIFY_FAILS(cli({u"connect"_s, u"vault"_s, u"revoke"_s, u"--server"_s, name, u"--vault"_s,
                          u"Kubernetes"_s}),
                     1, u"has no access to the vault \"Kubernetes\""_s);
    }

    void auditListFiltersAndFormats()
    {
        const QString name = unique(u"Audited"_s);
        const QString id = createServer(name, {u"Kubernetes"_s});
        const Run json = cli({u"audit"_s, u"list"_s, u"--server"_s, name, u"--since"_s, u"1h"_s,
                              u"--format"_s, u"json"_s});
        VERIFY_OK(json);
        const QJsonArray events = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0][u"action"_s].toString(), u"server.create"_s);
        QCOMPARE(events[0][u"target_id"_s].toString(), id);

        // People get a table with the actor's email address, newest first.
        const Run human = cli({u"audit"_s, u"list"_s, u"--actor"_s, kOwner, u"--action"_s,
                               u"server"_s, u"--limit"_s, u"1"_s});
        VERIFY_OK(human);
        const QStringList lines = QString::fromUtf8(human.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(u"TIME"_s));
        QVERIFY2(lines.at(1).contains(kOwner) && lines.at(1).contains(name),
                 qPrintable(lines.at(1)));

        // Events about a vault find the server granted it; more than 1000 is paged through.
        const Run byVault = cli({u"audit"_s, u"list"_s, u"--vault"_s, u"Kubernetes"_s,
                                 u"--format"_s, u"json"_s, u"--limit"_s, u"5000"_s});
        VERIFY_OK(byVault);
        QVERIFY(byVault.out.contains(id.toUtf8()));

        VERIFY_FAILS(cli({u"audit"_s, u"list"_s, u"--since"_s, u"yesterday"_s}), 2, u"--since"_s);
        VERIFY_FAILS(cli({u"audit"_s, u"list"_s, u"--server"_s, name, u"--vault"_s, u"x"_s}), 2,
                     u"give one of"_s);
        VERIFY_FAILS(cli({u"audit"_s, u"list"_s, u"--actor"_s, u"nobody@nowhere.example"_s}), 1,
                     u"nobody@nowhere.example"_s);
    }

    void auditVerifyReportsTheChain()
    {
        const Run r = cli({u"audit"_s, u"verify"_s});
        VERIFY_OK(r);
        QVERIFY2(r.out.contains("is whole"), r.out.constData());
        const Run json = cli({u"audit"_s, u"verify"_s, u"--format"_s, u"json"_s});
        VERIFY_OK(json);
        QCOMPARE(QJsonDocument::fromJson(json.out).object().value(u"whole"_s).toBool(), true);
    }

    void vaultGetShowsWhoCanReachIt()
    {
        const QString name = unique(u"Reach"_s);
        createServer(name, {u"Customers"_s});
        const QString tokenName = unique(u"reach-token"_s);
        const Reply token = m_http->post(
            u"/v1/connect/tokens"_s,
            {{u"name"_s, tokenName},
             {u"server"_s, name},
             {u"vaults"_s,
              QJsonArray{QJsonObject{{u"vault"_s, u"Customers"_s}, {u"access"_s, u"read"_s}}}}});
        QCOMPARE(token.status, 201);
        const Run human = cli({u"connect"_s, u"vault"_s, u"get"_s, u"Customers"_s});
        VERIFY_OK(human);
        const QString text = QString::fromUtf8(human.out);
        QVERIFY2(text.contains(name) && text.contains(tokenName), qPrintable(text));
        QVERIFY2(text.contains(u"read"_s) && text.contains(u"ACTIVE"_s), qPrintable(text));

        const Run json =
            cli({u"connect"_s, u"vault"_s, u"get"_s, u"Customers"_s, u"--format"_s, u"json"_s});
        VERIFY_OK(json);
        const QJsonObject access = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(access[u"vault"_s][u"name"_s].toString(), u"Customers"_s);
        bool found = false;
        for (const QJsonValue &s : access.value(u"servers"_s).toArray()) {
            if (s[u"server"_s][u"name"_s].toString() == name) {
                found = true;
                QCOMPARE(s[u"tokens"_s].toArray().size(), 1);
            }
        }
        QVERIFY(found);
        VERIFY_FAILS(cli({u"connect"_s, u"vault"_s, u"get"_s, u"Nowhere"_s}), 1, u"Nowhere"_s);
        VERIFY_FAILS(cli({u"connect"_s, u"vault"_s, u"get"_s}), 2, u"vault get"_s);
    }

    // What changed between two moments, from the audit log: net cell changes only.
    void connectDiffShowsWhatChanged()
    {
        const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const QString name = unique(u"Diffed"_s);
        const QString id = createServer(name, {u"Kubernetes"_s});
        const QString path = u"/v1/connect/servers/%1/vaults/Customers"_s.arg(id);
        QCOMPARE(m_http->put(path).status, 200);
        QCOMPARE(m_http->del(path).status, 200); // granted and revoked again: no change
        QCOMPARE(m_http->put(u"/v1/connect/servers/%1/vaults/Vendors"_s.arg(id)).status, 200);
        const QString tokenName = unique(u"diff-token"_s);
        QCOMPARE(m_http->post(u"/v1/connect/tokens"_s, {{u"name"_s, tokenName}, {u"server"_s, id}})
                     .status,
                 201);

        const Run json =
            cli({u"connect"_s, u"diff"_s, u"--since"_s, since, u"--format"_s, u"json"_s});
        VERIFY_OK(json);
        const QJsonObject diff = QJsonDocument::fromJson(json.out).object();
        QStringList cells;
        for (const QJsonValue &c : diff.value(u"cells"_s).toArray())
            if (c[u"server"_s].toString() == id)
                cells.append(c[u"vault_name"_s].toString() + u' ' + c[u"change"_s].toString());
        cells.sort();
        QCOMPARE(cells, (QStringList{u"Kubernetes granted"_s, u"Vendors granted"_s}));
        bool created = false;
        for (const QJsonValue &t : diff.value(u"tokens"_s).toArray())
            created |= t[u"name"_s].toString() == tokenName &&
                       t[u"change"_s].toString() == u"created" &&
                       t[u"server_name"_s].toString() == name;
        QVERIFY2(created, json.out.constData());
        QVERIFY(diff.value(u"events"_s).toInt() >= 5);

        // People get the same as tables; before any of it nothing of this server shows.
        const Run human = cli({u"connect"_s, u"diff"_s, u"--since"_s, since});
        VERIFY_OK(human);
        const QString text = QString::fromUtf8(human.out);
        QVERIFY2(text.contains(u"+ granted"_s) && text.contains(name) && text.contains(tokenName) &&
                     !text.contains(u"Customers"_s),
                 qPrintable(text));
        const Run before = cli({u"connect"_s, u"diff"_s, u"--since"_s, u"2020-01-01"_s,
                                u"--until"_s, u"2020-01-02"_s});
        VERIFY_OK(before);
        QVERIFY2(!before.out.contains(name.toUtf8()), before.out.constData());

        VERIFY_FAILS(cli({u"connect"_s, u"diff"_s}), 2, u"--since"_s);
        VERIFY_FAILS(cli({u"connect"_s, u"diff"_s, u"--since"_s, u"2026-11-02"_s, u"--until"_s,
                          u"2026-11-01"_s}),
                     2, u"--until"_s);
        VERIFY_FAILS(cli({u"connect"_s, u"diff"_s, u"--since"_s, u"last tuesday"_s}), 2,
                     u"--since"_s);
    }

    // A batch of more than 100 cells shows whole: its audit event keeps every cell (it kept
    // the first 100 and the diff said so).
    void connectDiffShowsEveryCellOfALargeBatch()
    {
        const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QStringList vaults;
        for (const QJsonValue &v : m_http->get(u"/v1/vaults"_s).json[u"items"_s].toArray())
            if (v[u"grantable"_s].toBool() && v[u"accessible"_s].toBool())
                vaults.append(v[u"id"_s].toString());
        QVERIFY(vaults.size() >= 5);
        QSet<QString> servers;
        QJsonArray changes;
        for (int i = 0; changes.size() <= 100; ++i) {
            const QString id = createServer(unique(u"Batch %1"_s.arg(i)));
            servers.insert(id);
            for (const QString &vault : vaults)
                changes.append(
                    QJsonObject{{u"server"_s, id}, {u"vault"_s, vault}, {u"granted"_s, true}});
        }
        const qint64 revision =
            m_http->get(u"/v1/connect/grants"_s).json.value(u"revision"_s).toInteger();
        const Reply batch = m_http->post(u"/v1/connect/grants/batch"_s,
                                         {{u"base_revision"_s, revision}, {u"changes"_s, changes}});
        QCOMPARE(batch.status, 200);
        QCOMPARE(batch.json.value(u"applied"_s).toInteger(), qint64(changes.size()));

        const Run json =
            cli({u"connect"_s, u"diff"_s, u"--since"_s, since, u"--format"_s, u"json"_s});
        VERIFY_OK(json);
        const QJsonObject diff = QJsonDocument::fromJson(json.out).object();
        qsizetype granted = 0;
        for (const QJsonValue &c : diff.value(u"cells"_s).toArray())
            granted += servers.contains(c[u"server"_s].toString()) &&
                       c[u"change"_s].toString() == u"granted";
        QCOMPARE(granted, changes.size());
        QVERIFY2(diff.value(u"incomplete"_s).toArray().isEmpty(), json.out.constData());
    }

    void groupGrantsAndRevokes()
    {
        const QString ci = serverNamed(u"CI runners"_s).value(u"id"_s).toString();
        const QString staging = serverNamed(u"Staging cluster"_s).value(u"id"_s).toString();
        QCOMPARE(grantsOf(u"Operations"_s), QStringList());

        // No server: a Secrets Automation manager.
        VERIFY_OK(cli({u"connect"_s, u"group"_s, u"grant"_s, u"--group"_s, u"Operations"_s}));
        QCOMPARE(grantsOf(u"Operations"_s), QStringList{u"manager"_s});
        // One server, and all servers.
        VERIFY_OK(cli({u"connect"_s, u"group"_s, u"grant"_s, u"--group"_s, u"Operations"_s,
                       u"--server"_s, u"CI runners"_s}));
        VERIFY_OK(cli({u"connect"_s, u"group"_s, u"grant"_s, u"--group"_s, u"Operations"_s,
                       u"--server"_s, staging}));
        const Run all = cli({u"connect"_s, u"group"_s, u"grant"_s, u"--group"_s, u"Operations"_s,
                             u"--all-servers"_s, u"--format"_s, u"json"_s});
        VERIFY_OK(all);
        QCOMPARE(QJsonDocument::fromJson(all.out).object().value(u"kind"_s).toString(),
                 u"all_servers"_s);
        QStringList expected{u"all_servers"_s, u"manager"_s, u"server:"_s + ci,
                             u"server:"_s + staging};
        expected.sort();
        QCOMPARE(grantsOf(u"Operations"_s), expected);

        // One server's grant goes alone.
        const Run one = cli({u"connect"_s, u"group"_s, u"revoke"_s, u"--group"_s, u"Operations"_s,
                             u"--server"_s, staging, u"--format"_s, u"json"_s});
        VERIFY_OK(one);
        QCOMPARE(QJsonDocument::fromJson(one.out).object().value(u"removed"_s).toInt(), 1);
        // --all-servers removes every server grant, the single server's included.
        VERIFY_OK(cli({u"connect"_s, u"group"_s, u"grant"_s, u"--group"_s, u"Operations"_s,
                       u"--server"_s, staging}));
        const Run revokeAll = cli({u"connect"_s, u"group"_s, u"revoke"_s, u"--group"_s,
                                   u"Operations"_s, u"--all-servers"_s});
        VERIFY_OK(revokeAll);
        QVERIFY2(revokeAll.out.contains("(3 grant(s) removed)"), revokeAll.out.constData());
        QCOMPARE(grantsOf(u"Operations"_s), QStringList{u"manager"_s});
        VERIFY_FAILS(cli({u"connect"_s, u"group"_s, u"revoke"_s, u"--group"_s, u"Operations"_s,
                          u"--all-servers"_s}),
                     1, u"The group \"Operations\" has no server grants."_s);

        VERIFY_OK(cli({u"connect"_s, u"group"_s, u"revoke"_s, u"--group"_s, u"Operations"_s}));
        QCOMPARE(grantsOf(u"Operations"_s), QStringList());
    }

    // ---- sessions --------------------------------------------------------------------------

    // ---- access as code ----------------------------------------------------------------------

    void exportPlanApplyRoundTrip()
    {
        const QString server = unique(u"IaC"_s);
        createServer(server, {u"Kubernetes"_s});
        const QString file = m_work->filePath(u"connect.yaml"_s);
        Run r = cli({u"connect"_s, u"export"_s, u"--output"_s, file});
        VERIFY_OK(r);
        QVERIFY2(r.out.startsWith("Wrote the configuration of "), r.out.constData());
        const QByteArray exported = readFile(file);
        VERIFY_OK(r = cli({u"connect"_s, u"export"_s}));
        QCOMPARE(r.out, exported); // standard output and the file: the same bytes
        QVERIFY(exported.contains((u"- name: "_s + server + u"\n"_s).toUtf8()));

        // Nothing to do: exit 0 and the summary.
        r = cli({u"connect"_s, u"plan"_s, file});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith("No changes: the account matches the file"), r.out.constData());

        // A token added to the file: exit 2 and exactly that change.
        QByteArray edited = exported;
        const QByteArray entry = (u"- name: "_s + server + u"\n"_s).toUtf8();
        const int at = edited.indexOf(entry);
        QVERIFY(at >= 0);
        const int end = edited.indexOf("\n", edited.indexOf("- Kubernetes", at)) + 1;
        edited.insert(end, "    tokens:\n      - name: iac-reader\n        vaults:\n"
                           "          Kubernetes: r\n        expires_in: 7d\n");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(edited);
        out.close();
        r = cli({u"connect"_s, u"plan"_s, file});
        QCOMPARE(r.code, 2);
        QCOMPARE(QString::fromUtf8(r.out).count(u'\n'), 3);
        QVERIFY2(r.out.startsWith((u"+ issue the token \"iac-reader\" on the server \""_s + server +
                                   u"\" (Kubernetes,r; expires in 7d)"_s)
                                      .toUtf8()),
                 r.out.constData());
        QVERIFY2(r.out.contains("Plan: 1 to add, 0 to change, 0 to remove"), r.out.constData());
        r = cli({u"connect"_s, u"plan"_s, file, u"--format"_s, u"json"_s});
        QCOMPARE(r.code, 2);
        const QJsonObject plan = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(plan[u"summary"_s][u"add"_s].toInt(), 1);
        QCOMPARE(plan[u"changes"_s][0][u"change"_s][u"op"_s].toString(), u"token.create"_s);

        // No terminal and no --auto-approve: refused, nothing applied.
        r = cli({u"connect"_s, u"apply"_s, file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("pass --auto-approve"), r.err.constData());
        QCOMPARE(cli({u"connect"_s, u"plan"_s, file}).code, 2);
        // On a terminal, anything but "yes" cancels.
        r = onTerminal({u"connect"_s, u"apply"_s, file}, "y\n");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("Only \"yes\" applies them") && r.out.contains("cancelled"),
                 r.out.constData());
        QCOMPARE(cli({u"connect"_s, u"plan"_s, file}).code, 2);

        // Applied: the JWT goes to a 0600 file, never to standard output.
        const QString tokens = m_work->filePath(u"tokens.json"_s);
        r = cli({u"connect"_s, u"apply"_s, file, u"--auto-approve"_s, u"--tokens-out"_s, tokens});
        VERIFY_OK(r);
        QVERIFY(!r.out.contains("eyJ"));
        QVERIFY2(r.out.contains("Applied 1 change(s)"), r.out.constData());
        QCOMPARE(modeOf(tokens), 0600);
        const QJsonObject written = QJsonDocument::fromJson(readFile(tokens)).object();
        const QString jwt = written[u"tokens"_s][0][u"jwt"_s].toString();
        QCOMPARE(written[u"tokens"_s][0][u"name"_s].toString(), u"iac-reader"_s);
        QCOMPARE(vaultAcls(jwtClaims(jwt.toLatin1())).value(vaultId(u"Kubernetes"_s)), 48);
        r = cli({u"connect"_s, u"plan"_s, file});
        QCOMPARE(r.code, 0);
    }

    void applyPrintsNewTokensOnceAndRefusesDrift()
    {
        const QString server = unique(u"Drift"_s);
        createServer(server, {u"Kubernetes"_s});
        const QString file = m_work->filePath(u"connect.yaml"_s);
        VERIFY_OK(cli({u"connect"_s, u"export"_s, u"--output"_s, file}));
        QByteArray yaml = readFile(file);
        const QByteArray entry = (u"- name: "_s + server + u"\n"_s).toUtf8();
        const int end = yaml.indexOf("\n", yaml.indexOf("- Kubernetes", yaml.indexOf(entry))) + 1;
        yaml.insert(end, "    tokens:\n      - name: printed\n        vaults:\n"
                         "          Kubernetes: rw\n");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(yaml);
        out.close();
        Run r = cli({u"connect"_s, u"apply"_s, file, u"--auto-approve"_s});
        VERIFY_OK(r);
        QCOMPARE(r.out.count("\neyJ"), 1); // one JWT, on its own line
        QVERIFY2(r.out.contains("The new tokens, shown once:"), r.out.constData());

        // The account moves while apply waits for its "yes": refused, nothing applied.
        VERIFY_OK(cli({u"connect"_s, u"export"_s, u"--output"_s, file}));
        yaml = readFile(file); // now with the token's id: a new name is a rename
        QVERIFY(yaml.contains("      - name: printed\n        id: "));
        yaml.replace("      - name: printed\n", "      - name: printed again\n");
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(yaml);
        out.close();
        QProcess p;
        p.setProcessEnvironment(env());
        p.setWorkingDirectory(m_work->path());
        p.start(u"script"_s,
                QStringList{u"-qec"_s,
                            u"'%1' connect apply '%2'"_s.arg(QStringLiteral(CLI_PATH), file),
                            u"/dev/null"_s});
        QByteArray shown;
        QVERIFY(QTest::qWaitFor(
            [&] {
                shown += p.readAllStandardOutput();
                return shown.contains("Only \"yes\" applies them");
            },
            60000));
        QVERIFY2(shown.contains("~ rename the token \"printed\""), shown.constData());
        QCOMPARE(
            m_http->put(u"/v1/connect/servers/%1/vaults/%2"_s.arg(percent(server), u"Customers"_s))
                .status,
            200);
        p.write("yes\n");
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000));
        shown += p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(shown.contains("the account changed since the plan; run plan again"),
                 shown.constData());
        const Run again = cli({u"connect"_s, u"plan"_s, file});
        QCOMPARE(again.code, 2); // the rename is still to do, and Customers to revoke
        QVERIFY2(again.out.contains("~ rename the token \"printed\"") &&
                     again.out.contains("- revoke the vault \"Customers\""),
                 again.out.constData());
    }

    void configFileErrorsNameTheirLine()
    {
        const QString file = m_work->filePath(u"bad.yaml"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("servers:\n  - name: A\n    vaults:\n      - Nowhere\n");
        out.close();
        for (const QString &command : {u"plan"_s, u"apply"_s}) {
            const int servers = serverCount();
            QStringList args{u"connect"_s, command, file};
            if (command == u"apply")
                args.append(u"--auto-approve"_s);
            const Run r = cli(args);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.startsWith(
                         (u"connect-admin-cli: "_s + file + u":4:9: unknown vault \"Nowhere\"\n"_s)
                             .toUtf8()),
                     r.err.constData());
            QVERIFY(r.err.contains("nothing was planned or applied"));
            QCOMPARE(serverCount(), servers);
        }
    }

    void signoutEndsAnEnvironmentSession()
    {
        QProcessEnvironment e = env();
        const QString session = freshSession();
        e.insert(u"CONNECT_ADMIN_SESSION"_s, session);
        VERIFY_OK(cli({u"connect"_s, u"server"_s, u"list"_s}, {}, e));
        VERIFY_OK(cli({u"signout"_s}, {}, e));
        VERIFY_FAILS(cli({u"connect"_s, u"server"_s, u"list"_s}, {}, e), 1,
                     u"CONNECT_ADMIN_SESSION was refused"_s);
    }

    void signinSignoutThroughTheKeychain()
    {
        // Nothing but the keychain and the settings of a fresh HOME.
        const QProcessEnvironment e = envWithoutSession();
        const QStringList signin{u"signin"_s, u"--url"_s, m_svc->url, u"--email"_s, kOwner};
        VERIFY_FAILS(cli(signin, "not the password\n", e), 1,
                     u"The email address or password is wrong."_s);
        VERIFY_FAILS(cli(signin, "", e), 2, u"No password given"_s);

        const Run in = cli(signin, m_svc->ownerPassword.toUtf8() + '\n', e);
        QCOMPARE(in.code, 0);
        QCOMPARE(in.out, u"Signed in to %1 as %2.\n"_s.arg(m_svc->url, kOwner).toUtf8());
        // The last account is remembered (never the session) for the next runs.
        const QByteArray settings =
            readFile(m_home->filePath(u"config/connect-admin/accounts.ini"_s));
        QVERIFY2(settings.contains(m_svc->url.toUtf8()) && settings.contains(kOwner.toUtf8()),
                 settings.constData());

        const QStringList list{u"connect"_s, u"server"_s, u"list"_s, u"--format"_s, u"json"_s};
        if (!keychainAvailable()) {
            QVERIFY2(in.err.count('\n') == 1 &&
                         in.err.contains("This session will not be remembered"),
                     in.err.constData());
            const Run r = cli(list, {}, e);
            VERIFY_FAILS(r, 1,
                         u"Not signed in to %1: run connect-admin-cli signin --url %1 --email "
                         "%2 (the system keychain is not available"_s.arg(m_svc->url, kOwner));
            VERIFY_FAILS(cli({u"signout"_s}, {}, e), 1, u"The system keychain is not available"_s);
            return;
        }

        QVERIFY2(in.err.isEmpty(), in.err.constData());
        const QString kept = keychainEntry();
        QVERIFY(!kept.isEmpty());
        QVERIFY(!settings.contains(kept.toUtf8()));
        QVERIFY(!in.out.contains(kept.toUtf8()));
        // No URL, no account, no session given: all of it from the last sign-in.
        const Run listed = cli(list, {}, e);
        VERIFY_OK(listed);
        QCOMPARE(QJsonDocument::fromJson(listed.out).array().size(), serverCount());

        const Run out = cli({u"signout"_s}, {}, e);
        VERIFY_OK(out);
        QCOMPARE(out.out, u"Signed out of %1 as %2.\n"_s.arg(m_svc->url, kOwner).toUtf8());
        QCOMPARE(keychainEntry(), QString());
        // Ended on the service too, not just forgotten here.
        Http old(m_svc->url);
        old.setToken(kept);
        QCOMPARE(old.get(u"/v1/auth/sessions/current"_s).status, 401);
        const Run after = cli(list, {}, e);
        VERIFY_FAILS(after, 1, u"Not signed in"_s);
        QCOMPARE(QString::fromUtf8(after.err).trimmed(),
                 u"connect-admin-cli: Not signed in to %1: run connect-admin-cli signin --url %1 "
                 "--email %2"_s.arg(m_svc->url, kOwner));
        VERIFY_OK(cli({u"signout"_s}, {}, e)); // signing out twice is no error

        // A kept session that ended elsewhere is reported and forgotten.
        VERIFY_OK(cli(signin, m_svc->ownerPassword.toUtf8() + '\n', e));
        const QString second = keychainEntry();
        QVERIFY(!second.isEmpty() && second != kept);
        Http elsewhere(m_svc->url);
        elsewhere.setToken(second);
        QCOMPARE(elsewhere.del(u"/v1/auth/sessions/current"_s).status / 100, 2);
        VERIFY_FAILS(cli(list, {}, e), 1,
                     u"Not signed in to %1: run connect-admin-cli signin --url %1 --email %2 "
                     "(the session has ended)"_s.arg(m_svc->url, kOwner));
        QCOMPARE(keychainEntry(), QString());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

#include "TestSupport.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace ca::test {

QString backend()
{
    const QString b = qEnvironmentVariable("CONNECTADMIN_TEST_BACKEND");
    return b.isEmpty() ? u"sqlite"_s : b;
}

QString freshDatabase(const QTemporaryDir &dir)
{
    if (backend() != u"postgres")
        return dir.filePath(u"test-"_s + QUuid::createUuid().toString(QUuid::Id128) + u".sqlite"_s);
    const QString clusterUrl = qEnvironmentVariable("CONNECTADMIN_TEST_PG_URL");
    if (clusterUrl.isEmpty())
        qFatal("CONNECTADMIN_TEST_BACKEND=postgres needs CONNECTADMIN_TEST_PG_URL (the ctest "
               "fixture sets it)");
    const QString name = u"ca_test_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
    {
        QUrl u(clusterUrl);
        const QString conn = u"admin-"_s + name;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, conn);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setDatabaseName(u"postgres"_s);
        if (!db.open())
            qFatal("cannot reach the test PostgreSQL cluster: %s",
                   qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        if (!q.exec(u"CREATE DATABASE "_s + name))
            qFatal("cannot create a test database: %s", qPrintable(q.lastError().text()));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(conn);
    }
    QUrl u(clusterUrl);
    u.setPath(u'/' + name);
    return u.toString();
}

crypto::PasswordHashParams testHashParams()
{
    crypto::PasswordHashParams p;
    p.timeCost = 1;
    p.memoryKiB = 8 * 1024;
    return p;
}

std::unique_ptr<RunningService> startService(const HttpLimits &limits,
                                             std::function<QDateTime()> clock)
{
    auto s = std::make_unique<RunningService>();
    ServiceOptions o;
    o.port = 0;
    o.workers = kTestWorkers;
    o.sandboxDir = s->dir.filePath(u"sandbox"_s);
    o.database = freshDatabase(s->dir);
    o.limits = limits;
    o.passwordHash = testHashParams();
    o.clock = std::move(clock);
    s->host = std::make_unique<ServiceHost>(o);
    const QString error = s->host->start();
    if (!error.isEmpty())
        qFatal("service did not start: %s", qPrintable(error));
    s->url = s->host->url();
    QFile f(o.sandboxDir + u"/sandbox-users.json"_s);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no sandbox-users.json");
    const QJsonArray users =
        QJsonDocument::fromJson(f.readAll()).object().value(u"users"_s).toArray();
    for (const QJsonValue &v : users)
        s->users.insert(v[u"email"_s].toString(), v[u"password"_s].toString());
    s->ownerPassword = s->passwordOf(u"owner@sandbox.example"_s);
    return s;
}

std::unique_ptr<Store> RunningService::openDatabase() const
{
    return Store::open(host->database(), u"test-"_s + QUuid::createUuid().toString(QUuid::Id128));
}

Reply Http::send(const QByteArray &method, const QString &path, const QByteArray &body,
                 const QByteArray &contentType, const QByteArray &ifNoneMatch)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setTransferTimeout(30000);
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    if (!body.isEmpty() && !contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (m_tls)
        request.setSslConfiguration(*m_tls);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.insert(h.first.toLower(), h.second);
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        r.networkError = reply->errorString();
    reply->deleteLater();
    return r;
}

QString Http::signIn(const QString &email, const QString &password)
{
    const Reply r = post(u"/v1/auth/sessions"_s, {{u"email"_s, email}, {u"password"_s, password}});
    if (r.status != 201)
        qWarning("sign-in as %s failed: %d %s", qPrintable(email), r.status, r.body.constData());
    m_token = r.json.value(u"token"_s).toString();
    return m_token;
}

QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(bytes);
    QByteArray answer;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { answer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    answer += socket.readAll();
    return answer;
}

QString percent(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QJsonObject jwtClaims(const QString &jwt)
{
    const QList<QByteArray> parts = jwt.toLatin1().split('.');
    return QJsonDocument::fromJson(crypto::fromBase64Url(parts.value(1)).value_or(QByteArray()))
        .object();
}

TestCertificate makeTestCertificate(const QTemporaryDir &dir)
{
    TestCertificate c{dir.filePath(u"cert.pem"_s), dir.filePath(u"key.pem"_s),
                      u"connect-admin-test.local"_s};
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                   u"ec_paramgen_curve:P-256"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                   u"/CN="_s + c.commonName, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s,
                   u"-keyout"_s, c.key, u"-out"_s, c.certificate});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0)
        return {};
    return c;
}

} // namespace ca::test

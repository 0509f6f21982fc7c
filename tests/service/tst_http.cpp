// The real service on a loopback port, called over the network: routes, authorization,
// the error shape, and the guards against bad or hostile input. The database is checked to
// be unchanged after every refused request.
#include "../support/TestSupport.h"
#include "core/Ids.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

class TestHttp : public QObject
{
    Q_OBJECT
    std::unique_ptr<RunningService> m_svc;
    std::unique_ptr<Http> m_http;
    std::unique_ptr<Store> m_db; // the test's own connection to the service's database

    // What a refused request must not change.
    QList<qint64> fingerprint()
    {
        Store &s = *m_db;
        return {s.count(u"servers"_s),      s.count(u"tokens"_s), s.count(u"server_vaults"_s),
                s.count(u"group_grants"_s), s.auditCount(),       s.grantsRevision()};
    }

    QJsonObject createServer(const QString &name, const QJsonArray &vaults = {})
    {
        const Reply r =
            m_http->post(u"/v1/connect/servers"_s, {{u"name"_s, name}, {u"vaults"_s, vaults}});
        if (r.status != 201)
            qWarning("create server: %d %s", r.status, r.body.constData());
        return r.json.value(u"server"_s).toObject();
    }

    // A statement on the service's database behind its back, as an intruder would.
    void tamperWithAudit(const QString &sql)
    {
        auto store = Store::open(m_svc->host->database(), u"http-tamper"_s);
        QSqlQuery q(QSqlDatabase::database(u"http-tamper"_s));
        QVERIFY2(q.exec(sql), qPrintable(sql));
    }

    // Each request on a connection of its own to the service at url, all at once; the status
    // of each answer.
    QList<int> parallelStatuses(const QString &url, const QList<QByteArray> &requests)
    {
        QList<int> statuses;
        for (const QByteArray &a : parallelAnswers(url, requests))
            statuses.append(a.startsWith("HTTP/1.1 ") ? a.mid(9, 3).toInt() : 0);
        return statuses;
    }
    // ...and the whole of each answer, as received (the requests say Connection: close).
    QList<QByteArray> parallelAnswers(const QString &url, const QList<QByteArray> &requests)
    {
        const quint16 port = quint16(QUrl(url).port());
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        QList<QByteArray> answers(requests.size());
        int closed = 0;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            QTcpSocket *s = socket.get();
            connect(s, &QTcpSocket::connected, this,
                    [s, &requests, i] { s->write(requests.at(i)); });
            connect(s, &QTcpSocket::readyRead, this,
                    [s, &answers, i] { answers[i] += s->readAll(); });
            connect(s, &QTcpSocket::disconnected, this, [&closed] { ++closed; });
            s->connectToHost(QHostAddress::LocalHost, port);
            sockets.push_back(std::move(socket));
        }
        if (!QTest::qWaitFor([&] { return closed == requests.size(); }, 60000))
            qWarning("only %d of %d connections were answered", closed, int(requests.size()));
        return answers;
    }

private slots:
    void init()
    {
        HttpLimits limits;
        limits.idleTimeoutMs = 400;
        limits.requestTimeoutMs = 400;
        m_svc = startService(limits);
        m_db = m_svc->openDatabase();
        m_http = std::make_unique<Http>(m_svc->url);
        QVERIFY(!m_http->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword).isEmpty());
    }
    void cleanup()
    {
        m_http.reset();
        m_db.reset();
        m_svc.reset();
    }

    void publicRoutesNeedNoSession()
    {
        Http anonymous(m_svc->url);
        Reply r = anonymous.get(u"/health"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(anonymous.get(u"/heartbeat"_s).status, 200);
        r = anonymous.get(u"/.well-known/jwks.json"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"keys"_s).toArray().size(), 1);
        QCOMPARE(r.json[u"keys"_s][0][u"alg"_s].toString(), u"ES256"_s);
    }

    void everyOtherRouteRefusesMissingUnknownAndSignedOutSessions()
    {
        const QList<QPair<QByteArray, QString>> routes{
            {"GET", u"/v1/auth/sessions/current"_s},
            {"DELETE", u"/v1/auth/sessions/current"_s},
            {"GET", u"/v1/account"_s},
            {"GET", u"/v1/vaults"_s},
            {"GET", u"/v1/groups"_s},
            {"GET", u"/v1/users"_s},
            {"GET", u"/v1/users/x/groups"_s},
            {"GET", u"/v1/connect/servers"_s},
            {"POST", u"/v1/connect/servers"_s},
            {"GET", u"/v1/connect/servers/x"_s},
            {"PATCH", u"/v1/connect/servers/x"_s},
            {"DELETE", u"/v1/connect/servers/x"_s},
            {"PUT", u"/v1/connect/servers/x/vaults/y"_s},
            {"DELETE", u"/v1/connect/servers/x/vaults/y"_s},
            {"GET", u"/v1/connect/grants"_s},
            {"POST", u"/v1/connect/grants/batch"_s},
            {"GET", u"/v1/connect/tokens"_s},
            {"POST", u"/v1/connect/tokens"_s},
            {"PATCH", u"/v1/connect/tokens/x"_s},
            {"DELETE", u"/v1/connect/tokens/x"_s},
            {"GET", u"/v1/connect/group-grants"_s},
            {"POST", u"/v1/connect/group-grants"_s},
            {"DELETE", u"/v1/connect/group-grants"_s},
            {"GET", u"/v1/audit"_s},
            {"GET", u"/v1/audit/verify"_s},
            {"GET", u"/v1/vaults/x/access"_s}};
        Http signedOut(m_svc->url);
        signedOut.signIn(u"admin@sandbox.example"_s, m_svc->passwordOf(u"admin@sandbox.example"_s));
        QCOMPARE(signedOut.del(u"/v1/auth/sessions/current"_s).status, 204);
        Http none(m_svc->url);
        Http unknown(m_svc->url);
        unknown.setToken(u"not-a-session"_s);
        const auto before = fingerprint();
        for (const auto &route : routes) {
            for (Http *client : {&none, &unknown, &signedOut}) {
                const Reply r = client->send(route.first, route.second, "{}");
                QVERIFY2(r.status == 401,
                         qPrintable(route.second + u" gave "_s + QString::number(r.status)));
                QCOMPARE(r.json.value(u"status"_s).toInt(), 401);
                QVERIFY(!r.message().isEmpty());
                QVERIFY(!r.code().isEmpty());
            }
        }
        QCOMPARE(fingerprint(), before);
    }

    void expiredSessionsAreRefusedEverywhere()
    {
        // A service of its own whose clock the test moves past the session's lifetime.
        QDateTime now = QDateTime::currentDateTimeUtc();
        auto svc = startService({}, [&now] { return now; });
        Http h(svc->url);
        QVERIFY(!h.signIn(u"owner@sandbox.example"_s, svc->ownerPassword).isEmpty());
        QCOMPARE(h.get(u"/v1/connect/servers"_s).status, 200);
        now = now.addSecs(12 * 3600 + 1);
        const QStringList routes{
            u"/v1/auth/sessions/current"_s, u"/v1/account"_s,        u"/v1/vaults"_s,
            u"/v1/connect/servers"_s,       u"/v1/connect/tokens"_s, u"/v1/connect/grants"_s,
            u"/v1/connect/group-grants"_s,  u"/v1/audit"_s};
        for (const QString &route : routes) {
            const Reply r = h.get(route);
            QVERIFY2(r.status == 401, qPrintable(route));
            QCOMPARE(r.code(), u"session_expired"_s);
            QVERIFY(r.message().contains(u"expired"_s));
        }
        QCOMPARE(h.post(u"/v1/connect/servers"_s, {{u"name"_s, u"late"_s}}).code(),
                 u"session_expired"_s);
        QCOMPARE(svc->openDatabase()->count(u"servers"_s), 2);
    }

    void whoAmIAndSignOut()
    {
        Reply r = m_http->get(u"/v1/auth/sessions/current"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json[u"user"_s][u"email"_s].toString(), u"owner@sandbox.example"_s);
        QVERIFY(r.json[u"rights"_s][u"owner"_s].toBool());
        QVERIFY(!r.json.contains(u"token"_s));
        QCOMPARE(m_http->del(u"/v1/auth/sessions/current"_s).status, 204);
        QCOMPARE(m_http->get(u"/v1/auth/sessions/current"_s).status, 401);
    }

    void wrongPasswordAndThrottling()
    {
        Http h(m_svc->url);
        for (int i = 0; i < 5; ++i) {
            const Reply r = h.post(u"/v1/auth/sessions"_s, {{u"email"_s, u"dana@sandbox.example"_s},
                                                            {u"password"_s, u"wrong"_s}});
            QCOMPARE(r.status, 401);
            QCOMPARE(r.code(), u"invalid_credentials"_s);
        }
        const Reply r = h.post(u"/v1/auth/sessions"_s,
                               {{u"email"_s, u"dana@sandbox.example"_s},
                                {u"password"_s, m_svc->passwordOf(u"dana@sandbox.example"_s)}});
        QCOMPARE(r.status, 429);
        QVERIFY(r.headers.value("retry-after").toInt() > 0);
        // Unknown users get the same answer as a wrong password.
        const Reply unknown =
            h.post(u"/v1/auth/sessions"_s,
                   {{u"email"_s, u"ghost@sandbox.example"_s}, {u"password"_s, u"x"_s}});
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.message(),
                 h.post(u"/v1/auth/sessions"_s,
                        {{u"email"_s, u"nina@sandbox.example"_s}, {u"password"_s, u"x"_s}})
                     .message());
    }

    void signInLimitsHoldAcrossWorkers()
    {
        // A service of its own with the default connection timeouts: under a sanitizer on a
        // busy machine some of forty connections send their request later than the 400 ms the
        // other tests use, and would be closed as idle; this test is about the verdicts.
        const auto svc = startService({});
        QCOMPARE(svc->host->workerCount(), kTestWorkers);
        // Forty wrong passwords at once, each on a connection of its own: the kernel spreads
        // the connections over the workers, and still only five learn their answer.
        const QByteArray body = R"({"email":"dana@sandbox.example","password":"wrong"})";
        const QByteArray request = "POST /v1/auth/sessions HTTP/1.1\r\nHost: x\r\n"
                                   "Content-Type: application/json\r\nConnection: close\r\n"
                                   "Content-Length: " +
                                   QByteArray::number(body.size()) + "\r\n\r\n" + body;
        const QList<int> statuses = parallelStatuses(svc->url, QList<QByteArray>(40, request));
        QString seen;
        for (const int s : statuses)
            seen += QString::number(s) + u' ';
        QVERIFY2(statuses.count(401) == 5, qPrintable(seen));
        QVERIFY2(statuses.count(429) == 35, qPrintable(seen));
        Http h(svc->url);
        const Reply r = h.post(u"/v1/auth/sessions"_s,
                               {{u"email"_s, u"dana@sandbox.example"_s},
                                {u"password"_s, svc->passwordOf(u"dana@sandbox.example"_s)}});
        QCOMPARE(r.status, 429);
    }

    void correctSignInsAreNeverThrottled()
    {
        const QString email = u"dana@sandbox.example"_s;
        const QByteArray body =
            QJsonDocument(
                QJsonObject{{u"email"_s, email}, {u"password"_s, m_svc->passwordOf(email)}})
                .toJson(QJsonDocument::Compact);
        // Ten at once, each on a connection of its own (one manager each: QNAM would share).
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        QList<int> statuses;
        for (int i = 0; i < 10; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(QUrl(m_svc->url + u"/v1/auth/sessions"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            QNetworkReply *reply = managers.back()->post(request, body);
            connect(reply, &QNetworkReply::finished, this, [reply, &statuses] {
                statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
                reply->deleteLater();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 10, 30000);
        QCOMPARE(statuses, QList<int>(10, 201));
        // Twenty-five in a row from one address.
        Http h(m_svc->url);
        for (int i = 0; i < 25; ++i)
            QVERIFY2(!h.signIn(email, m_svc->passwordOf(email)).isEmpty(),
                     qPrintable(QString::number(i)));
    }

    void directoryLists()
    {
        Reply r = m_http->get(u"/v1/vaults"_s);
        QCOMPARE(r.status, 200);
        QStringList names;
        for (const QJsonValue &v : r.json.value(u"items"_s).toArray()) {
            names.append(v[u"name"_s].toString());
            if (v[u"type"_s].toString() != u"USER_CREATED") {
                QVERIFY(!v[u"grantable"_s].toBool());
                QVERIFY(!v[u"not_grantable_reason"_s].toString().isEmpty());
            }
        }
        for (const QString &n :
             {u"Kubernetes"_s, u"Customers"_s, u"Vendors"_s, u"Shared"_s, u"Private"_s})
            QVERIFY2(names.contains(n), qPrintable(n));
        QCOMPARE(names.count(u"Private"_s), 1); // only the user's own private vault
        QCOMPARE(m_http->get(u"/v1/groups"_s).json.value(u"items"_s).toArray().size(), 6);
        QCOMPARE(m_http->get(u"/v1/users"_s).json.value(u"items"_s).toArray().size(), 6);
        QCOMPARE(m_http->get(u"/v1/account"_s).json.value(u"name"_s).toString(),
                 u"Sandbox Account"_s);
    }

    // A user's groups, by e-mail address or ID; none for a user in no group; 404 for no one.
    void userGroups()
    {
        Reply r = m_http->get(u"/v1/users/dana@sandbox.example/groups"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"items"_s).toArray().size(), 1);
        QCOMPARE(r.json[u"items"_s][0][u"name"_s].toString(), u"Developers"_s);
        QString danaId;
        for (const QJsonValue &u : m_http->get(u"/v1/users"_s).json.value(u"items"_s).toArray())
            if (u[u"email"_s].toString() == u"dana@sandbox.example")
                danaId = u[u"id"_s].toString();
        QVERIFY(!danaId.isEmpty());
        QCOMPARE(m_http->get(u"/v1/users/%1/groups"_s.arg(danaId)).json, r.json);
        QCOMPARE(m_http->get(u"/v1/users/%1/groups"_s.arg(danaId.toLower())).json, r.json);
        r = m_http->get(u"/v1/users/nina@sandbox.example/groups"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"items"_s).toArray().size(), 0);
        r = m_http->get(u"/v1/users/nobody@sandbox.example/groups"_s);
        QCOMPARE(r.status, 404);
        QVERIFY(r.json.value(u"message"_s).toString().contains(u"nobody@sandbox.example"_s));
    }

    void paging()
    {
        for (int i = 0; i < 5; ++i)
            createServer(u"p%1"_s.arg(i));
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            const Reply r = m_http->get(u"/v1/connect/servers?limit=2"_s +
                                        (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json.value(u"items"_s).toArray())
                seen.insert(v[u"id"_s].toString());
            cursor = r.json.value(u"next_cursor"_s).toString();
            ++pages;
        } while (!cursor.isEmpty());
        QCOMPARE(seen.size(), 7); // 2 from the sandbox + 5
        QCOMPARE(pages, 4);
        QCOMPARE(m_http->get(u"/v1/connect/servers?limit=0"_s).status, 400);
        QCOMPARE(m_http->get(u"/v1/connect/servers?limit=abc"_s).status, 400);
        QCOMPARE(m_http->get(u"/v1/connect/servers?limit=1001"_s).status, 400);
        QCOMPARE(m_http->get(u"/v1/connect/servers?cursor=%2A%2A"_s).code(),
                 u"invalid_parameter"_s);
        QCOMPARE(m_http->get(u"/v1/connect/servers?sort=name"_s).code(), u"unknown_parameter"_s);
        QCOMPARE(m_http->post(u"/v1/connect/tokens?server=x"_s, {}).code(), u"unknown_parameter"_s);
        QCOMPARE(m_http->get(u"/v1/account?x=1"_s).code(), u"unknown_parameter"_s);
    }

    void serverLifecycle()
    {
        Reply r = m_http->post(
            u"/v1/connect/servers"_s,
            {{u"name"_s, u"Dev"_s}, {u"vaults"_s, QJsonArray{u"Kubernetes"_s, u"customers"_s}}});
        QCOMPARE(r.status, 201);
        const QJsonObject server = r.json.value(u"server"_s).toObject();
        const QJsonObject creds = r.json.value(u"credentials"_s).toObject();
        for (const char *k : {"verifier", "encCredentials", "version", "deviceUuid", "uniqueKey"})
            QVERIFY2(creds.contains(QLatin1String(k)), k);
        for (const char *k :
             {"id", "name", "state", "created_at", "creator_id", "tokens_version", "vaults"})
            QVERIFY2(server.contains(QLatin1String(k)), k);
        const QString id = server.value(u"id"_s).toString();
        QCOMPARE(id, id.toUpper());
        QCOMPARE(server.value(u"vaults"_s).toArray().size(), 2);
        QCOMPARE(server.value(u"state"_s).toString(), u"ACTIVE"_s);

        QCOMPARE(m_http->get(u"/v1/connect/servers/Dev"_s).json.value(u"id"_s).toString(), id);
        QCOMPARE(
            m_http->get(u"/v1/connect/servers/"_s + id.toLower()).json.value(u"id"_s).toString(),
            id);
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + id).status, 200);
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + id).body.contains("secret"), false);
        r = m_http->patch(u"/v1/connect/servers/Dev"_s, {{u"name"_s, u"Development"_s}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"name"_s).toString(), u"Development"_s);
        QCOMPARE(m_http->put(u"/v1/connect/servers/Development/vaults/Vendors"_s).status, 200);
        r = m_http->del(u"/v1/connect/servers/Development/vaults/Vendors"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"vaults"_s).toArray().size(), 2);
        QCOMPARE(m_http->del(u"/v1/connect/servers/Development"_s).status, 200);
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + id).status, 404);
    }

    void notGrantableVaultOverHttp()
    {
        const auto before = fingerprint();
        const Reply r = m_http->post(u"/v1/connect/servers"_s,
                                     {{u"name"_s, u"X"_s}, {u"vaults"_s, QJsonArray{u"Shared"_s}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), u"not_grantable"_s);
        QVERIFY(r.message().contains(u"EVERYONE"_s));
        QCOMPARE(fingerprint(), before);
    }

    void tokensOverHttp()
    {
        createServer(u"Prod"_s, {u"Customers"_s, u"Vendors"_s});
        Reply r = m_http->post(
            u"/v1/connect/tokens"_s,
            {{u"name"_s, u"Prod: Customer details"_s},
             {u"server"_s, u"Prod"_s},
             {u"vaults"_s,
              QJsonArray{QJsonObject{{u"vault"_s, u"Customers"_s}, {u"access"_s, u"write"_s}},
                         QJsonObject{{u"vault"_s, u"Vendors"_s}, {u"access"_s, u"read"_s}}}},
             {u"expires_in"_s, u"1w2d"_s}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(u"jwt"_s).toString().count(u'.'), 2);
        const QJsonObject token = r.json.value(u"token"_s).toObject();
        QCOMPARE(token.value(u"state"_s).toString(), u"ACTIVE"_s);
        const QString tokenId = token.value(u"id"_s).toString();
        // The JWT is never stored or shown again.
        QVERIFY(!m_http->get(u"/v1/connect/tokens"_s)
                     .body.contains(r.json.value(u"jwt"_s).toString().toLatin1()));
        r = m_http->patch(u"/v1/connect/tokens/"_s + tokenId, {{u"name"_s, u"renamed"_s}});
        QCOMPARE(r.json.value(u"name"_s).toString(), u"renamed"_s);
        r = m_http->del(u"/v1/connect/tokens/renamed?server=Prod"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"state"_s).toString(), u"REVOKED"_s);
        r = m_http->get(u"/v1/connect/tokens?server=Prod"_s);
        QCOMPARE(r.json.value(u"items"_s).toArray().size(), 1);
        QCOMPARE(r.json[u"items"_s][0][u"state"_s].toString(), u"REVOKED"_s);
        QCOMPARE(
            m_http
                ->post(u"/v1/connect/tokens"_s,
                       {{u"name"_s, u"x"_s}, {u"server"_s, u"Prod"_s}, {u"expires_in"_s, u"30"_s}})
                .code(),
            u"invalid_duration"_s);
        QCOMPARE(m_http
                     ->post(u"/v1/connect/tokens"_s,
                            {{u"name"_s, u"x"_s},
                             {u"server"_s, u"Prod"_s},
                             {u"vaults"_s, QJsonArray{QJsonObject{{u"vault"_s, u"Kubernetes"_s}}}}})
                     .code(),
                 u"vault_not_granted"_s);
    }

    // Token creations sent at once, each on a connection of its own: the service writes the
    // ones that arrive together in one transaction, and each is still answered as if alone —
    // its own token and JWT, or its own error — and every token made is listed once.
    void tokensCreatedAtOnceAreEachAnswered()
    {
        createServer(u"Burst"_s, {u"Customers"_s});
        const QString session = m_http->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword);
        const auto request = [&](const QJsonObject &body) -> QByteArray {
            const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
            return "POST /v1/connect/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                   session.toLatin1() +
                   "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                   "Content-Length: " +
                   QByteArray::number(json.size()) + "\r\n\r\n" + json;
        };
        QList<QByteArray> requests;
        QStringList names;
        for (int i = 0; i < 16; ++i) {
            if (i == 5) { // a vault the server doesn't have
                requests.append(request(
                    {{u"name"_s, u"refused"_s},
                     {u"server"_s, u"Burst"_s},
                     {u"vaults"_s, QJsonArray{QJsonObject{{u"vault"_s, u"Kubernetes"_s}}}}}));
            } else if (i == 9) {
                requests.append(request({{u"name"_s, u"refused"_s},
                                         {u"server"_s, u"Burst"_s},
                                         {u"expires_in"_s, u"3y"_s}}));
            } else {
                names.append(u"burst %1"_s.arg(i));
                requests.append(
                    request({{u"name"_s, names.constLast()}, {u"server"_s, u"Burst"_s}}));
            }
        }
        const QList<QByteArray> answers = parallelAnswers(m_svc->url, requests);
        QSet<QString> ids;
        for (qsizetype i = 0; i < answers.size(); ++i) {
            const QByteArray &a = answers.at(i);
            const qsizetype split = a.indexOf("\r\n\r\n");
            QVERIFY2(split > 0, a.constData());
            const QByteArray head = a.left(split);
            const QJsonObject body = QJsonDocument::fromJson(a.mid(split + 4)).object();
            if (i == 5 || i == 9) {
                QVERIFY2(head.startsWith("HTTP/1.1 400 "), head.constData());
                QCOMPARE(body.value(u"code"_s).toString(),
                         i == 5 ? u"vault_not_granted"_s : u"invalid_duration"_s);
                continue;
            }
            QVERIFY2(head.startsWith("HTTP/1.1 201 "), head.constData());
            QVERIFY2(head.toLower().contains("\r\nx-account-revision: "), head.constData());
            QCOMPARE(body[u"token"_s][u"name"_s].toString(), u"burst %1"_s.arg(i));
            const QJsonObject claims = jwtClaims(body.value(u"jwt"_s).toString());
            QCOMPARE(claims.value(u"jti"_s).toString(), body[u"token"_s][u"id"_s].toString());
            ids.insert(claims.value(u"jti"_s).toString());
        }
        QCOMPARE(ids.size(), names.size());
        const Reply listed = m_http->get(u"/v1/connect/tokens?server=Burst"_s);
        QStringList seen;
        for (const QJsonValue &t : listed.json.value(u"items"_s).toArray())
            seen.append(t[u"name"_s].toString());
        seen.sort();
        names.sort();
        QCOMPARE(seen, names);
        QCOMPARE(
            m_http->get(u"/v1/connect/servers/Burst"_s).json.value(u"tokens_version"_s).toInteger(),
            names.size());
        const Reply chain = m_http->get(u"/v1/audit/verify"_s);
        QCOMPARE(chain.json.value(u"whole"_s).toBool(), true);
    }

    void grantMatrixAndBatch()
    {
        const QJsonObject s = createServer(u"Matrix"_s);
        Reply m = m_http->get(u"/v1/connect/grants"_s);
        QCOMPARE(m.status, 200);
        const qint64 revision = m.json.value(u"revision"_s).toInteger();
        const QString vault = m_http->get(u"/v1/vaults"_s).json[u"items"_s][0][u"id"_s].toString();
        QString kubernetes;
        for (const QJsonValue &v : m_http->get(u"/v1/vaults"_s).json.value(u"items"_s).toArray())
            if (v[u"name"_s].toString() == u"Kubernetes")
                kubernetes = v[u"id"_s].toString();
        const QJsonObject change{
            {u"server"_s, s.value(u"id"_s)}, {u"vault"_s, kubernetes}, {u"granted"_s, true}};
        Reply r = m_http->post(u"/v1/connect/grants/batch"_s, {{u"base_revision"_s, revision},
                                                               {u"changes"_s, QJsonArray{change}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"revision"_s).toInteger(), revision + 1);
        const auto before = fingerprint();
        r = m_http->post(u"/v1/connect/grants/batch"_s,
                         {{u"base_revision"_s, revision}, {u"changes"_s, QJsonArray{change}}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), u"stale_revision"_s);
        QCOMPARE(r.json.value(u"revision"_s).toInteger(), revision + 1);
        QCOMPARE(fingerprint(), before);
        Q_UNUSED(vault);
    }

    void groupGrantsOverHttp()
    {
        createServer(u"G"_s);
        QCOMPARE(m_http
                     ->post(u"/v1/connect/group-grants"_s,
                            {{u"group"_s, u"Operations"_s}, {u"all_servers"_s, true}})
                     .status,
                 201);
        QCOMPARE(m_http
                     ->post(u"/v1/connect/group-grants"_s,
                            {{u"group"_s, u"Operations"_s}, {u"all_servers"_s, true}})
                     .status,
                 200);
        QCOMPARE(m_http
                     ->post(u"/v1/connect/group-grants"_s,
                            {{u"group"_s, u"Operations"_s}, {u"server"_s, u"G"_s}})
                     .status,
                 201);
        const Reply list = m_http->get(u"/v1/connect/group-grants"_s);
        QCOMPARE(list.status, 200);
        QVERIFY(list.json.value(u"items"_s).toArray().size() >= 4); // two seeded + two new
        const Reply r =
            m_http->del(u"/v1/connect/group-grants?group=Operations&all_servers=true"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"removed"_s).toInt(), 2);
        QCOMPARE(
            m_http->del(u"/v1/connect/group-grants?group=Operations&all_servers=maybe"_s).status,
            400);
        QCOMPARE(m_http->post(u"/v1/connect/group-grants"_s, {{u"group"_s, u"Nope"_s}}).status,
                 404);
        QCOMPARE(m_http
                     ->post(u"/v1/connect/group-grants"_s, {{u"group"_s, u"Operations"_s},
                                                            {u"server"_s, u"G"_s},
                                                            {u"all_servers"_s, true}})
                     .status,
                 400);
    }

    void perServerGroupOverHttp()
    {
        // The sandbox grants Developers the "Staging cluster" server.
        Http dana(m_svc->url);
        dana.signIn(u"dana@sandbox.example"_s, m_svc->passwordOf(u"dana@sandbox.example"_s));
        const QJsonArray servers =
            dana.get(u"/v1/connect/servers"_s).json.value(u"items"_s).toArray();
        QCOMPARE(servers.size(), 1);
        QCOMPARE(servers[0][u"name"_s].toString(), u"Staging cluster"_s);
        QCOMPARE(
            dana.patch(u"/v1/connect/servers/"_s + percent(u"CI runners"_s), {{u"name"_s, u"x"_s}})
                .status,
            403);
        QCOMPARE(dana.patch(u"/v1/connect/servers/"_s + percent(u"Staging cluster"_s),
                            {{u"name"_s, u"Staging"_s}})
                     .status,
                 200);
        QCOMPARE(dana.get(u"/v1/audit"_s).status, 403);
        QCOMPARE(dana.post(u"/v1/connect/servers"_s, {{u"name"_s, u"mine"_s}}).status, 403);
    }

    void badBodiesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed json")
            << QByteArray("POST") << u"/v1/connect/servers"_s << QByteArray(R"({"name": "x",)")
            << 400 << u"invalid_json"_s;
        QTest::newRow("not an object") << QByteArray("POST") << u"/v1/connect/servers"_s
                                       << QByteArray(R"(["x"])") << 400 << u"invalid_json"_s;
        QTest::newRow("empty body") << QByteArray("POST") << u"/v1/connect/servers"_s
                                    << QByteArray() << 400 << u"missing_body"_s;
        QTest::newRow("name is a number") << QByteArray("POST") << u"/v1/connect/servers"_s
                                          << QByteArray(R"({"name": 5})") << 400 << u"wrong_type"_s;
        QTest::newRow("vaults is a string")
            << QByteArray("POST") << u"/v1/connect/servers"_s
            << QByteArray(R"({"name":"x","vaults":"Kubernetes"})") << 400 << u"wrong_type"_s;
        QTest::newRow("vault entry is a number")
            << QByteArray("POST") << u"/v1/connect/servers"_s
            << QByteArray(R"({"name":"x","vaults":[1]})") << 400 << u"wrong_type"_s;
        QTest::newRow("unknown field")
            << QByteArray("POST") << u"/v1/connect/servers"_s
            << QByteArray(R"({"name":"x","admin":true})") << 400 << u"unknown_field"_s;
        QTest::newRow("missing name")
            << QByteArray("POST") << u"/v1/connect/servers"_s << QByteArray(R"({"vaults":[]})")
            << 400 << u"missing_field"_s;
        QTest::newRow("unknown vault")
            << QByteArray("POST") << u"/v1/connect/servers"_s
            << QByteArray(R"({"name":"x","vaults":["Nope"]})") << 404 << u"not_found"_s;
        QTest::newRow("sql in vault")
            << QByteArray("POST") << u"/v1/connect/servers"_s
            << QByteArray("{\"name\":\"x\",\"vaults\":[\"\\u0027 OR 1=1 --\"]}") << 404
            << u"not_found"_s;
        QTest::newRow("token access wrong")
            << QByteArray("POST") << u"/v1/connect/tokens"_s
            << QByteArray(
                   R"({"name":"t","server":"CI runners","vaults":[{"vault":"CI Secrets","access":"all"}]})")
            << 400 << u"invalid_field"_s;
        QTest::newRow("token vault not object")
            << QByteArray("POST") << u"/v1/connect/tokens"_s
            << QByteArray(R"({"name":"t","server":"CI runners","vaults":["CI Secrets"]})") << 400
            << u"wrong_type"_s;
        QTest::newRow("token unknown server")
            << QByteArray("POST") << u"/v1/connect/tokens"_s
            << QByteArray(R"({"name":"t","server":"ZZZZZZZZZZZZZZZZZZZZZZZZZZ"})") << 404
            << u"not_found"_s;
        QTest::newRow("batch revision string")
            << QByteArray("POST") << u"/v1/connect/grants/batch"_s
            << QByteArray(R"({"base_revision":"1","changes":[]})") << 400 << u"wrong_type"_s;
        QTest::newRow("batch bad id")
            << QByteArray("POST") << u"/v1/connect/grants/batch"_s
            << QByteArray(
                   R"({"base_revision":1,"changes":[{"server":"x","vault":"y","granted":true}]})")
            << 400 << u"invalid_id"_s;
        QTest::newRow("batch granted string")
            << QByteArray("POST") << u"/v1/connect/grants/batch"_s
            << QByteArray(
                   R"({"base_revision":1,"changes":[{"server":"x","vault":"y","granted":"yes"}]})")
            << 400 << u"wrong_type"_s;
        QTest::newRow("rename empty")
            << QByteArray("PATCH") << u"/v1/connect/servers/CI%20runners"_s
            << QByteArray(R"({"name":""})") << 400 << u"invalid_name"_s;
        QTest::newRow("rename unknown id")
            << QByteArray("PATCH") << u"/v1/connect/servers/ZZZZZZZZZZZZZZZZZZZZZZZZZZ"_s
            << QByteArray(R"({"name":"x"})") << 404 << u"not_found"_s;
        QTest::newRow("revoke unknown token")
            << QByteArray("DELETE") << u"/v1/connect/tokens/zzzzzzzzzzzzzzzzzzzzzzzzzz"_s
            << QByteArray() << 404 << u"not_found"_s;
        QTest::newRow("deep nesting") << QByteArray("POST") << u"/v1/connect/servers"_s
                                      << QByteArray(4000, '[') << 400 << u"invalid_json"_s;
        QTest::newRow("invalid utf8 name")
            << QByteArray("POST") << u"/v1/connect/servers"_s
            << QByteArray("{\"name\":\"\xff\xfe\"}") << 400 << u"invalid_json"_s;
    }
    void badBodiesAreRefusedAndChangeNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const auto before = fingerprint();
        const Reply r = m_http->send(method, path, body);
        QVERIFY2(r.status == status, r.body.constData());
        QCOMPARE(r.code(), code);
        QCOMPARE(r.json.value(u"status"_s).toInt(), status);
        QVERIFY(!r.message().isEmpty());
        QCOMPARE(fingerprint(), before);
    }

    void wrongContentTypeIs415()
    {
        const auto before = fingerprint();
        const Reply r = m_http->send("POST", u"/v1/connect/servers"_s, "name=x",
                                     "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 415);
        QCOMPARE(fingerprint(), before);
    }

    void fiveMebibyteBodyIs413AndChangesNothing()
    {
        const auto before = fingerprint();
        QByteArray big = "{\"name\":\"" + QByteArray(5 * 1024 * 1024, 'a') + "\"}";
        const Reply r = m_http->send("POST", u"/v1/connect/servers"_s, big);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.code(), u"payload_too_large"_s);
        QCOMPARE(fingerprint(), before);
        // The service is still fine afterwards.
        QCOMPARE(m_http->get(u"/health"_s).status, 200);
    }

    void expectContinueIsAnsweredOrRefusedBeforeTheBody()
    {
        const quint16 port = m_svc->host->port();
        QByteArray answer = rawExchange(
            port,
            "POST /v1/connect/servers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 10000000\r\nExpect: 100-continue\r\n\r\n",
            3000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        answer = rawExchange(port,
                             "POST /v1/auth/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: "
                             "2\r\nExpect: 100-continue\r\n\r\n",
                             1000);
        QVERIFY2(answer.startsWith("HTTP/1.1 100 Continue"), answer.constData());
    }

    void connectionGuards()
    {
        const quint16 port = m_svc->host->port();
        // Oversized headers.
        QByteArray answer = rawExchange(
            port, "GET /health HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'x') + "\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(60).constData());
        // Chunked bodies.
        answer =
            rawExchange(port, "POST /v1/connect/servers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                              "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 411"), answer.left(60).constData());
        // Garbage.
        answer = rawExchange(port, "HELLO\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.left(60).constData());
        answer = rawExchange(port, "BREW /pot HTTP/1.1\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 405"), answer.left(60).constData());
        // A half-sent request is answered 408 and closed once the request timeout passes.
        answer = rawExchange(
            port,
            "POST /v1/connect/servers HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"na",
            5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.left(60).constData());
        // An idle connection is closed.
        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(idle.waitForConnected(2000));
        QTRY_VERIFY_WITH_TIMEOUT(idle.state() == QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(m_http->get(u"/health"_s).status, 200);
    }

    void oneRequestAtATimePerConnection()
    {
        const quint16 port = m_svc->host->port();
        // Two requests in one write (pipelining): refused, never merged into one.
        const QByteArray answer = rawExchange(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                                                    "GET /heartbeat HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.left(80).constData());
        QVERIFY(answer.contains("pipelining_not_supported"));
        QCOMPARE(answer.count("HTTP/1.1 "), 1);
        // One after the other on the same keep-alive connection: each answered in turn,
        // HEAD without a body.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(5000));
        // Sends one request and reads exactly one answer (a HEAD answer has no body).
        auto exchange = [&socket](const QByteArray &request) {
            socket.write(request);
            const bool headOnly = request.startsWith("HEAD");
            QByteArray got;
            const bool complete = QTest::qWaitFor(
                [&] {
                    got += socket.readAll();
                    const qsizetype end = got.indexOf("\r\n\r\n");
                    if (end < 0)
                        return false;
                    if (headOnly)
                        return true;
                    const QByteArray lower = got.left(end).toLower();
                    const qsizetype at = lower.indexOf("content-length: ");
                    const int length =
                        at < 0 ? 0 : lower.mid(at + 16, lower.indexOf('\r', at) - at - 16).toInt();
                    return got.size() >= end + 4 + length;
                },
                5000);
            return complete ? got : QByteArray();
        };
        QVERIFY(exchange("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
        const QByteArray head = exchange("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(head.startsWith("HTTP/1.1 200") && head.endsWith("\r\n\r\n"), head.constData());
        QVERIFY(exchange("GET /heartbeat HTTP/1.1\r\nHost: x\r\n\r\n").endsWith("."));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void aLargeAnswerToASlowReaderArrivesWhole()
    {
        // An answer larger than the kernel takes at once waits in the socket's buffer. To a
        // reader with a small receive window (4 KiB) who waits before reading, a page of
        // 100 KB and more arrives byte for byte as a fast reader gets it, and the next answer
        // on the connection after it.
        for (int i = 0; i < 240; ++i)
            createServer(u"large answer %1 "_s.arg(i) + QString(100, u'x'));
        const QString token = m_http->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword);
        const Reply fast = m_http->get(u"/v1/connect/servers?limit=1000"_s);
        QCOMPARE(fast.status, 200);
        QVERIFY2(fast.body.size() > 100000, QByteArray::number(fast.body.size()).constData());

        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        const int small = 4096;
        QCOMPARE(::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small), 0);
        sockaddr_in to = {};
        to.sin_family = AF_INET;
        to.sin_port = htons(m_svc->host->port());
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to), 0);
        QTcpSocket socket;
        QVERIFY(socket.setSocketDescriptor(fd));
        auto exchange = [&](const QString &path) {
            socket.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                         token.toUtf8() + "\r\n\r\n");
            socket.flush();
            QTest::qWait(150); // the service meets a full window meanwhile
            QByteArray got;
            qsizetype bodyAt = -1;
            int length = -1;
            const bool whole = QTest::qWaitFor(
                [&] {
                    got += socket.readAll();
                    if (bodyAt < 0 && (bodyAt = got.indexOf("\r\n\r\n")) >= 0) {
                        bodyAt += 4;
                        const QByteArray head = got.left(bodyAt).toLower();
                        const qsizetype at = head.indexOf("content-length: ");
                        length = head.mid(at + 16, head.indexOf('\r', at) - at - 16).toInt();
                    }
                    return bodyAt >= 0 && got.size() >= bodyAt + length;
                },
                10000);
            return whole ? got.mid(bodyAt) : QByteArray();
        };
        const QByteArray slow = exchange(u"/v1/connect/servers?limit=1000"_s);
        QCOMPARE(slow.size(), fast.body.size());
        QVERIFY(slow == fast.body);
        const QByteArray next = exchange(u"/v1/connect/servers?limit=2"_s);
        QCOMPARE(QJsonDocument::fromJson(next)[u"items"_s].toArray().size(), 2);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void wrongMethodIs405AndHeadWorks()
    {
        Reply r = m_http->send("PUT", u"/v1/connect/servers"_s, "{}");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.code(), u"method_not_allowed"_s);
        QVERIFY(r.headers.value("allow").contains("POST"));
        r = m_http->send("POST", u"/health"_s, "{}");
        QCOMPARE(r.status, 405);
        r = m_http->send("HEAD", u"/health"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(m_http->get(u"/v1/nothing-here"_s).status, 404);
        QCOMPARE(m_http->get(u"/v1/nothing-here"_s).code(), u"not_found"_s);
    }

    void unicodeAndSqlNamesRoundTripThroughUrls()
    {
        const QStringList names{u"Robert'); DROP TABLE servers;--"_s, u"名前 / «Prod» ✓"_s,
                                u"50% off?&x=y#z"_s};
        for (const QString &name : names) {
            const QJsonObject s = createServer(name);
            QCOMPARE(s.value(u"name"_s).toString(), name);
            const Reply r = m_http->get(u"/v1/connect/servers/"_s + percent(name));
            QVERIFY2(r.status == 200, r.body.constData());
            QCOMPARE(r.json.value(u"id"_s).toString(), s.value(u"id"_s).toString());
        }
        QCOMPARE(m_http->get(u"/health"_s).status, 200);
    }

    void ambiguousNamesOverHttp()
    {
        const QJsonObject a = createServer(u"Twin"_s);
        const QJsonObject b = createServer(u"Twin"_s);
        const Reply r = m_http->get(u"/v1/connect/servers/Twin"_s);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), u"ambiguous"_s);
        QVERIFY(r.message().contains(a.value(u"id"_s).toString()));
        QVERIFY(r.message().contains(b.value(u"id"_s).toString()));
    }

    void randomBytesNeverCauseA5xx()
    {
        QRandomGenerator rng(20261127);
        const QStringList paths{u"/v1/connect/servers"_s, u"/v1/connect/tokens"_s,
                                u"/v1/connect/grants/batch"_s, u"/v1/connect/group-grants"_s,
                                u"/v1/auth/sessions"_s};
        const auto before = fingerprint();
        for (int i = 0; i < 200; ++i) {
            QByteArray body(int(rng.bounded(1, 400)), Qt::Uninitialized);
            for (char &c : body)
                c = char(rng.bounded(256));
            if (i % 2) // half of them look almost like JSON
                body = R"({"name":)" + body.toBase64() + "}";
            const Reply r = m_http->send("POST", paths.at(i % paths.size()), body);
            QVERIFY2(r.status >= 400 && r.status < 500, qPrintable(QString::number(r.status)));
        }
        QCOMPARE(fingerprint(), before);
    }

    // ---- numbers and text at the edges, signed cursors (issue 9, items 4 and 5)

    void numbersAndTextAtTheEdgesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field"); // named in the message
        const QString batch = u"/v1/connect/grants/batch"_s, servers = u"/v1/connect/servers"_s;
        for (const char *n : {"1e300", "-1e300", "3.5e87", "1.5", "9223372036854775808"})
            QTest::addRow("base_revision %s", n)
                << QByteArray("POST") << batch
                << R"({"base_revision":)" + QByteArray(n) + R"(,"changes":[]})" << u"wrong_type"_s
                << u"base_revision"_s;
        QTest::newRow("lone high surrogate")
            << QByteArray("POST") << servers << QByteArray(R"({"name":"Dev \ud800"})")
            << u"invalid_text"_s << u"name"_s;
        QTest::newRow("lone low surrogate")
            << QByteArray("POST") << servers << QByteArray(R"({"name":"\udc00"})")
            << u"invalid_text"_s << u"name"_s;
        QTest::newRow("surrogates reversed")
            << QByteArray("POST") << servers << QByteArray(R"({"name":"\ude80\ud83d"})")
            << u"invalid_text"_s << u"name"_s;
        QTest::newRow("surrogate in a vault")
            << QByteArray("POST") << servers << QByteArray(R"({"name":"x","vaults":["\ud800"]})")
            << u"invalid_text"_s << u"vaults"_s;
        QTest::newRow("surrogate in a rename")
            << QByteArray("PATCH") << u"/v1/connect/servers/CI%20runners"_s
            << QByteArray(R"({"name":"\udfff"})") << u"invalid_text"_s << u"name"_s;
        QTest::newRow("surrogate in a token name")
            << QByteArray("POST") << u"/v1/connect/tokens"_s
            << QByteArray(R"({"name":"t\ud800","server":"CI runners"})") << u"invalid_text"_s
            << u"name"_s;
        QTest::newRow("surrogate in a group")
            << QByteArray("POST") << u"/v1/connect/group-grants"_s
            << QByteArray(R"({"group":"\ud800"})") << u"invalid_text"_s << u"group"_s;
        // A NUL character (PostgreSQL can't hold one in text): refused where it comes in, in
        // a body, a path or a query, never a 500 from the database.
        QTest::newRow("NUL in a name")
            << QByteArray("POST") << servers << QByteArray(R"({"name":"a\u0000b"})")
            << u"invalid_text"_s << u"name"_s;
        QTest::newRow("NUL in a sign-in's email")
            << QByteArray("POST") << u"/v1/auth/sessions"_s
            << QByteArray(R"({"email":"a\u0000@example.com","password":"x"})") << u"invalid_text"_s
            << u"email"_s;
        QTest::newRow("NUL in a path's ID") << QByteArray("GET") << u"/v1/connect/servers/%00abc"_s
                                            << QByteArray() << u"invalid_parameter"_s << u"path"_s;
        QTest::newRow("NUL in a vault's name")
            << QByteArray("GET") << u"/v1/vaults/%00/access"_s << QByteArray()
            << u"invalid_parameter"_s << u"path"_s;
        QTest::newRow("NUL in a search") << QByteArray("GET") << u"/v1/audit?q=ab%00"_s
                                         << QByteArray() << u"invalid_parameter"_s << u"\"q\""_s;
        QTest::newRow("NUL in a server filter")
            << QByteArray("GET") << u"/v1/connect/tokens?server=%00"_s << QByteArray()
            << u"invalid_parameter"_s << u"\"server\""_s;
        QTest::newRow("UTF-8 of a surrogate")
            << QByteArray("POST") << servers << QByteArray("{\"name\":\"\xed\xa0\x80\"}")
            << u"invalid_json"_s << u"UTF-8"_s;
        QTest::newRow("overlong UTF-8")
            << QByteArray("POST") << servers << QByteArray("{\"name\":\"\xc0\xaf\"}")
            << u"invalid_json"_s << u"UTF-8"_s;
        QTest::newRow("name twice")
            << QByteArray("POST") << servers << QByteArray(R"({"name":"a","name":"b"})")
            << u"invalid_json"_s << u"name"_s;
        QTest::newRow("something after the object")
            << QByteArray("POST") << servers << QByteArray(R"({"name":"a"} {"name":"b"})")
            << u"invalid_json"_s << u"JSON"_s;
    }
    void numbersAndTextAtTheEdgesAreRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto before = fingerprint();
        const Reply r = m_http->send(method, path, body);
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE(r.code(), code);
        QVERIFY2(r.message().contains(field) && r.message().endsWith(u'.'),
                 qPrintable(r.message()));
        QCOMPARE(fingerprint(), before);
    }

    void surrogatePairsAreTextAndComeBackTheSame()
    {
        const Reply r = m_http->send("POST", u"/v1/connect/servers"_s,
                                     R"({"name":"Rocket \ud83d\ude80 \u00e9t\u00e9"})");
        QCOMPARE(r.status, 201);
        const QString name = u"Rocket 🚀 été"_s;
        QCOMPARE(r.json[u"server"_s][u"name"_s].toString(), name);
        const QString id = r.json[u"server"_s][u"id"_s].toString();
        QCOMPARE(m_http->get(u"/v1/connect/servers/"_s + id).json.value(u"name"_s).toString(),
                 name);
    }

    void forgedAlteredAndForeignCursorsAreRefused()
    {
        for (int i = 0; i < 3; ++i)
            createServer(u"c%1"_s.arg(i));
        const Reply first = m_http->get(u"/v1/connect/servers?limit=2"_s);
        const QString cursor = first.json.value(u"next_cursor"_s).toString();
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(m_http->get(u"/v1/connect/servers?limit=2&cursor="_s + cursor).status, 200);
        const QString lastId = first.json[u"items"_s][1][u"id"_s].toString().toLower();
        auto unsignedCursor = [](const QByteArray &text) {
            return QString::fromLatin1(
                text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        };
        QString altered = cursor;
        altered[cursor.size() / 2] = altered[cursor.size() / 2] == u'A' ? u'B' : u'A';
        const QList<QPair<QString, QString>> refused{
            {u"/v1/connect/servers"_s, unsignedCursor("c1:" + lastId.toLatin1())}, // forged
            {u"/v1/connect/servers"_s, altered},
            {u"/v1/vaults"_s, cursor}, // another list's
            {u"/v1/connect/tokens"_s, cursor},
            {u"/v1/audit"_s, unsignedCursor("c1:abc")}, // not a number
            {u"/v1/audit"_s, unsignedCursor("c1:999999")},
            {u"/v1/audit"_s, cursor}};
        for (const auto &[path, text] : refused) {
            const Reply r = m_http->get(path + u"?limit=2&cursor="_s + text);
            QVERIFY2(r.status == 400, qPrintable(path + u" "_s + text));
            QCOMPARE(r.code(), u"invalid_parameter"_s);
            QVERIFY(r.message().contains(u"cursor"_s));
        }
        // The audit list's own cursors work.
        const Reply audit = m_http->get(u"/v1/audit?limit=1"_s);
        const Reply next = m_http->get(u"/v1/audit?limit=1&cursor="_s +
                                       audit.json.value(u"next_cursor"_s).toString());
        QCOMPARE(next.status, 200);
        QVERIFY(next.json[u"items"_s][0][u"id"_s].toInteger() <
                audit.json[u"items"_s][0][u"id"_s].toInteger());
    }

    void instancesOnOneDatabaseAcceptEachOthersCursors()
    {
        for (int i = 0; i < 3; ++i)
            createServer(u"m%1"_s.arg(i));
        // A second instance on the same database with the same master key, as behind a
        // load balancer.
        ServiceOptions o;
        o.port = 0;
        o.database = m_svc->host->database();
        o.masterKeyPath = m_svc->dir.filePath(u"sandbox/master.key"_s);
        o.passwordHash = testHashParams();
        ServiceHost second(o);
        QCOMPARE(second.start(), QString());
        Http one(m_svc->url);
        const QString token = one.signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword);
        Http two(second.url());
        two.setToken(token);
        const Reply first = one.get(u"/v1/connect/servers?limit=2"_s);
        const Reply rest = two.get(u"/v1/connect/servers?limit=100&cursor="_s +
                                   first.json.value(u"next_cursor"_s).toString());
        QVERIFY2(rest.status == 200, rest.body.constData());
        QStringList ids;
        for (const Reply *page : {&first, &rest})
            for (const QJsonValue &v : page->json.value(u"items"_s).toArray())
                ids.append(v[u"id"_s].toString());
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 5); // 2 from the sandbox + 3
        QCOMPARE(ids.size(), 5);                                   // each once
        // A service with another master key does not take it.
        auto other = startService();
        Http elsewhere(other->url);
        elsewhere.signIn(u"owner@sandbox.example"_s, other->ownerPassword);
        const Reply foreign = elsewhere.get(u"/v1/connect/servers?limit=2&cursor="_s +
                                            first.json.value(u"next_cursor"_s).toString());
        QCOMPARE(foreign.status, 400);
        QCOMPARE(foreign.code(), u"invalid_parameter"_s);
    }

    // The audit log's free text is not indexed by the write that adds the event: on
    // PostgreSQL the service's indexer does it within seconds, without a search; on SQLite
    // the next search does. Either way a search finds the newest event.
    void auditTextIsIndexedOffTheWritePath()
    {
        QVERIFY(!createServer(u"Indexed later"_s).isEmpty());
        const std::unique_ptr<Store> db = m_svc->openDatabase();
        const qint64 newest = db->listAudit({1, {}}).items.first().id;
        if (db->isPostgres())
            QTRY_COMPARE_WITH_TIMEOUT(db->auditTextIndexedThrough(), newest, 15000);
        else
            QVERIFY(db->auditTextIndexedThrough() < newest);
        QVERIFY(!createServer(u"Found by the search"_s).isEmpty());
        const Reply found = m_http->get(u"/v1/audit?q=by%20the%20search"_s);
        QCOMPARE(found.status, 200);
        const QJsonArray items = found.json.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0][u"detail"_s][u"name"_s].toString(), u"Found by the search"_s);
        QVERIFY(db->auditTextIndexedThrough() > newest);
    }

    void auditIsFilteredOverHttp()
    {
        QVERIFY(!createServer(u"Audited"_s, {u"Kubernetes"_s}).isEmpty());
        const Reply byAction = m_http->get(u"/v1/audit?action=server.create&limit=1"_s);
        QCOMPARE(byAction.status, 200);
        const QJsonArray items = byAction.json.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0][u"action"_s].toString(), u"server.create"_s);
        QCOMPARE(items[0][u"detail"_s][u"name"_s].toString(), u"Audited"_s);
        QVERIFY(items[0][u"seq"_s].toInteger() > 0);
        QCOMPARE(items[0][u"hash"_s].toString().size(), 64);
        // The next page keeps the filter: only older server.create events.
        const Reply next = m_http->get(u"/v1/audit?action=server.create&limit=100&cursor="_s +
                                       percent(byAction.json.value(u"next_cursor"_s).toString()));
        QCOMPARE(next.status, 200);
        for (const QJsonValue &e : next.json.value(u"items"_s).toArray())
            QCOMPARE(e[u"action"_s].toString(), u"server.create"_s);
        const Reply byObject = m_http->get(u"/v1/audit?object=server:Audited"_s);
        QCOMPARE(byObject.json.value(u"items"_s).toArray().size(), 1);
        const Reply byActor =
            m_http->get(u"/v1/audit?actor="_s + percent(u"owner@sandbox.example"_s));
        QCOMPARE(byActor.status, 200);
        QVERIFY(!byActor.json.value(u"items"_s).toArray().isEmpty());
        QCOMPARE(m_http->get(u"/v1/audit?since=last+week"_s).status, 400);
        QCOMPARE(m_http->get(u"/v1/audit?since=last+week"_s).code(), u"invalid_parameter"_s);
        QCOMPARE(m_http->get(u"/v1/audit?object=server:Nowhere"_s).status, 404);
        QCOMPARE(m_http->get(u"/v1/audit?colour=red"_s).status, 400);
    }

    void auditVerifiesOverHttp()
    {
        const Reply whole = m_http->get(u"/v1/audit/verify"_s);
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.json.value(u"whole"_s).toBool(), true);
        QCOMPARE(whole.json.value(u"count"_s).toInteger(), m_svc->openDatabase()->auditCount());
        tamperWithAudit(u"UPDATE audit_events SET detail = '{}' WHERE seq = 2"_s);
        const Reply broken = m_http->get(u"/v1/audit/verify"_s);
        QCOMPARE(broken.status, 200);
        QCOMPARE(broken.json.value(u"whole"_s).toBool(), false);
        QCOMPARE(broken.json.value(u"broken_seq"_s).toInteger(), 2);
        QCOMPARE(broken.json.value(u"count"_s).toInteger(), 1);
        QVERIFY(!broken.json.value(u"problem"_s).toString().isEmpty());
    }

    void auditVerifyLeavesTheWorkerFree()
    {
        // One worker. A walk of the chain (seconds at a million events) that ran on it would
        // keep it from answering anything else meanwhile; here the walk is held — its own
        // connection to the database is opened only when the test lets it — while the worker
        // answers another request.
        ServiceOptions o;
        o.port = 0;
        o.workers = 1;
        o.database = m_svc->host->database();
        o.masterKeyPath = m_svc->dir.filePath(u"sandbox/master.key"_s);
        o.passwordHash = testHashParams();
        ServiceHost one(o);
        QSemaphore walking, mayWalk;
        one.shared().openStore = [&, database = o.database] {
            walking.release();
            mayWalk.acquire();
            return Store::open(database, u"held-walk-"_s + newId());
        };
        const auto letItWalk = qScopeGuard([&] { mayWalk.release(); }); // before `one` goes
        QCOMPARE(one.start(), QString());
        QCOMPARE(one.workerCount(), 1);
        Http http(one.url());
        const QString token = http.signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword);

        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(one.url() + u"/v1/audit/verify"_s));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        std::unique_ptr<QNetworkReply> verify(nam.get(request));
        QTRY_VERIFY_WITH_TIMEOUT(walking.available() > 0 || verify->isFinished(), 10000);
        QVERIFY2(!verify->isFinished(), verify->readAll().constData());
        const Reply servers = http.get(u"/v1/connect/servers"_s); // while the walk is held
        QCOMPARE(servers.status, 200);
        QVERIFY(!verify->isFinished());

        mayWalk.release();
        QTRY_VERIFY_WITH_TIMEOUT(verify->isFinished(), 10000);
        QCOMPARE(verify->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject v = QJsonDocument::fromJson(verify->readAll()).object();
        QCOMPARE(v.value(u"whole"_s).toBool(), true);
        QCOMPARE(v.value(u"count"_s).toInteger(), m_svc->openDatabase()->auditCount());
    }

    void vaultAccessOverHttp()
    {
        QVERIFY(!createServer(u"Reach"_s, {u"Kubernetes"_s}).isEmpty());
        QCOMPARE(m_http
                     ->post(u"/v1/connect/tokens"_s,
                            {{u"name"_s, u"reach-ci"_s},
                             {u"server"_s, u"Reach"_s},
                             {u"vaults"_s, QJsonArray{QJsonObject{{u"vault"_s, u"Kubernetes"_s},
                                                                  {u"access"_s, u"read"_s}}}}})
                     .status,
                 201);
        const Reply r = m_http->get(u"/v1/vaults/Kubernetes/access"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json[u"vault"_s][u"name"_s].toString(), u"Kubernetes"_s);
        const QJsonArray servers = r.json.value(u"servers"_s).toArray();
        QJsonObject reach;
        for (const QJsonValue &s : servers) {
            if (s[u"server"_s][u"name"_s].toString() == u"Reach")
                reach = s.toObject();
        }
        QVERIFY(!reach.isEmpty());
        const QJsonArray tokens = reach.value(u"tokens"_s).toArray();
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens[0][u"name"_s].toString(), u"reach-ci"_s);
        QCOMPARE(tokens[0][u"state"_s].toString(), u"ACTIVE"_s);
        QCOMPARE(m_http->get(u"/v1/vaults/Nowhere/access"_s).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"

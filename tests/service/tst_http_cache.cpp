// The service's answers from memory: every write route is seen by the next read through the
// cache, answers that depend on the clock expire with the first token, ETag and 304 on every
// GET, the account revision on every answer, and read-your-writes (a sign-out included)
// across two instances.
#include "../support/TestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

class TestHttpCache : public QObject
{
    Q_OBJECT
    std::unique_ptr<RunningService> m_svc;
    std::unique_ptr<Http> m_http;

    // Reads path (filling the cache), runs write, reads path again: the second answer must
    // differ from the first and contain what.
    void seenAfter(const QString &path, const std::function<int()> &write, const QByteArray &what)
    {
        const Reply before = m_http->get(path);
        QCOMPARE(before.status, 200);
        QCOMPARE(m_http->get(path).body, before.body); // from the cache: the same bytes
        const int status = write();
        QVERIFY2(status == 200 || status == 201, qPrintable(QString::number(status)));
        const Reply after = m_http->get(path);
        QCOMPARE(after.status, 200);
        QVERIFY2(after.body != before.body, qPrintable(path));
        QVERIFY2(after.body.contains(what), after.body.constData());
        QVERIFY(after.headers.value("etag") != before.headers.value("etag"));
        QVERIFY(after.headers.value("x-account-revision").toLongLong() >
                before.headers.value("x-account-revision").toLongLong());
    }

    QString serverId(const QString &name)
    {
        for (const QJsonValue &v :
             m_http->get(u"/v1/connect/servers?limit=1000"_s).json.value(u"items"_s).toArray())
            if (v[u"name"_s].toString() == name)
                return v[u"id"_s].toString();
        return {};
    }

    QString vaultId(const QString &name)
    {
        for (const QJsonValue &v : m_http->get(u"/v1/vaults"_s).json.value(u"items"_s).toArray())
            if (v[u"name"_s].toString() == name)
                return v[u"id"_s].toString();
        return {};
    }

    static int activeTokens(Http &h, const QString &server)
    {
        for (const QJsonValue &v :
             h.get(u"/v1/connect/servers?limit=1000"_s).json.value(u"items"_s).toArray())
            if (v[u"name"_s].toString() == server)
                return v[u"active_tokens"_s].toInt();
        return -1;
    }

    // Another instance of the service on the same database and master key (not started).
    std::unique_ptr<ServiceHost> secondInstance() const
    {
        ServiceOptions o;
        o.port = 0;
        o.workers = kTestWorkers;
        o.database = m_svc->host->database();
        o.masterKeyPath = m_svc->dir.filePath(u"sandbox/master.key"_s);
        o.passwordHash = testHashParams();
        return std::make_unique<ServiceHost>(o);
    }

private slots:
    void init()
    {
        m_svc = startService();
        m_http = std::make_unique<Http>(m_svc->url);
        QVERIFY(!m_http->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword).isEmpty());
    }
    void cleanup()
    {
        m_http.reset();
        m_svc.reset();
    }

    void everyWriteRouteIsSeenByTheNextRead()
    {
        const QString servers = u"/v1/connect/servers"_s;
        seenAfter(
            servers,
            [&] {
                return m_http
                    ->post(servers, {{u"name"_s, u"Cached"_s}, {u"vaults"_s, QJsonArray{}}})
                    .status;
            },
            "\"Cached\"");
        const QString id = serverId(u"Cached"_s);
        seenAfter(
            servers,
            [&] {
                return m_http->patch(servers + u'/' + id, {{u"name"_s, u"Renamed"_s}}).status;
            },
            "\"Renamed\"");
        seenAfter(
            servers, [&] { return m_http->put(servers + u'/' + id + u"/vaults/Vendors"_s).status; },
            "\"vaults\":[\"");
        seenAfter(
            u"/v1/connect/grants"_s,
            [&] { return m_http->del(servers + u'/' + id + u"/vaults/Vendors"_s).status; },
            "\"revision\"");
        seenAfter(
            u"/v1/connect/grants"_s,
            [&] {
                const Reply matrix = m_http->get(u"/v1/connect/grants"_s);
                const QJsonObject change{
                    {u"server"_s, id}, {u"vault"_s, vaultId(u"Customers"_s)}, {u"granted"_s, true}};
                return m_http
                    ->post(u"/v1/connect/grants/batch"_s,
                           {{u"base_revision"_s, matrix.json.value(u"revision"_s)},
                            {u"changes"_s, QJsonArray{change}}})
                    .status;
            },
            id.toUtf8());
        const QString tokens = u"/v1/connect/tokens?server="_s + id;
        seenAfter(
            tokens,
            [&] {
                return m_http
                    ->post(u"/v1/connect/tokens"_s,
                           {{u"name"_s, u"t1"_s},
                            {u"server"_s, id},
                            {u"vaults"_s, QJsonArray{QJsonObject{{u"vault"_s, u"Customers"_s},
                                                                 {u"access"_s, u"read"_s}}}}})
                    .status;
            },
            "\"t1\"");
        seenAfter(
            servers,
            [&] {
                return m_http
                    ->post(u"/v1/connect/tokens"_s,
                           {{u"name"_s, u"t2"_s},
                            {u"server"_s, id},
                            {u"vaults"_s, QJsonArray{QJsonObject{{u"vault"_s, u"Customers"_s},
                                                                 {u"access"_s, u"read"_s}}}}})
                    .status;
            },
            "\"active_tokens\":2");
        seenAfter(
            tokens,
            [&] {
                return m_http
                    ->patch(u"/v1/connect/tokens/t1?server="_s + id, {{u"name"_s, u"t3"_s}})
                    .status;
            },
            "\"t3\"");
        seenAfter(
            tokens, [&] { return m_http->del(u"/v1/connect/tokens/t3?server="_s + id).status; },
            "\"REVOKED\"");
        const QString groupGrants = u"/v1/connect/group-grants"_s;
        seenAfter(
            groupGrants,
            [&] {
                return m_http->post(groupGrants, {{u"group"_s, u"Operations"_s}, {u"server"_s, id}})
                    .status;
            },
            id.toUtf8());
        seenAfter(
            u"/v1/audit"_s,
            [&] { return m_http->del(groupGrants + u"?group=Operations&server="_s + id).status; },
            "group.revoke");
        seenAfter(
            u"/v1/audit?limit=1"_s, [&] { return m_http->del(servers + u'/' + id).status; },
            "server.delete");
        QVERIFY(serverId(u"Renamed"_s).isEmpty());
    }

    void clockAnswersLastUntilTheFirstTokenExpires()
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        auto svc = startService({}, [&now] { return now; });
        Http h(svc->url);
        QVERIFY(!h.signIn(u"owner@sandbox.example"_s, svc->ownerPassword).isEmpty());
        QCOMPARE(h.post(u"/v1/connect/servers"_s,
                        {{u"name"_s, u"Clock"_s}, {u"vaults"_s, QJsonArray{u"Customers"_s}}})
                     .status,
                 201);
        QCOMPARE(h.post(u"/v1/connect/tokens"_s,
                        {{u"name"_s, u"short"_s},
                         {u"server"_s, u"Clock"_s},
                         {u"vaults"_s, QJsonArray{QJsonObject{{u"vault"_s, u"Customers"_s},
                                                              {u"access"_s, u"read"_s}}}},
                         {u"expires_in"_s, u"1h"_s}})
                     .status,
                 201);
        const QString tokens = u"/v1/connect/tokens?server=Clock"_s;
        QVERIFY(h.get(tokens).body.contains("\"ACTIVE\""));
        QCOMPARE(activeTokens(h, u"Clock"_s), 1);
        now = now.addSecs(3601); // no write: only the clock moved
        QVERIFY(h.get(tokens).body.contains("\"EXPIRED\""));
        QCOMPARE(activeTokens(h, u"Clock"_s), 0);
    }

    void everyGetHasAnETagAndAnswers304()
    {
        const QString id =
            serverId(u"Development"_s).isEmpty()
                ? m_http->get(u"/v1/connect/servers"_s).json[u"items"_s][0][u"id"_s].toString()
                : serverId(u"Development"_s);
        const QStringList routes{u"/v1/auth/sessions/current"_s,
                                 u"/v1/account"_s,
                                 u"/v1/vaults"_s,
                                 u"/v1/groups"_s,
                                 u"/v1/users"_s,
                                 u"/v1/connect/servers"_s,
                                 u"/v1/connect/servers/"_s + id,
                                 u"/v1/connect/tokens"_s,
                                 u"/v1/connect/grants"_s,
                                 u"/v1/connect/group-grants"_s,
                                 u"/v1/audit"_s};
        for (const QString &route : routes) {
            const Reply full = m_http->get(route);
            QCOMPARE(full.status, 200);
            const QByteArray etag = full.headers.value("etag");
            QVERIFY2(etag.startsWith('"') && etag.endsWith('"'), qPrintable(route));
            QVERIFY(full.headers.value("x-account-revision").toLongLong() > 0);
            const Reply same = m_http->get(route, etag);
            QVERIFY2(same.status == 304, qPrintable(route));
            QVERIFY(same.body.isEmpty());
            QCOMPARE(same.headers.value("etag"), etag);
            QCOMPARE(m_http->get(route, "W/" + etag + ", \"other\"").status, 304);
            QCOMPARE(m_http->get(route, "\"other\"").status, 200);
        }
        // A change gives the list a new tag: the old one is answered in full.
        const QByteArray old = m_http->get(u"/v1/connect/servers"_s).headers.value("etag");
        const Reply created = m_http->post(u"/v1/connect/servers"_s,
                                           {{u"name"_s, u"New"_s}, {u"vaults"_s, QJsonArray{}}});
        QVERIFY(created.headers.value("x-account-revision").toLongLong() > 0);
        const Reply changed = m_http->get(u"/v1/connect/servers"_s, old);
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.body.contains("\"New\""));
        QCOMPARE(changed.headers.value("x-account-revision"),
                 created.headers.value("x-account-revision"));
    }

    void callersSeeTheirOwnView()
    {
        // The same list for another user (a member, not an owner) is not the owner's copy.
        const Reply owners = m_http->get(u"/v1/vaults"_s);
        Http member(m_svc->url);
        QVERIFY(
            !member.signIn(u"dana@sandbox.example"_s, m_svc->passwordOf(u"dana@sandbox.example"_s))
                 .isEmpty());
        const Reply members = member.get(u"/v1/vaults"_s);
        QCOMPARE(members.status, 200);
        QVERIFY(members.body != owners.body);
    }

    void aWriteThroughOneInstanceIsReadThroughTheOther()
    {
        const auto second = secondInstance();
        QCOMPARE(second->start(), QString());
        const QString token = m_http->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword);
        Http two(second->url());
        two.setToken(token);
        for (int i = 0; i < 5; ++i) {
            const Reply before = two.get(u"/v1/connect/servers"_s); // B's cache has it now
            const QString name = u"Across %1"_s.arg(i);
            QCOMPARE(m_http
                         ->post(u"/v1/connect/servers"_s,
                                {{u"name"_s, name}, {u"vaults"_s, QJsonArray{}}})
                         .status,
                     201);
            const Reply after = two.get(u"/v1/connect/servers"_s, before.headers.value("etag"));
            QCOMPARE(after.status, 200);
            QVERIFY(after.body.contains(name.toUtf8()));
        }
    }

    void aSignOutThroughOneInstanceEndsTheSessionOnTheOther()
    {
        // Reads check their session from memory at an unchanged revision: a sign-out (on any
        // instance) moves the revision, so the next read anywhere is refused.
        const auto second = secondInstance();
        QCOMPARE(second->start(), QString());
        Http two(second->url());
        two.setToken(m_http->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword));
        for (int i = 0; i < 4; ++i) // on every worker the connections reach
            QCOMPARE(two.get(u"/v1/vaults"_s).status, 200);
        QCOMPARE(m_http->del(u"/v1/auth/sessions/current"_s).status, 204);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(two.get(u"/v1/vaults"_s).status, 401);
            QCOMPARE(m_http->get(u"/v1/connect/servers"_s).status, 401);
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpCache)
#include "tst_http_cache.moc"

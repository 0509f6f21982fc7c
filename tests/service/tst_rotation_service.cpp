// Rotation, scheduled revocation and credentials renewal as a running service does them, on
// SQLite and PostgreSQL: revocations that came due while the service was down are carried
// out when it starts, the timer revokes on time, and the routes answer over HTTP (with bad
// requests refused and nothing changed).
#include "../support/TestSupport.h"
#include "core/CredentialsFile.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

class TestRotationService : public QObject
{
    Q_OBJECT

    std::unique_ptr<RunningService> m_svc;
    std::unique_ptr<Http> m_http;
    std::unique_ptr<Store> m_db;

    QList<qint64> counts()
    {
        return {m_db->count(u"tokens"_s), m_db->count(u"servers"_s), m_db->auditCount()};
    }

    QJsonObject newToken(const QString &name, const QString &server)
    {
        const Reply r =
            m_http->post(u"/v1/connect/tokens"_s, {{u"name"_s, name}, {u"server"_s, server}});
        if (r.status != 201)
            qFatal("token: %d %s", r.status, r.body.constData());
        return r.json;
    }

    // A service of its own on a database that outlives it, with the test's clock.
    struct Host
    {
        QTemporaryDir dir;
        ServiceOptions options;
        std::unique_ptr<ServiceHost> host;
        QDateTime clock = QDateTime::currentDateTimeUtc();
        void start()
        {
            host = std::make_unique<ServiceHost>(options);
            const QString error = host->start();
            if (!error.isEmpty())
                qFatal("service: %s", qPrintable(error));
        }
    };
    std::unique_ptr<Host> ownHost(bool testClock)
    {
        auto h = std::make_unique<Host>();
        h->options.port = 0;
        h->options.database = freshDatabase(h->dir);
        h->options.masterKeyPath = h->dir.filePath(u"master.key"_s);
        h->options.passwordHash = testHashParams();
        if (testClock)
            h->options.clock = [h = h.get()] { return h->clock; };
        h->start();
        return h;
    }

    // An owner, a vault, a server and one token of it, through the rules.
    struct Seeded
    {
        Actor owner;
        Token token;
    };
    static Seeded seed(AccountService &service)
    {
        const auto created = service.bootstrapOwner(u"owner@x.example"_s, u"password-owner-1"_s);
        if (!created.ok())
            qFatal("owner: %s", qPrintable(created.error().message));
        const Vault v = service.addVault(u"K"_s, VaultType::UserCreated);
        service.giveVaultToGroup(v, created->owners);
        const Actor owner = service.actingAs(created->owner);
        if (!service.createServer(owner, u"S"_s, {u"K"_s}).ok())
            qFatal("server");
        return {owner, service.createToken(owner, u"t"_s, u"S"_s, {}, {})->token};
    }

private slots:
    void init()
    {
        m_svc = startService();
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

    void aRestartPastTheTimeRevokesAtStart()
    {
        auto h = ownHost(true);
        const Seeded seeded = seed(h->host->service());
        ScheduleRevocationRequest in;
        in.revokesIn = u"1h"_s;
        const QDateTime due = h->clock.addSecs(3600);
        QVERIFY(h->host->service().scheduleRevocation(seeded.owner, u"t"_s, {}, in).ok());
        // The timer waits for the time (or at most a minute, for other instances).
        QTRY_VERIFY(h->host->revocations().nextCheck() <= due);
        h->host.reset(); // stopped before the time...

        h->clock = due.addSecs(3600); // ...and started an hour after it
        h->start();
        auto db = Store::open(h->options.database, u"restart-check"_s);
        const Token t = *db->token(seeded.token.id);
        QCOMPARE(t.state, TokenState::Revoked);
        QCOMPARE(t.revokedAt, due);
        const auto events = h->host->service().audit(seeded.owner, {})->items;
        QCOMPARE(events.first().action, u"token.revoke"_s);
        QVERIFY(events.first().detail.value(u"scheduled"_s).toBool());
        QCOMPARE(events.first().at, h->clock);
        // A third start finds nothing more to do.
        const qint64 audits = db->auditCount();
        db.reset();
        h->start();
        QCOMPARE(Store::open(h->options.database, u"restart-check-2"_s)->auditCount(), audits);
    }

    void theTimerRevokesOnTime()
    {
        auto h = ownHost(false); // the real clock
        const Seeded seeded = seed(h->host->service());
        auto db = Store::open(h->options.database, u"timer-check"_s);
        ScheduleRevocationRequest at;
        at.revokesAt = QDateTime::currentDateTimeUtc().addMSecs(300);
        QVERIFY(h->host->service().scheduleRevocation(seeded.owner, u"t"_s, {}, at).ok());
        QTRY_VERIFY(h->host->revocations().nextCheck() <= at.revokesAt);
        QTRY_VERIFY_WITH_TIMEOUT(db->token(seeded.token.id)->state == TokenState::Revoked, 20000);
        QCOMPARE(db->token(seeded.token.id)->revokedAt, at.revokesAt);
        QVERIFY(QDateTime::currentDateTimeUtc() >= at.revokesAt); // not before its time
    }

    void rotationOverHttp()
    {
        const QJsonObject created = newToken(u"rot http"_s, u"CI runners"_s);
        const QString oldId = created[u"token"_s][u"id"_s].toString();
        Reply r = m_http->post(u"/v1/connect/tokens/rot%20http/rotate?server=CI%20runners"_s,
                               {{u"overlap"_s, u"2h"_s}});
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(r.json[u"previous"_s][u"id"_s].toString(), oldId);
        QCOMPARE(r.json[u"previous"_s][u"state"_s].toString(), u"ACTIVE"_s);
        QVERIFY(r.json[u"previous"_s][u"revokes_at"_s].isString());
        QCOMPARE(r.json[u"token"_s][u"integrationId"_s], created[u"token"_s][u"integrationId"_s]);
        QCOMPARE(r.json[u"jwt"_s].toString().count(u'.'), 2);
        QCOMPARE(r.json[u"dropped_vaults"_s].toArray(), QJsonArray());
        const QString newId = r.json[u"token"_s][u"id"_s].toString();

        r = m_http->get(u"/v1/connect/tokens/"_s + oldId);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.contains(u"revokes_at"_s));
        r = m_http->del(u"/v1/connect/tokens/"_s + oldId + u"/revokes_at"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json.contains(u"revokes_at"_s));
        r = m_http->send("PUT", u"/v1/connect/tokens/"_s + oldId + u"/revokes_at"_s,
                         R"({"revokes_in":"1h"})");
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.contains(u"revokes_at"_s));

        // Several at once, revoked at once.
        r = m_http->post(
            u"/v1/connect/tokens/rotate"_s,
            {{u"tokens"_s, QJsonArray{QJsonObject{{u"token"_s, oldId}},
                                      QJsonObject{{u"token"_s, newId}, {u"name"_s, u"renamed"_s}}}},
             {u"overlap"_s, u"0"_s}});
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonArray items = r.json[u"items"_s].toArray();
        QCOMPARE(items.size(), 2);
        for (const QJsonValue &item : items)
            QCOMPARE(item[u"previous"_s][u"state"_s].toString(), u"REVOKED"_s);
        QCOMPARE(items.at(1)[u"token"_s][u"name"_s].toString(), u"renamed"_s);
        r = m_http->post(u"/v1/connect/tokens/"_s + oldId + u"/rotate"_s, QJsonObject());
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), u"already_revoked"_s);
    }

    void renewalOverHttp()
    {
        const QJsonObject before = m_http->get(u"/v1/connect/servers/CI%20runners"_s).json;
        QVERIFY(before[u"credentials_issued_at"_s].isString()); // sandbox servers have one
        const int active = before[u"active_tokens"_s].toInt();
        QVERIFY(active > 0);
        Reply r = m_http->post(u"/v1/connect/servers/CI%20runners/credentials"_s, QJsonObject());
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonObject file = r.json[u"credentials"_s].toObject();
        QCOMPARE(file.keys(), (QStringList{u"deviceUuid"_s, u"encCredentials"_s, u"uniqueKey"_s,
                                           u"verifier"_s, u"version"_s}));
        QCOMPARE(r.json[u"stale_tokens"_s].toInt(), active);
        QCOMPARE(r.json[u"rotated"_s].toArray(), QJsonArray());
        QCOMPARE(r.json[u"server"_s][u"credentials_fingerprint"_s].toString(),
                 credentials::fingerprint(file));
        QVERIFY(before[u"credentials_fingerprint"_s] !=
                r.json[u"server"_s][u"credentials_fingerprint"_s]);

        r = m_http->post(u"/v1/connect/servers/CI%20runners/credentials"_s,
                         {{u"rotate_tokens"_s, true}, {u"overlap"_s, u"0"_s}});
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonArray rotated = r.json[u"rotated"_s].toArray();
        QCOMPARE(rotated.size(), active);
        const credentials::Opened opened = credentials::open(r.json[u"credentials"_s].toObject());
        const QJsonObject jwks = m_http->get(u"/.well-known/jwks.json"_s).json;
        for (const QJsonValue &item : rotated) {
            QCOMPARE(item[u"previous"_s][u"state"_s].toString(), u"REVOKED"_s);
            const auto check = credentials::checkToken(item[u"jwt"_s].toString().toLatin1(), opened,
                                                       jwks, QDateTime::currentDateTimeUtc());
            QVERIFY2(check.ok(), qPrintable(check.problem));
        }
    }

    void everyLifecycleRouteNeedsASession()
    {
        Http none(m_svc->url);
        const QList<QPair<QByteArray, QString>> routes{
            {"GET", u"/v1/connect/tokens/x"_s},
            {"POST", u"/v1/connect/tokens/x/rotate"_s},
            {"POST", u"/v1/connect/tokens/rotate"_s},
            {"PUT", u"/v1/connect/tokens/x/revokes_at"_s},
            {"DELETE", u"/v1/connect/tokens/x/revokes_at"_s},
            {"POST", u"/v1/connect/servers/x/credentials"_s}};
        const auto before = counts();
        for (const auto &route : routes) {
            const Reply r = none.send(route.first, route.second, "{}");
            QVERIFY2(r.status == 401, qPrintable(route.second));
            QCOMPARE(r.headers.value("www-authenticate"), QByteArray("Bearer"));
        }
        QCOMPARE(counts(), before);
    }

    void badLifecycleRequestsChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString rotate = u"/v1/connect/tokens/%1/rotate"_s;
        auto row = [](const char *name, const char *method, const QString &path,
                      const QByteArray &body, int status, const QString &code) {
            QTest::newRow(name) << QByteArray(method) << path << body << status << code;
        };
        row("rotate: unknown field", "POST", rotate, R"({"overlap":"1h","x":1})", 400,
            u"unknown_field"_s);
        row("rotate: time without zone", "POST", rotate, R"({"revokes_at":"2030-01-01T10:00:00"})",
            400, u"invalid_field"_s);
        row("rotate: time in the past", "POST", rotate, R"({"revokes_at":"2001-01-01T10:00:00Z"})",
            400, u"invalid_time"_s);
        row("rotate: both", "POST", rotate,
            R"({"overlap":"1h","revokes_at":"2030-01-01T10:00:00Z"})", 400, u"invalid_field"_s);
        row("rotate: bad overlap", "POST", rotate, R"({"overlap":"1.5h"})", 400,
            u"invalid_duration"_s);
        row("rotate: no body", "POST", rotate, {}, 400, u"missing_body"_s);
        row("rotate: unknown token", "POST", u"/v1/connect/tokens/nope/rotate"_s, "{}", 404,
            u"not_found"_s);
        row("rotate: unknown query", "POST", rotate + u"?servr=x"_s, "{}", 400,
            u"unknown_parameter"_s);
        row("batch: no tokens", "POST", u"/v1/connect/tokens/rotate"_s, R"({"tokens":[]})", 400,
            u"missing_field"_s);
        row("batch: not a list", "POST", u"/v1/connect/tokens/rotate"_s, R"({"tokens":"a"})", 400,
            u"wrong_type"_s);
        row("schedule: nothing", "PUT", u"/v1/connect/tokens/%1/revokes_at"_s, "{}", 400,
            u"missing_field"_s);
        row("schedule: zero", "PUT", u"/v1/connect/tokens/%1/revokes_at"_s, R"({"revokes_in":"0"})",
            400, u"invalid_duration"_s);
        row("renew: overlap alone", "POST", u"/v1/connect/servers/CI%20runners/credentials"_s,
            R"({"overlap":"1h"})", 400, u"invalid_field"_s);
        row("renew: unknown server", "POST", u"/v1/connect/servers/nope/credentials"_s, "{}", 404,
            u"not_found"_s);
    }
    void badLifecycleRequestsChangeNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString id = newToken(u"target"_s, u"CI runners"_s)[u"token"_s][u"id"_s].toString();
        const auto before = counts();
        const QJsonObject server = m_http->get(u"/v1/connect/servers/CI%20runners"_s).json;
        const Reply r = m_http->send(method, path.contains(u"%1"_s) ? path.arg(id) : path, body);
        QVERIFY2(r.status == status, r.body.constData());
        QCOMPARE(r.code(), code);
        QVERIFY(!r.message().isEmpty());
        QCOMPARE(counts(), before);
        QVERIFY(!m_db->token(canonicalId(id))->revokesAt.isValid());
        QCOMPARE(m_http->get(u"/v1/connect/servers/CI%20runners"_s).json, server);
    }
};

QTEST_GUILESS_MAIN(TestRotationService)
#include "tst_rotation_service.moc"

// ApiClient against the real account service on loopback: each operation's success and its
// errors. Test servers stand in only for answers the service never gives (garbage, silence,
// an untrusted certificate).
#include "../support/TestSupport.h"
#include "client/ApiClient.h"
#include "core/Ids.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

namespace {

// Waits for one callback; tests may block, the product never does.
template <typename T>
struct ResultWaiter
{
    std::optional<Result<T>> result;
    Callback<T> callback()
    {
        return [this](const Result<T> &r) { result = r; };
    }
    const Result<T> &wait()
    {
        if (!QTest::qWaitFor([this] { return result.has_value(); }, 20000))
            qFatal("no answer within 20 s");
        return *result;
    }
};

template <typename T>
struct PageWaiter
{
    QList<QList<T>> pages;
    std::optional<ApiError> error;
    bool done = false;
    PageHandler<T> handler()
    {
        return {[this](const QList<T> &items, bool last) {
                    pages.append(items);
                    done = last;
                },
                [this](const ApiError &e) {
                    error = e;
                    done = true;
                }};
    }
    QList<T> all()
    {
        QList<T> out;
        for (const auto &p : pages)
            out += p;
        return out;
    }
};

// Answers every connection with fixed bytes (or nothing at all).
class CannedServer : public QTcpServer
{
public:
    explicit CannedServer(QByteArray answer)
        : m_answer(std::move(answer))
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    s->readAll();
                    if (!m_answer.isEmpty()) {
                        s->write(m_answer);
                        s->disconnectFromHost();
                    }
                });
            }
        });
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort())); }

private:
    QByteArray m_answer;
};

QByteArray httpAnswer(int status, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) +
           " X\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
    std::unique_ptr<RunningService> m_svc;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;

    void signIn(const QString &email = u"owner@sandbox.example"_s)
    {
        ResultWaiter<SessionInfo> w;
        m_client->signIn(email, m_svc->passwordOf(email), this, w.callback());
        QVERIFY2(w.wait().ok(), qPrintable(w.wait().error().message));
    }

private slots:
    void initTestCase() { m_svc = startService(); }
    void init()
    {
        m_client = std::make_unique<ApiClient>(&m_nam);
        m_client->setBaseUrl(QUrl(m_svc->url));
    }
    void cleanup() { m_client.reset(); }

    void signInSetsTheSessionAndWhoAmIWorks()
    {
        QVERIFY(!m_client->hasSession());
        ResultWaiter<SessionInfo> w;
        m_client->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword, this, w.callback());
        const auto &r = w.wait();
        QVERIFY(r.ok());
        QVERIFY(!r->token.isEmpty());
        QVERIFY(r->rights.owner);
        QCOMPARE(m_client->sessionToken(), r->token);
        ResultWaiter<SessionInfo> me;
        m_client->currentSession(this, me.callback());
        QCOMPARE(me.wait()->user.email, u"owner@sandbox.example"_s);
    }

    void wrongPasswordIs401WithTheServicesSentence()
    {
        ResultWaiter<SessionInfo> w;
        QSignalSpy expired(m_client.get(), &ApiClient::sessionExpired);
        m_client->signIn(u"owner@sandbox.example"_s, u"wrong"_s, this, w.callback());
        QCOMPARE(w.wait().error().status, 401);
        QCOMPARE(w.wait().error().code, u"invalid_credentials"_s);
        QVERIFY(w.wait().error().message.contains(u"password"_s));
        QCOMPARE(expired.count(), 0); // a failed sign-in is not an expired session
    }

    void serversAndTokensLifecycle()
    {
        signIn();
        ResultWaiter<NewServerReply> created;
        m_client->createServer(u"Client: «test»/1"_s, {u"Kubernetes"_s}, this, created.callback());
        QVERIFY2(created.wait().ok(), qPrintable(created.wait().error().message));
        const Server s = created.wait()->server;
        QVERIFY(created.wait()->credentials.contains(u"uniqueKey"_s));
        QCOMPARE(s.vaults.size(), 1);

        ResultWaiter<Server> byName;
        m_client->server(s.name, this, byName.callback());
        QCOMPARE(byName.wait()->id, s.id);

        ResultWaiter<Server> renamed;
        m_client->renameServer(s.id, u"Client renamed"_s, this, renamed.callback());
        QCOMPARE(renamed.wait()->name, u"Client renamed"_s);

        ResultWaiter<Server> granted;
        m_client->grantVault(s.id, u"Customers"_s, this, granted.callback());
        QCOMPARE(granted.wait()->vaults.size(), 2);

        ResultWaiter<NewTokenReply> token;
        m_client->createToken({u"t1"_s,
                               s.id,
                               {{u"Kubernetes"_s, Access::Read}, {u"Customers"_s, Access::Write}},
                               u"30d"_s},
                              this, token.callback());
        QVERIFY2(token.wait().ok(), qPrintable(token.wait().error().message));
        QCOMPARE(token.wait()->jwt.count(u'.'), 2);
        QVERIFY(token.wait()->token.expiresAt.isValid());

        ResultWaiter<Token> renamedToken;
        m_client->renameToken(u"t1"_s, s.id, u"t2"_s, this, renamedToken.callback());
        QCOMPARE(renamedToken.wait()->name, u"t2"_s);
        ResultWaiter<Token> revoked;
        m_client->revokeToken(token.wait()->token.id, {}, this, revoked.callback());
        QCOMPARE(revoked.wait()->state, TokenState::Revoked);

        PageWaiter<Token> list;
        m_client->tokens(s.id, this, list.handler());
        QTRY_VERIFY(list.done);
        QCOMPARE(list.all().size(), 1);

        ResultWaiter<Server> revokedVault;
        m_client->revokeVault(s.id, u"Customers"_s, this, revokedVault.callback());
        QCOMPARE(revokedVault.wait()->vaults.size(), 1);
        ResultWaiter<Server> deleted;
        m_client->deleteServer(s.id, this, deleted.callback());
        QVERIFY(deleted.wait().ok());
        ResultWaiter<Server> gone;
        m_client->server(s.id, this, gone.callback());
        QCOMPARE(gone.wait().error().status, 404);
        QCOMPARE(gone.wait().error().code, u"not_found"_s);
    }

    void aRefreshOfUnchangedDataIs304AndKeepsTheRows()
    {
        signIn();
        PageWaiter<Server> first;
        m_client->servers(this, first.handler());
        QTRY_VERIFY(first.done);
        QVERIFY(!first.error);
        QCOMPARE(m_client->notModifiedAnswers(), 0);
        // F5 on unchanged data: the service answers 304 and the client gives the same rows.
        PageWaiter<Server> again;
        m_client->servers(this, again.handler());
        QTRY_VERIFY(again.done);
        QVERIFY(!again.error);
        QCOMPARE(m_client->notModifiedAnswers(), 1);
        QCOMPARE(again.all().size(), first.all().size());
        QCOMPARE(again.all().constFirst().id, first.all().constFirst().id);
        // After a change the full answer comes, with the change.
        ResultWaiter<NewServerReply> created;
        m_client->createServer(u"after 304"_s, {}, this, created.callback());
        QVERIFY(created.wait().ok());
        PageWaiter<Server> changed;
        m_client->servers(this, changed.handler());
        QTRY_VERIFY(changed.done);
        QCOMPARE(m_client->notModifiedAnswers(), 1);
        QCOMPARE(changed.all().size(), first.all().size() + 1);
    }

    void listsArrivePageByPage()
    {
        signIn();
        for (int i = 0; i < 5; ++i) {
            ResultWaiter<NewServerReply> w;
            m_client->createServer(u"paged %1"_s.arg(i), {}, this, w.callback());
            QVERIFY(w.wait().ok());
        }
        m_client->setPageSize(2);
        PageWaiter<Server> servers;
        m_client->servers(this, servers.handler());
        QTRY_VERIFY(servers.done);
        QVERIFY(!servers.error);
        QVERIFY(servers.pages.size() >= 3);
        for (qsizetype i = 0; i + 1 < servers.pages.size(); ++i)
            QCOMPARE(servers.pages.at(i).size(), 2);
        PageWaiter<Vault> vaults;
        m_client->vaults(this, vaults.handler());
        QTRY_VERIFY(vaults.done);
        QVERIFY(vaults.all().size() >= 10);
        PageWaiter<Group> groups;
        m_client->groups(this, groups.handler());
        QTRY_VERIFY(groups.done);
        QCOMPARE(groups.all().size(), 6);
        PageWaiter<User> users;
        m_client->users(this, users.handler());
        QTRY_VERIFY(users.done);
        QCOMPARE(users.all().size(), 6);
        PageWaiter<AuditEvent> audit;
        m_client->audit(this, audit.handler());
        QTRY_VERIFY(audit.done);
        QVERIFY(!audit.all().isEmpty());
    }

    void auditPagesFiltersAndVerifies()
    {
        signIn();
        for (const QString &name : {u"audit-a"_s, u"audit-b"_s, u"audit-c"_s}) {
            ResultWaiter<NewServerReply> s;
            m_client->createServer(name, {u"Kubernetes"_s}, this, s.callback());
            QVERIFY(s.wait().ok());
        }
        AuditListQuery query;
        query.action = u"server.create"_s;
        query.since = QDateTime::currentDateTimeUtc().addSecs(-600);
        query.limit = 2;
        ResultWaiter<Page<AuditEvent>> first;
        m_client->auditPage(query, this, first.callback());
        QVERIFY2(first.wait().ok(), qPrintable(first.wait().error().message));
        QCOMPARE(first.wait()->items.size(), 2);
        QCOMPARE(first.wait()->items.at(0).detail.value(u"name"_s).toString(), u"audit-c"_s);
        QVERIFY(!first.wait()->nextCursor.isEmpty());
        query.cursor = first.wait()->nextCursor;
        ResultWaiter<Page<AuditEvent>> second;
        m_client->auditPage(query, this, second.callback());
        QVERIFY(second.wait().ok());
        QCOMPARE(second.wait()->items.at(0).detail.value(u"name"_s).toString(), u"audit-a"_s);

        AuditListQuery byObject;
        byObject.object = u"server:audit-b"_s;
        ResultWaiter<Page<AuditEvent>> object;
        m_client->auditPage(byObject, this, object.callback());
        QCOMPARE(object.wait()->items.size(), 1);

        AuditListQuery bad;
        bad.actor = u"nobody@nowhere.example"_s;
        ResultWaiter<Page<AuditEvent>> refused;
        m_client->auditPage(bad, this, refused.callback());
        QCOMPARE(refused.wait().error().status, 404);

        ResultWaiter<AuditVerification> verified;
        m_client->verifyAudit(this, verified.callback());
        QVERIFY(verified.wait().ok());
        QVERIFY(verified.wait()->whole);
        QCOMPARE(verified.wait()->count, m_svc->openDatabase()->auditCount());
    }

    void vaultAccessNamesServersTokensAndGroups()
    {
        signIn();
        ResultWaiter<NewServerReply> s;
        m_client->createServer(u"reach"_s, {u"Customers"_s}, this, s.callback());
        QVERIFY(s.wait().ok());
        NewTokenRequest request;
        request.name = u"reach-token"_s;
        request.server = u"reach"_s;
        request.vaults = {{u"Customers"_s, Access::Write}};
        ResultWaiter<NewTokenReply> t;
        m_client->createToken(request, this, t.callback());
        QVERIFY2(t.wait().ok(), qPrintable(t.wait().error().message));
        ResultWaiter<VaultAccess> access;
        m_client->vaultAccess(u"Customers"_s, this, access.callback());
        QVERIFY2(access.wait().ok(), qPrintable(access.wait().error().message));
        QCOMPARE(access.wait()->vault.name, u"Customers"_s);
        const auto &servers = access.wait()->servers;
        const auto reach = std::find_if(servers.cbegin(), servers.cend(),
                                        [](const auto &e) { return e.server.name == u"reach"; });
        QVERIFY(reach != servers.cend());
        QCOMPARE(reach->tokens.size(), 1);
        QCOMPARE(reach->tokens.first().vaults.first().access, Access::Write);
        ResultWaiter<VaultAccess> missing;
        m_client->vaultAccess(u"No such vault"_s, this, missing.callback());
        QCOMPARE(missing.wait().error().status, 404);
    }

    void grantBatchAndConflict()
    {
        signIn();
        ResultWaiter<NewServerReply> s;
        m_client->createServer(u"batch"_s, {}, this, s.callback());
        ResultWaiter<GrantMatrix> m;
        m_client->grants(this, m.callback());
        const qint64 base = m.wait()->revision;
        PageWaiter<Vault> vaults;
        m_client->vaults(this, vaults.handler());
        QTRY_VERIFY(vaults.done);
        QString kubernetes;
        for (const Vault &v : vaults.all())
            if (v.name == u"Kubernetes")
                kubernetes = v.id;
        ResultWaiter<GrantBatchResult> ok;
        m_client->applyGrants(base, {{s.wait()->server.id, kubernetes, true}}, this, ok.callback());
        QCOMPARE(ok.wait()->revision, base + 1);
        ResultWaiter<GrantBatchResult> stale;
        m_client->applyGrants(base, {{s.wait()->server.id, kubernetes, false}}, this,
                              stale.callback());
        QCOMPARE(stale.wait().error().status, 409);
        QCOMPARE(stale.wait().error().code, u"stale_revision"_s);
        QCOMPARE(stale.wait().error().extra.value(u"revision"_s).toInteger(), base + 1);
    }

    void groupGrants()
    {
        signIn();
        ResultWaiter<GroupGrant> g;
        m_client->grantGroup(u"Finance"_s, {}, true, this, g.callback());
        QCOMPARE(g.wait()->kind, GroupGrantKind::AllServers);
        ResultWaiter<QList<GroupGrant>> list;
        m_client->groupGrants(this, list.callback());
        QVERIFY(list.wait()->contains(g.wait().value()));
        ResultWaiter<int> revoked;
        m_client->revokeGroup(u"Finance"_s, {}, true, this, revoked.callback());
        QCOMPARE(revoked.wait().value(), 1);
    }

    void forbiddenIs403()
    {
        signIn(u"nina@sandbox.example"_s);
        ResultWaiter<NewServerReply> w;
        m_client->createServer(u"nope"_s, {}, this, w.callback());
        QCOMPARE(w.wait().error().status, 403);
        QVERIFY(w.wait().error().message.contains(u"manager"_s));
    }

    void tooLargeIs413()
    {
        signIn();
        ResultWaiter<NewServerReply> w;
        m_client->createServer(QString(2 * 1024 * 1024, u'x'), {}, this, w.callback());
        QCOMPARE(w.wait().error().status, 413);
        QCOMPARE(w.wait().error().code, u"payload_too_large"_s);
    }

    void expiredSessionIsSignalled()
    {
        signIn();
        QSignalSpy expired(m_client.get(), &ApiClient::sessionExpired);
        // Sign the same session out behind the client's back.
        Http other(m_svc->url);
        other.setToken(m_client->sessionToken());
        QCOMPARE(other.del(u"/v1/auth/sessions/current"_s).status, 204);
        ResultWaiter<Account> w;
        m_client->account(this, w.callback());
        QCOMPARE(w.wait().error().status, 401);
        QCOMPARE(expired.count(), 1);
    }

    void unreachablePortIsASentence()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        m_client->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        QSignalSpy reach(m_client.get(), &ApiClient::reachabilityChanged);
        ResultWaiter<QJsonObject> w;
        m_client->health(this, w.callback());
        const ApiError &e = w.wait().error();
        QCOMPARE(e.status, 0);
        QCOMPARE(e.code, u"unreachable"_s);
        QVERIFY2(e.message.contains(u"connection refused"_s), qPrintable(e.message));
        QVERIFY(e.message.contains(QString::number(port)));
        QCOMPARE(reach.count(), 1);
        QCOMPARE(reach.first().first().toBool(), false);
    }

    void malformedAnswersAreErrorsNotCrashes_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("status");
        QTest::newRow("not json") << httpAnswer(200, "<html>hello</html>") << 200;
        QTest::newRow("json array") << httpAnswer(200, "[1,2]") << 200;
        QTest::newRow("wrong shape") << httpAnswer(200, R"({"id": 5, "name": []})") << 200;
        QTest::newRow("error without json") << httpAnswer(502, "Bad gateway") << 502;
        QTest::newRow("truncated")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"id\"") << 200;
    }
    void malformedAnswersAreErrorsNotCrashes()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, status);
        CannedServer canned(answer);
        m_client->setBaseUrl(canned.url());
        ResultWaiter<Server> w;
        m_client->server(u"x"_s, this, w.callback());
        const ApiError &e = w.wait().error();
        QVERIFY(!w.wait().ok());
        QVERIFY(!e.message.isEmpty());
        if (QByteArray(QTest::currentDataTag()) != "truncated")
            QCOMPARE(e.status, status);
        if (status == 502)
            QVERIFY(e.message.contains(u"502"_s));
        PageWaiter<Server> list;
        m_client->servers(this, list.handler());
        QTRY_VERIFY(list.done);
        QVERIFY(list.error.has_value());
    }

    void fieldsOfANewerServiceAreSkipped()
    {
        // Replies are read forgivingly: a newer service may add fields of any shape.
        CannedServer canned(httpAnswer(
            200, R"({"id":"ABCDEFGHIJKLMNOPQRSTUVWXYZ","name":"eu","region":{"zone":[1,2]},)"
                 R"("state":"ACTIVE","created_at":"2026-05-01T09:30:00.000Z","tokens_version":4,)"
                 R"("vaults":["abcdefghijklmnopqrstuvwxyz"],"labels":null})"));
        m_client->setBaseUrl(canned.url());
        ResultWaiter<Server> w;
        m_client->server(u"eu"_s, this, w.callback());
        QVERIFY2(w.wait().ok(), qPrintable(w.wait().error().message));
        QCOMPARE(w.wait()->id, u"abcdefghijklmnopqrstuvwxyz"_s);
        QCOMPARE(w.wait()->tokensVersion, 4);
        QCOMPARE(w.wait()->vaults, QStringList{u"abcdefghijklmnopqrstuvwxyz"_s});
    }

    void aWrongFieldInAnAnswerIsNamed()
    {
        CannedServer canned(
            httpAnswer(200, R"({"items":[{"id":"abcdefghijklmnopqrstuvwxyz","name":"t",)"
                            R"("integrationId":"ABCDEFGHIJKLMNOPQRSTUVWXYZ","state":"ACTIVE",)"
                            R"("created_at":"2026-05-01T09:30:00.000Z","expires_at":"next week",)"
                            R"("vaults":[]}],"next_cursor":null})"));
        m_client->setBaseUrl(canned.url());
        PageWaiter<Token> list;
        m_client->tokens({}, this, list.handler());
        QTRY_VERIFY(list.done);
        QVERIFY(list.error.has_value());
        QCOMPARE(list.error->code, u"malformed_response"_s);
        QVERIFY2(
            list.error->message.contains(u"token field \"expires_at\" is not an ISO 8601 time"_s),
            qPrintable(list.error->message));
    }

    void silenceTimesOut()
    {
        CannedServer silent(QByteArray{});
        m_client->setBaseUrl(silent.url());
        m_client->setTimeout(300);
        ResultWaiter<QJsonObject> w;
        m_client->health(this, w.callback());
        QCOMPARE(w.wait().error().code, u"timeout"_s);
        QVERIFY(w.wait().error().message.contains(u"in time"_s));
    }

    void destroyedContextGetsNoCallback()
    {
        auto *context = new QObject;
        bool called = false;
        // The manager reports the reply finished before the client's own handler runs, in
        // the same emission: once the spy has seen it, the callback had its chance.
        QSignalSpy finished(&m_nam, &QNetworkAccessManager::finished);
        m_client->health(context, [&called](const Result<QJsonObject> &) { called = true; });
        delete context;
        QVERIFY(finished.wait(30000));
        QCoreApplication::processEvents();
        QVERIFY(!called);
        // The same call with a live context is answered: the check above is not vacuous.
        m_client->health(this, [&called](const Result<QJsonObject> &) { called = true; });
        QTRY_VERIFY(called);
    }

    void untrustedCertificateNamesTheSubject()
    {
        QTemporaryDir dir;
        const TestCertificate test = makeTestCertificate(dir);
        QVERIFY2(!test.certificate.isEmpty(), "openssl could not make a test certificate");
        const QString cert = test.certificate, key = test.key;
        ServiceOptions o;
        o.port = 0;
        o.sandboxDir = dir.filePath(u"sandbox"_s);
        o.tlsCertificate = cert;
        o.tlsKey = key;
        o.passwordHash = testHashParams();
        ServiceHost tls(o);
        QCOMPARE(tls.start(), QString());
        QVERIFY(tls.url().startsWith(u"https://"_s));
        m_client->setBaseUrl(QUrl(tls.url()));
        ResultWaiter<QJsonObject> refused;
        m_client->health(this, refused.callback());
        const ApiError &e = refused.wait().error();
        QCOMPARE(e.code, u"tls"_s);
        QVERIFY2(e.message.contains(u"connect-admin-test.local"_s), qPrintable(e.message));
        QString error;
        QVERIFY(m_client->setCaFile(cert, &error));
        ResultWaiter<QJsonObject> trusted;
        m_client->health(this, trusted.callback());
        QVERIFY2(trusted.wait().ok(), qPrintable(trusted.wait().error().message));
        QVERIFY(!m_client->setCaFile(dir.filePath(u"missing.pem"_s), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"

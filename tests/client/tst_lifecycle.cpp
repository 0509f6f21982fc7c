// The client library's part of issue 12 against the real service on loopback: the rotation
// and renewal calls, the credentials check (offline, the signature, the service's facts), the
// expiry calendar's text and the impact preview.
#include "../support/TestSupport.h"
#include "client/ApiClient.h"
#include "client/CredentialsCheck.h"
#include "client/ExpiryCalendar.h"
#include "client/ImpactPreview.h"
#include "core/Ids.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

namespace {

QByteArray fileText(const QJsonObject &file)
{
    return QJsonDocument(file).toJson();
}

Token tokenAt(const QString &name, const QDateTime &expires, const QDateTime &revokes = {})
{
    Token t;
    t.id = newId();
    t.name = name;
    t.serverId = newId();
    t.createdAt = QDateTime::currentDateTimeUtc();
    t.expiresAt = expires;
    t.revokesAt = revokes;
    t.vaults = {{newId(), Access::Read}};
    return t;
}

// The lines of an iCalendar text unfolded (RFC 5545 3.1), after checking every physical line
// ends with CRLF and holds at most 75 octets.
QStringList unfold(const QByteArray &ics)
{
    QStringList lines;
    if (!ics.endsWith("\r\n"))
        qFatal("the calendar does not end with CRLF");
    for (const QByteArray &physical : ics.chopped(1).split('\n')) {
        if (!physical.endsWith('\r'))
            qFatal("a line ends without CR: %s", physical.constData());
        const QByteArray line = physical.chopped(1);
        if (line.size() > 75)
            qFatal("a line is %d octets long", int(line.size()));
        const QString text = QString::fromUtf8(line);
        if (text.toUtf8() != line)
            qFatal("a folded line splits a UTF-8 sequence");
        if (line.startsWith(' '))
            lines.last() += text.mid(1);
        else
            lines.append(text);
    }
    return lines;
}

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT
    std::unique_ptr<RunningService> m_svc;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<Http> m_http;

    CreatedServer newServer(const QString &name, const QStringList &vaults)
    {
        Waiter<Result<CreatedServer>> w;
        m_client->createServer(name, vaults, this, w.callback());
        return ok(w.wait());
    }

    CreatedToken newToken(const QString &name, const QString &server,
                          const QList<VaultPermission> &vaults = {})
    {
        Waiter<Result<CreatedToken>> w;
        m_client->createToken({name, server, vaults, std::nullopt}, this, w.callback());
        return ok(w.wait());
    }

    CredentialsReport check(const QJsonObject &file, const std::optional<QString> &jwt,
                            ApiClient *session)
    {
        Waiter<CredentialsReport> w;
        std::optional<QByteArray> token;
        if (jwt)
            token = jwt->toLatin1();
        checkCredentials(&m_nam, session, fileText(file), token, this, w.callback());
        return w.wait();
    }

private slots:
    void initTestCase()
    {
        m_svc = startService();
        m_http = std::make_unique<Http>(m_svc->url);
        m_http->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword);
    }
    void init()
    {
        m_client = std::make_unique<ApiClient>(&m_nam);
        m_client->setBaseUrl(QUrl(m_svc->url));
        Waiter<Result<SessionInfo>> w;
        m_client->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword, this, w.callback());
        QVERIFY(w.wait().ok());
    }
    void cleanup() { m_client.reset(); }

    // ---- the calls -----------------------------------------------------------------------

    void rotateScheduleCancelAndRenew()
    {
        const CreatedServer server = newServer(u"client calls"_s, {u"Kubernetes"_s});
        const CreatedToken a = newToken(u"a"_s, server.server.id);
        const CreatedToken b = newToken(u"b"_s, server.server.id);

        RotateTokenRequest one;
        one.revokeOld.overlap = u"1h"_s;
        Waiter<Result<RotatedToken>> rotated;
        m_client->rotateToken(u"a"_s, server.server.id, one, this, rotated.callback());
        const RotatedToken r = ok(rotated.wait());
        QCOMPARE(r.previous.id, a.token.id);
        QVERIFY(r.previous.revokesAt.isValid());
        QCOMPARE(r.created.jwt.count(u'.'), 2);

        Waiter<Result<Token>> cancelled;
        m_client->cancelRevocation(a.token.id, {}, this, cancelled.callback());
        QVERIFY(!ok(cancelled.wait()).revokesAt.isValid());
        ScheduleRevocationRequest at;
        at.revokesAt = QDateTime::currentDateTimeUtc().addDays(2);
        Waiter<Result<Token>> scheduled;
        m_client->scheduleRevocation(a.token.id, {}, at, this, scheduled.callback());
        QCOMPARE(ok(scheduled.wait()).revokesAt, at.revokesAt);
        Waiter<Result<Token>> got;
        m_client->token(a.token.id, server.server.id, this, got.callback());
        QCOMPARE(ok(got.wait()).revokesAt, at.revokesAt);

        RotateTokensRequest many;
        many.server = server.server.id;
        many.tokens = {{u"b"_s, std::nullopt}, {r.created.token.id, u"a3"_s}};
        many.revokeOld.overlap = u"0"_s;
        Waiter<Result<QList<RotatedToken>>> both;
        m_client->rotateTokens(many, this, both.callback());
        const QList<RotatedToken> items = ok(both.wait());
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).previous.id, b.token.id);
        QCOMPARE(items.at(0).previous.state, TokenState::Revoked);
        QCOMPARE(items.at(1).created.token.name, u"a3"_s);

        RenewCredentialsRequest renew;
        renew.rotateTokens = true;
        Waiter<Result<RenewedCredentials>> renewed;
        m_client->renewCredentials(server.server.id, renew, this, renewed.callback());
        const RenewedCredentials c = ok(renewed.wait());
        QCOMPARE(c.staleTokens, 3); // a (scheduled), and the replacements of b and a
        QCOMPARE(c.rotated.size(), 2);
        QCOMPARE(c.server.credentialsFingerprint, credentials::fingerprint(c.credentials));

        Waiter<Result<QJsonObject>> keys;
        ApiClient anonymous(&m_nam);
        anonymous.setBaseUrl(QUrl(m_svc->url));
        anonymous.jwks(this, keys.callback());
        QCOMPARE(ok(keys.wait()).value(u"keys"_s).toArray().size(), 1);

        Waiter<Result<RotatedToken>> refused;
        m_client->rotateToken(b.token.id, {}, {}, this, refused.callback());
        QCOMPARE(refused.wait().error().code, u"already_revoked"_s);
    }

    // ---- the credentials check ----------------------------------------------------------

    void aGoodFileAndTokenCheckOutWithTheServicesFacts()
    {
        const CreatedServer server = newServer(u"check good"_s, {u"Kubernetes"_s});
        const CreatedToken t =
            newToken(u"reader"_s, server.server.id, {{u"Kubernetes"_s, Access::Read}});
        const CredentialsReport r = check(server.credentials, t.jwt, m_client.get());
        QVERIFY2(r.ok(), qPrintable(r.problem));
        QVERIFY(r.file.ok());
        QCOMPARE(r.file.identity.serverId, server.server.id);
        QCOMPARE(r.file.identity.serviceUrl, m_svc->url);
        QCOMPARE(r.file.identity.issuedAt, server.server.credentialsIssuedAt);
        QVERIFY(r.token->matchesFile);
        QVERIFY(r.token->signatureValid);
        QCOMPARE(r.token->tokenId, t.token.id);
        QCOMPARE(r.token->vaults.size(), 1);
        QCOMPARE(r.token->vaults.first().access, Access::Read);
        QVERIFY(r.askedService);
        QCOMPARE(r.server->name, u"check good"_s);
        QCOMPARE(r.tokenOnService->name, u"reader"_s);
        QCOMPARE(r.vaultNames.value(r.token->vaults.first().vaultId), u"Kubernetes"_s);

        // Not signed in: the same verdict from what can be checked, and it says what was not.
        const CredentialsReport offline = check(server.credentials, t.jwt, nullptr);
        QVERIFY2(offline.ok(), qPrintable(offline.problem));
        QVERIFY(offline.token->signatureValid); // the public keys need no session
        QVERIFY(!offline.askedService);
        QVERIFY(offline.notAsked.contains(u"Not signed in"_s));
    }

    void damagedFilesAreRefusedWithTheReason_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("reason");
        QTest::newRow("verifier") << u"localHash"_s << u"verifier.localHash does not match"_s;
        QTest::newRow("key of another file") << u"k"_s << u"verifier.localHash does not match"_s;
        QTest::newRow("encrypted data") << u"data"_s << u"can't be decrypted"_s;
        QTest::newRow("version") << u"version"_s << u"\"version\""_s;
        QTest::newRow("not json") << u"json"_s << u"not a JSON object"_s;
        QTest::newRow("no key") << u"nokey"_s << u"uniqueKey.k"_s;
    }
    void damagedFilesAreRefusedWithTheReason()
    {
        QFETCH(QString, damage);
        QFETCH(QString, reason);
        static std::optional<CreatedServer> server, other;
        if (!server) {
            server = newServer(u"check damaged"_s, {});
            other = newServer(u"check damaged other"_s, {});
        }
        QJsonObject file = server->credentials;
        auto set = [&file](const QString &object, const QString &key, const QJsonValue &value) {
            QJsonObject o = file.value(object).toObject();
            o.insert(key, value);
            file.insert(object, o);
        };
        QByteArray text;
        if (damage == u"localHash")
            set(u"verifier"_s, u"localHash"_s, u"AAAA"_s);
        else if (damage == u"k")
            set(u"uniqueKey"_s, u"k"_s, other->credentials[u"uniqueKey"_s][u"k"_s]);
        else if (damage == u"data") {
            QString data = file[u"encCredentials"_s][u"data"_s].toString();
            data[3] = data[3] == u'A' ? u'B' : u'A';
            set(u"encCredentials"_s, u"data"_s, data);
        } else if (damage == u"version")
            file.insert(u"version"_s, u"1"_s);
        else if (damage == u"nokey")
            file.remove(u"uniqueKey"_s);
        Waiter<CredentialsReport> w;
        checkCredentials(&m_nam, m_client.get(),
                         damage == u"json" ? QByteArray("[1, 2") : fileText(file), std::nullopt,
                         this, w.callback());
        const CredentialsReport &r = w.wait();
        QVERIFY(!r.ok());
        QVERIFY(!r.file.ok());
        QVERIFY2(r.problem.contains(reason), qPrintable(r.problem));
        QVERIFY(!r.askedService);
    }

    void tokensThatDontBelongAreNamedForWhatIsWrong()
    {
        const CreatedServer server = newServer(u"check tokens"_s, {u"Kubernetes"_s});
        const CreatedServer other = newServer(u"check tokens other"_s, {u"Kubernetes"_s});
        const CreatedToken mine = newToken(u"mine"_s, server.server.id);
        const CreatedToken theirs = newToken(u"theirs"_s, other.server.id);

        CredentialsReport r = check(server.credentials, theirs.jwt, m_client.get());
        QVERIFY(!r.ok());
        QVERIFY(!r.token->matchesFile);
        QVERIFY2(r.problem.contains(u"belongs to the Connect server"_s), qPrintable(r.problem));

        // A signature that was tampered with; claims changed after signing.
        QStringList parts = mine.jwt.split(u'.');
        parts[2][5] = parts[2][5] == u'A' ? u'B' : u'A';
        r = check(server.credentials, parts.join(u'.'), m_client.get());
        QVERIFY(r.token->matchesFile);
        QVERIFY(!r.token->signatureValid);
        QVERIFY2(r.problem.contains(u"signature does not verify"_s), qPrintable(r.problem));

        r = check(server.credentials, u"not-a-token"_s, m_client.get());
        QVERIFY(!r.token->readable);
        QVERIFY2(r.problem.contains(u"not a token"_s), qPrintable(r.problem));

        // Expiry is checked against the clock given.
        const CreatedToken brief = [&] {
            Waiter<Result<CreatedToken>> w;
            m_client->createToken({u"brief"_s, server.server.id, {}, u"1d"_s}, this, w.callback());
            return ok(w.wait());
        }();
        Waiter<Result<QJsonObject>> keys;
        m_client->jwks(this, keys.callback());
        const auto later =
            credentials::checkToken(brief.jwt.toLatin1(), credentials::open(server.credentials),
                                    ok(keys.wait()), QDateTime::currentDateTimeUtc().addDays(2));
        QVERIFY(later.expired);
        QVERIFY2(later.problem.contains(u"expired"_s), qPrintable(later.problem));
    }

    void theServicesFactsCanMakeAGoodFileBad()
    {
        const CreatedServer server = newServer(u"check facts"_s, {u"Kubernetes"_s});
        const CreatedToken t = newToken(u"t"_s, server.server.id);

        // A revoked token.
        Waiter<Result<Token>> revoked;
        m_client->revokeToken(t.token.id, {}, this, revoked.callback());
        QVERIFY(revoked.wait().ok());
        CredentialsReport r = check(server.credentials, t.jwt, m_client.get());
        QVERIFY(r.token->ok()); // offline it is fine...
        QVERIFY2(r.problem.contains(u"was revoked"_s), qPrintable(r.problem)); // ...but not here

        // Renewed credentials: the old file is no longer the one in force, and its token does
        // not belong to the new file.
        const CreatedToken u = newToken(u"u"_s, server.server.id);
        Waiter<Result<RenewedCredentials>> renewed;
        m_client->renewCredentials(server.server.id, {}, this, renewed.callback());
        const RenewedCredentials c = ok(renewed.wait());
        r = check(server.credentials, std::nullopt, m_client.get());
        QVERIFY2(r.problem.contains(u"not the credentials file in force"_s), qPrintable(r.problem));
        QVERIFY(check(c.credentials, std::nullopt, m_client.get()).ok());
        r = check(c.credentials, u.jwt, m_client.get());
        QVERIFY2(r.problem.contains(u"renewed"_s), qPrintable(r.problem));
        const CreatedToken fresh = newToken(u"fresh"_s, server.server.id);
        QVERIFY(check(c.credentials, fresh.jwt, m_client.get()).ok());

        // A deleted server.
        Waiter<Result<Server>> deleted;
        m_client->deleteServer(server.server.id, this, deleted.callback());
        QVERIFY(deleted.wait().ok());
        r = check(c.credentials, std::nullopt, m_client.get());
        QVERIFY2(r.problem.contains(u"no longer exists"_s), qPrintable(r.problem));
    }

    void aSessionWithAnotherServiceIsNotAsked()
    {
        const CreatedServer server = newServer(u"check elsewhere"_s, {});
        auto other = startService();
        ApiClient elsewhere(&m_nam);
        elsewhere.setBaseUrl(QUrl(other->url));
        Waiter<Result<SessionInfo>> w;
        elsewhere.signIn(u"owner@sandbox.example"_s, other->ownerPassword, this, w.callback());
        QVERIFY(w.wait().ok());
        const CredentialsReport r = check(server.credentials, std::nullopt, &elsewhere);
        QVERIFY(r.ok());
        QVERIFY(!r.askedService);
        QVERIFY2(r.notAsked.contains(other->url), qPrintable(r.notAsked));
    }

    // ---- the expiry calendar ------------------------------------------------------------

    void tokensEndingWithinAWindowSoonestFirst()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Token revoked = tokenAt(u"revoked"_s, now.addDays(1));
        revoked.state = TokenState::Revoked;
        const QList<Token> tokens{tokenAt(u"in 5 days"_s, now.addDays(5)),
                                  tokenAt(u"in 9 days"_s, now.addDays(9)),
                                  tokenAt(u"expired"_s, now.addDays(-1)),
                                  tokenAt(u"never"_s, {}),
                                  tokenAt(u"revokes in 2 days"_s, now.addDays(30), now.addDays(2)),
                                  revoked};
        QStringList names;
        for (const Token &t : tokensEndingWithin(tokens, now, 7 * 86400))
            names.append(t.name);
        QCOMPARE(names, (QStringList{u"revokes in 2 days"_s, u"in 5 days"_s}));
    }

    void theCalendarIsEscapedFoldedAndStable()
    {
        const QDateTime now = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        Token tricky = tokenAt(u"deploy, prod; \"eu\\1\"\nsecond line 🚀 — "_s + QString(60, u'é'),
                               now.addDays(3));
        Token scheduled = tokenAt(u"monitor"_s, now.addDays(40), now.addSecs(3600));
        Token far = tokenAt(u"far"_s, now.addDays(100));
        CalendarNames names;
        names.servers.insert(tricky.serverId, u"Prod, EU"_s);
        names.vaults.insert(tricky.vaults.first().vaultId, u"Kubernetes"_s);
        const QByteArray ics = expiryCalendar({tricky, scheduled, far}, names, now, 30 * 86400);
        const QStringList lines = unfold(ics);
        QCOMPARE(lines.first(), u"BEGIN:VCALENDAR"_s);
        QCOMPARE(lines.last(), u"END:VCALENDAR"_s);
        QVERIFY(lines.contains(u"VERSION:2.0"_s));
        QCOMPARE(lines.count(u"BEGIN:VEVENT"_s), 2); // far is outside the window
        QVERIFY(lines.contains(u"UID:%1.token@connect-admin"_s.arg(tricky.id)));
        QVERIFY(lines.contains(u"DTSTAMP:20261201T090000Z"_s));
        QVERIFY(lines.contains(u"DTSTART:20261201T100000Z"_s)); // monitor, at its revocation
        QVERIFY(lines.contains(u"DTSTART:20261204T090000Z"_s));
        QVERIFY(lines.contains(u"SUMMARY:Connect token \"deploy\\, prod\\; \"eu\\\\1\"\\nsecond "
                               "line 🚀 — "_s +
                               QString(60, u'é') + u"\" expires"_s));
        QVERIFY(lines.contains(u"SUMMARY:Connect token \"monitor\" is revoked (scheduled)"_s));
        const auto description = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
            return l.startsWith(u"DESCRIPTION:Server: Prod\\, EU"_s);
        });
        QVERIFY(description != lines.cend());
        QVERIFY2(description->contains(u"Kubernetes (r)"_s), qPrintable(*description));
        // The same tokens exported later keep their UIDs.
        const QStringList again =
            unfold(expiryCalendar({tricky, scheduled}, names, now.addDays(1), 30 * 86400));
        QVERIFY(again.contains(u"UID:%1.token@connect-admin"_s.arg(tricky.id)));
    }

    // ---- the impact preview -------------------------------------------------------------

    void revokeImpactNamesTheTokensThatLoseTheVault()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString server = newId(), other = newId(), kubernetes = newId(), vendors = newId();
        auto t = [&](const QString &name, const QString &s, QList<TokenVault> vaults) {
            Token token = tokenAt(name, {});
            token.serverId = s;
            token.vaults = std::move(vaults);
            return token;
        };
        Token expired = t(u"old"_s, server, {{kubernetes, Access::Read}});
        expired.expiresAt = now.addSecs(-1);
        const QList<Token> tokens{
            t(u"monitor"_s, server, {{kubernetes, Access::Read}}),
            t(u"deploy"_s, server, {{kubernetes, Access::ReadWrite}, {vendors, Access::Write}}),
            t(u"vendors only"_s, server, {{vendors, Access::Read}}),
            t(u"elsewhere"_s, other, {{kubernetes, Access::Read}}), expired};
        const VaultRevokeImpact impact = revokeImpact(server, kubernetes, tokens, now);
        QCOMPARE(describeImpact(impact, u"Kubernetes"_s),
                 u"2 tokens lose Kubernetes: deploy (rw), monitor (r)"_s);
        QCOMPARE(describeImpact(revokeImpact(server, newId(), tokens, now), u"Staging"_s),
                 u"No active token uses Staging."_s);
        const BatchImpact batch = batchImpact({{server, kubernetes, false},
                                               {server, vendors, false},
                                               {other, vendors, false},
                                               {other, kubernetes, true}},
                                              tokens, now);
        QCOMPARE(batch.revokes.size(), 3);     // the grant takes nothing away
        QCOMPARE(batch.tokensLosingAccess, 3); // monitor, deploy, vendors only
        QCOMPARE(describeBatch(12, batch), u"Apply 12 changes — 3 tokens lose access"_s);
        QCOMPARE(describeBatch(1, BatchImpact{}), u"Apply 1 change"_s);
        QCOMPARE(describeImpact(revokeImpact(server, vendors, {tokens.at(2)}, now), u"Vendors"_s),
                 u"1 token loses Vendors: vendors only (r)"_s);
    }

    void previewAVaultRevokeFromTheService()
    {
        const CreatedServer server = newServer(u"preview"_s, {u"Kubernetes"_s, u"Customers"_s});
        newToken(u"monitor"_s, server.server.id, {{u"Kubernetes"_s, Access::Read}});
        newToken(u"deploy"_s, server.server.id);
        newToken(u"customers"_s, server.server.id, {{u"Customers"_s, Access::Write}});
        Waiter<Result<VaultRevokePreview>> w;
        previewVaultRevoke(*m_client, u"preview"_s, u"kubernetes"_s, this, w.callback());
        const VaultRevokePreview p = ok(w.wait());
        QVERIFY(p.granted);
        QCOMPARE(p.server.id, server.server.id);
        QCOMPARE(p.vault.name, u"Kubernetes"_s);
        QCOMPARE(describeImpact(p.impact, p.vault.name),
                 u"2 tokens lose Kubernetes: deploy (rw), monitor (r)"_s);
        Waiter<Result<VaultRevokePreview>> missing;
        previewVaultRevoke(*m_client, u"preview"_s, u"No such vault"_s, this, missing.callback());
        QCOMPARE(missing.wait().error().status, 404);
        Waiter<Result<VaultRevokePreview>> notGranted;
        previewVaultRevoke(*m_client, u"preview"_s, u"Vendors"_s, this, notGranted.callback());
        QVERIFY(!ok(notGranted.wait()).granted);
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"

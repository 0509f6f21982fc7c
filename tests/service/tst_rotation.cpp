// Token rotation, scheduled revocation and credentials renewal (issue 12), on SQLite and
// PostgreSQL: the rules through AccountService with the test clock, atomicity under a failure
// injected by a trigger, several instances sweeping at once, a restart past a scheduled time,
// the real timer, and the routes over HTTP.
#include "RulesFixture.h"
#include "core/CredentialsFile.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"

#include <QJsonArray>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace ca;
using test::RulesFixture;

namespace {

QJsonObject claimsOf(const QString &jwt)
{
    const QList<QByteArray> parts = jwt.toLatin1().split('.');
    return QJsonDocument::fromJson(crypto::fromBase64Url(parts.value(1)).value_or(QByteArray()))
        .object();
}

// vault -> ACL bits of a token's "1password.com/vts" claim (the order means nothing)
QHash<QString, int> acls(const QJsonObject &claims)
{
    QHash<QString, int> out;
    for (const QJsonValue &v : claims.value(u"1password.com/vts"_s).toArray())
        out.insert(v[u"u"_s].toString(), v[u"a"_s].toInt());
    return out;
}

QSet<QString> vaultSet(const QList<TokenVault> &vaults)
{
    QSet<QString> out;
    for (const TokenVault &v : vaults)
        out.insert(v.vaultId + u':' + accessSuffix(v.access));
    return out;
}

// SQL the Store does not offer, on a connection of its own: a trigger that makes a statement
// fail half-way through an operation.
void execRaw(const QString &database, const QStringList &statements)
{
    const QString name = u"raw-"_s + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db;
        if (database.startsWith(u"postgres")) {
            const QUrl u(database);
            db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setUserName(u.userName());
            db.setDatabaseName(u.path().mid(1));
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(database);
        }
        if (!db.open())
            qFatal("raw connection: %s", qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (!q.exec(sql))
                qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// A trigger that fails every statement `event` names (e.g. "BEFORE INSERT ON tokens") for
// rows matching `when` (SQL over OLD/NEW; empty: all rows).
void injectFailure(const QString &database, const QString &event, const QString &when = {})
{
    if (database.startsWith(u"postgres")) {
        execRaw(database, {u"CREATE FUNCTION inject_failure() RETURNS trigger LANGUAGE plpgsql "
                           "AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$"_s,
                           u"CREATE TRIGGER inject_failure "_s + event + u" FOR EACH ROW "_s +
                               (when.isEmpty() ? QString() : u"WHEN ("_s + when + u") "_s) +
                               u"EXECUTE FUNCTION inject_failure()"_s});
    } else {
        execRaw(database, {u"CREATE TRIGGER inject_failure "_s + event +
                           (when.isEmpty() ? QString() : u" WHEN "_s + when) +
                           u" BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s});
    }
}

} // namespace

class TestRotation : public QObject
{
    Q_OBJECT
    std::unique_ptr<RulesFixture> f;

    Actor owner() { return f->actor(u"owner"_s); }

    CreatedToken token(const QString &name, const QString &server,
                       const QList<VaultPermission> &vaults = {},
                       const std::optional<QString> &expiresIn = {})
    {
        auto t = f->service->createToken(owner(), name, server, vaults, expiresIn);
        if (!t.ok())
            qFatal("token %s: %s", qPrintable(name), qPrintable(t.error().message));
        return *t;
    }

    RotateTokenRequest overlap(const QString &text)
    {
        RotateTokenRequest r;
        r.revokeOld.overlap = text;
        return r;
    }

    AuditEvent newestAudit() { return f->service->audit(owner(), {})->items.first(); }

    // What a refused operation must not change.
    QList<qint64> counts()
    {
        return {f->store->count(u"tokens"_s), f->store->count(u"token_vaults"_s),
                f->store->auditCount()};
    }

private slots:
    void init() { f = std::make_unique<RulesFixture>(); }
    void cleanup() { f.reset(); }

    // ---- rotation ------------------------------------------------------------------------

    void rotationKeepsServerVaultsAccessAndLifetime()
    {
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s, u"Customers"_s});
        const CreatedToken old =
            token(u"deploy"_s, u"Dev"_s,
                  {{u"Kubernetes"_s, Access::Read}, {u"Customers"_s, Access::ReadWrite}}, u"30d"_s);
        f->clockNow = f->clockNow.addDays(10);
        const qint64 version = f->store->server(s.id)->tokensVersion;

        const auto r = f->service->rotateToken(owner(), u"deploy"_s, u"Dev"_s, {});
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        const Token &fresh = r->created.token;
        QVERIFY(fresh.id != old.token.id);
        QCOMPARE(fresh.serverId, s.id);
        QCOMPARE(vaultSet(fresh.vaults), vaultSet(old.token.vaults));
        QCOMPARE(fresh.createdAt, f->clockNow);
        QCOMPARE(fresh.expiresAt, f->clockNow.addDays(30)); // the same lifetime, from now
        QCOMPARE(fresh.name, u"deploy (rotated %1)"_s.arg(f->clockNow.toString(u"yyyy-MM-dd"_s)));
        // The JWT says the same, and carries the same server secret as the old one.
        const QJsonObject claims = claimsOf(r->created.jwt);
        const QJsonObject oldClaims = claimsOf(old.jwt);
        QCOMPARE(claims.value(u"exp"_s).toInteger() - claims.value(u"iat"_s).toInteger(),
                 30 * 86400);
        QCOMPARE(acls(claims), acls(oldClaims));
        QCOMPARE(claims.value(u"1password.com/token"_s), oldClaims.value(u"1password.com/token"_s));
        QCOMPARE(claims.value(u"jti"_s).toString(), displayId(fresh.id, IdKind::Token));
        // The old token works for the default overlap of 24 hours.
        QCOMPARE(r->previous.id, old.token.id);
        QCOMPARE(r->previous.state, TokenState::Active);
        QCOMPARE(r->previous.revokesAt, f->clockNow.addSecs(24 * 3600));
        QCOMPARE(f->store->token(old.token.id)->revokesAt, r->previous.revokesAt);
        QCOMPARE(f->store->server(s.id)->tokensVersion, version + 1);
        const AuditEvent e = newestAudit();
        QCOMPARE(e.action, u"token.rotate"_s);
        QCOMPARE(e.targetId, displayId(old.token.id, IdKind::Token));
        QCOMPARE(e.detail.value(u"new_token"_s).toString(), displayId(fresh.id, IdKind::Token));
        QCOMPARE(e.detail.value(u"revokes_at"_s).toString(), json::isoUtc(r->previous.revokesAt));

        // Rotating the replacement replaces the suffix instead of stacking another.
        f->clockNow = f->clockNow.addDays(40);
        const auto again = f->service->rotateToken(owner(), fresh.id, {}, overlap(u"0"_s));
        QVERIFY(again.ok());
        QCOMPARE(again->created.token.name,
                 u"deploy (rotated %1)"_s.arg(f->clockNow.toString(u"yyyy-MM-dd"_s)));
    }

    void theOverlapOrATimeSaysWhenTheOldTokenGoes()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s});
        const CreatedToken a = token(u"a"_s, u"Dev"_s);
        const auto atOnce = f->service->rotateToken(owner(), u"a"_s, u"Dev"_s, overlap(u"0"_s));
        QVERIFY(atOnce.ok());
        QCOMPARE(atOnce->previous.state, TokenState::Revoked);
        QCOMPARE(atOnce->previous.revokedAt, f->clockNow);
        QCOMPARE(f->store->token(a.token.id)->state, TokenState::Revoked);

        token(u"b"_s, u"Dev"_s);
        RotateTokenRequest at;
        at.revokeOld.at = f->clockNow.addSecs(3 * 3600);
        at.name = u"  b, the second  "_s;
        const auto later = f->service->rotateToken(owner(), u"b"_s, u"Dev"_s, at);
        QVERIFY(later.ok());
        QCOMPARE(later->previous.revokesAt, at.revokeOld.at);
        QCOMPARE(later->created.token.name, u"b, the second"_s);
        // Rotating never puts off a revocation already scheduled earlier.
        const auto longer = f->service->rotateToken(owner(), u"b"_s, u"Dev"_s, overlap(u"1w"_s));
        QVERIFY(longer.ok());
        QCOMPARE(longer->previous.revokesAt, at.revokeOld.at);
    }

    void refusedRotationsChangeNothing()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s});
        const CreatedToken t = token(u"t"_s, u"Dev"_s);
        const auto before = counts();
        RotateTokenRequest past;
        past.revokeOld.at = f->clockNow.addSecs(-1);
        QCOMPARE(f->service->rotateToken(owner(), u"t"_s, {}, past).error().code,
                 u"invalid_time"_s);
        QCOMPARE(f->service->rotateToken(owner(), u"t"_s, {}, overlap(u"3x"_s)).error().code,
                 u"invalid_duration"_s);
        RotateTokenRequest badName;
        badName.name = u"  "_s;
        QCOMPARE(f->service->rotateToken(owner(), u"t"_s, {}, badName).error().code,
                 u"invalid_name"_s);
        QCOMPARE(f->service->rotateToken(owner(), u"nope"_s, {}, {}).error().status, 404);
        QCOMPARE(f->service->rotateToken(f->actor(u"nobody"_s), u"t"_s, {}, {}).error().status,
                 403);
        QCOMPARE(counts(), before);
        f->service->revokeToken(owner(), u"t"_s, {});
        const auto revoked = f->service->rotateToken(owner(), t.token.id, {}, {});
        QCOMPARE(revoked.error().status, 409);
        QCOMPARE(revoked.error().code, u"already_revoked"_s);
        QCOMPARE(f->store->count(u"tokens"_s), before.first());
    }

    void rotationLeavesOutVaultsTheServerLost()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s, u"Customers"_s});
        token(u"both"_s, u"Dev"_s);
        QVERIFY(f->service->revokeVault(owner(), u"Dev"_s, u"Customers"_s).ok());
        const auto r = f->service->rotateToken(owner(), u"both"_s, {}, overlap(u"0"_s));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r->created.token.vaults.size(), 1);
        QCOMPARE(r->created.token.vaults.first().vaultId, f->vaults.value(u"Kubernetes"_s).id);
        QCOMPARE(r->droppedVaults, QStringList{f->vaults.value(u"Customers"_s).id});
        // Nothing left to reach: no replacement.
        QVERIFY(f->service->revokeVault(owner(), u"Dev"_s, u"Kubernetes"_s).ok());
        QCOMPARE(f->service->rotateToken(owner(), r->created.token.id, {}, {}).error().code,
                 u"no_vaults"_s);
    }

    void rotationNeedsAccessToEveryVault()
    {
        // Ops manage this server and reach OpsOnly; the owner does not reach OpsOnly.
        f->server(u"Ops server"_s, {u"Kubernetes"_s});
        bool created = false;
        QVERIFY(f->service->grantGroup(owner(), {u"Ops"_s, u"Ops server"_s, false}, &created).ok());
        const Actor ops = f->actor(u"ops"_s);
        QVERIFY(f->service->grantVault(ops, u"Ops server"_s, u"OpsOnly"_s).ok());
        QVERIFY(f->service->createToken(ops, u"ops token"_s, u"Ops server"_s, {}, {}).ok());
        const auto refused = f->service->rotateToken(owner(), u"ops token"_s, {}, {});
        QCOMPARE(refused.error().status, 403);
        QVERIFY2(refused.error().message.contains(u"OpsOnly"_s),
                 qPrintable(refused.error().message));
        QVERIFY(f->service->rotateToken(ops, u"ops token"_s, {}, {}).ok());
    }

    void severalTokensRotateTogether()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s});
        f->server(u"Prod"_s, {u"Customers"_s});
        const CreatedToken a = token(u"a"_s, u"Dev"_s);
        const CreatedToken b = token(u"b"_s, u"Prod"_s);
        RotateTokensRequest request;
        request.tokens = {{u"b"_s, std::nullopt}, {a.token.id, u"a2"_s}};
        request.revokeOld.overlap = u"2h"_s;
        const auto r = f->service->rotateTokens(owner(), request);
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r->items.size(), 2);
        QCOMPARE(r->items.at(0).previous.id, b.token.id); // in the request's order
        QCOMPARE(r->items.at(1).created.token.name, u"a2"_s);
        for (const RotatedToken &item : r->items)
            QCOMPARE(item.previous.revokesAt, f->clockNow.addSecs(2 * 3600));
        request.tokens = {{u"a2"_s, std::nullopt}, {u"A2"_s, std::nullopt}};
        QCOMPARE(f->service->rotateTokens(owner(), request).error().code, u"duplicate_change"_s);
        request.tokens.clear();
        QCOMPARE(f->service->rotateTokens(owner(), request).error().code, u"missing_field"_s);
    }

    void rotationIsAtomicUnderAFailureInTheMiddle()
    {
        // The failure comes after the new tokens are written, when the second old token is
        // scheduled: nothing of the rotation stays, the first token's part included.
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s});
        const CreatedToken a = token(u"a"_s, u"Dev"_s);
        const CreatedToken b = token(u"b"_s, u"Dev"_s);
        injectFailure(f->database, u"BEFORE UPDATE OF revokes_at ON tokens"_s, u"OLD.name = 'b'"_s);
        const auto before = counts();
        const qint64 version = f->store->server(s.id)->tokensVersion;
        RotateTokensRequest request;
        request.tokens = {{u"a"_s, std::nullopt}, {u"b"_s, std::nullopt}};
        QVERIFY_THROWS_EXCEPTION(StoreError, f->service->rotateTokens(owner(), request));
        QCOMPARE(counts(), before);
        QVERIFY(!f->store->token(a.token.id)->revokesAt.isValid());
        QVERIFY(!f->store->token(b.token.id)->revokesAt.isValid());
        QCOMPARE(f->store->server(s.id)->tokensVersion, version);
        QVERIFY_THROWS_EXCEPTION(StoreError, f->service->rotateToken(owner(), u"b"_s, {}, {}));
        QCOMPARE(counts(), before);
        // The service goes on working afterwards.
        const auto ok = f->service->rotateToken(owner(), u"a"_s, {}, {});
        QVERIFY2(ok.ok(), qPrintable(ok.error().message));
        QCOMPARE(f->store->count(u"tokens"_s), before.first() + 1);
    }

    // ---- scheduled revocation ------------------------------------------------------------

    void scheduledRevocationHappensAtItsTime()
    {
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s});
        const CreatedToken t = token(u"t"_s, u"Dev"_s);
        ScheduleRevocationRequest in;
        in.revokesIn = u"1h"_s;
        const QDateTime due = f->clockNow.addSecs(3600);
        const auto scheduled = f->service->scheduleRevocation(owner(), u"t"_s, {}, in);
        QVERIFY(scheduled.ok());
        QCOMPARE(scheduled->revokesAt, due);
        QCOMPARE(f->service->nextScheduledRevocation(), due);
        const qint64 version = f->store->server(s.id)->tokensVersion;
        const qint64 audits = f->store->auditCount();

        f->clockNow = due.addMSecs(-1);
        QVERIFY(f->service->revokeDueTokens().isEmpty());
        QCOMPARE(f->store->token(t.token.id)->state, TokenState::Active);

        f->clockNow = due;
        const QList<Token> revoked = f->service->revokeDueTokens();
        QCOMPARE(revoked.size(), 1);
        const Token after = *f->store->token(t.token.id);
        QCOMPARE(after.state, TokenState::Revoked);
        QCOMPARE(after.revokedAt, due);
        QCOMPARE(f->store->server(s.id)->tokensVersion, version + 1);
        QCOMPARE(f->store->auditCount(), audits + 1);
        const AuditEvent e = newestAudit();
        QCOMPARE(e.action, u"token.revoke"_s);
        QVERIFY(e.actorId.isEmpty()); // the service itself
        QVERIFY(e.detail.value(u"scheduled"_s).toBool());
        // Once only.
        QVERIFY(f->service->revokeDueTokens().isEmpty());
        QCOMPARE(f->store->auditCount(), audits + 1);
        QVERIFY(!f->service->nextScheduledRevocation().isValid());
    }

    void scheduleMoveAndCancel()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s});
        const CreatedToken t = token(u"t"_s, u"Dev"_s);
        ScheduleRevocationRequest at;
        at.revokesAt = f->clockNow.addSecs(7200);
        QCOMPARE(f->service->scheduleRevocation(owner(), u"t"_s, {}, at)->revokesAt, at.revokesAt);
        QCOMPARE(newestAudit().action, u"token.revoke_schedule"_s);
        ScheduleRevocationRequest in;
        in.revokesIn = u"1h"_s;
        QCOMPARE(f->service->scheduleRevocation(owner(), u"t"_s, {}, in)->revokesAt,
                 f->clockNow.addSecs(3600));
        QCOMPARE(newestAudit().detail.value(u"previous"_s).toString(), json::isoUtc(at.revokesAt));

        const auto cancelled = f->service->cancelRevocation(owner(), u"t"_s, {});
        QVERIFY(cancelled.ok());
        QVERIFY(!cancelled->revokesAt.isValid());
        QVERIFY(!f->store->token(t.token.id)->revokesAt.isValid());
        QCOMPARE(newestAudit().action, u"token.revoke_cancel"_s);
        const qint64 audits = f->store->auditCount();
        QVERIFY(f->service->cancelRevocation(owner(), u"t"_s, {}).ok()); // nothing to cancel
        QCOMPARE(f->store->auditCount(), audits);

        ScheduleRevocationRequest zero;
        zero.revokesIn = u"0"_s;
        QCOMPARE(f->service->scheduleRevocation(owner(), u"t"_s, {}, zero).error().code,
                 u"invalid_duration"_s);
        ScheduleRevocationRequest past;
        past.revokesAt = f->clockNow;
        QCOMPARE(f->service->scheduleRevocation(owner(), u"t"_s, {}, past).error().code,
                 u"invalid_time"_s);
        QCOMPARE(f->store->auditCount(), audits);

        // Too late to cancel once it has happened.
        QVERIFY(f->service->scheduleRevocation(owner(), u"t"_s, {}, in).ok());
        f->clockNow = f->clockNow.addSecs(3601);
        QCOMPARE(f->service->revokeDueTokens().size(), 1);
        QCOMPARE(f->service->cancelRevocation(owner(), t.token.id, {}).error().code,
                 u"already_revoked"_s);
        QCOMPARE(f->service->scheduleRevocation(owner(), t.token.id, {}, in).error().code,
                 u"already_revoked"_s);
    }

    void severalInstancesRevokeEachTokenOnce()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s});
        constexpr int kTokens = 40;
        constexpr int kInstances = 3;
        ScheduleRevocationRequest in;
        in.revokesIn = u"1m"_s;
        QSet<QString> ids;
        for (int i = 0; i < kTokens; ++i) {
            const CreatedToken t = token(u"t%1"_s.arg(i), u"Dev"_s);
            QVERIFY(f->service->scheduleRevocation(owner(), t.token.id, {}, in).ok());
            ids.insert(t.token.id);
        }
        f->clockNow = f->clockNow.addSecs(120);
        const qint64 audits = f->store->auditCount();

        // Each instance: its own connection and AccountService, as separate processes have;
        // all sweep at the same moment.
        QSemaphore ready, go;
        std::vector<QStringList> revokedBy(kInstances);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < kInstances; ++i) {
            threads.emplace_back(QThread::create([this, i, &ready, &go, &revokedBy] {
                auto store = Store::open(f->database, u"sweeper-%1"_s.arg(i));
                ServiceConfig config;
                config.issuer = u"http://127.0.0.1:1"_s;
                config.passwordHash = test::testHashParams();
                config.clock = [this] { return f->clockNow; };
                AccountService service(*store, MasterKey::fromBytes(f->masterKey), config);
                service.initialize();
                ready.release();
                go.acquire();
                for (const Token &t : service.revokeDueTokens())
                    revokedBy[size_t(i)].append(t.id);
            }));
            threads.back()->start();
        }
        ready.acquire(kInstances);
        go.release(kInstances);
        for (auto &t : threads)
            QVERIFY(t->wait(60000));

        QStringList all;
        for (const QStringList &list : revokedBy)
            all += list;
        QCOMPARE(all.size(), kTokens);
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()), ids);
        QCOMPARE(f->store->auditCount(), audits + kTokens);
        for (const QString &id : std::as_const(ids))
            QCOMPARE(f->store->token(id)->state, TokenState::Revoked);
    }

    // ---- credentials files -----------------------------------------------------------------

    void serversRecordTheirCredentialsFile()
    {
        const auto created = f->service->createServer(owner(), u"Dev"_s, {u"Kubernetes"_s});
        QVERIFY(created.ok());
        const QString fingerprint = credentials::fingerprint(created->credentials);
        QCOMPARE(fingerprint.size(), 64);
        QCOMPARE(created->server.credentialsFingerprint, fingerprint);
        QCOMPARE(created->server.credentialsIssuedAt, f->clockNow);
        QCOMPARE(f->store->server(created->server.id)->credentialsFingerprint, fingerprint);
        QCOMPARE(newestAudit().detail.value(u"credentials_fingerprint"_s).toString(), fingerprint);
        const credentials::Opened opened = credentials::open(created->credentials);
        QVERIFY2(opened.ok(), qPrintable(opened.problem));
        QCOMPARE(opened.identity.serverId, created->server.id);
        QCOMPARE(opened.identity.issuedAt, f->clockNow);
        QCOMPARE(opened.fingerprint, fingerprint);
    }

    void renewalMakesOldTokensFailTheOfflineCheckAndNewOnesPass()
    {
        const auto created = f->service->createServer(owner(), u"Dev"_s, {u"Kubernetes"_s});
        const QJsonObject oldFile = created->credentials;
        const CreatedToken before = token(u"before"_s, u"Dev"_s);
        const QJsonObject jwks = f->service->jwks();
        QVERIFY(credentials::checkToken(before.jwt.toLatin1(), credentials::open(oldFile), jwks,
                                        f->clockNow)
                    .ok());
        const QByteArray sealedBefore = f->store->serverSecret(created->server.id);
        f->clockNow = f->clockNow.addDays(1);

        const auto renewed = f->service->renewCredentials(owner(), u"Dev"_s, {});
        QVERIFY2(renewed.ok(), qPrintable(renewed.error().message));
        QCOMPARE(renewed->staleTokens, 1);
        QVERIFY(renewed->rotated.isEmpty());
        const credentials::Opened newFile = credentials::open(renewed->credentials);
        QVERIFY2(newFile.ok(), qPrintable(newFile.problem));
        QCOMPARE(newFile.identity.serverId, created->server.id);
        QCOMPARE(newFile.identity.issuedAt, f->clockNow);
        QCOMPARE(renewed->server.credentialsFingerprint, newFile.fingerprint);
        QVERIFY(renewed->server.credentialsFingerprint != created->server.credentialsFingerprint);
        QCOMPARE(renewed->server.credentialsIssuedAt, f->clockNow);
        QVERIFY(f->store->serverSecret(created->server.id) != sealedBefore);
        QVERIFY(!f->store->serverSecret(created->server.id).contains(newFile.secret));

        // The old token does not belong to the new file; a new token does, and not to the old.
        const credentials::TokenCheck stale =
            credentials::checkToken(before.jwt.toLatin1(), newFile, jwks, f->clockNow);
        QVERIFY(!stale.ok());
        QVERIFY(!stale.matchesFile);
        QVERIFY2(stale.problem.contains(u"renewed"_s), qPrintable(stale.problem));
        const CreatedToken after = token(u"after"_s, u"Dev"_s);
        const credentials::TokenCheck good =
            credentials::checkToken(after.jwt.toLatin1(), newFile, jwks, f->clockNow);
        QVERIFY2(good.ok(), qPrintable(good.problem));
        QVERIFY(good.signatureValid);
        QVERIFY(!credentials::checkToken(after.jwt.toLatin1(), credentials::open(oldFile), jwks,
                                         f->clockNow)
                     .ok());
        const AuditEvent e = newestAudit();
        QCOMPARE(e.action, u"token.create"_s);
        const auto events = f->service->audit(owner(), {})->items;
        QCOMPARE(events.at(1).action, u"server.credentials_renew"_s);
        QCOMPARE(events.at(1).detail.value(u"stale_tokens"_s).toInt(), 1);
        QCOMPARE(events.at(1).detail.value(u"credentials_fingerprint"_s).toString(),
                 newFile.fingerprint);
    }

    void renewalRotatesTheActiveTokensInTheSameStep()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s, u"Customers"_s});
        const CreatedToken a = token(u"a"_s, u"Dev"_s, {{u"Kubernetes"_s, Access::Read}}, u"30d"_s);
        const CreatedToken b = token(u"b"_s, u"Dev"_s);
        const CreatedToken leaving = token(u"leaving"_s, u"Dev"_s);
        ScheduleRevocationRequest in;
        in.revokesIn = u"2h"_s;
        QVERIFY(f->service->scheduleRevocation(owner(), u"leaving"_s, {}, in).ok());
        token(u"gone"_s, u"Dev"_s);
        QVERIFY(f->service->revokeToken(owner(), u"gone"_s, {}).ok());

        RenewCredentialsRequest request;
        request.rotateTokens = true;
        request.revokeOld.overlap = u"1h"_s;
        const auto r = f->service->renewCredentials(owner(), u"Dev"_s, request);
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r->staleTokens, 3);    // a, b and leaving no longer match
        QCOMPARE(r->rotated.size(), 2); // leaving was replaced already
        const credentials::Opened file = credentials::open(r->credentials);
        const QJsonObject jwks = f->service->jwks();
        QSet<QString> replaced;
        for (const RotatedToken &item : r->rotated) {
            replaced.insert(item.previous.id);
            QCOMPARE(item.previous.revokesAt, f->clockNow.addSecs(3600));
            const auto check =
                credentials::checkToken(item.created.jwt.toLatin1(), file, jwks, f->clockNow);
            QVERIFY2(check.ok(), qPrintable(check.problem));
        }
        QCOMPARE(replaced, (QSet<QString>{a.token.id, b.token.id}));
        QCOMPARE(f->store->token(leaving.token.id)->revokesAt, f->clockNow.addSecs(7200));
        // Only with rotate_tokens does an overlap make sense.
        RenewCredentialsRequest stray;
        stray.revokeOld.overlap = u"1h"_s;
        QCOMPARE(f->service->renewCredentials(owner(), u"Dev"_s, stray).error().code,
                 u"invalid_field"_s);
    }

    void renewalIsAtomicUnderAFailureInTheMiddle()
    {
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s});
        token(u"a"_s, u"Dev"_s);
        const QByteArray sealed = f->store->serverSecret(s.id);
        const auto before = counts();
        // The secret is replaced first; the failure comes with the first rotated token.
        injectFailure(f->database, u"BEFORE INSERT ON tokens"_s);
        RenewCredentialsRequest request;
        request.rotateTokens = true;
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 f->service->renewCredentials(owner(), u"Dev"_s, request));
        QCOMPARE(f->store->serverSecret(s.id), sealed);
        const Server after = *f->store->server(s.id);
        QCOMPARE(after.credentialsFingerprint, s.credentialsFingerprint);
        QCOMPARE(after.credentialsIssuedAt, s.credentialsIssuedAt);
        QCOMPARE(counts(), before);
    }

    void aRenewalOverAFileRenewedMeanwhileIsRefused()
    {
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s});
        const QByteArray sealed = f->store->serverSecret(s.id);
        QVERIFY(!f->store->replaceServerSecret(s.id, "x", f->clockNow, u"new"_s, u"not the one"_s));
        QVERIFY(!f->store->replaceServerSecret(s.id, "x", f->clockNow, u"new"_s, {}));
        QCOMPARE(f->store->serverSecret(s.id), sealed);
        QVERIFY(f->store->replaceServerSecret(s.id, sealed, f->clockNow, u"new"_s,
                                              s.credentialsFingerprint));
        QCOMPARE(f->store->server(s.id)->credentialsFingerprint, u"new"_s);
    }
};

QTEST_GUILESS_MAIN(TestRotation)
#include "tst_rotation.moc"

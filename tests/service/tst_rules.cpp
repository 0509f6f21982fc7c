// Every domain rule of docs/ARCHITECTURE.md, each with a test that fails if the rule is broken.
// Runs the real AccountService on a real database (SQLite or PostgreSQL).
#include "RulesFixture.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "service/ApiRoutes.h"
#include "service/ServiceShared.h"
#include "service/http/Router.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace ca;
using test::jwtClaims;
using test::RulesFixture;

class TestRules : public QObject
{
    Q_OBJECT
    std::unique_ptr<RulesFixture> f;

private slots:
    void init() { f = std::make_unique<RulesFixture>(); }
    void cleanup() { f.reset(); }

    void nonUserCreatedVaultsCantBeGranted_data()
    {
        QTest::addColumn<QString>("vault");
        QTest::addColumn<QString>("type");
        QTest::newRow("shared") << u"Shared"_s << u"EVERYONE"_s;
        QTest::newRow("private") << u"Private"_s << u"PERSONAL"_s;
        QTest::newRow("transfer") << u"Transfer"_s << u"TRANSFER"_s;
    }
    void nonUserCreatedVaultsCantBeGranted()
    {
        QFETCH(QString, vault);
        QFETCH(QString, type);
        const Actor owner = f->actor(u"owner"_s);
        const qint64 servers = f->store->count(u"servers"_s);
        const qint64 audits = f->store->auditCount();

        const auto created = f->service->createServer(owner, u"S"_s, {vault});
        QVERIFY(!created.ok());
        QCOMPARE(created.error().status, 400);
        QCOMPARE(created.error().code, u"not_grantable"_s);
        QVERIFY2(created.error().message.contains(type), qPrintable(created.error().message));
        QVERIFY(created.error().message.contains(u"can't be granted"_s));
        QCOMPARE(f->store->count(u"servers"_s), servers);
        QCOMPARE(f->store->auditCount(), audits);

        const Server s = f->server(u"S"_s);
        const auto granted = f->service->grantVault(owner, s.id, vault);
        QCOMPARE(granted.error().code, u"not_grantable"_s);
        const auto batch = f->service->applyGrants(owner, f->store->grantsRevision(),
                                                   {{s.id, f->vaults.value(vault).id, true}});
        QCOMPARE(batch.error().code, u"not_grantable"_s);
        QCOMPARE(f->store->allGrants().size(), 0);
    }

    void tokenCantNameAVaultItsServerLacks()
    {
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s});
        const auto t = f->service->createToken(f->actor(u"owner"_s), u"t"_s, u"Dev"_s,
                                               {{u"Customers"_s, Access::Read}}, {});
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, u"vault_not_granted"_s);
        QVERIFY(t.error().message.contains(u"Customers"_s));
        QCOMPARE(f->store->count(u"tokens"_s), 0);
        QCOMPARE(f->store->server(s.id)->tokensVersion, 0);
    }

    void vaultWithoutSuffixGetsReadWrite()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s, u"Customers"_s});
        VaultPermission k{u"Kubernetes"_s}; // no access given
        const auto t = f->service->createToken(f->actor(u"owner"_s), u"t"_s, u"Dev"_s,
                                               {k, {u"Customers"_s, Access::Write}}, {});
        QVERIFY2(t.ok(), qPrintable(t.error().message));
        const QJsonArray vts = jwtClaims(t->jwt).value(u"1password.com/vts"_s).toArray();
        QCOMPARE(vts.size(), 2);
        QHash<QString, int> acl;
        for (const QJsonValue &v : vts)
            acl.insert(v[u"u"_s].toString(), v[u"a"_s].toInt());
        QCOMPARE(acl.value(f->vaults.value(u"Kubernetes"_s).id), 1008);
        QCOMPARE(acl.value(f->vaults.value(u"Customers"_s).id), 960);
    }

    void tokenWithoutVaultsGetsTheServersVaults()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s, u"Customers"_s});
        const auto t = f->service->createToken(f->actor(u"owner"_s), u"all"_s, u"Dev"_s, {}, {});
        QVERIFY2(t.ok(), qPrintable(t.error().message));
        QCOMPARE(t->token.vaults.size(), 2);
        for (const TokenVault &v : t->token.vaults)
            QCOMPARE(v.access, Access::ReadWrite);
        f->server(u"Empty"_s);
        QCOMPARE(
            f->service->createToken(f->actor(u"owner"_s), u"x"_s, u"Empty"_s, {}, {}).error().code,
            u"no_vaults"_s);
    }

    void tokenClaimsFollowTheDesign()
    {
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s});
        const auto t = f->service->createToken(f->actor(u"owner"_s), u"Dev k8s token"_s, u"Dev"_s,
                                               {{u"Kubernetes"_s, Access::Read}}, u"30d"_s);
        QVERIFY(t.ok());
        const QJsonObject c = jwtClaims(t->jwt);
        QCOMPARE(c.value(u"sub"_s).toString(), displayId(s.id, IdKind::Server));
        QCOMPARE(c.value(u"jti"_s).toString(), t->token.id);
        QCOMPARE(c.value(u"aud"_s).toArray(), QJsonArray{u"com.1password.connect"_s});
        QCOMPARE(c.value(u"1password.com/fts"_s).toArray(), QJsonArray{u"vaultaccess"_s});
        QCOMPARE(c.value(u"iss"_s).toString(), u"http://127.0.0.1:1"_s);
        QCOMPARE(c.value(u"exp"_s).toInteger() - c.value(u"iat"_s).toInteger(), 30 * 86400);
        QVERIFY(c.contains(u"1password.com/auuid"_s));
        QCOMPARE(
            crypto::fromBase64Url(c.value(u"1password.com/token"_s).toString().toLatin1())->size(),
            32);
        // No expiry: no exp claim.
        const auto endless =
            f->service->createToken(f->actor(u"owner"_s), u"forever"_s, u"Dev"_s, {}, {});
        QVERIFY(!jwtClaims(endless->jwt).contains(u"exp"_s));
    }

    // The service writes the creations that arrive together as one group (ApiRoutes): one
    // transaction, so one new account revision; each still its own token, audit event and
    // answer, in order, and one refused leaves the others made.
    void tokensCreatedTogetherAreAnsweredEachOnItsOwn()
    {
        const Server dev = f->server(u"Dev"_s, {u"Kubernetes"_s});
        const Server prod = f->server(u"Prod"_s, {u"Kubernetes"_s});
        const Actor owner = f->actor(u"owner"_s);
        const qint64 revision = f->store->accountRevision();
        const qint64 events = f->store->auditCount();
        const QList<Result<CreatedToken>> made = f->service->createTokens({
            {owner, {u"p1"_s, u"Prod"_s, {}, {}}},
            {owner, {u"bad"_s, u"Dev"_s, {{u"Customers"_s, Access::Read}}, {}}},
            {owner, {u"d1"_s, u"Dev"_s, {}, u"1h"_s}},
            {f->actor(u"nobody"_s), {u"theirs"_s, u"Dev"_s, {}, {}}},
            {owner, {u"p2"_s, u"Prod"_s, {{u"Kubernetes"_s, Access::Read}}, {}}},
        });
        QCOMPARE(made.size(), 5);
        QCOMPARE(made.at(1).error().code, u"vault_not_granted"_s);
        QVERIFY(!made.at(3).ok()); // nobody can't see or manage Dev
        const struct
        {
            int at;
            QString name;
            Server server;
        } good[] = {{0, u"p1"_s, prod}, {2, u"d1"_s, dev}, {4, u"p2"_s, prod}};
        QSet<QString> ids;
        for (const auto &g : good) {
            const Result<CreatedToken> &t = made.at(g.at);
            QVERIFY2(t.ok(), qPrintable(t.error().message));
            QCOMPARE(t->token.name, g.name);
            const QJsonObject claims = jwtClaims(t->jwt);
            QCOMPARE(claims.value(u"jti"_s).toString(), t->token.id);
            QCOMPARE(claims.value(u"sub"_s).toString(), displayId(g.server.id, IdKind::Server));
            QVERIFY(f->store->token(t->token.id).has_value());
            ids.insert(t->token.id);
        }
        QCOMPARE(ids.size(), 3);
        QVERIFY(made.at(2)->token.expiresAt.isValid());
        QCOMPARE(made.at(4)->token.vaults.constFirst().access, Access::Read);
        QCOMPARE(f->store->count(u"tokens"_s), 3);
        QCOMPARE(f->store->accountRevision(), revision + 1);
        QCOMPARE(f->store->auditCount(), events + 3);
        QCOMPARE(f->store->server(prod.id)->tokensVersion, 2); // one per token, as one by one
        QCOMPARE(f->store->server(dev.id)->tokensVersion, 1);
        const auto chain = f->service->verifyAudit(owner);
        QVERIFY2(chain.ok() && chain->whole, "the audit chain is broken");

        // All refused: nothing written, the revision stays.
        const auto none = f->service->createTokens(
            {{owner, {u""_s, u"Dev"_s, {}, {}}}, {owner, {u"x"_s, u"Nope"_s, {}, {}}}});
        QCOMPARE(none.size(), 2);
        QVERIFY(!none.at(0).ok() && !none.at(1).ok());
        QCOMPARE(f->store->accountRevision(), revision + 1);
        QCOMPARE(f->store->count(u"tokens"_s), 3);
    }

    // A creation is checked against its session when it is written (the service queues it
    // for a turn first): a group grant revoked or a sign-out answered in between holds.
    void aTokenCreationIsCheckedAgainstItsSessionWhenWritten()
    {
        const Actor owner = f->actor(u"owner"_s);
        f->server(u"A"_s, {u"Kubernetes"_s});
        bool created = false;
        QVERIFY(f->service->grantGroup(owner, {u"Ops"_s, u"A"_s, false}, &created).ok());
        const StoredUser u = *f->store->userByEmail(u"ops@test.example"_s);
        const SessionInfo session =
            f->service->finishSignIn({u, u.passwordHash}, true, u.user.email, u"peer"_s).value();
        const Actor ops = f->service->authenticate("Bearer " + session.token.toLatin1()).value();
        const CreateTokenRequest request{u"t"_s, u"A"_s, {}, {}};
        QVERIFY(f->service->createTokens({{ops, request}}).constFirst().ok());

        // Ops no longer manages A; the actor read before that still says it does.
        QVERIFY(f->service->revokeGroup(owner, {u"Ops"_s, u"A"_s, false}).ok());
        const auto revoked = f->service->createTokens({{ops, request}, {owner, request}});
        QCOMPARE(revoked.at(0).error().status, 403);
        QVERIFY(revoked.at(1).ok()); // the owner's in the same group is made
        QCOMPARE(f->store->count(u"tokens"_s), 2);

        QVERIFY(f->service->grantGroup(owner, {u"Ops"_s, u"A"_s, false}, &created).ok());
        f->service->signOut(ops);
        const auto signedOut = f->service->createTokens({{ops, request}, {ops, request}});
        for (const Result<CreatedToken> &r : signedOut)
            QCOMPARE(r.error().status, 401);
        QCOMPARE(f->store->count(u"tokens"_s), 2);
    }

    // The same through the route, whose answer comes a turn later: a sign-out answered in
    // between ends the session, and the creation is refused as unauthenticated (401 with
    // WWW-Authenticate), not written.
    void theTokenRouteAnswersASignOutInBetween()
    {
        f->server(u"A"_s, {u"Kubernetes"_s});
        const StoredUser u = *f->store->userByEmail(u"owner@test.example"_s);
        const SessionInfo session =
            f->service->finishSignIn({u, u.passwordHash}, true, u.user.email, u"peer"_s).value();
        ServiceShared shared;
        ApiRoutes routes(*f->service, shared);
        Router router;
        routes.install(router);
        QList<HttpResponse> answers;
        const auto send = [&](const QByteArray &method, const QString &path,
                              const QByteArray &body = {}) {
            HttpRequest req;
            req.method = method;
            req.path = path;
            req.segments = path.mid(1).split(u'/');
            req.headers.insert("authorization", "Bearer " + session.token.toLatin1());
            req.body = body;
            const Router::Match match = router.match(method, req.segments);
            QVERIFY(match.handler);
            (*match.handler)(req, [&](const HttpResponse &r) { answers.append(r); });
        };
        send("POST", u"/v1/connect/tokens"_s, R"({"name": "t", "server": "A"})");
        QVERIFY(answers.isEmpty()); // queued for the next turn
        send("DELETE", u"/v1/auth/sessions/current"_s);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.at(0).status, 204);
        QTRY_COMPARE(answers.size(), 2);
        QCOMPARE(answers.at(1).status, 401);
        QVERIFY(answers.at(1).headers.contains({"WWW-Authenticate", "Bearer"}));
        QCOMPARE(f->store->count(u"tokens"_s), 0);
    }

    // When the group's transaction fails, only the creation that caused it fails: the others
    // are written one by one and get their own answers, refusals included.
    void aFailedCreationFailsAloneNotItsGroup()
    {
        const Server dev = f->server(u"Dev"_s, {u"Kubernetes"_s});
        f->server(u"Prod"_s, {u"Kubernetes"_s});
        const Actor owner = f->actor(u"owner"_s);
        { // Dev's secret can no longer be opened (a sealed value gone bad)
            const auto raw = Store::open(f->database, u"rules-raw"_s);
            QSqlQuery q(QSqlDatabase::database(u"rules-raw"_s));
            q.prepare(u"UPDATE servers SET secret_sealed = ? WHERE id = ?"_s);
            q.addBindValue(QByteArray("not sealed"));
            q.addBindValue(dev.id);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        const qint64 events = f->store->auditCount();
        QList<Result<CreatedToken>> made;
        try {
            made = f->service->createTokens({{owner, {u"p1"_s, u"Prod"_s, {}, {}}},
                                             {owner, {u"d1"_s, u"Dev"_s, {}, {}}},
                                             {owner, {u""_s, u"Prod"_s, {}, {}}},
                                             {owner, {u"p2"_s, u"Prod"_s, {}, {}}}});
        } catch (const std::exception &e) {
            QFAIL(qPrintable(u"the whole group failed: "_s + QString::fromUtf8(e.what())));
        }
        QCOMPARE(made.size(), 4);
        QVERIFY(made.at(0).ok());
        QCOMPARE(made.at(1).error().status, 500);
        QCOMPARE(made.at(2).error().code, u"invalid_name"_s);
        QVERIFY(made.at(3).ok());
        QCOMPARE(f->store->count(u"tokens"_s), 2);
        QCOMPARE(f->store->auditCount(), events + 2);
        const auto chain = f->service->verifyAudit(owner);
        QVERIFY2(chain.ok() && chain->whole, "the audit chain is broken");
        // A lone creation that fails still throws, for its route to answer 500.
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 f->service->createTokens({{owner, {u"d2"_s, u"Dev"_s, {}, {}}}}));
    }

    // Every writer queues at one place before it locks anything else (PostgreSQL: the audit
    // chain's head, right after BEGIN; SQLite: its write lock), so a writer that waits holds
    // no row another writer could wait for, and writers never deadlock. Here a connection of
    // the test's own holds the queue while a server rename, then a plan, waits behind it on a
    // second AccountService of its own (as another worker or instance): the server's row and
    // the account revision's row stay free meanwhile. Before, the rename held the server's row
    // and the plan the revision's row while they waited for the chain's head: a writer
    // holding the head and waiting for either (a token revoked, any change's COMMIT) made a
    // deadlock, which PostgreSQL broke by failing one of them.
    void aWaitingWriterHoldsNothing()
    {
        const Server x = f->server(u"X"_s, {u"Kubernetes"_s});
        const Actor owner = f->actor(u"owner"_s);
        const bool postgres = f->store->isPostgres();
        const auto gateStore = Store::open(f->database, u"rules-gate"_s);
        const auto probeStore = Store::open(f->database, u"rules-probe"_s);
        QSqlQuery gate(QSqlDatabase::database(u"rules-gate"_s));
        QSqlQuery probe(QSqlDatabase::database(u"rules-probe"_s));
        const auto exec = [](QSqlQuery &q, const QString &sql) {
            const bool ok = q.exec(sql);
            if (!ok)
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return ok;
        };
        const auto waitBehindTheGate = [&](const std::function<bool(AccountService &)> &change) {
            QSemaphore ready, go;
            bool done = false;
            std::unique_ptr<QThread> writer(QThread::create([&] {
                const auto store = Store::open(f->database, u"rules-writer"_s);
                ServiceConfig config;
                config.issuer = u"http://127.0.0.1:1"_s;
                config.passwordHash = test::testHashParams();
                config.clock = [this] { return f->clockNow; };
                AccountService service(*store, MasterKey::fromBytes(f->masterKey), config);
                service.initialize();
                ready.release();
                go.acquire();
                done = change(service);
            }));
            writer->start();
            ready.acquire();
            bool released = false;
            const auto finish = qScopeGuard([&] { // also when a check below fails
                if (!released)
                    go.release();
                QSqlQuery(QSqlDatabase::database(u"rules-probe"_s)).exec(u"ROLLBACK"_s);
                QSqlQuery(QSqlDatabase::database(u"rules-gate"_s)).exec(u"ROLLBACK"_s);
                writer->wait(60000);
            });
            QVERIFY(exec(gate, postgres ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s));
            if (postgres)
                QVERIFY(exec(gate,
                             u"SELECT seq FROM audit_chain WHERE chain = 'account' FOR UPDATE"_s));
            go.release();
            released = true;
            if (postgres) {
                // The writer is waiting for a lock...
                QTRY_VERIFY(
                    exec(
                        probe,
                        u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"_s) &&
                    probe.next() && probe.value(0).toInt() == 1);
                // ...and holds neither the server's row nor the revision's.
                QVERIFY(exec(probe, u"BEGIN"_s));
                QVERIFY2(
                    exec(probe,
                         u"SELECT id FROM servers WHERE id = '%1' FOR UPDATE NOWAIT"_s.arg(x.id)),
                    "the waiting writer holds the server's row");
                QVERIFY2(
                    exec(
                        probe,
                        u"SELECT value FROM meta WHERE key = 'account_revision' FOR UPDATE NOWAIT"_s),
                    "the waiting writer holds the account revision's row");
                QVERIFY(exec(probe, u"ROLLBACK"_s));
            }
            QVERIFY(exec(gate, u"ROLLBACK"_s));
            QVERIFY(writer->wait(60000));
            QVERIFY(done);
        };

        waitBehindTheGate([&](AccountService &service) {
            return service.renameServer(owner, u"X"_s, u"X2"_s).ok();
        });
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(f->store->server(x.id)->name, u"X2"_s);

        PlanChange rename;
        rename.op = PlanOp::ServerRename;
        rename.server = u"X2"_s;
        rename.name = u"X3"_s;
        const PlanApplyRequest plan{f->store->accountRevision(), {rename}};
        waitBehindTheGate([&](AccountService &service) {
            const auto applied = service.applyPlan(owner, plan);
            if (!applied.ok())
                qWarning("plan: %s", qPrintable(applied.error().message));
            return applied.ok() && applied->applied == 1;
        });
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(f->store->server(x.id)->name, u"X3"_s);
    }

    void badDurationIsAnErrorNotADefault()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s});
        for (const QString &d : {u"30"_s, u"3y"_s, u"0d"_s, u"-1d"_s, u""_s}) {
            const auto t = f->service->createToken(f->actor(u"owner"_s), u"t"_s, u"Dev"_s, {}, d);
            QCOMPARE(t.error().code, u"invalid_duration"_s);
        }
        QCOMPARE(f->store->count(u"tokens"_s), 0);
    }

    void revokedTokensStayListedAndExpiredIsItsOwnState()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s});
        const Actor owner = f->actor(u"owner"_s);
        const auto a = f->service->createToken(owner, u"a"_s, u"Dev"_s, {}, {});
        const auto b = f->service->createToken(owner, u"b"_s, u"Dev"_s, {}, u"1h"_s);
        QVERIFY(f->service->revokeToken(owner, u"a"_s, {}).ok());
        f->clockNow = f->clockNow.addSecs(7200);
        const auto list = f->service->tokens(owner, {}, {});
        QCOMPARE(list->items.size(), 2);
        QHash<QString, TokenState> state;
        for (const Token &t : list->items)
            state.insert(t.name, t.stateAt(f->service->now()));
        QCOMPARE(state.value(u"a"_s), TokenState::Revoked);
        QCOMPARE(state.value(u"b"_s), TokenState::Expired);
    }

    void tokensVersionCountsTokenChanges()
    {
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s});
        const Actor owner = f->actor(u"owner"_s);
        QCOMPARE(f->store->server(s.id)->tokensVersion, 0);
        f->service->createToken(owner, u"a"_s, u"Dev"_s, {}, {});
        QCOMPARE(f->store->server(s.id)->tokensVersion, 1);
        f->service->renameToken(owner, u"a"_s, {}, u"b"_s);
        QCOMPARE(f->store->server(s.id)->tokensVersion, 2);
        f->service->revokeToken(owner, u"b"_s, {});
        QCOMPARE(f->store->server(s.id)->tokensVersion, 3);
        f->service->revokeToken(owner, u"b"_s, {}); // already revoked: nothing changes
        QCOMPARE(f->store->server(s.id)->tokensVersion, 3);
    }

    void deletingAServerRevokesItsTokens()
    {
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s});
        const Actor owner = f->actor(u"owner"_s);
        f->service->createToken(owner, u"a"_s, u"Dev"_s, {}, {});
        f->service->createToken(owner, u"b"_s, u"Dev"_s, {}, {});
        const qint64 revision = f->store->grantsRevision();
        QVERIFY(f->service->deleteServer(owner, u"Dev"_s).ok());
        QVERIFY(!f->store->server(s.id).has_value());
        const auto list = f->service->tokens(owner, {}, {});
        QCOMPARE(list->items.size(), 2);
        for (const Token &t : list->items) {
            QCOMPARE(t.state, TokenState::Revoked);
            QVERIFY(t.revokedAt.isValid());
        }
        QCOMPARE(f->store->allGrants().size(), 0);
        QCOMPARE(f->store->grantsRevision(), revision + 1);
        QCOMPARE(f->service->server(owner, s.id).error().status, 404);
    }

    void allServersRevokeRemovesEveryServerGrantOfTheGroup()
    {
        const Actor owner = f->actor(u"owner"_s);
        f->server(u"A"_s);
        f->server(u"B"_s);
        bool created = false;
        QVERIFY(f->service->grantGroup(owner, {u"Ops"_s, u"A"_s, false}, &created).ok());
        QVERIFY(f->service->grantGroup(owner, {u"Ops"_s, u"B"_s, false}, &created).ok());
        QVERIFY(f->service->grantGroup(owner, {u"Ops"_s, {}, true}, &created).ok());
        QVERIFY(f->service->grantGroup(owner, {u"Ops"_s, {}, false}, &created).ok()); // manager
        QVERIFY(f->service->grantGroup(owner, {u"Devs"_s, u"A"_s, false}, &created).ok());
        QCOMPARE(f->service->revokeGroup(owner, {u"Ops"_s, {}, true}).value(), 3);
        const QList<GroupGrant> left = f->store->listGroupGrants();
        QCOMPARE(left.size(), 2);
        for (const GroupGrant &g : left) {
            if (g.groupId == f->groups.value(u"Ops"_s).id)
                QCOMPARE(g.kind, GroupGrantKind::Manager);
            else
                QCOMPARE(g.groupId, f->groups.value(u"Devs"_s).id);
        }
        QCOMPARE(f->service->revokeGroup(owner, {u"Ops"_s, {}, true}).error().status, 404);
    }

    void perServerGroupManagesOnlyItsServer()
    {
        const Actor owner = f->actor(u"owner"_s);
        const Server a = f->server(u"A"_s, {u"Kubernetes"_s});
        const Server b = f->server(u"B"_s, {u"Kubernetes"_s});
        bool created = false;
        QVERIFY(f->service->grantGroup(owner, {u"Ops"_s, u"A"_s, false}, &created).ok());
        const Actor ops = f->actor(u"ops"_s);
        QVERIFY(f->service->renameServer(ops, u"A"_s, u"A2"_s).ok());
        QVERIFY(f->service->grantVault(ops, u"A2"_s, u"Customers"_s).ok());
        QVERIFY(f->service->createToken(ops, u"t"_s, u"A2"_s, {}, {}).ok());
        // A token without named vaults gets all of the server's: the caller must reach them all.
        QVERIFY(f->service->grantVault(f->actor(u"owner"_s), u"A2"_s, u"Vendors"_s).ok());
        QCOMPARE(f->service->createToken(ops, u"t2"_s, u"A2"_s, {}, {}).error().status, 403);
        QVERIFY(f->service->createToken(ops, u"t3"_s, u"A2"_s, {{u"Customers"_s, Access::Read}}, {})
                    .ok());

        const auto renameB = f->service->renameServer(ops, u"B"_s, u"B2"_s);
        QCOMPARE(renameB.error().status, 403);
        QVERIFY(renameB.error().message.contains(u"manager"_s));
        QCOMPARE(f->service->deleteServer(ops, u"B"_s).error().status, 403);
        QCOMPARE(f->service->grantVault(ops, u"B"_s, u"Customers"_s).error().status, 403);
        QCOMPARE(f->service->createToken(ops, u"t"_s, u"B"_s, {}, {}).error().status, 403);
        QCOMPARE(f->service->tokens(ops, u"B"_s, {}).error().status, 403);
        QCOMPARE(f->service
                     ->applyGrants(ops, f->store->grantsRevision(),
                                   {{b.id, f->vaults.value(u"Customers"_s).id, true}})
                     .error()
                     .status,
                 403);
        QCOMPARE(f->service->createServer(ops, u"C"_s, {}).error().status, 403);
        const auto list = f->service->servers(ops, {});
        QCOMPARE(list->items.size(), 1);
        QCOMPARE(list->items.first().id, a.id);
        const auto matrix = f->service->grants(ops);
        for (const VaultGrant &g : matrix->grants)
            QCOMPARE(g.serverId, a.id);
        QCOMPARE(f->store->server(b.id)->name, u"B"_s);
    }

    void allServersGroupManagesFutureServers()
    {
        bool created = false;
        QVERIFY(f->service->grantGroup(f->actor(u"owner"_s), {u"Ops"_s, {}, true}, &created).ok());
        f->server(u"Later"_s);
        QVERIFY(f->service->renameServer(f->actor(u"ops"_s), u"Later"_s, u"Renamed"_s).ok());
        QCOMPARE(f->service->createServer(f->actor(u"ops"_s), u"X"_s, {}).error().status, 403);
    }

    void managersCreateServersOthersDoNot()
    {
        QCOMPARE(f->service->createServer(f->actor(u"mgr"_s), u"M"_s, {}).error().status, 403);
        bool created = false;
        QVERIFY(f->service->grantGroup(f->actor(u"owner"_s), {u"Managers"_s, {}, false}, &created)
                    .ok());
        QVERIFY(created);
        QVERIFY(f->service->createServer(f->actor(u"mgr"_s), u"M"_s, {u"Customers"_s}).ok());
        QCOMPARE(f->service->createServer(f->actor(u"nobody"_s), u"N"_s, {}).error().status, 403);
        QCOMPARE(f->service->grantGroup(f->actor(u"nobody"_s), {u"Devs"_s, {}, false}, &created)
                     .error()
                     .status,
                 403);
        QCOMPARE(f->service->audit(f->actor(u"nobody"_s), {}).error().status, 403);
    }

    void aUserCanGrantOnlyVaultsTheyCanAccess()
    {
        bool created = false;
        QVERIFY(f->service->grantGroup(f->actor(u"owner"_s), {u"Devs"_s, {}, true}, &created).ok());
        const Server s = f->server(u"Dev"_s);
        const Actor dev = f->actor(u"dev"_s);
        QVERIFY(f->service->grantVault(dev, u"Dev"_s, u"Kubernetes"_s).ok());
        const auto denied = f->service->grantVault(dev, u"Dev"_s, u"Customers"_s);
        QCOMPARE(denied.error().status, 403);
        QVERIFY(denied.error().message.contains(u"don't have access"_s));
        const auto batch = f->service->applyGrants(
            dev, f->store->grantsRevision(), {{s.id, f->vaults.value(u"Customers"_s).id, true}});
        QCOMPARE(batch.error().status, 403);
        // The owner can't grant OpsOnly either: no access to it.
        QCOMPARE(
            f->service->createServer(f->actor(u"owner"_s), u"X"_s, {u"OpsOnly"_s}).error().status,
            403);
        QCOMPARE(f->store->server(s.id)->vaults, QStringList{f->vaults.value(u"Kubernetes"_s).id});
    }

    void anAmbiguousNameIsAnErrorNamingTheIds()
    {
        const Server one = f->server(u"Dup"_s);
        const Server two = f->server(u"Dup"_s);
        const auto r = f->service->server(f->actor(u"owner"_s), u"Dup"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"ambiguous"_s);
        QVERIFY(r.error().message.contains(displayId(one.id, IdKind::Server)));
        QVERIFY(r.error().message.contains(displayId(two.id, IdKind::Server)));
        QVERIFY(f->service->server(f->actor(u"owner"_s), one.id).ok());
    }

    void anExactIdBeatsAName()
    {
        const Server target = f->server(u"Target"_s);
        // A second server is named exactly like the first one's ID.
        f->server(displayId(target.id, IdKind::Server));
        const auto r = f->service->server(f->actor(u"owner"_s), target.id.toUpper());
        QVERIFY(r.ok());
        QCOMPARE(r->id, target.id);
        const auto lower = f->service->server(f->actor(u"owner"_s), target.id.toLower());
        QCOMPARE(lower->id, target.id);
    }

    void batchAppliesAllOrNothing()
    {
        const Actor owner = f->actor(u"owner"_s);
        const Server s = f->server(u"Dev"_s);
        const qint64 base = f->store->grantsRevision();
        const QList<GrantChange> mixed{{s.id, f->vaults.value(u"Kubernetes"_s).id, true},
                                       {s.id, f->vaults.value(u"Shared"_s).id, true}};
        QCOMPARE(f->service->applyGrants(owner, base, mixed).error().code, u"not_grantable"_s);
        QCOMPARE(f->store->allGrants().size(), 0);
        QCOMPARE(f->store->grantsRevision(), base);

        const QList<GrantChange> good{{s.id, f->vaults.value(u"Kubernetes"_s).id, true},
                                      {s.id, f->vaults.value(u"Customers"_s).id, true}};
        const auto ok = f->service->applyGrants(owner, base, good);
        QVERIFY2(ok.ok(), qPrintable(ok.error().message));
        QCOMPARE(ok->applied, 2);
        QCOMPARE(ok->revision, base + 1);
        QCOMPARE(f->store->allGrants().size(), 2);
    }

    void aVaultYouCantSeeIsNotFoundInABatchToo()
    {
        // Another user's Private vault: the batch answers exactly as the single-cell route
        // does (404, same sentence), whether the change grants or revokes, and names
        // nothing about it.
        const Actor owner = f->actor(u"owner"_s);
        const Server s = f->server(u"Dev"_s);
        const Vault hidden =
            f->service->addVault(u"Private"_s, VaultType::Personal, f->users.value(u"ops"_s).id);
        const QString ref = displayId(hidden.id, IdKind::Vault);
        const auto single = f->service->grantVault(owner, s.id, ref);
        QCOMPARE(single.error().status, 404);
        const qint64 revision = f->store->grantsRevision();
        for (const bool granted : {true, false}) {
            const auto batch =
                f->service->applyGrants(owner, revision, {{s.id, hidden.id, granted}});
            QVERIFY(!batch.ok());
            QCOMPARE(batch.error().status, 404);
            QCOMPARE(batch.error().code, single.error().code);
            QCOMPARE(batch.error().message, single.error().message);
            QVERIFY(!batch.error().extra.contains(u"vault_type"_s));
        }
        // The single-cell revoke says the same.
        QCOMPARE(f->service->revokeVault(owner, s.id, ref).error().message, single.error().message);
        QCOMPARE(f->store->grantsRevision(), revision);
    }

    void staleBatchIsRefusedWithTheCurrentRevision()
    {
        const Actor owner = f->actor(u"owner"_s);
        const Server s = f->server(u"Dev"_s);
        const qint64 base = f->store->grantsRevision();
        QVERIFY(f->service->grantVault(owner, u"Dev"_s, u"Kubernetes"_s).ok());
        const auto stale = f->service->applyGrants(
            owner, base, {{s.id, f->vaults.value(u"Customers"_s).id, true}});
        QCOMPARE(stale.error().status, 409);
        QCOMPARE(stale.error().code, u"stale_revision"_s);
        QCOMPARE(stale.error().extra.value(u"revision"_s).toInteger(), base + 1);
        QCOMPARE(f->store->allGrants().size(), 1);
    }

    void batchOfTenThousandChangesAppliesInOneTransaction()
    {
        const Actor owner = f->actor(u"owner"_s);
        // 100 servers x 100 vaults the owner can access.
        QStringList serverIds, vaultIds;
        for (int i = 0; i < 100; ++i)
            serverIds.append(f->server(u"s%1"_s.arg(i)).id);
        for (int i = 0; i < 100; ++i) {
            const Vault v = f->service->addVault(u"v%1"_s.arg(i), VaultType::UserCreated);
            f->service->giveVaultToGroup(v, f->groups.value(u"Owners"_s));
            vaultIds.append(v.id);
        }
        QList<GrantChange> changes;
        for (const QString &s : serverIds)
            for (const QString &v : vaultIds)
                changes.append({s, v, true});
        const qint64 audits = f->store->auditCount();
        const auto r = f->service->applyGrants(owner, f->store->grantsRevision(), changes);
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r->applied, 10000);
        QCOMPARE(f->store->allGrants().size(), 10000);
        QCOMPARE(f->store->auditCount(), audits + 1);
    }

    void everyChangeWritesOneAuditEvent()
    {
        const Actor owner = f->actor(u"owner"_s);
        qint64 n = f->store->auditCount();
        auto expectOneMore = [&](const char *what) {
            const qint64 now = f->store->auditCount();
            QVERIFY2(now == n + 1, what);
            n = now;
        };
        f->service->createServer(owner, u"A"_s, {u"Kubernetes"_s});
        expectOneMore("create");
        f->service->renameServer(owner, u"A"_s, u"B"_s);
        expectOneMore("rename");
        f->service->grantVault(owner, u"B"_s, u"Customers"_s);
        expectOneMore("grant");
        f->service->revokeVault(owner, u"B"_s, u"Customers"_s);
        expectOneMore("revoke");
        f->service->createToken(owner, u"t"_s, u"B"_s, {}, {});
        expectOneMore("token create");
        f->service->renameToken(owner, u"t"_s, {}, u"u"_s);
        expectOneMore("token rename");
        f->service->revokeToken(owner, u"u"_s, {});
        expectOneMore("token revoke");
        bool created = false;
        f->service->grantGroup(owner, {u"Ops"_s, {}, false}, &created);
        expectOneMore("group grant");
        f->service->revokeGroup(owner, {u"Ops"_s, {}, false});
        expectOneMore("group revoke");
        f->service->deleteServer(owner, u"B"_s);
        expectOneMore("delete");
        // Refused changes write nothing.
        f->service->createServer(owner, u"C"_s, {u"Shared"_s});
        QCOMPARE(f->store->auditCount(), n);
        const auto events = f->service->audit(owner, {});
        QCOMPARE(events->items.first().action, u"server.delete"_s);
    }

    void revokingAVaultTheServerLacksIsNotFound()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s});
        const auto r = f->service->revokeVault(f->actor(u"owner"_s), u"Dev"_s, u"Customers"_s);
        QCOMPARE(r.error().status, 404);
        QCOMPARE(f->store->allGrants().size(), 1);
    }

    void namesAreValidated()
    {
        const Actor owner = f->actor(u"owner"_s);
        QCOMPARE(f->service->createServer(owner, u"   "_s, {}).error().code, u"invalid_name"_s);
        QCOMPARE(f->service->createServer(owner, u"a\u0007b"_s, {}).error().code,
                 u"invalid_name"_s);
        QCOMPARE(f->service->createServer(owner, QString(201, u'x'), {}).error().code,
                 u"invalid_name"_s);
        const auto ok = f->service->createServer(owner, u"  Prod: «EU» 🚀  "_s, {});
        QVERIFY(ok.ok());
        QCOMPARE(ok->server.name, u"Prod: «EU» 🚀"_s);
    }

    void credentialsFileMatchesTheServersTokens()
    {
        const auto created =
            f->service->createServer(f->actor(u"owner"_s), u"Dev"_s, {u"Kubernetes"_s});
        QVERIFY(created.ok());
        const QJsonObject c = created->credentials;
        QCOMPARE(c.value(u"version"_s).toString(), u"2"_s);
        QCOMPARE(c[u"encCredentials"_s][u"enc"_s].toString(), u"A256GCM"_s);
        QCOMPARE(c[u"encCredentials"_s][u"cty"_s].toString(), u"b5+jwk+json"_s);
        QCOMPARE(c[u"uniqueKey"_s][u"kty"_s].toString(), u"oct"_s);
        const auto token = f->service->createToken(f->actor(u"owner"_s), u"t"_s, u"Dev"_s, {}, {});
        const QByteArray secret = *crypto::fromBase64Url(
            jwtClaims(token->jwt).value(u"1password.com/token"_s).toString().toLatin1());
        const QByteArray salt =
            *crypto::fromBase64Url(c[u"verifier"_s][u"salt"_s].toString().toLatin1());
        QCOMPARE(crypto::base64Url(crypto::hmacSha256(salt, secret)),
                 c[u"verifier"_s][u"localHash"_s].toString().toLatin1());
        const QByteArray key = crypto::hkdfSha256(secret, salt, "connect-admin/credentials/v1", 32);
        const auto plain = crypto::aesGcmDecrypt(
            key, *crypto::fromBase64Url(c[u"encCredentials"_s][u"iv"_s].toString().toLatin1()),
            *crypto::fromBase64Url(c[u"encCredentials"_s][u"data"_s].toString().toLatin1()));
        QVERIFY(plain.has_value());
        QCOMPARE(QJsonDocument::fromJson(*plain).object().value(u"server"_s).toString(),
                 displayId(created->server.id, IdKind::Server));
        // The database keeps the secret only sealed.
        QVERIFY(!f->store->serverSecret(created->server.id).contains(secret));
    }

    void sessionsExpireAndSignOutEnds()
    {
        const StoredUser u = *f->store->userByEmail(u"owner@test.example"_s);
        SessionInfo s =
            f->service->finishSignIn({u, u.passwordHash}, true, u.user.email, u"peer"_s).value();
        const QByteArray header = "Bearer " + s.token.toLatin1();
        QVERIFY(f->service->authenticate(header).ok());
        QCOMPARE(f->service->authenticate("Bearer nonsense").error().status, 401);
        QCOMPARE(f->service->authenticate({}).error().status, 401);
        QCOMPARE(f->service->authenticate("Basic abc").error().status, 401);
        // Only a hash of the session token is stored: while the session lives, its row is
        // found by the SHA-256 of the token and not by the token itself.
        QVERIFY(f->store->session(crypto::sha256(s.token.toLatin1())).has_value());
        QVERIFY(!f->store->session(s.token.toLatin1()).has_value());
        QCOMPARE(f->store->count(u"sessions"_s), 1);
        f->clockNow = f->clockNow.addSecs(13 * 3600);
        QCOMPARE(f->service->authenticate(header).error().code, u"session_expired"_s);
        f->clockNow = f->clockNow.addSecs(-13 * 3600);
        const Actor a = f->service->authenticate(header).value();
        f->service->signOut(a);
        QCOMPARE(f->service->authenticate(header).error().status, 401);
        QCOMPARE(f->store->count(u"sessions"_s), 0);
    }

    void parallelGuessesRevealNoMoreThanTheLimit()
    {
        // Eight guesses in flight at once (the password checks not finished yet), one of them
        // right, the address spelt differently each time. Only five wrong answers are ever
        // given; whatever finishes after the fifth is refused (429), the right guess too, so
        // a burst of guesses learns no more than five one after the other would.
        const StoredUser u = *f->store->userByEmail(u"owner@test.example"_s);
        const QStringList spellings{u"owner@test.example"_s,     u" owner@test.example"_s,
                                    u"OWNER@test.example"_s,     u"owner@test.example "_s,
                                    u"Owner@Test.Example"_s,     u"owner@TEST.example"_s,
                                    u"  OWNER@TEST.EXAMPLE  "_s, u"owner@test.EXAMPLE"_s};
        QList<AccountService::SignInAttempt> attempts;
        for (const QString &email : spellings) {
            const auto a = f->service->beginSignIn(email, u"10.0.0.%1"_s.arg(attempts.size()));
            QVERIFY(a.ok());
            attempts.append(*a);
        }
        for (int i = 0; i < 5; ++i)
            QCOMPARE(f->service->finishSignIn(attempts.at(i), false, spellings.at(i), u"x"_s)
                         .error()
                         .status,
                     401);
        const auto right = f->service->finishSignIn(attempts.at(5), true, spellings.at(5), u"x"_s);
        QCOMPARE(right.error().status, 429);
        QCOMPARE(
            f->service->finishSignIn(attempts.at(6), false, spellings.at(6), u"x"_s).error().status,
            429);
        QCOMPARE(f->store->count(u"sessions"_s), 0);
        QCOMPARE(f->service->beginSignIn(u.user.email, u"10.0.0.9"_s).error().status, 429);
    }

    void correctSignInsAreNeverThrottled()
    {
        // Ten at once for one user, then twenty-five in a row from one address: all succeed.
        const StoredUser u = *f->store->userByEmail(u"owner@test.example"_s);
        QList<AccountService::SignInAttempt> attempts;
        for (int i = 0; i < 10; ++i) {
            const auto a = f->service->beginSignIn(u.user.email, u"10.0.0.1"_s);
            QVERIFY2(a.ok(), qPrintable(a.error().message));
            attempts.append(*a);
        }
        for (const auto &a : attempts)
            QVERIFY(f->service->finishSignIn(a, true, u.user.email, u"10.0.0.1"_s).ok());
        for (int i = 0; i < 25; ++i) {
            const auto a = f->service->beginSignIn(u.user.email, u"10.0.0.2"_s);
            QVERIFY2(a.ok(), qPrintable(a.error().message));
            QVERIFY(f->service->finishSignIn(*a, true, u.user.email, u"10.0.0.2"_s).ok());
        }
        // Failures still count, per address too: twenty wrong passwords for other users
        // from one address lock that address, not the users elsewhere.
        const StoredUser ops = *f->store->userByEmail(u"ops@test.example"_s);
        for (int i = 0; i < 20; ++i) {
            const QString email = u"guess%1@test.example"_s.arg(i);
            const auto a = f->service->beginSignIn(email, u"10.9.9.9"_s);
            QVERIFY(a.ok());
            QCOMPARE(f->service->finishSignIn(*a, false, email, u"10.9.9.9"_s).error().status, 401);
        }
        QCOMPARE(f->service->beginSignIn(ops.user.email, u"10.9.9.9"_s).error().status, 429);
        QVERIFY(f->service->beginSignIn(ops.user.email, u"10.0.0.3"_s).ok());
    }

    void emptyAndNoOpBatchesLeaveTheRevision()
    {
        const Actor nobody = f->actor(u"nobody"_s);
        const qint64 revision = f->store->grantsRevision();
        const qint64 audits = f->store->auditCount();
        QCOMPARE(f->service->applyGrants(nobody, revision, {}).error().code, u"empty_batch"_s);
        const Server s = f->server(u"Dev"_s, {u"Kubernetes"_s});
        const qint64 afterCreate = f->store->grantsRevision();
        // Granting what is already granted changes nothing: no new revision that would
        // make everyone else's batch stale, no audit event.
        const auto noop = f->service->applyGrants(
            f->actor(u"owner"_s), afterCreate, {{s.id, f->vaults.value(u"Kubernetes"_s).id, true}});
        QVERIFY(noop.ok());
        QCOMPARE(noop->applied, 0);
        QCOMPARE(noop->revision, afterCreate);
        QCOMPARE(f->store->grantsRevision(), afterCreate);
        QCOMPARE(f->store->auditCount(), audits + 1); // only the server's creation
        Q_UNUSED(revision);
    }

    void lookupsLookAmongYourOwnServersFirst()
    {
        const Server mine = f->server(u"Payments API"_s, {u"Kubernetes"_s});
        const Server theirs = f->server(u"Payments API"_s);
        const Server hidden = f->server(u"Secret project"_s);
        bool created = false;
        QVERIFY(f->service->grantGroup(f->actor(u"owner"_s), {u"Ops"_s, mine.id, false}, &created)
                    .ok());
        const Actor ops = f->actor(u"ops"_s);
        // The name is ambiguous for the owner, not for Ops, who manages only one of them.
        QCOMPARE(f->service->server(f->actor(u"owner"_s), u"Payments API"_s).error().code,
                 u"ambiguous"_s);
        const auto found = f->service->server(ops, u"Payments API"_s);
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        QCOMPARE(found->id, mine.id);
        // A server Ops can't manage: refused with what is missing, and no IDs.
        const auto refused = f->service->renameServer(ops, u"Secret project"_s, u"x"_s);
        QCOMPARE(refused.error().status, 403);
        QVERIFY(!refused.error().message.contains(displayId(hidden.id, IdKind::Server)));
        QCOMPARE(f->service->server(ops, u"No such server"_s).error().status, 404);
        Q_UNUSED(theirs);
    }

    void aRevokedTokensNameCanBeUsedAgain()
    {
        f->server(u"Dev"_s, {u"Kubernetes"_s});
        const Actor owner = f->actor(u"owner"_s);
        const auto old = f->service->createToken(owner, u"deploy"_s, u"Dev"_s, {}, {});
        QVERIFY(f->service->revokeToken(owner, u"deploy"_s, {}).ok());
        const auto fresh = f->service->createToken(owner, u"deploy"_s, u"Dev"_s, {}, {});
        // "deploy" now means the live token, not an ambiguity with the revoked one.
        const auto renamed = f->service->renameToken(owner, u"deploy"_s, {}, u"deploy v2"_s);
        QVERIFY2(renamed.ok(), qPrintable(renamed.error().message));
        QCOMPARE(renamed->id, fresh->token.id);
        // The revoked one is still reachable by its name once no live token has it.
        QCOMPARE(f->service->renameToken(owner, u"deploy"_s, {}, u"deploy v1"_s)->id,
                 old->token.id);
    }

    void repeatedFailedSignInsAreRefused()
    {
        const StoredUser u = *f->store->userByEmail(u"owner@test.example"_s);
        for (int i = 0; i < 5; ++i) {
            const auto attempt = f->service->beginSignIn(u.user.email, u"1.2.3.4"_s);
            QVERIFY(attempt.ok());
            QCOMPARE(f->service->finishSignIn(*attempt, false, u.user.email, u"1.2.3.4"_s)
                         .error()
                         .status,
                     401);
        }
        const auto refused = f->service->beginSignIn(u.user.email, u"1.2.3.4"_s);
        QCOMPARE(refused.error().status, 429);
        QVERIFY(refused.error().extra.value(u"retry_after"_s).toInteger() > 0);
        f->clockNow = f->clockNow.addSecs(16 * 60);
        QVERIFY(f->service->beginSignIn(u.user.email, u"1.2.3.4"_s).ok());
    }

    // ---- the filtered audit log
private:
    // A small history: ops and the owner change things on two servers.
    void auditHistory()
    {
        const Actor owner = f->actor(u"owner"_s);
        bool created = false;
        f->server(u"Prod"_s, {u"Kubernetes"_s});
        f->server(u"Dev"_s, {u"Customers"_s});
        QVERIFY(f->service->grantGroup(owner, {u"Ops"_s, u"Prod"_s, false}, &created).ok());
        const Actor ops = f->actor(u"ops"_s);
        QVERIFY(
            f->service->createToken(ops, u"ci"_s, u"Prod"_s, {{u"Kubernetes"_s, Access::Read}}, {})
                .ok());
        QVERIFY(f->service->renameServer(ops, u"Prod"_s, u"Production"_s).ok());
        QVERIFY(f->service->grantVault(owner, u"Dev"_s, u"Kubernetes"_s).ok());
    }

    QStringList actions(const Result<Page<AuditEvent>> &r)
    {
        QStringList out;
        if (!r.ok())
            return {u"error: "_s + r.error().message};
        for (const AuditEvent &e : r->items)
            out.append(e.action);
        return out;
    }

    // Every matching event's name, newest first, read in pages of pageSize through the
    // cursors; false if a page is refused.
    bool pageThrough(const AuditQuery &q, int pageSize, QStringList &names)
    {
        PageRequest page{pageSize, {}};
        for (;;) {
            const auto r = f->service->auditEvents(f->actor(u"owner"_s), q, page);
            if (!r.ok())
                return false;
            for (const AuditEvent &e : r->items)
                names.append(e.detail.value(u"name"_s).toString());
            if (r->nextCursor.isEmpty())
                return true;
            page.after = r->nextCursor;
        }
    }

    Result<Page<AuditEvent>> audit(const AuditQuery &q, int limit = 100)
    {
        return f->service->auditEvents(f->actor(u"owner"_s), q, {limit, {}});
    }

private slots:
    void auditFiltersByActor()
    {
        auditHistory();
        const QStringList expected{u"server.rename"_s, u"token.create"_s};
        QCOMPARE(actions(audit({u"ops@test.example"_s, {}, {}, {}, {}, {}})), expected);
        QCOMPARE(actions(audit({f->users.value(u"ops"_s).id.toUpper(), {}, {}, {}, {}, {}})),
                 expected);
        QCOMPARE(audit({u"nobody@else.example"_s, {}, {}, {}, {}, {}}).error().status, 404);
        QCOMPARE(audit({u"not an id"_s, {}, {}, {}, {}, {}}).error().status, 400);
    }

    void auditFiltersByActionAndKind()
    {
        auditHistory();
        QCOMPARE(actions(audit({{}, u"server.create"_s, {}, {}, {}, {}})),
                 (QStringList{u"server.create"_s, u"server.create"_s}));
        // A kind: every server.* action, and nothing of server_x or grants.
        QCOMPARE(actions(audit({{}, u"server"_s, {}, {}, {}, {}})),
                 (QStringList{u"server.rename"_s, u"server.create"_s, u"server.create"_s}));
        QCOMPARE(audit({{}, u"DROP TABLE"_s, {}, {}, {}, {}}).error().status, 400);
    }

    void auditFiltersByObject()
    {
        auditHistory();
        // Events about Prod: its creation, the group grant naming it, the token on it, the
        // rename; by name or by ID (also after the rename, under the new name).
        const QStringList prod{u"server.rename"_s, u"token.create"_s, u"group.grant"_s,
                               u"server.create"_s};
        QCOMPARE(actions(audit({{}, {}, u"server:Production"_s, {}, {}, {}})), prod);
        const QString prodId = f->store->serverCandidates(u"Production"_s).first().id;
        QCOMPARE(actions(audit({{}, {}, prodId.toUpper(), {}, {}, {}})), prod);
        // Events naming the vault Kubernetes: its creation, both servers' grants, the token.
        QCOMPARE(actions(audit({{}, {}, u"vault:Kubernetes"_s, {}, {}, {}})),
                 (QStringList{u"vault.grant"_s, u"token.create"_s, u"server.create"_s,
                              u"vault.group_access.add"_s, u"vault.group_access.add"_s,
                              u"vault.group_access.add"_s, u"vault.create"_s}));
        QCOMPARE(actions(audit({{}, {}, u"token:ci"_s, {}, {}, {}})),
                 (QStringList{u"token.create"_s}));
        QCOMPARE(audit({{}, {}, u"server:Nowhere"_s, {}, {}, {}}).error().status, 404);
        QCOMPARE(audit({{}, {}, u"Nowhere"_s, {}, {}, {}}).error().status, 400);
    }

    void auditFiltersByTimeAndText()
    {
        const QDateTime start = f->clockNow;
        f->clockNow = start.addDays(1);
        f->server(u"Early"_s);
        f->clockNow = start.addDays(3);
        // A name with characters no random ID has (IDs are base32: a-z, 2-7), so that the
        // free-text search below can only find it (one run failed when an ID held "late").
        f->server(u"Late-0"_s);
        const QString day2 = start.addDays(2).toString(Qt::ISODate);
        QCOMPARE(actions(audit({{}, u"server"_s, {}, day2, {}, {}})),
                 (QStringList{u"server.create"_s}));
        QCOMPARE(audit({{}, u"server"_s, {}, day2, {}, {}})->items.first().detail.value(u"name"_s),
                 u"Late-0"_s);
        QCOMPARE(audit({{}, u"server"_s, {}, {}, day2, {}})->items.first().detail.value(u"name"_s),
                 u"Early"_s);
        QCOMPARE(audit({{}, {}, {}, u"yesterday"_s, {}, {}}).error().status, 400);
        // Free text, case-insensitive, wildcards taken literally.
        QCOMPARE(actions(audit({{}, {}, {}, {}, {}, u"lAtE-0"_s})),
                 (QStringList{u"server.create"_s}));
        QCOMPARE(audit({{}, {}, {}, {}, {}, u"%"_s})->items.size(), 0);
        // Through the text index (3 characters or more) and without it (fewer), the same: a
        // quote, a percent sign and an underscore are text like any other.
        f->server(u"Quoted \"x\" 50%_done"_s);
        const QStringList texts{u"\"x\" 50%_d"_s, u"X\" 5"_s, u"%_"_s};
        for (const QString &text : texts) {
            const auto r = audit({{}, {}, {}, {}, {}, text});
            QVERIFY2(r.ok() && r->items.size() == 1, qPrintable(text));
            QCOMPARE(r->items.first().detail.value(u"name"_s).toString(),
                     u"Quoted \"x\" 50%_done"_s);
        }
        bool found = false;
        const auto shortText = audit({{}, {}, {}, {}, {}, u"-0"_s});
        QVERIFY(shortText.ok());
        for (const AuditEvent &e : shortText->items)
            found |= e.detail.value(u"name"_s).toString() == u"Late-0";
        QVERIFY(found);
        // The action and the target are searched too, not only the detail.
        QVERIFY(!audit({{}, {}, {}, {}, {}, u"SERVER.CREA"_s})->items.isEmpty());
    }

    void auditTextSearchPagesNewestFirst()
    {
        for (int i = 0; i < 5; ++i)
            f->server(u"Paged-%1"_s.arg(i));
        QStringList names;
        QVERIFY(pageThrough({{}, {}, {}, {}, {}, u"paged-"_s}, 2, names));
        QCOMPARE(names, (QStringList{u"Paged-4"_s, u"Paged-3"_s, u"Paged-2"_s, u"Paged-1"_s,
                                     u"Paged-0"_s}));
    }

    void auditPagesNewestFirstWithFilters()
    {
        for (int i = 0; i < 7; ++i)
            f->server(u"S%1"_s.arg(i));
        QStringList names;
        QVERIFY(pageThrough({{}, u"server.create"_s, {}, {}, {}, {}}, 3, names));
        QCOMPARE(names,
                 (QStringList{u"S6"_s, u"S5"_s, u"S4"_s, u"S3"_s, u"S2"_s, u"S1"_s, u"S0"_s}));
    }

    void auditNeedsManagerRights()
    {
        QCOMPARE(f->service->auditEvents(f->actor(u"ops"_s), {}, {}).error().status, 403);
        QCOMPARE(f->service->verifyAudit(f->actor(u"ops"_s)).error().status, 403);
        const auto v = f->service->verifyAudit(f->actor(u"owner"_s));
        QVERIFY(v.ok());
        QVERIFY(v->whole);
        QCOMPARE(v->count, f->store->auditCount());
    }

    // ---- who can reach a vault

    void vaultAccessListsServersTokensAndGroups()
    {
        auditHistory(); // Production and Dev have Kubernetes; ci names it; Ops manages Prod
        const Actor owner = f->actor(u"owner"_s);
        bool created = false;
        QVERIFY(f->service->grantGroup(owner, {u"Managers"_s, {}, false}, &created).ok());
        QVERIFY(f->service
                    ->createToken(owner, u"other"_s, u"Dev"_s, {{u"Customers"_s, Access::Read}}, {})
                    .ok());
        const auto a = f->service->vaultAccess(owner, u"Kubernetes"_s);
        QVERIFY2(a.ok(), qPrintable(a.error().message));
        QCOMPARE(a->vault.name, u"Kubernetes"_s);
        QCOMPARE(a->servers.size(), 2);
        const VaultAccessServer &dev = a->servers.at(0); // by name
        const VaultAccessServer &prod = a->servers.at(1);
        QCOMPARE(dev.server.name, u"Dev"_s);
        QCOMPARE(dev.tokens.size(), 0); // "other" names only Customers
        QCOMPARE(prod.server.name, u"Production"_s);
        QCOMPARE(prod.tokens.size(), 1);
        QCOMPARE(prod.tokens.first().name, u"ci"_s);
        QCOMPARE(prod.tokens.first().vaults.first().access, Access::Read);
        QCOMPARE(prod.groups.size(), 2);
        QCOMPARE(prod.groups.at(0).group.name, u"Managers"_s);
        QCOMPARE(prod.groups.at(0).kind, GroupGrantKind::Manager);
        QCOMPARE(prod.groups.at(1).group.name, u"Ops"_s);
        QCOMPARE(prod.groups.at(1).kind, GroupGrantKind::Server);
        QCOMPARE(dev.groups.size(), 1); // Managers only
    }

    void vaultAccessShowsOnlyServersTheCallerSees()
    {
        auditHistory();
        const auto a = f->service->vaultAccess(f->actor(u"ops"_s), u"Kubernetes"_s);
        QVERIFY(a.ok());
        QCOMPARE(a->servers.size(), 1);
        QCOMPARE(a->servers.first().server.name, u"Production"_s);
    }

    void vaultAccessOfAVaultTheCallerCantSeeIsNotFound()
    {
        // The owner's Private vault is invisible to everyone else.
        QCOMPARE(f->service->vaultAccess(f->actor(u"ops"_s), u"Private"_s).error().status, 404);
        QCOMPARE(f->service->vaultAccess(f->actor(u"ops"_s), f->vaults.value(u"Private"_s).id)
                     .error()
                     .status,
                 404);
        QCOMPARE(f->service->vaultAccess(f->actor(u"owner"_s), u"Nowhere"_s).error().status, 404);
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"

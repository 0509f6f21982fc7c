// Access as code (issue 14) against the real service on loopback, on SQLite and PostgreSQL:
// export and plan round trips, an edit planned exactly and applied, drift refused with
// nothing applied, a plan refused half-way applying nothing, and every file error with its
// line and column.
#include "../support/TestSupport.h"
#include "client/AccessPlan.h"
#include "client/AccountSnapshotLoader.h"
#include "client/ApiClient.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/JsonDecoder.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;
using namespace ca::test;

namespace {

AccessConfig parsed(const QByteArray &yaml)
{
    const ConfigParse p = parseAccessConfig(yaml);
    for (const ConfigError &e : p.errors)
        qWarning("%s", qPrintable(e.text(u"config.yaml"_s)));
    if (!p.errors.isEmpty())
        qFatal("the configuration has errors");
    return p.config;
}

QStringList lines(const AccessPlan &plan)
{
    QStringList out;
    for (const PlanItem &i : plan.items)
        out.append(QString::number(int(i.action)) + u' ' + i.description);
    return out;
}

} // namespace

class TestAccess : public QObject
{
    Q_OBJECT
    std::unique_ptr<RunningService> m_svc;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;

    AccountSnapshot snapshot()
    {
        Waiter<Result<AccountSnapshot>> w;
        loadAccountSnapshot(*m_client, this, w.callback());
        return ok(w.wait());
    }

    AccessPlan plan(const QByteArray &yaml) { return makeAccessPlan(parsed(yaml), snapshot()); }

    Result<AppliedPlan> apply(const AccessPlan &p)
    {
        Waiter<Result<AppliedPlan>> w;
        m_client->applyPlan(p.request(), this, w.callback());
        return w.wait();
    }

    qint64 auditCount() { return m_svc->openDatabase()->auditCount(); }

private slots:
    void initTestCase() { m_svc = startService(); }
    void init()
    {
        m_client = std::make_unique<ApiClient>(&m_nam);
        m_client->setBaseUrl(QUrl(m_svc->url));
        Waiter<Result<SessionInfo>> w;
        m_client->signIn(u"owner@sandbox.example"_s, m_svc->ownerPassword, this, w.callback());
        QVERIFY(w.wait().ok());
    }
    void cleanup() { m_client.reset(); }

    void exportIsStableAndPlansNothing()
    {
        const AccountSnapshot first = snapshot();
        QVERIFY(first.revision > 0);
        QVERIFY(!first.servers.isEmpty());
        const QByteArray yaml = exportAccessConfig(first);
        QCOMPARE(exportAccessConfig(snapshot()), yaml); // twice: the same bytes
        QVERIFY(yaml.contains("name: Staging cluster"));
        QVERIFY(yaml.contains("managers:"));
        QVERIFY(!yaml.contains("eyJ")); // never a JWT
        const AccessPlan p = plan(yaml);
        QVERIFY2(p.ok(), qPrintable(p.errors.value(0).message));
        QVERIFY2(p.empty(), qPrintable(p.text()));
        QCOMPARE(p.baseRevision, first.revision);
        QVERIFY(p.summary().startsWith(u"No changes"_s));
    }

    // A token keeps naming a vault its server has lost since; the file still says exactly
    // the account, and changing such a token's scope is refused.
    void tokenOfALostVaultRoundTrips()
    {
        Waiter<Result<CreatedServer>> server;
        m_client->createServer(u"Lost"_s, {u"Customers"_s}, this, server.callback());
        ok(server.wait());
        Waiter<Result<CreatedToken>> token;
        m_client->createToken({u"keeps"_s, u"Lost"_s, {{u"Customers"_s, Access::Read}}, {}}, this,
                              token.callback());
        ok(token.wait());
        Waiter<Result<Server>> revoked;
        m_client->revokeVault(u"Lost"_s, u"Customers"_s, this, revoked.callback());
        ok(revoked.wait());
        QByteArray yaml = exportAccessConfig(snapshot());
        const AccessPlan p = plan(yaml);
        QVERIFY2(p.ok() && p.empty(), qPrintable(p.text() + p.errors.value(0).message));
        yaml.replace("          Customers: r\n", "          Customers: rw\n");
        const AccessPlan rescoped = makeAccessPlan(parsed(yaml), snapshot());
        QCOMPARE(rescoped.errors.size(), 1);
        QVERIFY2(rescoped.errors.first().message.contains(u"never re-scoped"_s),
                 qPrintable(rescoped.errors.first().message));
    }

    // An edit of the exported file plans exactly that edit; applied, the file matches.
    void editPlansExactlyItAndApplies()
    {
        QByteArray yaml = exportAccessConfig(snapshot());
        // A new server with a vault, a group managing it and a token; Staging cluster renamed.
        yaml.replace("- name: Staging cluster\n", "- name: Staging\n");
        yaml.replace("\nservers:\n", "\nservers:\n"
                                     "  - name: Edge\n"
                                     "    vaults:\n"
                                     "      - Vendors\n"
                                     "    groups:\n"
                                     "      - Operations\n"
                                     "    tokens:\n"
                                     "      - name: edge-reader\n"
                                     "        vaults:\n"
                                     "          Vendors: r\n"
                                     "        expires_in: 30d\n");
        const AccessPlan p = plan(yaml);
        QVERIFY2(p.ok(), qPrintable(p.errors.value(0).text(u"f"_s)));
        const QStringList got = lines(p);
        const QStringList want{
            u"0 create the server \"Edge\" (its credentials file is saved once)"_s,
            u"1 rename the server \"Staging cluster\" to \"Staging\" (ID %1)"_s.arg(
                p.items.at(1).change.server),
            u"0 grant the vault \"Vendors\" to the server \"Edge\""_s,
            u"0 issue the token \"edge-reader\" on the server \"Edge\" (Vendors,r; expires in "
            "30d): its JWT is shown once"_s,
            u"0 add the group \"Operations\" managing the server \"Edge\""_s,
        };
        QCOMPARE(got, want);
        QCOMPARE(p.summary(),
                 u"Plan: 4 to add, 1 to change, 0 to remove (against revision %1)."_s.arg(
                     p.baseRevision));
        const AppliedPlan applied = ok(apply(p));
        QCOMPARE(applied.applied, 5);
        QCOMPARE(applied.servers.size(), 1);
        QVERIFY(!applied.servers.first().credentials.isEmpty());
        QCOMPARE(applied.tokens.size(), 1);
        QCOMPARE(applied.tokens.first().jwt.count(u'.'), 2);
        QVERIFY(applied.revision > p.baseRevision);
        // The same file again: nothing to do.
        const AccessPlan again = plan(yaml);
        QVERIFY2(again.ok(), qPrintable(again.errors.value(0).text(u"f"_s)));
        QVERIFY2(again.empty(), qPrintable(again.text()));
        // And removing what was added plans its removal.
        const int at = yaml.indexOf("  - name: Edge\n");
        const int end = yaml.indexOf("\n  - name: ", at) + 1; // the next server
        QByteArray without = yaml;
        without.remove(at, end - at);
        const AccessPlan removal = plan(without);
        QCOMPARE(removal.items.size(), 1);
        QCOMPARE(removal.items.first().change.op, PlanOp::ServerDelete);
        ok(apply(removal));
        QVERIFY(plan(without).empty());
    }

    // Someone changes the account between plan and apply: 409 and none of the plan applied.
    void driftIsRefusedWithNothingApplied()
    {
        QByteArray yaml = exportAccessConfig(snapshot());
        yaml.replace("managers:\n", "managers:\n    - Finance\n");
        const AccessPlan p = plan(yaml);
        QCOMPARE(p.items.size(), 1);
        Waiter<Result<Server>> drift;
        m_client->grantVault(u"CI runners"_s, u"Marketing"_s, this, drift.callback());
        ok(drift.wait());
        const qint64 events = auditCount();
        const Result<AppliedPlan> refused = apply(p);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().status, 409);
        QCOMPARE(refused.error().code, u"stale_revision"_s);
        QVERIFY(refused.error().extra.value(u"revision"_s).toInteger() > p.baseRevision);
        QCOMPARE(auditCount(), events);
        const AccountSnapshot now = snapshot();
        QVERIFY(std::none_of(now.groupGrants.cbegin(), now.groupGrants.cend(),
                             [&](const GroupGrant &g) {
                                 return g.groupId == canonicalId(p.items.first().change.group);
                             }));
        // Planned again on the new state, it applies.
        ok(apply(plan(yaml)));
        QVERIFY(plan(yaml).empty());
    }

    // A change the rules refuse in the middle of a plan: the changes before it go too.
    void refusedChangeAppliesNothing()
    {
        const AccountSnapshot before = snapshot();
        const auto personal = std::find_if(before.vaults.cbegin(), before.vaults.cend(),
                                           [](const Vault &v) { return !v.grantable(); });
        QVERIFY(personal != before.vaults.cend());
        PlanApplyRequest request;
        request.baseRevision = before.revision;
        request.changes = {
            {PlanOp::ServerCreate, {}, {}, {}, {}, u"Half"_s},
            {PlanOp::VaultGrant, u"Half"_s, displayId(personal->id, IdKind::Vault)},
        };
        const qint64 events = auditCount();
        Waiter<Result<AppliedPlan>> w;
        m_client->applyPlan(request, this, w.callback());
        const Result<AppliedPlan> r = w.wait();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().status, 400);
        QVERIFY2(r.error().message.startsWith(u"Change 2 of 2 (vault.grant) was refused"_s),
                 qPrintable(r.error().message));
        QCOMPARE(r.error().extra.value(u"change"_s).toInteger(), 1);
        QCOMPARE(auditCount(), events);
        const AccountSnapshot after = snapshot();
        QCOMPARE(after.revision, before.revision);
        QCOMPARE(after.servers.size(), before.servers.size());
    }

    void fileErrorsNameTheirPlace_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error"); // LINE:COLUMN: start of the message
        QTest::newRow("not YAML") << QByteArray("servers: [a\n") << u"2:1: not valid YAML"_s;
        QTest::newRow("unknown key")
            << QByteArray("version: 1\nserverz: []\n") << u"2:1: unknown key \"serverz\""_s;
        QTest::newRow("duplicate server") << QByteArray("servers:\n  - name: A\n  - name: a\n")
                                          << u"3:11: duplicate server \"a\" (also at line 2)"_s;
        QTest::newRow("bad access word")
            << QByteArray("servers:\n  - name: A\n    vaults: [Kubernetes]\n    tokens:\n"
                          "      - name: t\n        vaults:\n          Kubernetes: rx\n")
            << u"7:23: bad access \"rx\" for the vault \"Kubernetes\""_s;
        QTest::newRow("bad duration")
            << QByteArray("servers:\n  - name: A\n    tokens:\n      - name: t\n"
                          "        expires_in: 30x\n")
            << u"5:21: bad duration: The duration \"30x\" has an unknown unit"_s;
        QTest::newRow("unknown vault")
            << QByteArray("servers:\n  - name: A\n    vaults:\n      - Kubernetes\n"
                          "      - Nowhere\n")
            << u"5:9: unknown vault \"Nowhere\""_s;
        QTest::newRow("vault that can't be granted")
            << QByteArray("servers:\n  - name: A\n    vaults:\n      - Shared\n")
            << u"4:9: the vault \"Shared\" can't be granted"_s;
        QTest::newRow("vault of nobody's access")
            << QByteArray("servers:\n  - name: A\n    vaults: [Payments]\n")
            << u"3:14: the vault \"Payments\" can't be granted by you"_s;
        QTest::newRow("unknown group")
            << QByteArray("servers: []\ngroups:\n  managers:\n    - Nobody\n")
            << u"4:7: unknown group \"Nobody\""_s;
        QTest::newRow("token vault not on its server")
            << QByteArray("servers:\n  - name: A\n    tokens:\n      - name: t\n        vaults:\n"
                          "          Kubernetes: r\n")
            << u"6:11: the token \"t\" names the vault \"Kubernetes\", which its server"_s;
        QTest::newRow("unknown server ID")
            << QByteArray("servers:\n  - name: A\n    id: AAAAAAAAAAAAAAAAAAAAAAAAAA\n")
            << u"3:9: no Connect server has the ID AAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
    }

    void fileErrorsNameTheirPlace()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const ConfigParse p = parseAccessConfig(yaml);
        QList<ConfigError> errors = p.errors;
        if (errors.isEmpty())
            errors = makeAccessPlan(p.config, snapshot()).errors;
        QVERIFY(!errors.isEmpty());
        const QString text = errors.first().text(u"f.yaml"_s);
        QVERIFY2(text.startsWith(u"f.yaml:"_s + error), qPrintable(text));
        // A file with errors plans nothing.
        if (p.errors.isEmpty())
            QVERIFY(makeAccessPlan(p.config, snapshot()).empty());
    }

    // The wire form of a plan: encoded and decoded by the one codec, strictly on the service.
    void planWireRoundTrip()
    {
        PlanApplyRequest r;
        r.baseRevision = 7;
        r.changes = {{PlanOp::TokenCreate,
                      u"Edge"_s,
                      {},
                      {},
                      {},
                      u"t"_s,
                      {{u"KUBERNETES"_s, Access::Read}},
                      u"30d"_s},
                     {PlanOp::GroupRevoke,
                      {},
                      {},
                      {},
                      u"g"_s,
                      {},
                      {},
                      std::nullopt,
                      GroupGrantKind::AllServers}};
        json::Writer w;
        json::write(w, r);
        PlanApplyRequest back;
        json::DecodeError error;
        QVERIFY2(json::decode(w.bytes(), back, &error), qPrintable(error.message));
        QCOMPARE(back.baseRevision, 7);
        QCOMPARE(back.changes, r.changes);
        QVERIFY(!json::decode(R"({"base_revision":1,"changes":[{"op":"server.explode"}]})", back,
                              &error));
        QVERIFY(!json::decode(R"({"base_revision":1,"changes":[{"op":"token.revoke","x":1}]})",
                              back, &error));
        QCOMPARE(error.code, u"unknown_field"_s);
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"

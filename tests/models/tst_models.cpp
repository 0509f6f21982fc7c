// The item models under QAbstractItemModelTester while they change, and their behaviour:
// incremental refresh, ID lookups through proxies, token filters with a moved clock, the
// vault access matrix's staging, undo, row/column toggles and rebase after a conflict; token
// vaults in name order and filters that follow renamed names; colours per palette.
#include "core/Ids.h"
#include "models/Colors.h"
#include "models/Directory.h"
#include "models/DirectoryModels.h"
#include "models/GroupPermissionModel.h"
#include "models/IdProxyModel.h"
#include "models/PendingChangesModel.h"
#include "models/Roles.h"
#include "models/RowNameFilterProxy.h"
#include "models/ServerModel.h"
#include "models/TokenFilterProxy.h"
#include "models/TokenModel.h"
#include "models/TokenScopeModel.h"
#include "models/VaultAccessModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

Server makeServer(const QString &name, const QStringList &vaults = {})
{
    Server s;
    s.id = newId();
    s.name = name;
    s.createdAt = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
    s.creatorId = newId();
    s.vaults = vaults;
    return s;
}

// A server the directory knows by ID and name.
Server named(const QString &id, const QString &name, const QStringList &vaults = {})
{
    Server s = makeServer(name, vaults);
    s.id = id;
    return s;
}

Vault makeVault(const QString &name, VaultType type = VaultType::UserCreated,
                bool accessible = true)
{
    Vault v;
    v.id = newId();
    v.name = name;
    v.type = type;
    v.accessible = accessible;
    return v;
}

Token makeToken(const QString &name, const QString &server, const QDateTime &expires,
                TokenState state = TokenState::Active)
{
    Token t;
    t.id = newId();
    t.name = name;
    t.serverId = server;
    t.createdAt = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
    t.expiresAt = expires;
    t.state = state;
    return t;
}

using Tester = QAbstractItemModelTester;
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private slots:
    void serverModelRefreshesIncrementally()
    {
        Directory dir;
        ServerModel model(&dir);
        Tester tester(&model, kFatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        const Server a = makeServer(u"A"_s), b = makeServer(u"B"_s), c = makeServer(u"C"_s);
        model.beginRefresh();
        model.mergePage({a, b});
        QCOMPARE(model.rowCount(), 2); // the first page shows before the rest arrives
        model.mergePage({c});
        model.endRefresh();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserts.count(), 2);

        // The next refresh renames B, drops A and keeps C: no reset, B's row keeps its place.
        Server b2 = b;
        b2.name = u"B renamed"_s;
        const QPersistentModelIndex bIndex = model.indexOf(b.id);
        model.beginRefresh();
        model.mergePage({b2, c});
        model.endRefresh();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removes.count(), 1);
        QVERIFY(changes.count() >= 1);
        QVERIFY(bIndex.isValid());
        QCOMPARE(bIndex.data().toString(), u"B renamed"_s);
        QCOMPARE(model.id(bIndex), b.id);
        QVERIFY(!model.indexOf(a.id).isValid());
        QCOMPARE(model.indexOf(c.id).data(IdRole).toString(), c.id);

        // The proxy maps IDs too, whatever order it sorts in.
        IdProxyModel proxy;
        proxy.setSourceModel(&model);
        Tester proxyTester(&proxy, kFatal);
        proxy.sort(ServerModel::Name, Qt::DescendingOrder);
        QCOMPARE(proxy.id(proxy.index(0, 0)), c.id); // "C" before "B renamed"
        QCOMPARE(proxy.indexOf(b.id).row(), 1);
        QCOMPARE(proxy.indexOf(b.id, ServerModel::Id).column(), int(ServerModel::Id));
        QVERIFY(!proxy.indexOf(a.id).isValid());
    }

    void lookupsWorkWhileRowsAreRemoved()
    {
        Directory dir;
        ServerModel model(&dir);
        QList<Server> servers;
        for (int i = 0; i < 6; ++i)
            servers.append(makeServer(u"s%1"_s.arg(i)));
        model.mergePage(servers);
        // A slot that looks rows up when removal is announced (as a detail pane does)
        // must see the model as it is then, for every run of removed rows.
        int checks = 0;
        connect(&model, &QAbstractItemModel::rowsRemoved, this, [&] {
            for (const Server &s : servers) {
                const Server *found = model.find(s.id);
                if (found) {
                    QCOMPARE(found->id, s.id);
                    QCOMPARE(model.indexOf(s.id).data(IdRole).toString(), s.id);
                }
            }
            ++checks;
        });
        model.beginRefresh();
        model.mergePage({servers.at(1), servers.at(3)}); // 0, 2, 4, 5 go: three runs
        model.endRefresh();
        QCOMPARE(checks, 3);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.find(servers.at(5).id));
        QCOMPARE(model.find(servers.at(3).id)->name, u"s3"_s);
    }

    void serverModelAsksToRenameAndShowsVaultNames()
    {
        Directory dir;
        const Vault k = makeVault(u"Kubernetes"_s);
        ServerModel model(&dir);
        Tester tester(&model, kFatal);
        model.upsert(makeServer(u"Dev"_s, {k.id}));
        QCOMPARE(model.index(0, ServerModel::Vaults).data().toString(),
                 displayId(k.id, IdKind::Vault));
        dir.setVaults({k}); // names arrive later: the column redraws
        QCOMPARE(model.index(0, ServerModel::Vaults).data().toString(), u"Kubernetes"_s);
        QSignalSpy rename(&model, &ServerModel::renameRequested);
        QVERIFY(model.flags(model.index(0, ServerModel::Name)) & Qt::ItemIsEditable);
        model.setData(model.index(0, ServerModel::Name), u"Development"_s);
        QCOMPARE(rename.count(), 1);
        QCOMPARE(rename.first().at(1).toString(), u"Development"_s);
        QCOMPARE(model.index(0, ServerModel::Name).data().toString(),
                 u"Dev"_s); // the service decides
        QCOMPARE(model.index(0, ServerModel::Id).data().toString(), model.item(0).id.toUpper());
        // The state in words, translated, not the wire's "ACTIVE".
        QCOMPARE(model.index(0, ServerModel::State).data().toString(), u"Active"_s);
        QCOMPARE(model.index(0, ServerModel::State).data(RawRole).toString(), u"ACTIVE"_s);
    }

    void tokenStatesAndExpiryFollowTheClock()
    {
        Directory dir;
        TokenModel model(&dir);
        Tester tester(&model, kFatal);
        QDateTime now = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
        model.setClock([&now] { return now; });
        const QString server = newId();
        dir.setServer(named(server, u"Dev"_s));
        model.mergePage({makeToken(u"soon"_s, server, now.addDays(3)),
                         makeToken(u"later"_s, server, now.addDays(30)),
                         makeToken(u"never"_s, server, {}),
                         makeToken(u"gone"_s, server, now.addDays(30), TokenState::Revoked)});
        auto stateOf = [&](int row) {
            return TokenState(model.index(row, 0).data(StateRole).toInt());
        };
        QCOMPARE(stateOf(0), TokenState::Active);
        QCOMPARE(stateOf(3), TokenState::Revoked);
        QCOMPARE(model.index(0, TokenModel::Expires).data().toString(), u"in 3 days"_s);
        QCOMPARE(model.index(2, TokenModel::Expires).data().toString(), u"never"_s);
        QCOMPARE(model.index(3, TokenModel::Expires).data().toString(), u"revoked"_s);
        QVERIFY(model.index(0, TokenModel::Expires).data(Qt::ForegroundRole).isValid()); // due soon
        QVERIFY(!model.index(1, TokenModel::Expires).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(0, TokenModel::Server).data().toString(), u"Dev"_s);
        now = now.addDays(4); // move time, no refresh
        QCOMPARE(stateOf(0), TokenState::Expired);
        QCOMPARE(model.index(0, TokenModel::State).data().toString(), u"Expired"_s);
        QCOMPARE(model.index(0, TokenModel::Expires).data().toString(), u"24 hours ago"_s);
        dir.removeServer(server);
        // Still says whose token it was, not only an ID.
        QCOMPARE(model.index(0, TokenModel::Server).data().toString(), u"Dev (deleted)"_s);
    }

    void expiryRoundsToTheNearestUnit()
    {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
        // A token created 30 days ago less a few seconds: not "in 29 days".
        QCOMPARE(TokenModel::relativeExpiry(now.addDays(30), now.addSecs(5)), u"in 30 days"_s);
        QCOMPARE(TokenModel::relativeExpiry(now.addSecs(2 * 3600 - 10), now), u"in 2 hours"_s);
        QCOMPARE(TokenModel::relativeExpiry(now.addSecs(59 * 60 + 50), now), u"in 1 hour"_s);
        QCOMPARE(TokenModel::relativeExpiry(now.addSecs(47 * 3600 + 40 * 60), now), u"in 2 days"_s);
        QCOMPARE(TokenModel::relativeExpiry(now.addSecs(-(3 * 86400 - 60)), now), u"3 days ago"_s);
        QCOMPARE(TokenModel::relativeExpiry(now.addSecs(20), now), u"in 1 minute"_s);
    }

    // A scheduled revocation (after a rotation) is what the Expires column says first.
    void tokenScheduledForRevocationSaysWhen()
    {
        Directory dir;
        TokenModel model(&dir);
        QDateTime now = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
        model.setClock([&now] { return now; });
        Token scheduled = makeToken(u"deploy"_s, newId(), now.addDays(30));
        scheduled.revokesAt = now.addSecs(23 * 3600 + 600); // rounded to the nearest hour
        Token revoked = makeToken(u"old"_s, newId(), {}, TokenState::Revoked);
        revoked.revokesAt = now.addSecs(-60);
        model.mergePage({scheduled, revoked});
        QCOMPARE(
            model.index(model.indexOf(scheduled.id).row(), TokenModel::Expires).data().toString(),
            u"revokes in 23 hours"_s);
        // A revoked token says so, not when it would have ended.
        QCOMPARE(
            model.index(model.indexOf(revoked.id).row(), TokenModel::Expires).data().toString(),
            u"revoked"_s);
        scheduled.revokesAt = {}; // cancelled
        model.upsert(scheduled);
        QCOMPARE(
            model.index(model.indexOf(scheduled.id).row(), TokenModel::Expires).data().toString(),
            u"in 30 days"_s);
    }

    void tokenFilterProxy()
    {
        Directory dir;
        TokenModel model(&dir);
        QDateTime now = QDateTime::fromMSecsSinceEpoch(1795800000000, Qt::UTC);
        model.setClock([&now] { return now; });
        TokenFilterProxy proxy;
        proxy.setSourceModel(&model);
        Tester modelTester(&model, kFatal);
        Tester proxyTester(&proxy, kFatal);
        const QString dev = newId(), prod = newId();
        dir.setServers({named(dev, u"Dev"_s), named(prod, u"Prod"_s)});
        const Token a = makeToken(u"deploy"_s, dev, now.addDays(2));
        const Token b = makeToken(u"monitor"_s, prod, now.addDays(10));
        const Token c = makeToken(u"backup"_s, prod, {});
        const Token d = makeToken(u"old"_s, dev, now.addDays(1), TokenState::Revoked);
        model.mergePage({a, b, c, d});
        QCOMPARE(proxy.rowCount(), 4);

        proxy.setText(u"PROD"_s); // server name, case-insensitive
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setText(u"deploy"_s);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.id(proxy.index(0, 0)), a.id);
        QCOMPARE(proxy.indexOf(a.id).row(), 0);
        QVERIFY(!proxy.indexOf(b.id).isValid());
        proxy.setText({});

        proxy.setServer(dev);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setServer({});
        proxy.setStates({TokenState::Revoked});
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.id(proxy.index(0, 0)), d.id);
        proxy.setStates({});

        proxy.setExpiresWithinDays(7);
        QCOMPARE(proxy.rowCount(), 1); // deploy; revoked and never-expiring drop out
        now = now.addDays(5);          // deploy expires, monitor comes within 7 days
        proxy.setExpiresWithinDays(-1);
        proxy.setExpiresWithinDays(7);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.id(proxy.index(0, 0)), b.id);
        proxy.setExpiresWithinDays(-1);
        proxy.setStates({TokenState::Expired});
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.id(proxy.index(0, 0)), a.id);
        proxy.setStates({});

        // Expiry sorts as time, never-expiring last — not as text ("in 10 days" < "in 2 days").
        proxy.sort(TokenModel::Expires, Qt::AscendingOrder);
        QCOMPARE(proxy.id(proxy.index(0, 0)), d.id);
        QCOMPARE(proxy.id(proxy.index(3, 0)), c.id);
        // An update reaches the proxy incrementally.
        Token b2 = b;
        b2.name = u"monitoring"_s;
        model.upsert(b2);
        QCOMPARE(proxy.indexOf(b.id).data().toString(), u"monitoring"_s);
    }

    void matrixStagesUndoesAndApplies()
    {
        const Vault k = makeVault(u"Kubernetes"_s), c = makeVault(u"Customers"_s);
        const Vault shared = makeVault(u"Shared"_s, VaultType::Everyone);
        const Vault payments = makeVault(u"Payments"_s, VaultType::UserCreated, false);
        const Server dev = makeServer(u"Dev"_s), prod = makeServer(u"Prod"_s);
        VaultAccessModel model;
        Tester tester(&model, kFatal);
        model.load({dev, prod}, {k, c, shared, payments}, GrantMatrix{5, {{prod.id, k.id}}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.revision(), 5);
        const int rDev = model.rowOf(dev.id), rProd = model.rowOf(prod.id);
        const int cK = model.columnOf(k.id), cC = model.columnOf(c.id),
                  cShared = model.columnOf(shared.id), cPay = model.columnOf(payments.id);
        auto state = [&](int r, int col) { return model.cellState(r, col); };
        QCOMPARE(state(rProd, cK), CellState::Granted);
        QCOMPARE(state(rDev, cShared), CellState::NotGrantable);
        QCOMPARE(state(rDev, cPay), CellState::NoAccess);
        QVERIFY(!(model.flags(model.index(rDev, cShared)) & Qt::ItemIsEnabled));
        // Said in plain words, without the wire's "(type EVERYONE)".
        const QString sharedTip = model.index(rDev, cShared).data(Qt::ToolTipRole).toString();
        QVERIFY2(sharedTip.contains(u"the Shared vault can't be granted"_s), qPrintable(sharedTip));
        QVERIFY2(!sharedTip.contains(u"EVERYONE"_s), qPrintable(sharedTip));
        QVERIFY(model.index(rDev, cPay).data(Qt::ToolTipRole).toString().contains(u"access"_s));

        QSignalSpy pending(&model, &VaultAccessModel::pendingChanged);
        // Three edits: grant K to Dev, grant C to Dev, revoke K from Prod.
        QVERIFY(model.setData(model.index(rDev, cK), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(model.toggle(model.index(rDev, cC)));
        QVERIFY(model.toggle(model.index(rProd, cK)));
        QVERIFY(!model.toggle(model.index(rDev, cShared))); // can't be granted
        QCOMPARE(model.pendingCount(), 3);
        QCOMPARE(state(rDev, cK), CellState::StagedAdd);
        QCOMPARE(state(rProd, cK), CellState::StagedRemove);
        QCOMPARE(model.index(rProd, cK).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        // Not by colour alone: a mark and words for each staged cell.
        QCOMPARE(model.index(rDev, cK).data().toString(), u"+"_s);
        QCOMPARE(model.index(rProd, cK).data().toString(), u"\u2212"_s);
        QCOMPARE(model.index(rDev, cShared).data().toString(), QString());
        QCOMPARE(model.index(rProd, cK).data(Qt::AccessibleTextRole).toString(),
                 u"Kubernetes on Prod: granted, staged to revoke"_s);
        QCOMPARE(model.index(rDev, cK).data(Qt::AccessibleTextRole).toString(),
                 u"Kubernetes on Dev: not granted, staged to grant"_s);
        QVERIFY(model.index(rDev, cShared)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .startsWith(u"Shared on Dev: can't be granted: "_s));
        QCOMPARE(model.undoStack()->count(), 3);

        model.undoStack()->undo(); // the Prod revoke
        QCOMPARE(model.pendingCount(), 2);
        QCOMPARE(state(rProd, cK), CellState::Granted);
        model.undoStack()->redo();
        QCOMPARE(model.pendingCount(), 3);
        model.undoStack()->undo();

        // Toggling a staged cell back is "no change", not a staged revoke.
        model.toggle(model.index(rDev, cC));
        QCOMPARE(state(rDev, cC), CellState::NotGranted);
        QCOMPARE(model.pendingCount(), 1);
        model.undoStack()->undo();
        QCOMPARE(model.pendingCount(), 2);

        PendingChangesModel review(&model);
        Tester reviewTester(&review, kFatal);
        QCOMPARE(review.rowCount(), 2);
        QVERIFY(review.index(0).data().toString().startsWith(u"Grant"_s));

        const QList<GrantChange> changes = model.pendingChanges();
        QCOMPARE(changes.size(), 2);
        for (const GrantChange &ch : changes) {
            QCOMPARE(ch.serverId, dev.id);
            QVERIFY(ch.granted);
        }
        model.markApplied(6, changes);
        QCOMPARE(model.revision(), 6);
        QCOMPARE(model.pendingCount(), 0);
        QCOMPARE(state(rDev, cK), CellState::Granted);
        QCOMPARE(state(rDev, cC), CellState::Granted);
        QCOMPARE(model.undoStack()->count(), 0);
        QCOMPARE(review.rowCount(), 0);
        QVERIFY(pending.count() > 0);
    }

    void reviewSaysWhichTokensARevokeTakesAway()
    {
        const Vault k = makeVault(u"Kubernetes"_s), c = makeVault(u"Customers"_s);
        const Server dev = makeServer(u"Dev"_s, {k.id, c.id});
        VaultAccessModel matrix;
        matrix.load({dev}, {k, c}, GrantMatrix{1, {{dev.id, k.id}, {dev.id, c.id}}});
        Directory dir;
        TokenModel tokens(&dir);
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1795900000000, Qt::UTC);
        // NOLINTNEXTLINE(performance-no-automatic-move): a capture is never moved from
        tokens.setClock([now] { return now; });
        Token deploy = makeToken(u"deploy"_s, dev.id, now.addDays(30));
        deploy.vaults = {TokenVault{k.id, Access::ReadWrite}};
        Token monitor = makeToken(u"monitor"_s, dev.id, {});
        monitor.vaults = {TokenVault{k.id, Access::Read}, TokenVault{c.id, Access::Read}};
        Token old = makeToken(u"old"_s, dev.id, {}, TokenState::Revoked);
        old.vaults = {TokenVault{k.id, Access::Read}};
        tokens.mergePage({deploy, monitor, old});

        PendingChangesModel review(&matrix);
        Tester tester(&review, kFatal);
        review.setTokens(&tokens);
        matrix.toggle(matrix.index(0, matrix.columnOf(k.id))); // stage: revoke Kubernetes
        QCOMPARE(review.rowCount(), 1);
        // The revoked token loses nothing; the two active ones are named with their access.
        QCOMPARE(review.index(0).data().toString(),
                 u"Revoke \"Kubernetes\" from \"Dev\"\n"
                 "    ↳ 2 tokens lose Kubernetes: deploy (rw), monitor (r)"_s);
        QCOMPARE(review.applyText(), u"Apply 1 change — 2 tokens lose access"_s);

        // A grant takes nothing; one token losing two vaults is counted once.
        matrix.toggle(matrix.index(0, matrix.columnOf(c.id)));
        QCOMPARE(review.rowCount(), 2);
        QCOMPARE(review.applyText(), u"Apply 2 changes — 2 tokens lose access"_s);

        // Revoking the token while the edit is staged: the review follows it.
        deploy.state = TokenState::Revoked;
        monitor.state = TokenState::Revoked;
        tokens.mergePage({deploy, monitor});
        QCoreApplication::processEvents(); // token changes are taken in once, queued
        QCOMPARE(review.applyText(), u"Apply 2 changes"_s);
        QVERIFY(review.index(0).data().toString().endsWith(u"No active token uses Customers."_s) ||
                review.index(1).data().toString().endsWith(u"No active token uses Customers."_s));
    }
    void onlyWhatWasSentIsMarkedAppliedAndNothingChangesMeanwhile()
    {
        const Vault k = makeVault(u"K"_s), c = makeVault(u"C"_s);
        const Server dev = makeServer(u"Dev"_s);
        VaultAccessModel model;
        Tester tester(&model, kFatal);
        model.load({dev}, {k, c}, GrantMatrix{1, {}});
        model.toggle(model.index(0, 0));
        model.toggle(model.index(0, 1));
        const QList<GrantChange> sent{model.pendingChanges().first()};
        // While a batch is on its way the matrix can't be edited at all.
        QSignalSpy frozen(&model, &VaultAccessModel::frozenChanged);
        model.setFrozen(true);
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable));
        QVERIFY(!model.toggle(model.index(0, 0)));
        model.setColumnGranted(1, false);
        model.discardChanges();
        QCOMPARE(model.pendingCount(), 2);
        model.setFrozen(false);
        QCOMPARE(frozen.count(), 2);
        // The service applied only what was sent: the other edit stays staged.
        model.markApplied(2, sent);
        QCOMPARE(model.pendingCount(), 1);
        QCOMPARE(model.cellState(0, model.columnOf(sent.first().vaultId)), CellState::Granted);
        QVERIFY(model.pendingChanges().first().vaultId != sent.first().vaultId);
    }

    void overlappingRefreshesDoNotEmptyTheTable()
    {
        Directory dir;
        ServerModel model(&dir);
        Tester tester(&model, kFatal);
        const Server a = makeServer(u"A"_s), b = makeServer(u"B"_s);
        model.mergePage({a, b});
        // A reload starts while another is still loading; the older one ends first.
        const int older = model.beginRefresh();
        const int newer = model.beginRefresh();
        model.mergePage({a, b});
        model.endRefresh(older); // superseded: removes nothing
        QCOMPARE(model.rowCount(), 2);
        model.mergePage({a});
        model.endRefresh(newer);
        QCOMPARE(model.rowCount(), 2); // both were seen by the newest refresh's pages
        const int last = model.beginRefresh();
        model.mergePage({b});
        model.endRefresh(last);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.item(0).id, b.id);
    }

    void removingOneAfterAnother()
    {
        Directory dir;
        ServerModel model(&dir);
        Tester tester(&model, kFatal);
        const Server a = makeServer(u"A"_s), b = makeServer(u"B"_s), c = makeServer(u"C"_s);
        model.mergePage({a, b, c});
        model.remove(a.id);
        model.remove(c.id); // its row number changed with the first removal
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.item(0).id, b.id);
    }

    void wholeRowAndColumnAreOneUndoStep()
    {
        QList<Vault> vaults{makeVault(u"A"_s), makeVault(u"B"_s),
                            makeVault(u"S"_s, VaultType::Personal), makeVault(u"C"_s)};
        QList<Server> servers;
        for (int i = 0; i < 5; ++i)
            servers.append(makeServer(u"s%1"_s.arg(i)));
        VaultAccessModel model;
        Tester tester(&model, kFatal);
        model.load(servers, vaults, GrantMatrix{1, {{servers.at(0).id, vaults.at(1).id}}});
        model.toggleColumn(1); // B: one server has it, so the toggle grants it to the rest
        QCOMPARE(model.pendingCount(), 4);
        QCOMPARE(model.undoStack()->count(), 1);
        model.toggleColumn(1); // now all have it: revoke from all, server 0 included
        QCOMPARE(model.pendingCount(), 1);
        QCOMPARE(model.cellState(0, 1), CellState::StagedRemove);
        model.undoStack()->undo();
        QCOMPARE(model.pendingCount(), 4);
        model.undoStack()->undo();
        QCOMPARE(model.pendingCount(), 0);

        model.toggleRow(
            2); // grant every grantable vault to server 2: A, B, C (not the personal one)
        QCOMPARE(model.pendingCount(), 3);
        QCOMPARE(model.cellState(2, 2), CellState::NotGrantable);
        QCOMPARE(model.undoStack()->count(), 1);
        model.discardChanges();
        QCOMPARE(model.pendingCount(), 0);
        model.undoStack()->undo(); // discarding is undoable too
        QCOMPARE(model.pendingCount(), 3);
    }

    void rebaseKeepsEditsAndReportsConflicts()
    {
        const Vault k = makeVault(u"Kubernetes"_s), c = makeVault(u"Customers"_s),
                    v = makeVault(u"Vendors"_s);
        const Server dev = makeServer(u"Dev"_s), prod = makeServer(u"Prod"_s),
                     old = makeServer(u"Old"_s);
        VaultAccessModel model;
        Tester tester(&model, kFatal);
        model.load({dev, prod, old}, {k, c, v}, GrantMatrix{10, {}});
        model.toggle(model.index(model.rowOf(dev.id), model.columnOf(k.id))); // kept
        model.toggle(
            model.index(model.rowOf(prod.id), model.columnOf(c.id))); // someone else does the same
        model.toggle(model.index(model.rowOf(old.id), model.columnOf(v.id))); // server gets deleted
        QCOMPARE(model.pendingCount(), 3);

        // The service's state moved on: Prod got Customers, Old was deleted, a new server came.
        const Server fresh = makeServer(u"Fresh"_s);
        QSignalSpy conflictsSignal(&model, &VaultAccessModel::conflictsChanged);
        const QList<GrantConflict> conflicts =
            model.rebase({fresh, dev, prod}, {k, c, v}, GrantMatrix{12, {{prod.id, c.id}}});
        QCOMPARE(model.revision(), 12);
        QCOMPARE(conflicts.size(), 2);
        QStringList reasons;
        for (const GrantConflict &g : conflicts)
            reasons.append(g.serverName + u": "_s + g.reason);
        reasons.sort();
        QVERIFY2(reasons.at(0).startsWith(u"Old: The server was deleted"_s),
                 qPrintable(reasons.join(u" | ")));
        QVERIFY2(reasons.at(1).startsWith(u"Prod: Someone else granted"_s),
                 qPrintable(reasons.join(u" | ")));
        QCOMPARE(model.pendingCount(), 1);
        QCOMPARE(model.pendingChanges().first(), (GrantChange{dev.id, k.id, true}));
        QCOMPARE(model.cellState(model.rowOf(dev.id), model.columnOf(k.id)), CellState::StagedAdd);
        // The collision is shown on its cell.
        const QModelIndex hit = model.index(model.rowOf(prod.id), model.columnOf(c.id));
        QVERIFY(hit.data(Qt::ToolTipRole).toString().contains(u"Someone else"_s));
        QVERIFY(hit.data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.conflictCount(), 1);
        QVERIFY(conflictsSignal.count() >= 1);
        // Touching the cell clears its mark.
        model.toggle(hit);
        QCOMPARE(model.conflictCount(), 0);
    }

    void groupPermissions()
    {
        const Group owners{newId(), u"Owners"_s, {}, true};
        const Group ops{newId(), u"Operations"_s, {}, false};
        const Server a = makeServer(u"A"_s), b = makeServer(u"B"_s);
        GroupPermissionModel model;
        Tester tester(&model, kFatal);
        model.setGroups({owners, ops});
        model.setServers({a, b});
        model.setGrants({{ops.id, GroupGrantKind::Server, a.id, {}}});
        QCOMPARE(model.columnCount(), 4);
        // Rows by name, whatever order they came in.
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), u"Operations"_s);
        const int opsRow = 0, ownersRow = 1;
        const int colA = GroupPermissionModel::FirstServer, colB = colA + 1;
        QCOMPARE(model.index(opsRow, colA).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.index(opsRow, colB).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        // Owners manage everything: shown checked and not editable.
        QCOMPARE(model.index(ownersRow, colB).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(!(model.flags(model.index(ownersRow, colB)) & Qt::ItemIsUserCheckable));

        QSignalSpy requested(&model, &GroupPermissionModel::changeRequested);
        QVERIFY(model.setData(model.index(opsRow, GroupPermissionModel::AllServers), Qt::Checked,
                              Qt::CheckStateRole));
        QCOMPARE(requested.count(), 1);
        const auto change = requested.first().first().value<GroupPermissionChange>();
        {
            // The grid's filter keeps group rows by name, any case, and every column.
            RowNameFilterProxy filter;
            filter.setSourceModel(&model);
            filter.setText(u"  oper "_s);
            QCOMPARE(filter.rowCount(), 1);
            QCOMPARE(filter.headerData(0, Qt::Vertical).toString(), u"Operations"_s);
            QCOMPARE(filter.columnCount(), model.columnCount());
            filter.setText(u"nobody"_s);
            QCOMPARE(filter.rowCount(), 0);
            filter.setText({});
            QCOMPARE(filter.rowCount(), 2);
        }
        QVERIFY(change.allServers);
        QVERIFY(change.granted);
        QVERIFY(model.index(opsRow, GroupPermissionModel::AllServers).data(BusyRole).toBool());
        model.finishChange(change, true);
        QVERIFY(!model.index(opsRow, GroupPermissionModel::AllServers).data(BusyRole).toBool());
        QVERIFY(!(model.flags(model.index(opsRow, colB)) & Qt::ItemIsUserCheckable)); // implied now
        // Revoking all servers removes every server grant of the group.
        model.setData(model.index(opsRow, GroupPermissionModel::AllServers), Qt::Unchecked,
                      Qt::CheckStateRole);
        model.finishChange(requested.last().first().value<GroupPermissionChange>(), true);
        QCOMPARE(model.index(opsRow, colA).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        // A refused change leaves the cell as it was.
        model.setData(model.index(opsRow, GroupPermissionModel::Manager), Qt::Checked,
                      Qt::CheckStateRole);
        model.finishChange(requested.last().first().value<GroupPermissionChange>(), false);
        QCOMPARE(
            model.index(opsRow, GroupPermissionModel::Manager).data(Qt::CheckStateRole).toInt(),
            int(Qt::Unchecked));
    }

    void tokenVaultsShowAndFilterByTheirCurrentNames()
    {
        Directory dir;
        TokenModel model(&dir);
        TokenFilterProxy proxy;
        proxy.setSourceModel(&model);
        Tester modelTester(&model, kFatal);
        Tester proxyTester(&proxy, kFatal);
        Vault zeta = makeVault(u"Zeta"_s), alpha = makeVault(u"alpha"_s);
        dir.setVaults({zeta, alpha});
        const QString prod = newId();
        dir.setServers({named(prod, u"Prod"_s, {zeta.id, alpha.id})});
        Token t = makeToken(u"Deploy Bot"_s, prod, {});
        t.vaults = {{zeta.id, Access::Read}, {alpha.id, Access::ReadWrite}};
        Token other = makeToken(u"monitor"_s, prod, {});
        other.vaults = {{zeta.id, Access::Read}};
        model.mergePage({t, other});
        const QModelIndex vaults = model.index(0, TokenModel::Vaults);
        QCOMPARE(vaults.data().toString(), u"alpha (rw), Zeta (r)"_s); // by name, any case
        QCOMPARE(vaults.data(ScopesRole).value<QList<TokenScope>>().constFirst().text,
                 u"alpha (rw)"_s);
        QCOMPARE(model.item(0).vaults.size(), 2); // nothing lost or added
        proxy.setText(u"dEPLOY bOT"_s);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(u"ALPHA"_s);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.id(proxy.index(0, 0)), t.id);
        proxy.setText(t.id.toUpper()); // IDs, any case
        QCOMPARE(proxy.rowCount(), 1);

        // A vault renamed: the list reorders, and the filter finds the new name, not the old.
        alpha.name = u"Zulu"_s;
        dir.setVaults({zeta, alpha});
        QCOMPARE(model.index(0, TokenModel::Vaults).data().toString(), u"Zeta (r), Zulu (rw)"_s);
        proxy.setText(u"zulu"_s);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(u"alpha"_s);
        QCOMPARE(proxy.rowCount(), 0);
        // A server renamed: the same for its name.
        proxy.setText(u"staging"_s);
        QCOMPARE(proxy.rowCount(), 0);
        dir.setServer(named(prod, u"Staging"_s, {zeta.id, alpha.id}));
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(model.index(1, TokenModel::Server).data().toString(), u"Staging"_s);
        // Rows that arrive while a text is set, on a server not seen before, are matched too.
        proxy.setText(u"edge"_s);
        QCOMPARE(proxy.rowCount(), 0);
        const QString edge = newId();
        dir.setServer(named(edge, u"Edge"_s));
        Token late = makeToken(u"late"_s, edge, {});
        late.vaults = {{zeta.id, Access::Read}};
        model.mergePage({late});
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.id(proxy.index(0, 0)), late.id);
    }

    void directoryAnnouncesABatchOfServersOnce()
    {
        Directory dir;
        QSignalSpy changed(&dir, &Directory::serversChanged);
        const Server a = makeServer(u"A"_s), b = makeServer(u"B"_s), c = makeServer(u"C"_s);
        dir.setServers({a, b, c});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(dir.serverName(b.id), u"B"_s);
        dir.setServers({a, b, c}); // nothing new
        QCOMPARE(changed.count(), 1);
        Server renamed = c;
        renamed.name = u"Charlie"_s;
        dir.setServers({a, renamed});
        QCOMPARE(changed.count(), 2);
        QCOMPARE(dir.serverName(c.id), u"Charlie"_s);
    }

    void rowNameFilterFollowsRenamedRows()
    {
        GroupPermissionModel model;
        Group ops{newId(), u"Operations"_s, {}};
        const Group dev{newId(), u"Developers"_s, {}};
        model.setGroups({ops, dev});
        RowNameFilterProxy filter;
        filter.setSourceModel(&model);
        Tester tester(&filter, kFatal);
        filter.setText(u"OPERA"_s); // not "Developers"
        QCOMPARE(filter.rowCount(), 1);
        ops.name = u"Site reliability"_s;
        model.setGroups({ops, dev});
        QCOMPARE(filter.rowCount(), 0);
        filter.setText(u"reliab"_s);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.headerData(0, Qt::Vertical).toString(), u"Site reliability"_s);
    }

    void toneColoursFollowThePalette()
    {
        QPalette light, dark;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Text, Qt::white);
        const QColor onLight = colors::text(colors::Tone::Negative, light);
        const QColor onDark = colors::text(colors::Tone::Negative, dark);
        QVERIFY(onLight != onDark);
        for (int i = 0; i < 3; ++i) { // asked again, each palette keeps its own colour
            QCOMPARE(colors::text(colors::Tone::Negative, light), onLight);
            QCOMPARE(colors::text(colors::Tone::Negative, dark), onDark);
            QVERIFY(colors::contrast(colors::dimmed(dark), dark.color(QPalette::Base)) >= 3.0);
        }
        // The same palette object changed: a new colour, not the remembered one.
        light.setColor(QPalette::Base, Qt::black);
        light.setColor(QPalette::Text, Qt::white);
        QVERIFY(colors::contrast(colors::text(colors::Tone::Negative, light), Qt::black) >= 4.5);
    }

    void tokenScopes()
    {
        Directory dir;
        const Vault k = makeVault(u"Kubernetes"_s), c = makeVault(u"Customers"_s);
        dir.setVaults({k, c});
        const Server s = makeServer(u"Prod"_s, {k.id, c.id});
        Token t1 = makeToken(u"reader"_s, s.id, {});
        t1.vaults = {{k.id, Access::Read}};
        Token t2 = makeToken(u"writer"_s, s.id, {});
        t2.vaults = {{k.id, Access::Write}, {c.id, Access::ReadWrite}};
        const Token other = makeToken(u"elsewhere"_s, newId(), {});
        TokenScopeModel model(&dir);
        Tester tester(&model, kFatal);
        model.setServer(s, {t1, t2, other});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 2);
        // Vaults by name: Customers, Kubernetes.
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Customers"_s);
        QCOMPARE(model.index(0, 1).data().toString(), u"r"_s);
        QCOMPARE(model.index(0, 0).data().toString(), QString());
        QCOMPARE(model.index(1, 1).data().toString(), u"w"_s);
        QCOMPARE(model.index(1, 0).data().toString(), u"rw"_s);
        QCOMPARE(model.index(1, 0).data(RawRole).toInt(), 1008);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Kubernetes"_s);
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
        // A vault a token names but the server lost comes last, marked.
        const Vault v = makeVault(u"Vendors"_s);
        dir.setVaults({k, c, v});
        Token t3 = makeToken(u"old"_s, s.id, {});
        t3.vaults = {{v.id, Access::Read}};
        model.setServer(s, {t1, t2, t3});
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"Vendors"_s);
        QVERIFY(model.headerData(2, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(u"no longer has access"_s));
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), u"old"_s); // tokens by name
        QCOMPARE(model.index(0, 2).data().toString(), u"r"_s);
        QVERIFY(model.index(0, 2).data(Qt::ToolTipRole).toString().contains(u"can't reach"_s));
    }

    void directoryModels()
    {
        VaultModel vaults;
        Tester tester(&vaults, kFatal);
        vaults.mergePage({makeVault(u"K"_s), makeVault(u"Shared"_s, VaultType::Everyone)});
        QCOMPARE(vaults.index(1, VaultModel::Grantable).data().toString(), u"No"_s);
        QVERIFY(vaults.index(1, VaultModel::Grantable)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"the Shared vault can't be granted"_s));
        GroupModel groups;
        Tester groupTester(&groups, kFatal);
        groups.mergePage({Group{newId(), u"Ops"_s, u"runs prod"_s, false}});
        QCOMPARE(groups.index(0, GroupModel::Description).data().toString(), u"runs prod"_s);
        UserModel users;
        Tester userTester(&users, kFatal);
        users.mergePage({User{newId(), u"a@b.c"_s, u"A"_s, u"ACTIVE"_s}});
        QCOMPARE(users.index(0, UserModel::Email).data().toString(), u"a@b.c"_s);
        users.beginRefresh();
        users.endRefresh();
        QCOMPARE(users.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"

// Writes at their floor (issue 11): a batch of 10,000 grant changes through AccountService
// (rules, revision check, audit, one transaction) against a raw SQLite insert of the same
// grant rows and as many audit rows in one transaction on the same database (prepared
// statements, the sqlite3 C API); and token creation one after another through
// AccountService against ES256 signing alone. SQLite with the service's settings (WAL,
// synchronous=FULL, foreign keys). Run: batch-bench [DIR] [ROUNDS]; DIR on the disk the
// service would use.
#include "core/Crypto.h"
#include "service/AccountService.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

constexpr int kServers = 100;
constexpr int kVaults = 100; // 100 x 100 = 10,000 cells, one change each
constexpr int kTokens = 2000;

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

struct Sqlite
{
    explicit Sqlite(const QString &file)
    {
        if (sqlite3_open(file.toUtf8().constData(), &db) != SQLITE_OK)
            qFatal("can't open %s", qPrintable(file));
        sqlite3_busy_timeout(db, 10000);
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
    }
    ~Sqlite() { sqlite3_close(db); }
    void exec(const char *sql)
    {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            qFatal("%s: %s", sql, sqlite3_errmsg(db));
    }
    sqlite3_stmt *prepare(const char *sql)
    {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
            qFatal("%s: %s", sql, sqlite3_errmsg(db));
        return s;
    }
    static void step(sqlite3_stmt *s)
    {
        if (sqlite3_step(s) != SQLITE_DONE)
            qFatal("step: %s", sqlite3_errmsg(sqlite3_db_handle(s)));
        sqlite3_reset(s);
    }
    sqlite3 *db = nullptr;
};

void bindText(sqlite3_stmt *s, int i, const QByteArray &text)
{
    sqlite3_bind_text(s, i, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

// The yardstick: the batch's grant rows, with one audit row per change (with a chain hash
// each) or without, inserted in one transaction, in milliseconds; then taken out again (not
// timed).
double rawInsert(const QString &file, const QList<GrantChange> &changes, const QString &actorId,
                 bool withAudit)
{
    Sqlite db(file);
    QElapsedTimer t;
    t.start();
    db.exec("BEGIN IMMEDIATE");
    sqlite3_stmt *grant =
        db.prepare("INSERT INTO server_vaults (server_id, vault_id, granted_at) VALUES (?, ?, ?)");
    sqlite3_stmt *audit = db.prepare(
        "INSERT INTO audit_events (at, actor_id, action, target_type, target_id, detail, seq, "
        "hash) VALUES (?, ?, 'vault.grant', 'server', ?, ?, ?, ?)");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray actor = actorId.toUtf8();
    QByteArray hash(32, '\0');
    qint64 seq = 1'000'000'000;
    for (const GrantChange &c : changes) {
        const QByteArray server = c.serverId.toUtf8(), vault = c.vaultId.toUtf8();
        bindText(grant, 1, server);
        bindText(grant, 2, vault);
        sqlite3_bind_int64(grant, 3, now);
        Sqlite::step(grant);
        if (!withAudit)
            continue;
        const QByteArray detail = "{\"vault\":\"" + vault + "\"}";
        hash = crypto::sha256(hash + detail);
        sqlite3_bind_int64(audit, 1, now);
        bindText(audit, 2, actor);
        bindText(audit, 3, server);
        bindText(audit, 4, detail);
        sqlite3_bind_int64(audit, 5, ++seq);
        bindText(audit, 6, hash.toBase64());
        Sqlite::step(audit);
    }
    sqlite3_finalize(grant);
    sqlite3_finalize(audit);
    db.exec("COMMIT");
    const double ms = double(t.nsecsElapsed()) / 1e6;
    db.exec("BEGIN IMMEDIATE");
    db.exec("DELETE FROM server_vaults");
    db.exec("DELETE FROM audit_events WHERE seq >= 1000000000");
    db.exec("COMMIT");
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTemporaryDir dir(args.size() > 1 ? args.at(1) + u"/batch-bench-XXXXXX"_s
                                      : QDir::currentPath() + u"/batch-bench-XXXXXX"_s);
    const int rounds = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 5;
    const QString file = dir.path() + u"/bench.sqlite"_s;

    auto store = Store::open(file, u"bench"_s, StoreOptions{});
    store->migrate();
    ServiceConfig config;
    config.issuer = u"http://127.0.0.1:1"_s;
    config.passwordHash.timeCost = 1;
    config.passwordHash.memoryKiB = 8 * 1024;
    AccountService service(*store, MasterKey::fromBytes(QByteArray(32, 'k')), config);
    service.initialize();
    const auto owner = service.bootstrapOwner(u"bench@example.com"_s, u"a long enough password"_s);
    const Actor actor = service.actingAs(owner->owner);
    QStringList servers, vaults;
    for (int i = 0; i < kVaults; ++i) {
        const Vault v = service.addVault(u"Vault %1"_s.arg(i), VaultType::UserCreated);
        service.giveVaultToGroup(v, owner->owners);
        vaults.append(v.id);
    }
    for (int i = 0; i < kServers; ++i)
        servers.append(service.createServer(actor, u"Server %1"_s.arg(i), {})->server.id);
    QList<GrantChange> grant, revoke;
    for (const QString &s : servers) {
        for (const QString &v : vaults) {
            grant.append(GrantChange{s, v, true});
            revoke.append(GrantChange{s, v, false});
        }
    }

    // Rounds take turns: the service grants all and revokes all, then the raw insert.
    QList<double> grants, revokes, raws, rawGrants;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer t;
        t.start();
        auto granted = service.applyGrants(actor, service.grants(actor)->revision, grant);
        grants.append(double(t.nsecsElapsed()) / 1e6);
        if (!granted.ok() || granted->applied != grant.size())
            qFatal("the grant batch failed");
        t.restart();
        auto revoked = service.applyGrants(actor, service.grants(actor)->revision, revoke);
        revokes.append(double(t.nsecsElapsed()) / 1e6);
        if (!revoked.ok() || revoked->applied != revoke.size())
            qFatal("the revoke batch failed");
        raws.append(rawInsert(file, grant, actor.user.id, true));
        rawGrants.append(rawInsert(file, grant, actor.user.id, false));
    }

    // A server with a vault: a token needs one.
    const QString tokenServer =
        service.createServer(actor, u"Tokens"_s, {vaults.first()})->server.id;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < kTokens; ++i) {
        if (!service.createToken(actor, u"t%1"_s.arg(i), tokenServer, {}, {}).ok())
            qFatal("token creation failed");
    }
    const double tokensPerSecond = kTokens * 1e9 / double(t.nsecsElapsed());
    const crypto::SigningKey key = crypto::SigningKey::generate();
    t.restart();
    for (int i = 0; i < kTokens; ++i)
        key.signEs256(QByteArray::number(i));
    const double signsPerSecond = kTokens * 1e9 / double(t.nsecsElapsed());
    // A token's whole JWT: header (with the key's kid), claims, signature.
    t.restart();
    for (int i = 0; i < kTokens; ++i)
        crypto::signJwt(key, {{u"sub"_s, QString::number(i)}, {u"aud"_s, u"connect"_s}});
    const double jwtsPerSecond = kTokens * 1e9 / double(t.nsecsElapsed());

    const double g = median(grants), r = median(revokes), raw = median(raws),
                 rawGrant = median(rawGrants);
    std::printf("batch of %lld grant changes (%d servers x %d vaults), SQLite, median of %d:\n",
                qlonglong(grant.size()), kServers, kVaults, rounds);
    std::printf("  service, grant all:  %8.1f ms  (%.2fx the raw insert; goal <= 1.5x)\n", g,
                g / raw);
    std::printf("  service, revoke all: %8.1f ms  (%.2fx)\n", r, r / raw);
    std::printf("  raw insert of the grant rows and one audit row each, one transaction: %.1f ms\n",
                raw);
    std::printf("  raw insert of the grant rows alone: %.1f ms (the service: %.2fx; it writes one "
                "audit event per batch)\n",
                rawGrant, g / rawGrant);
    std::printf("token creation through AccountService, one thread: %.0f tokens/s; ES256 "
                "signing alone: %.0f/s; a token's JWT (crypto::signJwt): %.0f/s\n",
                tokensPerSecond, signsPerSecond, jwtsPerSecond);
    return 0;
}

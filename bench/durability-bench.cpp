// What synchronous=FULL costs the service on SQLite: token creations and single vault grants
// per second through AccountService (rules, audit event, one transaction each), with FULL
// (what the service uses) and NORMAL. Run: durability-bench [DIR] [N]; DIR must be on the
// disk the service would use (not tmpfs, where fsync costs nothing).
#include "service/AccountService.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

struct Figures
{
    double tokensPerSecond = 0;
    double grantsPerSecond = 0;
};

Figures measure(const QString &dir, bool durable, int n, int round)
{
    const QString name = u"%1-%2"_s.arg(durable ? u"full"_s : u"normal"_s).arg(round);
    StoreOptions options;
    options.durableCommits = durable;
    auto store = Store::open(dir + u'/' + name + u".sqlite"_s, name, options);
    store->migrate();
    ServiceConfig config;
    config.issuer = u"http://127.0.0.1:1"_s;
    config.passwordHash.timeCost = 1;
    config.passwordHash.memoryKiB = 8 * 1024;
    AccountService service(*store, MasterKey::fromBytes(QByteArray(32, 'k')), config);
    service.initialize();
    const auto owner = service.bootstrapOwner(u"bench@example.com"_s, u"a long enough password"_s);
    const Actor actor = service.actingAs(owner->owner);
    const Vault vault = service.addVault(u"Bench"_s, VaultType::UserCreated);
    service.giveVaultToGroup(vault, owner->owners);
    const auto server = service.createServer(actor, u"Bench"_s, {vault.id});

    Figures f;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i)
        service.createToken(actor, u"t%1"_s.arg(i), server->server.id, {}, {});
    f.tokensPerSecond = n * 1000.0 / double(std::max<qint64>(1, t.elapsed()));
    t.restart();
    for (int i = 0; i < n; ++i) {
        if (i % 2)
            service.revokeVault(actor, server->server.id, vault.id);
        else
            service.grantVault(actor, server->server.id, vault.id);
    }
    f.grantsPerSecond = n * 1000.0 / double(std::max<qint64>(1, t.elapsed()));
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTemporaryDir dir(args.size() > 1 ? args.at(1) + u"/durability-bench-XXXXXX"_s
                                      : QDir::currentPath() + u"/durability-bench-XXXXXX"_s);
    const int n = args.size() > 2 ? args.at(2).toInt() : 500;
    // Three rounds, the two settings taking turns (a busy or warming disk favours neither);
    // the median of each.
    QList<Figures> normals, fulls;
    for (int round = 0; round < 3; ++round) {
        normals.append(measure(dir.path(), false, n, round));
        fulls.append(measure(dir.path(), true, n, round));
    }
    const auto median = [](QList<Figures> runs) {
        Figures m;
        std::sort(runs.begin(), runs.end(),
                  [](auto &a, auto &b) { return a.tokensPerSecond < b.tokensPerSecond; });
        m.tokensPerSecond = runs.at(1).tokensPerSecond;
        std::sort(runs.begin(), runs.end(),
                  [](auto &a, auto &b) { return a.grantsPerSecond < b.grantsPerSecond; });
        m.grantsPerSecond = runs.at(1).grantsPerSecond;
        return m;
    };
    const Figures normal = median(normals);
    const Figures full = median(fulls);
    std::printf("SQLite synchronous, %d operations each, median of 3 rounds, in %s\n", n,
                qPrintable(dir.path()));
    std::printf("%-8s %14s %14s\n", "mode", "tokens/s", "grants/s");
    std::printf("%-8s %14.0f %14.0f\n", "NORMAL", normal.tokensPerSecond, normal.grantsPerSecond);
    std::printf("%-8s %14.0f %14.0f\n", "FULL", full.tokensPerSecond, full.grantsPerSecond);
    std::printf("FULL/NORMAL: tokens %.2f, grants %.2f\n",
                full.tokensPerSecond / normal.tokensPerSecond,
                full.grantsPerSecond / normal.grantsPerSecond);
    return 0;
}

// The audit log at scale: fills a database with N events (default 1,000,000) through the
// Store's hash-chained insertAudit, then times filtered pages of 100 as GET /v1/audit asks
// for them (median and slowest of 30 runs each) and one walk of the whole chain.
// Run: audit-bench [N] [--db postgres://… | --db FILE] [--again]; without --db a SQLite file
// in a temporary folder. --again times the pages on a database an earlier run filled (a
// SQLite file or a PostgreSQL database given with --db), picking its actor, server and vault
// from the log, instead of refusing one with events.
#include "core/Ids.h"
#include "service/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

constexpr int kUsers = 200;
constexpr int kServers = 1000;
constexpr int kVaults = 5000;
constexpr int kBatch = 10000; // events per transaction while filling
constexpr int kRuns = 30;

struct World
{
    QStringList users, servers, vaults;
};

World makeWorld()
{
    World w;
    for (int i = 0; i < kUsers; ++i)
        w.users.append(newId());
    for (int i = 0; i < kServers; ++i)
        w.servers.append(newId());
    for (int i = 0; i < kVaults; ++i)
        w.vaults.append(newId());
    return w;
}

// One event of the kinds the service writes, about random objects of the world.
AuditEvent randomEvent(const World &w, QRandomGenerator &rng, const QDateTime &at)
{
    static const QStringList serverActions{u"server.create"_s, u"server.rename"_s,
                                           u"server.delete"_s, u"vault.grant"_s, u"vault.revoke"_s};
    static const QStringList tokenActions{u"token.create"_s, u"token.rename"_s, u"token.revoke"_s};
    AuditEvent e;
    e.at = at;
    e.actorId = w.users.at(int(rng.bounded(kUsers)));
    const QString server = displayId(w.servers.at(int(rng.bounded(kServers))), IdKind::Server);
    const QString vault = displayId(w.vaults.at(int(rng.bounded(kVaults))), IdKind::Vault);
    if (rng.bounded(2) == 0) {
        e.action = serverActions.at(int(rng.bounded(int(serverActions.size()))));
        e.targetType = u"server"_s;
        e.targetId = server;
        e.detail = {{u"vault"_s, vault}, {u"name"_s, u"server %1"_s.arg(rng.bounded(100000))}};
    } else {
        e.action = tokenActions.at(int(rng.bounded(int(tokenActions.size()))));
        e.targetType = u"token"_s;
        e.targetId = displayId(newId(), IdKind::Token);
        e.detail = {{u"server"_s, server}, {u"name"_s, u"token %1"_s.arg(rng.bounded(100000))}};
    }
    return e;
}

void fill(Store &store, const World &w, int n, const QDateTime &start)
{
    QRandomGenerator rng(42);
    QElapsedTimer t;
    t.start();
    for (int done = 0; done < n;) {
        Store::Transaction tx(store);
        for (int i = 0; i < kBatch && done < n; ++i, ++done)
            store.insertAudit(randomEvent(w, rng, start.addSecs(done * 3)));
        tx.commit();
        if (done % 100000 == 0)
            std::fprintf(stderr, "  %d events, %.0f s\n", done, double(t.elapsed()) / 1000.0);
    }
    std::printf("filled %d events in %.1f s (%.0f events/s, hash chain and object index "
                "included)\n",
                n, double(t.elapsed()) / 1000.0,
                n * 1000.0 / double(std::max<qint64>(1, t.elapsed())));
}

void time(const char *what, const std::function<int()> &page)
{
    QList<double> ms;
    int rows = 0;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer t;
        t.start();
        rows = page();
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %-58s %4d rows  median %7.2f ms  slowest %7.2f ms\n", what, rows,
                ms.at(ms.size() / 2), ms.last());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int n = 1000000;
    QString url;
    bool again = false;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--db" && i + 1 < args.size())
            url = args.at(++i);
        else if (args.at(i) == u"--again")
            again = true;
        else
            n = args.at(i).toInt();
    }
    QTemporaryDir dir;
    if (url.isEmpty())
        url = dir.filePath(u"audit-bench.sqlite"_s);
    auto store = Store::open(url, u"audit-bench"_s);
    store->migrate();
    QDateTime start;
    QString user, server, vault;
    if (again) {
        // An actor, a server and a vault of the newest events (each as frequent as any
        // other), and the start of the log: its events are 3 s apart.
        n = int(store->auditCount());
        const QList<AuditEvent> newest = store->listAudit(PageRequest{100, {}}).items;
        if (newest.isEmpty()) {
            std::fprintf(stderr, "audit-bench: --again needs a database a run has filled\n");
            return 1;
        }
        start = newest.first().at.addSecs(-qint64(n - 1) * 3);
        for (const AuditEvent &e : newest) {
            user = e.actorId;
            if (e.targetType == u"server"_s) {
                server = canonicalId(e.targetId);
                vault = canonicalId(e.detail.value(u"vault"_s).toString());
            }
        }
    } else {
        if (store->auditCount() != 0) {
            std::fprintf(stderr, "audit-bench: the database already has audit events (--again "
                                 "times pages on them)\n");
            return 1;
        }
        const World w = makeWorld();
        start = QDateTime::currentDateTimeUtc().addSecs(-qint64(n) * 3);
        fill(*store, w, n, start);
        user = w.users.at(7);
        server = canonicalId(w.servers.at(11));
        vault = canonicalId(w.vaults.at(13));
    }

    const QDateTime middle = start.addSecs(qint64(n) * 3 / 2);
    auto page = [&](const AuditFilter &f) {
        return int(store->listAudit(PageRequest{100, {}}, f).items.size());
    };
    std::printf("a filtered page of 100, newest first (%s, %d runs each):\n",
                store->isPostgres() ? "PostgreSQL" : "SQLite", kRuns);
    time("no filter", [&] { return page({}); });
    time("actor", [&] { return page({user, {}, {}, {}, {}, {}}); });
    time("actor + action token.create", [&] {
        return page({user, u"token.create"_s, {}, {}, {}, {}});
    });
    time("action kind (server.*)", [&] { return page({{}, u"server"_s, {}, {}, {}, {}}); });
    time("object (a server) + action kind token", [&] {
        return page({{}, u"token"_s, server, {}, {}, {}});
    });
    time("object (a vault)", [&] { return page({{}, {}, vault, {}, {}, {}}); });
    time("action + until the middle of the log", [&] {
        return page({{}, u"vault.grant"_s, {}, {}, middle, {}});
    });
    time("actor + since/until (a day in the middle)", [&] {
        return page({user, {}, {}, middle, middle.addDays(1), {}});
    });
    if (!store->isPostgres()) {
        QElapsedTimer indexing;
        indexing.start();
        store->indexNewAuditText(); // what the first search after them would do
        std::printf("  %-58s %.1f s\n", "index the text of every event (the first search)",
                    double(indexing.elapsed()) / 1000.0);
    }
    time("free text + action", [&] {
        return page({{}, u"token.rename"_s, {}, {}, {}, u"token 4242"_s});
    });
    time("free text alone (a rare word)", [&] {
        return page({{}, {}, {}, {}, {}, u"server 99999"_s});
    });
    time("free text alone (a common word: in every tenth event)", [&] {
        return page({{}, {}, {}, {}, {}, u"server 1"_s});
    });
    time("free text in no event (a trigram in none)", [&] {
        return page({{}, {}, {}, {}, {}, u"server 9q"_s});
    });
    time("free text of common trigrams, in no event (\"server.revoke\")", [&] {
        return page({{}, {}, {}, {}, {}, u"server.revoke"_s});
    });
    time("free text of 2 characters (too short for the index: read)", [&] {
        return page({{}, {}, {}, {}, {}, u"7z"_s});
    });

    QElapsedTimer t;
    t.start();
    const AuditVerification v = store->verifyAudit();
    std::printf("verify the whole chain: %s, %lld events, %.1f s\n", v.whole ? "whole" : "BROKEN",
                v.count, double(t.elapsed()) / 1000.0);
    return v.whole ? 0 : 1;
}

// Load and soak benchmark of the account service (not a test): many connections (default 50)
// send a mix of reads and writes back to back for a while (default 60 s) to the real service
// on loopback; prints requests, errors, p50 and p99 per kind of request and overall.
//   load-bench --service PATH [--db postgres://user@host:port/db [--instances 1]]
//              [--connections 50] [--seconds 60] [--warmup 5] [--rate 0] [--threads 2]
//              [--batch-servers 4] [--seed 1]
// --rate R paces the connections to R requests/s in all (latency counted from when each
// request was due); 0, the default, sends back to back.
// --instances N (PostgreSQL) starts N services on the one database, as a team runs them behind
// a load balancer; connection i talks to instance i mod N, and the grant batches of all of
// them share one revision, so a write through one instance must be seen through the others.
// scripts/bench.sh runs it after the other benchmarks.
#include "BenchService.h"
#include "HttpConnection.h"
#include "LatencyStats.h"
#include "LoadClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTextStream>
#include <QThread>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ca::bench;

namespace {

constexpr double kGoalP99Ms = 20.0;

struct Options
{
    QString service;
    QString db;
    int instances = 1;
    int connections = 50;
    int seconds = 60;
    int warmup = 5;
    int rate = 0;
    int threads = 2;
    int batchServers = 4;
    quint64 seed = 1;
};

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "load-bench: " << message << Qt::endl;
    return 1;
}

QString parseOptions(const QCoreApplication &app, Options *o)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Load benchmark: mixed reads and writes from many connections against the account service."_s);
    p.addHelpOption();
    const QCommandLineOption service(u"service"_s, u"The connect-admin-service binary."_s,
                                     u"path"_s);
    const QCommandLineOption db(
        u"db"_s, u"A PostgreSQL server to run on (a fresh database is made and dropped)."_s,
        u"postgres-url"_s);
    const QCommandLineOption instances(
        u"instances"_s, u"Services on the one PostgreSQL database (1)."_s, u"n"_s, u"1"_s);
    const QCommandLineOption connections(u"connections"_s, u"Connections (50)."_s, u"n"_s, u"50"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"Measured seconds (60)."_s, u"s"_s, u"60"_s);
    const QCommandLineOption warmup(u"warmup"_s, u"Unmeasured seconds first (5)."_s, u"s"_s,
                                    u"5"_s);
    const QCommandLineOption rate(
        u"rate"_s, u"Requests per second in all, paced (0: each connection back to back)."_s,
        u"n"_s, u"0"_s);
    const QCommandLineOption threads(u"threads"_s, u"Client threads (2)."_s, u"n"_s, u"2"_s);
    const QCommandLineOption batchServers(
        u"batch-servers"_s, u"Servers per connection whose cells its batches flip (4)."_s, u"n"_s,
        u"4"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed of the request mix (1)."_s, u"n"_s, u"1"_s);
    p.addOptions(
        {service, db, instances, connections, seconds, warmup, rate, threads, batchServers, seed});
    p.process(app);
    o->service = p.value(service);
    o->db = p.value(db);
    if (o->service.isEmpty())
        return u"--service PATH is required"_s;
    bool ok[8] = {};
    o->connections = p.value(connections).toInt(&ok[0]);
    o->seconds = p.value(seconds).toInt(&ok[1]);
    o->warmup = p.value(warmup).toInt(&ok[2]);
    o->threads = p.value(threads).toInt(&ok[3]);
    o->batchServers = p.value(batchServers).toInt(&ok[4]);
    o->seed = p.value(seed).toULongLong(&ok[5]);
    o->rate = p.value(rate).toInt(&ok[6]);
    o->instances = p.value(instances).toInt(&ok[7]);
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }) ||
        o->connections < 1 || o->seconds < 1 || o->warmup < 0 || o->threads < 1 ||
        o->batchServers < 1 || o->rate < 0 || o->instances < 1)
        return u"numbers expected: --instances, --connections, --seconds, --threads and "
               "--batch-servers at least 1, --warmup and --rate at least 0"_s;
    if (o->instances > 1 && o->db.isEmpty())
        return u"--instances above 1 needs --db postgres://… (instances share a database)"_s;
    return {};
}

// Answers a blocking request of the setup; an empty object and *error on failure.
QJsonObject call(HttpConnection &http, const QByteArray &method, const QByteArray &target,
                 const QJsonObject &body, int expected, QString *error)
{
    const auto r = http.sendAndWait(method, target,
                                    body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    if (r.status != expected) {
        *error =
            u"%1 %2 answered %3 %4"_s.arg(QString::fromLatin1(method), QString::fromLatin1(target))
                .arg(r.status)
                .arg(r.status ? QString::fromUtf8(r.body.left(300)) : r.error);
        return {};
    }
    return QJsonDocument::fromJson(r.body).object();
}

QString idNamed(const QJsonObject &list, const QString &name)
{
    for (const QJsonValue &v : list.value(u"items"_s).toArray())
        if (v[u"name"_s].toString() == name)
            return v[u"id"_s].toString();
    return {};
}

using Services = std::vector<std::unique_ptr<BenchService>>;

// Signs in through the first instance and makes each connection its own servers; returns the
// grant matrix's revision.
qint64 prepare(const Services &services, const Options &o, QList<ClientSetup> *clients,
               QString *error)
{
    const BenchService &service = *services.front();
    HttpConnection http(service.host(), service.port());
    const QJsonObject session = call(
        http, "POST", "/v1/auth/sessions",
        {{u"email"_s, service.ownerEmail()}, {u"password"_s, service.ownerPassword()}}, 201, error);
    if (session.isEmpty())
        return -1;
    const QByteArray token = session.value(u"token"_s).toString().toLatin1();
    http.setBearer(token);
    const QJsonObject vaults = call(http, "GET", "/v1/vaults?limit=1000", {}, 200, error);
    const QJsonObject groups = call(http, "GET", "/v1/groups?limit=1000", {}, 200, error);
    if (!error->isEmpty())
        return -1;
    QStringList grantable;
    for (const QJsonValue &v : vaults.value(u"items"_s).toArray())
        if (v[u"grantable"_s].toBool() && v[u"accessible"_s].toBool())
            grantable.append(v[u"id"_s].toString());
    const QString tokenVault = idNamed(vaults, u"Kubernetes"_s);
    const QString group = idNamed(groups, u"Operations"_s);
    if (grantable.isEmpty() || tokenVault.isEmpty() || group.isEmpty()) {
        *error = u"the sandbox lacks grantable vaults, Kubernetes or the Operations group"_s;
        return -1;
    }
    for (int i = 0; i < o.connections; ++i) {
        const BenchService &mine = *services.at(size_t(i) % services.size());
        ClientSetup c{mine.host(), mine.port(), token, i,          o.seed * 1000003 + quint64(i),
                      {},          grantable,   {},    tokenVault, group};
        for (int s = 0; s <= o.batchServers; ++s) {
            const bool forTokens = s == o.batchServers;
            QJsonObject body{{u"name"_s, u"load c%1 s%2"_s.arg(i).arg(s)}};
            if (forTokens)
                body.insert(u"vaults"_s, QJsonArray{tokenVault});
            const QJsonObject made = call(http, "POST", "/v1/connect/servers", body, 201, error);
            if (made.isEmpty())
                return -1;
            const QString id = made[u"server"_s][u"id"_s].toString();
            (forTokens ? c.tokenServer : c.batchServers.emplace_back()) = id;
        }
        clients->append(c);
    }
    const QJsonObject matrix = call(http, "GET", "/v1/connect/grants", {}, 200, error);
    return matrix.isEmpty() ? -1 : matrix.value(u"revision"_s).toInteger();
}

// Runs every client until the end of the run; returns the merged figures.
LatencyStats run(const Options &o, const QList<ClientSetup> &clients, qint64 revision)
{
    std::atomic<qint64> latestRevision{revision};
    RunTiming timing;
    timing.measureFrom = Clock::now() + std::chrono::seconds(o.warmup);
    timing.until = timing.measureFrom + std::chrono::seconds(o.seconds);
    if (o.rate > 0)
        timing.interval = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(double(o.connections) / o.rate));
    std::vector<LatencyStats> perThread(size_t(o.threads));
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < o.threads; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            QEventLoop loop;
            std::vector<std::unique_ptr<LoadClient>> mine;
            int running = 0;
            for (qsizetype i = t; i < clients.size(); i += o.threads) {
                mine.push_back(std::make_unique<LoadClient>(clients.at(i), latestRevision,
                                                            perThread[size_t(t)], timing));
                ++running;
                QObject::connect(mine.back().get(), &LoadClient::finished, &loop, [&] {
                    if (--running == 0)
                        loop.quit();
                });
            }
            for (auto &c : mine)
                c->start();
            if (running > 0)
                loop.exec();
        }));
        threads.back()->start();
    }
    LatencyStats all;
    for (size_t t = 0; t < threads.size(); ++t) {
        threads[t]->wait();
        all.merge(perThread[t]);
    }
    return all;
}

void report(const Options &o, const LatencyStats &stats, const Services &services)
{
    const BenchService &service = *services.front();
    const QString pacing =
        o.rate > 0
            ? u"paced at %1 requests/s in all (latency from when a request was due)"_s.arg(o.rate)
            : u"closed loop (each connection sends its next request when the answer is in)"_s;
    const QString instances =
        o.instances > 1 ? u", %1 service instances on it"_s.arg(o.instances) : QString();
    out() << u"%1 connections, %2 client threads, %3 s measured after %4 s warm-up; %5%6; %7\n"_s
                 .arg(o.connections)
                 .arg(o.threads)
                 .arg(o.seconds)
                 .arg(o.warmup)
                 .arg(service.describe(), instances, pacing);
    out() << u"%1 %2 %3 %4 %5 %6\n"_s.arg(u"kind"_s, -14)
                 .arg(u"requests"_s, 10)
                 .arg(u"errors"_s, 8)
                 .arg(u"p50 ms"_s, 9)
                 .arg(u"p99 ms"_s, 9)
                 .arg(u"max ms"_s, 9);
    const auto line = [](const QString &name, const LatencyStats::Summary &s) {
        out() << u"%1 %2 %3 %4 %5 %6\n"_s.arg(name, -14)
                     .arg(s.requests, 10)
                     .arg(s.errors, 8)
                     .arg(s.p50Ms, 9, 'f', 2)
                     .arg(s.p99Ms, 9, 'f', 2)
                     .arg(s.maxMs, 9, 'f', 1);
    };
    for (int k = 0; k < kRequestKinds; ++k)
        line(kindName(RequestKind(k)), stats.summary(RequestKind(k)));
    const LatencyStats::Summary all = stats.summary();
    line(u"all"_s, all);
    const qint64 batches = stats.summary(RequestKind::GrantBatch).requests;
    out() << u"throughput: %1 requests/s; %2 of %3 grant batches answered 409 stale_revision "
             "(another connection's batch came first: the documented answer, not an error)\n"_s
                 .arg(double(all.requests) / o.seconds, 0, 'f', 0)
                 .arg(stats.conflicts())
                 .arg(batches);
    // A soak shows itself over time: does the service slow down as its tables grow?
    out() << "by 10 s of the run (all kinds):";
    for (int w = 0; w < stats.windows(); ++w) {
        const LatencyStats::Summary s = stats.windowSummary(w);
        out() << u" [%1 req/s, p99 %2 ms]"_s.arg(double(s.requests) / 10.0, 0, 'f', 0)
                     .arg(s.p99Ms, 0, 'f', 1);
    }
    out() << '\n';
    for (const QString &e : stats.errorExamples())
        out() << "error example: " << e << '\n';
    const bool met = all.errors == 0 && all.p99Ms <= kGoalP99Ms;
    out() << u"goal (0 errors, p99 <= %1 ms): %2\n"_s.arg(kGoalP99Ms)
                 .arg(met ? u"met"_s : u"NOT met"_s);
    qint64 logLines = 0;
    for (const auto &s : services)
        logLines += s->logLines();
    out() << "service log: " << logLines << " lines on stderr (default logging)\n";
    out().flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"load-bench"_s);
    Options o;
    if (QString e = parseOptions(app, &o); !e.isEmpty())
        return fail(e);

    Services services;
    // Stopped last to first, on every way out: the first instance drops the database, after
    // the others have let go of it.
    const auto stopAll = [&services] {
        QString error;
        for (; !services.empty(); services.pop_back())
            if (QString e = services.back()->stop(); !e.isEmpty() && error.isEmpty())
                error = e;
        return error;
    };
    auto onEarlyReturn = qScopeGuard(stopAll);
    for (int i = 0; i < o.instances; ++i) {
        services.push_back(std::make_unique<BenchService>(o.service));
        const QString e =
            i == 0 ? services.back()->start(o.db) : services.back()->startBeside(*services.front());
        if (!e.isEmpty())
            return fail(e);
    }
    QList<ClientSetup> clients;
    QString error;
    const qint64 revision = prepare(services, o, &clients, &error);
    if (revision < 0)
        return fail(error);
    const LatencyStats stats = run(o, clients, revision);
    report(o, stats, services);
    onEarlyReturn.dismiss();
    if (QString e = stopAll(); !e.isEmpty())
        return fail(e);
    return 0;
}

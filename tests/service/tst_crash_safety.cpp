// Crash safety of connect-admin-service as a program: kill -9 while large grant batches and
// token creations and revocations are under way, restart it on the same database, and check
// that everything acknowledged is there, every batch is whole or absent (never partial), the
// revision and the audit log agree with the batches, each token server's tokens_version with
// its tokens, and (SQLite) that PRAGMA integrity_check says ok.
//
// CONNECTADMIN_CRASH_ROUNDS (default 10) rounds; round r uses the seed
// CONNECTADMIN_CRASH_SEED + r - 1 (default seed 1), printed in its name: the seed decides the
// kill moment, the cells of each batch and the token operations. scripts/crash-soak.sh runs
// many more rounds. CONNECTADMIN_SERVICE_PATH replaces the service built with the test.
#include "../support/TestSupport.h"
#include "CrashLoad.h"
#include "CrashWorld.h"
#include "ServiceProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;
using namespace ca::test;

namespace {

constexpr int kBatchServers = 600; // × 7 grantable vaults: 4,200 cells, ~2,900 in a batch
constexpr int kTokenServers = 3;
constexpr int kTokenStreams = 3;
constexpr int kMinKillMs = 100; // after the round's first requests went out
constexpr int kMaxKillMs = 1000;

int envNumber(const char *name, int fallback)
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue(name, &ok);
    return ok && n > 0 ? n : fallback;
}

// Every item of a paged list ("?limit=…" already in path), following next_cursor.
QString listAll(Http &http, const QString &path, QList<QJsonObject> *items)
{
    QString cursor;
    do {
        const Reply r = http.get(cursor.isEmpty() ? path : path + u"&cursor="_s + percent(cursor));
        if (r.status != 200)
            return u"GET %1 answered %2 %3"_s.arg(path).arg(r.status).arg(
                QString::fromUtf8(r.body.left(300)));
        for (const QJsonValue &v : r.json.value(u"items"_s).toArray())
            items->append(v.toObject());
        cursor = r.json.value(u"next_cursor"_s).toString();
    } while (!cursor.isEmpty());
    return {};
}

QString lower(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString().toLower();
}

// The file as the restarted service will find it: SQLite recovers the write-ahead log on
// open, then checks every page, index and foreign key.
QString checkSqliteFile(const QString &path)
{
    const QString name = u"crash-check"_s;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            return u"cannot open %1: %2"_s.arg(path, db.lastError().text());
        QSqlQuery q(db);
        QStringList rows;
        if (!q.exec(u"PRAGMA integrity_check"_s))
            error = u"integrity_check failed to run: "_s + q.lastError().text();
        while (q.next())
            rows.append(q.value(0).toString());
        if (error.isEmpty() && rows != QStringList{u"ok"_s})
            error = u"PRAGMA integrity_check: "_s + rows.join(u"; "_s);
        if (error.isEmpty() && (!q.exec(u"PRAGMA foreign_key_check"_s) || q.next()))
            error = u"PRAGMA foreign_key_check finds rows whose parent is missing"_s;
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

// What the checks found for the requests that were in flight when the service died.
struct Outcome
{
    QString batch = u"none"_s; // "none", "absent" or "whole"
    int createsInFlight = 0;
    int createsFound = 0;
    int revokesInFlight = 0;
    int revokesFound = 0;
};

// The matrix holds exactly the acknowledged batches, plus the unanswered one whole or not at
// all; the revision counts the batches that are there. Afterwards the world is what was seen.
QString checkMatrix(Http &http, CrashWorld &world, Outcome *outcome)
{
    const Reply r = http.get(u"/v1/connect/grants"_s);
    if (r.status != 200)
        return u"GET /v1/connect/grants answered %1"_s.arg(r.status);
    QBitArray seen(world.cellCount());
    QSet<QString> others;
    for (const QJsonValue &v : r.json.value(u"items"_s).toArray()) {
        const QString server = lower(v.toObject(), u"server"_s);
        const QString vault = lower(v.toObject(), u"vault"_s);
        const int s = world.serverIndex.value(server, -1);
        const int c = world.vaultIndex.value(vault, -1);
        if (s < 0)
            others.insert(server + u'/' + vault);
        else if (c < 0)
            return u"server %1 has the vault %2, which no batch granted"_s.arg(server, vault);
        else
            seen.setBit(world.cell(s, c));
    }
    if (others != world.otherGrants)
        return u"the grants of servers no batch touched changed"_s;
    const qint64 revision = r.json.value(u"revision"_s).toInteger(-1);
    qint64 expected = world.revision;
    if (seen == world.cells) {
        outcome->batch = world.batchInFlight ? u"absent"_s : u"none"_s;
    } else if (world.batchInFlight && seen == (world.cells ^ *world.batchInFlight)) {
        outcome->batch = u"whole"_s;
        ++expected;
    } else {
        const QBitArray changed = seen ^ world.cells;
        const qsizetype ofBatch =
            world.batchInFlight ? (changed & *world.batchInFlight).count(true) : 0;
        return u"partial state: %1 cells differ from the acknowledged state, %2 of them in the "
               "unanswered batch of %3 cells"_s.arg(changed.count(true))
                   .arg(ofBatch)
                   .arg(world.batchInFlight ? world.batchInFlight->count(true) : 0);
    }
    if (revision != expected)
        return u"the revision is %1, expected %2 (batch in flight: %3)"_s.arg(revision)
            .arg(expected)
            .arg(outcome->batch);
    world.cells = seen;
    world.revision = revision;
    world.batchInFlight.reset();
    return {};
}

// One grants.batch audit event for each revision since the last check, none beyond.
QString checkAudit(Http &http, qint64 auditedRevision, qint64 revision)
{
    QList<qint64> found;
    QString cursor;
    bool passedAudited = false;
    while (!passedAudited) {
        const QString path = u"/v1/audit?limit=1000"_s +
                             (cursor.isEmpty() ? QString() : u"&cursor="_s + percent(cursor));
        const Reply r = http.get(path);
        if (r.status != 200)
            return u"GET /v1/audit answered %1"_s.arg(r.status);
        for (const QJsonValue &v : r.json.value(u"items"_s).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(u"action"_s).toString() != u"grants.batch")
                continue;
            const qint64 at = e.value(u"target_id"_s).toString().toLongLong();
            if (at <= auditedRevision) {
                passedAudited = true; // newest first: the rest was checked before
                break;
            }
            const QJsonObject detail = e.value(u"detail"_s).toObject();
            if (detail.value(u"applied"_s).toInteger() <= 0 ||
                detail.value(u"applied"_s).toInteger() != detail.value(u"changes"_s).toInteger())
                return u"the audit event of revision %1 says %2 of %3 changes applied"_s.arg(at)
                    .arg(detail.value(u"applied"_s).toInteger())
                    .arg(detail.value(u"changes"_s).toInteger());
            found.append(at);
        }
        cursor = r.json.value(u"next_cursor"_s).toString();
        if (cursor.isEmpty())
            break;
    }
    std::sort(found.begin(), found.end());
    QList<qint64> expected;
    for (qint64 at = auditedRevision + 1; at <= revision; ++at)
        expected.append(at);
    if (found != expected)
        return u"grants.batch audit events for revisions %1..%2: found %3"_s
            .arg(auditedRevision + 1)
            .arg(revision)
            .arg(found.size());
    return {};
}

// Acknowledged creations exist, acknowledged revocations are revoked, unanswered ones either
// happened or not; no token appears that nobody created; each token server's tokens_version
// counts its creations and revocations. Afterwards the world is what was seen.
QString checkTokens(Http &http, CrashWorld &world, Outcome *outcome)
{
    QList<QJsonObject> items;
    if (QString e = listAll(http, u"/v1/connect/tokens?limit=1000"_s, &items); !e.isEmpty())
        return e;
    QHash<QString, QJsonObject> byId, byName;
    QHash<QString, qint64> changesOf; // token server -> creations + revocations
    for (const QJsonObject &t : std::as_const(items)) {
        byId.insert(lower(t, u"id"_s), t);
        byName.insert(t.value(u"name"_s).toString(), t);
        changesOf[lower(t, u"integrationId"_s)] +=
            t.value(u"state"_s).toString() == u"REVOKED" ? 2 : 1;
    }
    QSet<QString> known = world.otherTokens;
    for (auto it = world.tokens.begin(); it != world.tokens.end();) {
        CrashToken &t = it.value();
        if (t.id.isEmpty()) { // created, no answer
            ++outcome->createsInFlight;
            if (!byName.contains(it.key())) {
                it = world.tokens.erase(it);
                continue;
            }
            ++outcome->createsFound;
            t.id = lower(byName.value(it.key()), u"id"_s);
        }
        const QJsonObject seen = byId.value(t.id);
        const QString state = seen.value(u"state"_s).toString();
        if (seen.isEmpty())
            return u"the acknowledged token \"%1\" (%2) is gone"_s.arg(it.key(), t.id);
        if (seen.value(u"name"_s).toString() != it.key() ||
            lower(seen, u"integrationId"_s) != t.server)
            return u"the token %1 changed its name or server"_s.arg(t.id);
        if (t.revokeInFlight) {
            ++outcome->revokesInFlight;
            outcome->revokesFound += state == u"REVOKED";
            t.revoked = state == u"REVOKED";
            t.revokeInFlight = false;
        }
        if (state != (t.revoked ? u"REVOKED"_s : u"ACTIVE"_s))
            return u"the token \"%1\" is %2, expected %3"_s.arg(
                it.key(), state, t.revoked ? u"REVOKED"_s : u"ACTIVE"_s);
        known.insert(t.id);
        ++it;
    }
    for (auto it = byId.cbegin(); it != byId.cend(); ++it)
        if (!known.contains(it.key()))
            return u"a token nobody created: %1 \"%2\""_s.arg(
                it.key(), it.value().value(u"name"_s).toString());

    QList<QJsonObject> servers;
    if (QString e = listAll(http, u"/v1/connect/servers?limit=1000"_s, &servers); !e.isEmpty())
        return e;
    for (const QJsonObject &s : std::as_const(servers)) {
        const QString id = lower(s, u"id"_s);
        if (!world.tokensVersionBase.contains(id))
            continue;
        const qint64 version = s.value(u"tokens_version"_s).toInteger();
        if (version - world.tokensVersionBase.value(id) != changesOf.value(id))
            return u"server %1: tokens_version %2 (was %3), but its tokens record %4 changes"_s
                .arg(id)
                .arg(version)
                .arg(world.tokensVersionBase.value(id))
                .arg(changesOf.value(id));
    }
    return {};
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<ServiceProcess> m_service;
    QByteArray m_session;
    CrashWorld m_world;
    qint64 m_auditedRevision = 0;
    bool m_broken = false; // a failed round leaves the next one an unknown state

    bool sqlite() const { return backend() != u"postgres"; }

    QString startService()
    {
        return m_service->start({u"--sandbox"_s, m_dir.filePath(u"sandbox"_s), u"--db"_s,
                                 m_database, u"--port"_s, u"0"_s, u"--workers"_s, u"3"_s});
    }

    // Servers, vaults and the state every round starts from.
    QString setUpWorld(Http &http)
    {
        QList<QJsonObject> vaults;
        if (QString e = listAll(http, u"/v1/vaults?limit=1000"_s, &vaults); !e.isEmpty())
            return e;
        for (const QJsonObject &v : std::as_const(vaults))
            if (v.value(u"grantable"_s).toBool() && v.value(u"accessible"_s).toBool()) {
                m_world.vaultIndex.insert(lower(v, u"id"_s), int(m_world.vaults.size()));
                m_world.vaults.append(lower(v, u"id"_s));
            }
        for (int i = 0; i < kBatchServers + kTokenServers; ++i) {
            const bool tokens = i >= kBatchServers;
            QJsonObject body{{u"name"_s, u"crash %1"_s.arg(i)}};
            if (tokens) // a vault no batch touches, for the tokens to reach
                body.insert(u"vaults"_s, QJsonArray{u"Kubernetes"_s});
            const Reply r = http.post(u"/v1/connect/servers"_s, body);
            if (r.status != 201)
                return u"creating a server answered %1"_s.arg(r.status);
            const QJsonObject server = r.json.value(u"server"_s).toObject();
            const QString id = lower(server, u"id"_s);
            if (tokens) {
                m_world.tokenServers.append(id);
                m_world.tokensVersionBase.insert(id, server.value(u"tokens_version"_s).toInteger());
            } else {
                m_world.serverIndex.insert(id, int(m_world.batchServers.size()));
                m_world.batchServers.append(id);
            }
        }
        m_world.cells = QBitArray(m_world.cellCount());
        const Reply matrix = http.get(u"/v1/connect/grants"_s);
        for (const QJsonValue &v : matrix.json.value(u"items"_s).toArray())
            m_world.otherGrants.insert(lower(v.toObject(), u"server"_s) + u'/' +
                                       lower(v.toObject(), u"vault"_s));
        m_world.revision = matrix.json.value(u"revision"_s).toInteger(-1);
        m_auditedRevision = m_world.revision;
        QList<QJsonObject> tokens;
        if (QString e = listAll(http, u"/v1/connect/tokens?limit=1000"_s, &tokens); !e.isEmpty())
            return e;
        for (const QJsonObject &t : std::as_const(tokens))
            m_world.otherTokens.insert(lower(t, u"id"_s));
        return {};
    }

    QString check(Outcome *outcome)
    {
        Http http(m_service->url());
        http.setToken(QString::fromLatin1(m_session));
        if (const Reply me = http.get(u"/v1/auth/sessions/current"_s); me.status != 200)
            return u"the session from before the crashes answers %1"_s.arg(me.status);
        const qint64 before = m_auditedRevision;
        if (QString e = checkMatrix(http, m_world, outcome); !e.isEmpty())
            return e;
        if (QString e = checkAudit(http, before, m_world.revision); !e.isEmpty())
            return e;
        m_auditedRevision = m_world.revision;
        return checkTokens(http, m_world, outcome);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = sqlite() ? m_dir.filePath(u"crash.sqlite"_s) : freshDatabase(m_dir);
        // CONNECTADMIN_SERVICE_PATH runs another build of the service (an installed one, or a
        // deliberately broken one to see the test catch it).
        QString program = qEnvironmentVariable("CONNECTADMIN_SERVICE_PATH");
        if (program.isEmpty())
            program = QStringLiteral(SERVICE_PATH);
        m_service = std::make_unique<ServiceProcess>(program, m_dir.filePath(u"service.log"_s));
        const QString error = startService();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile ownerFile(m_dir.filePath(u"sandbox/sandbox-owner.json"_s));
        QVERIFY(ownerFile.open(QIODevice::ReadOnly));
        const QJsonObject owner = QJsonDocument::fromJson(ownerFile.readAll()).object();
        Http http(m_service->url());
        m_session =
            http.signIn(owner.value(u"email"_s).toString(), owner.value(u"password"_s).toString())
                .toLatin1();
        QVERIFY(!m_session.isEmpty());
        const QString setUp = setUpWorld(http);
        QVERIFY2(setUp.isEmpty(), qPrintable(setUp));
        QCOMPARE(m_world.vaults.size(), 7);
        QVERIFY(m_world.revision >= 0);
        qInfo("%s: %lld cells on %lld servers; %d token streams on %d servers",
              qPrintable(backend()), qint64(m_world.cellCount()),
              qint64(m_world.batchServers.size()), kTokenStreams, kTokenServers);
    }

    void killedDuringWrites_data()
    {
        QTest::addColumn<quint64>("seed");
        const int rounds = envNumber("CONNECTADMIN_CRASH_ROUNDS", 10);
        const quint64 firstSeed = quint64(envNumber("CONNECTADMIN_CRASH_SEED", 1));
        for (int r = 1; r <= rounds; ++r)
            QTest::addRow("round %d seed %llu", r, firstSeed + quint64(r) - 1)
                << firstSeed + quint64(r) - 1;
    }

    void killedDuringWrites()
    {
        QFETCH(quint64, seed);
        if (m_broken)
            QFAIL("an earlier round failed; this one would start from an unknown state");
        m_broken = true;
        std::mt19937_64 random(seed);
        const int killAfterMs = std::uniform_int_distribution<int>(kMinKillMs, kMaxKillMs)(random);

        CrashLoad load(m_world, m_service->url(), m_session, u"seed%1"_s.arg(seed), random());
        load.start(kTokenStreams);
        QTest::qWait(killAfterMs); // the writes run meanwhile; the moment is the seed's
        load.stop();
        m_service->killHard();
        QVERIFY2(QTest::qWaitFor([&] { return load.pending() == 0; }, 30000),
                 "requests were still open 30 s after the kill");
        QVERIFY2(load.failures().isEmpty(), qPrintable(load.failures().join(u'\n')));
        const int inFlightCells =
            m_world.batchInFlight ? int(m_world.batchInFlight->count(true)) : 0;

        if (sqlite()) {
            const QString damaged = checkSqliteFile(m_database);
            QVERIFY2(damaged.isEmpty(), qPrintable(damaged));
        }
        const QString restart = startService();
        QVERIFY2(restart.isEmpty(), qPrintable(restart));
        Outcome outcome;
        const QString wrong = check(&outcome);
        QVERIFY2(wrong.isEmpty(), qPrintable(u"seed %1: "_s.arg(seed) + wrong));

        const CrashLoad::Counts done = load.counts();
        qInfo("seed %llu: killed after %d ms; acknowledged %d batches, %d token creations, %d "
              "revocations; in flight: batch of %d cells %s, creations %d/%d there, revocations "
              "%d/%d done; revision %lld",
              seed, killAfterMs, done.batches, done.created, done.revoked, inFlightCells,
              qPrintable(outcome.batch), outcome.createsFound, outcome.createsInFlight,
              outcome.revokesFound, outcome.revokesInFlight, m_world.revision);
        m_broken = false;
    }

    void cleanupTestCase()
    {
        if (!m_service)
            return;
        const QString stopped = m_service->stop();
        QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
        if (sqlite() && QFile::exists(m_database)) {
            const QString damaged = checkSqliteFile(m_database);
            QVERIFY2(damaged.isEmpty(), qPrintable(damaged));
        }
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"

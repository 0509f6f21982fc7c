// The Store on a real database (SQLite or PostgreSQL, by CONNECTADMIN_TEST_BACKEND).
#include "../support/TestSupport.h"
#include "core/Ids.h"
#include "service/Store.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace ca;

class TestStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<Store> m_store;

private slots:
    void init()
    {
        m_url = test::freshDatabase(m_dir);
        m_store = Store::open(m_url, u"store-test"_s);
        QCOMPARE(m_store->migrate(), Store::latestSchemaVersion());
    }
    void cleanup() { m_store.reset(); }

    void backendIsTheOneAskedFor()
    {
        QCOMPARE(m_store->isPostgres(), test::backend() == u"postgres");
    }

    void sqliteCommitsAreDurable()
    {
        // synchronous=FULL: a commit is on disk before the change is acknowledged.
        QCOMPARE(m_store->sqliteSynchronous(), m_store->isPostgres() ? 0 : 2);
        auto other = Store::open(m_url, u"store-test-3"_s);
        QCOMPARE(other->sqliteSynchronous(), m_store->isPostgres() ? 0 : 2);
    }

    void migrationsAreIdempotent()
    {
        const qint64 revision = m_store->grantsRevision();
        QCOMPARE(m_store->migrate(), Store::latestSchemaVersion());
        QCOMPARE(m_store->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(m_store->grantsRevision(), revision);
        // A second connection (a second service instance) sees the same schema and migrates
        // nothing.
        auto other = Store::open(m_url, u"store-test-2"_s);
        QCOMPARE(other->migrate(), Store::latestSchemaVersion());
    }

    void twoInstancesMigrateOneDatabaseAtOnce()
    {
        // Two service instances starting together on one database: each migrates on its own
        // connection in its own thread, both at the same moment. Both must end at the latest
        // schema without an error (PostgreSQL: the advisory lock; SQLite: the version is
        // read again inside the write transaction). A few rounds, each on a fresh database.
        for (int round = 0; round < 20; ++round) {
            const QString url = test::freshDatabase(m_dir);
            std::atomic<int> arrived{0}; // a barrier (libstdc++ 12's std::latch can hang)
            int versions[2] = {0, 0};
            QString errors[2];
            QList<QThread *> threads;
            for (int i = 0; i < 2; ++i) {
                threads.append(QThread::create([&, i] {
                    // Both start together; opening is part of the race too.
                    ++arrived;
                    while (arrived.load() < 2)
                        QThread::yieldCurrentThread();
                    try {
                        auto store = Store::open(url, u"migrate-%1-%2"_s.arg(round).arg(i));
                        versions[i] = store->migrate();
                    } catch (const StoreError &e) {
                        errors[i] = QString::fromUtf8(e.what());
                    }
                }));
                threads.last()->start();
            }
            for (QThread *t : threads) {
                QVERIFY(t->wait(60000));
                delete t;
            }
            for (int i = 0; i < 2; ++i) {
                QVERIFY2(errors[i].isEmpty(), qPrintable(errors[i]));
                QCOMPARE(versions[i], Store::latestSchemaVersion());
            }
            auto check = Store::open(url, u"migrate-check-%1"_s.arg(round));
            QCOMPARE(check->schemaVersion(), Store::latestSchemaVersion());
            QCOMPARE(check->grantsRevision(), 1); // the seed row was written once
        }
    }

    void pagingVisitsEveryRowOnce()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QSet<QString> inserted;
        {
            Store::Transaction tx(*m_store);
            for (int i = 0; i < 237; ++i) {
                Server s;
                s.id = newId();
                s.name = u"server %1"_s.arg(i);
                s.createdAt = now;
                s.creatorId = newId();
                m_store->insertServer(s, "sealed");
                inserted.insert(s.id);
            }
            tx.commit();
        }
        QSet<QString> seen;
        PageRequest page;
        page.limit = 50;
        int pages = 0;
        do {
            const Page<Server> p = m_store->listServers(page, std::nullopt, now);
            for (const Server &s : p.items) {
                QVERIFY(!seen.contains(s.id));
                seen.insert(s.id);
            }
            page.after = p.nextCursor;
            ++pages;
        } while (!page.after.isEmpty());
        QCOMPARE(seen, inserted);
        QCOMPARE(pages, 5);
    }

    void transactionRollsBackWhenNotCommitted()
    {
        const qint64 before = m_store->count(u"users"_s);
        {
            Store::Transaction tx(*m_store);
            m_store->insertUser(User{newId(), u"a@b.c"_s, u"A"_s, u"ACTIVE"_s}, u"hash"_s,
                                QDateTime::currentDateTimeUtc());
            QCOMPARE(m_store->count(u"users"_s), before + 1);
        }
        QCOMPARE(m_store->count(u"users"_s), before);
    }

    void failedStatementThrowsAndRollsBack()
    {
        const User u{newId(), u"dup@b.c"_s, u"A"_s, u"ACTIVE"_s};
        m_store->insertUser(u, u"hash"_s, QDateTime::currentDateTimeUtc());
        const qint64 audits = m_store->auditCount();
        bool thrown = false;
        try {
            Store::Transaction tx(*m_store);
            m_store->insertAudit(AuditEvent{
                0, QDateTime::currentDateTimeUtc(), {}, u"x"_s, u"y"_s, u"z"_s, {}, 0, {}});
            m_store->insertUser(User{newId(), u"dup@b.c"_s, u"B"_s, u"ACTIVE"_s}, u"hash"_s,
                                QDateTime::currentDateTimeUtc());
            tx.commit();
        } catch (const StoreError &) {
            thrown = true;
        }
        QVERIFY(thrown);
        QCOMPARE(m_store->auditCount(), audits);
        // The connection is usable afterwards.
        QVERIFY(m_store->userByEmail(u"DUP@b.c"_s).has_value());
    }

    void grantsRevisionBumpsOnlyFromTheExpectedValue()
    {
        const qint64 r = m_store->grantsRevision();
        QVERIFY(!m_store->bumpGrantsRevision(r - 1));
        QCOMPARE(m_store->grantsRevision(), r);
        QVERIFY(m_store->bumpGrantsRevision(r));
        QCOMPARE(m_store->grantsRevision(), r + 1);
        QVERIFY(m_store->bumpGrantsRevision(std::nullopt));
        QCOMPARE(m_store->grantsRevision(), r + 2);
    }

    void groupGrantsAreUnique()
    {
        const Group g{newId(), u"G"_s, {}, false};
        m_store->insertGroup(g, QDateTime::currentDateTimeUtc());
        GroupGrant grant{g.id, GroupGrantKind::Manager, {}, QDateTime::currentDateTimeUtc()};
        QVERIFY(m_store->insertGroupGrant(grant));
        QVERIFY(!m_store->insertGroupGrant(grant));
        grant.kind = GroupGrantKind::AllServers;
        QVERIFY(m_store->insertGroupGrant(grant));
        QCOMPARE(m_store->listGroupGrants().size(), 2);
    }

    void sessionsAreFoundByHashOnly()
    {
        const User u{newId(), u"s@b.c"_s, u"S"_s, u"ACTIVE"_s};
        m_store->insertUser(u, u"hash"_s, QDateTime::currentDateTimeUtc());
        const QByteArray hash = QByteArray(32, 'h');
        m_store->insertSession(hash, u.id, QDateTime::currentDateTimeUtc(),
                               QDateTime::currentDateTimeUtc().addSecs(60));
        QCOMPARE(m_store->session(hash)->user.id, u.id);
        QVERIFY(!m_store->session(QByteArray(32, 'x')).has_value());
        QCOMPARE(m_store->deleteExpiredSessions(QDateTime::currentDateTimeUtc().addSecs(120)), 1);
        QVERIFY(!m_store->session(hash).has_value());
    }

    void namesWithSqlMetacharactersAndUnicodeAreStoredVerbatim()
    {
        const QStringList names{u"Robert'); DROP TABLE servers;--"_s, u"名前 ✓ «Prod»"_s,
                                u"100% _wild_"_s};
        for (const QString &name : names) {
            Server s;
            s.id = newId();
            s.name = name;
            s.createdAt = QDateTime::currentDateTimeUtc();
            s.creatorId = newId();
            m_store->insertServer(s, "sealed");
            const QList<Server> found = m_store->serverCandidates(name);
            QCOMPARE(found.size(), 1);
            QCOMPARE(found.first().name, name);
        }
        QCOMPARE(m_store->count(u"servers"_s), names.size());
        QVERIFY(m_store->serverCandidates(u"%"_s).isEmpty());
    }

    void tokenVaultsKeepTheirAccess()
    {
        Token t;
        t.id = newId();
        t.name = u"t"_s;
        t.serverId = newId();
        t.createdAt = QDateTime::currentDateTimeUtc();
        t.vaults = {{newId(), Access::Read}, {newId(), Access::Write}};
        m_store->insertToken(t, newId());
        const auto back = m_store->token(t.id);
        QVERIFY(back.has_value());
        QCOMPARE(back->vaults.size(), 2);
        QSet<int> acls;
        for (const TokenVault &v : back->vaults)
            acls.insert(aclBits(v.access));
        QCOMPARE(acls, (QSet<int>{48, 960}));
        QVERIFY(!back->expiresAt.isValid());
    }

    // ---- the audit log's hash chain
private:
    // One server rename, in its own transaction, as the service writes it.
    void writeEvent(Store &store, const QDateTime &at, const QJsonObject &detail,
                    const QString &action = u"server.rename"_s)
    {
        store.insertAudit(
            AuditEvent{0, at, {}, action, u"server"_s, newId().toUpper(), detail, 0, {}});
    }

    // n events, "name 0" … "name n-1".
    void writeEvents(Store &store, int n, const QString &action = u"server.rename"_s)
    {
        for (int i = 0; i < n; ++i)
            writeEvent(store, QDateTime::currentDateTimeUtc(),
                       QJsonObject{{u"to"_s, u"name %1"_s.arg(i)}}, action);
    }

    void writeEventAt(const QDateTime &at) { writeEvent(*m_store, at, {}); }

    // A statement on the store's own connection, behind its back: what an intruder with
    // database access would do.
    void tamper(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(u"store-test"_s));
        QVERIFY2(q.exec(sql), qPrintable(sql));
    }

    qint64 idAt(qint64 seq)
    {
        QSqlQuery q(QSqlDatabase::database(u"store-test"_s));
        q.exec(u"SELECT id FROM audit_events WHERE seq = %1"_s.arg(seq));
        return q.next() ? q.value(0).toLongLong() : -1;
    }

private slots:
    void auditChainIsWholeAfterWrites()
    {
        writeEvents(*m_store, 10);
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY2(v.whole, qPrintable(v.problem));
        QCOMPARE(v.count, m_store->auditCount());
        QCOMPARE(v.count, 10);
        // Each event links to the one before it.
        const Page<AuditEvent> page = m_store->listAudit({2, {}});
        QCOMPARE(page.items.at(0).seq, 10);
        QCOMPARE(page.items.at(1).seq, 9);
        QCOMPARE(page.items.at(0).hash.size(), 64);
    }

    void auditChainFindsAnEditedEvent()
    {
        writeEvents(*m_store, 10);
        const qint64 id = idAt(4);
        tamper(u"UPDATE audit_events SET detail = '{\"to\":\"innocent\"}' WHERE seq = 4"_s);
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY(!v.whole);
        QCOMPARE(v.brokenSeq, 4);
        QCOMPARE(v.brokenEventId, id);
        QCOMPARE(v.count, 3);
    }

    void auditChainFindsAnEditedActor()
    {
        writeEvents(*m_store, 5);
        tamper(u"UPDATE audit_events SET actor_id = 'someoneelse' WHERE seq = 2"_s);
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY(!v.whole);
        QCOMPARE(v.brokenSeq, 2);
    }

    void auditChainFindsADeletedEvent()
    {
        writeEvents(*m_store, 10);
        tamper(u"DELETE FROM audit_events WHERE seq = 6"_s);
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY(!v.whole);
        QCOMPARE(v.brokenSeq, 6);
        QCOMPARE(v.brokenEventId, 0); // nothing is there any more
        QVERIFY2(v.problem.contains(u"missing"_s), qPrintable(v.problem));
    }

    void auditChainFindsTheLastEventDeleted()
    {
        writeEvents(*m_store, 10);
        tamper(u"DELETE FROM audit_events WHERE seq = 10"_s);
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY(!v.whole);
        QCOMPARE(v.brokenSeq, 10);
    }

    void auditChainFindsTwoEventsReordered()
    {
        writeEvents(*m_store, 10);
        // Swap the chain places of events 5 and 7 (through a free value: seq is unique).
        tamper(u"UPDATE audit_events SET seq = -5 WHERE seq = 5"_s);
        tamper(u"UPDATE audit_events SET seq = 5 WHERE seq = 7"_s);
        tamper(u"UPDATE audit_events SET seq = 7 WHERE seq = -5"_s);
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY(!v.whole);
        QCOMPARE(v.brokenSeq, 5);
        QCOMPARE(v.count, 4);
    }

    void auditChainFindsEventsReorderedWithTheirHashes()
    {
        // Swapping whole rows (content and hash together) breaks the link to the previous one.
        writeEvents(*m_store, 6);
        tamper(u"UPDATE audit_events SET seq = -3 WHERE seq = 3"_s);
        tamper(u"UPDATE audit_events SET seq = 3 WHERE seq = 4"_s);
        tamper(u"UPDATE audit_events SET seq = 4 WHERE seq = -3"_s);
        QCOMPARE(m_store->verifyAudit().brokenSeq, 3);
    }

    void auditChainFindsAnEventAddedOutsideIt()
    {
        writeEvents(*m_store, 3);
        tamper(u"INSERT INTO audit_events (at, action, target_type, target_id, detail) "
               "VALUES (1, 'server.delete', 'server', 'X', '{}')"_s);
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY(!v.whole);
        QVERIFY2(v.problem.contains(u"not part of the chain"_s), qPrintable(v.problem));
    }

    void auditBacklogIsChainedByTheMigration()
    {
        // Events as schema 1 left them: no place in the chain, no hash, no object index.
        writeEvents(*m_store, 7);
        tamper(u"UPDATE audit_events SET seq = NULL, hash = NULL"_s);
        tamper(u"DELETE FROM audit_objects"_s);
        tamper(u"UPDATE audit_chain SET seq = 0, hash = ''"_s);
        QVERIFY(!m_store->verifyAudit().whole);
        {
            Store::Transaction tx(*m_store);
            m_store->chainAuditBacklog();
            tx.commit();
        }
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY2(v.whole, qPrintable(v.problem));
        QCOMPARE(v.count, 7);
        writeEvents(*m_store, 1); // new events continue the chain
        QCOMPARE(m_store->verifyAudit().count, 8);
        // Chained in the order they were written, and findable by object again.
        const Page<AuditEvent> all = m_store->listAudit({100, {}});
        QCOMPARE(all.items.last().seq, 1);
        AuditFilter byTarget;
        byTarget.objectId = canonicalId(all.items.last().targetId);
        QCOMPARE(m_store->listAudit({100, {}}, byTarget).items.size(), 1);
    }

    void auditTextBacklogIsIndexedByTheMigration()
    {
        // Events written before the text index (migration 7; on PostgreSQL migration 9, which
        // moved it off the events) are found by the free-text filter once it has run, as
        // later ones are; on PostgreSQL the index is keyed by audit_trigrams (migration 10),
        // and pg_trgm's index (migration 9) is gone.
        QSqlQuery q(QSqlDatabase::database(u"store-test"_s));
        auto indexes = [&](const QString &name) {
            return q.exec(u"SELECT COUNT(*) FROM pg_indexes WHERE indexname = '%1'"_s.arg(name)) &&
                           q.next()
                       ? q.value(0).toInt()
                       : -1;
        };
        if (m_store->isPostgres()) {
            QCOMPARE(indexes(u"audit_text_trigrams"_s), 1);
            QCOMPARE(indexes(u"audit_text_body"_s), 0);
            QCOMPARE(indexes(u"audit_events_text"_s), 0); // no index the writes must update
        }
        writeEvents(*m_store, 3, u"server.rename"_s);
        if (m_store->isPostgres()) {
            // As migration 7 left it: the text indexed on the events themselves.
            tamper(u"DROP TABLE audit_text"_s);
            tamper(u"DELETE FROM meta WHERE key = 'audit_text_indexed'"_s);
            tamper(u"CREATE INDEX audit_events_text ON audit_events USING gin ((lower(action ||"
                   " chr(10) || target_id || chr(10) || detail)) gin_trgm_ops)"_s);
        } else {
            tamper(u"DROP TABLE audit_text"_s); // as before migration 7: no index
        }
        {
            Store::Transaction tx(*m_store);
            if (m_store->isPostgres()) {
                m_store->indexAuditTextApart();
                m_store->indexAuditTrigrams();
            } else {
                m_store->indexAuditText();
            }
            tx.commit();
        }
        if (m_store->isPostgres()) {
            QCOMPARE(indexes(u"audit_events_text"_s), 0);
            QCOMPARE(indexes(u"audit_text_body"_s), 0);
            QCOMPARE(indexes(u"audit_text_trigrams"_s), 1);
        }
        AuditFilter text;
        text.text = u"NAME 1"_s;
        const Page<AuditEvent> found = m_store->listAudit({100, {}}, text);
        QCOMPARE(found.items.size(), 1);
        QCOMPARE(found.items.first().detail.value(u"to"_s).toString(), u"name 1"_s);
        writeEvents(*m_store, 2, u"server.rename"_s); // and later ones too
        QCOMPARE(m_store->listAudit({100, {}}, text).items.size(), 2);
    }

    void aLargeTextBacklogIsAnalysedWhenIndexed()
    {
        // 1,200 events written before any search (as a bulk import or migration 9 leaves
        // them); the first search indexes them all. A common word then gives the newest page.
        // On PostgreSQL the planner needs statistics on the text to read a common word newest
        // first instead of collecting every match through the trigram index (381-900 ms at a
        // million events): the indexer renews them after a large batch, without waiting for
        // autovacuum (switched off for the table here, so only the indexer can have done it).
        if (m_store->isPostgres())
            tamper(u"ALTER TABLE audit_text SET (autovacuum_enabled = false)"_s);
        auto statistics = [&] {
            QSqlQuery q(QSqlDatabase::database(u"store-test"_s));
            return q.exec(u"SELECT COUNT(*) FROM pg_stats WHERE tablename = 'audit_text' AND"
                          " attname = 'body'"_s) &&
                           q.next()
                       ? q.value(0).toInt()
                       : -1;
        };
        if (m_store->isPostgres())
            QCOMPARE(statistics(), 0);
        {
            Store::Transaction tx(*m_store);
            writeEvents(*m_store, 1200);
            tx.commit();
        }
        AuditFilter f;
        f.text = u"name 1"_s; // name 1, name 10-19, name 100-199, name 1000-1199
        const Page<AuditEvent> page = m_store->listAudit({100, {}}, f);
        QCOMPARE(page.items.size(), 100);
        QCOMPARE(page.items.first().detail.value(u"to"_s).toString(), u"name 1199"_s);
        QCOMPARE(page.items.last().detail.value(u"to"_s).toString(), u"name 1100"_s);
        if (m_store->isPostgres())
            QCOMPARE(statistics(), 1);
    }

    void auditTimeWindowsFollowTheLogOrder()
    {
        // Time filters find a window's events by their IDs (Store::auditIdRange), which is
        // right only where times follow the log's order. Events from before migration 8 may
        // not: here six whose times jump about, as a clock set back would leave them.
        const QDateTime t0 = QDateTime::fromString(u"2026-11-01T00:00:00Z"_s, Qt::ISODate);
        auto hours = [&](double h) { return t0.addMSecs(qint64(h * 3600 * 1000)); };
        const QList<double> backlog{1, 10, 2.5, 4, 2, 6};
        for (double h : backlog)
            writeEventAt(hours(h));
        for (qsizetype i = 0; i < backlog.size(); ++i)
            tamper(u"UPDATE audit_events SET at = %1 WHERE seq = %2"_s
                       .arg(hours(backlog.at(i)).toMSecsSinceEpoch())
                       .arg(i + 1));
        tamper(u"UPDATE audit_chain SET at = %1"_s.arg(hours(10).toMSecsSinceEpoch()));
        tamper(u"DELETE FROM meta WHERE key = 'audit_time_ordered_from'"_s);
        {
            Store::Transaction tx(*m_store);
            m_store->markAuditTimeOrder();
            tx.commit();
        }
        // New events never go back before the latest time in the log.
        for (double h : {7.0, 11.0, 12.0})
            writeEventAt(hours(h));
        const QList<AuditEvent> all = m_store->listAudit({1000, {}}).items;
        QCOMPARE(all.size(), 9);
        QCOMPARE(all.at(2).at, hours(10)); // written at 7 h, after an event at 10 h
        QCOMPARE(all.at(1).at, hours(11));

        // Every window gives what reading every event would.
        const QList<double> edges{-1, 0, 1.5, 2.2, 3, 5, 9, 10, 10.5, 11, 13};
        for (double since : edges) {
            for (double until : edges) {
                AuditFilter f;
                if (since >= 0)
                    f.since = hours(since);
                if (until >= 0)
                    f.until = hours(until);
                QList<qint64> expected, got;
                for (const AuditEvent &e : all) {
                    if ((!f.since.isValid() || e.at >= f.since) &&
                        (!f.until.isValid() || e.at < f.until))
                        expected.append(e.seq);
                }
                for (const AuditEvent &e : m_store->listAudit({1000, {}}, f).items)
                    got.append(e.seq);
                QVERIFY2(got == expected,
                         qPrintable(u"since %1 h, until %2 h"_s.arg(since).arg(until)));
            }
        }
    }

    void auditTextSearchChecksWhatTheIndexSuggests()
    {
        // A rare text is looked up by its rarest trigrams (Store::auditTextCandidates), and
        // each event found is checked for the whole text: one holding every trigram, but
        // not in that order, is not an answer.
        writeEvents(*m_store, 300); // "name 0" … "name 299"
        auto named = [&](const QString &name) {
            writeEvent(*m_store, QDateTime::currentDateTimeUtc(), {{u"to"_s, name}});
        };
        named(u"kqv-9w"_s);
        named(u"kqv- and v-9w"_s);
        named(u"Ärger-Öl"_s);
        auto found = [&](const QString &text) {
            AuditFilter f;
            f.text = text;
            QStringList names;
            for (const AuditEvent &e : m_store->listAudit({100, {}}, f).items)
                names.append(e.detail.value(u"to"_s).toString());
            return names;
        };
        QCOMPARE(found(u"KQV-9w"_s), QStringList{u"kqv-9w"_s});
        QCOMPARE(found(u"ärger-öl"_s), QStringList{u"Ärger-Öl"_s}); // case beyond ASCII
        QCOMPARE(found(u"zzqqzz"_s), QStringList{});                // a trigram in no event
        // A common text, found by the phrase: the same as reading every event.
        QStringList expected;
        for (int i = 299; i >= 0; --i) {
            if (u"name %1"_s.arg(i).contains(u"name 29"_s))
                expected.append(u"name %1"_s.arg(i));
        }
        QCOMPARE(found(u"NAME 29"_s), expected);
    }

    void auditTextBeyondTheNewestIsFoundByItsRarestTrigrams()
    {
        // 11,004 events, the newest 5,000 of them holding none of the texts searched but
        // the oldest of them, "the boundary: name 29": on PostgreSQL the search reads those
        // 5,000 first and finds the rest through the index of trigrams, so every answer below
        // comes (at least in part) from that second step, a page is often filled by both,
        // and "name 2999" is the newest event the second step reads — a step reading one
        // event too few or too many loses or repeats it, or the boundary. A rare name among the
        // oldest events is found, in one page or in pages of one, and within a time window; an
        // event holding all its trigrams but not the text is no answer; a common text pages through
        // both steps without losing or repeating an event; a text of common trigrams that no event
        // holds finds nothing.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime oldest = now.addSecs(-3 * 3600), older = now.addSecs(-2 * 3600);
        auto named = [&](const QString &name, const QDateTime &at) {
            writeEvent(*m_store, at, {{u"to"_s, name}});
        };
        {
            Store::Transaction tx(*m_store);
            named(u"Quokka-7"_s, oldest);
            named(u"okka-7 quokka"_s, oldest); // every trigram of "quokka-7", not in that order
            named(u"quokka-77"_s, oldest);
            for (int round = 0; round < 2; ++round) { // "name 0" … "name 2999", twice
                for (int i = 0; i < 3000; ++i)
                    named(u"name %1"_s.arg(i), older);
                if (round == 0)
                    named(u"quokka-7 again"_s, older);
            }
            named(u"the boundary: name 29"_s, now);
            for (int i = 0; i < 4999; ++i)
                named(u"other %1"_s.arg(i), now);
            tx.commit();
        }
        auto found = [&](const QString &text, int limit, const QDateTime &since = {},
                         const QDateTime &until = {}) {
            AuditFilter f;
            f.text = text;
            f.since = since;
            f.until = until;
            QStringList names;
            PageRequest page{limit, {}};
            for (int pages = 0; pages < 1000; ++pages) {
                const Page<AuditEvent> p = m_store->listAudit(page, f);
                for (const AuditEvent &e : p.items)
                    names.append(e.detail.value(u"to"_s).toString());
                if (p.nextCursor.isEmpty())
                    break;
                page.after = p.nextCursor;
            }
            return names;
        };
        const QStringList quokkas{u"quokka-7 again"_s, u"quokka-77"_s, u"Quokka-7"_s};
        QCOMPARE(found(u"QUOKKA-7"_s, 100), quokkas);
        QCOMPARE(found(u"quokka-7"_s, 1), quokkas);
        QCOMPARE(found(u"kka-7 q"_s, 100), QStringList{u"okka-7 quokka"_s});
        const QDateTime between = oldest.addSecs(1800);
        QCOMPARE(found(u"quokka-7"_s, 100, between), QStringList{u"quokka-7 again"_s});
        QCOMPARE(found(u"quokka-7"_s, 100, {}, between), quokkas.sliced(1));
        auto names = [](const QString &text) { // newest first
            QStringList round;
            for (int i = 2999; i >= 0; --i) {
                if (u"name %1"_s.arg(i).contains(text))
                    round.append(u"name %1"_s.arg(i));
            }
            return round + round; // the second 3,000 come first, in the same order
        };
        const QStringList name29 = QStringList{u"the boundary: name 29"_s} + names(u"name 29"_s);
        QCOMPARE(name29.size(), 1 + 2 * 111); // 29, 290-299, 2900-2999 twice
        QCOMPARE(found(u"name 29"_s, 100), name29);
        QCOMPARE(found(u"name 29"_s, 7), name29);
        QCOMPARE(found(u"name 12"_s, 7), names(u"name 12"_s));
        QCOMPARE(found(u"name 12"_s, 7, between, now), names(u"name 12"_s));
        // Every trigram of "name 4999" is in many events ("name 4…", "name 499", "other
        // 4999"), the text in none (the names end at 2999).
        QCOMPARE(found(u"name 4999"_s, 100), QStringList{});
        if (m_store->isPostgres()) {
            // Counts behind the index (as when an instance older than migration 10 indexes
            // text beside this one during an upgrade): a trigram counted in no event but in
            // the index still finds its events.
            tamper(u"DELETE FROM audit_trigram_counts WHERE trigram IN"
                   " ((audit_trigrams('a-7'))[1], (audit_trigrams('ka-'))[1])"_s);
            QCOMPARE(found(u"quokka-7"_s, 100), quokkas);
            QCOMPARE(found(u"name 4999"_s, 100), QStringList{});
        }
        // Two characters beyond the BMP are two characters, too short for the trigram index:
        // read, not looked up (on SQLite they were sent to FTS5 as a phrase it can't match).
        named(u"launch 🚀🚀 now"_s, now);
        QCOMPARE(found(u"🚀🚀"_s, 100), QStringList{u"launch 🚀🚀 now"_s});
    }

    void aChangeThroughAnotherConnectionIsInTheNextReadOfTheRevision()
    {
        // Instances of the service on one database, each with its own connection: a change
        // committed through one is in the next read of the revision through any other (the
        // cache's read-your-writes rests on it). On SQLite the revision is read from the file
        // only when the change counter beside it has moved; a program writing SQL of its own
        // doesn't move it and is seen at the next periodic read.
        StoreOptions patient;
        patient.revisionRecheckMs = 24 * 3600 * 1000;
        auto reader = Store::open(m_url, u"revision-reader"_s, patient);
        auto writer = Store::open(m_url, u"revision-writer"_s);
        const qint64 before = reader->accountRevision();
        QCOMPARE(reader->accountRevision(), before);
        writeEvents(*writer, 1);
        QCOMPARE(reader->accountRevision(), before + 1);
        writeEvents(*m_store, 2); // two transactions
        QCOMPARE(reader->accountRevision(), before + 3);
        QCOMPARE(writer->accountRevision(), before + 3);
        tamper(u"UPDATE meta SET value = value + 10 WHERE key = 'account_revision'"_s);
        if (m_store->isPostgres()) {
            QCOMPARE(reader->accountRevision(), before + 13); // read every time
            return;
        }
        QCOMPARE(reader->accountRevision(), before + 3); // the counter didn't move
        {
            Store::Transaction tx(*reader); // a transaction reads its own view
            QCOMPARE(reader->accountRevision(), before + 13);
        }
        StoreOptions eager;
        eager.revisionRecheckMs = 0;
        QCOMPARE(Store::open(m_url, u"revision-eager"_s, eager)->accountRevision(), before + 13);
        writeEvents(*writer, 1);
        QCOMPARE(reader->accountRevision(), before + 14);
        // The counter is a file of the database's, as private as a new database is.
        const QFileInfo counter(m_url + u"-changes"_s);
        QVERIFY(counter.exists());
        QVERIFY(!(counter.permissions() & (QFile::ReadGroup | QFile::ReadOther)));
    }

    void eventsOfOneTransactionChainAndARollbackLeavesTheHead()
    {
        // A transaction's events read the chain's head once and write it at COMMIT (a group
        // of token creations, a plan): they chain one after another, the revision moves
        // once, and a transaction rolled back leaves the head where it was, so the next event
        // follows the last one committed.
        const qint64 before = m_store->accountRevision();
        {
            Store::Transaction tx(*m_store);
            writeEvents(*m_store, 3);
            tx.commit();
        }
        QCOMPARE(m_store->accountRevision(), before + 1);
        {
            Store::Transaction tx(*m_store);
            writeEvents(*m_store, 2, u"token.revoke"_s);
            // no commit: rolled back
        }
        QCOMPARE(m_store->accountRevision(), before + 1);
        writeEvents(*m_store, 1, u"token.create"_s);
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY2(v.whole, qPrintable(v.problem));
        QCOMPARE(v.count, 4);
        const QList<AuditEvent> all = m_store->listAudit({100, {}}).items;
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.first().action, u"token.create"_s);
        QCOMPARE(all.first().seq, 4);
    }

    void concurrentWritersMakeOneChain()
    {
        // Two instances (two connections, two threads) append at the same moment; their
        // events interleave, and the chain stays one line without gaps or forks.
        std::atomic<int> arrived{0};
        QString errors[2];
        QList<QThread *> threads;
        for (int i = 0; i < 2; ++i) {
            threads.append(QThread::create([&, i] {
                ++arrived;
                while (arrived.load() < 2)
                    QThread::yieldCurrentThread();
                try {
                    auto store = Store::open(m_url, u"chain-writer-%1"_s.arg(i));
                    writeEvents(*store, 150, i ? u"token.create"_s : u"server.create"_s);
                } catch (const StoreError &e) {
                    errors[i] = QString::fromUtf8(e.what());
                }
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(120000));
            delete t;
        }
        for (const QString &e : errors)
            QVERIFY2(e.isEmpty(), qPrintable(e));
        const AuditVerification v = m_store->verifyAudit();
        QVERIFY2(v.whole, qPrintable(v.problem));
        QCOMPARE(v.count, 300);
        QCOMPARE(m_store->auditCount(), 300);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"

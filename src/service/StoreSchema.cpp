// The Store's schema: migrations in order, each applied once; on PostgreSQL under an
// advisory lock, so that instances starting together migrate one after the other.
#include "service/StoreSql.h"

#include "core/Logging.h"

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

namespace {

// Schema migrations, in order. {BLOB} and {SERIAL} are spelled per database.
struct Migration
{
    int version;
    QStringList statements;
    // Work that SQL alone can't do (hashing), run after the statements in their transaction.
    void (*finish)(Store &) = nullptr;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list{
        {1,
         {
             uR"(CREATE TABLE meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL))"_s,
             uR"(INSERT INTO meta (key, value) VALUES ('grants_revision', 1))"_s,
             uR"(CREATE TABLE accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL,
                   domain TEXT NOT NULL, created_at BIGINT NOT NULL))"_s,
             uR"(CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE,
                   name TEXT NOT NULL, state TEXT NOT NULL, password_hash TEXT NOT NULL,
                   created_at BIGINT NOT NULL))"_s,
             uR"(CREATE TABLE user_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL,
                   description TEXT NOT NULL DEFAULT '', builtin INTEGER NOT NULL DEFAULT 0,
                   created_at BIGINT NOT NULL))"_s,
             uR"(CREATE TABLE group_members (
                   group_id TEXT NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
                   user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                   PRIMARY KEY (group_id, user_id)))"_s,
             uR"(CREATE INDEX group_members_user ON group_members(user_id))"_s,
             uR"(CREATE TABLE vaults (id TEXT PRIMARY KEY, name TEXT NOT NULL,
                   type TEXT NOT NULL, owner_user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
                   created_at BIGINT NOT NULL))"_s,
             uR"(CREATE INDEX vaults_name ON vaults(name))"_s,
             uR"(CREATE TABLE vault_user_access (
                   vault_id TEXT NOT NULL REFERENCES vaults(id) ON DELETE CASCADE,
                   user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                   PRIMARY KEY (vault_id, user_id)))"_s,
             uR"(CREATE TABLE vault_group_access (
                   vault_id TEXT NOT NULL REFERENCES vaults(id) ON DELETE CASCADE,
                   group_id TEXT NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
                   PRIMARY KEY (vault_id, group_id)))"_s,
             uR"(CREATE TABLE servers (id TEXT PRIMARY KEY, name TEXT NOT NULL,
                   state TEXT NOT NULL, created_at BIGINT NOT NULL, creator_id TEXT NOT NULL,
                   tokens_version BIGINT NOT NULL DEFAULT 0, secret_sealed {BLOB} NOT NULL))"_s,
             uR"(CREATE INDEX servers_name ON servers(name))"_s,
             uR"(CREATE TABLE server_vaults (
                   server_id TEXT NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
                   vault_id TEXT NOT NULL REFERENCES vaults(id) ON DELETE CASCADE,
                   granted_at BIGINT NOT NULL, PRIMARY KEY (server_id, vault_id)))"_s,
             uR"(CREATE INDEX server_vaults_vault ON server_vaults(vault_id))"_s,
             // Tokens outlive a deleted server as revoked history, so no foreign key there.
             uR"(CREATE TABLE tokens (id TEXT PRIMARY KEY, server_id TEXT NOT NULL,
                   name TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT,
                   revoked_at BIGINT, creator_id TEXT NOT NULL))"_s,
             uR"(CREATE INDEX tokens_server ON tokens(server_id))"_s,
             uR"(CREATE INDEX tokens_name ON tokens(name))"_s,
             uR"(CREATE TABLE token_vaults (
                   token_id TEXT NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
                   vault_id TEXT NOT NULL, acl INTEGER NOT NULL,
                   PRIMARY KEY (token_id, vault_id)))"_s,
             uR"(CREATE TABLE group_grants (id TEXT PRIMARY KEY,
                   group_id TEXT NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
                   kind TEXT NOT NULL,
                   server_id TEXT REFERENCES servers(id) ON DELETE CASCADE,
                   created_at BIGINT NOT NULL))"_s,
             uR"(CREATE UNIQUE INDEX group_grants_unique
                   ON group_grants(group_id, kind, COALESCE(server_id, '')))"_s,
             uR"(CREATE TABLE sessions (token_hash {BLOB} PRIMARY KEY,
                   user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                   created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL))"_s,
             uR"(CREATE TABLE audit_events (id {SERIAL}, at BIGINT NOT NULL, actor_id TEXT,
                   action TEXT NOT NULL, target_type TEXT NOT NULL, target_id TEXT NOT NULL,
                   detail TEXT NOT NULL))"_s,
             uR"(CREATE TABLE signing_keys (kid TEXT PRIMARY KEY, private_sealed {BLOB} NOT NULL,
                   public_jwk TEXT NOT NULL, created_at BIGINT NOT NULL))"_s,
         }},
        // 3: scheduled revocation of tokens; when each server's credentials file was issued
        // and its fingerprint (never the secret). A file made before this migration was
        // issued when its server was created; its fingerprint is unknown.
        {3,
         {
             uR"(ALTER TABLE tokens ADD COLUMN revokes_at BIGINT)"_s,
             uR"(CREATE INDEX tokens_revokes_at ON tokens(revokes_at)
                   WHERE revokes_at IS NOT NULL AND revoked_at IS NULL)"_s,
             uR"(ALTER TABLE servers ADD COLUMN credentials_issued_at BIGINT)"_s,
             uR"(ALTER TABLE servers ADD COLUMN credentials_fingerprint TEXT)"_s,
             uR"(UPDATE servers SET credentials_issued_at = created_at)"_s,
         }},
        // 4: the account revision (bumped once by every writing transaction: the answer
        // cache's key and the X-Account-Revision header), and servers' live token counts.
        {4,
         {
             uR"(INSERT INTO meta (key, value) VALUES ('account_revision', 1))"_s,
             // The next token expiry, for how long cached answers hold (Store::nextTokenExpiry).
             uR"(CREATE INDEX tokens_expires ON tokens(expires_at))"_s,
             // Servers' token counts without reading their tokens (Store::serverSelect).
             uR"(ALTER TABLE servers ADD COLUMN live_tokens BIGINT NOT NULL DEFAULT 0)"_s,
             uR"(UPDATE servers SET live_tokens = (SELECT COUNT(*) FROM tokens t
                   WHERE t.server_id = servers.id AND t.revoked_at IS NULL))"_s,
             uR"(CREATE INDEX tokens_live_expiring ON tokens(server_id, expires_at)
                   WHERE revoked_at IS NULL AND expires_at IS NOT NULL)"_s,
         }},
        // 5: the audit log as a hash chain (seq, hash; the head in audit_chain), the objects
        // each event concerns, and the indexes of the filtered audit list. Events written
        // before are chained by Store::chainAuditBacklog().
        {5,
         {
             uR"(ALTER TABLE audit_events ADD COLUMN seq BIGINT)"_s,
             uR"(ALTER TABLE audit_events ADD COLUMN hash TEXT)"_s,
             uR"(CREATE UNIQUE INDEX audit_events_seq ON audit_events(seq))"_s,
             uR"(CREATE INDEX audit_events_actor ON audit_events(actor_id, id))"_s,
             uR"(CREATE INDEX audit_events_actor_action ON audit_events(actor_id, action, id))"_s,
             uR"(CREATE INDEX audit_events_action ON audit_events(action, id))"_s,
             uR"(CREATE INDEX audit_events_at ON audit_events(at))"_s,
             uR"(CREATE TABLE audit_chain (chain TEXT PRIMARY KEY, seq BIGINT NOT NULL,
                   hash TEXT NOT NULL))"_s,
             uR"(INSERT INTO audit_chain (chain, seq, hash) VALUES ('account', 0, ''))"_s,
             uR"(CREATE TABLE audit_objects (object_id TEXT NOT NULL, event_id BIGINT NOT NULL,
                   PRIMARY KEY (object_id, event_id)))"_s,
         },
         [](Store &store) { store.chainAuditBacklog(); }},
        // 6: a token named by ID or name (revoke, rename, rotate, get) is found through an
        // index on its name as it is compared, lower(name), not by reading every token: the
        // lookup was a third of the service's time at a few thousand tokens under mixed load.
        {6,
         {
             uR"(CREATE INDEX tokens_lower_name ON tokens(lower(name)))"_s,
         }},
        // 7: the audit log's free-text filter (q) through an index instead of reading every
        // event (1.3 s at 1,000,000 events): SQLite's FTS5 with trigrams, PostgreSQL's
        // pg_trgm. Store::indexAuditText indexes the events written before; on SQLite later
        // ones are indexed by the next search (Store::indexNewAuditText).
        {7, {}, [](Store &store) { store.indexAuditText(); }},
        // 8: a time window's events found by their IDs. From here on no event is written with
        // a time before the latest in the log (kept in audit_chain.at), so times follow IDs;
        // the events before are checked once for where that already holds.
        {8,
         {
             uR"(ALTER TABLE audit_chain ADD COLUMN at BIGINT NOT NULL DEFAULT 0)"_s,
             uR"(UPDATE audit_chain SET at = COALESCE((SELECT MAX(at) FROM audit_events), 0))"_s,
         },
         [](Store &store) { store.markAuditTimeOrder(); }},
        // 9: on PostgreSQL the audit text in a table of its own, indexed in batches off the
        // write path (Store::indexAuditTextApart); nothing changes on SQLite.
        {9, {}, [](Store &store) { store.indexAuditTextApart(); }},
        // 10: on PostgreSQL the audit text keyed by every three characters, punctuation and
        // spaces included, and how often each occurs, so that a search reads the rarest
        // (Store::indexAuditTrigrams); replaces pg_trgm's index. Nothing changes on SQLite.
        {10, {}, [](Store &store) { store.indexAuditTrigrams(); }},
    };
    return list;
}

} // namespace

int Store::latestSchemaVersion()
{
    return migrations().constLast().version;
}

int Store::schemaVersion()
{
    QSqlQuery &q = run(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    int v = 0;
    forEachRow(q, [&](const QSqlQuery &r) { v = r.value(0).toInt(); });
    return v;
}

int Store::migrate()
{
    // Several service instances may start at once against one database. On PostgreSQL they
    // wait for each other on an advisory lock; on SQLite the transaction below takes the
    // write lock first (BEGIN IMMEDIATE), so the version read inside it stays true.
    if (m_postgres)
        exec(u"SELECT pg_advisory_lock(7270011)"_s);
    try {
        Transaction tx(*this, Transaction::Queue::None); // the chain's table may not exist yet
        exec(
            u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"_s);
        const int current = schemaVersion();
        for (const Migration &m : migrations()) {
            if (m.version <= current)
                continue;
            for (QString sql : m.statements) {
                sql.replace(u"{BLOB}"_s, m_postgres ? u"BYTEA"_s : u"BLOB"_s);
                sql.replace(u"{SERIAL}"_s, m_postgres ? u"BIGSERIAL PRIMARY KEY"_s
                                                      : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
                exec(sql);
            }
            if (m.finish)
                m.finish(*this);
            run(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"_s,
                {m.version, QDateTime::currentMSecsSinceEpoch()})
                .finish();
            qCInfo(lcStore) << "applied schema migration" << m.version;
        }
        tx.commit();
    } catch (...) {
        if (m_postgres)
            exec(u"SELECT pg_advisory_unlock(7270011)"_s);
        throw;
    }
    if (m_postgres)
        exec(u"SELECT pg_advisory_unlock(7270011)"_s);
    m_prepared.clear();
    return schemaVersion();
}

} // namespace ca

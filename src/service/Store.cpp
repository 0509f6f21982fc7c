#include "service/Store.h"

#include "core/Ids.h"
#include "core/Logging.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlRecord>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

QVariant ms(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toMSecsSinceEpoch())
                        : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMs(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// A null QString binds as SQL NULL, and "id > NULL" matches nothing: start from "".
QString afterKey(const PageRequest &page)
{
    return page.after.isNull() ? QString(u""_s) : page.after;
}

// SQL NULL for an empty string. run() turns every other null QString into "" so that an
// unset field never becomes NULL by accident.
QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// Schema migrations, in order. {BLOB} and {SERIAL} are spelled per database.
struct Migration
{
    int version;
    QStringList statements;
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
    };
    return list;
}

} // namespace

std::unique_ptr<Store> Store::open(const QString &url, const QString &connectionName)
{
    const bool postgres = url.startsWith(u"postgres://") || url.startsWith(u"postgresql://");
    QSqlDatabase db = QSqlDatabase::addDatabase(
        postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), connectionName);
    QString description = url;
    if (postgres) {
        const QUrl u(url);
        const QUrlQuery q(u);
        db.setHostName(q.hasQueryItem(u"host"_s) ? q.queryItemValue(u"host"_s) : u.host());
        if (u.port() > 0)
            db.setPort(u.port());
        db.setDatabaseName(u.path().mid(1));
        db.setUserName(u.userName());
        db.setPassword(u.password());
        QStringList options;
        const auto items = q.queryItems();
        for (const auto &item : items) {
            if (item.first != u"host")
                options.append(item.first + u'=' + item.second);
        }
        db.setConnectOptions(options.join(u';'));
        QUrl safe(u);
        safe.setPassword(QString());
        description = safe.toString();
    } else {
        db.setDatabaseName(url);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open()) {
        const QString reason = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        throw StoreError(
            QStringLiteral("cannot open database %1: %2").arg(description, reason).toStdString());
    }
    std::unique_ptr<Store> store(new Store(db, postgres, description));
    if (!postgres) {
        store->exec(u"PRAGMA journal_mode=WAL"_s);
        store->exec(u"PRAGMA synchronous=NORMAL"_s);
        store->exec(u"PRAGMA foreign_keys=ON"_s);
    } else {
        store->exec(u"SET client_min_messages TO WARNING"_s);
    }
    return store;
}

Store::Store(QSqlDatabase db, bool postgres, QString description)
    : m_db(std::move(db))
    , m_postgres(postgres)
    , m_description(std::move(description))
{}

Store::~Store()
{
    const QString name = m_db.connectionName();
    m_prepared.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

QString Store::describe() const
{
    return m_description;
}

QSqlQuery &Store::prepare(const QString &sql)
{
    auto it = m_prepared.find(sql);
    if (it != m_prepared.end())
        return it.value();
    if (m_prepared.size() > 512)
        m_prepared.clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw StoreError(
            QStringLiteral("prepare failed: %1").arg(q.lastError().text()).toStdString());
    return m_prepared.insert(sql, q).value();
}

QSqlQuery &Store::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery &q = prepare(sql);
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i, QString(u""_s));
        else
            q.bindValue(i, v);
    }
    if (!q.exec()) {
        const QString error = q.lastError().text();
        q.finish();
        qCWarning(lcStore) << "query failed:" << error;
        throw StoreError(QStringLiteral("query failed: %1").arg(error).toStdString());
    }
    return q;
}

void Store::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw StoreError(
            QStringLiteral("statement failed: %1").arg(q.lastError().text()).toStdString());
}

QString Store::placeholders(int n) const
{
    QString s;
    s.reserve(n * 2);
    for (int i = 0; i < n; ++i)
        s += i ? u",?"_s : u"?"_s;
    return s;
}

// Runs a SELECT and hands each row to onRow; the statement is finished afterwards so that
// SQLite releases its read snapshot.
template <typename F>
static void forEachRow(QSqlQuery &q, F &&onRow)
{
    while (q.next())
        onRow(q);
    q.finish();
}

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
    // Several service instances may start at once against one PostgreSQL database.
    if (m_postgres)
        exec(u"SELECT pg_advisory_lock(7270011)"_s);
    try {
        exec(
            u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"_s);
        const int current = schemaVersion();
        for (const Migration &m : migrations()) {
            if (m.version <= current)
                continue;
            Transaction tx(*this);
            for (QString sql : m.statements) {
                sql.replace(u"{BLOB}"_s, m_postgres ? u"BYTEA"_s : u"BLOB"_s);
                sql.replace(u"{SERIAL}"_s, m_postgres ? u"BIGSERIAL PRIMARY KEY"_s
                                                      : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
                exec(sql);
            }
            run(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"_s,
                {m.version, QDateTime::currentMSecsSinceEpoch()})
                .finish();
            tx.commit();
            qCInfo(lcStore) << "applied schema migration" << m.version;
        }
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

Store::Transaction::Transaction(Store &store)
    : m_store(store)
{
    // The depth counts only transactions that really began: a BEGIN that fails (a busy
    // SQLite file, a lost PostgreSQL connection) throws and leaves nothing behind.
    if (m_store.m_transactionDepth == 0)
        m_store.exec(m_store.m_postgres ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s);
    ++m_store.m_transactionDepth;
}

Store::Transaction::~Transaction()
{
    if (m_done)
        return;
    if (--m_store.m_transactionDepth == 0) {
        for (auto &q : m_store.m_prepared)
            q.finish();
        QSqlQuery q(m_store.m_db);
        q.exec(u"ROLLBACK"_s);
    }
}

void Store::Transaction::commit()
{
    if (m_store.m_transactionDepth == 1) {
        for (auto &q : m_store.m_prepared)
            q.finish();
        m_store.exec(u"COMMIT"_s); // on failure this throws; the destructor rolls back
    }
    m_done = true;
    --m_store.m_transactionDepth;
}

// ---- meta ---------------------------------------------------------------------------------

qint64 Store::grantsRevision()
{
    qint64 v = 0;
    forEachRow(run(u"SELECT value FROM meta WHERE key = 'grants_revision'"_s),
               [&](const QSqlQuery &q) { v = q.value(0).toLongLong(); });
    return v;
}

bool Store::bumpGrantsRevision(std::optional<qint64> expected)
{
    QSqlQuery &q =
        expected
            ? run(u"UPDATE meta SET value = value + 1 WHERE key = 'grants_revision' AND value = ?"_s,
                  {*expected})
            : run(u"UPDATE meta SET value = value + 1 WHERE key = 'grants_revision'"_s);
    const bool changed = q.numRowsAffected() == 1;
    q.finish();
    return changed;
}

// ---- account, users, groups -----------------------------------------------------------------

std::optional<Account> Store::account()
{
    std::optional<Account> a;
    forEachRow(run(u"SELECT id, name, domain, created_at FROM accounts LIMIT 1"_s),
               [&](const QSqlQuery &q) {
                   a = Account{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               fromMs(q.value(3))};
               });
    return a;
}

void Store::insertAccount(const Account &a)
{
    run(u"INSERT INTO accounts (id, name, domain, created_at) VALUES (?, ?, ?, ?)"_s,
        {a.id, a.name, a.domain, ms(a.createdAt)})
        .finish();
}

void Store::insertUser(const User &u, const QString &passwordHash, const QDateTime &at)
{
    run(u"INSERT INTO users (id, email, name, state, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {u.id, u.email.toLower(), u.name, u.state, passwordHash, ms(at)})
        .finish();
}

void Store::setPasswordHash(const QString &userId, const QString &passwordHash)
{
    run(u"UPDATE users SET password_hash = ? WHERE id = ?"_s, {passwordHash, userId}).finish();
}

std::optional<StoredUser> Store::userByEmail(const QString &email)
{
    std::optional<StoredUser> r;
    forEachRow(run(u"SELECT id, email, name, state, password_hash FROM users WHERE email = ?"_s,
                   {email.toLower()}),
               [&](const QSqlQuery &q) {
                   r = StoredUser{User{q.value(0).toString(), q.value(1).toString(),
                                       q.value(2).toString(), q.value(3).toString()},
                                  q.value(4).toString()};
               });
    return r;
}

Page<User> Store::listUsers(const PageRequest &page)
{
    Page<User> p;
    forEachRow(run(u"SELECT id, email, name, state FROM users WHERE id > ? ORDER BY id LIMIT ?"_s,
                   {afterKey(page), page.limit + 1}),
               [&](const QSqlQuery &q) {
                   p.items.append(User{q.value(0).toString(), q.value(1).toString(),
                                       q.value(2).toString(), q.value(3).toString()});
               });
    if (p.items.size() > page.limit) {
        p.items.removeLast();
        p.nextCursor = p.items.constLast().id;
    }
    return p;
}

void Store::insertGroup(const Group &g, const QDateTime &at)
{
    run(u"INSERT INTO user_groups (id, name, description, builtin, created_at) VALUES (?, ?, ?, ?, ?)"_s,
        {g.id, g.name, g.description, g.builtin ? 1 : 0, ms(at)})
        .finish();
}

void Store::addMember(const QString &groupId, const QString &userId)
{
    run(u"INSERT INTO group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
        {groupId, userId})
        .finish();
}

static Group groupFromRow(const QSqlQuery &q)
{
    return Group{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                 q.value(3).toInt() != 0};
}

Page<Group> Store::listGroups(const PageRequest &page)
{
    Page<Group> p;
    forEachRow(
        run(u"SELECT id, name, description, builtin FROM user_groups WHERE id > ? ORDER BY id LIMIT ?"_s,
            {afterKey(page), page.limit + 1}),
        [&](const QSqlQuery &q) { p.items.append(groupFromRow(q)); });
    if (p.items.size() > page.limit) {
        p.items.removeLast();
        p.nextCursor = p.items.constLast().id;
    }
    return p;
}

QList<Group> Store::groupCandidates(const QString &ref)
{
    QList<Group> out;
    forEachRow(
        run(u"SELECT id, name, description, builtin FROM user_groups WHERE id = ? OR lower(name) = lower(?)"_s,
            {canonicalId(ref), ref}),
        [&](const QSqlQuery &q) { out.append(groupFromRow(q)); });
    return out;
}

Membership Store::membership(const QString &userId)
{
    Membership m;
    forEachRow(run(uR"(SELECT g.builtin, gg.kind, gg.server_id
                         FROM group_members m JOIN user_groups g ON g.id = m.group_id
                         LEFT JOIN group_grants gg ON gg.group_id = g.id
                        WHERE m.user_id = ?)"_s,
                   {userId}),
               [&](const QSqlQuery &q) {
                   if (q.value(0).toInt() != 0)
                       m.owner = true;
                   const QString kind = q.value(1).toString();
                   if (kind == u"manager")
                       m.manager = true;
                   else if (kind == u"all_servers")
                       m.allServers = true;
                   else if (kind == u"server" && !m.servers.contains(q.value(2).toString()))
                       m.servers.append(q.value(2).toString());
               });
    if (m.owner)
        m.manager = true;
    m.servers.sort();
    return m;
}

// ---- vaults ---------------------------------------------------------------------------------

// A user sees every shared vault and only their own personal vault; "accessible" says
// whether they can use (and so grant) it.
static const QString kVaultColumns = uR"(v.id, v.name, v.type,
    (EXISTS (SELECT 1 FROM vault_user_access a WHERE a.vault_id = v.id AND a.user_id = ?)
     OR EXISTS (SELECT 1 FROM vault_group_access ga JOIN group_members m ON m.group_id = ga.group_id
                 WHERE ga.vault_id = v.id AND m.user_id = ?)) AS accessible)"_s;
static const QString kVaultVisible = u"(v.type <> 'PERSONAL' OR v.owner_user_id = ?)"_s;

static Vault vaultFromRow(const QSqlQuery &q)
{
    Vault v;
    v.id = q.value(0).toString();
    v.name = q.value(1).toString();
    v.type = vaultTypeFromName(q.value(2).toString()).value_or(VaultType::UserCreated);
    v.accessible = q.value(3).toBool();
    return v;
}

void Store::insertVault(const Vault &v, const QString &ownerUserId, const QDateTime &at)
{
    run(u"INSERT INTO vaults (id, name, type, owner_user_id, created_at) VALUES (?, ?, ?, ?, ?)"_s,
        {v.id, v.name, vaultTypeName(v.type), textOrNull(ownerUserId), ms(at)})
        .finish();
}

void Store::giveVaultToUser(const QString &vaultId, const QString &userId)
{
    run(u"INSERT INTO vault_user_access (vault_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
        {vaultId, userId})
        .finish();
}

void Store::giveVaultToGroup(const QString &vaultId, const QString &groupId)
{
    run(u"INSERT INTO vault_group_access (vault_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
        {vaultId, groupId})
        .finish();
}

Page<Vault> Store::listVaults(const PageRequest &page, const QString &forUserId)
{
    Page<Vault> p;
    forEachRow(run(u"SELECT "_s + kVaultColumns + u" FROM vaults v WHERE v.id > ? AND "_s +
                       kVaultVisible + u" ORDER BY v.id LIMIT ?"_s,
                   {forUserId, forUserId, afterKey(page), forUserId, page.limit + 1}),
               [&](const QSqlQuery &q) { p.items.append(vaultFromRow(q)); });
    if (p.items.size() > page.limit) {
        p.items.removeLast();
        p.nextCursor = p.items.constLast().id;
    }
    return p;
}

QList<Vault> Store::vaultCandidates(const QString &ref, const QString &forUserId)
{
    QList<Vault> out;
    forEachRow(run(u"SELECT "_s + kVaultColumns +
                       u" FROM vaults v WHERE (v.id = ? OR lower(v.name) = lower(?)) AND "_s +
                       kVaultVisible,
                   {forUserId, forUserId, canonicalId(ref), ref, forUserId}),
               [&](const QSqlQuery &q) { out.append(vaultFromRow(q)); });
    return out;
}

QHash<QString, Vault> Store::vaultsByIds(const QSet<QString> &ids, const QString &forUserId)
{
    QHash<QString, Vault> out;
    if (ids.isEmpty())
        return out;
    QVariantList values{forUserId, forUserId};
    for (const QString &id : ids)
        values.append(id);
    forEachRow(run(u"SELECT "_s + kVaultColumns + u" FROM vaults v WHERE v.id IN ("_s +
                       placeholders(int(ids.size())) + u")"_s,
                   values),
               [&](const QSqlQuery &q) {
                   Vault v = vaultFromRow(q);
                   out.insert(v.id, v);
               });
    return out;
}

QSet<QString> Store::accessibleVaultIds(const QString &userId)
{
    QSet<QString> out;
    forEachRow(run(uR"(SELECT vault_id FROM vault_user_access WHERE user_id = ?
                        UNION SELECT ga.vault_id FROM vault_group_access ga
                          JOIN group_members m ON m.group_id = ga.group_id WHERE m.user_id = ?)"_s,
                   {userId, userId}),
               [&](const QSqlQuery &q) { out.insert(q.value(0).toString()); });
    return out;
}

// ---- servers --------------------------------------------------------------------------------

static Server serverFromRow(const QSqlQuery &q)
{
    Server s;
    s.id = q.value(0).toString();
    s.name = q.value(1).toString();
    s.state = q.value(2).toString();
    s.createdAt = fromMs(q.value(3));
    s.creatorId = q.value(4).toString();
    s.tokensVersion = q.value(5).toLongLong();
    const QString vaults = q.value(6).toString();
    if (!vaults.isEmpty()) {
        s.vaults = vaults.split(u',');
        s.vaults.sort();
    }
    s.activeTokens = q.value(7).toInt();
    return s;
}

// A server with its granted vaults (aggregated into one column) and its active token count,
// one row per server: far cheaper than a row per grant plus follow-up queries.
QString Store::serverSelect() const
{
    const QString aggregate =
        m_postgres ? u"string_agg(sv.vault_id, ',')"_s : u"group_concat(sv.vault_id, ',')"_s;
    return u"SELECT s.id, s.name, s.state, s.created_at, s.creator_id, s.tokens_version, "
           "(SELECT "_s +
           aggregate +
           u" FROM server_vaults sv WHERE sv.server_id = s.id), "
           "(SELECT COUNT(*) FROM tokens t WHERE t.server_id = s.id AND t.revoked_at IS NULL "
           "AND (t.expires_at IS NULL OR t.expires_at > ?)) FROM servers s "_s;
}

void Store::insertServer(const Server &s, const QByteArray &sealedSecret)
{
    run(u"INSERT INTO servers (id, name, state, created_at, creator_id, tokens_version, "
        "secret_sealed) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {s.id, s.name, s.state, ms(s.createdAt), s.creatorId, s.tokensVersion, sealedSecret})
        .finish();
}

std::optional<Server> Store::server(const QString &id)
{
    std::optional<Server> found;
    forEachRow(run(serverSelect() + u"WHERE s.id = ?"_s, {QDateTime::currentMSecsSinceEpoch(), id}),
               [&](const QSqlQuery &q) { found = serverFromRow(q); });
    return found;
}

QList<Server> Store::serverCandidates(const QString &ref)
{
    QList<Server> found;
    forEachRow(run(serverSelect() + u"WHERE s.id = ? OR lower(s.name) = lower(?)"_s,
                   {QDateTime::currentMSecsSinceEpoch(), canonicalId(ref), ref}),
               [&](const QSqlQuery &q) { found.append(serverFromRow(q)); });
    return found;
}

Page<Server> Store::listServers(const PageRequest &page,
                                const std::optional<QSet<QString>> &onlyIds, const QDateTime &now)
{
    Page<Server> p;
    if (onlyIds && onlyIds->isEmpty())
        return p;
    QVariantList values{now.toMSecsSinceEpoch(), afterKey(page)};
    QString filter;
    if (onlyIds) {
        for (const QString &id : *onlyIds)
            values.append(id);
        filter = u" AND s.id IN ("_s + placeholders(int(onlyIds->size())) + u")"_s;
    }
    values.append(page.limit + 1);
    forEachRow(
        run(serverSelect() + u"WHERE s.id > ?"_s + filter + u" ORDER BY s.id LIMIT ?"_s, values),
        [&](const QSqlQuery &q) { p.items.append(serverFromRow(q)); });
    if (p.items.size() > page.limit) {
        p.items.removeLast();
        p.nextCursor = p.items.constLast().id;
    }
    return p;
}

void Store::renameServer(const QString &id, const QString &name)
{
    run(u"UPDATE servers SET name = ? WHERE id = ?"_s, {name, id}).finish();
}

void Store::deleteServer(const QString &id)
{
    run(u"DELETE FROM server_vaults WHERE server_id = ?"_s, {id}).finish();
    run(u"DELETE FROM group_grants WHERE server_id = ?"_s, {id}).finish();
    run(u"DELETE FROM servers WHERE id = ?"_s, {id}).finish();
}

QByteArray Store::serverSecret(const QString &id)
{
    QByteArray secret;
    forEachRow(run(u"SELECT secret_sealed FROM servers WHERE id = ?"_s, {id}),
               [&](const QSqlQuery &q) { secret = q.value(0).toByteArray(); });
    return secret;
}

void Store::bumpTokensVersion(const QString &serverId)
{
    run(u"UPDATE servers SET tokens_version = tokens_version + 1 WHERE id = ?"_s, {serverId})
        .finish();
}

bool Store::addServerVault(const QString &serverId, const QString &vaultId, const QDateTime &at)
{
    QSqlQuery &q = run(
        u"INSERT INTO server_vaults (server_id, vault_id, granted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
        {serverId, vaultId, ms(at)});
    const bool added = q.numRowsAffected() > 0;
    q.finish();
    return added;
}

bool Store::removeServerVault(const QString &serverId, const QString &vaultId)
{
    QSqlQuery &q = run(u"DELETE FROM server_vaults WHERE server_id = ? AND vault_id = ?"_s,
                       {serverId, vaultId});
    const bool removed = q.numRowsAffected() > 0;
    q.finish();
    return removed;
}

QList<VaultGrant> Store::allGrants()
{
    QList<VaultGrant> out;
    forEachRow(run(u"SELECT server_id, vault_id FROM server_vaults ORDER BY server_id, vault_id"_s),
               [&](const QSqlQuery &q) {
                   out.append(VaultGrant{q.value(0).toString(), q.value(1).toString()});
               });
    return out;
}

QSet<QString> Store::existingServerIds(const QSet<QString> &ids)
{
    QSet<QString> out;
    if (ids.isEmpty())
        return out;
    QVariantList values;
    for (const QString &id : ids)
        values.append(id);
    forEachRow(
        run(u"SELECT id FROM servers WHERE id IN ("_s + placeholders(int(ids.size())) + u")"_s,
            values),
        [&](const QSqlQuery &q) { out.insert(q.value(0).toString()); });
    return out;
}

// ---- tokens ---------------------------------------------------------------------------------

static const QString kTokenColumns = u"id, name, server_id, created_at, expires_at, revoked_at"_s;

static Token tokenFromRow(const QSqlQuery &q)
{
    Token t;
    t.id = q.value(0).toString();
    t.name = q.value(1).toString();
    t.serverId = q.value(2).toString();
    t.createdAt = fromMs(q.value(3));
    t.expiresAt = fromMs(q.value(4));
    t.revokedAt = fromMs(q.value(5));
    t.state = t.revokedAt.isValid() ? TokenState::Revoked : TokenState::Active;
    return t;
}

void Store::fillTokenVaults(QList<Token> &tokens)
{
    if (tokens.isEmpty())
        return;
    QHash<QString, qsizetype> index;
    QVariantList ids;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        index.insert(tokens.at(i).id, i);
        ids.append(tokens.at(i).id);
    }
    forEachRow(run(u"SELECT token_id, vault_id, acl FROM token_vaults WHERE token_id IN ("_s +
                       placeholders(int(ids.size())) + u") ORDER BY token_id, vault_id"_s,
                   ids),
               [&](const QSqlQuery &q) {
                   tokens[index.value(q.value(0).toString())].vaults.append(
                       TokenVault{q.value(1).toString(),
                                  accessFromAcl(q.value(2).toInt()).value_or(Access::ReadWrite)});
               });
}

void Store::insertToken(const Token &t, const QString &creatorId)
{
    run(u"INSERT INTO tokens (id, server_id, name, created_at, expires_at, revoked_at, creator_id) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {t.id, t.serverId, t.name, ms(t.createdAt), ms(t.expiresAt), ms(t.revokedAt), creatorId})
        .finish();
    for (const TokenVault &v : t.vaults)
        run(u"INSERT INTO token_vaults (token_id, vault_id, acl) VALUES (?, ?, ?)"_s,
            {t.id, v.vaultId, aclBits(v.access)})
            .finish();
}

std::optional<Token> Store::token(const QString &id)
{
    QList<Token> found;
    forEachRow(run(u"SELECT "_s + kTokenColumns + u" FROM tokens WHERE id = ?"_s, {id}),
               [&](const QSqlQuery &q) { found.append(tokenFromRow(q)); });
    if (found.isEmpty())
        return std::nullopt;
    fillTokenVaults(found);
    return found.first();
}

QList<Token> Store::tokenCandidates(const QString &ref, const QString &serverId)
{
    QList<Token> found;
    QVariantList values{canonicalId(ref), ref};
    QString filter;
    if (!serverId.isEmpty()) {
        filter = u" AND server_id = ?"_s;
        values.append(serverId);
    }
    forEachRow(run(u"SELECT "_s + kTokenColumns +
                       u" FROM tokens WHERE (id = ? OR lower(name) = lower(?))"_s + filter,
                   values),
               [&](const QSqlQuery &q) { found.append(tokenFromRow(q)); });
    fillTokenVaults(found);
    return found;
}

Page<Token> Store::listTokens(const PageRequest &page, const QString &serverId,
                              const std::optional<QSet<QString>> &onlyServers)
{
    Page<Token> p;
    if (onlyServers && onlyServers->isEmpty())
        return p;
    QVariantList values{afterKey(page)};
    QString filter;
    if (!serverId.isEmpty()) {
        filter += u" AND server_id = ?"_s;
        values.append(serverId);
    }
    if (onlyServers) {
        for (const QString &id : *onlyServers)
            values.append(id);
        filter += u" AND server_id IN ("_s + placeholders(int(onlyServers->size())) + u")"_s;
    }
    values.append(page.limit + 1);
    forEachRow(run(u"SELECT "_s + kTokenColumns + u" FROM tokens WHERE id > ?"_s + filter +
                       u" ORDER BY id LIMIT ?"_s,
                   values),
               [&](const QSqlQuery &q) { p.items.append(tokenFromRow(q)); });
    if (p.items.size() > page.limit) {
        p.items.removeLast();
        p.nextCursor = p.items.constLast().id;
    }
    fillTokenVaults(p.items);
    return p;
}

void Store::renameToken(const QString &id, const QString &name)
{
    run(u"UPDATE tokens SET name = ? WHERE id = ?"_s, {name, id}).finish();
}

void Store::revokeToken(const QString &id, const QDateTime &at)
{
    run(u"UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"_s, {ms(at), id})
        .finish();
}

int Store::revokeTokensOfServer(const QString &serverId, const QDateTime &at)
{
    QSqlQuery &q =
        run(u"UPDATE tokens SET revoked_at = ? WHERE server_id = ? AND revoked_at IS NULL"_s,
            {ms(at), serverId});
    const int n = q.numRowsAffected();
    q.finish();
    return n;
}

// ---- group grants ---------------------------------------------------------------------------

bool Store::insertGroupGrant(const GroupGrant &g)
{
    QSqlQuery &q = run(
        u"INSERT INTO group_grants (id, group_id, kind, server_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
        {newId(), g.groupId, groupGrantKindName(g.kind), textOrNull(g.serverId), ms(g.createdAt)});
    const bool added = q.numRowsAffected() > 0;
    q.finish();
    return added;
}

int Store::deleteGroupGrants(const QString &groupId, std::optional<GroupGrantKind> kind,
                             const QString &serverId)
{
    QString sql = u"DELETE FROM group_grants WHERE group_id = ?"_s;
    QVariantList values{groupId};
    if (kind) {
        sql += u" AND kind = ?"_s;
        values.append(groupGrantKindName(*kind));
    }
    if (!serverId.isEmpty()) {
        sql += u" AND server_id = ?"_s;
        values.append(serverId);
    }
    QSqlQuery &q = run(sql, values);
    const int n = q.numRowsAffected();
    q.finish();
    return n;
}

QList<GroupGrant> Store::listGroupGrants()
{
    QList<GroupGrant> out;
    forEachRow(
        run(u"SELECT group_id, kind, server_id, created_at FROM group_grants ORDER BY group_id, kind, server_id"_s),
        [&](const QSqlQuery &q) {
            GroupGrant g;
            g.groupId = q.value(0).toString();
            g.kind =
                groupGrantKindFromName(q.value(1).toString()).value_or(GroupGrantKind::Manager);
            g.serverId = q.value(2).toString();
            g.createdAt = fromMs(q.value(3));
            out.append(g);
        });
    return out;
}

// ---- sessions -------------------------------------------------------------------------------

void Store::insertSession(const QByteArray &tokenHash, const QString &userId,
                          const QDateTime &created, const QDateTime &expires)
{
    run(u"INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)"_s,
        {tokenHash, userId, ms(created), ms(expires)})
        .finish();
}

std::optional<StoredSession> Store::session(const QByteArray &tokenHash)
{
    std::optional<StoredSession> s;
    forEachRow(run(uR"(SELECT u.id, u.email, u.name, u.state, s.expires_at
                         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?)"_s,
                   {tokenHash}),
               [&](const QSqlQuery &q) {
                   s = StoredSession{User{q.value(0).toString(), q.value(1).toString(),
                                          q.value(2).toString(), q.value(3).toString()},
                                     fromMs(q.value(4))};
               });
    return s;
}

void Store::deleteSession(const QByteArray &tokenHash)
{
    run(u"DELETE FROM sessions WHERE token_hash = ?"_s, {tokenHash}).finish();
}

int Store::deleteExpiredSessions(const QDateTime &now)
{
    QSqlQuery &q = run(u"DELETE FROM sessions WHERE expires_at <= ?"_s, {ms(now)});
    const int n = q.numRowsAffected();
    q.finish();
    return n;
}

// ---- audit ----------------------------------------------------------------------------------

void Store::insertAudit(const AuditEvent &e)
{
    run(u"INSERT INTO audit_events (at, actor_id, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {ms(e.at), textOrNull(e.actorId), e.action, e.targetType, e.targetId,
         QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))})
        .finish();
}

Page<AuditEvent> Store::listAudit(const PageRequest &page)
{
    Page<AuditEvent> p;
    const qint64 before =
        page.after.isEmpty() ? std::numeric_limits<qint64>::max() : page.after.toLongLong();
    forEachRow(
        run(u"SELECT id, at, actor_id, action, target_type, target_id, detail FROM audit_events WHERE id < ? ORDER BY id DESC LIMIT ?"_s,
            {before, page.limit + 1}),
        [&](const QSqlQuery &q) {
            AuditEvent e;
            e.id = q.value(0).toLongLong();
            e.at = fromMs(q.value(1));
            e.actorId = q.value(2).toString();
            e.action = q.value(3).toString();
            e.targetType = q.value(4).toString();
            e.targetId = q.value(5).toString();
            e.detail = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
            p.items.append(e);
        });
    if (p.items.size() > page.limit) {
        p.items.removeLast();
        p.nextCursor = QString::number(p.items.constLast().id);
    }
    return p;
}

qint64 Store::auditCount()
{
    return count(u"audit_events"_s);
}

// ---- signing keys ---------------------------------------------------------------------------

QList<StoredSigningKey> Store::signingKeys()
{
    QList<StoredSigningKey> out;
    forEachRow(
        run(u"SELECT kid, private_sealed, created_at FROM signing_keys ORDER BY created_at"_s),
        [&](const QSqlQuery &q) {
            out.append(StoredSigningKey{q.value(0).toString(), q.value(1).toByteArray(),
                                        fromMs(q.value(2))});
        });
    return out;
}

void Store::insertSigningKey(const StoredSigningKey &key, const QJsonObject &publicJwk)
{
    run(u"INSERT INTO signing_keys (kid, private_sealed, public_jwk, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
        {key.kid, key.privateSealed,
         QString::fromUtf8(QJsonDocument(publicJwk).toJson(QJsonDocument::Compact)),
         ms(key.createdAt)})
        .finish();
}

qint64 Store::count(const QString &table)
{
    static const QStringList allowed{u"users"_s,        u"user_groups"_s,   u"vaults"_s,
                                     u"servers"_s,      u"server_vaults"_s, u"tokens"_s,
                                     u"token_vaults"_s, u"group_grants"_s,  u"sessions"_s,
                                     u"audit_events"_s, u"signing_keys"_s};
    if (!allowed.contains(table))
        throw StoreError("count: unknown table");
    qint64 n = 0;
    forEachRow(run(u"SELECT COUNT(*) FROM "_s + table),
               [&](const QSqlQuery &q) { n = q.value(0).toLongLong(); });
    return n;
}

} // namespace ca

// The Store's audit log: appending to the hash chain, the filtered list, and table counts.
#include "service/StoreSql.h"

#include "core/Logging.h"
#include "service/AuditChain.h"

#include <QJsonDocument>
#include <limits>

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

namespace {

const QString kEventColumns =
    u"e.id, e.at, e.actor_id, e.action, e.target_type, e.target_id, e.detail, e.seq, e.hash"_s;

AuditEvent eventFromRow(const QSqlQuery &q)
{
    AuditEvent e;
    e.id = q.value(0).toLongLong();
    e.at = fromMs(q.value(1));
    e.actorId = q.value(2).toString();
    e.action = q.value(3).toString();
    e.targetType = q.value(4).toString();
    e.targetId = q.value(5).toString();
    e.detail = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    e.seq = q.value(7).toLongLong();
    e.hash = q.value(8).toString();
    return e;
}

constexpr qsizetype kTrigram = 3; // the shortest text the FTS5 trigram index can find

// A LIKE pattern that finds text anywhere, its wildcards taken literally.
QString containsPattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u'%' + escaped + u'%';
}

// What the free-text filter reads of an event: its action, target and detail, one per line
// (so no query, which is one line, matches across two of them). SQLite's FTS5 table holds
// it; PostgreSQL's trigram index (migration 7) is built on this expression.
const QString kSqliteEventText = u"action || char(10) || target_id || char(10) || detail"_s;
// (Unqualified: no table the list joins has columns of these names.)
const QString kPostgresEventText = u"lower(action || chr(10) || target_id || chr(10) || detail)"_s;

// An FTS5 query for the text anywhere, taken literally: one quoted phrase, which the trigram
// tokenizer matches as a substring, ignoring case.
QString ftsPhrase(const QString &text)
{
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}

// The text as the stored detail spells it (JSON: a quote or a backslash escaped), so that
// a name with quotes is found; the action and the target hold neither.
QString asStoredInJson(const QString &text)
{
    return QString(text).replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
}

// How the free-text filter is applied: by the FTS5 table SQLite's query starts from, or as
// a condition.
enum class TextSearch { Indexed, Condition };

// The WHERE conditions (after "id < ?") and their values for a filter.
void addConditions(const AuditFilter &f, bool postgres, TextSearch text, QString &where,
                   QVariantList &values)
{
    if (!f.actorId.isEmpty()) {
        where += u" AND e.actor_id = ?"_s;
        values.append(f.actorId);
    }
    if (f.action.contains(u'.')) {
        where += u" AND e.action = ?"_s;
        values.append(f.action);
    } else if (!f.action.isEmpty()) {
        // a family: "token." up to (not including) "token/", the next character
        where += u" AND e.action >= ? AND e.action < ?"_s;
        values << QString(f.action + u'.') << QString(f.action + u'/');
    }
    if (f.since.isValid()) {
        where += u" AND e.at >= ?"_s;
        values.append(ms(f.since));
    }
    if (f.until.isValid()) {
        where += u" AND e.at < ?"_s;
        values.append(ms(f.until));
    }
    if (f.text.isEmpty() || text == TextSearch::Indexed)
        return;
    const QString pattern = containsPattern(f.text);
    if (postgres) { // the expression of the trigram index, so that it can be used
        where += u" AND "_s + kPostgresEventText + u" LIKE ? ESCAPE '\\'"_s;
        values << pattern;
    } else { // shorter than a trigram: read
        where +=
            u" AND (lower(e.action) LIKE ? ESCAPE '\\' OR lower(e.target_id) LIKE ? ESCAPE '\\'"
            " OR lower(e.detail) LIKE ? ESCAPE '\\')"_s;
        values << pattern << pattern << pattern;
    }
}

} // namespace

std::pair<qint64, QString> Store::lockAuditHead()
{
    std::pair<qint64, QString> head{0, {}};
    forEachRow(run(m_postgres
                       ? u"SELECT seq, hash FROM audit_chain WHERE chain = 'account' FOR UPDATE"_s
                       : u"SELECT seq, hash FROM audit_chain WHERE chain = 'account'"_s),
               [&](const QSqlQuery &q) {
                   head = {q.value(0).toLongLong(), q.value(1).toString()};
               });
    return head;
}

void Store::setAuditHead(qint64 seq, const QString &hash)
{
    run(u"UPDATE audit_chain SET seq = ?, hash = ? WHERE chain = 'account'"_s, {seq, hash})
        .finish();
    // Every change writes an audit event: the account's revision follows them (at COMMIT,
    // once per transaction, rather than once per event of a batch).
    if (m_transactionDepth > 0)
        m_revisionDue = true;
    else
        bumpAccountRevision();
}

void Store::insertAuditObjects(qint64 eventId, const QStringList &objectIds)
{
    for (const QString &object : objectIds)
        run(u"INSERT INTO audit_objects (object_id, event_id) VALUES (?, ?)"_s, {object, eventId})
            .finish();
}

void Store::insertAudit(const AuditEvent &e)
{
    Transaction tx(*this); // joins the change's transaction; alone it is one of its own
    const auto [headSeq, headHash] = lockAuditHead();
    auditchain::StoredEvent stored;
    stored.seq = headSeq + 1;
    stored.atMs = e.at.toMSecsSinceEpoch();
    stored.actorId = e.actorId;
    stored.action = e.action;
    stored.targetType = e.targetType;
    stored.targetId = e.targetId;
    stored.detail = QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact));
    const QString hash = auditchain::linkHash(headHash, stored);
    qint64 id = 0;
    forEachRow(
        run(u"INSERT INTO audit_events (at, actor_id, action, target_type, target_id, detail, seq, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
            {stored.atMs, textOrNull(e.actorId), e.action, e.targetType, e.targetId, stored.detail,
             stored.seq, hash}),
        [&](const QSqlQuery &q) { id = q.value(0).toLongLong(); });
    insertAuditObjects(id, auditchain::objectsOf(e.targetId, e.detail));
    setAuditHead(stored.seq, hash);
    tx.commit();
}

Page<AuditEvent> Store::listAudit(const PageRequest &page, const AuditFilter &asked)
{
    AuditFilter filter = asked;
    filter.text = asStoredInJson(asked.text);
    Page<AuditEvent> p;
    const qint64 before =
        page.after.isEmpty() ? std::numeric_limits<qint64>::max() : page.after.toLongLong();
    QString sql;
    QVariantList values;
    // Text of a trigram or more, on SQLite: newest first from the text index, which finds
    // the matching events without reading the others. (An object's events are few: read.)
    const bool indexed = !m_postgres && filter.objectId.isEmpty() && filter.text.size() >= kTrigram;
    if (indexed) {
        indexNewAuditText();
        sql = u"SELECT "_s + kEventColumns +
              u" FROM audit_text JOIN audit_events e ON e.id = audit_text.rowid"
              " WHERE audit_text MATCH ? AND audit_text.rowid < ?"_s;
        values << ftsPhrase(filter.text) << before;
    } else if (filter.objectId.isEmpty()) {
        sql = u"SELECT "_s + kEventColumns + u" FROM audit_events e WHERE e.id < ?"_s;
        values.append(before);
    } else {
        // from the object's index entries, newest first: no scan of unrelated events
        sql = u"SELECT "_s + kEventColumns +
              u" FROM audit_objects o JOIN audit_events e ON e.id = o.event_id"
              " WHERE o.object_id = ? AND o.event_id < ?"_s;
        values << filter.objectId << before;
    }
    addConditions(filter, m_postgres, indexed ? TextSearch::Indexed : TextSearch::Condition, sql,
                  values);
    sql += indexed                     ? u" ORDER BY audit_text.rowid DESC LIMIT ?"_s
           : filter.objectId.isEmpty() ? u" ORDER BY e.id DESC LIMIT ?"_s
                                       : u" ORDER BY o.event_id DESC LIMIT ?"_s;
    values.append(page.limit + 1);
    forEachRow(run(sql, values), [&](const QSqlQuery &q) { p.items.append(eventFromRow(q)); });
    trimPage(p, page.limit, [](const AuditEvent &e) { return QString::number(e.id); });
    return p;
}

void Store::indexAuditText()
{
    if (!m_postgres) {
        // Contentless (the events hold the text); trigrams match substrings of 3 or more
        // characters, ignoring case.
        exec(u"CREATE VIRTUAL TABLE audit_text USING fts5(body, tokenize = 'trigram', "
             "content = '')"_s);
        exec(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_text_indexed', 0)"_s);
        indexNewAuditText();
        return;
    }
    // pg_trgm is a trusted extension (the database's owner may create it); where it can't be
    // had, the filter reads the events instead, as before.
    exec(u"SAVEPOINT audit_text"_s);
    try {
        exec(u"CREATE EXTENSION IF NOT EXISTS pg_trgm"_s);
        exec(u"CREATE INDEX audit_events_text ON audit_events USING gin (("_s + kPostgresEventText +
             u") gin_trgm_ops)"_s);
        exec(u"RELEASE SAVEPOINT audit_text"_s);
    } catch (const StoreError &e) {
        exec(u"ROLLBACK TO SAVEPOINT audit_text"_s);
        qCWarning(lcStore) << "no pg_trgm index: the audit log's free-text filter reads every "
                              "event:"
                           << e.what();
    }
}

// Events are indexed here, not as they are written: an FTS5 insert in every change's
// transaction halved token creation (1,210 → 640 a second). A search first indexes what
// was written since the last one, in one transaction (about 60 µs an event).
void Store::indexNewAuditText()
{
    const QString newestSql = u"SELECT COALESCE(MAX(id), 0) FROM audit_events"_s;
    const QString indexedSql = u"SELECT value FROM meta WHERE key = 'audit_text_indexed'"_s;
    if (readInteger(newestSql) <= readInteger(indexedSql))
        return; // read without the write lock: most searches stop here
    Transaction tx(*this);
    const qint64 indexed = readInteger(indexedSql); // again, under the write lock
    const qint64 newest = readInteger(newestSql);
    if (newest <= indexed)
        return;
    run(u"INSERT INTO audit_text (rowid, body) SELECT id, "_s + kSqliteEventText +
            u" FROM audit_events WHERE id > ? AND id <= ?"_s,
        {indexed, newest})
        .finish();
    run(u"UPDATE meta SET value = ? WHERE key = 'audit_text_indexed'"_s, {newest}).finish();
    tx.commit();
}

qint64 Store::auditCount()
{
    return count(u"audit_events"_s);
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

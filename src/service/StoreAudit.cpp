// The Store's audit log: appending to the hash chain, the filtered list, and table counts.
#include "service/StoreSql.h"

#include "core/Logging.h"
#include "service/AuditChain.h"

#include <QJsonDocument>
#include <algorithm>
#include <limits>
#include <optional>

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
// Events indexed at once (beyond a tenth of those indexed before) after which PostgreSQL's
// statistics on the text are renewed (Store::indexNewAuditText).
constexpr qint64 kAnalyzeAfter = 1000;

// A LIKE pattern that finds text anywhere, its wildcards taken literally.
QString containsPattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u'%' + escaped + u'%';
}

// What the free-text filter reads of an event: its action, target and detail, one per line
// (so no query, which is one line, matches across two of them). SQLite's FTS5 table holds
// it; on PostgreSQL the audit_text table holds it lowercased, under a trigram index.
const QString kSqliteEventText = u"action || char(10) || target_id || char(10) || detail"_s;
// (Unqualified: no table the list joins has columns of these names.)
const QString kPostgresEventText = u"lower(action || chr(10) || target_id || chr(10) || detail)"_s;

// An FTS5 query for the text anywhere, taken literally: one quoted phrase, which the trigram
// tokenizer matches as a substring, ignoring case.
QString ftsPhrase(const QString &text)
{
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}

// The event's text as the free-text filter reads it, from the columns kEventColumns lists.
QString eventText(const QSqlQuery &q)
{
    return q.value(3).toString() + u'\n' + q.value(5).toString() + u'\n' + q.value(6).toString();
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

// A page's bounds and order on the ID the query starts from: the events from `from` (0: the
// first) up to, not including, `below` that pass the filter, newest first.
void addPageBounds(const QString &idColumn, qint64 below, qint64 from, const AuditFilter &f,
                   bool postgres, TextSearch text, QString &sql, QVariantList &values)
{
    sql += u" AND "_s + idColumn + u" < ?"_s;
    values << below;
    if (from > 0) {
        sql += u" AND "_s + idColumn + u" >= ?"_s;
        values << from;
    }
    addConditions(f, postgres, text, sql, values);
    sql += u" ORDER BY "_s + idColumn + u" DESC"_s;
}

} // namespace

std::pair<qint64, QString> Store::auditChainEnd()
{
    if (m_head)
        return {m_head->seq, m_head->hash}; // moved by the open transaction, not yet written
    std::pair<qint64, QString> end{0, {}};
    forEachRow(run(u"SELECT seq, hash FROM audit_chain WHERE chain = 'account'"_s),
               [&](const QSqlQuery &q) {
                   end = {q.value(0).toLongLong(), q.value(1).toString()};
               });
    return end;
}

Store::AuditHead Store::lockAuditHead()
{
    if (m_head)
        return *m_head; // this transaction holds it already
    AuditHead head;
    forEachRow(
        run(m_postgres
                ? u"SELECT seq, hash, at FROM audit_chain WHERE chain = 'account' FOR UPDATE"_s
                : u"SELECT seq, hash, at FROM audit_chain WHERE chain = 'account'"_s),
        [&](const QSqlQuery &q) {
            head = {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()};
        });
    if (m_transactionDepth > 0)
        m_head = head;
    return head;
}

void Store::setAuditHead(const AuditHead &head)
{
    if (m_transactionDepth > 0) {
        // Written at COMMIT (writeAuditHead), once per transaction: a group of token
        // creations or a plan appends many events, each of which read and wrote the head.
        // The account's revision follows the events the same way.
        m_head = head;
        m_headDue = true;
        m_revisionDue = true;
        return;
    }
    writeAuditHead(head);
    bumpAccountRevision();
}

void Store::writeAuditHead(const AuditHead &head)
{
    run(u"UPDATE audit_chain SET seq = ?, hash = ?, at = ? WHERE chain = 'account'"_s,
        {head.seq, head.hash, head.atMs})
        .finish();
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
    const AuditHead head = lockAuditHead();
    auditchain::StoredEvent stored;
    stored.seq = head.seq + 1;
    // Never before the latest event (a clock set back, another instance's clock behind):
    // the log's times follow its order, which the time filters rely on (auditIdRange).
    stored.atMs = std::max(e.at.toMSecsSinceEpoch(), head.atMs);
    stored.actorId = e.actorId;
    stored.action = e.action;
    stored.targetType = e.targetType;
    stored.targetId = e.targetId;
    stored.detail = QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact));
    const QString hash = auditchain::linkHash(head.hash, stored);
    qint64 id = 0;
    forEachRow(
        run(u"INSERT INTO audit_events (at, actor_id, action, target_type, target_id, detail, seq, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
            {stored.atMs, textOrNull(e.actorId), e.action, e.targetType, e.targetId, stored.detail,
             stored.seq, hash}),
        [&](const QSqlQuery &q) { id = q.value(0).toLongLong(); });
    insertAuditObjects(id, auditchain::objectsOf(e.targetId, e.detail));
    setAuditHead({stored.seq, hash, stored.atMs});
    tx.commit();
}

Page<AuditEvent> Store::listAudit(const PageRequest &page, const AuditFilter &asked)
{
    AuditFilter filter = asked;
    filter.text = asStoredInJson(asked.text);
    Page<AuditEvent> p;
    qint64 before =
        page.after.isEmpty() ? std::numeric_limits<qint64>::max() : page.after.toLongLong();
    qint64 from = 0; // the oldest event ID the time window allows
    if (filter.since.isValid() || filter.until.isValid()) {
        const auto [first, last] = auditIdRange(filter.since, filter.until);
        if (first > last)
            return p; // no event in the window
        from = first;
        if (last < before)
            before = last + 1;
    }
    QString sql;
    QVariantList values;
    QString idColumn; // the ID the page is ordered by, in the table the query starts from
    // Text of a trigram or more: newest first from the text index, which finds the matching
    // events without reading the others. (An object's events are few: read.)
    const bool indexed = filter.objectId.isEmpty() &&
                         qsizetype(filter.text.toStdU32String().size()) >= kTrigram; // characters
    TextCandidates candidates;
    if (indexed && m_postgres) {
        listAuditTextPostgres(p, page.limit, filter, before, from);
        trimPage(p, page.limit, [](const AuditEvent &e) { return QString::number(e.id); });
        return p;
    }
    if (indexed) {
        candidates = auditTextCandidates(filter.text, indexNewAuditText());
        if (candidates.match.isEmpty())
            return p;
        idColumn = u"audit_text.rowid"_s;
        sql = u"SELECT "_s + kEventColumns +
              u" FROM audit_text JOIN audit_events e ON e.id = audit_text.rowid"
              " WHERE audit_text MATCH ?"_s;
        values << candidates.match;
    } else if (filter.objectId.isEmpty()) {
        idColumn = u"e.id"_s;
        sql = u"SELECT "_s + kEventColumns + u" FROM audit_events e WHERE TRUE"_s;
    } else {
        // from the object's index entries, newest first: no scan of unrelated events
        idColumn = u"o.event_id"_s;
        sql = u"SELECT "_s + kEventColumns +
              u" FROM audit_objects o JOIN audit_events e ON e.id = o.event_id"
              " WHERE o.object_id = ?"_s;
        values << filter.objectId;
    }
    addPageBounds(idColumn, before, from, filter, m_postgres,
                  indexed ? TextSearch::Indexed : TextSearch::Condition, sql, values);
    if (!candidates.mayHoldOthers) {
        sql += u" LIMIT ?"_s;
        values.append(page.limit + 1);
    }
    QSqlQuery &q = run(sql, values);
    while (p.items.size() <= page.limit && q.next()) {
        if (!candidates.mayHoldOthers || eventText(q).contains(filter.text, Qt::CaseInsensitive))
            p.items.append(eventFromRow(q));
    }
    q.finish();
    trimPage(p, page.limit, [](const AuditEvent &e) { return QString::number(e.id); });
    return p;
}

// PostgreSQL's free text, in up to two steps. First the newest kNewestRead events (before
// the page's start) are read and checked: a common text fills its page there, in a few
// milliseconds. What is left of the page comes from the events holding the trigrams chosen
// by auditTrigramsToLookUp, found through the GIN index on audit_trigrams(body) (one key per
// trigram, spaces and punctuation included, as in SQLite's FTS5), each checked for the whole
// text. The two steps don't rely on the planner's estimates: the first reads a bounded range
// of IDs, and the second collects the candidates (few, being the rarest) before they are
// joined to the events. A text whose rarest trigram is in most events is read newest first
// to the end, as it will be found soon.
void Store::listAuditTextPostgres(Page<AuditEvent> &p, int limit, const AuditFilter &filter,
                                  qint64 before, qint64 from)
{
    constexpr qint64 kNewestRead = 5000;
    const qint64 indexed = indexNewAuditText(); // what came since the indexer's last turn
    const std::optional<QStringList> lookUp = auditTrigramsToLookUp(filter.text, indexed);
    if (!lookUp)
        return; // a trigram in no event
    const QString pattern = containsPattern(filter.text);
    // Events from `lowest` up to (not including) `upTo`, newest first, to fill the page.
    auto read = [&](QString sql, QVariantList values, qint64 upTo, qint64 lowest) {
        addPageBounds(u"t.id"_s, upTo, lowest, filter, true, TextSearch::Indexed, sql, values);
        sql += u" LIMIT ?"_s;
        values.append(limit + 1 - p.items.size());
        forEachRow(run(sql, values), [&](const QSqlQuery &q) { p.items.append(eventFromRow(q)); });
    };
    const qint64 upTo = std::min(before, indexed + 1);
    const qint64 readFrom = lookUp->isEmpty() ? from : std::max(from, upTo - kNewestRead);
    read(u"SELECT "_s + kEventColumns +
             u" FROM audit_text t JOIN audit_events e ON e.id = t.id"
             " WHERE t.body LIKE ? ESCAPE '\\'"_s,
         {pattern}, upTo, readFrom);
    if (p.items.size() > limit || readFrom <= from || lookUp->isEmpty())
        return;
    QStringList keys;
    QVariantList values;
    for (const QString &trigram : *lookUp) {
        keys.append(u"audit_trigrams(?)"_s);
        values.append(trigram);
    }
    values.append(pattern);
    read(u"WITH t AS MATERIALIZED (SELECT id FROM audit_text WHERE audit_trigrams(body) @> ("_s +
             keys.join(u" || "_s) + u") AND body LIKE ? ESCAPE '\\') SELECT "_s + kEventColumns +
             u" FROM t JOIN audit_events e ON e.id = t.id WHERE TRUE"_s,
         values, readFrom, from);
}

namespace {

// Looking up a text by the rarest of its trigrams, on both databases. FTS5 finds a phrase
// by reading the position lists of all its trigrams, common ones too: "server 99999" read
// those of "ser", "erv", … (in every event) and took 60–80 ms at 1,000,000 events to find 3,
// and "server.revoke" (no such action; each of its trigrams is in a tenth of the events or
// more) 150 ms to find none; PostgreSQL's GIN index reads the posting list of every key asked
// for in the same way. The events holding the rarest three are found in a few milliseconds
// instead, and each is then checked for the whole text.
struct Trigram
{
    QString text;
    qsizetype at = 0; // where it first is in the text
    double share = 0; // of the events holding it, as estimated
};

constexpr qsizetype kMaxProbes = 16; // trigrams estimated of a long text
constexpr double kRare = 0.3;        // the rarest in at most 30% of the events: look up by it

// The distinct trigrams of a text (case already as the index holds it), at most kMaxProbes,
// spread evenly over the text.
QList<Trigram> trigramsOf(const QString &text)
{
    const std::u32string chars = text.toStdU32String();
    QList<Trigram> trigrams;
    for (qsizetype i = 0; i + kTrigram <= qsizetype(chars.size()); ++i) {
        const QString t = QString::fromUcs4(chars.data() + i, kTrigram);
        if (std::none_of(trigrams.cbegin(), trigrams.cend(),
                         [&](const Trigram &seen) { return seen.text == t; }))
            trigrams.append({t, i});
    }
    if (trigrams.size() > kMaxProbes) {
        QList<Trigram> spread;
        for (qsizetype k = 0; k < kMaxProbes; ++k)
            spread.append(trigrams.at(k * (trigrams.size() - 1) / (kMaxProbes - 1)));
        trigrams = spread;
    }
    return trigrams;
}

// The trigrams to look the text up by, their shares estimated: the rarest, and up to two
// more — any in at most a tenth of the events (their occurrences are read in a few
// milliseconds), and more common ones where reading them costs less than checking the events
// they would rule out (at about kCheckCost index entries each, if found independently of
// those taken). A common trigram overlapping one taken ("evo" after "rev" of "revoke") is
// mostly found with it: it adds reading, not rarity, and is left out. None where even the
// rarest is in most events: the text is then most likely common, and a page of it is found
// soonest by reading the events newest first.
QStringList trigramsToLookUp(QList<Trigram> trigrams)
{
    constexpr double kCheap = 0.1;     // a trigram in at most a tenth of the events
    constexpr double kCheckCost = 200; // checking an event: about 200 index entries read
    constexpr qsizetype kMaxTerms = 3;
    std::sort(trigrams.begin(), trigrams.end(),
              [](const Trigram &a, const Trigram &b) { return a.share < b.share; });
    if (trigrams.isEmpty() || trigrams.first().share > kRare)
        return {};
    QList<Trigram> taken{trigrams.first()};
    double candidates = trigrams.first().share; // the share of the events to check
    for (const Trigram &t : std::as_const(trigrams).sliced(1)) {
        if (taken.size() == kMaxTerms)
            break;
        const bool overlaps = std::any_of(taken.cbegin(), taken.cend(), [&](const Trigram &o) {
            return std::abs(o.at - t.at) < kTrigram;
        });
        if (t.share <= kCheap || (!overlaps && t.share < candidates * (1 - t.share) * kCheckCost)) {
            taken.append(t);
            candidates *= t.share;
        }
    }
    QStringList texts;
    for (const Trigram &t : std::as_const(taken))
        texts.append(t.text);
    return texts;
}

} // namespace

// SQLite: how rare a trigram is, is seen from its newest occurrences in the FTS5 index: how
// far back its last 200 reach. A trigram in no event means no event holds the text.
Store::TextCandidates Store::auditTextCandidates(const QString &text, qint64 indexedThrough)
{
    constexpr int kSample = 200; // occurrences read of each trigram
    QList<Trigram> trigrams = trigramsOf(text.toCaseFolded());
    const qint64 newest = std::max<qint64>(1, indexedThrough);
    for (Trigram &t : trigrams) {
        qint64 count = 0;
        qint64 oldest = 0;
        forEachRow(run(u"SELECT COUNT(*), MIN(rowid) FROM (SELECT rowid FROM audit_text WHERE"
                       " audit_text MATCH ? ORDER BY rowid DESC LIMIT ?)"_s,
                       {ftsPhrase(t.text), kSample}),
                   [&](const QSqlQuery &q) {
                       count = q.value(0).toLongLong();
                       oldest = q.value(1).toLongLong();
                   });
        if (count == 0)
            return {};
        const qint64 span = count < kSample ? newest : std::max<qint64>(1, newest - oldest + 1);
        t.share = double(count) / double(span);
    }
    const QStringList lookUp = trigramsToLookUp(trigrams);
    if (lookUp.isEmpty())
        return {ftsPhrase(text), false};
    QStringList terms;
    for (const QString &t : lookUp)
        terms.append(ftsPhrase(t));
    return {terms.join(u" AND "_s), true};
}

// PostgreSQL: how many times each trigram occurs in the indexed text is kept in
// audit_trigram_counts (Store::indexNewAuditText), read here in one query; the trigram's code
// is computed by the same SQL function that keys the index. std::nullopt when a trigram is
// in no event.
std::optional<QStringList> Store::auditTrigramsToLookUp(const QString &text, qint64 indexedThrough)
{
    QList<Trigram> trigrams = trigramsOf(text.toLower());
    if (trigrams.isEmpty())
        return QStringList{};
    QString sql = u"SELECT (SELECT occurrences FROM audit_trigram_counts WHERE trigram ="
                  " (audit_trigrams(v.t))[1]) FROM (VALUES "_s;
    QVariantList values;
    for (qsizetype i = 0; i < trigrams.size(); ++i) {
        sql += i == 0 ? u"(0, ?::text)"_s : u", (%1, ?)"_s.arg(i);
        values.append(trigrams.at(i).text);
    }
    sql += u") AS v(k, t) ORDER BY v.k"_s;
    const double events = double(std::max<qint64>(1, indexedThrough));
    qsizetype i = 0;
    QList<qsizetype> uncounted;
    forEachRow(run(sql, values), [&](const QSqlQuery &q) {
        const qint64 occurrences = q.value(0).toLongLong(); // NULL: none
        if (i < trigrams.size()) {
            if (occurrences == 0)
                uncounted.append(i);
            trigrams[i++].share = std::min(1.0, double(occurrences) / events);
        }
    });
    // A trigram counted in no event: no event holds the text, unless the counts are behind
    // the index (during an upgrade an instance older than migration 10 indexes text beside
    // this one without counting it). The index says which: an empty posting list is read at
    // once. (COUNT, not LIMIT 1, so that the planner never prefers to compute the function
    // on every row until it finds one.)
    for (const qsizetype k : std::as_const(uncounted)) {
        if (readInteger(u"SELECT COUNT(*) FROM audit_text WHERE audit_trigrams(body) @>"
                        " audit_trigrams(?)"_s,
                        {trigrams.at(k).text}) == 0)
            return std::nullopt;
    }
    return trigramsToLookUp(trigrams);
}

// Since migration 8 no event is written with a time before the latest in the log, so from
// meta's 'audit_time_ordered_from' on (the first event, unless a clock was set back before
// the migration) each event's time is at least that of every event before it. A window's
// events then lie between two IDs, each found through the index on time: the oldest event
// at `since` or after and the newest before `until`. Events before the ordered ones stay
// inside the range unless their order shows they can't be in the window.
std::pair<qint64, qint64> Store::auditIdRange(const QDateTime &since, const QDateTime &until)
{
    const qint64 orderedFrom =
        readInteger(u"SELECT value FROM meta WHERE key = 'audit_time_ordered_from'"_s);
    qint64 first = 0;
    qint64 last = std::numeric_limits<qint64>::max();
    if (since.isValid()) {
        const qint64 oldest = readInteger(
            u"SELECT id FROM audit_events WHERE at >= ? ORDER BY at, id LIMIT 1"_s, {ms(since)});
        if (oldest == 0)
            return {1, 0}; // none at or after it
        // If it is one of the ordered events, every event before it is earlier.
        if (oldest >= orderedFrom)
            first = oldest;
    }
    if (until.isValid()) {
        const qint64 newest = readInteger(
            u"SELECT id FROM audit_events WHERE at < ? ORDER BY at DESC, id DESC LIMIT 1"_s,
            {ms(until)});
        // Every ordered event after it is at `until` or later.
        last = std::max(orderedFrom - 1, newest);
    }
    return {first, last};
}

void Store::markAuditTimeOrder()
{
    // The last event whose time is before that of an event written earlier.
    const qint64 outOfOrder = readInteger(
        u"SELECT COALESCE(MAX(id), 0) FROM (SELECT id, at, MAX(at) OVER (ORDER BY id ROWS"
        " BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM audit_events) AS w"
        " WHERE at < before"_s);
    run(u"INSERT INTO meta (key, value) VALUES ('audit_time_ordered_from', ?)"_s, {outOfOrder + 1})
        .finish();
}

void Store::indexAuditText()
{
    if (m_postgres)
        return; // a table of its own since migration 9 (indexAuditTextApart)
    // Contentless (the events hold the text); trigrams match substrings of 3 or more
    // characters, ignoring case.
    exec(u"CREATE VIRTUAL TABLE audit_text USING fts5(body, tokenize = 'trigram', "
         "content = '')"_s);
    exec(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_text_indexed', 0)"_s);
    indexNewAuditText();
}

// PostgreSQL's trigram index on the events themselves (migration 7) was updated by every
// change's transaction, and its 4 MB pending list merged by whichever insert filled it: at
// 1,000,000 events a one-event transaction took 0.38 ms with it and 0.31 ms without, and
// 20,000 events in one transaction 4.1-4.8 s against 0.6-0.95 s. The text now goes to a
// table of its own, indexed in batches by the service (ServiceHost, every 2 s) and, for what
// came since, by the search itself.
void Store::indexAuditTextApart()
{
    if (!m_postgres)
        return;
    exec(u"DROP INDEX IF EXISTS audit_events_text"_s);
    exec(u"CREATE TABLE audit_text (id BIGINT PRIMARY KEY, body TEXT NOT NULL)"_s);
    exec(u"INSERT INTO meta (key, value) VALUES ('audit_text_indexed', 0)"_s);
    indexNewAuditText(); // the events so far, before the index: one bulk build is faster
    // pg_trgm is a trusted extension (the database's owner may create it); where it can't be
    // had, the filter reads the whole text table.
    exec(u"SAVEPOINT audit_text"_s);
    try {
        exec(u"CREATE EXTENSION IF NOT EXISTS pg_trgm"_s);
        exec(u"CREATE INDEX audit_text_body ON audit_text USING gin (body gin_trgm_ops)"_s);
        exec(u"RELEASE SAVEPOINT audit_text"_s);
    } catch (const StoreError &e) {
        exec(u"ROLLBACK TO SAVEPOINT audit_text"_s);
        qCWarning(lcStore) << "no pg_trgm index: the audit log's free-text filter reads the "
                              "text of every event:"
                           << e.what();
    }
}

// PostgreSQL's pg_trgm keys a text by the trigrams of its words (letters and digits only),
// so "server.revoke" was looked up as the common words "server" and "revoke": 266,885
// candidates at 1,000,000 events, each read and checked (233 ms), and every search read the
// posting lists of all the text's trigrams. Since migration 10 the index is keyed by every
// three characters, spaces and punctuation included, as SQLite's FTS5 is (one bigint per
// trigram: its three code points of 21 bits each), and how often each occurs is counted, so
// that a search reads the rarest only (Store::listAuditTextPostgres). The function is plain
// PL/pgSQL: no extension is needed. Its result is the index's key, so it must never change
// for a text (IMMUTABLE): a change needs a new function and a new index. PARALLEL UNSAFE
// keeps the searches in one process: the planner started two workers for a lookup of 159
// candidates, and their start took 40 of its 50 ms ("server.revoke": 153 ms a page with
// them, 8 ms without).
void Store::indexAuditTrigrams()
{
    if (!m_postgres)
        return;
    // The indexer's lock: another instance's indexer (of a version before this migration)
    // adds no text between the counting and the index below.
    exec(u"SELECT value FROM meta WHERE key = 'audit_text_indexed' FOR UPDATE"_s);
    exec(uR"(CREATE OR REPLACE FUNCTION audit_trigrams(body TEXT) RETURNS BIGINT[]
               LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL UNSAFE AS $$
             DECLARE c INT[] := ARRAY(SELECT ascii(x) FROM unnest(string_to_array(body, NULL)) AS x);
             BEGIN
               RETURN ARRAY(SELECT (c[i]::BIGINT << 42) | (c[i + 1]::BIGINT << 21) | c[i + 2]
                            FROM generate_series(1, cardinality(c) - 2) AS i);
             END $$)"_s);
    exec(u"DROP INDEX IF EXISTS audit_text_body"_s); // pg_trgm's (migration 9)
    exec(u"DROP TABLE IF EXISTS audit_trigram_counts"_s);
    exec(u"CREATE TABLE audit_trigram_counts (trigram BIGINT PRIMARY KEY,"
         " occurrences BIGINT NOT NULL)"_s);
    countAuditTrigrams(0, auditTextIndexedThrough());
    exec(u"CREATE INDEX audit_text_trigrams ON audit_text USING gin (audit_trigrams(body))"_s);
    exec(u"ANALYZE audit_text"_s);
    m_trigramsCounted = true;
}

// Adds to audit_trigram_counts the trigrams of the text of events after `after` up to
// `through` (PostgreSQL, since migration 10).
void Store::countAuditTrigrams(qint64 after, qint64 through)
{
    run(u"INSERT INTO audit_trigram_counts (trigram, occurrences) SELECT k, COUNT(*) FROM"
        " audit_text, unnest(audit_trigrams(body)) AS k WHERE id > ? AND id <= ? GROUP BY k"
        " ON CONFLICT (trigram) DO UPDATE SET occurrences = audit_trigram_counts.occurrences"
        " + excluded.occurrences"_s,
        {after, through})
        .finish();
}

// Events are indexed here, not as they are written: an FTS5 insert in every change's
// transaction halved token creation (1,210 → 640 a second). A search first indexes what
// was written since the last one, in one transaction (about 60 µs an event); on PostgreSQL
// the service's indexer does most of it in the background.
qint64 Store::auditTextIndexedThrough()
{
    return readInteger(u"SELECT value FROM meta WHERE key = 'audit_text_indexed'"_s);
}

qint64 Store::indexNewAuditText()
{
    const QString newestSql = u"SELECT COALESCE(MAX(id), 0) FROM audit_events"_s;
    const QString indexedSql = u"SELECT value FROM meta WHERE key = 'audit_text_indexed'"_s;
    if (const qint64 indexed = auditTextIndexedThrough(); readInteger(newestSql) <= indexed)
        return indexed; // read without the write lock: most searches stop here
    Transaction tx(*this, Transaction::Queue::None); // no event: writers need not wait for it
    // Again, under the write lock (on PostgreSQL the row's: another instance's indexer waits).
    const qint64 indexed = readInteger(m_postgres ? indexedSql + u" FOR UPDATE"_s : indexedSql);
    // Events are written one transaction after another (each holds the chain's head row), so
    // every event up to the newest one seen has committed.
    const qint64 newest = readInteger(newestSql);
    if (newest <= indexed)
        return indexed;
    run(m_postgres ? u"INSERT INTO audit_text (id, body) SELECT id, "_s + kPostgresEventText +
                         u" FROM audit_events WHERE id > ? AND id <= ?"_s
                   : u"INSERT INTO audit_text (rowid, body) SELECT id, "_s + kSqliteEventText +
                         u" FROM audit_events WHERE id > ? AND id <= ?"_s,
        {indexed, newest})
        .finish();
    // The trigrams' counts (not while migrations 9 and earlier run: they come with 10).
    if (m_postgres && !m_trigramsCounted)
        m_trigramsCounted = readInteger(u"SELECT CASE WHEN to_regclass('audit_trigram_counts')"
                                        " IS NULL THEN 0 ELSE 1 END"_s) > 0;
    if (m_trigramsCounted)
        countAuditTrigrams(indexed, newest);
    run(u"UPDATE meta SET value = ? WHERE key = 'audit_text_indexed'"_s, {newest}).finish();
    // A batch that grows the table by a tenth or more: give PostgreSQL's planner the new
    // statistics now, not at autovacuum's next turn (up to a minute later). Without them,
    // after a large backlog was indexed (migration 9, or a first search over a log written
    // by a bulk import), a common word was looked up through the trigram index and every
    // match sorted: 381-900 ms for a page at 1,000,000 events, against 1.5 ms read newest
    // first once analysed (bench/audit-bench). ANALYZE samples 30,000 rows: well under a
    // second at that size, and rare, since the threshold grows with the table.
    if (m_postgres && newest - indexed > kAnalyzeAfter + indexed / 10)
        exec(u"ANALYZE audit_text"_s);
    tx.commit();
    return newest;
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

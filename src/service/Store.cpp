// The Store's connection: opening SQLite or PostgreSQL, prepared statements, transactions.
#include "service/StoreSql.h"

#include "core/Logging.h"
#include "service/SqliteChangeCounter.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace ca::storesql;

namespace ca {

namespace {
constexpr int kSqliteBusyTimeoutMs = 10000;
} // namespace

std::unique_ptr<Store> Store::open(const QString &url, const QString &connectionName,
                                   const StoreOptions &options)
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
        db.setPassword(options.password.isEmpty() ? u.password() : options.password);
        QStringList libpqOptions; // service=NAME, sslmode=…: libpq's own
        const auto items = q.queryItems();
        for (const auto &item : items) {
            if (item.first != u"host")
                libpqOptions.append(item.first + u'=' + item.second);
        }
        db.setConnectOptions(libpqOptions.join(u';'));
        QUrl safe(u);
        safe.setPassword(QString());
        description = safe.toString();
    } else {
        db.setDatabaseName(url);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT="_s + QString::number(kSqliteBusyTimeoutMs));
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
        store->m_writeLock = options.sqliteWriteLock;
        store->m_changes = SqliteChangeCounter::open(url);
        store->m_revisionRecheckMs = options.revisionRecheckMs;
        store->enableWal();
        store->exec(options.durableCommits ? u"PRAGMA synchronous=FULL"_s
                                           : u"PRAGMA synchronous=NORMAL"_s);
        store->exec(u"PRAGMA foreign_keys=ON"_s);
    } else {
        store->exec(u"SET client_min_messages TO WARNING"_s);
    }
    return store;
}

Store::Store(const QSqlDatabase &db, bool postgres, QString description)
    : m_db(db) // QSqlDatabase has no move constructor
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

int Store::sqliteSynchronous()
{
    if (m_postgres)
        return 0;
    int level = 0;
    forEachRow(run(u"PRAGMA synchronous"_s),
               [&](const QSqlQuery &q) { level = q.value(0).toInt(); });
    return level;
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

// Switching a new file to WAL needs it to itself, and SQLite answers "locked" at once
// (without its busy timeout) while another instance starting on the same file holds it:
// try again for as long as that timeout. Once switched, the mode is kept in the file.
void Store::enableWal()
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        try {
            exec(u"PRAGMA journal_mode=WAL"_s);
            return;
        } catch (const StoreError &) {
            if (waited.elapsed() > kSqliteBusyTimeoutMs)
                throw;
            QThread::msleep(20);
        }
    }
}

void Store::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw StoreError(QStringLiteral("statement failed (%1…): %2")
                             .arg(sql.simplified().left(40), q.lastError().text())
                             .toStdString());
}

QString Store::placeholders(int n) const
{
    QString s;
    s.reserve(n * 2);
    for (int i = 0; i < n; ++i)
        s += i ? u",?"_s : u"?"_s;
    return s;
}

Store::Transaction::Transaction(Store &store, Queue queue)
    : m_store(store)
{
    // The depth counts only transactions that really began: a BEGIN that fails (a busy
    // SQLite file, a lost PostgreSQL connection) throws and leaves nothing behind.
    if (m_store.m_transactionDepth == 0) {
        if (m_store.m_writeLock)
            m_store.m_writeLock->lock();
        try {
            m_store.exec(m_store.m_postgres ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s);
        } catch (...) {
            if (m_store.m_writeLock)
                m_store.m_writeLock->unlock();
            throw;
        }
        if (m_store.m_postgres && queue == Queue::AuditHead) {
            try {
                // the writers' one queue (see Store.h); kept for the transaction's events
                m_store.m_head = m_store.lockAuditHead();
            } catch (...) {
                m_store.rollbackTransaction();
                throw;
            }
        }
    }
    ++m_store.m_transactionDepth;
}

Store::Transaction::~Transaction()
{
    if (m_done)
        return;
    if (--m_store.m_transactionDepth == 0)
        m_store.rollbackTransaction();
}

void Store::Transaction::commit()
{
    if (m_store.m_transactionDepth == 1)
        m_store.commitTransaction(); // on failure this throws; the destructor rolls back
    m_done = true;
    --m_store.m_transactionDepth;
}

void Store::commitTransaction()
{
    for (auto &q : m_prepared)
        q.finish();
    if (std::exchange(m_headDue, false))
        writeAuditHead(*m_head);
    m_head.reset();
    const bool revisionMoves = std::exchange(m_revisionDue, false);
    if (revisionMoves)
        bumpAccountRevision();
    exec(u"COMMIT"_s);
    if (m_writeLock)
        m_writeLock->unlock();
    // Counted after the COMMIT and before anyone is told: whoever hears of this change and
    // reads next, through any Store on the file, finds the count moved.
    if (revisionMoves && m_changes)
        m_changes->increment();
}

void Store::rollbackTransaction() noexcept
{
    for (auto &q : m_prepared)
        q.finish();
    m_revisionDue = false;
    m_headDue = false;
    m_head.reset();
    QSqlQuery q(m_db);
    q.exec(u"ROLLBACK"_s);
    if (m_writeLock)
        m_writeLock->unlock();
}

} // namespace ca

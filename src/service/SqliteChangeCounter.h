// How a service learns, without a query, that another connection changed its SQLite
// database: a count of committed changes in a small file beside it ("<database>-changes"),
// mapped into every Store that opens the database (in this process or another) and
// incremented by each after a COMMIT that moved the account's revision.
//
// A read checks the count (one load from shared memory) and reads the revision from the
// database only when the count has moved since its last read: a change acknowledged to a
// client was counted before the answer was sent, so the next read anywhere sees it
// (read-your-writes, as the per-request read of the revision gave). The file is part of the
// database like SQLite's own -wal and -shm files. What the count can't see — a writer that
// died between its COMMIT and its count (its client never heard back), a program writing the
// file with SQL of its own — is seen at the next periodic read (StoreOptions).
#pragma once

#include <QString>
#include <cstdint>
#include <memory>

namespace ca {

class SqliteChangeCounter
{
public:
    // The counter beside the SQLite database at path, created 0600 when missing; null for an
    // in-memory or temporary database or a URI (no file beside it to name), or when the file can't
    // be created or mapped (a warning is logged; the Store then reads the revision every time).
    static std::unique_ptr<SqliteChangeCounter> open(const QString &databasePath);
    ~SqliteChangeCounter();
    SqliteChangeCounter(const SqliteChangeCounter &) = delete;
    SqliteChangeCounter &operator=(const SqliteChangeCounter &) = delete;

    // The path of the counter beside a database.
    static QString pathFor(const QString &databasePath) { return databasePath + u"-changes"; }

    std::uint64_t value() const;
    void increment();

private:
    explicit SqliteChangeCounter(std::uint64_t *mapped)
        : m_mapped(mapped)
    {}
    std::uint64_t *m_mapped; // 8 bytes of the file, mapped shared
};

} // namespace ca

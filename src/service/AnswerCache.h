// Encoded answers of list GETs, kept per account revision and shared by the workers of a
// process: a read of unchanged data costs a lookup and writing the bytes. An entry is found
// only under the revision it was made at, so any write (which bumps the revision, on any
// instance of the database) makes every older entry unreachable; they are dropped when the
// first answer of a newer revision is stored.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <optional>

namespace ca {

class AnswerCache
{
public:
    struct Key
    {
        QString request; // path and query as the client sent them
        QString scope;   // whose view it is: the caller's user ID
        qint64 revision; // the account's revision, read before the answer was made
        friend bool operator==(const Key &, const Key &) = default;
    };
    struct Answer
    {
        QByteArray body;
        QByteArray etag;
        qint64 freshUntilMs = 0; // 0: until a write; else the answer depends on the clock
    };

    // Bounds: the cache is dropped whole when either is passed (it refills from the reads).
    static constexpr qsizetype kMaxEntries = 4096;
    static constexpr qsizetype kMaxBytes = 64 * 1024 * 1024;

    std::optional<Answer> find(const Key &key, qint64 nowMs) const;
    void store(const Key &key, const Answer &answer);

private:
    mutable QMutex m_mutex;
    QHash<Key, Answer> m_answers;
    qint64 m_revision = 0; // the newest revision stored
    qsizetype m_bytes = 0;
};

size_t qHash(const AnswerCache::Key &key, size_t seed = 0) noexcept;

} // namespace ca

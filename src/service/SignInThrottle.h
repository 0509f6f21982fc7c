// Slows down password guessing: after too many failed sign-ins for one email address or
// from one peer within a window, further attempts are refused (429) until it passes.
//
// Only failures count; a correct password never adds to a count. Guesses sent at once are
// held to the same limit because the verdict is taken when each password check finishes,
// in order: once the limit is reached, every attempt still in flight is refused, right or
// wrong, so a burst learns the answer to no more guesses than the limit.
//
// Thread-safe: the service's workers may share one throttle (ServiceConfig::signInThrottle).
#pragma once

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

namespace ca {

class SignInThrottle
{
public:
    struct Limits
    {
        int perEmail = 5;
        int perPeer = 20;
        qint64 windowSeconds = 15 * 60;
    };
    // Limits() spelled out: clang deletes a defaulted constructor of a const member whose
    // type's initializers sit in this not yet complete class.
    SignInThrottle()
        : m_limits(Limits())
    {}
    explicit SignInThrottle(Limits limits)
        : m_limits(limits)
    {}

    // Seconds until an attempt is allowed (its start or its verdict), or 0 when it is now.
    qint64 retryAfter(const QString &email, const QString &peer, const QDateTime &now) const;
    // The verdict on a finished attempt, taken at once for all workers: seconds to wait (the
    // attempt is refused, nothing is recorded), or 0 with its failure or success recorded.
    // A success clears its email's count (not the peer's: a peer guessing other accounts
    // stays limited). One call, not a check and then a record, so that two workers cannot
    // both take the last free place.
    qint64 verdict(const QString &email, const QString &peer, const QDateTime &now, bool failed);
    static QString normalise(const QString &email) { return email.trimmed().toLower(); }
    const Limits &limits() const { return m_limits; }

private:
    struct Window
    {
        int failures = 0;
        QDateTime start;
    };
    qint64 wait(const QHash<QString, Window> &table, const QString &key, int limit,
                const QDateTime &now) const;
    void bump(QHash<QString, Window> &table, const QString &key, const QDateTime &now);

    const Limits m_limits;
    mutable QMutex m_mutex;
    QHash<QString, Window> m_byEmail;
    QHash<QString, Window> m_byPeer;
};

} // namespace ca

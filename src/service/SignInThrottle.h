// Slows down password guessing: after too many failed sign-ins for one email address or
// from one peer within a window, further attempts are refused (429) until it passes.
#pragma once

#include <QDateTime>
#include <QHash>
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
    SignInThrottle() = default;
    explicit SignInThrottle(Limits limits)
        : m_limits(limits)
    {}

    // Seconds until another attempt is allowed, or 0 when it is allowed now.
    qint64 retryAfter(const QString &email, const QString &peer, const QDateTime &now) const;
    // Counts an attempt as it starts — before its password is checked — so that many
    // guesses sent at once can't all slip through before the first one has failed.
    void recordAttempt(const QString &email, const QString &peer, const QDateTime &now);
    // A successful sign-in clears its email's count (not the peer's: a peer guessing
    // other accounts stays limited).
    void recordSuccess(const QString &email);
    static QString normalise(const QString &email) { return email.trimmed().toLower(); }

private:
    struct Window
    {
        int failures = 0;
        QDateTime start;
    };
    qint64 wait(const QHash<QString, Window> &table, const QString &key, int limit,
                const QDateTime &now) const;
    void bump(QHash<QString, Window> &table, const QString &key, const QDateTime &now);

    Limits m_limits;
    QHash<QString, Window> m_byEmail;
    QHash<QString, Window> m_byPeer;
};

} // namespace ca

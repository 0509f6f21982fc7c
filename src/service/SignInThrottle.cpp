#include "service/SignInThrottle.h"

namespace ca {

qint64 SignInThrottle::wait(const QHash<QString, Window> &table, const QString &key, int limit,
                            const QDateTime &now) const
{
    const auto it = table.constFind(key);
    if (it == table.constEnd() || it->failures < limit)
        return 0;
    const qint64 left = now.secsTo(it->start.addSecs(m_limits.windowSeconds));
    return left > 0 ? left : 0;
}

qint64 SignInThrottle::retryAfter(const QString &email, const QString &peer,
                                  const QDateTime &now) const
{
    const QMutexLocker lock(&m_mutex);
    return std::max(wait(m_byEmail, normalise(email), m_limits.perEmail, now),
                    wait(m_byPeer, peer, m_limits.perPeer, now));
}

void SignInThrottle::bump(QHash<QString, Window> &table, const QString &key, const QDateTime &now)
{
    Window &w = table[key];
    if (!w.start.isValid() || w.start.addSecs(m_limits.windowSeconds) <= now)
        w = Window{0, now};
    ++w.failures;
    if (table.size() > 10000) { // bounded memory under a flood of made-up addresses
        for (auto i = table.begin(); i != table.end();)
            i = i->start.addSecs(m_limits.windowSeconds) <= now ? table.erase(i) : std::next(i);
    }
}

void SignInThrottle::recordFailure(const QString &email, const QString &peer, const QDateTime &now)
{
    const QMutexLocker lock(&m_mutex);
    bump(m_byEmail, normalise(email), now);
    bump(m_byPeer, peer, now);
}

void SignInThrottle::recordSuccess(const QString &email)
{
    const QMutexLocker lock(&m_mutex);
    m_byEmail.remove(normalise(email));
}

} // namespace ca

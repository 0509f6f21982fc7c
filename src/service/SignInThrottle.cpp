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

qint64 SignInThrottle::verdict(const QString &email, const QString &peer, const QDateTime &now,
                               bool failed)
{
    const QMutexLocker lock(&m_mutex);
    const QString key = normalise(email);
    if (const qint64 left = std::max(wait(m_byEmail, key, m_limits.perEmail, now),
                                     wait(m_byPeer, peer, m_limits.perPeer, now)))
        return left;
    if (failed) {
        bump(m_byEmail, key, now);
        bump(m_byPeer, peer, now);
    } else {
        m_byEmail.remove(key);
    }
    return 0;
}

} // namespace ca

#include "service/AnswerCache.h"

namespace ca {

size_t qHash(const AnswerCache::Key &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.request, key.scope, key.revision);
}

std::optional<AnswerCache::Answer> AnswerCache::find(const Key &key, qint64 nowMs) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_answers.constFind(key);
    if (it == m_answers.constEnd() || (it->freshUntilMs != 0 && it->freshUntilMs <= nowMs))
        return std::nullopt;
    return *it; // the bytes are shared, not copied
}

void AnswerCache::store(const Key &key, const Answer &answer)
{
    decltype(m_answers) dropped; // freed after the lock is released, not while workers wait
    const QMutexLocker lock(&m_mutex);
    if (key.revision < m_revision)
        return; // made by a reader that started before a write; no one will ask for it
    if (key.revision > m_revision || m_answers.size() >= kMaxEntries ||
        m_bytes + answer.body.size() > kMaxBytes) {
        dropped.swap(m_answers);
        m_bytes = 0;
        m_revision = key.revision;
    }
    if (const auto old = m_answers.constFind(key); old != m_answers.constEnd())
        m_bytes -= old->body.size(); // a worker made the same answer meanwhile
    m_bytes += answer.body.size();
    m_answers.insert(key, answer);
}

} // namespace ca

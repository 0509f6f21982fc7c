#include "LatencyStats.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ca::bench {

namespace {

constexpr qsizetype kMaxExamples = 5;

// Nearest-rank percentile of sorted values.
qint64 percentile(const QList<qint64> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const auto rank = qsizetype(std::ceil(p * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

double ms(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

} // namespace

QString kindName(RequestKind kind)
{
    switch (kind) {
    case RequestKind::ServersList:
        return u"servers.list"_s;
    case RequestKind::TokensList:
        return u"tokens.list"_s;
    case RequestKind::GrantsRead:
        return u"grants.read"_s;
    case RequestKind::TokenCreate:
        return u"token.create"_s;
    case RequestKind::TokenRevoke:
        return u"token.revoke"_s;
    case RequestKind::GrantBatch:
        return u"grants.batch"_s;
    case RequestKind::GroupGrant:
        return u"group.grant"_s;
    case RequestKind::GroupRevoke:
        return u"group.revoke"_s;
    case RequestKind::Count:
        break;
    }
    return {};
}

void LatencyStats::record(RequestKind kind, int window, qint64 nanoseconds)
{
    m_nanos[int(kind)].append(nanoseconds);
    if (m_windows.size() <= window)
        m_windows.resize(window + 1);
    m_windows[window].append(nanoseconds);
}

void LatencyStats::recordError(RequestKind kind, const QString &what)
{
    ++m_errors[int(kind)];
    if (m_examples.size() < kMaxExamples)
        m_examples.append(kindName(kind) + u": "_s + what);
}

void LatencyStats::merge(const LatencyStats &other)
{
    for (int k = 0; k < kRequestKinds; ++k) {
        m_nanos[k] += other.m_nanos[k];
        m_errors[k] += other.m_errors[k];
    }
    if (m_windows.size() < other.m_windows.size())
        m_windows.resize(other.m_windows.size());
    for (qsizetype w = 0; w < other.m_windows.size(); ++w)
        m_windows[w] += other.m_windows.at(w);
    m_conflicts += other.m_conflicts;
    for (const QString &e : other.m_examples)
        if (m_examples.size() < kMaxExamples)
            m_examples.append(e);
}

LatencyStats::Summary LatencyStats::summary(std::optional<RequestKind> kind) const
{
    QList<qint64> all;
    qint64 errors = 0;
    for (int k = 0; k < kRequestKinds; ++k) {
        if (kind && int(*kind) != k)
            continue;
        all += m_nanos[k];
        errors += m_errors[k];
    }
    Summary s = summarise(std::move(all));
    s.errors = errors;
    return s;
}

LatencyStats::Summary LatencyStats::windowSummary(int window) const
{
    return summarise(m_windows.value(window));
}

LatencyStats::Summary LatencyStats::summarise(QList<qint64> nanos)
{
    std::sort(nanos.begin(), nanos.end());
    Summary s;
    s.requests = nanos.size();
    s.p50Ms = ms(percentile(nanos, 0.50));
    s.p99Ms = ms(percentile(nanos, 0.99));
    s.maxMs = nanos.isEmpty() ? 0 : ms(nanos.last());
    return s;
}

} // namespace ca::bench

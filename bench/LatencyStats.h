// Answer times and outcomes of the load benchmark's requests, per kind of request: kept by
// each client thread on its own and merged at the end, so recording needs no lock.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace ca::bench {

enum class RequestKind {
    ServersList,
    TokensList,
    GrantsRead,
    TokenCreate,
    TokenRevoke,
    GrantBatch,
    GroupGrant,
    GroupRevoke,
    Count
};
constexpr int kRequestKinds = int(RequestKind::Count);
QString kindName(RequestKind kind);

class LatencyStats
{
public:
    struct Summary
    {
        qint64 requests = 0;
        qint64 errors = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
    };

    // window: which stretch of the run (e.g. which 10 s) the request was sent in.
    void record(RequestKind kind, int window, qint64 nanoseconds);
    // An answer the benchmark did not expect (or none at all); keeps a few examples.
    void recordError(RequestKind kind, const QString &what);
    // A 409 stale_revision answer to a grant batch: the documented answer when another
    // client's batch came first, retried at once; counted, not an error.
    void recordConflict() { ++m_conflicts; }
    void merge(const LatencyStats &other);

    // One kind, or all kinds together.
    Summary summary(std::optional<RequestKind> kind = std::nullopt) const;
    // All kinds, of one window (errors are not kept per window).
    Summary windowSummary(int window) const;
    int windows() const { return int(m_windows.size()); }
    qint64 conflicts() const { return m_conflicts; }
    QStringList errorExamples() const { return m_examples; }

private:
    static Summary summarise(QList<qint64> nanos);

    std::array<QList<qint64>, kRequestKinds> m_nanos;
    QList<QList<qint64>> m_windows; // the same answer times, by window
    std::array<qint64, kRequestKinds> m_errors{};
    qint64 m_conflicts = 0;
    QStringList m_examples;
};

} // namespace ca::bench

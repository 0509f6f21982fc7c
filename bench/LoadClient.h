// One simulated administrator on one keep-alive connection: a mix of reads and writes until
// the end of the run, either back to back (a closed loop: the next request leaves when the
// answer is in) or paced at a fixed interval. Its writes touch only its own servers, so
// clients never undo each other.
#pragma once

#include "HttpConnection.h"
#include "LatencyStats.h"

#include <QObject>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <random>

namespace ca::bench {

// What one client works on, made by the benchmark's setup.
struct ClientSetup
{
    QString host;
    quint16 port = 0;
    QByteArray session;
    int index = 0;
    quint64 seed = 1;
    QStringList batchServers; // its servers whose vault cells its batches flip
    QStringList vaults;       // the grantable vaults (IDs)
    QString tokenServer;      // its server for tokens and group grants
    QString tokenVault;       // a vault of tokenServer
    QString group;            // the group it grants tokenServer to and revokes again
};

using Clock = std::chrono::steady_clock;

struct RunTiming
{
    Clock::time_point measureFrom; // requests due before this are not recorded (warm-up)
    Clock::time_point until;       // no request is sent after this
    // Zero: closed loop. Otherwise one request per interval; a request sent late because an
    // earlier answer came late counts its latency from when it was due, so slow answers
    // can't hide the requests they held back (coordinated omission).
    Clock::duration interval{};
    Clock::duration window = std::chrono::seconds(10); // figures by stretch of the run, too
};

class LoadClient : public QObject
{
    Q_OBJECT
public:
    LoadClient(ClientSetup setup, std::atomic<qint64> &latestRevision, LatencyStats &stats,
               RunTiming timing, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished();

private:
    using Check = std::function<QString(const HttpConnection::Response &)>; // empty: as expected
    void next();
    void onPaceTimer();
    void sendNext();
    void issue(RequestKind kind, const QByteArray &method, const QByteArray &target,
               const QByteArray &body, int expectedStatus, Check check = {});
    void createToken();
    void revokeToken();
    void applyBatch();
    void toggleGroupGrant();

    ClientSetup m_setup;
    std::atomic<qint64> &m_latestRevision; // shared by all clients: fewer stale batches
    LatencyStats &m_stats;
    RunTiming m_timing;
    Clock::time_point m_due;   // when the current request was due
    Clock::time_point m_start; // its latency counts from here
    QTimer m_pace;
    HttpConnection m_http;
    std::mt19937_64 m_random;
    QStringList m_activeTokens; // IDs of its tokens not yet revoked
    QList<bool> m_granted;      // its batch cells, server-major
    bool m_groupGranted = false;
    int m_tokensMade = 0;
};

} // namespace ca::bench

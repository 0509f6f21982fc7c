// The writes of one crash-safety round: a stream of large grant batches and a few streams
// creating and revoking tokens, all at once over HTTP, until stop(). Every answer updates
// the CrashWorld; a request that gets no answer (the service was killed) stays in flight.
#pragma once

#include "CrashWorld.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <functional>
#include <random>

namespace ca::test {

class CrashLoad : public QObject
{
    Q_OBJECT
public:
    struct Counts
    {
        int batches = 0; // acknowledged
        int created = 0;
        int revoked = 0;
    };

    // tag names this round's tokens ("r3"); seed decides batch cells and token operations.
    CrashLoad(CrashWorld &world, QString url, QByteArray session, QString tag, quint64 seed,
              QObject *parent = nullptr);

    void start(int tokenStreams);
    // No new requests from now on; those already sent still finish (or fail).
    void stop() { m_stopped = true; }
    int pending() const { return m_pending; }
    // Answers that contradict the API's contract (a JWT for another token, a batch that
    // says it applied fewer cells than it was sent, an unexpected status...).
    QStringList failures() const { return m_failures; }
    Counts counts() const { return m_counts; }

private:
    using Done = std::function<void(int status, const QJsonObject &body)>;
    void send(const QByteArray &method, const QString &path, const QByteArray &body, Done done);
    void nextBatch();
    void nextTokenOperation(int stream);
    void createToken(int stream);
    void revokeToken(int stream);
    void checkJwt(const QString &jwt, const QString &tokenId, const QString &server);
    void unexpected(const QString &what, int status, const QJsonObject &body);

    CrashWorld &m_world;
    QString m_url;
    QByteArray m_session;
    QString m_tag;
    std::mt19937_64 m_random;
    QNetworkAccessManager m_nam;
    bool m_stopped = false;
    int m_pending = 0;
    int m_nextName = 0;
    QList<QStringList> m_revocable; // per stream: names of its acknowledged, active tokens
    QStringList m_failures;
    Counts m_counts;
};

} // namespace ca::test

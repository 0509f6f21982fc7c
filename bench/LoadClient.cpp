#include "LoadClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ca::bench {

namespace {

// The mix, in percent: reads 55, writes 45.
struct Share
{
    RequestKind kind;
    int percent;
};
constexpr Share kMix[] = {
    {RequestKind::ServersList, 25}, {RequestKind::TokensList, 25},  {RequestKind::GrantsRead, 5},
    {RequestKind::TokenCreate, 15}, {RequestKind::TokenRevoke, 10}, {RequestKind::GrantBatch, 10},
    {RequestKind::GroupGrant, 10}, // alternately grants and revokes
};

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray query(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

} // namespace

LoadClient::LoadClient(ClientSetup setup, std::atomic<qint64> &latestRevision, LatencyStats &stats,
                       RunTiming timing, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_latestRevision(latestRevision)
    , m_stats(stats)
    , m_timing(timing)
    , m_http(m_setup.host, m_setup.port)
    , m_random(m_setup.seed)
    , m_granted(m_setup.batchServers.size() * m_setup.vaults.size(), false)
{
    m_http.setBearer(m_setup.session);
    m_pace.setSingleShot(true);
    m_pace.setTimerType(Qt::PreciseTimer);
    connect(&m_pace, &QTimer::timeout, this, &LoadClient::onPaceTimer);
}

void LoadClient::start()
{
    // Paced clients start at random points of their interval, not all at once.
    const auto interval = m_timing.interval.count();
    m_due = Clock::now() - m_timing.interval +
            Clock::duration(
                interval > 0 ? std::uniform_int_distribution<Clock::rep>(0, interval - 1)(m_random)
                             : 0);
    next();
}

void LoadClient::next()
{
    const auto now = Clock::now();
    m_due = m_timing.interval.count() > 0 ? m_due + m_timing.interval : now;
    if (m_due >= m_timing.until) {
        emit finished();
        return;
    }
    if (m_due > now) {
        m_pace.start(int(std::chrono::ceil<std::chrono::milliseconds>(m_due - now).count()));
    } else {
        m_start = m_due; // late because of earlier answers: the wait counts
        sendNext();
    }
}

void LoadClient::onPaceTimer()
{
    m_start = Clock::now(); // the timer's own lateness is the client's, not the service's
    sendNext();
}

void LoadClient::sendNext()
{
    int pick = std::uniform_int_distribution<int>(0, 99)(m_random);
    RequestKind kind = RequestKind::ServersList;
    for (const Share &s : kMix) {
        if (pick < s.percent) {
            kind = s.kind;
            break;
        }
        pick -= s.percent;
    }
    switch (kind) {
    case RequestKind::ServersList:
        return issue(kind, "GET", "/v1/connect/servers", {}, 200);
    case RequestKind::TokensList:
        return issue(kind, "GET", "/v1/connect/tokens", {}, 200);
    case RequestKind::GrantsRead:
        return issue(kind, "GET", "/v1/connect/grants", {}, 200);
    case RequestKind::TokenCreate:
        return createToken();
    case RequestKind::TokenRevoke:
        return m_activeTokens.isEmpty() ? createToken() : revokeToken();
    case RequestKind::GrantBatch:
        return applyBatch();
    case RequestKind::GroupGrant:
    case RequestKind::GroupRevoke:
    case RequestKind::Count:
        return toggleGroupGrant();
    }
}

void LoadClient::issue(RequestKind kind, const QByteArray &method, const QByteArray &target,
                       const QByteArray &body, int expectedStatus, Check check)
{
    const bool measured = m_start >= m_timing.measureFrom;
    m_http.send(method, target, body,
                [this, kind, expectedStatus, measured,
                 check = std::move(check)](const HttpConnection::Response &r) {
                    const auto latency = Clock::now() - m_start;
                    QString wrong;
                    if (r.status == 0)
                        wrong = r.error;
                    else if (r.status != expectedStatus &&
                             !(kind == RequestKind::GrantBatch && r.status == 409))
                        wrong = u"%1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(200)));
                    else if (check)
                        wrong = check(r);
                    if (measured) {
                        const auto window = (m_start - m_timing.measureFrom) / m_timing.window;
                        m_stats.record(
                            kind, int(window),
                            std::chrono::duration_cast<std::chrono::nanoseconds>(latency).count());
                        if (!wrong.isEmpty())
                            m_stats.recordError(kind, wrong);
                        else if (r.status == 409)
                            m_stats.recordConflict();
                    }
                    next();
                });
}

void LoadClient::createToken()
{
    const QString name = u"load c%1 #%2"_s.arg(m_setup.index).arg(++m_tokensMade);
    const QJsonArray vaults{
        QJsonObject{{u"vault"_s, m_setup.tokenVault}, {u"access"_s, u"read"_s}}};
    const QByteArray body =
        compact({{u"name"_s, name}, {u"server"_s, m_setup.tokenServer}, {u"vaults"_s, vaults}});
    issue(RequestKind::TokenCreate, "POST", "/v1/connect/tokens", body, 201,
          [this](const HttpConnection::Response &r) {
              const QJsonObject answer = json(r.body);
              const QString id = answer.value(u"token"_s).toObject().value(u"id"_s).toString();
              if (id.isEmpty() || answer.value(u"jwt"_s).toString().count(u'.') != 2)
                  return u"no token ID or JWT in the answer"_s;
              m_activeTokens.append(id);
              return QString();
          });
}

void LoadClient::revokeToken()
{
    const QString id = m_activeTokens.takeAt(
        std::uniform_int_distribution<qsizetype>(0, m_activeTokens.size() - 1)(m_random));
    issue(RequestKind::TokenRevoke, "DELETE", "/v1/connect/tokens/" + query(id), {}, 200,
          [](const HttpConnection::Response &r) {
              return json(r.body).value(u"state"_s).toString() == u"REVOKED"
                         ? QString()
                         : u"the token is not REVOKED afterwards"_s;
          });
}

// Flips every cell of this client's servers, on the newest revision any client has seen. A
// 409 stale_revision (another batch came first) leaves the cells as they were; the client
// goes on with its mix and its next batch uses the revision from that answer.
void LoadClient::applyBatch()
{
    QJsonArray changes;
    const qsizetype vaults = m_setup.vaults.size();
    for (qsizetype i = 0; i < m_granted.size(); ++i)
        changes.append(QJsonObject{{u"server"_s, m_setup.batchServers.at(i / vaults)},
                                   {u"vault"_s, m_setup.vaults.at(i % vaults)},
                                   {u"granted"_s, !m_granted.at(i)}});
    const QByteArray body =
        compact({{u"base_revision"_s, m_latestRevision.load()}, {u"changes"_s, changes}});
    issue(RequestKind::GrantBatch, "POST", "/v1/connect/grants/batch", body, 200,
          [this](const HttpConnection::Response &r) {
              const QJsonObject answer = json(r.body);
              const qint64 revision = answer.value(u"revision"_s).toInteger(-1);
              if (revision < 0)
                  return u"%1 without a revision"_s.arg(r.status);
              qint64 seen = m_latestRevision.load();
              while (seen < revision && !m_latestRevision.compare_exchange_weak(seen, revision)) {
              }
              if (r.status == 409)
                  return QString();
              if (answer.value(u"applied"_s).toInteger() != m_granted.size())
                  return u"applied %1 of %2 changes"_s.arg(answer.value(u"applied"_s).toInteger())
                      .arg(m_granted.size());
              for (qsizetype i = 0; i < m_granted.size(); ++i)
                  m_granted[i] = !m_granted.at(i);
              return QString();
          });
}

void LoadClient::toggleGroupGrant()
{
    if (!m_groupGranted) {
        const QByteArray body =
            compact({{u"group"_s, m_setup.group}, {u"server"_s, m_setup.tokenServer}});
        return issue(RequestKind::GroupGrant, "POST", "/v1/connect/group-grants", body, 201,
                     [this](const HttpConnection::Response &) {
                         m_groupGranted = true;
                         return QString();
                     });
    }
    issue(RequestKind::GroupRevoke, "DELETE",
          "/v1/connect/group-grants?group=" + query(m_setup.group) +
              "&server=" + query(m_setup.tokenServer),
          {}, 200, [this](const HttpConnection::Response &) {
              m_groupGranted = false;
              return QString();
          });
}

} // namespace ca::bench

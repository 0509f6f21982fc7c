#include "CrashLoad.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ca::test {

namespace {

// Each cell of the batch servers is in a batch with this probability: a batch changes
// thousands of cells, and two batches differ in which.
constexpr double kCellInBatch = 0.7;
// One token operation in this many is a revocation (when the stream has a token to revoke).
constexpr int kRevokeOneIn = 4;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

CrashLoad::CrashLoad(CrashWorld &world, QString url, QByteArray session, QString tag, quint64 seed,
                     QObject *parent)
    : QObject(parent)
    , m_world(world)
    , m_url(std::move(url))
    , m_session(std::move(session))
    , m_tag(std::move(tag))
    , m_random(seed)
{}

void CrashLoad::start(int tokenStreams)
{
    nextBatch();
    for (int i = 0; i < tokenStreams; ++i) {
        m_revocable.append(QStringList());
        nextTokenOperation(i);
    }
}

void CrashLoad::send(const QByteArray &method, const QString &path, const QByteArray &body,
                     Done done)
{
    QNetworkRequest request(QUrl(m_url + path));
    request.setRawHeader("Authorization", "Bearer " + m_session);
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", "application/json");
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    ++m_pending;
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        --m_pending;
        reply->deleteLater();
        // 0: no HTTP answer at all (the service is gone) — the request stays in flight.
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        done(status, QJsonDocument::fromJson(reply->readAll()).object());
    });
}

void CrashLoad::unexpected(const QString &what, int status, const QJsonObject &body)
{
    m_failures.append(u"%1 answered %2: %3"_s.arg(what).arg(status).arg(
        QString::fromUtf8(compact(body).left(300))));
}

void CrashLoad::nextBatch()
{
    if (m_stopped)
        return;
    std::bernoulli_distribution inBatch(kCellInBatch);
    QBitArray flips(m_world.cellCount());
    QJsonArray changes;
    for (qsizetype i = 0; i < flips.size(); ++i) {
        if (!inBatch(m_random))
            continue;
        flips.setBit(i);
        const qsizetype vaults = m_world.vaults.size();
        changes.append(QJsonObject{{u"server"_s, m_world.batchServers.at(i / vaults)},
                                   {u"vault"_s, m_world.vaults.at(i % vaults)},
                                   {u"granted"_s, !m_world.cells.testBit(i)}});
    }
    const qint64 base = m_world.revision;
    m_world.batchInFlight = flips;
    const QByteArray body = compact({{u"base_revision"_s, base}, {u"changes"_s, changes}});
    send("POST", u"/v1/connect/grants/batch"_s, body,
         [this, flips, base](int status, const QJsonObject &answer) {
             if (status == 0)
                 return;
             if (status != 200)
                 return unexpected(u"a grant batch"_s, status, answer);
             const qint64 applied = answer.value(u"applied"_s).toInteger(-1);
             const qint64 revision = answer.value(u"revision"_s).toInteger(-1);
             if (applied != flips.count(true) || revision != base + 1)
                 return unexpected(
                     u"a batch of %1 changes on revision %2"_s.arg(flips.count(true)).arg(base),
                     status, answer);
             m_world.cells ^= flips;
             m_world.revision = revision;
             m_world.batchInFlight.reset();
             ++m_counts.batches;
             nextBatch();
         });
}

void CrashLoad::nextTokenOperation(int stream)
{
    if (m_stopped)
        return;
    const bool revoke = !m_revocable.at(stream).isEmpty() &&
                        std::uniform_int_distribution<int>(1, kRevokeOneIn)(m_random) == 1;
    if (revoke)
        revokeToken(stream);
    else
        createToken(stream);
}

void CrashLoad::createToken(int stream)
{
    const QString name = u"crash %1 s%2 #%3"_s.arg(m_tag).arg(stream).arg(++m_nextName);
    const QString server = m_world.tokenServers.at(
        std::uniform_int_distribution<qsizetype>(0, m_world.tokenServers.size() - 1)(m_random));
    m_world.tokens.insert(name, CrashToken{server, {}, false, false});
    const QJsonArray vaults{QJsonObject{{u"vault"_s, u"Kubernetes"_s}, {u"access"_s, u"read"_s}}};
    const QByteArray body =
        compact({{u"name"_s, name}, {u"server"_s, server}, {u"vaults"_s, vaults}});
    send("POST", u"/v1/connect/tokens"_s, body,
         [this, stream, name, server](int status, const QJsonObject &answer) {
             if (status == 0)
                 return;
             if (status != 201)
                 return unexpected(u"creating the token \"%1\""_s.arg(name), status, answer);
             const QJsonObject token = answer.value(u"token"_s).toObject();
             const QString id = token.value(u"id"_s).toString().toLower();
             if (id.isEmpty() || token.value(u"name"_s).toString() != name ||
                 token.value(u"integrationId"_s).toString().toLower() != server)
                 return unexpected(u"creating the token \"%1\""_s.arg(name), status, answer);
             checkJwt(answer.value(u"jwt"_s).toString(), id, server);
             m_world.tokens[name].id = id;
             m_revocable[stream].append(name);
             ++m_counts.created;
             nextTokenOperation(stream);
         });
}

void CrashLoad::revokeToken(int stream)
{
    QStringList &mine = m_revocable[stream];
    const QString name =
        mine.takeAt(std::uniform_int_distribution<qsizetype>(0, mine.size() - 1)(m_random));
    CrashToken &token = m_world.tokens[name];
    token.revokeInFlight = true;
    send("DELETE", u"/v1/connect/tokens/"_s + token.id, {},
         [this, stream, name](int status, const QJsonObject &answer) {
             if (status == 0)
                 return;
             CrashToken &t = m_world.tokens[name];
             if (status != 200 || answer.value(u"state"_s).toString() != u"REVOKED")
                 return unexpected(u"revoking the token \"%1\""_s.arg(name), status, answer);
             t.revokeInFlight = false;
             t.revoked = true;
             ++m_counts.revoked;
             nextTokenOperation(stream);
         });
}

// The JWT shown once must be the token just created: its jti is the token's ID and its sub
// the server's.
void CrashLoad::checkJwt(const QString &jwt, const QString &tokenId, const QString &server)
{
    const QStringList parts = jwt.split(u'.');
    const QJsonObject claims =
        parts.size() == 3
            ? QJsonDocument::fromJson(
                  QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
                  .object()
            : QJsonObject();
    if (claims.value(u"jti"_s).toString().toLower() != tokenId ||
        claims.value(u"sub"_s).toString().toLower() != server)
        m_failures.append(u"the JWT of token %1 has jti \"%2\" and sub \"%3\""_s.arg(
            tokenId, claims.value(u"jti"_s).toString(), claims.value(u"sub"_s).toString()));
}

} // namespace ca::test

// AccountService: renewing a server's credentials file without recreating the server, and
// rotating its tokens onto the new secret in the same transaction.
#include "service/AccountService.h"
#include "service/AccountText.h"

#include "core/Ids.h"
#include "core/JsonCodec.h"

using namespace Qt::StringLiterals;
using namespace ca::accounttext;

namespace ca {

Result<RenewedCredentials> AccountService::renewCredentials(const Actor &actor,
                                                            const QString &serverRef,
                                                            const RenewCredentialsRequest &request)
{
    const auto s = server(actor, serverRef);
    if (!s.ok())
        return s.error();
    QDateTime revokeOldAt;
    QList<RotationPlan> plans;
    if (request.rotateTokens) {
        const auto when = revocationTime(request.revokeOld);
        if (!when.ok())
            return when.error();
        revokeOldAt = *when;
        // Tokens already scheduled to go were replaced before; they are not rotated again.
        for (const Token &t : m_store.activeTokensOfServer(s->id, now())) {
            if (t.revokesAt.isValid())
                continue;
            auto plan = planRotation(actor, t, std::nullopt);
            if (!plan.ok())
                return plan.error();
            plans.append(*plan);
        }
    } else if (request.revokeOld.overlap || request.revokeOld.at.isValid()) {
        return ApiError::badRequest(u"\"overlap\" and \"revokes_at\" say when rotated tokens' "
                                    "predecessors go; they need \"rotate_tokens\": true."_s,
                                    u"invalid_field"_s);
    }

    Server renewed = *s;
    const QByteArray secret = crypto::randomBytes(32);
    const QJsonObject file = issueCredentials(renewed, secret);
    RenewedCredentials out;
    Store::Transaction tx(m_store);
    // Only over the file this caller saw: of two renewals at once, the second is refused
    // rather than silently invalidating the file the first one handed out.
    if (!m_store.replaceServerSecret(
            s->id, m_masterKey.seal(secret, "server-secret:" + s->id.toUtf8()),
            renewed.credentialsIssuedAt, renewed.credentialsFingerprint, s->credentialsFingerprint))
        return ApiError::conflict(
            u"The credentials of the Connect server %1 were renewed by someone else a moment "
            "ago; nothing was changed. Look at the server again before renewing once more."_s.arg(
                quoted(s->name)),
            u"stale_credentials"_s);
    m_store.bumpTokensVersion(s->id);
    out.staleTokens = int(m_store.activeTokensOfServer(s->id, now()).size());
    const auto rotated = writeRotations(actor, plans, revokeOldAt, {{s->id, secret}});
    if (!rotated.ok())
        return rotated.error();
    out.rotated = *rotated;
    QJsonArray rotatedIds;
    for (const RotatedToken &r : out.rotated)
        rotatedIds.append(displayId(r.previous.id, IdKind::Token));
    audit(&actor, u"server.credentials_renew"_s, u"server"_s, displayId(s->id, IdKind::Server),
          {{u"name"_s, s->name},
           {u"credentials_fingerprint"_s, renewed.credentialsFingerprint},
           {u"previous_fingerprint"_s, s->credentialsFingerprint.isEmpty()
                                           ? QJsonValue(QJsonValue::Null)
                                           : QJsonValue(s->credentialsFingerprint)},
           {u"stale_tokens"_s, out.staleTokens},
           {u"rotated_tokens"_s, rotatedIds}});
    tx.commit();
    if (!plans.isEmpty() && revokeOldAt > now())
        notifyScheduled(revokeOldAt);
    out.server = *m_store.server(s->id);
    out.credentials = file;
    return out;
}

} // namespace ca

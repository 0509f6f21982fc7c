// The encoders of the wire format: every domain object, request and reply as JSON text,
// written with the streaming Writer. IDs are written in display case. Their decoders are in
// core/JsonDecoder; together the two are the one definition of the wire format.
#pragma once

#include "core/Domain.h"
#include "core/JsonWriter.h"
#include "core/Replies.h"
#include "core/Requests.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace ca::json {

QJsonValue fromDateTime(const QDateTime &dt); // ISO 8601 UTC with milliseconds, or null
QString isoUtc(const QDateTime &dt);          // "2026-11-27T20:56:08.123Z", fast

// The wire form of each object, written straight to JSON text (the one definition)...
void write(Writer &w, const Account &account);
void write(Writer &w, const User &user);
void write(Writer &w, const Group &group);
void write(Writer &w, const Vault &vault);
void write(Writer &w, const Server &server);
void write(Writer &w, const Token &token, const QDateTime &now);
void write(Writer &w, const GroupGrant &grant);
void write(Writer &w, const GrantMatrix &matrix);
void write(Writer &w, const SessionInfo &session);
void write(Writer &w, const AuditEvent &event);
void write(Writer &w, const GrantChange &change);

// Request bodies, as ApiClient sends them.
void write(Writer &w, const SignInRequest &request);
void write(Writer &w, const CreateServerRequest &request);
void write(Writer &w, const RenameRequest &request);
void write(Writer &w, const GrantBatchRequest &request);
void write(Writer &w, const CreateTokenRequest &request);
void write(Writer &w, const GroupGrantRequest &request);
void write(Writer &w, const RotateTokenRequest &request);
void write(Writer &w, const RotateTokensRequest &request);
void write(Writer &w, const ScheduleRevocationRequest &request);
void write(Writer &w, const RenewCredentialsRequest &request);
void write(Writer &w, const PlanChange &change);
void write(Writer &w, const PlanApplyRequest &request);

// Replies beyond the domain objects, as the service sends them.
void write(Writer &w, const CreatedServer &created);
void write(Writer &w, const CreatedToken &created, const QDateTime &now);
void write(Writer &w, const GrantBatchResult &result);
void write(Writer &w, const GroupGrantResult &result);
void write(Writer &w, const RemovedCount &removed);
void write(Writer &w, const RotatedToken &rotated, const QDateTime &now);
void write(Writer &w, const RotatedTokens &rotated, const QDateTime &now);
void write(Writer &w, const RenewedCredentials &renewed, const QDateTime &now);
void write(Writer &w, const AuditVerification &verification);
void write(Writer &w, const VaultAccess &access, const QDateTime &now);
void write(Writer &w, const AppliedPlan &applied, const QDateTime &now);

// A page of a list: {"items":[…],"next_cursor":"…"|null}; extra goes to each item's write().
template <typename T, typename... Extra>
void write(Writer &w, const Page<T> &page, const Extra &...extra)
{
    w.beginObject().key(QLatin1StringView("items")).beginArray();
    for (const T &item : page.items)
        write(w, item, extra...);
    w.endArray().key(QLatin1StringView("next_cursor"));
    if (page.nextCursor.isEmpty())
        w.null();
    else
        w.value(page.nextCursor);
    w.endObject();
}

// ...and as QJsonObject, for code that wants to look inside (an audit detail, a test).
template <typename... T>
QJsonObject encode(const T &...object)
{
    Writer w;
    write(w, object...);
    return QJsonDocument::fromJson(w.bytes()).object();
}

} // namespace ca::json

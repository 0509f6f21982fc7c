// The decoders of the wire format, straight from JSON text into the domain types with
// simdjson's on-demand parser (no DOM in between: a page of tokens costs less to decode than
// QJsonDocument takes only to parse it). With core/JsonCodec's encoders, the one definition
// of the wire format.
//
// Replies are read forgivingly: fields this version does not know are skipped, so that a
// newer service may add some. Request bodies are read strictly: an unknown field, a missing
// or duplicated one, a wrong JSON type, a number that is not a 64-bit whole number or text
// with a lone surrogate is refused. Every error is a sentence naming the field; for requests
// it carries the code the service answers 400 with.
#pragma once

#include "core/Domain.h"
#include "core/Replies.h"
#include "core/Requests.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ca::json {

struct DecodeError
{
    QString message;
    // For requests: invalid_json, invalid_text, unknown_field, missing_field, wrong_type,
    // invalid_field, invalid_id or too_many_changes. For replies: invalid_json or
    // malformed (the JSON is fine, its content is not what the field holds).
    QString code;
};

// A grant batch holds at most this many changes (too_many_changes beyond).
inline constexpr int kMaxBatchChanges = 20000;
// A rotation request names at most this many tokens (too_many_changes beyond).
inline constexpr int kMaxRotations = 1000;
// An access plan holds at most this many changes (too_many_changes beyond).
inline constexpr int kMaxPlanChanges = 20000;

// ---- replies (forgiving); false with *error set when the answer is not what it should be
bool decode(const QByteArray &json, QJsonObject &out, DecodeError *error);
bool decode(const QByteArray &json, Account &out, DecodeError *error);
bool decode(const QByteArray &json, User &out, DecodeError *error);
bool decode(const QByteArray &json, Group &out, DecodeError *error);
bool decode(const QByteArray &json, Vault &out, DecodeError *error);
bool decode(const QByteArray &json, Server &out, DecodeError *error);
bool decode(const QByteArray &json, Token &out, DecodeError *error);
bool decode(const QByteArray &json, GroupGrant &out, DecodeError *error);
bool decode(const QByteArray &json, GrantMatrix &out, DecodeError *error);
bool decode(const QByteArray &json, SessionInfo &out, DecodeError *error);
bool decode(const QByteArray &json, AuditEvent &out, DecodeError *error);
bool decode(const QByteArray &json, CreatedServer &out, DecodeError *error);
bool decode(const QByteArray &json, CreatedToken &out, DecodeError *error);
bool decode(const QByteArray &json, GrantBatchResult &out, DecodeError *error);
bool decode(const QByteArray &json, GroupGrantResult &out, DecodeError *error);
bool decode(const QByteArray &json, RemovedCount &out, DecodeError *error);
bool decode(const QByteArray &json, AuditVerification &out, DecodeError *error);
bool decode(const QByteArray &json, VaultAccess &out, DecodeError *error);
bool decode(const QByteArray &json, Page<Vault> &out, DecodeError *error);
bool decode(const QByteArray &json, Page<Group> &out, DecodeError *error);
bool decode(const QByteArray &json, Page<User> &out, DecodeError *error);
bool decode(const QByteArray &json, Page<Server> &out, DecodeError *error);
bool decode(const QByteArray &json, Page<Token> &out, DecodeError *error);
bool decode(const QByteArray &json, Page<GroupGrant> &out, DecodeError *error);
bool decode(const QByteArray &json, Page<AuditEvent> &out, DecodeError *error);
bool decode(const QByteArray &json, RotatedToken &out, DecodeError *error);
bool decode(const QByteArray &json, RotatedTokens &out, DecodeError *error);
bool decode(const QByteArray &json, RenewedCredentials &out, DecodeError *error);
bool decode(const QByteArray &json, AppliedPlan &out, DecodeError *error);

// ---- request bodies (strict)
bool decode(const QByteArray &json, SignInRequest &out, DecodeError *error);
bool decode(const QByteArray &json, CreateServerRequest &out, DecodeError *error);
bool decode(const QByteArray &json, RenameRequest &out, DecodeError *error);
bool decode(const QByteArray &json, GrantBatchRequest &out, DecodeError *error);
bool decode(const QByteArray &json, CreateTokenRequest &out, DecodeError *error);
bool decode(const QByteArray &json, GroupGrantRequest &out, DecodeError *error);
bool decode(const QByteArray &json, RotateTokenRequest &out, DecodeError *error);
bool decode(const QByteArray &json, RotateTokensRequest &out, DecodeError *error);
bool decode(const QByteArray &json, ScheduleRevocationRequest &out, DecodeError *error);
bool decode(const QByteArray &json, RenewCredentialsRequest &out, DecodeError *error);
bool decode(const QByteArray &json, PlanApplyRequest &out, DecodeError *error);

} // namespace ca::json

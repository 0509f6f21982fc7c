// Fuzz target: the wire format's decoders (core/JsonDecoder), every reply type (forgiving)
// and every request type (strict). The first byte picks the type ('@' + index, see kTypes);
// the rest is the JSON text. A decoder either fills the object or refuses with a sentence
// and one of its documented codes; and what it accepts, the encoder (core/JsonCodec) writes
// so that it decodes again to the same object (decode ∘ encode is stable after one round).
#include "FuzzSupport.h"
#include "core/JsonCodec.h"
#include "core/JsonDecoder.h"

#include <array>

using namespace ca;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

namespace {

enum class Kind { Reply, Request };

bool documentedCode(const QString &code, Kind kind)
{
    static const QStringList replies{u"invalid_json"_s, u"malformed"_s};
    static const QStringList requests{u"invalid_json"_s,  u"invalid_text"_s,    u"unknown_field"_s,
                                      u"missing_field"_s, u"wrong_type"_s,      u"invalid_field"_s,
                                      u"invalid_id"_s,    u"too_many_changes"_s};
    return (kind == Kind::Reply ? replies : requests).contains(code);
}

// A fixed "now" for the encoders that write a token's state from its expiry.
const QDateTime &now()
{
    static const QDateTime t(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    return t;
}

template <typename T, typename... Extra>
void roundTrip(const QByteArray &json, Kind kind, const Extra &...extra)
{
    T first{};
    json::DecodeError error;
    if (!json::decode(json, first, &error)) {
        fuzz::check(!error.message.isEmpty(), "a refusal without a sentence", json);
        fuzz::check(documentedCode(error.code, kind), "a refusal with an undocumented code",
                    [&]() -> QByteArray { return json + "\ncode: " + error.code.toUtf8(); });
        return;
    }
    json::Writer once;
    json::write(once, first, extra...);
    T second{};
    json::DecodeError again;
    fuzz::check(json::decode(once.bytes(), second, &again),
                "the decoder refuses what the encoder wrote of an object it decoded",
                [&]() -> QByteArray {
                    return json + "\n-> " + once.bytes() + "\n" + again.message.toUtf8();
                });
    json::Writer twice;
    json::write(twice, second, extra...);
    fuzz::check(
        once.bytes() == twice.bytes(), "an object changes when encoded and decoded",
        [&]() -> QByteArray { return json + "\n-> " + once.bytes() + "\n-> " + twice.bytes(); });
}

template <typename T>
void reply(const QByteArray &json)
{
    roundTrip<T>(json, Kind::Reply);
}

template <typename T>
void replyWithNow(const QByteArray &json)
{
    roundTrip<T>(json, Kind::Reply, now());
}

template <typename T>
void request(const QByteArray &json)
{
    roundTrip<T>(json, Kind::Request);
}

void anyObject(const QByteArray &json)
{
    QJsonObject out;
    json::DecodeError error;
    if (!json::decode(json, out, &error))
        fuzz::check(!error.message.isEmpty() && documentedCode(error.code, Kind::Reply),
                    "a refusal without a sentence or with an undocumented code", json);
}

// Selected by the first byte: '@' + index (so 'A' is Account, 'W' SignInRequest, ...).
constexpr std::array kTypes{
    anyObject,                    // @
    reply<Account>,               // A
    reply<User>,                  // B
    reply<Group>,                 // C
    reply<Vault>,                 // D
    reply<Server>,                // E
    replyWithNow<Token>,          // F
    reply<GroupGrant>,            // G
    reply<GrantMatrix>,           // H
    reply<SessionInfo>,           // I
    reply<AuditEvent>,            // J
    reply<CreatedServer>,         // K
    replyWithNow<CreatedToken>,   // L
    reply<GrantBatchResult>,      // M
    reply<GroupGrantResult>,      // N
    reply<RemovedCount>,          // O
    reply<Page<Vault>>,           // P
    reply<Page<Group>>,           // Q
    reply<Page<User>>,            // R
    reply<Page<Server>>,          // S
    replyWithNow<Page<Token>>,    // T
    reply<Page<GroupGrant>>,      // U
    reply<Page<AuditEvent>>,      // V
    request<SignInRequest>,       // W
    request<CreateServerRequest>, // X
    request<RenameRequest>,       // Y
    request<GrantBatchRequest>,   // Z
    request<CreateTokenRequest>,  // [
    request<GroupGrantRequest>,   // backslash
    // Token rotation, scheduled revocation and credentials renewal (issue 12).
    replyWithNow<RotatedToken>,         // ]
    replyWithNow<RotatedTokens>,        // ^
    replyWithNow<RenewedCredentials>,   // _
    request<RotateTokenRequest>,        // `
    request<RotateTokensRequest>,       // a
    request<ScheduleRevocationRequest>, // b
    request<RenewCredentialsRequest>,   // c
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const auto type = size_t(uint8_t(data[0] - '@')) % kTypes.size();
    kTypes[type](fuzz::bytes(data + 1, size - 1));
    return 0;
}

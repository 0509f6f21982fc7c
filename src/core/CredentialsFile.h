// The 1password-credentials.json format in one place: the service builds a file for a
// server's secret; clients open one offline (its key decrypts it, its verifier checks the key)
// and check a token against it (the token's secret claim, its ES256 signature, its scopes).
#pragma once

#include "core/Domain.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ca::credentials {

// Who a file belongs to: what its encCredentials hold, sealed under a key derived from the
// server's secret. IDs in canonical (lower-case) form.
struct Identity
{
    QString accountId;
    QString serverId;
    QString serviceUrl; // the service that issued it (the issuer of its tokens)
    QDateTime issuedAt; // invalid for files made before the service wrote it into them
};

// A new file for secret (32 bytes) with a fresh salt, key ID and device UUID.
QJsonObject build(const Identity &identity, const QByteArray &secret);

// The file's fingerprint: lower-case hex SHA-256 of "<verifier.localHash>.<encCredentials.kid>"
// as they stand in the file. It names one file without saying anything about its secret;
// empty when the file lacks those fields.
QString fingerprint(const QJsonObject &file);

// A file opened offline.
struct Opened
{
    QString problem; // empty when the file is genuine: why it is not, as a sentence
    Identity identity;
    QString fingerprint;
    QString deviceUuid;
    QByteArray secret; // uniqueKey.k; kept in memory only, to check tokens against

    bool ok() const { return problem.isEmpty(); }
};

// Checks the file as a Connect server would before using it: its verifier.localHash is the
// HMAC of its uniqueKey, and its encCredentials decrypt (AES-256-GCM, key by HKDF) to an
// identity.
Opened open(const QJsonObject &file);
// The same for the file's text; a text that is not a JSON object is a problem too.
Opened open(const QByteArray &text);

// A token as checked against a file, offline.
struct TokenCheck
{
    QString problem; // empty when the token is good: why it is not, as a sentence
    QString tokenId; // canonical
    QString serverId;
    QString accountId;
    QString issuer;
    QString keyId; // the "kid" of its signature
    QList<TokenVault> vaults;
    QDateTime issuedAt;
    QDateTime expiresAt;         // invalid when it never expires
    bool readable = false;       // a JWT whose claims could be read
    bool matchesFile = false;    // its secret, server, account and issuer are the file's
    bool signatureValid = false; // ES256 by a key of the JWKS given
    bool expired = false;

    bool ok() const { return problem.isEmpty(); }
};

// Checks jwt against an opened (genuine) file and the service's JWKS
// ({"keys":[{"kty":"EC","crv":"P-256","x","y","kid"},…]}). The first thing found wrong is the
// problem; the facts read before it stay filled in.
TokenCheck checkToken(const QByteArray &jwt, const Opened &file, const QJsonObject &jwks,
                      const QDateTime &now);

// The HKDF info that derives the key of encCredentials from the secret (salt: verifier.salt).
inline constexpr char kKeyInfo[] = "connect-admin/credentials/v1";

} // namespace ca::credentials

#include "core/CredentialsFile.h"

#include "core/Crypto.h"
#include "core/Ids.h"
#include "core/JsonCodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ca::credentials {

namespace {

// Translatable strings of this file, in the context "ca::CredentialsFile".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::CredentialsFile)
};

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(crypto::base64Url(bytes));
}

std::optional<QByteArray> unb64(const QJsonValue &value)
{
    if (!value.isString() || value.toString().isEmpty())
        return std::nullopt;
    return crypto::fromBase64Url(value.toString().toLatin1());
}

QString when(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

// A member by path ("verifier", "salt"), or undefined.
QJsonValue at(const QJsonObject &file, const char *object, const char *member)
{
    return file.value(QLatin1String(object)).toObject().value(QLatin1String(member));
}

Opened broken(const QString &why)
{
    Opened o;
    o.problem = why;
    return o;
}

QString damaged(const QString &what)
{
    return Text::tr("The file is not a usable credentials file: %1").arg(what);
}

} // namespace

QJsonObject build(const Identity &identity, const QByteArray &secret)
{
    const QByteArray salt = crypto::randomBytes(16);
    const QString kid = newId();
    const QByteArray key = crypto::hkdfSha256(secret, salt, kKeyInfo, 32);
    QJsonObject who{{u"account"_s, displayId(identity.accountId, IdKind::Account)},
                    {u"server"_s, displayId(identity.serverId, IdKind::Server)},
                    {u"url"_s, identity.serviceUrl}};
    if (identity.issuedAt.isValid())
        who.insert(u"issued_at"_s, json::isoUtc(identity.issuedAt));
    const crypto::Sealed sealed =
        crypto::aesGcmEncrypt(key, QJsonDocument(who).toJson(QJsonDocument::Compact));
    return {
        {u"verifier"_s, QJsonObject{{u"salt"_s, b64(salt)},
                                    {u"localHash"_s, b64(crypto::hmacSha256(salt, secret))}}},
        {u"encCredentials"_s, QJsonObject{{u"kid"_s, kid},
                                          {u"enc"_s, u"A256GCM"_s},
                                          {u"cty"_s, u"b5+jwk+json"_s},
                                          {u"iv"_s, b64(sealed.iv)},
                                          {u"data"_s, b64(sealed.ciphertext)}}},
        {u"version"_s, u"2"_s},
        {u"deviceUuid"_s, newId()},
        {u"uniqueKey"_s, QJsonObject{{u"alg"_s, u"A256GCM"_s},
                                     {u"ext"_s, true},
                                     {u"k"_s, b64(secret)},
                                     {u"key_ops"_s, QJsonArray{u"encrypt"_s, u"decrypt"_s}},
                                     {u"kty"_s, u"oct"_s},
                                     {u"kid"_s, kid}}},
    };
}

QString fingerprint(const QJsonObject &file)
{
    const QString localHash = at(file, "verifier", "localHash").toString();
    const QString kid = at(file, "encCredentials", "kid").toString();
    if (localHash.isEmpty() || kid.isEmpty())
        return {};
    return QString::fromLatin1(crypto::sha256((localHash + u'.' + kid).toUtf8()).toHex());
}

Opened open(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return broken(damaged(Text::tr("it is not a JSON object.")));
    return open(doc.object());
}

Opened open(const QJsonObject &file)
{
    if (file.value(u"version"_s).toString() != u"2")
        return broken(damaged(Text::tr("its \"version\" is not \"2\".")));
    const auto secret = unb64(at(file, "uniqueKey", "k"));
    if (!secret || secret->size() != 32)
        return broken(damaged(Text::tr("its uniqueKey.k is not a 32-byte key.")));
    const auto salt = unb64(at(file, "verifier", "salt"));
    const auto localHash = unb64(at(file, "verifier", "localHash"));
    if (!salt || !localHash)
        return broken(damaged(Text::tr("its verifier is incomplete.")));
    // What a Connect server checks first: the key is the one the verifier was made for.
    if (!crypto::constantTimeEquals(crypto::hmacSha256(*salt, *secret), *localHash))
        return broken(Text::tr("The file's verifier.localHash does not match its key: the file "
                               "was altered or pieced together from two files."));
    const QString kid = at(file, "encCredentials", "kid").toString();
    if (kid != at(file, "uniqueKey", "kid").toString() ||
        at(file, "encCredentials", "enc").toString() != u"A256GCM")
        return broken(damaged(Text::tr("its encCredentials and uniqueKey don't belong together.")));
    const auto iv = unb64(at(file, "encCredentials", "iv"));
    const auto data = unb64(at(file, "encCredentials", "data"));
    const QByteArray key = crypto::hkdfSha256(*secret, *salt, kKeyInfo, 32);
    const auto plain = iv && data ? crypto::aesGcmDecrypt(key, *iv, *data) : std::nullopt;
    if (!plain)
        return broken(Text::tr("The file's encCredentials can't be decrypted with its key: the "
                               "file was altered or damaged."));
    const QJsonObject who = QJsonDocument::fromJson(*plain).object();
    Opened o;
    o.identity.accountId = canonicalId(who.value(u"account"_s).toString());
    o.identity.serverId = canonicalId(who.value(u"server"_s).toString());
    o.identity.serviceUrl = who.value(u"url"_s).toString();
    o.identity.issuedAt =
        QDateTime::fromString(who.value(u"issued_at"_s).toString(), Qt::ISODateWithMs);
    if (!isValidId(o.identity.accountId) || !isValidId(o.identity.serverId) ||
        o.identity.serviceUrl.isEmpty())
        return broken(damaged(Text::tr("its encrypted identity names no account, server or "
                                       "service.")));
    o.fingerprint = fingerprint(file);
    o.deviceUuid = file.value(u"deviceUuid"_s).toString();
    o.secret = *secret;
    return o;
}

namespace {

// header and claims of a compact JWS, or false.
bool readJwt(const QByteArray &jwt, QJsonObject &header, QJsonObject &claims, QByteArray &input,
             QByteArray &signature)
{
    const QList<QByteArray> parts = jwt.trimmed().split('.');
    if (parts.size() != 3)
        return false;
    const auto h = crypto::fromBase64Url(parts.at(0));
    const auto c = crypto::fromBase64Url(parts.at(1));
    const auto s = crypto::fromBase64Url(parts.at(2));
    if (!h || !c || !s)
        return false;
    const QJsonDocument hd = QJsonDocument::fromJson(*h);
    const QJsonDocument cd = QJsonDocument::fromJson(*c);
    if (!hd.isObject() || !cd.isObject())
        return false;
    header = hd.object();
    claims = cd.object();
    input = parts.at(0) + '.' + parts.at(1);
    signature = *s;
    return true;
}

void readClaims(const QJsonObject &claims, TokenCheck &t)
{
    t.tokenId = canonicalId(claims.value(u"jti"_s).toString());
    t.serverId = canonicalId(claims.value(u"sub"_s).toString());
    t.accountId = canonicalId(claims.value(u"1password.com/auuid"_s).toString());
    t.issuer = claims.value(u"iss"_s).toString();
    if (claims.contains(u"iat"_s))
        t.issuedAt = QDateTime::fromSecsSinceEpoch(claims.value(u"iat"_s).toInteger(), Qt::UTC);
    if (claims.contains(u"exp"_s))
        t.expiresAt = QDateTime::fromSecsSinceEpoch(claims.value(u"exp"_s).toInteger(), Qt::UTC);
    for (const QJsonValue &v : claims.value(u"1password.com/vts"_s).toArray()) {
        const auto access = accessFromAcl(v[u"a"_s].toInt());
        t.vaults.append(
            TokenVault{canonicalId(v[u"u"_s].toString()), access.value_or(Access::ReadWrite)});
    }
}

// Why the token does not belong to the file, or an empty string when it does.
QString mismatch(const QJsonObject &claims, const TokenCheck &t, const Opened &file)
{
    if (t.serverId != file.identity.serverId)
        return Text::tr("The token belongs to the Connect server %1, not to this file's server %2.")
            .arg(displayId(t.serverId, IdKind::Server),
                 displayId(file.identity.serverId, IdKind::Server));
    if (t.accountId != file.identity.accountId || t.issuer != file.identity.serviceUrl)
        return Text::tr("The token was issued by another account or service (%1) than this "
                        "file's (%2).")
            .arg(t.issuer, file.identity.serviceUrl);
    const auto secret = unb64(claims.value(u"1password.com/token"_s));
    if (!secret || !crypto::constantTimeEquals(*secret, file.secret))
        return Text::tr("The token was issued against other credentials of this server: the "
                        "server's credentials were renewed after this file or after the token, "
                        "so a Connect server using this file refuses the token.");
    return {};
}

// Whether a key of the JWKS (the one named by kid, when there is one) signed input.
bool verified(const QJsonObject &jwks, const QString &kid, const QByteArray &input,
              const QByteArray &signature)
{
    for (const QJsonValue &key : jwks.value(u"keys"_s).toArray()) {
        const QJsonObject jwk = key.toObject();
        if (!kid.isEmpty() && jwk.value(u"kid"_s).toString() != kid)
            continue;
        if (crypto::verifyEs256WithJwk(jwk, input, signature))
            return true;
    }
    return false;
}

} // namespace

TokenCheck checkToken(const QByteArray &jwt, const Opened &file, const QJsonObject &jwks,
                      const QDateTime &now)
{
    TokenCheck t;
    QJsonObject header, claims;
    QByteArray input, signature;
    if (!readJwt(jwt, header, claims, input, signature)) {
        t.problem = Text::tr("This is not a token: a token has three parts separated by dots, "
                             "each base64url JSON (the last the signature).");
        return t;
    }
    t.readable = true;
    t.keyId = header.value(u"kid"_s).toString();
    readClaims(claims, t);
    if (header.value(u"alg"_s).toString() != u"ES256") {
        t.problem = Text::tr("The token is signed with \"%1\", not ES256 as this service signs.")
                        .arg(header.value(u"alg"_s).toString());
        return t;
    }
    if (!file.ok()) {
        t.problem = file.problem;
        return t;
    }
    if (const QString why = mismatch(claims, t, file); !why.isEmpty()) {
        t.problem = why;
        return t;
    }
    t.matchesFile = true;
    if (jwks.value(u"keys"_s).toArray().isEmpty()) {
        t.problem = Text::tr("The service's signing keys (its JWKS) are not known, so the "
                             "token's signature could not be checked.");
        return t;
    }
    t.signatureValid = verified(jwks, t.keyId, input, signature);
    if (!t.signatureValid) {
        t.problem = Text::tr("The token's signature does not verify with the service's signing "
                             "keys: the token was altered, or another service signed it.");
        return t;
    }
    t.expired = t.expiresAt.isValid() && t.expiresAt <= now;
    if (t.expired)
        t.problem = Text::tr("The token expired on %1.").arg(when(t.expiresAt));
    return t;
}

} // namespace ca::credentials

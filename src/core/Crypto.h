// The cryptography the service and its clients share, on OpenSSL 3: random bytes, hashes,
// HKDF, AES-256-GCM, ES256 signing keys with their JWK form, and checking an ES256 JWS
// against a published public key (a JWK), as a client does offline.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

namespace ca::crypto {

QByteArray randomBytes(int count);
QByteArray base64Url(const QByteArray &data);                    // no padding
std::optional<QByteArray> fromBase64Url(const QByteArray &text); // strict

QByteArray sha256(const QByteArray &data);
QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);
QByteArray hkdfSha256(const QByteArray &secret, const QByteArray &salt, const QByteArray &info,
                      int length);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// Frees OpenSSL's state of the calling thread (its random generators) now. A thread that
// used OpenSSL calls it as its last step: OpenSSL would free it in the thread's TLS
// destructors, which run after QThread::wait() has returned, so a process that exits right
// after stopping its threads could end with that state still allocated.
void releaseThreadState();

struct Sealed
{
    QByteArray iv;         // 12 bytes
    QByteArray ciphertext; // ciphertext followed by the 16-byte tag
};
Sealed aesGcmEncrypt(const QByteArray &key, const QByteArray &plaintext,
                     const QByteArray &aad = {});
std::optional<QByteArray> aesGcmDecrypt(const QByteArray &key, const QByteArray &iv,
                                        const QByteArray &ciphertextAndTag,
                                        const QByteArray &aad = {});

// A P-256 key for ES256 JWS signatures.
class SigningKey
{
public:
    static SigningKey generate();
    static std::optional<SigningKey> fromPrivatePem(const QByteArray &pem);

    SigningKey(SigningKey &&) noexcept;
    SigningKey &operator=(SigningKey &&) noexcept;
    ~SigningKey();

    QByteArray privatePem() const;
    QJsonObject publicJwk() const; // {"kty":"EC","crv":"P-256","x","y","kid","use","alg"}
    QString kid() const;           // RFC 7638 thumbprint of the public key, base64url
    QByteArray signEs256(const QByteArray &input) const; // raw r||s, 64 bytes
    bool verifyEs256(const QByteArray &input, const QByteArray &signature) const;

private:
    struct Impl;
    explicit SigningKey(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

// header.claims.signature, each part base64url.
QByteArray signJwt(const SigningKey &key, const QJsonObject &claims);

// Whether signature (raw r||s, 64 bytes) is an ES256 signature of input by the P-256 public
// key of jwk ({"kty":"EC","crv":"P-256","x","y"}); false for any other kind of key.
bool verifyEs256WithJwk(const QJsonObject &jwk, const QByteArray &input,
                        const QByteArray &signature);

} // namespace ca::crypto

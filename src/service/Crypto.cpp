#include "service/Crypto.h"

#include <QJsonDocument>

#include <argon2.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace ca::crypto {

namespace {

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

unsigned char *bytes(QByteArray &a)
{
    return reinterpret_cast<unsigned char *>(a.data());
}

[[noreturn]] void fail(const char *what)
{
    throw std::runtime_error(what);
}

template <typename T, void (*F)(T *)>
struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

void bioFree(BIO *b)
{
    BIO_free(b);
}
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, bioFree>>;

} // namespace

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(bytes(out), count) != 1)
        fail("RAND_bytes failed");
    return out;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    auto result = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), bytes(out), &len, EVP_sha256(),
                   nullptr) != 1)
        fail("EVP_Digest failed");
    return out;
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()), bytes(data), size_t(data.size()),
              bytes(out), &len))
        fail("HMAC failed");
    return out;
}

QByteArray hkdfSha256(const QByteArray &secret, const QByteArray &salt, const QByteArray &info,
                      int length)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    QByteArray out(length, Qt::Uninitialized);
    size_t outLen = size_t(length);
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), bytes(salt), int(salt.size())) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), bytes(secret), int(secret.size())) != 1 ||
        EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), bytes(info), int(info.size())) != 1 ||
        EVP_PKEY_derive(ctx.get(), bytes(out), &outLen) != 1)
        fail("HKDF failed");
    return out;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() &&
           CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

Sealed aesGcmEncrypt(const QByteArray &key, const QByteArray &plaintext, const QByteArray &aad)
{
    if (key.size() != 32)
        fail("AES-256-GCM needs a 32-byte key");
    Sealed s;
    s.iv = randomBytes(12);
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    QByteArray out(plaintext.size() + 16, Qt::Uninitialized);
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(s.iv)) != 1)
        fail("AES-GCM init failed");
    if (!aad.isEmpty() &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1)
        fail("AES-GCM aad failed");
    if (EVP_EncryptUpdate(ctx.get(), bytes(out), &len, bytes(plaintext), int(plaintext.size())) !=
        1)
        fail("AES-GCM update failed");
    int total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), bytes(out) + total, &len) != 1)
        fail("AES-GCM final failed");
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, bytes(out) + total) != 1)
        fail("AES-GCM tag failed");
    out.resize(total + 16);
    s.ciphertext = out;
    return s;
}

std::optional<QByteArray> aesGcmDecrypt(const QByteArray &key, const QByteArray &iv,
                                        const QByteArray &ciphertextAndTag, const QByteArray &aad)
{
    if (key.size() != 32 || iv.size() != 12 || ciphertextAndTag.size() < 16)
        return std::nullopt;
    const qsizetype ctLen = ciphertextAndTag.size() - 16;
    QByteArray tag = ciphertextAndTag.right(16);
    QByteArray out(ctLen, Qt::Uninitialized);
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(iv)) != 1)
        return std::nullopt;
    if (!aad.isEmpty() &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1)
        return std::nullopt;
    if (EVP_DecryptUpdate(ctx.get(), bytes(out), &len, bytes(ciphertextAndTag), int(ctLen)) != 1)
        return std::nullopt;
    int total = len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, bytes(tag)) != 1)
        return std::nullopt;
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(out) + total, &len) != 1)
        return std::nullopt; // wrong key or tampered data
    out.resize(total + len);
    return out;
}

struct SigningKey::Impl
{
    PkeyPtr key;
};

SigningKey::SigningKey(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{}
SigningKey::SigningKey(SigningKey &&) noexcept = default;
SigningKey &SigningKey::operator=(SigningKey &&) noexcept = default;
SigningKey::~SigningKey() = default;

SigningKey SigningKey::generate()
{
    auto impl = std::make_unique<Impl>();
    impl->key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!impl->key)
        fail("EC key generation failed");
    return SigningKey(std::move(impl));
}

std::optional<SigningKey> SigningKey::fromPrivatePem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    auto impl = std::make_unique<Impl>();
    impl->key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!impl->key || EVP_PKEY_get_base_id(impl->key.get()) != EVP_PKEY_EC)
        return std::nullopt;
    return SigningKey(std::move(impl));
}

QByteArray SigningKey::privatePem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(bio.get(), d->key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
        1)
        fail("PEM export failed");
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    QByteArray pem(data, qsizetype(len));
    return pem;
}

namespace {
QByteArray coordinate(EVP_PKEY *key, const char *param)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, param, &raw) != 1)
        fail("EC public key export failed");
    BnPtr bn(raw);
    QByteArray out(32, Qt::Uninitialized);
    if (BN_bn2binpad(bn.get(), bytes(out), 32) != 32)
        fail("EC coordinate too long");
    return out;
}
} // namespace

QJsonObject SigningKey::publicJwk() const
{
    const QString x =
        QString::fromLatin1(base64Url(coordinate(d->key.get(), OSSL_PKEY_PARAM_EC_PUB_X)));
    const QString y =
        QString::fromLatin1(base64Url(coordinate(d->key.get(), OSSL_PKEY_PARAM_EC_PUB_Y)));
    return {{QLatin1String("kty"), QLatin1String("EC")},
            {QLatin1String("crv"), QLatin1String("P-256")},
            {QLatin1String("x"), x},
            {QLatin1String("y"), y},
            {QLatin1String("kid"), kid()},
            {QLatin1String("use"), QLatin1String("sig")},
            {QLatin1String("alg"), QLatin1String("ES256")}};
}

QString SigningKey::kid() const
{
    // RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace.
    const QByteArray x = base64Url(coordinate(d->key.get(), OSSL_PKEY_PARAM_EC_PUB_X));
    const QByteArray y = base64Url(coordinate(d->key.get(), OSSL_PKEY_PARAM_EC_PUB_Y));
    const QByteArray canonical =
        QByteArray(R"({"crv":"P-256","kty":"EC","x":")") + x + R"(","y":")" + y + R"("})";
    return QString::fromLatin1(base64Url(sha256(canonical)));
}

QByteArray SigningKey::signEs256(const QByteArray &input) const
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    size_t derLen = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, d->key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &derLen, bytes(input), size_t(input.size())) != 1)
        fail("ES256 sign init failed");
    QByteArray der(qsizetype(derLen), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), bytes(der), &derLen, bytes(input), size_t(input.size())) != 1)
        fail("ES256 sign failed");
    const unsigned char *p = bytes(der);
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, long(derLen)));
    if (!sig)
        fail("ES256 signature decode failed");
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray raw(64, Qt::Uninitialized);
    if (BN_bn2binpad(r, bytes(raw), 32) != 32 || BN_bn2binpad(s, bytes(raw) + 32, 32) != 32)
        fail("ES256 signature too long");
    return raw;
}

bool SigningKey::verifyEs256(const QByteArray &input, const QByteArray &signature) const
{
    if (signature.size() != 64)
        return false;
    EcdsaSigPtr sig(ECDSA_SIG_new());
    BIGNUM *r = BN_bin2bn(bytes(signature), 32, nullptr);
    BIGNUM *s = BN_bin2bn(bytes(signature) + 32, 32, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return false;
    }
    unsigned char *der = nullptr;
    const int derLen = i2d_ECDSA_SIG(sig.get(), &der);
    if (derLen <= 0)
        return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok =
        ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, d->key.get()) == 1 &&
        EVP_DigestVerify(ctx.get(), der, size_t(derLen), bytes(input), size_t(input.size())) == 1;
    OPENSSL_free(der);
    return ok;
}

QByteArray signJwt(const SigningKey &key, const QJsonObject &claims)
{
    const QJsonObject header{{QLatin1String("alg"), QLatin1String("ES256")},
                             {QLatin1String("kid"), key.kid()},
                             {QLatin1String("typ"), QLatin1String("JWT")}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return input + '.' + base64Url(key.signEs256(input));
}

QString hashPassword(const QByteArray &password, const PasswordHashParams &p)
{
    const QByteArray salt = randomBytes(16);
    const size_t encodedLen = argon2_encodedlen(p.timeCost, p.memoryKiB, p.parallelism,
                                                uint32_t(salt.size()), 32, Argon2_id);
    QByteArray encoded(qsizetype(encodedLen), '\0');
    const int rc = argon2id_hash_encoded(
        p.timeCost, p.memoryKiB, p.parallelism, password.constData(), size_t(password.size()),
        salt.constData(), size_t(salt.size()), 32, encoded.data(), encodedLen);
    if (rc != ARGON2_OK)
        fail(argon2_error_message(rc));
    return QString::fromLatin1(encoded.constData());
}

bool verifyPassword(const QString &encoded, const QByteArray &password)
{
    const QByteArray e = encoded.toLatin1();
    return argon2id_verify(e.constData(), password.constData(), size_t(password.size())) ==
           ARGON2_OK;
}

QString generatePassword()
{
    static constexpr char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr int n = sizeof(alphabet) - 1;
    QString out;
    while (out.size() < 24) {
        const QByteArray b = randomBytes(32);
        for (char c : b) {
            const int v = static_cast<unsigned char>(c);
            if (v < 256 - 256 % n && out.size() < 24) // rejection sampling keeps it uniform
                out.append(QLatin1Char(alphabet[v % n]));
        }
    }
    return out;
}

} // namespace ca::crypto

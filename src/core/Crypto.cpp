#include "core/Crypto.h"

#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>
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

// SHA-256, fetched from the provider once. EVP_sha256() makes OpenSSL 3 look the algorithm
// up again on every use, which was a third of the cost of hashing a session token.
const EVP_MD *sha256Md()
{
    static EVP_MD *const md = [] {
        EVP_MD *fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        if (!fetched)
            fail("EVP_MD_fetch(SHA256) failed");
        return fetched;
    }();
    return md;
}

} // namespace

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(bytes(out), count) != 1)
        fail("RAND_bytes failed");
    return out;
}

void releaseThreadState()
{
    OPENSSL_thread_stop();
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
    if (EVP_Digest(data.constData(), size_t(data.size()), bytes(out), &len, sha256Md(), nullptr) !=
        1)
        fail("EVP_Digest failed");
    return out;
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (!HMAC(sha256Md(), key.constData(), int(key.size()), bytes(data), size_t(data.size()),
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
        EVP_PKEY_CTX_set_hkdf_md(ctx.get(), sha256Md()) != 1 ||
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

struct SigningKey::Impl
{
    PkeyPtr key;
    QString kid; // computed once: every signature's header names it
};

SigningKey::SigningKey(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
    // RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace.
    const QByteArray x = base64Url(coordinate(d->key.get(), OSSL_PKEY_PARAM_EC_PUB_X));
    const QByteArray y = base64Url(coordinate(d->key.get(), OSSL_PKEY_PARAM_EC_PUB_Y));
    const QByteArray canonical =
        QByteArray(R"({"crv":"P-256","kty":"EC","x":")") + x + R"(","y":")" + y + R"("})";
    d->kid = QString::fromLatin1(base64Url(sha256(canonical)));
}
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
    return d->kid;
}

QByteArray SigningKey::signEs256(const QByteArray &input) const
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    size_t derLen = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, sha256Md(), nullptr, d->key.get()) != 1 ||
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

namespace {

// ES256 verification with any P-256 key: the raw r||s of JWS turned back into DER.
bool verifyRawEs256(EVP_PKEY *key, const QByteArray &input, const QByteArray &signature)
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
        ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, sha256Md(), nullptr, key) == 1 &&
        EVP_DigestVerify(ctx.get(), der, size_t(derLen), bytes(input), size_t(input.size())) == 1;
    OPENSSL_free(der);
    return ok;
}

void paramBldFree(OSSL_PARAM_BLD *b)
{
    OSSL_PARAM_BLD_free(b);
}
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, paramBldFree>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;

// The P-256 public key of a JWK, or null when the JWK is not one.
PkeyPtr publicKeyFromJwk(const QJsonObject &jwk)
{
    if (jwk.value(QLatin1String("kty")).toString() != QLatin1String("EC") ||
        jwk.value(QLatin1String("crv")).toString() != QLatin1String("P-256"))
        return nullptr;
    const auto x = fromBase64Url(jwk.value(QLatin1String("x")).toString().toLatin1());
    const auto y = fromBase64Url(jwk.value(QLatin1String("y")).toString().toLatin1());
    if (!x || !y || x->size() != 32 || y->size() != 32)
        return nullptr;
    const QByteArray point = QByteArray(1, '\x04') + *x + *y; // uncompressed
    ParamBldPtr bld(OSSL_PARAM_BLD_new());
    if (!bld ||
        OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) !=
            1 ||
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         size_t(point.size())) != 1)
        return nullptr;
    ParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *key = nullptr;
    // A point that is not on the curve is refused here.
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return nullptr;
    return PkeyPtr(key);
}

} // namespace

bool SigningKey::verifyEs256(const QByteArray &input, const QByteArray &signature) const
{
    return verifyRawEs256(d->key.get(), input, signature);
}

bool verifyEs256WithJwk(const QJsonObject &jwk, const QByteArray &input,
                        const QByteArray &signature)
{
    const PkeyPtr key = publicKeyFromJwk(jwk);
    return key && verifyRawEs256(key.get(), input, signature);
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

} // namespace ca::crypto

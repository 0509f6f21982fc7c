// The service's cryptography against published test vectors and its own failure modes.
#include "service/Crypto.h"
#include "service/MasterKey.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace ca;

class TestCrypto : public QObject
{
    Q_OBJECT
private slots:
    void hmacSha256Rfc4231Case2()
    {
        QCOMPARE(crypto::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void hkdfRfc5869Case1()
    {
        const QByteArray ikm(22, '\x0b');
        const QByteArray salt = QByteArray::fromHex("000102030405060708090a0b0c");
        const QByteArray info = QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9");
        QCOMPARE(crypto::hkdfSha256(ikm, salt, info, 42).toHex(),
                 QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                            "34007208d5b887185865"));
    }

    void aesGcmRoundTripAndTamper()
    {
        const QByteArray key = crypto::randomBytes(32);
        const auto sealed = crypto::aesGcmEncrypt(key, "secret data", "aad");
        QCOMPARE(sealed.iv.size(), 12);
        QCOMPARE(sealed.ciphertext.size(), 11 + 16);
        QCOMPARE(crypto::aesGcmDecrypt(key, sealed.iv, sealed.ciphertext, "aad").value(),
                 QByteArray("secret data"));
        QVERIFY(!crypto::aesGcmDecrypt(key, sealed.iv, sealed.ciphertext, "other aad"));
        QByteArray tampered = sealed.ciphertext;
        tampered[0] = char(tampered[0] ^ 1);
        QVERIFY(!crypto::aesGcmDecrypt(key, sealed.iv, tampered, "aad"));
        QVERIFY(
            !crypto::aesGcmDecrypt(crypto::randomBytes(32), sealed.iv, sealed.ciphertext, "aad"));
    }

    void base64UrlIsUnpaddedAndStrict()
    {
        QCOMPARE(crypto::base64Url("\xfb\xff"), QByteArray("-_8"));
        QCOMPARE(crypto::fromBase64Url("-_8").value(), QByteArray("\xfb\xff"));
        QVERIFY(!crypto::fromBase64Url("***").has_value());
    }

    void es256SignatureVerifiesAndKeyRoundTrips()
    {
        const auto key = crypto::SigningKey::generate();
        const QByteArray sig = key.signEs256("payload");
        QCOMPARE(sig.size(), 64);
        QVERIFY(key.verifyEs256("payload", sig));
        QVERIFY(!key.verifyEs256("payload!", sig));
        const auto again = crypto::SigningKey::fromPrivatePem(key.privatePem());
        QVERIFY(again.has_value());
        QCOMPARE(again->kid(), key.kid());
        QVERIFY(again->verifyEs256("payload", sig));
        const QJsonObject jwk = key.publicJwk();
        QCOMPARE(jwk.value(u"kty"_s).toString(), u"EC"_s);
        QCOMPARE(jwk.value(u"crv"_s).toString(), u"P-256"_s);
        QCOMPARE(crypto::fromBase64Url(jwk.value(u"x"_s).toString().toLatin1())->size(), 32);
        QVERIFY(!crypto::SigningKey::fromPrivatePem("not a key").has_value());
    }

    void jwtHasThreeParts()
    {
        const auto key = crypto::SigningKey::generate();
        const QByteArray jwt = crypto::signJwt(key, {{u"sub"_s, u"x"_s}});
        const QList<QByteArray> parts = jwt.split('.');
        QCOMPARE(parts.size(), 3);
        const QJsonObject header =
            QJsonDocument::fromJson(*crypto::fromBase64Url(parts[0])).object();
        QCOMPARE(header.value(u"alg"_s).toString(), u"ES256"_s);
        QCOMPARE(header.value(u"kid"_s).toString(), key.kid());
        QCOMPARE(header.value(u"typ"_s).toString(), u"JWT"_s);
        QVERIFY(key.verifyEs256(parts[0] + '.' + parts[1], *crypto::fromBase64Url(parts[2])));
    }

    void argon2idHashesVerify()
    {
        crypto::PasswordHashParams p;
        p.memoryKiB = 8192;
        p.timeCost = 1;
        const QString hash = crypto::hashPassword("correct horse", p);
        QVERIFY(hash.startsWith(u"$argon2id$"_s));
        QVERIFY(!hash.contains(u"correct horse"_s));
        QVERIFY(crypto::verifyPassword(hash, "correct horse"));
        QVERIFY(!crypto::verifyPassword(hash, "correct horsE"));
        QVERIFY(!crypto::verifyPassword(u"garbage"_s, "x"));
        QVERIFY(crypto::hashPassword("correct horse", p) != hash); // salted
    }

    void generatedPasswordsAreLongAndDistinct()
    {
        const QString a = crypto::generatePassword();
        QCOMPARE(a.size(), 24);
        QVERIFY(a != crypto::generatePassword());
    }

    void masterKeyFileIsCreated0600AndReused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"master.key"_s);
        QString error;
        auto key = MasterKey::loadOrCreate(path, &error);
        QVERIFY2(key.has_value(), qPrintable(error));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QCOMPARE(QFileInfo(path).size(), 32);
        const QByteArray sealed = key->seal("server secret", "purpose");
        auto again = MasterKey::loadOrCreate(path, &error);
        QVERIFY(again.has_value());
        QCOMPARE(again->open(sealed, "purpose").value(), QByteArray("server secret"));
        QVERIFY(!again->open(sealed, "other purpose").has_value());
    }

    void masterKeyReadableByOthersIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"master.key"_s);
        QString error;
        QVERIFY(MasterKey::loadOrCreate(path, &error).has_value());
        ::chmod(QFile::encodeName(path).constData(), 0644);
        QVERIFY(!MasterKey::loadOrCreate(path, &error).has_value());
        QVERIFY2(error.contains(u"chmod 600"_s), qPrintable(error));
    }

    void damagedMasterKeyIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"master.key"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("short");
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        QVERIFY(!MasterKey::loadOrCreate(path, &error).has_value());
        QVERIFY(error.contains(u"damaged"_s));
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"

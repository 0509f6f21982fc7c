// Password hashing (argon2id) and generated passwords: what only the service needs.
#include "service/Crypto.h"

#include <argon2.h>

#include <stdexcept>

namespace ca::crypto {

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
        throw std::runtime_error(argon2_error_message(rc));
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

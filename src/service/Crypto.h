// The service's own cryptography beyond what it shares with clients (core/Crypto.h, included
// here): password hashing with libargon2 and generated passwords.
#pragma once

#include "core/Crypto.h"

#include <QString>

namespace ca::crypto {

// Password hashing: argon2id in its standard encoded form ($argon2id$v=19$m=...).
struct PasswordHashParams
{
    quint32 timeCost = 2;
    quint32 memoryKiB = 19 * 1024; // OWASP's minimum for argon2id
    quint32 parallelism = 1;
};
QString hashPassword(const QByteArray &password, const PasswordHashParams &params = {});
bool verifyPassword(const QString &encoded, const QByteArray &password);

// A random password for generated accounts: 24 characters from an unambiguous alphabet.
QString generatePassword();

} // namespace ca::crypto

// The service's master key: 32 random bytes in a file created 0600 on first start. It seals
// per-server secrets and signing keys at rest (AES-256-GCM, the purpose bound as AAD).
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace ca {

class MasterKey
{
public:
    // Reads the key, or creates the file (mode 0600) when it does not exist. Refuses a file
    // of the wrong size or one that others can read. *error is a sentence on failure.
    static std::optional<MasterKey> loadOrCreate(const QString &path, QString *error);
    static MasterKey fromBytes(const QByteArray &key);

    QByteArray seal(const QByteArray &plaintext, const QByteArray &purpose) const;
    std::optional<QByteArray> open(const QByteArray &sealed, const QByteArray &purpose) const;
    // A 32-byte key for one purpose (HKDF-SHA256), the same in every instance with this key.
    QByteArray derive(const QByteArray &purpose) const;

private:
    explicit MasterKey(QByteArray key)
        : m_key(std::move(key))
    {}
    QByteArray m_key;
};

} // namespace ca

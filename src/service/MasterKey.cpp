#include "service/MasterKey.h"

#include "service/Crypto.h"
#include "service/PrivateFile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ca {

namespace {
constexpr char kVersion = 1;
}

std::optional<MasterKey> MasterKey::loadOrCreate(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        const QByteArray key = crypto::randomBytes(32);
        const bool written =
            ::write(fd, key.constData(), size_t(key.size())) == key.size() && ::fsync(fd) == 0;
        ::close(fd);
        if (!written) {
            ::unlink(native.constData());
            *error = QStringLiteral("cannot write the master key file %1").arg(path);
            return std::nullopt;
        }
        return MasterKey(key);
    }
    if (errno != EEXIST) {
        *error = QStringLiteral("cannot create the master key file %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    const auto read = readPrivateFile(path, QStringLiteral("the master key file"), error);
    if (!read)
        return std::nullopt;
    const QByteArray &key = *read;
    if (key.size() != 32) {
        *error =
            QStringLiteral("the master key file %1 is not 32 bytes long; it is damaged").arg(path);
        return std::nullopt;
    }
    return MasterKey(key);
}

MasterKey MasterKey::fromBytes(const QByteArray &key)
{
    return MasterKey(key);
}

QByteArray MasterKey::seal(const QByteArray &plaintext, const QByteArray &purpose) const
{
    const crypto::Sealed s = crypto::aesGcmEncrypt(m_key, plaintext, purpose);
    return QByteArray(1, kVersion) + s.iv + s.ciphertext;
}

std::optional<QByteArray> MasterKey::open(const QByteArray &sealed, const QByteArray &purpose) const
{
    if (sealed.size() < 1 + 12 + 16 || sealed.at(0) != kVersion)
        return std::nullopt;
    return crypto::aesGcmDecrypt(m_key, sealed.mid(1, 12), sealed.mid(13), purpose);
}

QByteArray MasterKey::derive(const QByteArray &purpose) const
{
    return crypto::hkdfSha256(m_key, QByteArray(), purpose, 32);
}

} // namespace ca

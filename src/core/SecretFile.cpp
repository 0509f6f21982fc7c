#include "core/SecretFile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace ca {

QString writeSecretFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("ca::SecretFile", "Cannot write %1: %2")
            .arg(path, file.errorString());
    // The temporary file gets 0600 before any secret byte is written to it; the rename in
    // commit() keeps those permissions, also when it replaces an existing file.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return QCoreApplication::translate("ca::SecretFile",
                                           "Cannot restrict the permissions of %1: %2")
            .arg(path, file.errorString());
    }
    if (file.write(content) != content.size() || !file.commit())
        return QCoreApplication::translate("ca::SecretFile", "Cannot write %1: %2")
            .arg(path, file.errorString());
    return {};
}

} // namespace ca

#include "service/PrivateFile.h"

#include <QFile>

#include <sys/stat.h>

namespace ca {

std::optional<QByteArray> readPrivateFile(const QString &path, const QString &what, QString *error,
                                          qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1 %2: %3").arg(what, path, file.errorString());
        return std::nullopt;
    }
    struct stat st
    {
    };
    // Checked on the open file, so that what is read is what was checked.
    if (::fstat(file.handle(), &st) != 0 || (st.st_mode & 077) != 0) {
        *error = QStringLiteral("%1 %2 can be read by other users (mode %3); run: chmod 600 %2")
                     .arg(what, path)
                     .arg(st.st_mode & 0777, 4, 8, QLatin1Char('0'));
        return std::nullopt;
    }
    return file.read(maxBytes);
}

} // namespace ca

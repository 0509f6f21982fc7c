// Reading a file that holds a secret (the master key, the database password): refused when
// other users could read it, as ssh does with a private key.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace ca {

// The file's content, or nothing with *error a sentence (what names the file for it).
std::optional<QByteArray> readPrivateFile(const QString &path, const QString &what, QString *error,
                                          qint64 maxBytes = 64 * 1024);

} // namespace ca

// Writing files that hold secrets (credentials files, sandbox sign-ins): atomically through
// QSaveFile, readable and writable by the owner only (0600), never half-written.
#pragma once

#include <QByteArray>
#include <QString>

namespace ca {

// Returns an empty string on success, else a sentence saying what went wrong.
QString writeSecretFile(const QString &path, const QByteArray &content);

} // namespace ca

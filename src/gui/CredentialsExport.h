// Saving a new server's 1password-credentials.json: the save dialog opens at once in the
// last-used folder; overwriting is confirmed; the file is written atomically with mode
// 0600. Cancelling is allowed, but the user is told the file can't be retrieved later and
// offered to save again.
#pragma once

#include <QJsonObject>
#include <QString>

class QWidget;

namespace ca {

struct ExportResult
{
    bool saved = false;
    QString path;
};

ExportResult saveCredentials(QWidget *parent, const QString &serverName,
                             const QJsonObject &credentials);

// The folder the dialog starts in; remembered in QSettings (a folder is not a secret).
QString lastCredentialsFolder();

} // namespace ca

// Saving a new server's credentials file: the save dialog opens at once in the last-used
// folder with 1password-credentials-<server>.json; replacing a file is confirmed, and when
// that file holds another server's credentials the question names that server; the file is
// written atomically with mode 0600. Cancelling is allowed, but the user is told the file
// can't be retrieved later and offered to save again.
#pragma once

#include <QJsonObject>
#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace ca {

struct ExportResult
{
    bool saved = false;
    QString path;
};

struct ServerRef
{
    QString id;
    QString name;
};

// serverNow(id): the server's current name while it exists, nullopt once deleted.
ExportResult
saveCredentials(QWidget *parent, const ServerRef &server, const QJsonObject &credentials,
                const std::function<std::optional<QString>(const QString &id)> &serverNow = {});

// The folder the dialog starts in; remembered in QSettings (a folder is not a secret).
QString lastCredentialsFolder();
// The proposed file name for a server's credentials.
QString credentialsFileName(const ServerRef &server);

} // namespace ca

#include "gui/CredentialsExport.h"

#include "core/SecretFile.h"
#include "gui/Seams.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSettings>
#include <QStandardPaths>

namespace ca {

namespace {
// Translatable strings of this file, in the context "ca::CredentialsExport".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::CredentialsExport)
};
} // namespace

QString lastCredentialsFolder()
{
    const QString folder = QSettings().value(QStringLiteral("credentials/lastFolder")).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

ExportResult saveCredentials(QWidget *parent, const QString &serverName,
                             const QJsonObject &credentials)
{
    const QByteArray content = QJsonDocument(credentials).toJson(QJsonDocument::Indented);
    for (;;) {
        const QString suggested =
            QDir(lastCredentialsFolder()).filePath(QStringLiteral("1password-credentials.json"));
        const QString path = seams::getSaveFileName(
            parent, Text::tr("Save the credentials file of \"%1\"").arg(serverName), suggested,
            Text::tr("Credentials file (*.json)"));
        if (path.isEmpty()) {
            const auto answer = seams::ask(
                parent, QMessageBox::Warning, Text::tr("Credentials not saved"),
                Text::tr("The credentials file of \"%1\" has not been saved.").arg(serverName),
                QMessageBox::Save | QMessageBox::Discard, QMessageBox::Save,
                Text::tr(
                    "It can't be retrieved later: the service shows it only now. Without it the "
                    "Connect server can't start, and you would have to delete the server and "
                    "create "
                    "a new one."));
            if (answer == QMessageBox::Save)
                continue;
            return {};
        }
        if (QFileInfo::exists(path)) {
            const auto answer = seams::ask(
                parent, QMessageBox::Question, Text::tr("Replace file?"),
                Text::tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                Text::tr("The existing file will be replaced."));
            if (answer != QMessageBox::Yes)
                continue;
        }
        const QString error = writeSecretFile(path, content);
        if (!error.isEmpty()) {
            seams::ask(parent, QMessageBox::Critical, Text::tr("Could not save"), error,
                       QMessageBox::Ok, QMessageBox::Ok, Text::tr("Choose another place."));
            continue;
        }
        QSettings().setValue(QStringLiteral("credentials/lastFolder"),
                             QFileInfo(path).absolutePath());
        return {true, path};
    }
}

} // namespace ca

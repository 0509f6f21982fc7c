#include "gui/CredentialsExport.h"

#include "gui/Seams.h"
#include "gui/SecretFileDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
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

// Which server a credentials file belongs to: the file names only a random key ID, so the
// program remembers the key IDs of the files it saved (an ID and a name, not a secret).
const QString kSavedFiles = QStringLiteral("credentials/savedFiles");

QString keyIdOf(const QJsonObject &credentials)
{
    return credentials.value(QStringLiteral("uniqueKey"))
        .toObject()
        .value(QStringLiteral("kid"))
        .toString();
}

void rememberOwner(const QJsonObject &credentials, const ServerRef &server)
{
    const QString kid = keyIdOf(credentials);
    if (!kid.isEmpty())
        QSettings().setValue(kSavedFiles + u'/' + kid, QStringList{server.id, server.name});
}

// What replacing the file at path would lose, for the confirmation.
std::pair<QString, QString>
describeExisting(const QString &path,
                 const std::function<std::optional<QString>(const QString &)> &serverNow)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024)
        return {};
    const QJsonObject existing = QJsonDocument::fromJson(file.readAll()).object();
    const QString kid = keyIdOf(existing);
    if (kid.isEmpty() || !existing.contains(QStringLiteral("encCredentials")))
        return {}; // not a credentials file: the generic question
    const QString where = QDir::toNativeSeparators(path);
    const QStringList owner = QSettings().value(kSavedFiles + u'/' + kid).toStringList();
    if (owner.size() != 2)
        return {
            Text::tr("%1 holds the credentials of another Connect server. Replace it?").arg(where),
            Text::tr("If it is the only copy, that server can't be set up any more: the "
                     "service shows a credentials file only once.")};
    const std::optional<QString> now = serverNow ? serverNow(owner.at(0)) : owner.at(1);
    if (!now)
        return {Text::tr("%1 holds the credentials of \"%2\", which has been deleted. Replace it?")
                    .arg(where, owner.at(1)),
                Text::tr("The file is of no use any more.")};
    return {Text::tr("%1 holds the credentials of \"%2\". Replace it?").arg(where, *now),
            Text::tr("If this is the only copy of \"%1\"'s credentials, that server can't be set "
                     "up any more: the service shows a credentials file only once.")
                .arg(*now)};
}

} // namespace

QString lastCredentialsFolder()
{
    QString folder = QSettings().value(QStringLiteral("credentials/lastFolder")).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

QString credentialsFileName(const ServerRef &server)
{
    const QString part = fileNamePart(server.name);
    return QStringLiteral("1password-credentials-%1.json")
        .arg(part.isEmpty() ? server.id.toLower() : part);
}

ExportResult
saveCredentials(QWidget *parent, const ServerRef &server, const QJsonObject &credentials,
                const std::function<std::optional<QString>(const QString &)> &serverNow)
{
    SecretFileRequest request;
    request.title = Text::tr("Save the credentials file of \"%1\"").arg(server.name);
    request.filter = Text::tr("Credentials file (*.json)");
    request.content = QJsonDocument(credentials).toJson(QJsonDocument::Indented);
    request.describeExisting = [serverNow](const QString &path) {
        return describeExisting(path, serverNow);
    };
    for (;;) {
        request.suggestedPath = QDir(lastCredentialsFolder()).filePath(credentialsFileName(server));
        const QString path = saveSecretFile(parent, request);
        if (!path.isEmpty()) {
            rememberOwner(credentials, server);
            QSettings().setValue(QStringLiteral("credentials/lastFolder"),
                                 QFileInfo(path).absolutePath());
            return {true, path};
        }
        const auto answer = seams::ask(
            parent, QMessageBox::Warning, Text::tr("Credentials not saved"),
            Text::tr("The credentials file of \"%1\" has not been saved.").arg(server.name),
            QMessageBox::Save | QMessageBox::Discard, QMessageBox::Save,
            Text::tr("It can't be retrieved later: the service shows it only now. Without it the "
                     "Connect server can't start, and you would have to delete the server and "
                     "create a new one."));
        if (answer != QMessageBox::Save)
            return {};
    }
}

} // namespace ca

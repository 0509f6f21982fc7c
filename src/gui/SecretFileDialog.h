// Saving a secret (a credentials file, a token) where the user chooses: the save dialog,
// a confirmation before replacing a file (saying what the file holds, when known), an atomic
// write with mode 0600, and another try when writing fails.
#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

class QWidget;

namespace ca {

struct SecretFileRequest
{
    QString title;         // of the save dialog
    QString suggestedPath; // folder and proposed file name
    QString filter;        // e.g. "Credentials file (*.json)"
    QByteArray content;
    // What replacing an existing file would lose, as {question, explanation}; empty
    // question: the generic "already exists" one.
    std::function<std::pair<QString, QString>(const QString &path)> describeExisting;
};

// The path written, or an empty string when the user cancelled the save dialog.
QString saveSecretFile(QWidget *parent, const SecretFileRequest &request);

// A file name made from what people call the thing: "Prod cluster" -> "prod-cluster".
QString fileNamePart(const QString &name);

} // namespace ca

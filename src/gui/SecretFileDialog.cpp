#include "gui/SecretFileDialog.h"

#include "core/SecretFile.h"
#include "gui/Seams.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ca {

namespace {
// Translatable strings of this file, in the context "ca::SecretFileDialog".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::SecretFileDialog)
};
} // namespace

QString fileNamePart(const QString &name)
{
    QString part;
    bool gap = false;
    for (const QChar c : name.trimmed().toLower()) {
        if (c.isLetterOrNumber()) {
            if (gap && !part.isEmpty())
                part += u'-';
            part += c;
            gap = false;
        } else {
            gap = true; // spaces, slashes and anything a shell or a file system may mind
        }
    }
    return part;
}

QString saveSecretFile(QWidget *parent, const SecretFileRequest &request)
{
    for (;;) {
        QString path =
            seams::getSaveFileName(parent, request.title, request.suggestedPath, request.filter);
        if (path.isEmpty())
            return {};
        if (QFileInfo::exists(path)) {
            auto [question, explanation] = request.describeExisting ? request.describeExisting(path)
                                                                    : std::pair<QString, QString>();
            if (question.isEmpty()) {
                question =
                    Text::tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path));
                explanation = Text::tr("The existing file will be replaced.");
            }
            if (seams::ask(parent, QMessageBox::Warning, Text::tr("Replace file?"), question,
                           QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                           explanation) != QMessageBox::Yes)
                continue;
        }
        const QString error = writeSecretFile(path, request.content);
        if (error.isEmpty())
            return path;
        seams::ask(parent, QMessageBox::Critical, Text::tr("Could not save"), error,
                   QMessageBox::Ok, QMessageBox::Ok, Text::tr("Choose another place."));
    }
}

} // namespace ca

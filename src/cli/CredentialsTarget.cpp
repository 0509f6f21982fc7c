// CredentialsTarget: settling where a credentials file is written, before it exists.
#include "cli/CredentialsTarget.h"

#include "cli/Cli.h"
#include "cli/Terminal.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace {
const QString kCredentialsFile = u"1password-credentials.json"_s;

QString capitalized(const QString &s)
{
    return s.isEmpty() ? s : s.at(0).toUpper() + s.mid(1);
}
} // namespace

std::optional<QString> credentialsTarget(Cli &cli, const Invocation &inv,
                                         const QString &nothingDone)
{
    const QString path = QDir::current().absoluteFilePath(kCredentialsFile);
    const QFileInfo target(path);
    if (target.isDir()) {
        cli.fail(u"%1 is a folder, so the credentials file can't be written there; %2."_s.arg(
            path, nothingDone));
        return std::nullopt;
    }
    if (!QFileInfo(QDir::currentPath()).isWritable()) {
        cli.fail(u"Can't write in %1, where the credentials file goes; %2."_s.arg(
            QDir::currentPath(), nothingDone));
        return std::nullopt;
    }
    if (target.exists() && !inv.isOn(u"force"_s)) {
        if (!terminal::stdinIsTerminal() || !terminal::stderrIsTerminal()) {
            cli.fail(u"%1 exists already; pass --force to overwrite it. %2."_s.arg(
                path, capitalized(nothingDone)));
            return std::nullopt;
        }
        const auto answer = terminal::ask(u"%1 exists already. Overwrite it? [y/N] "_s.arg(path));
        const QString a = answer.value_or(QString()).trimmed().toLower();
        if (a != u"y" && a != u"yes") {
            cli.fail(u"Kept %1; %2."_s.arg(path, nothingDone));
            return std::nullopt;
        }
    }
    return path;
}

} // namespace ca::cli

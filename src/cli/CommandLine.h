// The command tree of connect-admin-cli, its flags and help texts, and an op/cobra-style parser:
// flags anywhere on the line, "--flag value" or "--flag=value", repeatable list flags, "--".
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ca::cli {

class Cli;
struct Invocation;

// Exit status of the program, documented in every --help.
enum Exit : int {
    ExitOk = 0,
    ExitFailure = 1, // the service, the network, the keychain or a file said no
    ExitUsage = 2,   // the command line itself is wrong; nothing was sent
};

struct Flag
{
    QString name;      // long name without dashes
    QChar shortName;   // or null
    QString valueType; // shown in help ("string", "duration"...); empty for a boolean flag
    QString help;
    bool repeatable = false; // every occurrence is kept (op's stringArray / strings)
    bool takesValue() const { return !valueType.isEmpty(); }
};

using Handler = void (*)(Cli &cli, const Invocation &invocation);

struct Command
{
    QString path;        // "connect server create"; empty for the program itself
    QString summary;     // one line, in the parent's list of subcommands
    QString description; // the first paragraph of --help
    QString arguments;   // what follows the command name in "Usage:", e.g. "<name> [flags]"
    QList<Flag> flags;
    int minArgs = 0;
    int maxArgs = 0;
    QString notes;            // paragraphs after the flags
    Handler run = nullptr;    // null for a command that only groups subcommands
    bool needsSession = true; // runs with a session from the keychain or CONNECT_ADMIN_SESSION

    QString name() const { return path.section(u' ', -1); }
    const Flag *flag(QStringView longName) const;
};

struct Invocation
{
    const Command *command = nullptr;   // the deepest command named on the line
    QStringList args;                   // positional arguments of that command
    QHash<QString, QStringList> values; // flag name -> its values in order ("true" for switches)
    bool help = false;
    bool version = false;
    QString error; // a usage error, one sentence; empty when the line is well-formed

    bool isSet(const QString &flag) const { return values.contains(flag); }
    QString value(const QString &flag) const
    {
        const QStringList v = values.value(flag);
        return v.isEmpty() ? QString() : v.last(); // a repeated single-value flag: last wins
    }
    QStringList all(const QString &flag) const { return values.value(flag); }
    bool isOn(const QString &flag) const { return value(flag) == u"true"; }
};

// The program's name as shown in messages and help.
QString programName();

// Every command, the program itself first; parents before their subcommands.
const QList<Command> &commands();
const Command *findCommand(const QString &path);
QList<const Command *> subcommandsOf(const Command &command);

// Flags every command accepts (--format, --url, --account, --help, --version).
const QList<Flag> &globalFlags();

// arguments: the command line without the program name.
Invocation parseCommandLine(const QStringList &arguments);

QString helpText(const Command &command);

} // namespace ca::cli

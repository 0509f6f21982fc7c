// Fuzz target: connect-admin-cli's command line (cli/CommandLine). The input is split into
// arguments at NUL bytes (as the kernel hands them to main). Whatever the line, the parser
// names a command or a usage error; a line it accepts names a runnable command with an
// argument count the command allows and only flags that command or every command takes;
// and every command's help can be written.
#include "FuzzSupport.h"
#include "cli/CommandLine.h"

#include <QSet>

using namespace ca;
using namespace ca::cli;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

namespace {

bool isKnownFlag(const QString &name, const Command &command)
{
    const QList<Flag> &global = globalFlags();
    return command.flag(name) || std::any_of(global.cbegin(), global.cend(),
                                             [&](const Flag &f) { return f.name == name; });
}

void checkAccepted(const Invocation &inv, const QByteArray &input)
{
    const Command &command = *inv.command;
    if (inv.help || inv.version)
        return; // --help and --version answer before anything else is looked at
    fuzz::check(command.run != nullptr, "an accepted line names a command that does nothing",
                input);
    fuzz::check(inv.args.size() >= command.minArgs && inv.args.size() <= command.maxArgs,
                "an accepted line has an argument count its command refuses", input);
    for (auto it = inv.values.cbegin(); it != inv.values.cend(); ++it) {
        fuzz::check(isKnownFlag(it.key(), command), "an accepted line holds an unknown flag",
                    [&]() -> QByteArray { return input + "\nflag: " + it.key().toUtf8(); });
        fuzz::check(!it.value().isEmpty(), "a flag was seen without a value", input);
    }
    if (inv.isSet(u"format"_s))
        fuzz::check(inv.value(u"format"_s) == u"json" || inv.value(u"format"_s) == u"human",
                    "an accepted --format is neither json nor human", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    QStringList arguments;
    if (!input.isEmpty()) {
        for (const QByteArray &a : input.split('\0'))
            arguments.append(QString::fromUtf8(a));
    }
    const Invocation inv = parseCommandLine(arguments);
    fuzz::check(inv.command != nullptr, "the parser named no command", input);
    fuzz::check(inv.command == findCommand(inv.command->path),
                "the parser named a command that is not in the tree", input);
    if (inv.error.isEmpty())
        checkAccepted(inv, input);
    // What Cli::run prints for --help must be writable; the same for every line naming that
    // command, so it is written once per command.
    static QSet<const Command *> helped;
    if (!helped.contains(inv.command)) {
        fuzz::check(!helpText(*inv.command).isEmpty(), "a command without help", input);
        helped.insert(inv.command);
    }
    return 0;
}

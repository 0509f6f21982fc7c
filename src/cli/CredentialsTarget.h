// Where a new credentials file goes (server create, server renew-credentials): the file
// 1password-credentials.json in the current folder, settled before anything changes on the
// service, so that a refusal changes nothing and a file shown once is not lost to one in
// the way.
#pragma once

#include <QString>
#include <optional>

namespace ca::cli {

class Cli;
struct Invocation;

// The path to write, or nullopt after a failure was reported: a folder in the way, a folder
// that can't be written, or a file there already without -f/--force or a yes on the terminal.
// nothingDone ends those sentences, e.g. "no server was created".
std::optional<QString> credentialsTarget(Cli &cli, const Invocation &inv,
                                         const QString &nothingDone);

} // namespace ca::cli

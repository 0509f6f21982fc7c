// Talking to the person at the terminal: is there one, asking a question, reading a password
// without echo, and reading what a pipe gives on standard input. These block; a command
// calls them before it sends anything.
#pragma once

#include <QString>
#include <optional>

namespace ca::cli::terminal {

bool stdinIsTerminal();
bool stderrIsTerminal();

// One line from standard input without its line break; nullopt at end of input.
std::optional<QString> readLine();
// Everything on standard input.
QString readAll();

// Shows the prompt on standard error and reads a line from the terminal.
std::optional<QString> ask(const QString &prompt);
// The same with echo turned off, for passwords.
std::optional<QString> askHidden(const QString &prompt);

} // namespace ca::cli::terminal

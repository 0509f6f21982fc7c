#include "cli/Terminal.h"

#include <QByteArray>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <termios.h>
#include <unistd.h>

namespace ca::cli::terminal {

bool stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

std::optional<QString> readLine()
{
    char *buffer = nullptr;
    size_t capacity = 0;
    const ssize_t n = ::getline(&buffer, &capacity, stdin);
    if (n < 0) {
        std::free(buffer);
        return std::nullopt;
    }
    QByteArray bytes(buffer, n);
    // The buffer may have held a password: clear it before giving it back.
    ::explicit_bzero(buffer, capacity);
    std::free(buffer);
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

QString readAll()
{
    QByteArray bytes;
    char chunk[4096];
    size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0)
        bytes.append(chunk, qsizetype(n));
    return QString::fromUtf8(bytes);
}

std::optional<QString> ask(const QString &prompt)
{
    std::fputs(prompt.toUtf8().constData(), stderr);
    std::fflush(stderr);
    return readLine();
}

namespace {

termios g_saved{};

// Ctrl-C at the password prompt must not leave the terminal without echo.
void restoreAndRaise(int signal)
{
    ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved); // async-signal-safe
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

} // namespace

std::optional<QString> askHidden(const QString &prompt)
{
    const bool canHide = ::tcgetattr(STDIN_FILENO, &g_saved) == 0;
    if (canHide) {
        for (int s : kSignals)
            std::signal(s, restoreAndRaise);
        termios quiet = g_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL; // the Enter key still ends the line visibly
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::fputs(prompt.toUtf8().constData(), stderr);
    std::fflush(stderr);
    std::optional<QString> answer = readLine();
    if (canHide) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
        for (int s : kSignals)
            std::signal(s, SIG_DFL);
    }
    return answer;
}

} // namespace ca::cli::terminal

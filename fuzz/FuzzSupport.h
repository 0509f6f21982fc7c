// What every fuzz target shares: a quiet Qt (logging off, so that millions of inputs don't
// print millions of lines), an application object for targets that need an event loop, and
// check(), which turns a broken invariant into a crash libFuzzer reports and saves.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QString>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace ca::fuzz {

// Logging off except critical messages; call once from LLVMFuzzerInitialize.
inline void quietQt()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n"
                                                    "*.warning=false"));
}

// A QCoreApplication for targets that run the event loop (sockets, timers). It lives until
// the process ends (never destroyed: libFuzzer leaves through exit()).
inline QCoreApplication &application()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    qputenv("QT_NO_GLIB", "1"); // Qt's own event dispatcher: less work per event loop round
    static auto *app = new QCoreApplication(argc, argv);
    return *app;
}

// An invariant broken: say which and abort (libFuzzer saves the input as crash-*).
[[noreturn]] inline void fail(const char *what, const QByteArray &detail = {})
{
    std::fprintf(stderr, "\n== INVARIANT BROKEN: %s\n", what);
    if (!detail.isEmpty()) { // NUL bytes included
        std::fwrite(detail.constData(), 1, size_t(std::min<qsizetype>(detail.size(), 8000)),
                    stderr);
        std::fputc('\n', stderr);
    }
    std::fflush(stderr);
    std::abort();
}

inline void check(bool holds, const char *what, const QByteArray &detail = {})
{
    if (!holds)
        fail(what, detail);
}

// The same, with the detail written only when the invariant is broken (detail() returns it).
template <typename Detail, typename = decltype(std::declval<Detail>()())>
inline void check(bool holds, const char *what, Detail &&detail)
{
    if (!holds)
        fail(what, detail());
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace ca::fuzz

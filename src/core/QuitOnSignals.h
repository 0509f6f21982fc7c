// SIGINT and SIGTERM end the event loop like a normal quit (through a socket pair, the one
// thing a signal handler may safely do), so destructors run: a service closes its database,
// the desktop program stops the sandbox it started.
#pragma once

class QCoreApplication;

namespace ca {

// Once per process, before exec(). Returns false when the signals could not be set up.
bool quitOnSignals(QCoreApplication &app);

} // namespace ca

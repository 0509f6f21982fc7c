// Listening TCP sockets for the service's workers: several sockets on one port with
// SO_REUSEPORT, so that the kernel spreads new connections over the workers' event loops.
#pragma once

#include <QHostAddress>
#include <QString>

namespace ca {

class ListenSocket
{
public:
    // Connections the kernel completes before they are accepted. Qt's default is 50: a burst
    // of more connections overflows the queue, the kernel drops their handshakes, and their
    // requests arrive seconds later (retransmitted) — after a short idle timeout, not at all.
    // The kernel caps this at net.core.somaxconn (4096 on Debian 12); nginx asks for 511.
    static constexpr int kBacklog = 4096;

    // Opens count listening sockets on address:port (port 0: a free port, the same for all),
    // each with SO_REUSEPORT; returns their descriptors (non-blocking, close-on-exec), or
    // none with *error set. The caller owns them (a QTcpServer takes one over).
    static QList<int> open(const QHostAddress &address, quint16 port, int count, QString *error);
    // The port a listening descriptor is bound to.
    static quint16 port(int descriptor);
    static void close(const QList<int> &descriptors);
};

} // namespace ca

// One keep-alive HTTP/1.1 connection over a plain TCP socket, for the load benchmark: one
// request at a time (the service refuses pipelining), no connection pool and no queue in
// between, so a measured latency is the service's answer time plus loopback.
#pragma once

#include <QObject>
#include <QTcpSocket>
#include <QTimer>
#include <functional>

namespace ca::bench {

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    struct Response
    {
        int status = 0; // 0: no HTTP answer (see error)
        QByteArray body;
        QString error;
    };
    using Done = std::function<void(const Response &)>;

    HttpConnection(QString host, quint16 port, QObject *parent = nullptr);

    void setBearer(const QByteArray &token) { m_bearer = token; }
    // Sends a request (JSON body when not empty); done runs once with its answer. Reconnects
    // when the previous answer closed the connection.
    void send(const QByteArray &method, const QByteArray &target, const QByteArray &body,
              Done done);
    // The same, waiting in a local event loop: for the benchmark's setup, not its load.
    Response sendAndWait(const QByteArray &method, const QByteArray &target,
                         const QByteArray &body = {});

private:
    void writeRequest();
    void onReadyRead();
    void onClosed();
    // Parses m_buffer; true once the whole answer is there (or it is malformed).
    bool parseAnswer();
    bool parseHead();
    bool parseChunked();
    void finish(const Response &response);

    QString m_host;
    quint16 m_port;
    QByteArray m_bearer;
    QTcpSocket m_socket;
    QTimer m_timeout;

    QByteArray m_request; // the request being answered (written once connected)
    Done m_done;
    QByteArray m_buffer;
    // The answer being parsed.
    int m_status = 0;
    qsizetype m_bodyStart = -1; // -1 until the head is complete
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_close = false;
    QByteArray m_body;
};

} // namespace ca::bench

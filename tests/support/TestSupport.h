// Shared by the tests: throwaway databases (SQLite file or a fresh PostgreSQL database on
// the cluster the test fixture started), a real service on loopback, and a blocking HTTP
// helper for test code (tests may wait; the product never does).
#pragma once

#include "core/ApiError.h"
#include "service/ServiceHost.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

namespace ca::test {

// "sqlite" (default) or "postgres", from CONNECTADMIN_TEST_BACKEND.
QString backend();

// A database URL nobody else uses. For PostgreSQL the cluster URL comes from
// CONNECTADMIN_TEST_PG_URL; a missing or unreachable cluster fails the test (no skipping).
QString freshDatabase(const QTemporaryDir &dir);

// Faster password hashing for tests that create many users; still real argon2id.
crypto::PasswordHashParams testHashParams();

// Workers of every test service: more than one, and more than the cores of a small machine,
// so that every test also checks that what one worker did holds on the others.
constexpr int kTestWorkers = 3;

// A running service with the sandbox's demo account, listening on 127.0.0.1 (free port).
struct RunningService
{
    QTemporaryDir dir;
    std::unique_ptr<ServiceHost> host;
    QString url;
    QString ownerPassword;
    QJsonObject users; // email -> password of every demo user
    QString passwordOf(const QString &email) const { return users.value(email).toString(); }
    // A connection of the test's own to the service's database, to check what it stored.
    std::unique_ptr<Store> openDatabase() const;
};
std::unique_ptr<RunningService> startService(const HttpLimits &limits = {},
                                             std::function<QDateTime()> clock = {});

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString networkError;
    QString code() const { return json.value(QLatin1String("code")).toString(); }
    QString message() const { return json.value(QLatin1String("message")).toString(); }
};

class Http
{
public:
    explicit Http(QString baseUrl)
        : m_base(std::move(baseUrl))
    {}
    void setToken(const QString &token) { m_token = token; }
    // Trust these CA certificates (a service with a test certificate).
    void setTls(const QSslConfiguration &tls) { m_tls = tls; }
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QByteArray &contentType = "application/json",
               const QByteArray &ifNoneMatch = {});
    Reply get(const QString &path) { return send("GET", path); }
    // A conditional GET: 304 when the answer still has this ETag.
    Reply get(const QString &path, const QByteArray &ifNoneMatch)
    {
        return send("GET", path, {}, {}, ifNoneMatch);
    }
    Reply del(const QString &path) { return send("DELETE", path); }
    Reply post(const QString &path, const QJsonObject &o)
    {
        return send("POST", path, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    Reply patch(const QString &path, const QJsonObject &o)
    {
        return send("PATCH", path, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    Reply put(const QString &path) { return send("PUT", path); }
    // Signs in and keeps the session token for later calls; returns the token.
    QString signIn(const QString &email, const QString &password);

private:
    QNetworkAccessManager m_nam;
    QString m_base;
    QString m_token;
    std::optional<QSslConfiguration> m_tls;
};

// Waits for one callback; tests may block, the product never does.
template <typename T>
struct Waiter
{
    std::optional<T> result;
    std::function<void(const T &)> callback()
    {
        return [this](const T &r) { result = r; };
    }
    const T &wait()
    {
        if (!QTest::qWaitFor([this] { return result.has_value(); }, 20000))
            qFatal("no answer within 20 s");
        return *result;
    }
};

// The value of a result the test expects to succeed; a failure ends the test program.
template <typename T>
T ok(const Result<T> &r)
{
    if (!r.ok())
        qFatal("unexpected error: %s", qPrintable(r.error().message));
    return *r;
}

// Raw bytes over a TCP socket, for what QNetworkAccessManager won't send. Returns what the
// server answered before closing (or before timeoutMs).
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000);

QString percent(const QString &segment);

// The claims of a JWT (its middle part, decoded; the signature is not checked here).
QJsonObject jwtClaims(const QString &jwt);

// A self-signed P-256 certificate for 127.0.0.1 made with the openssl command, and its key,
// as PEM files in dir; the certificate is also its own CA. Empty paths if openssl failed.
struct TestCertificate
{
    QString certificate;
    QString key;
    QString commonName;
};
TestCertificate makeTestCertificate(const QTemporaryDir &dir);

} // namespace ca::test

// Where a session token is kept between runs: the system keychain through QtKeychain, or,
// when no keychain is available, memory only (and the store says so, for the UI to tell).
// Entries are keyed by service URL + user; the service name is fixed. Jobs are
// asynchronous; nothing here spins an event loop.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

namespace ca {

class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Status { Ok, NotFound, Unavailable, Failed };
    Q_ENUM(Status)

    struct Outcome
    {
        Status status = Status::Ok;
        QString secret; // for reads
        QString error;  // a sentence, for Unavailable and Failed
    };
    using Handler = std::function<void(const Outcome &)>;

    using QObject::QObject;
    ~CredentialStore() override = default;

    virtual void read(const QString &key, QObject *context, Handler done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context,
                       Handler done) = 0;
    virtual void remove(const QString &key, QObject *context, Handler done) = 0;
    // False when what is written is lost at exit.
    virtual bool isPersistent() const = 0;

    static QString serviceName() { return QStringLiteral("connect-admin"); }
    static QString keyFor(const QUrl &serviceUrl, const QString &email);
};

class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;
    void read(const QString &key, QObject *context, Handler done) override;
    void write(const QString &key, const QString &secret, QObject *context, Handler done) override;
    void remove(const QString &key, QObject *context, Handler done) override;
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QString> m_secrets;
};

class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;
    void read(const QString &key, QObject *context, Handler done) override;
    void write(const QString &key, const QString &secret, QObject *context, Handler done) override;
    void remove(const QString &key, QObject *context, Handler done) override;
    bool isPersistent() const override { return true; }
};

// The keychain while it works; memory from the first time it turns out unavailable, with
// fellBack() emitted once so the program can say "this session will not be remembered".
class FallbackCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    explicit FallbackCredentialStore(QObject *parent = nullptr);
    void read(const QString &key, QObject *context, Handler done) override;
    void write(const QString &key, const QString &secret, QObject *context, Handler done) override;
    void remove(const QString &key, QObject *context, Handler done) override;
    bool isPersistent() const override { return !m_fellBack; }
    QString fallbackReason() const { return m_reason; }

signals:
    void fellBack(const QString &reason);

private:
    Handler watch(Handler done, std::function<void(Handler)> retryInMemory);
    KeychainCredentialStore m_keychain;
    MemoryCredentialStore m_memory;
    bool m_fellBack = false;
    QString m_reason;
};

} // namespace ca

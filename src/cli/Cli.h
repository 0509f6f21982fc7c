// connect-admin-cli as an object: parses the command line, finds the account and its session,
// runs one command asynchronously on the event loop and reports the exit status once.
#pragma once

#include "cli/CommandLine.h"
#include "cli/Output.h"
#include "client/ApiClient.h"
#include "client/CredentialStore.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

namespace ca::cli {

class Cli : public QObject
{
    Q_OBJECT
public:
    explicit Cli(QObject *parent = nullptr);
    ~Cli() override;

    // arguments: the command line without the program name. finished() follows, once.
    void run(const QStringList &arguments);

    // ---- for the commands
    ApiClient &api() { return *m_api; }
    Format format() const { return m_format; }
    bool json() const { return m_format == Format::Json; }
    const Invocation &invocation() const { return m_invocation; }

    // The service: --url, else CONNECT_ADMIN_URL, else the last account signed in to. None at
    // all, or one that is not an http(s) URL, has been reported when nullopt comes back.
    std::optional<QUrl> serviceUrl();
    bool knowsServiceUrl() const;
    // The account: --email (signin) or --account, else CONNECT_ADMIN_ACCOUNT, else the email
    // last used with this service; empty when unknown.
    QString accountEmail(const QUrl &url) const;

    // Runs next() once the client has a session: CONNECT_ADMIN_SESSION, or the one signin
    // kept in the keychain for the account. Otherwise fails with "Not signed in ...".
    void connected(std::function<void()> next);
    // The same for a command that also works without a session (check-credentials): next
    // learns whether the client has one; only a malformed URL is an error.
    void optionallyConnected(std::function<void(bool signedIn)> next);
    QNetworkAccessManager &network() { return m_nam; }

    // A server or token named by the argument, by "-" or, when the argument may be left out
    // and standard input is not a terminal, by standard input: a line of text or a JSON
    // object with an "id". nullopt after a usage error has been reported.
    std::optional<QString> reference(const QString &what);

    // A flag every run of the command needs; nullopt after a usage error has been reported.
    std::optional<QString> requiredFlag(const QString &flag, const QString &what);

    // Every page of a list, then done(all); a failure ends the command.
    template <typename T>
    void fetchAll(const std::function<void(PageHandler<T>)> &start,
                  std::function<void(const QList<T> &)> done)
    {
        auto items = std::make_shared<QList<T>>();
        start(PageHandler<T>{[items, done = std::move(done)](const QList<T> &page, bool last) {
                                 *items += page;
                                 if (last)
                                     done(*items);
                             },
                             [this](const ApiError &e) { fail(e); }});
    }

    // Ends the command without an error message; exitCode other than 0 says something to a
    // script that is not a failure (plan: 2 when there are changes).
    void succeed(int exitCode = 0);
    void fail(const QString &message, int code = ExitFailure);
    // The service's sentence; a refused keychain session is forgotten and reported as
    // "Not signed in".
    void fail(const ApiError &error);
    bool isDone() const { return m_done; }

    QString notSignedIn(const QUrl &url, const QString &email, const QString &why = {}) const;
    static QString urlText(const QUrl &url);

signals:
    void finished(int exitCode);

private:
    // The service at url, and the session CONNECT_ADMIN_SESSION names: true when there is one.
    bool sessionFromEnvironment(const QUrl &url);
    // The session the keychain answered with: true when it had one.
    bool sessionFromKeychain(const CredentialStore::Outcome &outcome);
    enum class SessionSource { None, Environment, Keychain };

    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<KeychainCredentialStore> m_keychain;
    Invocation m_invocation;
    Format m_format = Format::Human;
    SessionSource m_source = SessionSource::None;
    QUrl m_url;
    QString m_email;
    bool m_done = false;
};

} // namespace ca::cli

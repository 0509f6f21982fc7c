// Signing in and staying signed in: the session token goes to the CredentialStore under
// (service URL, email) and is tried again on the next start; signing out removes it.
// Shared by the desktop program and the CLI.
#pragma once

#include "client/ApiClient.h"
#include "client/CredentialStore.h"

#include <QObject>
#include <QUrl>

namespace ca {

class Session : public QObject
{
    Q_OBJECT
public:
    Session(ApiClient *client, CredentialStore *store, QObject *parent = nullptr);

    // Uses the token kept for url+email, if any and still valid: signedIn() or signInNeeded().
    void restore(const QUrl &url, const QString &email);
    // Signs in with a password and keeps the new token: signedIn() or signInFailed().
    void signIn(const QUrl &url, const QString &email, const QString &password);
    // Ends the session on the service and forgets the token: signedOut().
    void signOut();

    bool isSignedIn() const { return m_signedIn; }
    const SessionInfo &info() const { return m_info; }
    QUrl url() const { return m_url; }
    QString email() const { return m_email; }
    ApiClient *client() const { return m_client; }
    CredentialStore *store() const { return m_store; }

signals:
    void signedIn(const ca::SessionInfo &info);
    void signInNeeded(const QString &reason);
    void signInFailed(const ca::ApiError &error);
    void signedOut();
    // The service refused the session (expired or signed out elsewhere).
    void expired(const ca::ApiError &error);
    // The token could not be kept in the keychain: this session will not be remembered.
    void notRemembered(const QString &reason);
    // After signedIn(): the keychain write is over (remembered or not). A program that
    // exits after signing in waits for this, not for signedIn().
    void tokenKept(bool remembered, const QString &reason);

private:
    void setSignedIn(const SessionInfo &info);

    ApiClient *m_client;
    CredentialStore *m_store;
    QUrl m_url;
    QString m_email;
    SessionInfo m_info;
    bool m_signedIn = false;
};

} // namespace ca

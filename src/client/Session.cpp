#include "client/Session.h"

#include "core/Logging.h"

#include <QCoreApplication>

namespace ca {

Session::Session(ApiClient *client, CredentialStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    connect(m_client, &ApiClient::sessionExpired, this, [this](const ApiError &e) {
        if (!m_signedIn)
            return;
        m_signedIn = false;
        m_client->setSessionToken({});
        // The kept token is worthless now; forget it so the next start asks at once.
        m_store->remove(CredentialStore::keyFor(m_url, m_email), this,
                        [](const CredentialStore::Outcome &) {});
        emit expired(e);
    });
}

void Session::restore(const QUrl &url, const QString &email)
{
    m_url = url;
    m_email = email;
    m_client->setBaseUrl(url);
    m_store->read(CredentialStore::keyFor(url, email), this,
                  [this](const CredentialStore::Outcome &o) {
                      if (o.status == CredentialStore::Status::Unavailable)
                          emit notRemembered(o.error);
                      if (o.status != CredentialStore::Status::Ok || o.secret.isEmpty()) {
                          emit signInNeeded(tr("Sign in to %1.").arg(m_url.toDisplayString()));
                          return;
                      }
                      m_client->setSessionToken(o.secret);
                      m_client->currentSession(this, [this](const Result<SessionInfo> &r) {
                          if (!r.ok()) {
                              m_client->setSessionToken({});
                              if (r.error().status == 401)
                                  m_store->remove(CredentialStore::keyFor(m_url, m_email), this,
                                                  [](const CredentialStore::Outcome &) {});
                              emit signInNeeded(r.error().status == 401
                                                    ? tr("Your session has ended; sign in again.")
                                                    : r.error().message);
                              return;
                          }
                          setSignedIn(*r);
                      });
                  });
}

void Session::signIn(const QUrl &url, const QString &email, const QString &password)
{
    m_url = url;
    m_email = email.trimmed();
    m_client->setBaseUrl(url);
    m_client->signIn(m_email, password, this, [this](const Result<SessionInfo> &r) {
        if (!r.ok()) {
            emit signInFailed(r.error());
            return;
        }
        SessionInfo info = *r;
        const QString token = info.token;
        info.token.clear(); // the client holds it; nothing else needs to
        setSignedIn(info);
        m_store->write(CredentialStore::keyFor(m_url, m_email), token, this,
                       [this](const CredentialStore::Outcome &o) {
                           const bool remembered =
                               o.status == CredentialStore::Status::Ok && m_store->isPersistent();
                           QString reason;
                           if (!remembered) {
                               reason = o.error.isEmpty()
                                            ? tr("The system keychain is not available.")
                                            : o.error;
                               emit notRemembered(reason);
                           }
                           emit tokenKept(remembered, reason);
                       });
    });
}

void Session::signOut()
{
    const QString key = CredentialStore::keyFor(m_url, m_email);
    auto finish = [this, key] {
        m_signedIn = false;
        m_client->setSessionToken({});
        m_store->remove(key, this, [this](const CredentialStore::Outcome &) { emit signedOut(); });
    };
    if (!m_signedIn)
        return finish();
    // End the session on the service too; forget it locally whatever the service says.
    m_client->signOut(this, [finish](const Result<Done> &) { finish(); });
}

void Session::setSignedIn(const SessionInfo &info)
{
    m_info = info;
    m_signedIn = true;
    qCInfo(lcClient) << "signed in to" << m_url.toDisplayString();
    emit signedIn(m_info);
}

} // namespace ca

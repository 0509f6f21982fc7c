// CredentialsCheck: the offline check of a credentials file and token, then the service's
// public keys, then the service's facts, one step after another.
#include "client/CredentialsCheck.h"

#include "core/Ids.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QPointer>

#include <memory>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// Translatable strings of this file, in the context "ca::CredentialsCheck".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ca::CredentialsCheck)
};

QString when(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

// One service, however its URL is spelled ("HTTP://Host:80/" is "http://host").
QString origin(const QUrl &url)
{
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments)
        .toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toLower();
}

// The steps of one check; kept alive by the callbacks that hold it.
struct Run : std::enable_shared_from_this<Run>
{
    QNetworkAccessManager *nam = nullptr;
    QPointer<ApiClient> session;
    QPointer<QObject> context;
    std::optional<QByteArray> jwt;
    std::function<void(const CredentialsReport &)> done;
    CredentialsReport report;
    QString onlineProblem;                 // the first thing the service's facts say is wrong
    std::unique_ptr<ApiClient> keysClient; // for the JWKS when the session is elsewhere

    bool sessionIsFilesService() const
    {
        return session && session->hasSession() &&
               origin(session->baseUrl()) == origin(QUrl(report.file.identity.serviceUrl));
    }

    // The verdict, in the order a person fixes things: the token itself, then the facts.
    void finish()
    {
        report.problem =
            report.token && !report.token->ok() ? report.token->problem : onlineProblem;
        done(report);
    }

    void online(const QString &problem)
    {
        if (onlineProblem.isEmpty())
            onlineProblem = problem;
    }

    // Step 1: the token's signature needs the service's public keys.
    void fetchKeys()
    {
        ApiClient *client = session;
        if (!sessionIsFilesService()) {
            keysClient = std::make_unique<ApiClient>(nam);
            keysClient->setBaseUrl(QUrl(report.file.identity.serviceUrl));
            if (session)
                keysClient->setTimeout(session->timeout());
            client = keysClient.get();
        }
        client->jwks(context, [self = shared_from_this()](const Result<QJsonObject> &r) {
            self->checkToken(r.ok() ? *r : QJsonObject());
            if (!r.ok() && self->report.token->matchesFile && !self->report.token->signatureValid)
                self->report.token->problem +=
                    u' ' + Text::tr("(Fetching them from %1 failed: %2)")
                               .arg(self->report.file.identity.serviceUrl, r.error().message);
            self->askService();
        });
    }

    void checkToken(const QJsonObject &jwks)
    {
        report.token =
            credentials::checkToken(*jwt, report.file, jwks, QDateTime::currentDateTimeUtc());
    }

    // Step 2: what only the service knows, when signed in to it.
    void askService()
    {
        if (!session || !session->hasSession()) {
            report.notAsked = Text::tr("Not signed in, so whether the server still exists and "
                                       "uses this file was not checked.");
            return finish();
        }
        if (!sessionIsFilesService()) {
            report.notAsked =
                Text::tr("Signed in to %1, not to this file's service %2, so the "
                         "server was not looked up.")
                    .arg(session->baseUrl().toDisplayString(), report.file.identity.serviceUrl);
            return finish();
        }
        report.askedService = true;
        const QString serverId = displayId(report.file.identity.serverId, IdKind::Server);
        session->server(serverId, context, [self = shared_from_this()](const Result<Server> &r) {
            self->onServer(r);
        });
    }

    void onServer(const Result<Server> &r)
    {
        const QString serverId = displayId(report.file.identity.serverId, IdKind::Server);
        if (!r.ok() && r.error().status == 404) {
            online(Text::tr("The Connect server %1 no longer exists: it was deleted, and this "
                            "file and its tokens are of no use.")
                       .arg(serverId));
            return finish();
        }
        if (!r.ok()) {
            report.askedService = false;
            report.notAsked = r.error().message;
            return finish();
        }
        report.server = *r;
        if (r->state != u"ACTIVE")
            online(Text::tr("The Connect server \"%1\" is %2, not active.").arg(r->name, r->state));
        else if (!r->credentialsFingerprint.isEmpty() &&
                 r->credentialsFingerprint != report.file.fingerprint)
            online(Text::tr("This is not the credentials file in force: the credentials of the "
                            "Connect server \"%1\" were renewed on %2.")
                       .arg(r->name, when(r->credentialsIssuedAt)));
        fetchVaultNames();
    }

    void fetchVaultNames()
    {
        auto names = std::make_shared<QHash<QString, QString>>();
        session->vaults(context,
                        {[self = shared_from_this(), names](const QList<Vault> &page, bool last) {
                             for (const Vault &v : page)
                                 names->insert(v.id, v.name);
                             if (!last)
                                 return;
                             self->report.vaultNames = *names;
                             self->fetchToken();
                         },
                         [self = shared_from_this()](const ApiError &) {
                             self->fetchToken(); // names are a nicety
                         }});
    }

    void fetchToken()
    {
        if (!report.token || report.token->tokenId.isEmpty() || !report.token->matchesFile)
            return finish();
        session->token(displayId(report.token->tokenId, IdKind::Token),
                       displayId(report.file.identity.serverId, IdKind::Server), context,
                       [self = shared_from_this()](const Result<Token> &r) { self->onToken(r); });
    }

    void onToken(const Result<Token> &r)
    {
        if (r.ok()) {
            report.tokenOnService = *r;
            if (r->state == TokenState::Revoked)
                online(Text::tr("The token \"%1\" was revoked on %2.")
                           .arg(r->name, when(r->revokedAt)));
        } else if (r.error().status == 404) {
            online(Text::tr("The service knows no token with the ID %1.")
                       .arg(displayId(report.token->tokenId, IdKind::Token)));
        }
        finish();
    }
};

} // namespace

void checkCredentials(QNetworkAccessManager *nam, ApiClient *session, const QByteArray &fileText,
                      const std::optional<QByteArray> &jwt, QObject *context,
                      std::function<void(const CredentialsReport &)> done)
{
    auto run = std::make_shared<Run>();
    run->nam = nam;
    run->session = session;
    run->context = context;
    run->jwt = jwt;
    run->done = std::move(done);
    run->report.file = credentials::open(fileText);
    if (!run->report.file.ok()) {
        run->report.problem = run->report.file.problem;
        if (jwt)
            run->checkToken({}); // what can be read of the token is still worth showing
        return run->done(run->report);
    }
    if (jwt)
        run->fetchKeys();
    else
        run->askService();
}

} // namespace ca

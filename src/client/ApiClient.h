// The account service's HTTP API as asynchronous calls returning typed core objects.
// One injected QNetworkAccessManager; bearer auth added in one place; a transfer timeout on
// every request; every failure is one ApiError carrying a sentence a user can act on.
// Callbacks run only while their context object lives: destroy the context to drop
// answers (and further pages) nobody waits for any more.
#pragma once

#include "core/Access.h"
#include "core/ApiError.h"
#include "core/Domain.h"
#include "core/Replies.h"
#include "core/Requests.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ca {

template <typename T>
using Callback = std::function<void(const Result<T> &)>;

// Lists arrive page by page: onPage(items, last) for each, or onError once.
template <typename T>
struct PageHandler
{
    std::function<void(const QList<T> &items, bool last)> onPage;
    std::function<void(const ApiError &error)> onError;
};

// The wire types of core, under the names the program has always used.
using NewServerReply = CreatedServer;
using NewTokenRequest = CreateTokenRequest;
using NewTokenReply = CreatedToken;

struct Done
{
};

// GET /v1/audit's filters; empty fields filter nothing. object is an ID, or kind:name
// (server:Prod, vault:Kubernetes, token:ci, group:Ops).
struct AuditListQuery
{
    QString actor;  // email address or user ID
    QString action; // "token.create", or "token" for every token.* action
    QString object;
    QDateTime since;
    QDateTime until;
    QString text;
    int limit = 100;
    QString cursor; // the nextCursor of the previous page
};

class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // Another session may see other answers: the kept copies go with the old one.
    void setSessionToken(const QString &token)
    {
        m_token = token;
        m_kept.clear();
    }
    QString sessionToken() const { return m_token; }
    bool hasSession() const { return !m_token.isEmpty(); }
    // GET answers that came back 304 and were served from the kept copy (F5 on unchanged
    // data moves no bytes): for diagnostics and tests.
    int notModifiedAnswers() const { return m_notModified; }
    // The X-Account-Revision of the last answer that carried one (0 before any): what a read
    // shows at least, or the revision a change made. Access plans compare two of them.
    qint64 lastAccountRevision() const { return m_lastRevision; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }
    void setPageSize(int items) { m_pageSize = items; }
    // Trust the CA certificates in this PEM file for a service with a private certificate.
    bool setCaFile(const QString &path, QString *error);

    // --- sessions
    void signIn(const QString &email, const QString &password, QObject *context,
                Callback<SessionInfo> done);
    void currentSession(QObject *context, Callback<SessionInfo> done);
    void signOut(QObject *context, Callback<Done> done);
    void health(QObject *context, Callback<QJsonObject> done);

    // --- directory
    void account(QObject *context, Callback<Account> done);
    void vaults(QObject *context, PageHandler<Vault> handler);
    void groups(QObject *context, PageHandler<Group> handler);
    void users(QObject *context, PageHandler<User> handler);
    // The groups a user (ID or e-mail address) belongs to.
    void userGroups(const QString &user, QObject *context, Callback<QList<Group>> done);

    // --- servers
    void servers(QObject *context, PageHandler<Server> handler);
    void server(const QString &ref, QObject *context, Callback<Server> done);
    void createServer(const QString &name, const QStringList &vaults, QObject *context,
                      Callback<NewServerReply> done);
    void renameServer(const QString &ref, const QString &name, QObject *context,
                      Callback<Server> done);
    void deleteServer(const QString &ref, QObject *context, Callback<Server> done);
    void grantVault(const QString &server, const QString &vault, QObject *context,
                    Callback<Server> done);
    void revokeVault(const QString &server, const QString &vault, QObject *context,
                     Callback<Server> done);
    void grants(QObject *context, Callback<GrantMatrix> done);
    void applyGrants(qint64 baseRevision, const QList<GrantChange> &changes, QObject *context,
                     Callback<GrantBatchResult> done);

    // --- tokens
    void tokens(const QString &server, QObject *context, PageHandler<Token> handler);
    void createToken(const NewTokenRequest &request, QObject *context,
                     Callback<NewTokenReply> done);
    void renameToken(const QString &ref, const QString &server, const QString &name,
                     QObject *context, Callback<Token> done);
    void revokeToken(const QString &ref, const QString &server, QObject *context,
                     Callback<Token> done);

    // --- rotation, scheduled revocation, credentials (issue 12)
    void token(const QString &ref, const QString &server, QObject *context, Callback<Token> done);
    // One token: the new token with its JWT (shown once) and the old one as it is now.
    void rotateToken(const QString &ref, const QString &server, const RotateTokenRequest &request,
                     QObject *context, Callback<RotatedToken> done);
    // Several tokens in one transaction, all or none; the answer in the request's order.
    void rotateTokens(const RotateTokensRequest &request, QObject *context,
                      Callback<QList<RotatedToken>> done);
    void scheduleRevocation(const QString &ref, const QString &server,
                            const ScheduleRevocationRequest &request, QObject *context,
                            Callback<Token> done);
    void cancelRevocation(const QString &ref, const QString &server, QObject *context,
                          Callback<Token> done);
    // A new secret and credentials file (returned once), optionally rotating the tokens.
    void renewCredentials(const QString &server, const RenewCredentialsRequest &request,
                          QObject *context, Callback<RenewedCredentials> done);
    // The public keys that sign tokens (no session needed).
    void jwks(QObject *context, Callback<QJsonObject> done);

    // --- group grants
    void groupGrants(QObject *context, Callback<QList<GroupGrant>> done);
    void grantGroup(const QString &group, const QString &server, bool allServers, QObject *context,
                    Callback<GroupGrant> done);
    void revokeGroup(const QString &group, const QString &server, bool allServers, QObject *context,
                     Callback<int> done);

    // --- access as code: a whole plan in one transaction, against its base revision
    void applyPlan(const PlanApplyRequest &request, QObject *context, Callback<AppliedPlan> done);

    // --- audit
    void audit(QObject *context, PageHandler<AuditEvent> handler);
    // One page of the filtered log, newest first: for views that page on demand.
    void auditPage(const AuditListQuery &query, QObject *context, Callback<Page<AuditEvent>> done);
    // Every page from query's on (decoded off this thread, as the other lists).
    void auditEvents(const AuditListQuery &query, QObject *context,
                     PageHandler<AuditEvent> handler);
    void verifyAudit(QObject *context, Callback<AuditVerification> done);

    // --- who can reach a vault (servers, their tokens naming it, the groups managing them)
    void vaultAccess(const QString &vault, QObject *context, Callback<VaultAccess> done);

    // A request outside the wire types: its JSON object answer (empty for 204) or an error.
    void call(const QByteArray &method, const QString &path, const QUrlQuery &query,
              const std::optional<QJsonObject> &body, QObject *context, Callback<QJsonObject> done);

    static QString segment(const QString &nameOrId); // percent-encoded path segment

signals:
    // A request that carried the session was refused with 401: sign in again.
    void sessionExpired(const ca::ApiError &error);
    // Every answer or failure, for a connection indicator.
    void reachabilityChanged(bool reachable);

private:
    // The lowest level: one request with an encoded body (or none), the bytes of its 2xx
    // answer or an error.
    void send(const QByteArray &method, const QString &path, const QUrlQuery &query,
              const std::optional<QByteArray> &body, QObject *context, Callback<QByteArray> done);
    // One request whose answer is the wire type T, decoded by core/JsonDecoder.
    template <typename T>
    void fetchOne(const QByteArray &method, const QString &path, const QUrlQuery &query,
                  const std::optional<QByteArray> &body, QObject *context, Callback<T> done);
    template <typename T>
    void fetchPages(const QString &path, QUrlQuery query, QObject *context, PageHandler<T> handler);
    Result<QByteArray> interpret(QNetworkReply *reply, bool hadSession, const QString &sslProblem);
    // interpret() for a GET with the session: a 304 answers the kept copy of url's answer;
    // a 2xx with an ETag is kept for next time.
    Result<QByteArray> interpretKept(QNetworkReply *reply, const QString &url,
                                     const QString &sslProblem);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30000;
    int m_pageSize = 500;
    std::optional<QSslConfiguration> m_ssl;
    bool m_reachable = true;
    // The last answer of each GET URL with its ETag, sent back as If-None-Match.
    struct Kept
    {
        QByteArray etag;
        QByteArray body;
    };
    QHash<QString, Kept> m_kept;
    static constexpr qsizetype kMaxKept = 256;
    int m_notModified = 0;
    qint64 m_lastRevision = 0;
};

} // namespace ca

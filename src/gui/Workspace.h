// Everything the window shows and does, without widgets: the account service connection,
// the session, the directory and every model, loading (page by page, in parallel) and the
// operations that change things. Models are updated from the service's answers, never
// guessed. Nothing here blocks: each call answers through a callback.
#pragma once

#include "client/ApiClient.h"
#include "client/CredentialStore.h"
#include "client/Session.h"
#include "models/Directory.h"
#include "models/DirectoryModels.h"
#include "models/GroupPermissionModel.h"
#include "models/ServerModel.h"
#include "models/TokenModel.h"
#include "models/VaultAccessModel.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <memory>

namespace ca {

class Workspace : public QObject
{
    Q_OBJECT
public:
    // store: where session tokens are kept (the system keychain in the program).
    explicit Workspace(CredentialStore *store, QObject *parent = nullptr);
    ~Workspace() override;

    ApiClient *client() { return &m_client; }
    Session *session() { return &m_session; }
    CredentialStore *store() { return m_store; }
    Directory *directory() { return &m_directory; }
    ServerModel *servers() { return &m_servers; }
    TokenModel *tokens() { return &m_tokens; }
    VaultModel *vaults() { return &m_vaults; }
    GroupModel *groups() { return &m_groups; }
    UserModel *users() { return &m_users; }
    VaultAccessModel *access() { return &m_access; }
    GroupPermissionModel *groupPermissions() { return &m_groupPermissions; }

    bool isBusy() const { return m_busy > 0; }
    QDateTime lastRefresh() const { return m_lastRefresh; }
    bool canSeeGroupPermissions() const { return m_session.info().rights.manager; }
    bool canCreateServers() const { return m_session.info().rights.manager; }

    // Loads everything again; staged vault access edits survive (they are rebased).
    void refresh();

    void createServer(const QString &name, const QStringList &vaultIds, QObject *context,
                      Callback<NewServerReply> done);
    void renameServer(const QString &serverId, const QString &name, QObject *context,
                      Callback<Server> done);
    void deleteServer(const QString &serverId, QObject *context, Callback<Server> done);
    void createToken(const NewTokenRequest &request, QObject *context,
                     Callback<NewTokenReply> done);
    void renameToken(const QString &tokenId, const QString &name, QObject *context,
                     Callback<Token> done);
    // Revokes each; done(revoked, errors) once all have answered.
    void revokeTokens(const QStringList &tokenIds, QObject *context,
                      std::function<void(int revoked, const QList<ApiError> &errors)> done);
    // Sends the staged matrix edits as one batch. On a stale revision the state is reloaded
    // and the edits rebased; conflicts lists what collided.
    void applyGrants(QObject *context, std::function<void(const Result<GrantBatchResult> &result,
                                                          const QList<GrantConflict> &conflicts)>
                                           done);
    void changeGroupPermission(const GroupPermissionChange &change, QObject *context,
                               std::function<void(const Result<Done> &)> done);

signals:
    void busyChanged(bool busy);
    void refreshed(const QDateTime &at);
    // A load failed; the sentence is ready for the message bar.
    void loadFailed(const ca::ApiError &error);

private:
    void beginBusy();
    void endBusy();
    void refreshServers(QObject *generation, std::function<void()> then);
    void reloadGrants(std::function<void(const QList<GrantConflict> &)> then);
    void refreshServer(const QString &serverId);
    void fail(const ApiError &e);

    QNetworkAccessManager m_nam;
    ApiClient m_client;
    CredentialStore *m_store;
    Session m_session;
    Directory m_directory;
    ServerModel m_servers;
    TokenModel m_tokens;
    VaultModel m_vaults;
    GroupModel m_groups;
    UserModel m_users;
    VaultAccessModel m_access;
    GroupPermissionModel m_groupPermissions;
    QPointer<QObject> m_generation;        // answers for an older refresh are dropped with it
    std::shared_ptr<int> m_refreshPending; // streams of the current refresh not yet done
    int m_busy = 0;
    QDateTime m_lastRefresh;
};

} // namespace ca

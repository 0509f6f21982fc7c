// Everything the window shows and does, without widgets: the account service connection,
// the session, the directory and every model, loading and the operations that change
// things. What a reload waits for is a LoadPlan of named streams (lists load page by page,
// in parallel; the grant matrix after the servers and vaults it is drawn over). Models are
// updated from the service's answers, never guessed. Nothing here blocks: each call answers
// through a callback.
#pragma once

#include "client/ApiClient.h"
#include "client/CredentialStore.h"
#include "client/Session.h"
#include "gui/LoadPlan.h"
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
#include <QTimer>
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
    QNetworkAccessManager *network() { return &m_nam; }
    Session *session() { return &m_session; }
    CredentialStore *store() { return m_store; }
    Directory *directory() { return &m_directory; }
    // The server created last in this session ("" before any): New token proposes it.
    QString lastCreatedServerId() const { return m_lastCreatedServerId; }
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

    // Loads everything again; staged vault access edits survive (they are rebased). A refresh
    // replaces one still under way.
    void refresh();
    // How often the service is asked whether it is still there while signed in (the status
    // bar's connection follows the answers); 0 stops asking.
    void setHeartbeatInterval(int milliseconds);

    void createServer(const QString &name, const QStringList &vaultIds, QObject *context,
                      const Callback<NewServerReply> &done);
    void renameServer(const QString &serverId, const QString &name, QObject *context,
                      const Callback<Server> &done);
    void deleteServer(const QString &serverId, QObject *context, const Callback<Server> &done);
    void createToken(const NewTokenRequest &request, QObject *context,
                     const Callback<NewTokenReply> &done);
    void renameToken(const QString &tokenId, const QString &name, QObject *context,
                     const Callback<Token> &done);
    // Revokes each; done(revoked, errors) once all have answered.
    void revokeTokens(const QStringList &tokenIds, QObject *context,
                      const std::function<void(int revoked, const QList<ApiError> &errors)> &done);
    // Sends the staged matrix edits as one batch. On a stale revision the state is reloaded
    // and the edits rebased; conflicts lists what collided.
    void applyGrants(QObject *context,
                     const std::function<void(const Result<GrantBatchResult> &result,
                                              const QList<GrantConflict> &conflicts)> &done);
    void changeGroupPermission(const GroupPermissionChange &change, QObject *context,
                               const std::function<void(const Result<Done> &)> &done);

signals:
    void busyChanged(bool busy);
    // A reload completed without a failure: what is shown is the service's state as of `at`.
    void refreshed(const QDateTime &at);
    // A load failed; the sentence is ready for the message bar.
    void loadFailed(const ca::ApiError &error);

private:
    // The streams a reload is made of.
    LoadPlan::Stream vaultsStream();
    LoadPlan::Stream serversStream();
    LoadPlan::Stream usersStream();
    LoadPlan::Stream groupsStream();
    LoadPlan::Stream groupGrantsStream();
    LoadPlan::Stream tokensStream();
    // conflicts, when given, receives the edits that collided while rebasing staged edits.
    LoadPlan::Stream grantsStream(const std::shared_ptr<QList<GrantConflict>> &conflicts = {});

    // Runs a plan, busy until it is done; a clean finish moves lastRefresh(), a failure is
    // reported once. then(ok) runs after either.
    LoadPlan *reload(QList<LoadPlan::Stream> streams,
                     const std::function<void(bool ok)> &then = {});
    void dropPlan(LoadPlan *plan);
    void beginBusy();
    void endBusy();
    void refreshServer(const QString &serverId);
    void serversChanged();
    // The grant matrix over the loaded servers and vaults; returns the staged edits that
    // collided with the new state.
    QList<GrantConflict> showMatrix(const GrantMatrix &matrix);
    void fail(const ApiError &e);

    QNetworkAccessManager m_nam;
    ApiClient m_client;
    CredentialStore *m_store;
    Session m_session;
    Directory m_directory;
    QString m_lastCreatedServerId;
    ServerModel m_servers;
    TokenModel m_tokens;
    VaultModel m_vaults;
    GroupModel m_groups;
    UserModel m_users;
    VaultAccessModel m_access;
    GroupPermissionModel m_groupPermissions;
    QPointer<LoadPlan> m_refresh; // the full reload under way, replaced by the next one
    int m_busy = 0;
    QDateTime m_lastRefresh;
    QTimer m_heartbeat;
};

} // namespace ca

#include "gui/Workspace.h"

#include "core/Logging.h"

#include <memory>

namespace ca {

Workspace::Workspace(CredentialStore *store, QObject *parent)
    : QObject(parent)
    , m_client(&m_nam)
    , m_store(store)
    , m_session(&m_client, store)
    , m_servers(&m_directory)
    , m_tokens(&m_directory)
{
    connect(&m_servers, &ServerModel::renameRequested, this,
            [this](const QString &id, const QString &name) {
                renameServer(id, name, this, [](const Result<Server> &) {});
            });
    connect(&m_tokens, &TokenModel::renameRequested, this,
            [this](const QString &id, const QString &, const QString &name) {
                renameToken(id, name, this, [](const Result<Token> &) {});
            });
}

Workspace::~Workspace()
{
    delete m_generation;
}

void Workspace::beginBusy()
{
    if (m_busy++ == 0)
        emit busyChanged(true);
}

void Workspace::endBusy()
{
    if (--m_busy == 0)
        emit busyChanged(false);
}

void Workspace::fail(const ApiError &e)
{
    // An expired session is handled by whoever listens to Session::expired.
    if (e.status != 401)
        emit loadFailed(e);
}

void Workspace::refresh()
{
    if (!m_session.isSignedIn())
        return;
    // A refresh replaces one still under way: its answers are dropped with its context
    // object, and the work it still counted as busy is no longer waited for.
    delete m_generation;
    if (m_refreshPending) {
        for (; *m_refreshPending > 0; --*m_refreshPending)
            endBusy();
    }
    auto *generation = new QObject(this);
    m_generation = generation;
    auto pending = std::make_shared<int>(0);
    m_refreshPending = pending;
    // Streams load in parallel; the grant matrix needs servers and vaults complete first.
    auto serversAndVaults = std::make_shared<int>(2);
    auto finishOne = [this, pending, generation] {
        if (m_generation != generation)
            return; // superseded; its busy count was settled then
        endBusy();
        if (--*pending == 0) {
            m_lastRefresh = QDateTime::currentDateTime();
            emit refreshed(m_lastRefresh);
        }
    };
    auto start = [this, pending] {
        ++*pending;
        beginBusy();
    };
    auto afterServersAndVaults = [this, serversAndVaults, start, finishOne] {
        if (--*serversAndVaults > 0)
            return;
        start();
        reloadGrants([finishOne](const QList<GrantConflict> &) { finishOne(); });
    };

    start();
    auto vaults = std::make_shared<QList<Vault>>();
    const int vaultsRefresh = m_vaults.beginRefresh();
    m_client.vaults(generation, {[this, vaults, finishOne, afterServersAndVaults,
                                  vaultsRefresh](const QList<Vault> &page, bool last) {
                                     m_vaults.mergePage(page);
                                     *vaults += page;
                                     if (!last)
                                         return;
                                     m_vaults.endRefresh(vaultsRefresh);
                                     m_directory.setVaults(*vaults);
                                     afterServersAndVaults();
                                     finishOne();
                                 },
                                 [this, finishOne](const ApiError &e) {
                                     fail(e);
                                     finishOne();
                                 }});
    start();
    refreshServers(generation, [finishOne, afterServersAndVaults] {
        afterServersAndVaults();
        finishOne();
    });
    start();
    auto users = std::make_shared<QList<User>>();
    const int usersRefresh = m_users.beginRefresh();
    m_client.users(generation,
                   {[this, users, finishOne, usersRefresh](const QList<User> &page, bool last) {
                        m_users.mergePage(page);
                        *users += page;
                        if (last) {
                            m_users.endRefresh(usersRefresh);
                            m_directory.setUsers(*users);
                            finishOne();
                        }
                    },
                    [this, finishOne](const ApiError &e) {
                        fail(e);
                        finishOne();
                    }});
    start();
    auto groups = std::make_shared<QList<Group>>();
    const int groupsRefresh = m_groups.beginRefresh();
    m_client.groups(
        generation,
        {[this, groups, finishOne, start, groupsRefresh](const QList<Group> &page, bool last) {
             m_groups.mergePage(page);
             *groups += page;
             if (!last)
                 return;
             m_groups.endRefresh(groupsRefresh);
             m_directory.setGroups(*groups);
             m_groupPermissions.setGroups(*groups);
             if (canSeeGroupPermissions()) {
                 start();
                 m_client.groupGrants(m_generation,
                                      [this, finishOne](const Result<QList<GroupGrant>> &r) {
                                          if (r.ok())
                                              m_groupPermissions.setGrants(*r);
                                          else
                                              fail(r.error());
                                          finishOne();
                                      });
             }
             finishOne();
         },
         [this, finishOne](const ApiError &e) {
             fail(e);
             finishOne();
         }});
    start();
    const int tokensRefresh = m_tokens.beginRefresh();
    m_client.tokens({}, generation,
                    {[this, finishOne, tokensRefresh](const QList<Token> &page, bool last) {
                         m_tokens.mergePage(page);
                         if (last) {
                             m_tokens.endRefresh(tokensRefresh);
                             finishOne();
                         }
                     },
                     [this, finishOne](const ApiError &e) {
                         fail(e);
                         finishOne();
                     }});
}

void Workspace::refreshServers(QObject *generation, std::function<void()> then)
{
    const int serversRefresh = m_servers.beginRefresh();
    m_client.servers(generation,
                     {[this, then, serversRefresh](const QList<Server> &page, bool last) {
                          m_servers.mergePage(page);
                          for (const Server &s : page)
                              m_directory.setServerName(s.id, s.name);
                          if (!last)
                              return;
                          m_servers.endRefresh(serversRefresh);
                          m_groupPermissions.setServers(m_servers.items());
                          then();
                      },
                      [this, then](const ApiError &e) {
                          fail(e);
                          then();
                      }});
}

void Workspace::reloadGrants(std::function<void(const QList<GrantConflict> &)> then)
{
    m_client.grants(this, [this, then](const Result<GrantMatrix> &r) {
        if (!r.ok()) {
            fail(r.error());
            then({});
            return;
        }
        // Servers by name; vaults that can be granted first, then by name.
        QList<Server> servers = m_servers.items();
        std::sort(servers.begin(), servers.end(), [](const Server &a, const Server &b) {
            return a.name.localeAwareCompare(b.name) < 0;
        });
        QList<Vault> vaults = m_directory.vaults();
        std::sort(vaults.begin(), vaults.end(), [](const Vault &a, const Vault &b) {
            const int ra = a.grantable() ? (a.accessible ? 0 : 1) : 2;
            const int rb = b.grantable() ? (b.accessible ? 0 : 1) : 2;
            return ra != rb ? ra < rb : a.name.localeAwareCompare(b.name) < 0;
        });
        QList<GrantConflict> conflicts;
        if (m_access.pendingCount() > 0)
            conflicts = m_access.rebase(servers, vaults, *r);
        else
            m_access.load(servers, vaults, *r);
        then(conflicts);
    });
}

void Workspace::refreshServer(const QString &serverId)
{
    m_client.server(serverId, this, [this](const Result<Server> &r) {
        if (r.ok())
            m_servers.upsert(*r);
    });
}

void Workspace::createServer(const QString &name, const QStringList &vaultIds, QObject *context,
                             Callback<NewServerReply> done)
{
    // The answer is taken in whatever became of the caller: the server exists from now on
    // and its credentials are shown only in this answer.
    beginBusy();
    QPointer<QObject> guard(context);
    m_client.createServer(
        name, vaultIds, this, [this, guard, done](const Result<NewServerReply> &r) {
            endBusy();
            if (r.ok()) {
                m_servers.upsert(r->server);
                m_directory.setServerName(r->server.id, r->server.name);
                m_groupPermissions.setServers(m_servers.items());
                reloadGrants([](const QList<GrantConflict> &) {}); // a new row for the matrix
            }
            if (guard)
                done(r);
            else if (r.ok())
                qCWarning(lcGui)
                    << "a server was created after the window that asked for it closed";
        });
}

void Workspace::renameServer(const QString &serverId, const QString &name, QObject *context,
                             Callback<Server> done)
{
    beginBusy();
    m_client.renameServer(serverId, name, context, [this, done](const Result<Server> &r) {
        endBusy();
        if (r.ok()) {
            m_servers.upsert(*r);
            m_directory.setServerName(r->id, r->name);
            m_access.renameServer(r->id, r->name);
            m_groupPermissions.setServers(m_servers.items());
        } else {
            fail(r.error());
        }
        done(r);
    });
}

void Workspace::deleteServer(const QString &serverId, QObject *context, Callback<Server> done)
{
    beginBusy();
    m_client.deleteServer(serverId, context, [this, serverId, done](const Result<Server> &r) {
        endBusy();
        if (r.ok()) {
            m_servers.remove(serverId);
            // The service revoked the server's tokens; show them revoked without a reload.
            QList<Token> revoked;
            for (const Token &t : m_tokens.items()) {
                if (t.serverId == serverId && t.state != TokenState::Revoked) {
                    Token copy = t;
                    copy.state = TokenState::Revoked;
                    copy.revokedAt = QDateTime::currentDateTimeUtc();
                    revoked.append(copy);
                }
            }
            m_tokens.mergePage(revoked);
            m_directory.removeServer(serverId);
            m_groupPermissions.setServers(m_servers.items());
            reloadGrants([](const QList<GrantConflict> &) {});
        }
        done(r);
    });
}

void Workspace::createToken(const NewTokenRequest &request, QObject *context,
                            Callback<NewTokenReply> done)
{
    beginBusy();
    QPointer<QObject> guard(context);
    m_client.createToken(request, this, [this, guard, done](const Result<NewTokenReply> &r) {
        endBusy();
        if (r.ok()) {
            m_tokens.upsert(r->token);
            refreshServer(r->token.serverId); // its active token count
        }
        if (guard)
            done(r);
    });
}

void Workspace::renameToken(const QString &tokenId, const QString &name, QObject *context,
                            Callback<Token> done)
{
    beginBusy();
    m_client.renameToken(tokenId, {}, name, context, [this, done](const Result<Token> &r) {
        endBusy();
        if (r.ok())
            m_tokens.upsert(*r);
        else
            fail(r.error());
        done(r);
    });
}

void Workspace::revokeTokens(const QStringList &tokenIds, QObject *context,
                             std::function<void(int, const QList<ApiError> &)> done)
{
    struct State
    {
        int left = 0;
        int revoked = 0;
        QList<ApiError> errors;
        QSet<QString> servers;
    };
    auto state = std::make_shared<State>();
    state->left = int(tokenIds.size());
    if (tokenIds.isEmpty())
        return done(0, {});
    beginBusy();
    for (const QString &id : tokenIds) {
        m_client.revokeToken(id, {}, context, [this, state, done](const Result<Token> &r) {
            if (r.ok()) {
                ++state->revoked;
                m_tokens.upsert(*r);
                state->servers.insert(r->serverId);
            } else {
                state->errors.append(r.error());
            }
            if (--state->left > 0)
                return;
            endBusy();
            for (const QString &server : std::as_const(state->servers))
                refreshServer(server);
            done(state->revoked, state->errors);
        });
    }
}

void Workspace::applyGrants(
    QObject *context,
    std::function<void(const Result<GrantBatchResult> &, const QList<GrantConflict> &)> done)
{
    const QList<GrantChange> changes = m_access.pendingChanges();
    if (changes.isEmpty() || m_access.isFrozen())
        return done(GrantBatchResult{m_access.revision(), 0}, {});
    beginBusy();
    // What is sent is what gets marked applied: no edits while the batch is on its way.
    m_access.setFrozen(true);
    QPointer<QObject> guard(context);
    m_client.applyGrants(
        m_access.revision(), changes, this,
        [this, guard, done, changes](const Result<GrantBatchResult> &r) {
            m_access.setFrozen(false);
            if (r.ok()) {
                m_access.markApplied(r->revision, changes);
                // Server rows show their vaults: bring them up to date.
                refreshServers(this, [this, guard, done, r] {
                    endBusy();
                    if (guard)
                        done(r, {});
                });
                return;
            }
            if (r.error().code != QLatin1String("stale_revision")) {
                endBusy();
                if (guard)
                    done(r, {});
                return;
            }
            // Someone changed vault access meanwhile: reload and rebase the staged edits.
            qCInfo(lcGui) << "stale grant revision; rebasing" << m_access.pendingCount() << "edits";
            refreshServers(this, [this, guard, done, r] {
                reloadGrants([this, guard, done, r](const QList<GrantConflict> &conflicts) {
                    endBusy();
                    if (guard)
                        done(r, conflicts);
                });
            });
        });
}

void Workspace::changeGroupPermission(const GroupPermissionChange &change, QObject *context,
                                      std::function<void(const Result<Done> &)> done)
{
    beginBusy();
    auto finish = [this, change, done](const ApiError *error) {
        endBusy();
        m_groupPermissions.finishChange(change, error == nullptr);
        done(error ? Result<Done>(*error) : Result<Done>(Done{}));
    };
    if (change.granted) {
        m_client.grantGroup(
            change.groupId, change.serverId, change.allServers, context,
            [finish](const Result<GroupGrant> &r) { finish(r.ok() ? nullptr : &r.error()); });
    } else {
        m_client.revokeGroup(
            change.groupId, change.serverId, change.allServers, context,
            [finish](const Result<int> &r) { finish(r.ok() ? nullptr : &r.error()); });
    }
}

} // namespace ca

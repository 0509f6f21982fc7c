#include "gui/Workspace.h"

#include "core/Logging.h"
#include "core/NameOrder.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// One list loaded page by page into its model: rows appear as pages arrive, the rows the
// service no longer has go at the end. each(page) runs after each page is in the model,
// complete(all) once with every item.
template <typename T, typename Key>
void loadList(KeyedTableModel<T, Key> &model, const std::function<void(PageHandler<T>)> &fetch,
              const LoadPlan::Finish &finish,
              std::function<void(const QList<T> &all)> complete = {},
              std::function<void(const QList<T> &page)> each = {})
{
    const int generation = model.beginRefresh();
    auto all = std::make_shared<QList<T>>();
    fetch({[&model, all, generation, finish, complete, each](const QList<T> &page, bool last) {
               model.mergePage(page);
               if (each)
                   each(page);
               if (complete)
                   *all += page;
               if (!last)
                   return;
               model.endRefresh(generation);
               if (complete)
                   complete(*all);
               finish(nullptr);
           },
           [finish](const ApiError &e) { finish(&e); }});
}

} // namespace

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
    // While signed in, a quiet question now and then keeps the connection shown true even
    // when nothing else is asked (the service may have died since the last answer).
    setHeartbeatInterval(15000);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_session.isSignedIn())
            m_client.health(this, [](const Result<QJsonObject> &) {});
    });
}

Workspace::~Workspace()
{
    // Plans are children: delete them now, while the client their answers belong to lives.
    const QList<LoadPlan *> plans = findChildren<LoadPlan *>(Qt::FindDirectChildrenOnly);
    for (LoadPlan *plan : plans) {
        plan->disconnect(this);
        delete plan;
    }
}

void Workspace::setHeartbeatInterval(int milliseconds)
{
    m_heartbeat.stop();
    if (milliseconds > 0)
        m_heartbeat.start(milliseconds);
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
    if (m_refresh)
        dropPlan(m_refresh); // its answers are dropped with it
    QList<LoadPlan::Stream> streams{vaultsStream(), serversStream(), usersStream(),
                                    groupsStream(), tokensStream(),  grantsStream()};
    if (canSeeGroupPermissions())
        streams.append(groupGrantsStream());
    m_refresh = reload(streams);
}

LoadPlan *Workspace::reload(QList<LoadPlan::Stream> streams, const std::function<void(bool)> &then)
{
    auto *plan = new LoadPlan(std::move(streams), this);
    beginBusy();
    connect(plan, &LoadPlan::finished, this, [this, plan, then](bool ok) {
        endBusy();
        if (ok) {
            m_lastRefresh = QDateTime::currentDateTime();
            emit refreshed(m_lastRefresh);
        } else {
            // One sentence per reload: when the service is gone every stream says the same.
            fail(plan->errors().constFirst());
        }
        if (then)
            then(ok);
        plan->deleteLater();
    });
    plan->start();
    return plan;
}

void Workspace::dropPlan(LoadPlan *plan)
{
    if (!plan->isFinished())
        endBusy();
    plan->disconnect(this);
    delete plan;
}

// ---- the streams ------------------------------------------------------------------------

LoadPlan::Stream Workspace::vaultsStream()
{
    return {
        u"vaults"_s, {}, [this](QObject *context, const LoadPlan::Finish &finish) {
            loadList<Vault>(
                m_vaults,
                [this, context](PageHandler<Vault> h) { m_client.vaults(context, std::move(h)); },
                finish, [this](const QList<Vault> &all) { m_directory.setVaults(all); });
        }};
}

LoadPlan::Stream Workspace::serversStream()
{
    return {
        u"servers"_s, {}, [this](QObject *context, const LoadPlan::Finish &finish) {
            // Token rows name their servers as soon as a page of them is in: the
            // directory takes each page, with one signal for the page.
            loadList<Server>(
                m_servers,
                [this, context](PageHandler<Server> h) { m_client.servers(context, std::move(h)); },
                finish, [this](const QList<Server> &) { serversChanged(); },
                [this](const QList<Server> &page) { m_directory.setServers(page); });
        }};
}

LoadPlan::Stream Workspace::usersStream()
{
    return {u"users"_s, {}, [this](QObject *context, const LoadPlan::Finish &finish) {
                loadList<User>(
                    m_users,
                    [this, context](PageHandler<User> h) { m_client.users(context, std::move(h)); },
                    finish, [this](const QList<User> &all) { m_directory.setUsers(all); });
            }};
}

LoadPlan::Stream Workspace::groupsStream()
{
    return {
        u"groups"_s, {}, [this](QObject *context, const LoadPlan::Finish &finish) {
            loadList<Group>(
                m_groups,
                [this, context](PageHandler<Group> h) { m_client.groups(context, std::move(h)); },
                finish,
                [this](const QList<Group> &all) {
                    m_directory.setGroups(all);
                    m_groupPermissions.setGroups(all);
                });
        }};
}

LoadPlan::Stream Workspace::groupGrantsStream()
{
    return {
        u"group grants"_s, {u"groups"_s}, [this](QObject *context, const LoadPlan::Finish &finish) {
            m_client.groupGrants(context, [this, finish](const Result<QList<GroupGrant>> &r) {
                if (!r.ok())
                    return finish(&r.error());
                m_groupPermissions.setGrants(*r);
                finish(nullptr);
            });
        }};
}

LoadPlan::Stream Workspace::tokensStream()
{
    return {u"tokens"_s, {}, [this](QObject *context, const LoadPlan::Finish &finish) {
                loadList<Token>(
                    m_tokens,
                    [this, context](PageHandler<Token> h) {
                        m_client.tokens({}, context, std::move(h));
                    },
                    finish);
            }};
}

LoadPlan::Stream Workspace::grantsStream(const std::shared_ptr<QList<GrantConflict>> &conflicts)
{
    return {u"grants"_s,
            {u"vaults"_s, u"servers"_s},
            [this, conflicts](QObject *context, const LoadPlan::Finish &finish) {
                m_client.grants(context, [this, conflicts, finish](const Result<GrantMatrix> &r) {
                    if (!r.ok())
                        return finish(&r.error());
                    const QList<GrantConflict> collided = showMatrix(*r);
                    if (conflicts)
                        *conflicts = collided;
                    finish(nullptr);
                });
            }};
}

QList<GrantConflict> Workspace::showMatrix(const GrantMatrix &matrix)
{
    // Servers by name; vaults that can be granted first, then by name.
    const NameOrder &order = NameOrder::current();
    QList<Server> servers = m_servers.items();
    order.sort(servers);
    QList<Vault> vaults = m_directory.vaults();
    order.sort(vaults);
    std::stable_sort(vaults.begin(), vaults.end(), [](const Vault &a, const Vault &b) {
        auto rank = [](const Vault &v) { return v.grantable() ? (v.accessible ? 0 : 1) : 2; };
        return rank(a) < rank(b);
    });
    // Staged edits survive a reload: they are moved onto the new state.
    if (m_access.pendingCount() > 0)
        return m_access.rebase(servers, vaults, matrix);
    m_access.load(servers, vaults, matrix);
    return {};
}

void Workspace::serversChanged()
{
    m_groupPermissions.setServers(m_servers.items());
}

void Workspace::refreshServer(const QString &serverId)
{
    m_client.server(serverId, this, [this](const Result<Server> &r) {
        if (r.ok()) {
            m_servers.upsert(*r);
            m_directory.setServer(*r);
        }
    });
}

// ---- operations -------------------------------------------------------------------------

void Workspace::createServer(const QString &name, const QStringList &vaultIds, QObject *context,
                             const Callback<NewServerReply> &done)
{
    // The answer is taken in whatever became of the caller: the server exists from now on
    // and its credentials are shown only in this answer.
    beginBusy();
    QPointer<QObject> guard(context);
    m_client.createServer(
        name, vaultIds, this, [this, guard, done](const Result<NewServerReply> &r) {
            endBusy();
            if (r.ok()) {
                m_lastCreatedServerId = r->server.id;
                m_servers.upsert(r->server);
                m_directory.setServer(r->server);
                serversChanged();
                reload({grantsStream()}); // a new row for the matrix
            }
            if (guard)
                done(r);
            else if (r.ok())
                qCWarning(lcGui)
                    << "a server was created after the window that asked for it closed";
        });
}

void Workspace::renameServer(const QString &serverId, const QString &name, QObject *context,
                             const Callback<Server> &done)
{
    beginBusy();
    m_client.renameServer(serverId, name, context, [this, done](const Result<Server> &r) {
        endBusy();
        if (r.ok()) {
            m_servers.upsert(*r);
            m_directory.setServer(*r);
            m_access.renameServer(r->id, r->name);
            serversChanged();
        } else {
            fail(r.error());
        }
        done(r);
    });
}

void Workspace::deleteServer(const QString &serverId, QObject *context,
                             const Callback<Server> &done)
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
            serversChanged();
            reload({grantsStream()});
        }
        done(r);
    });
}

void Workspace::createToken(const NewTokenRequest &request, QObject *context,
                            const Callback<NewTokenReply> &done)
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
                            const Callback<Token> &done)
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
                             const std::function<void(int, const QList<ApiError> &)> &done)
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
    const std::function<void(const Result<GrantBatchResult> &, const QList<GrantConflict> &)> &done)
{
    const QList<GrantChange> changes = m_access.pendingChanges();
    if (changes.isEmpty() || m_access.isFrozen())
        return done(GrantBatchResult{m_access.revision(), 0}, {});
    beginBusy();
    // What is sent is what gets marked applied: no edits while the batch is on its way.
    m_access.setFrozen(true);
    QPointer<QObject> guard(context);
    m_client.applyGrants(m_access.revision(), changes, this,
                         [this, guard, done, changes](const Result<GrantBatchResult> &r) {
                             m_access.setFrozen(false);
                             if (r.ok()) {
                                 m_access.markApplied(r->revision, changes);
                                 // Server rows show their vaults: bring them up to date.
                                 reload({serversStream()}, [this, guard, done, r](bool) {
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
                             // Someone changed vault access meanwhile: reload and rebase the staged
                             // edits.
                             qCInfo(lcGui) << "stale grant revision; rebasing"
                                           << m_access.pendingCount() << "edits";
                             auto conflicts = std::make_shared<QList<GrantConflict>>();
                             reload({serversStream(), grantsStream(conflicts)},
                                    [this, guard, done, r, conflicts](bool) {
                                        endBusy();
                                        if (guard)
                                            done(r, *conflicts);
                                    });
                         });
}

void Workspace::changeGroupPermission(const GroupPermissionChange &change, QObject *context,
                                      const std::function<void(const Result<Done> &)> &done)
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

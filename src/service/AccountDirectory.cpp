// AccountService: the directory (account, vaults, groups, users) and seeding it.
#include "service/AccountService.h"

#include "core/Ids.h"

using namespace Qt::StringLiterals;

namespace ca {

Result<Account> AccountService::account()
{
    if (const auto a = m_store.account())
        return *a;
    return ApiError::notFound(u"This service has no account yet."_s);
}

Result<Page<Vault>> AccountService::vaults(const Actor &actor, const PageRequest &page)
{
    return m_store.listVaults(page, actor.user.id);
}

Result<Page<Group>> AccountService::groups(const Actor &, const PageRequest &page)
{
    return m_store.listGroups(page);
}

Result<Page<User>> AccountService::users(const Actor &, const PageRequest &page)
{
    return m_store.listUsers(page);
}

Result<Page<Group>> AccountService::userGroups(const Actor &, const QString &user)
{
    if (user.trimmed().isEmpty())
        return ApiError::badRequest(u"Name a user (by ID or e-mail address)."_s,
                                    u"missing_field"_s);
    const auto found = m_store.userByIdOrEmail(user);
    if (!found)
        return ApiError::notFound(
            u"No user has the ID or e-mail address \"%1\"."_s.arg(user.trimmed()));
    Page<Group> page;
    page.items = m_store.groupsOfUser(found->id);
    return page;
}

// ---- seeding ------------------------------------------------------------------------------

void AccountService::ensureAccount(const QString &name, const QString &domain)
{
    if (const auto existing = m_store.account()) {
        m_accountId = existing->id;
        return;
    }
    Account a{newId(), name, domain, now()};
    Store::Transaction tx(m_store);
    m_store.insertAccount(a);
    audit(nullptr, u"account.create"_s, u"account"_s, displayId(a.id, IdKind::Account),
          {{u"name"_s, name}});
    tx.commit();
    m_accountId = a.id;
}

std::optional<Group> AccountService::builtinGroup(const QString &name)
{
    for (const Group &g : m_store.groupCandidates(name)) {
        if (g.builtin && g.name == name)
            return g;
    }
    return std::nullopt;
}

Result<BootstrappedAccount> AccountService::bootstrapOwner(const QString &email,
                                                           const QString &password,
                                                           const NewAccount &account)
{
    if (email.trimmed().isEmpty() || !email.contains(u'@'))
        return ApiError::badRequest(u"\"%1\" is not an email address."_s.arg(email),
                                    u"invalid_field"_s);
    if (password.size() < kMinOwnerPasswordLength)
        return ApiError::badRequest(
            u"The owner's password must be at least %1 characters."_s.arg(kMinOwnerPasswordLength),
            u"weak_password"_s);
    if (m_store.userByEmail(email.trimmed()))
        return ApiError::conflict(u"A user with that email address already exists."_s,
                                  u"email_taken"_s);
    // Hashing is slow on purpose: done before the transaction takes the write lock.
    const QString hash = crypto::hashPassword(password.toUtf8(), m_config.passwordHash);
    BootstrappedAccount created;
    Store::Transaction tx(m_store);
    ensureAccount(account.name, account.domain);
    const auto owners = builtinGroup(u"Owners"_s);
    created.owners = owners ? *owners : addGroup(u"Owners"_s, u"Owners of the account"_s, true);
    const auto admins = builtinGroup(u"Administrators"_s);
    created.administrators =
        admins ? *admins : addGroup(u"Administrators"_s, u"Administrators of the account"_s, true);
    created.owner = insertUser(email.trimmed(), account.ownerName, hash);
    addMember(created.owners, created.owner);
    tx.commit();
    return created;
}

User AccountService::insertUser(const QString &email, const QString &name,
                                const QString &passwordHash)
{
    User u{newId(), email.toLower(), name, u"ACTIVE"_s};
    Store::Transaction tx(m_store);
    m_store.insertUser(u, passwordHash, now());
    audit(nullptr, u"user.create"_s, u"user"_s, displayId(u.id, IdKind::User),
          {{u"email"_s, u.email}});
    tx.commit();
    return u;
}

User AccountService::addUser(const QString &email, const QString &name, const QString &password)
{
    return insertUser(email, name, crypto::hashPassword(password.toUtf8(), m_config.passwordHash));
}

Group AccountService::addGroup(const QString &name, const QString &description, bool builtin)
{
    Group g{newId(), name, description, builtin};
    Store::Transaction tx(m_store);
    m_store.insertGroup(g, now());
    audit(nullptr, u"group.create"_s, u"group"_s, displayId(g.id, IdKind::Group),
          {{u"name"_s, name}});
    tx.commit();
    return g;
}

Vault AccountService::addVault(const QString &name, VaultType type, const QString &ownerUserId)
{
    Vault v;
    v.id = newId();
    v.name = name;
    v.type = type;
    Store::Transaction tx(m_store);
    m_store.insertVault(v, ownerUserId, now());
    if (!ownerUserId.isEmpty())
        m_store.giveVaultToUser(v.id, ownerUserId);
    audit(nullptr, u"vault.create"_s, u"vault"_s, displayId(v.id, IdKind::Vault),
          {{u"name"_s, name}, {u"type"_s, vaultTypeName(type)}});
    tx.commit();
    return v;
}

void AccountService::addMember(const Group &group, const User &user)
{
    Store::Transaction tx(m_store);
    m_store.addMember(group.id, user.id);
    audit(nullptr, u"group.member.add"_s, u"group"_s, displayId(group.id, IdKind::Group),
          {{u"group_name"_s, group.name}, {u"user"_s, displayId(user.id, IdKind::User)}});
    tx.commit();
}

void AccountService::giveVaultToGroup(const Vault &vault, const Group &group)
{
    Store::Transaction tx(m_store);
    m_store.giveVaultToGroup(vault.id, group.id);
    audit(nullptr, u"vault.group_access.add"_s, u"vault"_s, displayId(vault.id, IdKind::Vault),
          {{u"vault_name"_s, vault.name}, {u"group"_s, displayId(group.id, IdKind::Group)}});
    tx.commit();
}

Actor AccountService::actingAs(const User &user)
{
    Actor actor;
    actor.user = user;
    actor.rights = m_store.membership(user.id);
    return actor;
}

} // namespace ca

#include "gui/ReachDialog.h"

#include "core/Access.h"
#include "core/Ids.h"
#include "core/NameOrder.h"
#include "gui/Theme.h"
#include "gui/Workspace.h"
#include "models/DirectoryModels.h"
#include "models/TokenModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

QString accessText(Access access)
{
    switch (access) {
    case Access::Read:
        return ReachDialog::tr("read");
    case Access::Write:
        return ReachDialog::tr("write");
    case Access::ReadWrite:
        return ReachDialog::tr("read and write");
    }
    return {};
}

QString kindText(GroupGrantKind kind)
{
    switch (kind) {
    case GroupGrantKind::Manager:
        return ReachDialog::tr("manages Secrets Automation");
    case GroupGrantKind::AllServers:
        return ReachDialog::tr("manages all servers");
    case GroupGrantKind::Server:
        return ReachDialog::tr("manages this server");
    }
    return {};
}

QString tokensText(int n)
{
    return n == 1 ? ReachDialog::tr("1 token") : ReachDialog::tr("%1 tokens").arg(n);
}

} // namespace

ReachDialog::ReachDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setWindowTitle(tr("Who can reach"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("reachTitle"));
    m_title->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("reachTree"));
    m_tree->setAccessibleName(tr("Servers, tokens and groups"));
    m_tree->setHeaderLabels({tr("Name"), tr("Access"), tr("Expires"), tr("State")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_note = new QLabel(tr("Owners and Administrators manage every server as well. "
                           "Double-click a server or token to open it."),
                        this);
    m_note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *activity = buttons->addButton(tr("Show activity"), QDialogButtonBox::ActionRole);
    activity->setObjectName(QStringLiteral("reachActivityButton"));
    connect(activity, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_tree->currentItem())
            emit showActivity(item->data(0, IdRole).toString());
        else if (!property("object").toString().isEmpty())
            emit showActivity(property("object").toString());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter on an item, or a double-click (or a single click, where the style says so).
    connect(m_tree, &QTreeWidget::itemActivated, this, &ReachDialog::activate);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(720, 460);
}

QString ReachDialog::summary() const
{
    return m_title->text();
}

QPointer<QObject> ReachDialog::restart()
{
    delete m_request;
    m_request = new QObject(this);
    m_tree->clear();
    m_loading = true;
    m_title->setText(tr("Loading…"));
    theme::setTextTone(m_title, std::nullopt);
    return m_request;
}

void ReachDialog::fail(const ApiError &error)
{
    m_loading = false;
    m_title->setText(error.message);
    theme::setTextTone(m_title, colors::Tone::Negative);
}

void ReachDialog::showVault(const QString &vault)
{
    setWindowTitle(tr("Who can reach this vault"));
    m_workspace->client()->vaultAccess(vault, restart(), [this](const Result<VaultAccess> &r) {
        if (!r.ok())
            return fail(r.error());
        showAccess(*r);
    });
}

QTreeWidgetItem *ReachDialog::serverItem(const Server &server)
{
    auto *item = new QTreeWidgetItem(m_tree, {server.name});
    item->setData(0, KindRole, ServerItem);
    item->setData(0, IdRole, displayId(server.id, IdKind::Server));
    item->setData(0, ServerRole, server.id);
    item->setIcon(0, theme::icon(QStringLiteral("servers")));
    item->setToolTip(0, tr("Connect server %1").arg(displayId(server.id, IdKind::Server)));
    return item;
}

QTreeWidgetItem *ReachDialog::tokenItem(QTreeWidgetItem *parent, const Token &t,
                                        const QString &vaultId)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList access;
    for (const TokenVault &v : t.vaults) {
        if (vaultId.isEmpty())
            access.append(u"%1: %2"_s.arg(m_workspace->directory()->vaultName(v.vaultId),
                                          accessText(v.access)));
        else if (v.vaultId == vaultId)
            access.append(accessText(v.access));
    }
    const QDateTime ends = t.endsAt();
    auto *item = new QTreeWidgetItem(
        parent, {t.name, access.join(u"; "),
                 ends.isValid() ? QLocale().toString(ends.toLocalTime(), QLocale::ShortFormat)
                                : tr("never"),
                 TokenModel::stateText(t.stateAt(now))});
    item->setData(0, KindRole, TokenItem);
    item->setData(0, IdRole, displayId(t.id, IdKind::Token));
    item->setData(0, ServerRole, t.serverId);
    item->setIcon(0, theme::icon(QStringLiteral("tokens")));
    if (t.stateAt(now) != TokenState::Active)
        for (int c = 0; c < 4; ++c)
            item->setForeground(c, colors::dimmed(palette()));
    return item;
}

void ReachDialog::showAccess(const VaultAccess &a)
{
    m_loading = false;
    setProperty("object", displayId(a.vault.id, IdKind::Vault));
    int tokens = 0;
    for (const VaultAccessServer &s : a.servers) {
        QTreeWidgetItem *server = serverItem(s.server);
        for (const Token &t : s.tokens) {
            tokenItem(server, t, a.vault.id);
            ++tokens;
        }
        for (const VaultAccessGroup &g : s.groups) {
            auto *item =
                new QTreeWidgetItem(server, {tr("Group %1").arg(g.group.name), kindText(g.kind)});
            item->setData(0, KindRole, GroupItem);
            item->setData(0, IdRole, displayId(g.group.id, IdKind::Group));
            item->setIcon(0, theme::icon(QStringLiteral("groups")));
        }
        server->setText(1, tokensText(int(s.tokens.size())));
        server->setExpanded(true);
    }
    m_title->setText(a.servers.isEmpty()
                         ? tr("No Connect server can reach the vault \"%1\".").arg(a.vault.name)
                         : tr("The vault \"%1\" is reached by %2 through %3.")
                               .arg(a.vault.name,
                                    a.servers.size() == 1 ? tr("1 server")
                                                          : tr("%1 servers").arg(a.servers.size()),
                                    tokensText(tokens)));
}

void ReachDialog::showGroup(const QString &groupId)
{
    setWindowTitle(tr("What this group administers"));
    Group group;
    for (const Group &g : m_workspace->directory()->groups())
        if (g.id == groupId)
            group = g;
    m_workspace->client()->groupGrants(restart(),
                                       [this, group](const Result<QList<GroupGrant>> &r) {
                                           if (!r.ok())
                                               return fail(r.error());
                                           showGroupServers(group, *r);
                                       });
}

void ReachDialog::showUser(const QString &userId)
{
    setWindowTitle(tr("What this person administers"));
    User user{userId, userId, {}, {}};
    if (const User *known = m_workspace->users()->find(userId))
        user = *known;
    const QPointer<QObject> request = restart();
    // The user's groups, then what those groups are granted.
    m_workspace->client()->userGroups(
        userId, request, [this, request, user](const Result<QList<Group>> &groups) {
            if (!groups.ok())
                return fail(groups.error());
            m_workspace->client()->groupGrants(
                request, [this, user, groups = *groups](const Result<QList<GroupGrant>> &r) {
                    if (!r.ok())
                        return fail(r.error());
                    showUserServers(user, groups, *r);
                });
        });
}

void ReachDialog::showUserServers(const User &user, const QList<Group> &groups,
                                  const QList<GroupGrant> &grants)
{
    setProperty("object", displayId(user.id, IdKind::User));
    const auto [servers, vaults] = showManagedServers(groups, grants);
    QStringList names;
    for (const Group &g : groups)
        names.append(tr("\"%1\"", "a group's name in quotes").arg(g.name));
    const QString who = user.name.isEmpty() ? user.email : user.name;
    if (groups.isEmpty())
        m_title->setText(tr("%1 belongs to no group, so administers no Connect server.").arg(who));
    else
        m_title->setText(
            (groups.size() == 1 ? tr("%1 administers %2 (%3 in all) through the group %4.")
                                : tr("%1 administers %2 (%3 in all) through the groups %4."))
                .arg(who, serversText(servers), vaultsText(vaults), names.join(u", "_s)));
}

void ReachDialog::showGroupServers(const Group &group, const QList<GroupGrant> &grants)
{
    setProperty("object", displayId(group.id, IdKind::Group));
    const auto [servers, vaults] = showManagedServers({group}, grants);
    m_title->setText(tr("The group \"%1\" administers %2 (%3 in all).")
                         .arg(group.name, serversText(servers), vaultsText(vaults)));
}

QString ReachDialog::serversText(int servers)
{
    return servers == 1 ? tr("1 server") : tr("%1 servers").arg(servers);
}

QString ReachDialog::vaultsText(int vaults)
{
    return vaults == 1 ? tr("1 vault") : tr("%1 vaults").arg(vaults);
}

std::pair<int, int> ReachDialog::showManagedServers(const QList<Group> &groups,
                                                    const QList<GroupGrant> &grants)
{
    m_loading = false;
    bool all = false;
    QSet<QString> ids;
    for (const Group &g : groups) {
        all |= g.builtin;
        ids.insert(g.id);
    }
    QSet<QString> servers;
    for (const GroupGrant &g : grants) {
        if (!ids.contains(g.groupId))
            continue;
        all |= g.kind == GroupGrantKind::Manager || g.kind == GroupGrantKind::AllServers;
        if (g.kind == GroupGrantKind::Server)
            servers.insert(g.serverId);
    }
    QList<Server> shown;
    for (const Server &s : m_workspace->servers()->items())
        if (all || servers.contains(s.id))
            shown.append(s);
    NameOrder::current().sort(shown);
    QSet<QString> vaults;
    for (const Server &s : shown) {
        QTreeWidgetItem *server = serverItem(s);
        for (const QString &v : s.vaults) {
            vaults.insert(v);
            auto *item = new QTreeWidgetItem(
                server, {tr("Vault %1").arg(m_workspace->directory()->vaultName(v))});
            item->setData(0, KindRole, VaultItem);
            item->setData(0, IdRole, displayId(v, IdKind::Vault));
            item->setIcon(0, theme::icon(QStringLiteral("vault-access")));
        }
        int tokens = 0;
        for (const Token &t : m_workspace->tokens()->items())
            if (t.serverId == s.id) {
                tokenItem(server, t, {});
                ++tokens;
            }
        server->setText(1, tr("%1 vaults, %2").arg(s.vaults.size()).arg(tokensText(tokens)));
    }
    return {int(shown.size()), int(vaults.size())};
}

void ReachDialog::activate(QTreeWidgetItem *item)
{
    const QString server = item->data(0, ServerRole).toString();
    switch (item->data(0, KindRole).toInt()) {
    case ServerItem:
        emit openServer(server);
        break;
    case TokenItem:
        emit openToken(canonicalId(item->data(0, IdRole).toString()), server);
        break;
    default:
        emit showActivity(item->data(0, IdRole).toString());
        break;
    }
}

} // namespace ca

// Who can reach a vault: the servers that have it, each with its tokens that name it
// (access, expiry, state) and the groups that manage the server. The same turned round for
// a group: the servers it manages, their vaults and tokens. Double-click opens the server or
// the token on its own page.
#pragma once

#include "core/ApiError.h"
#include "core/Replies.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace ca {

class Workspace;

class ReachDialog : public QDialog
{
    Q_OBJECT
public:
    enum Kind { ServerItem = 1, TokenItem, GroupItem, VaultItem };
    static constexpr int KindRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;
    static constexpr int ServerRole = Qt::UserRole + 3;

    ReachDialog(Workspace *workspace, QWidget *parent = nullptr);

    // Asks the service (GET /v1/vaults/{vault}/access) and shows the answer.
    void showVault(const QString &vault);
    // From what the window has loaded and the group grants: what the group administers.
    void showGroup(const QString &groupId);
    // The same through all of a user's groups (GET /v1/users/{user}/groups).
    void showUser(const QString &userId);

    QTreeWidget *tree() const { return m_tree; }
    QString summary() const;
    bool isLoading() const { return m_loading; }

signals:
    void openServer(const QString &serverId);
    void openToken(const QString &tokenId, const QString &serverId);
    void showActivity(const QString &object);

private:
    void showAccess(const VaultAccess &access);
    void showGroupServers(const Group &group, const QList<GroupGrant> &grants);
    void showUserServers(const User &user, const QList<Group> &groups,
                         const QList<GroupGrant> &grants);
    // The servers the groups manage, with their vaults and tokens: {servers, vaults}.
    static QString serversText(int servers); // "1 server", "3 servers"
    static QString vaultsText(int vaults);
    std::pair<int, int> showManagedServers(const QList<Group> &groups,
                                           const QList<GroupGrant> &grants);
    void fail(const ApiError &error);
    QTreeWidgetItem *serverItem(const Server &server);
    QTreeWidgetItem *tokenItem(QTreeWidgetItem *parent, const Token &token, const QString &vaultId);
    void activate(QTreeWidgetItem *item);
    QPointer<QObject> restart();

    Workspace *m_workspace;
    QLabel *m_title;
    QTreeWidget *m_tree;
    QLabel *m_note;
    QPointer<QObject> m_request;
    bool m_loading = false;
};

} // namespace ca

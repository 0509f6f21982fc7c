// The Servers page: the servers table with a filter, create (then save the credentials
// file at once), rename in place, delete with confirmation, copy ID, and a detail pane
// with the selected server's vaults and its tokens' scopes.
#pragma once

#include "gui/PageWidget.h"
#include "models/IdProxyModel.h"
#include "models/TokenScopeModel.h"

#include <memory>

class QTableView;

namespace Ui {
class ServersPage;
}

namespace ca {

class ServersPage : public PageWidget
{
    Q_OBJECT
public:
    explicit ServersPage(Workspace *workspace, QWidget *parent = nullptr);
    ~ServersPage() override;

    void addCommands(CommandController &commands, const PageActions &actions) override;
    QStringList selectedIds() const override;
    void newServer();
    QString selectedId() const;
    void select(const QString &serverId);
    QTableView *table() const override;

private:
    void rename(const QString &serverId);
    void deleteServer(const QString &serverId);
    void copyIds(const QStringList &serverIds);
    void focusFilter();
    void showDetail();
    std::unique_ptr<Ui::ServersPage> ui;
    IdProxyModel m_proxy;
    TokenScopeModel m_scopes;
};

} // namespace ca

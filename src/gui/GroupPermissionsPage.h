// The Group permissions page: groups x (Manager, All servers, each server). Each change is
// sent at once; the cell shows it is being saved, then the result in the message bar.
#pragma once

#include "gui/PageWidget.h"
#include "models/RowNameFilterProxy.h"

#include <memory>

class QTableView;

namespace Ui {
class GroupPermissionsPage;
}

namespace ca {

class GroupPermissionsPage : public PageWidget
{
    Q_OBJECT
public:
    explicit GroupPermissionsPage(Workspace *workspace, QWidget *parent = nullptr);
    ~GroupPermissionsPage() override;
    void addCommands(CommandController &commands, const PageActions &actions) override;
    QTableView *table() const override;
    void updateAccess(); // shows the grid to managers, an explanation to others
    void setFilterText(const QString &text);

private:
    void focusFilter();

    std::unique_ptr<Ui::GroupPermissionsPage> ui;
    RowNameFilterProxy m_proxy;
};

} // namespace ca

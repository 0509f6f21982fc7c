// The Vault access page: the grant matrix (servers x vaults) with rotated vault names and
// the server names in a frozen first column; edits are staged and marked, undoable,
// listed for review, then applied as one batch. Header context menus toggle whole rows
// and columns; a stale revision is reported with the collisions shown on their cells.
#pragma once

#include "gui/PageWidget.h"
#include "models/PendingChangesModel.h"

#include <QLabel>
#include <QSortFilterProxyModel>
#include <memory>

class QTableView;

namespace Ui {
class VaultAccessPage;
}

class QMenu;

namespace ca {

// Shows the servers and vaults whose names match; a dimension nothing matches stays whole.
class MatrixFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString &text);
    void setGrantableOnly(bool on);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool filterAcceptsColumn(int sourceColumn, const QModelIndex &sourceParent) const override;

private:
    bool anyMatches(Qt::Orientation orientation) const;
    QString m_text;
    bool m_grantableOnly = false;
};

class VaultAccessPage : public PageWidget
{
    Q_OBJECT
public:
    explicit VaultAccessPage(Workspace *workspace, QWidget *parent = nullptr);
    ~VaultAccessPage() override;

    void addCommands(CommandController &commands, const PageActions &actions) override;
    void apply();
    void discard();
    void setReviewVisible(bool visible);
    void toggleReview();
    QTableView *table() const override;
    MatrixFilterProxy *proxy() { return &m_proxy; }
    // The actions of a vault's header menu (column of the access model), filled into menu.
    void fillColumnMenu(QMenu *menu, int column);
    QString emptyText() const; // what the empty grid says ("" while it shows cells)

signals:
    // Show activity of a server or vault (a display ID), from the header menus.
    void activityRequested(const QString &object);
    // Who can reach this vault… (its canonical ID), from the column header menu.
    void reachRequested(const QString &vaultId);

private:
    void focusFilter();
    void updatePending(int count);
    void showRowMenu(const QPoint &pos);
    void showColumnMenu(const QPoint &pos);
    void showCellMenu(const QPoint &pos);
    std::unique_ptr<Ui::VaultAccessPage> ui;
    MatrixFilterProxy m_proxy;
    PendingChangesModel m_pending;
};

} // namespace ca

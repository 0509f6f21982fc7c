// Draws a token's vaults ("Kubernetes (r), Customers (rw)") from TokenModel's ScopesRole:
// a vault the token's server no longer reaches is struck through and dimmed (its tooltip
// says why), so the Tokens page agrees with the server's own vault list.
#pragma once

#include <QStyledItemDelegate>

namespace ca {

class TokenScopesDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace ca

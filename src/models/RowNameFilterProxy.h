// Keeps the rows whose name — the text of their vertical header, as in the group grid —
// contains the filter text, ignoring case. Columns are left alone.
#pragma once

#include <QSortFilterProxyModel>

namespace ca {

class RowNameFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace ca

// Keeps the rows whose name — the text of their vertical header, as in the group grid —
// contains the filter text, ignoring case. Columns are left alone. The names are folded once
// and kept until the source's rows or headers change, not on every keystroke.
#pragma once

#include <QSortFilterProxyModel>

namespace ca {

class RowNameFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setSourceModel(QAbstractItemModel *source) override;
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_folded;                  // m_text, case folded
    mutable QList<QString> m_rowNames; // folded; empty when they must be read again
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace ca

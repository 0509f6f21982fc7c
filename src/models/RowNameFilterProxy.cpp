#include "models/RowNameFilterProxy.h"

namespace ca {

void RowNameFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_rowNames.clear();
    // Connected before the base class connects its own handlers, which filter again: the
    // names must be forgotten first.
    if (source) {
        const auto forget = [this] { m_rowNames.clear(); };
        m_sourceConnections = {
            connect(source, &QAbstractItemModel::rowsInserted, this, forget),
            connect(source, &QAbstractItemModel::rowsRemoved, this, forget),
            connect(source, &QAbstractItemModel::rowsMoved, this, forget),
            connect(source, &QAbstractItemModel::modelReset, this, forget),
            connect(source, &QAbstractItemModel::layoutChanged, this, forget),
            connect(source, &QAbstractItemModel::headerDataChanged, this, forget),
            connect(source, &QAbstractItemModel::dataChanged, this, forget)};
    }
    QSortFilterProxyModel::setSourceModel(source);
}

void RowNameFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_folded = m_text.toCaseFolded();
    invalidateRowsFilter();
}

bool RowNameFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_folded.isEmpty())
        return true;
    const int rows = sourceModel()->rowCount();
    if (m_rowNames.size() != rows) {
        m_rowNames.clear();
        m_rowNames.reserve(rows);
        for (int row = 0; row < rows; ++row)
            m_rowNames.append(
                sourceModel()->headerData(row, Qt::Vertical).toString().toCaseFolded());
    }
    return m_rowNames.at(sourceRow).contains(m_folded);
}

} // namespace ca

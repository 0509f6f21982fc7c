#include "models/RowNameFilterProxy.h"

namespace ca {

void RowNameFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool RowNameFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return m_text.isEmpty() || sourceModel()
                                   ->headerData(sourceRow, Qt::Vertical)
                                   .toString()
                                   .contains(m_text, Qt::CaseInsensitive);
}

} // namespace ca

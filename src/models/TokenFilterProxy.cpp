#include "models/TokenFilterProxy.h"

#include "models/Roles.h"
#include "models/TokenModel.h"

namespace ca {

TokenFilterProxy::TokenFilterProxy(QObject *parent)
    : IdProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void TokenFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    m_tokens = qobject_cast<const TokenModel *>(source); // not once per row
    IdProxyModel::setSourceModel(source);
}

void TokenFilterProxy::setText(const QString &text)
{
    if (m_text == text.trimmed())
        return;
    m_text = text.trimmed();
    m_folded = TokenModel::folded(m_text);
    invalidateRowsFilter();
}

void TokenFilterProxy::setServer(const QString &serverId)
{
    if (m_server == serverId)
        return;
    m_server = serverId;
    invalidateRowsFilter();
}

void TokenFilterProxy::setStates(const QSet<TokenState> &states)
{
    if (m_states == states)
        return;
    m_states = states;
    invalidateRowsFilter();
}

void TokenFilterProxy::setExpiresWithinDays(int days)
{
    if (m_withinDays == days)
        return;
    m_withinDays = days;
    invalidateRowsFilter();
}

bool TokenFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const TokenModel *model = m_tokens;
    if (!model)
        return true;
    const Token &t = model->item(sourceRow);
    if (!m_server.isEmpty() && t.serverId != m_server)
        return false;
    if (!m_states.isEmpty() || m_withinDays >= 0) {
        const QDateTime now = model->now();
        const TokenState state = t.stateAt(now);
        if (!m_states.isEmpty() && !m_states.contains(state))
            return false;
        if (m_withinDays >= 0 && (state != TokenState::Active || !t.expiresAt.isValid() ||
                                  now.secsTo(t.expiresAt) > qint64(m_withinDays) * 86400))
            return false;
    }
    // The raw fields, by keys the model folded when the rows arrived: building each row's
    // display strings would cost 3x as much, folding them on every keystroke twice.
    return m_folded.isEmpty() || model->rowContains(sourceRow, m_folded);
}

} // namespace ca

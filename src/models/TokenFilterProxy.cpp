#include "models/TokenFilterProxy.h"

#include "models/Roles.h"
#include "models/TokenModel.h"

namespace ca {

TokenFilterProxy::TokenFilterProxy(QObject *parent)
    : IdProxyModel(parent)
{
    setDynamicSortFilter(true);
}

const TokenModel *TokenFilterProxy::tokens() const
{
    return qobject_cast<const TokenModel *>(sourceModel());
}

void TokenFilterProxy::setText(const QString &text)
{
    if (m_text == text.trimmed())
        return;
    m_text = text.trimmed();
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
    const TokenModel *model = tokens();
    if (!model)
        return true;
    const Token &t = model->item(sourceRow);
    if (!m_server.isEmpty() && t.serverId != m_server)
        return false;
    const QDateTime now = model->now();
    const TokenState state = t.stateAt(now);
    if (!m_states.isEmpty() && !m_states.contains(state))
        return false;
    if (m_withinDays >= 0) {
        if (state != TokenState::Active || !t.expiresAt.isValid() ||
            now.secsTo(t.expiresAt) > qint64(m_withinDays) * 86400)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    // Match the raw fields; building each row's display strings would cost 3x as much.
    auto has = [this](const QString &field) { return field.contains(m_text, Qt::CaseInsensitive); };
    if (has(t.name) || has(t.id) || has(model->serverName(t.serverId)))
        return true;
    for (const TokenVault &v : t.vaults) {
        if (has(model->vaultName(v.vaultId)))
            return true;
    }
    return false;
}

} // namespace ca

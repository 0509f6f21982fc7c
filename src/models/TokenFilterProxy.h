// Filters and sorts the Tokens table: free text (name, server, vaults, ID), one server,
// states (active / revoked / expired), and "expires within N days". Sorting uses RawRole,
// so expiry sorts as a time, not as text.
#pragma once

#include "core/Domain.h"

#include "models/IdProxyModel.h"

#include <QSet>

namespace ca {

class TokenModel;

class TokenFilterProxy : public IdProxyModel
{
    Q_OBJECT
public:
    explicit TokenFilterProxy(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *source) override;

    void setText(const QString &text);
    void setServer(const QString &serverId);        // empty: all servers
    void setStates(const QSet<TokenState> &states); // empty: all states
    void setExpiresWithinDays(int days); // < 0: no limit; expired and never-expiring drop out

    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const TokenModel *m_tokens = nullptr;
    QString m_text;
    QString m_folded; // m_text as TokenModel::rowContains() takes it
    QString m_server;
    QSet<TokenState> m_states;
    int m_withinDays = -1;
};

} // namespace ca

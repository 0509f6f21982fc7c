// The "Review and apply" list: every staged change of the vault access matrix in words, and
// under each revoke what it takes away ("2 tokens lose Kubernetes: deploy (rw), monitor (r)")
// when the tokens are known.
#pragma once

#include "client/ImpactPreview.h"

#include <QAbstractListModel>

namespace ca {

class TokenModel;
class VaultAccessModel;

class PendingChangesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit PendingChangesModel(VaultAccessModel *matrix, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The tokens whose losses each revoke lists; followed as they change (nullptr: none).
    void setTokens(const TokenModel *tokens);
    // What the staged revokes take away (empty without tokens).
    const BatchImpact &impact() const { return m_impact; }
    // "Apply 12 changes — 5 tokens lose access", for the Apply button.
    QString applyText() const;

private:
    void rebuild();
    struct Line
    {
        QString text;
        QString impact; // what a revoke takes away; empty for grants or without tokens
        QString serverId;
        QString vaultId;
        bool granted;
    };
    VaultAccessModel *m_matrix;
    const TokenModel *m_tokens = nullptr;
    bool m_rebuildQueued = false; // a rebuild for token changes waits in the event queue
    QList<Line> m_lines;
    BatchImpact m_impact;
};

} // namespace ca

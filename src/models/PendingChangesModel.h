// The "Review and apply" list: every staged change of the vault access matrix in words.
#pragma once

#include <QAbstractListModel>

namespace ca {

class VaultAccessModel;

class PendingChangesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit PendingChangesModel(VaultAccessModel *matrix, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    struct Line
    {
        QString text;
        QString serverId;
        QString vaultId;
        bool granted;
    };
    VaultAccessModel *m_matrix;
    QList<Line> m_lines;
};

} // namespace ca

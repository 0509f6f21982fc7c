// New Connect server: a name and the vaults it may reach. Vaults that can't be granted are
// listed disabled with the reason. The dialog stays open until the service has answered.
#pragma once

#include "core/Domain.h"

#include <QDialog>
#include <memory>

namespace Ui {
class NewServerDialog;
}

namespace ca {

class NewServerDialog : public QDialog
{
    Q_OBJECT
public:
    NewServerDialog(const QList<Vault> &vaults, QWidget *parent = nullptr);
    ~NewServerDialog() override;

    QString name() const;
    QStringList selectedVaultIds() const;
    void setName(const QString &name);
    void setVaultChecked(const QString &vaultId, bool checked);
    void showError(const QString &message);
    void setWorking(bool working);
    bool isWorking() const { return m_working; }
    void reject() override;

signals:
    void createRequested(const QString &name, const QStringList &vaultIds);

private:
    void updateButtons();
    bool m_working = false;
    std::unique_ptr<Ui::NewServerDialog> ui;
};

} // namespace ca

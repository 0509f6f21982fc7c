// New access token: name, server, the server's vaults each with r / w / rw, and an expiry
// from presets or typed ("1w2d"), checked as you type. Stays open until the service answers.
#pragma once

#include "client/ApiClient.h"
#include "core/Domain.h"

#include <QDialog>
#include <memory>

namespace Ui {
class NewTokenDialog;
}

namespace ca {

class Directory;

class NewTokenDialog : public QDialog
{
    Q_OBJECT
public:
    NewTokenDialog(const QList<Server> &servers, const Directory *directory,
                   QWidget *parent = nullptr);
    ~NewTokenDialog() override;

    void setServer(const QString &serverId);
    void setName(const QString &name);
    // Check a vault of the chosen server with this access (unchecked when nullopt).
    void setVault(const QString &vaultId, std::optional<Access> access);
    // Preset index or a typed duration ("" = never).
    void setExpiry(const QString &duration);
    NewTokenRequest request() const;
    QString durationProblem() const; // empty when the typed duration is fine
    bool canCreate() const;
    void showError(const QString &message);
    void setWorking(bool working);
    bool isWorking() const { return m_working; }
    void reject() override;

signals:
    void createRequested(const ca::NewTokenRequest &request);

private:
    void fillVaults();
    void updateState();
    std::optional<QString> expiresIn() const;

    bool m_working = false;
    std::unique_ptr<Ui::NewTokenDialog> ui;
    QList<Server> m_servers;
    const Directory *m_directory;
};

} // namespace ca

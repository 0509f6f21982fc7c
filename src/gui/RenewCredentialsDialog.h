// Servers → Renew credentials…: before the server gets a new secret and file, says that the
// old file stops working and how many active tokens stop matching, and offers to rotate them
// in the same step (with when their old tokens go).
#pragma once

#include "core/Requests.h"

#include <QDialog>

class QCheckBox;

class QDialogButtonBox;
class QLabel;

namespace ca {

class RevocationTimeEdit;

class RenewCredentialsDialog : public QDialog
{
    Q_OBJECT
public:
    // staleTokens: the server's active tokens that no replacement is scheduled for.
    RenewCredentialsDialog(const QString &serverName, int staleTokens, QWidget *parent = nullptr);

    RenewCredentialsRequest request() const;
    void showError(const QString &message);
    void setWorking(bool working);
    void reject() override;

signals:
    void renewRequested(const ca::RenewCredentialsRequest &request);

private:
    QCheckBox *m_rotate = nullptr;
    RevocationTimeEdit *m_overlap = nullptr;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_working = false;
};

} // namespace ca

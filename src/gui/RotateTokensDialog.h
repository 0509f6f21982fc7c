// Rotate one or several tokens: what each replacement carries (same server, vaults and access,
// same lifetime length from now), its name (editable when there is one token) and when the
// old token stops working (now, 1 h, 24 h or 7 d). Stays open until the service answers.
#pragma once

#include "core/Domain.h"
#include "core/Requests.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ca {

class RevocationTimeEdit;

class Directory;

class RotateTokensDialog : public QDialog
{
    Q_OBJECT
public:
    RotateTokensDialog(const QList<Token> &tokens, const Directory *directory,
                       QWidget *parent = nullptr);

    // "deploy (rotated 2026-12-01)", as the service names a replacement by default.
    static QString defaultName(const QString &oldName, const QDate &today);

    RotateTokensRequest request() const;
    void showError(const QString &message);
    void setWorking(bool working);
    void reject() override;

signals:
    void rotateRequested(const ca::RotateTokensRequest &request);

private:
    QString describe(const Token &token) const;

    QList<Token> m_tokens;
    const Directory *m_directory;
    QLineEdit *m_name = nullptr; // only for one token
    RevocationTimeEdit *m_overlap = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_working = false;
};

} // namespace ca

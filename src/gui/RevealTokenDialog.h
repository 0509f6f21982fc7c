// Shows a new token once, with what it may do, and copies it to the clipboard on request;
// the clipboard is cleared again after a minute if it still holds the token.
#pragma once

#include "core/Domain.h"

#include <QDialog>
#include <memory>

namespace Ui {
class RevealTokenDialog;
}

namespace ca {

class Directory;

class RevealTokenDialog : public QDialog
{
    Q_OBJECT
public:
    RevealTokenDialog(const QString &jwt, const Token &token, const Directory *directory,
                      QWidget *parent = nullptr);
    ~RevealTokenDialog() override;
    QString shownToken() const;

private:
    std::unique_ptr<Ui::RevealTokenDialog> ui;
    QString m_jwt;
};

} // namespace ca

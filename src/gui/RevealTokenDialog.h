// Shows a new token once, with what it may do; copies it to the clipboard (cleared again
// after a minute if it still holds the token) or saves it to a file only the user can read.
// Until it was copied or saved, closing (Escape, the close button, Close) asks first: the
// service does not keep it.
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
    bool isKept() const { return m_kept; } // copied or saved

public slots:
    void reject() override;

private:
    void saveToFile();

    std::unique_ptr<Ui::RevealTokenDialog> ui;
    QString m_jwt;
    QString m_name;
    bool m_kept = false;
};

} // namespace ca

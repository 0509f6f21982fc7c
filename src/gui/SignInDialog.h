// Sign-in: service URL, email, password. Stays open while the service checks them and
// shows its answer; "Use a local sandbox" asks for the sandbox instead.
#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class SignInDialog;
}

namespace ca {

class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setAccount(const QString &url, const QString &email);
    void setReason(const QString &reason);
    void showError(const QString &message); // and let the user try again
    void setWorking(bool working);
    QString url() const;
    QString email() const;

signals:
    void signInRequested(const QString &url, const QString &email, const QString &password);
    void sandboxRequested();

private:
    void submit();
    void updateButtons();
    std::unique_ptr<Ui::SignInDialog> ui;
};

} // namespace ca

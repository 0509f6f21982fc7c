// Sign-in: service URL, email, password. Stays open while the service checks them and
// shows its answer; says what is wrong with what was typed ("localhost:8080" is taken as
// http:// on this computer); "Use a local sandbox" asks for the sandbox instead.
#pragma once

#include "models/Colors.h"

#include <QDialog>
#include <QUrl>
#include <memory>
#include <optional>

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
    QString url() const; // as it will be used: "localhost:8080" -> "http://localhost:8080"
    QString email() const;
    // The URL typed, completed where that is safe, or *problem set to a sentence.
    static QUrl serviceUrl(const QString &typed, QString *problem);

signals:
    void signInRequested(const QString &url, const QString &email, const QString &password);
    void sandboxRequested();

private:
    void submit();
    void updateButtons();
    void setStatus(const QString &text, std::optional<colors::Tone> tone);
    std::unique_ptr<Ui::SignInDialog> ui;
    bool m_showsProblem = false; // the status line says what is wrong with the input
};

} // namespace ca

#include "gui/SignInDialog.h"

#include "gui/Theme.h"
#include "ui_SignInDialog.h"

#include <QPushButton>
#include <QUrl>

namespace ca {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SignInDialog>())
{
    ui->setupUi(this);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->sandboxButton, &QPushButton::clicked, this, [this] {
        setWorking(true);
        ui->statusLabel->setText(tr("Starting the local sandbox…"));
        emit sandboxRequested();
    });
    for (QLineEdit *edit : {ui->urlEdit, ui->emailEdit, ui->passwordEdit})
        connect(edit, &QLineEdit::textChanged, this, &SignInDialog::updateButtons);
    updateButtons();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setAccount(const QString &url, const QString &email)
{
    ui->urlEdit->setText(url);
    ui->emailEdit->setText(email);
    (url.isEmpty() ? ui->urlEdit : email.isEmpty() ? ui->emailEdit : ui->passwordEdit)->setFocus();
}

void SignInDialog::setReason(const QString &reason)
{
    ui->intro->setText(reason);
}

void SignInDialog::showError(const QString &message)
{
    setWorking(false);
    theme::setTextTone(ui->statusLabel, colors::Tone::Negative);
    ui->statusLabel->setText(message);
    ui->passwordEdit->selectAll();
    ui->passwordEdit->setFocus();
}

void SignInDialog::setWorking(bool working)
{
    for (QWidget *w : std::initializer_list<QWidget *>{ui->urlEdit, ui->emailEdit, ui->passwordEdit,
                                                       ui->sandboxButton})
        w->setEnabled(!working);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!working);
    if (working)
        theme::setTextTone(ui->statusLabel, std::nullopt);
    else
        updateButtons();
}

QString SignInDialog::url() const
{
    return ui->urlEdit->text().trimmed();
}

QString SignInDialog::email() const
{
    return ui->emailEdit->text().trimmed();
}

void SignInDialog::updateButtons()
{
    const QUrl url(ui->urlEdit->text().trimmed(), QUrl::StrictMode);
    const bool ok = url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
                    !url.host().isEmpty() && ui->emailEdit->text().contains(u'@') &&
                    !ui->passwordEdit->text().isEmpty();
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void SignInDialog::submit()
{
    setWorking(true);
    ui->statusLabel->setText(tr("Signing in…"));
    const QString password = ui->passwordEdit->text();
    ui->passwordEdit->clear(); // not kept in the widget longer than needed
    emit signInRequested(url(), email(), password);
}

} // namespace ca

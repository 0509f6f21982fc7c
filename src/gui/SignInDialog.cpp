#include "gui/SignInDialog.h"

#include "gui/Theme.h"
#include "ui_SignInDialog.h"

#include <QHostAddress>
#include <QPushButton>
#include <QUrl>

using namespace Qt::StringLiterals;

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
    setStatus(message, colors::Tone::Negative);
    ui->passwordEdit->selectAll();
    ui->passwordEdit->setFocus();
}

void SignInDialog::setStatus(const QString &text, std::optional<colors::Tone> tone)
{
    theme::setTextTone(ui->statusLabel, tone);
    ui->statusLabel->setText(text);
    // A window does not grow for wrapped text by itself (its minimum size ignores height for
    // width), and the fields would be squashed instead: make room.
    layout()->activate();
    const int needed = heightForWidth(width());
    setMinimumHeight(std::max(needed, layout()->minimumSize().height()));
    if (needed > height())
        resize(width(), needed);
}

void SignInDialog::setWorking(bool working)
{
    for (QWidget *w : std::initializer_list<QWidget *>{ui->urlEdit, ui->emailEdit, ui->passwordEdit,
                                                       ui->sandboxButton})
        w->setEnabled(!working);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!working);
    if (working)
        setStatus(ui->statusLabel->text(), std::nullopt);
    else
        updateButtons();
}

QString SignInDialog::url() const
{
    QString problem;
    const QUrl url = serviceUrl(ui->urlEdit->text(), &problem);
    return problem.isEmpty() ? url.toString() : ui->urlEdit->text().trimmed();
}

QUrl SignInDialog::serviceUrl(const QString &typed, QString *problem)
{
    const QString text = typed.trimmed();
    if (text.isEmpty()) {
        *problem = tr("Type the address of the account service.");
        return {};
    }
    if (!text.contains(u"://"_s)) {
        // "localhost:8080" is plain HTTP on this computer; anywhere else the password would
        // travel unencrypted, so the scheme is not guessed.
        QUrl local(u"http://"_s + text, QUrl::StrictMode);
        const QString host = local.host();
        const bool loopback = host == u"localhost" || QHostAddress(host).isLoopback();
        if (local.isValid() && loopback)
            return local;
        *problem = tr("Start the address with https:// (for example https://%1), or http:// "
                      "for a service on this computer.")
                       .arg(text);
        return {};
    }
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        *problem = tr("\"%1\" is not a valid address.").arg(text);
        return {};
    }
    if (url.scheme() != u"http" && url.scheme() != u"https") {
        *problem = tr("The address must start with https:// (or http:// for a service on this "
                      "computer), not %1://.")
                       .arg(url.scheme());
        return {};
    }
    if (url.host().isEmpty()) {
        *problem =
            tr("The address needs a host name, for example https://connect-admin.example.com.");
        return {};
    }
    return url;
}

QString SignInDialog::email() const
{
    return ui->emailEdit->text().trimmed();
}

void SignInDialog::updateButtons()
{
    // Say what is wrong with what was typed; an empty field only keeps the button grey.
    QString urlProblem;
    serviceUrl(ui->urlEdit->text(), &urlProblem);
    const QString email = ui->emailEdit->text().trimmed();
    QString problem;
    if (!urlProblem.isEmpty() && !ui->urlEdit->text().trimmed().isEmpty())
        problem = urlProblem;
    else if (!email.isEmpty() && !email.contains(u'@'))
        problem = tr("Type the email address you sign in with.");
    const bool ok =
        urlProblem.isEmpty() && email.contains(u'@') && !ui->passwordEdit->text().isEmpty();
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(ok);
    if (!problem.isEmpty())
        setStatus(problem, colors::Tone::Neutral);
    else if (m_showsProblem)
        setStatus({}, std::nullopt);
    m_showsProblem = !problem.isEmpty();
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

#include "gui/RevealTokenDialog.h"

#include "gui/ClipboardGuard.h"
#include "gui/CredentialsExport.h"
#include "gui/Seams.h"
#include "gui/SecretFileDialog.h"
#include "models/Directory.h"
#include "ui_RevealTokenDialog.h"

#include <QDir>
#include <QFontDatabase>
#include <QLocale>

namespace ca {

RevealTokenDialog::RevealTokenDialog(const QString &jwt, const Token &token,
                                     const Directory *directory, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::RevealTokenDialog>())
    , m_jwt(jwt)
    , m_name(token.name)
{
    ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    ui->tokenEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ui->tokenEdit->setPlainText(jwt);
    ui->tokenEdit->setWordWrapMode(QTextOption::WrapAnywhere);
    QStringList vaults;
    for (const TokenVault &v : token.vaults)
        vaults.append(scopeText(directory->vaultName(v.vaultId), v.access));
    ui->summary->setText(
        tr("\"%1\" for %2 — vaults: %3 — expires: %4")
            .arg(token.name, directory->serverName(token.serverId),
                 vaults.join(QStringLiteral(", ")),
                 token.expiresAt.isValid()
                     ? QLocale().toString(token.expiresAt.toLocalTime(), QLocale::LongFormat)
                     : tr("never")));
    connect(ui->copyButton, &QPushButton::clicked, this, [this] {
        ClipboardGuard *guard = ClipboardGuard::instance();
        guard->copySecret(m_jwt);
        ui->clipboardNote->setText(
            tr("Copied. The clipboard is cleared in %1 seconds if it still holds the token.")
                .arg(guard->clearAfterMs() / 1000));
        m_kept = true;
    });
    connect(ui->saveButton, &QPushButton::clicked, this, &RevealTokenDialog::saveToFile);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    ui->copyButton->setFocus();
    ClipboardGuard::instance()->watch(m_jwt); // Ctrl+C in the field is marked and guarded too
}

RevealTokenDialog::~RevealTokenDialog()
{
    ClipboardGuard::instance()->unwatch(m_jwt);
    ui->tokenEdit->clear(); // the token leaves the widget with the dialog
}

QString RevealTokenDialog::shownToken() const
{
    return ui->tokenEdit->toPlainText();
}

void RevealTokenDialog::saveToFile()
{
    SecretFileRequest request;
    request.title = tr("Save the token \"%1\"").arg(m_name);
    const QString part = fileNamePart(m_name);
    request.suggestedPath = QDir(lastCredentialsFolder())
                                .filePath(QStringLiteral("connect-token-%1.jwt")
                                              .arg(part.isEmpty() ? QStringLiteral("new") : part));
    request.filter = tr("Token (*.jwt *.txt)");
    request.content = m_jwt.toLatin1() + '\n';
    const QString path = saveSecretFile(this, request);
    if (path.isEmpty())
        return;
    m_kept = true;
    ui->clipboardNote->setText(
        tr("Saved to %1 (readable by you only).").arg(QDir::toNativeSeparators(path)));
}

void RevealTokenDialog::reject()
{
    if (!m_kept &&
        seams::ask(this, QMessageBox::Warning, tr("Close without keeping the token?"),
                   tr("You have not copied or saved the token \"%1\".").arg(m_name),
                   QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel,
                   tr("It is shown only now: the service does not keep it. Without it, revoke "
                      "the token and issue a new one.")) != QMessageBox::Discard)
        return;
    QDialog::reject();
}

} // namespace ca

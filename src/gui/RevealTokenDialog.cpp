#include "gui/RevealTokenDialog.h"

#include "gui/ClipboardGuard.h"
#include "models/Directory.h"
#include "ui_RevealTokenDialog.h"

#include <QFontDatabase>
#include <QLocale>

namespace ca {

RevealTokenDialog::RevealTokenDialog(const QString &jwt, const Token &token,
                                     const Directory *directory, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::RevealTokenDialog>())
    , m_jwt(jwt)
{
    ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    ui->tokenEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ui->tokenEdit->setPlainText(jwt);
    ui->tokenEdit->setWordWrapMode(QTextOption::WrapAnywhere);
    QStringList vaults;
    for (const TokenVault &v : token.vaults)
        vaults.append(
            QStringLiteral("%1 (%2)").arg(directory->vaultName(v.vaultId), accessSuffix(v.access)));
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
    });
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    ui->copyButton->setFocus();
}

RevealTokenDialog::~RevealTokenDialog()
{
    ui->tokenEdit->clear(); // the token leaves the widget with the dialog
}

QString RevealTokenDialog::shownToken() const
{
    return ui->tokenEdit->toPlainText();
}

} // namespace ca

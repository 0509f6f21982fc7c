#include "gui/NewServerDialog.h"

#include "core/NameOrder.h"
#include "gui/Theme.h"
#include "ui_NewServerDialog.h"

#include <QPushButton>

namespace ca {

NewServerDialog::NewServerDialog(const QList<Vault> &vaults, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::NewServerDialog>())
{
    ui->setupUi(this);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Create server"));
    QList<Vault> sorted = vaults;
    NameOrder::current().sort(sorted);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Vault &a, const Vault &b) {
        return a.grantable() && !b.grantable(); // those that can be granted first
    });
    for (const Vault &v : std::as_const(sorted)) {
        auto *item = new QListWidgetItem(v.name, ui->vaultList);
        item->setData(Qt::UserRole, v.id);
        item->setCheckState(Qt::Unchecked);
        if (!v.grantable()) {
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(notGrantableExplanation(v.type, v.name));
            item->setText(tr("%1 (can't be granted)").arg(v.name));
        } else if (!v.accessible) {
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(
                tr("You can't grant \"%1\": you don't have access to it yourself.").arg(v.name));
            item->setText(tr("%1 (no access)").arg(v.name));
        } else {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        }
    }
    connect(ui->vaultFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < ui->vaultList->count(); ++i)
            ui->vaultList->item(i)->setHidden(
                !ui->vaultList->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    connect(ui->nameEdit, &QLineEdit::textChanged, this, &NewServerDialog::updateButtons);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        setWorking(true);
        emit createRequested(name(), selectedVaultIds());
    });
    updateButtons();
}

NewServerDialog::~NewServerDialog() = default;

QString NewServerDialog::name() const
{
    return ui->nameEdit->text().trimmed();
}

QStringList NewServerDialog::selectedVaultIds() const
{
    QStringList ids;
    for (int i = 0; i < ui->vaultList->count(); ++i) {
        const QListWidgetItem *item = ui->vaultList->item(i);
        if (item->checkState() == Qt::Checked)
            ids.append(item->data(Qt::UserRole).toString());
    }
    return ids;
}

void NewServerDialog::setName(const QString &name)
{
    ui->nameEdit->setText(name);
}

void NewServerDialog::setVaultChecked(const QString &vaultId, bool checked)
{
    for (int i = 0; i < ui->vaultList->count(); ++i) {
        QListWidgetItem *item = ui->vaultList->item(i);
        if (item->data(Qt::UserRole).toString() == vaultId &&
            (item->flags() & Qt::ItemIsUserCheckable))
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void NewServerDialog::showError(const QString &message)
{
    setWorking(false);
    theme::setTextTone(ui->note, colors::Tone::Negative);
    ui->note->setText(message);
}

void NewServerDialog::reject()
{
    if (!m_working) // the service is creating it: its answer (and file) must not be lost
        QDialog::reject();
}

void NewServerDialog::setWorking(bool working)
{
    m_working = working;
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!working);
    ui->nameEdit->setEnabled(!working);
    ui->vaultList->setEnabled(!working);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!working && !name().isEmpty());
}

void NewServerDialog::updateButtons()
{
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!name().isEmpty());
}

} // namespace ca

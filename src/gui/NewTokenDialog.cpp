#include "gui/NewTokenDialog.h"

#include "core/Duration.h"
#include "core/NameOrder.h"
#include "gui/Theme.h"
#include "models/Directory.h"
#include "ui_NewTokenDialog.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

namespace ca {

namespace {
constexpr int kCustom = -1;
} // namespace

NewTokenDialog::NewTokenDialog(const QList<Server> &servers, const Directory *directory,
                               QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::NewTokenDialog>())
    , m_servers(servers)
    , m_directory(directory)
{
    ui->setupUi(this);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Issue token"));
    NameOrder::current().sort(m_servers);
    for (const Server &s : std::as_const(m_servers))
        ui->serverCombo->addItem(s.name, s.id);
    // Presets carry a duration in op's syntax; "" never expires.
    const QList<std::pair<QString, QString>> presets{{tr("Never"), QString()},
                                                     {tr("1 hour"), QStringLiteral("1h")},
                                                     {tr("1 day"), QStringLiteral("1d")},
                                                     {tr("7 days"), QStringLiteral("7d")},
                                                     {tr("30 days"), QStringLiteral("30d")},
                                                     {tr("90 days"), QStringLiteral("90d")},
                                                     {tr("1 year"), QStringLiteral("52w1d")}};
    for (const auto &[label, duration] : presets)
        ui->expiryCombo->addItem(label, duration);
    ui->expiryCombo->addItem(tr("Custom…"), kCustom);
    ui->expiryCombo->setCurrentIndex(4); // 30 days: expiring tokens are the safer default
    ui->vaultTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    ui->vaultTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    connect(ui->serverCombo, &QComboBox::currentIndexChanged, this, &NewTokenDialog::fillVaults);
    connect(ui->expiryCombo, &QComboBox::currentIndexChanged, this, &NewTokenDialog::updateState);
    connect(ui->durationEdit, &QLineEdit::textChanged, this, &NewTokenDialog::updateState);
    connect(ui->nameEdit, &QLineEdit::textChanged, this, &NewTokenDialog::updateState);
    connect(ui->vaultTable, &QTableWidget::itemChanged, this, &NewTokenDialog::updateState);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (!canCreate())
            return;
        setWorking(true);
        emit createRequested(request());
    });
    fillVaults();
}

NewTokenDialog::~NewTokenDialog() = default;

void NewTokenDialog::fillVaults()
{
    ui->vaultTable->setRowCount(0);
    const int index = ui->serverCombo->currentIndex();
    if (index < 0) {
        updateState();
        return;
    }
    const Server &server = m_servers.at(index);
    QStringList vaultIds = server.vaults;
    NameOrder::current().sortBy(vaultIds,
                                [this](const QString &id) { return m_directory->vaultName(id); });
    for (const QString &vaultId : std::as_const(vaultIds)) {
        const int row = ui->vaultTable->rowCount();
        ui->vaultTable->insertRow(row);
        auto *item = new QTableWidgetItem(m_directory->vaultName(vaultId));
        item->setData(Qt::UserRole, vaultId);
        const Vault *vault = m_directory->vault(vaultId);
        if (vault && !vault->accessible) {
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(
                tr("You can't issue tokens for \"%1\": you don't have access to it yourself.")
                    .arg(item->text()));
        } else {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        }
        item->setCheckState(Qt::Unchecked);
        ui->vaultTable->setItem(row, 0, item);
        auto *access = new QComboBox(ui->vaultTable);
        // Read only first: the least a token can do is the safer default.
        access->addItem(tr("Read only (r)"), int(Access::Read));
        access->addItem(tr("Read and write (rw)"), int(Access::ReadWrite));
        access->addItem(tr("Write only (w)"), int(Access::Write));
        access->setAccessibleName(tr("Permission for %1").arg(item->text()));
        access->setEnabled(item->flags() & Qt::ItemIsEnabled);
        ui->vaultTable->setCellWidget(row, 1, access);
    }
    if (server.vaults.isEmpty())
        ui->problem->setText(
            tr("This server has no vaults yet. Grant it some on the Vault access page first."));
    updateState();
}

void NewTokenDialog::setServer(const QString &serverId)
{
    const int index = ui->serverCombo->findData(serverId);
    if (index >= 0)
        ui->serverCombo->setCurrentIndex(index);
}

void NewTokenDialog::setName(const QString &name)
{
    ui->nameEdit->setText(name);
}

void NewTokenDialog::setVault(const QString &vaultId, std::optional<Access> access)
{
    for (int row = 0; row < ui->vaultTable->rowCount(); ++row) {
        QTableWidgetItem *item = ui->vaultTable->item(row, 0);
        if (item->data(Qt::UserRole).toString() != vaultId)
            continue;
        item->setCheckState(access ? Qt::Checked : Qt::Unchecked);
        if (access) {
            auto *combo = qobject_cast<QComboBox *>(ui->vaultTable->cellWidget(row, 1));
            combo->setCurrentIndex(combo->findData(int(*access)));
        }
    }
}

void NewTokenDialog::setExpiry(const QString &duration)
{
    const int preset = ui->expiryCombo->findData(duration);
    if (preset >= 0) {
        ui->expiryCombo->setCurrentIndex(preset);
        return;
    }
    ui->expiryCombo->setCurrentIndex(ui->expiryCombo->findData(kCustom));
    ui->durationEdit->setText(duration);
}

std::optional<QString> NewTokenDialog::expiresIn() const
{
    const QVariant data = ui->expiryCombo->currentData();
    if (data.userType() == QMetaType::Int && data.toInt() == kCustom)
        return ui->durationEdit->text().trimmed();
    const QString preset = data.toString();
    return preset.isEmpty() ? std::nullopt : std::optional<QString>(preset);
}

QString NewTokenDialog::durationProblem() const
{
    const auto d = expiresIn();
    if (!d)
        return {};
    const DurationParse parsed = parseDuration(*d);
    return parsed.seconds ? QString() : parsed.error;
}

NewTokenRequest NewTokenDialog::request() const
{
    NewTokenRequest r;
    r.name = ui->nameEdit->text().trimmed();
    r.server = ui->serverCombo->currentData().toString();
    r.expiresIn = expiresIn();
    for (int row = 0; row < ui->vaultTable->rowCount(); ++row) {
        const QTableWidgetItem *item = ui->vaultTable->item(row, 0);
        if (item->checkState() != Qt::Checked)
            continue;
        const auto *combo = qobject_cast<QComboBox *>(ui->vaultTable->cellWidget(row, 1));
        r.vaults.append(VaultPermission{item->data(Qt::UserRole).toString(),
                                        Access(combo->currentData().toInt())});
    }
    return r;
}

bool NewTokenDialog::canCreate() const
{
    const NewTokenRequest r = request();
    return !r.name.isEmpty() && !r.server.isEmpty() && !r.vaults.isEmpty() &&
           durationProblem().isEmpty();
}

void NewTokenDialog::updateState()
{
    const QVariant data = ui->expiryCombo->currentData();
    const bool custom = data.userType() == QMetaType::Int && data.toInt() == kCustom;
    ui->durationEdit->setVisible(custom);
    const auto d = expiresIn();
    if (!d) {
        theme::setTextTone(ui->durationHint, std::nullopt);
        ui->durationHint->setText(tr("The token never expires. Prefer an expiry where you can."));
    } else {
        const DurationParse parsed = parseDuration(*d);
        if (parsed.seconds) {
            theme::setTextTone(ui->durationHint, std::nullopt);
            ui->durationHint->setText(
                tr("Expires %1 (%2).")
                    .arg(QLocale().toString(QDateTime::currentDateTime().addSecs(*parsed.seconds),
                                            QLocale::LongFormat),
                         formatDuration(*parsed.seconds)));
        } else {
            theme::setTextTone(ui->durationHint, colors::Tone::Negative);
            ui->durationHint->setText(
                d->isEmpty() ? tr("Type a duration: s, m, h, d or w, e.g. 30d or 1w2d.")
                             : parsed.error);
        }
    }
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(canCreate());
}

void NewTokenDialog::showError(const QString &message)
{
    setWorking(false);
    theme::setTextTone(ui->problem, colors::Tone::Negative);
    ui->problem->setText(message);
}

void NewTokenDialog::reject()
{
    if (!m_working) // the service is issuing it: the token is shown only in its answer
        QDialog::reject();
}

void NewTokenDialog::setWorking(bool working)
{
    m_working = working;
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!working);
    for (QWidget *w : std::initializer_list<QWidget *>{
             ui->nameEdit, ui->serverCombo, ui->expiryCombo, ui->durationEdit, ui->vaultTable})
        w->setEnabled(!working);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!working && canCreate());
}

} // namespace ca

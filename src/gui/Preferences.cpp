#include "gui/Preferences.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ca {

namespace {
const QString kReminderDays = QStringLiteral("reminders/expiringWithinDays");
constexpr int kDefaultReminderDays = 7;
} // namespace

int preferences::reminderDays()
{
    bool ok = false;
    const int days = QSettings().value(kReminderDays, kDefaultReminderDays).toInt(&ok);
    return ok ? std::clamp(days, 0, kMaxReminderDays) : kDefaultReminderDays;
}

void preferences::setReminderDays(int days)
{
    QSettings().setValue(kReminderDays, std::clamp(days, 0, kMaxReminderDays));
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_reminderDays(new QSpinBox(this))
{
    setWindowTitle(tr("Preferences"));
    m_reminderDays->setRange(0, preferences::kMaxReminderDays);
    m_reminderDays->setSpecialValueText(tr("Never"));
    m_reminderDays->setSuffix(tr(" days"));
    m_reminderDays->setValue(preferences::reminderDays());
    m_reminderDays->setAccessibleName(tr("Remind of tokens expiring within days"));
    auto *form = new QFormLayout;
    form->addRow(tr("Remind me of tokens that expire &within:"), m_reminderDays);
    auto *note = new QLabel(
        tr("At start and once a day the program counts the active tokens that expire this soon "
           "and says so in the message bar (and as a desktop notification when there is a "
           "system tray)."),
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(std::max(sizeHint().width(), 460), sizeHint().height());
}

void PreferencesDialog::accept()
{
    preferences::setReminderDays(m_reminderDays->value());
    QDialog::accept();
}

} // namespace ca

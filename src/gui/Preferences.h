// What the user sets in Edit → Preferences, kept in QSettings (nothing secret), and the dialog
// that edits it.
#pragma once

#include <QDialog>

class QSpinBox;

namespace ca {

namespace preferences {
// Remind of tokens that expire within this many days; 0: no reminders. Default 7.
int reminderDays();
void setReminderDays(int days);
constexpr int kMaxReminderDays = 365;
} // namespace preferences

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    QSpinBox *reminderDaysBox() const { return m_reminderDays; }

    // Saves what the dialog shows.
    void accept() override;

private:
    QSpinBox *m_reminderDays;
};

} // namespace ca

// How long an old token keeps working after its replacement is issued: now, 1 hour, 24 hours,
// 7 days (24 hours by default, as the service: a day to roll the new one out) or until a date
// the user picks. Used where tokens are rotated: Rotate… and Renew credentials….
#pragma once

#include "core/Requests.h"

#include <QComboBox>
#include <QWidget>

class QDateTimeEdit;

namespace ca {

class OverlapComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit OverlapComboBox(QWidget *parent = nullptr);
    // The overlap as the service takes it: "0", "1h", "24h" or "7d"; empty for "at a date".
    QString overlap() const { return currentData().toString(); }
    bool atADate() const { return overlap().isEmpty(); }
};

// The choice above, and beside it a date and time field shown for "at a date…".
class RevocationTimeEdit : public QWidget
{
    Q_OBJECT
public:
    explicit RevocationTimeEdit(QWidget *parent = nullptr);
    RevocationTime revocationTime() const;
    OverlapComboBox *combo() const { return m_combo; }
    QDateTimeEdit *dateEdit() const { return m_date; }

private:
    OverlapComboBox *m_combo;
    QDateTimeEdit *m_date;
};

} // namespace ca

// How long an old token keeps working after its replacement is issued: now, 1 hour, 24 hours
// or 7 days (24 hours by default, as the service: a day to roll the new one out). Used where
// tokens are rotated: Rotate… and Renew credentials….
#pragma once

#include <QComboBox>

namespace ca {

class OverlapComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit OverlapComboBox(QWidget *parent = nullptr);
    // The overlap as the service takes it: "0", "1h", "24h" or "7d".
    QString overlap() const { return currentData().toString(); }
};

} // namespace ca

#include "gui/OverlapComboBox.h"

#include <QDateTimeEdit>
#include <QHBoxLayout>

using namespace Qt::StringLiterals;

namespace ca {

OverlapComboBox::OverlapComboBox(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(u"overlapCombo"_s);
    addItem(tr("now"), u"0"_s);
    addItem(tr("in 1 hour"), u"1h"_s);
    addItem(tr("in 24 hours"), u"24h"_s);
    addItem(tr("in 7 days"), u"7d"_s);
    addItem(tr("at a date…"), QString());
    setCurrentIndex(2);
}

RevocationTimeEdit::RevocationTimeEdit(QWidget *parent)
    : QWidget(parent)
    , m_combo(new OverlapComboBox(this))
    , m_date(new QDateTimeEdit(this))
{
    m_date->setObjectName(u"revokeAtEdit"_s);
    m_date->setAccessibleName(tr("Revoke the old tokens at"));
    m_date->setCalendarPopup(true);
    m_date->setTimeSpec(Qt::LocalTime);
    m_date->setVisible(false);
    setFocusProxy(m_combo);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    layout->addWidget(m_date, 1);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        const bool at = m_combo->atADate();
        if (at && !m_date->isVisible()) {
            // A day from now as a start; never in the past.
            const QDateTime now = QDateTime::currentDateTime();
            m_date->setMinimumDateTime(now.addSecs(60));
            m_date->setDateTime(now.addDays(1));
        }
        m_date->setVisible(at);
    });
}

RevocationTime RevocationTimeEdit::revocationTime() const
{
    RevocationTime t;
    if (m_combo->atADate())
        t.at = m_date->dateTime().toUTC();
    else
        t.overlap = m_combo->overlap();
    return t;
}

} // namespace ca

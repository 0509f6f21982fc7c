#include "gui/OverlapComboBox.h"

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
    setCurrentIndex(2);
}

} // namespace ca

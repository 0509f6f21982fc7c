// A horizontal header that writes its labels upwards, so a matrix of narrow check-box
// columns stays readable; the full text (and why a column is disabled) is the tooltip.
#pragma once

#include <QHeaderView>

namespace ca {

class RotatedHeaderView : public QHeaderView
{
    Q_OBJECT
public:
    explicit RotatedHeaderView(QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;

private:
    static constexpr int kMaxHeight = 170;
};

} // namespace ca

// The program in a light and in a dark palette: everything it paints itself (the message
// bar, the rotated matrix header, tinted matrix cells, coloured text in tables and labels,
// the icons) must contrast with what it is painted on. Rendered where the widget paints,
// read from the model where a view paints a role.
#include "DarkPalette.h"
#include "gui/ContrastStyle.h"
#include "gui/MatrixCellDelegate.h"
#include "gui/MessageBar.h"
#include "gui/RotatedHeaderView.h"
#include "gui/SignInDialog.h"
#include "gui/Theme.h"
#include "models/Colors.h"
#include "models/PendingChangesModel.h"
#include "models/Roles.h"
#include "models/TokenModel.h"
#include "models/VaultAccessModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyleFactory>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace ca;
using colors::contrast;
using test::darkPalette;

namespace {

// The colour that covers most of `area`, and the one that stands out most from it: for a
// label, its background and the core of its glyphs.
double renderedContrast(QWidget *widget, QRect area)
{
    const QImage image = widget->grab().toImage();
    area = area.intersected(image.rect());
    QHash<QRgb, int> counts;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            ++counts[image.pixel(x, y)];
    QRgb background = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most)
            most = it.value(), background = it.key();
    double best = 1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        best = std::max(best, contrast(QColor(it.key()), QColor(background)));
    return best;
}

// The average colour of an icon's drawn pixels.
QColor inkOf(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    double r = 0, g = 0, b = 0, weight = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alphaF() < 0.8)
                continue;
            r += c.redF(), g += c.greenF(), b += c.blueF(), weight += 1;
        }
    return weight > 0 ? QColor::fromRgbF(float(r / weight), float(g / weight), float(b / weight))
                      : QColor();
}

Vault vault(const QString &id, const QString &name, VaultType type, bool accessible = true)
{
    Vault v;
    v.id = id;
    v.name = name;
    v.type = type;
    v.accessible = accessible;
    return v;
}

Server server(const QString &id, const QString &name)
{
    Server s;
    s.id = id;
    s.name = name;
    return s;
}

} // namespace

class TestPalette : public QObject
{
    Q_OBJECT

    void usePalette(const QString &name)
    {
        QApplication::setPalette(name == u"dark" ? darkPalette()
                                                 : QApplication::style()->standardPalette());
    }

private slots:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(u"Fusion"_s)); }
    void cleanup() { QApplication::setPalette(QApplication::style()->standardPalette()); }

    // Check boxes everywhere (a QCheckBox, a checkable list row as in the new token's vault
    // list) show their frame in the dark: Fusion's was the box's own colour (1.03:1).
    void checkBoxFramesInTheDark()
    {
        QApplication::setStyle(new ContrastStyle(QStyleFactory::create(u"Fusion"_s)));
        usePalette(u"dark"_s);
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *box = new QCheckBox(u"Only grantable vaults"_s);
        auto *list = new QListWidget;
        auto *item = new QListWidgetItem(u"Kubernetes"_s, list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        layout->addWidget(box);
        layout->addWidget(list);
        window.resize(300, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QStyleOptionButton option;
        option.initFrom(box);
        const QRect indicator =
            box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
        const double boxContrast = renderedContrast(box, indicator);
        QVERIFY2(boxContrast >= 3.0, qPrintable(u"check box frame %1"_s.arg(boxContrast)));
        const QRect row = list->visualItemRect(item);
        const double rowContrast =
            renderedContrast(list->viewport(), QRect(row.left(), row.top(), 22, row.height()));
        QVERIFY2(rowContrast >= 3.0, qPrintable(u"list check box frame %1"_s.arg(rowContrast)));

        // Without an icon theme, dialog buttons carry text only: Qt's own close icon is a
        // black pixmap that vanished on dark buttons.
        QDialogButtonBox buttons(QDialogButtonBox::Close);
        QCOMPARE(buttons.button(QDialogButtonBox::Close)->icon().isNull(),
                 !QIcon::hasThemeIcon(u"dialog-close"_s));
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    }

    void messageBarText_data()
    {
        QTest::addColumn<QString>("palette");
        QTest::addColumn<MessageBar::Kind>("kind");
        for (const QString &palette : {u"light"_s, u"dark"_s})
            for (auto kind : {MessageBar::Kind::Info, MessageBar::Kind::Success,
                              MessageBar::Kind::Warning, MessageBar::Kind::Error})
                QTest::addRow("%s %d", qPrintable(palette), int(kind)) << palette << kind;
    }

    void messageBarText()
    {
        QFETCH(QString, palette);
        QFETCH(MessageBar::Kind, kind);
        usePalette(palette);
        MessageBar bar;
        bar.resize(600, bar.sizeHint().height());
        bar.show();
        bar.showMessage(kind, u"Applied 3 changes in one batch."_s, u"Retry"_s, [] {});
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        auto *label = bar.findChild<QLabel *>(u"messageText"_s);
        QVERIFY(label);
        const double c = renderedContrast(&bar, label->geometry());
        QVERIFY2(c >= 4.5, qPrintable(u"contrast %1"_s.arg(c)));
        // The tint is not a light box in a dark window.
        const QColor window = QApplication::palette().color(QPalette::Window);
        QVERIFY2(contrast(bar.background(), window) < 2.0,
                 qPrintable(bar.background().name() + u" on "_s + window.name()));
    }

    void errorTextInDialogs_data()
    {
        QTest::addColumn<QString>("palette");
        QTest::newRow("light") << u"light"_s;
        QTest::newRow("dark") << u"dark"_s;
    }

    void errorTextInDialogs()
    {
        QFETCH(QString, palette);
        usePalette(palette);
        SignInDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.showError(u"Can't reach the account service"_s);
        auto *status = dialog.findChild<QLabel *>(u"statusLabel"_s);
        const double c = renderedContrast(&dialog, status->geometry());
        QVERIFY2(c >= 4.5, qPrintable(u"contrast %1"_s.arg(c)));
    }

    void matrixCellsAndHeader_data() { errorTextInDialogs_data(); }

    void matrixCellsAndHeader()
    {
        QFETCH(QString, palette);
        usePalette(palette);
        VaultAccessModel model;
        model.load({server(u"s1"_s, u"Prod"_s), server(u"s2"_s, u"Staging cluster"_s)},
                   {vault(u"v1"_s, u"Kubernetes"_s, VaultType::UserCreated),
                    vault(u"v2"_s, u"Customers"_s, VaultType::UserCreated),
                    vault(u"v3"_s, u"Shared"_s, VaultType::Everyone)},
                   {1, {{u"s1"_s, u"v1"_s}}});
        model.toggle(model.index(0, 0)); // staged revoke
        model.toggle(model.index(1, 1)); // staged grant
        const QPalette p = QApplication::palette();
        const QColor base = p.color(QPalette::Base), text = p.color(QPalette::Text);
        for (const QModelIndex &cell : {model.index(0, 0), model.index(1, 1), model.index(0, 2)}) {
            const QColor tint = cell.data(Qt::BackgroundRole).value<QBrush>().color();
            QVERIFY2(tint.isValid(), qPrintable(cell.data(Qt::ToolTipRole).toString()));
            // The check mark (drawn in the text colour) shows on it, and it does not glare.
            QVERIFY2(contrast(tint, text) >= 4.5, qPrintable(tint.name()));
            QVERIFY2(contrast(tint, base) < 2.0, qPrintable(tint.name() + u" vs "_s + base.name()));
        }
        PendingChangesModel pending(&model);
        QCOMPARE(pending.rowCount(), 2);
        for (int row = 0; row < pending.rowCount(); ++row) {
            const QColor ink = pending.index(row).data(Qt::ForegroundRole).value<QBrush>().color();
            QVERIFY2(contrast(ink, base) >= 4.5, qPrintable(ink.name()));
        }
        // The rotated header writes its labels itself.
        QTableView view;
        view.setHorizontalHeader(new RotatedHeaderView(&view));
        view.setItemDelegate(new MatrixCellDelegate(&view));
        view.setModel(&model);
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // An unchecked cell that can be checked shows its box (Fusion's dark box was the
        // cell's own colour, outline included).
        const QRect unchecked = view.visualRect(model.index(1, 0)).adjusted(1, 1, -1, -1);
        const double box = renderedContrast(view.viewport(), unchecked);
        QVERIFY2(box >= 1.8, qPrintable(u"unchecked box contrast %1"_s.arg(box)));
        QHeaderView *header = view.horizontalHeader();
        const QRect section(header->sectionViewportPosition(0), 0, header->sectionSize(0),
                            header->height());
        const double c = renderedContrast(header, section.adjusted(2, 2, -2, -2));
        QVERIFY2(c >= 4.5, qPrintable(u"header contrast %1"_s.arg(c)));
    }

    void tokenStates_data() { errorTextInDialogs_data(); }

    void tokenStates()
    {
        QFETCH(QString, palette);
        usePalette(palette);
        Directory directory;
        TokenModel model(&directory);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // NOLINTNEXTLINE(performance-no-automatic-move): a capture is never moved from
        model.setClock([now] { return now; });
        Token expired, soon, revoked;
        expired.id = u"t1"_s, expired.expiresAt = now.addDays(-1);
        soon.id = u"t2"_s, soon.expiresAt = now.addDays(2);
        revoked.id = u"t3"_s, revoked.state = TokenState::Revoked;
        model.mergePage({expired, soon, revoked});
        const QColor base = QApplication::palette().color(QPalette::Base);
        const QModelIndex cells[] = {model.index(0, TokenModel::Expires),
                                     model.index(0, TokenModel::State),
                                     model.index(1, TokenModel::Expires)};
        for (const QModelIndex &cell : cells) {
            const QColor ink = cell.data(Qt::ForegroundRole).value<QBrush>().color();
            QVERIFY2(contrast(ink, base) >= 4.5, qPrintable(ink.name()));
        }
        const QColor dim =
            model.index(2, TokenModel::State).data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY2(contrast(dim, base) >= 3.0, qPrintable(dim.name()));
    }

    void icons_data() { errorTextInDialogs_data(); }

    void icons()
    {
        QFETCH(QString, palette);
        usePalette(palette);
        const QPalette p = QApplication::palette();
        const QStringList names = QDir(u":/icons"_s).entryList({u"*.svg"_s});
        QVERIFY(names.size() > 10);
        for (const QString &file : names) {
            if (file == u"connect-admin.svg")
                continue; // the program's own, coloured icon
            const QIcon icon = theme::icon(file.chopped(4));
            const QColor normal = inkOf(icon.pixmap(24, 24, QIcon::Normal));
            QVERIFY2(contrast(normal, p.color(QPalette::Window)) >= 3.0, qPrintable(file));
            const QColor selected = inkOf(icon.pixmap(24, 24, QIcon::Selected));
            QVERIFY2(contrast(selected, p.color(QPalette::Highlight)) >= 3.0, qPrintable(file));
        }
        for (auto tone :
             {colors::Tone::Negative, colors::Tone::Neutral, colors::Tone::Information}) {
            const QColor ink = inkOf(theme::icon(u"error"_s, tone).pixmap(24, 24));
            QVERIFY2(contrast(ink, p.color(QPalette::Window)) >= 3.0, qPrintable(ink.name()));
        }
    }
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"

// The one rule that enables the window's actions: the command behind an action (the current
// page's, else the window's) accepts the session state and the page's selection.
#include "gui/CommandController.h"
#include "gui/PageWidget.h"

#include <QAction>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

class FakePage : public PageWidget
{
public:
    FakePage()
        : PageWidget(nullptr)
    {}
    void addCommands(CommandController &, const PageActions &) override {}
    QTableView *table() const override { return nullptr; } // the commands never ask
    QStringList selectedIds() const override { return selection; }
    QStringList selection;
};

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT
    bool m_signedIn = true;

private slots:
    void init() { m_signedIn = true; }

    void selectionNeedsDecideEnabling()
    {
        CommandController commands([this] { return m_signedIn; });
        FakePage page;
        QAction none, one, many;
        auto nothing = [](const QStringList &) {};
        commands.add(&page, &none, Command::forNothing(nothing));
        commands.add(&page, &one, Command::forOne(nothing));
        commands.add(&page, &many, Command::forMany(nothing));
        commands.setPage(&page);
        QVERIFY(none.isEnabled());
        QVERIFY(!one.isEnabled());
        QVERIFY(!many.isEnabled());
        page.selection = {u"a"_s};
        commands.update();
        QVERIFY(one.isEnabled());
        QVERIFY(many.isEnabled());
        page.selection = {u"a"_s, u"b"_s};
        commands.update();
        QVERIFY(!one.isEnabled());
        QVERIFY(many.isEnabled());
    }

    void aSessionAndConditionsAreNeededUnlessSaidOtherwise()
    {
        CommandController commands([this] { return m_signedIn; });
        QAction remote, local, conditional;
        bool allowed = false;
        auto nothing = [](const QStringList &) {};
        commands.add(&remote, Command::forNothing(nothing));
        commands.add(&local, Command::forNothing(nothing).signedOutToo());
        commands.add(&conditional, Command::forNothing(nothing).onlyIf(
                                       [&](const QStringList &) { return allowed; }));
        m_signedIn = false;
        commands.update();
        QVERIFY(!remote.isEnabled());
        QVERIFY(local.isEnabled());
        m_signedIn = true;
        commands.update();
        QVERIFY(remote.isEnabled());
        QVERIFY(!conditional.isEnabled());
        allowed = true;
        commands.update();
        QVERIFY(conditional.isEnabled());
    }

    void thePageShownDecidesWhatASharedActionDoes()
    {
        CommandController commands([this] { return m_signedIn; });
        FakePage servers, tokens, other;
        QAction remove(u"&Delete / Revoke"_s);
        QStringList deleted, revoked;
        commands.add(&servers, &remove, Command::forOne([&](const QStringList &ids) {
                                            deleted += ids;
                                        }).labelled(u"&Delete"_s));
        commands.add(&tokens, &remove, Command::forMany([&](const QStringList &ids) {
                                           revoked += ids;
                                       }).labelled(u"&Revoke"_s));
        servers.selection = {u"s1"_s};
        tokens.selection = {u"t1"_s, u"t2"_s};

        commands.setPage(&tokens);
        QCOMPARE(remove.text(), u"&Revoke"_s);
        remove.trigger();
        QCOMPARE(revoked, (QStringList{u"t1"_s, u"t2"_s}));
        commands.setPage(&servers);
        QCOMPARE(remove.text(), u"&Delete"_s);
        remove.trigger();
        QCOMPARE(deleted, QStringList{u"s1"_s});
        // A page without a command for it: disabled, and its own text again.
        commands.setPage(&other);
        QVERIFY(!remove.isEnabled());
        QCOMPARE(remove.text(), u"&Delete / Revoke"_s);
        remove.trigger();
        QCOMPARE(deleted.size() + revoked.size(), 3);
    }

    void aCommandDoesNotRunWhenItsRuleNoLongerHolds()
    {
        CommandController commands([this] { return m_signedIn; });
        FakePage page;
        QAction rename;
        int runs = 0;
        commands.add(&page, &rename, Command::forOne([&](const QStringList &) { ++runs; }));
        page.selection = {u"a"_s};
        commands.setPage(&page);
        QVERIFY(rename.isEnabled());
        page.selection.clear(); // the selection went away; update() not called yet
        emit rename.triggered();
        QCOMPARE(runs, 0);
    }
};

QTEST_MAIN(TestCommands)
#include "tst_commands.moc"

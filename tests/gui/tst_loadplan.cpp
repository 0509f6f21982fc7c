// LoadPlan, the statement of what a reload waits for: streams start when what they wait for
// has completed, a failure skips what waits on it, and the plan reports exactly once.
#include "gui/LoadPlan.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

// Streams whose answers the test gives by hand.
struct Streams
{
    QStringList started;
    QHash<QString, LoadPlan::Finish> finishes;

    LoadPlan::Stream stream(const QString &name, const QStringList &after = {})
    {
        return {name, after, [this, name](QObject *, const LoadPlan::Finish &finish) {
                    started.append(name);
                    finishes.insert(name, finish);
                }};
    }
    void complete(const QString &name) { finishes.value(name)(nullptr); }
    void fail(const QString &name, const QString &message)
    {
        ApiError e;
        e.status = 503;
        e.message = message;
        finishes.value(name)(&e);
    }
};

} // namespace

class TestLoadPlan : public QObject
{
    Q_OBJECT
private slots:
    void streamsStartOnceWhatTheyWaitForCompleted()
    {
        Streams s;
        LoadPlan plan({s.stream(u"vaults"_s), s.stream(u"servers"_s),
                       s.stream(u"grants"_s, {u"vaults"_s, u"servers"_s})});
        QSignalSpy finished(&plan, &LoadPlan::finished);
        plan.start();
        QCOMPARE(s.started, (QStringList{u"vaults"_s, u"servers"_s})); // in parallel
        s.complete(u"servers"_s);
        QCOMPARE(s.started.size(), 2); // still waiting for the vaults
        s.complete(u"vaults"_s);
        QCOMPARE(s.started.last(), u"grants"_s);
        QCOMPARE(finished.count(), 0);
        s.complete(u"grants"_s);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(plan.errors().isEmpty());
    }

    void aFailureSkipsWhatWaitsOnItAndIsReportedOnce()
    {
        Streams s;
        LoadPlan plan({s.stream(u"vaults"_s), s.stream(u"servers"_s), s.stream(u"tokens"_s),
                       s.stream(u"grants"_s, {u"vaults"_s, u"servers"_s})});
        QSignalSpy finished(&plan, &LoadPlan::finished);
        plan.start();
        s.fail(u"servers"_s, u"Can't reach the account service"_s);
        s.complete(u"vaults"_s);
        QVERIFY(!s.started.contains(u"grants"_s));
        QCOMPARE(finished.count(), 0); // tokens are still loading
        s.complete(u"tokens"_s);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(plan.errors().size(), 1);
        QCOMPARE(plan.errors().first().message, u"Can't reach the account service"_s);
        QCOMPARE(plan.skipped(), QStringList{u"grants"_s});
        // A stream that reports twice counts once.
        s.complete(u"servers"_s);
        QCOMPARE(finished.count(), 1);
    }

    void aDependencyOutsideThePlanIsMet()
    {
        Streams s;
        LoadPlan plan({s.stream(u"grants"_s, {u"vaults"_s, u"servers"_s})});
        QSignalSpy finished(&plan, &LoadPlan::finished);
        plan.start();
        QCOMPARE(s.started, QStringList{u"grants"_s});
        s.complete(u"grants"_s);
        QCOMPARE(finished.count(), 1);
    }

    void streamsThatAnswerAtOnceStillStartTheirDependents()
    {
        QStringList order;
        auto immediate = [&order](const QString &name, const QStringList &after = {}) {
            return LoadPlan::Stream{name, after,
                                    [&order, name](QObject *, const LoadPlan::Finish &finish) {
                                        order.append(name);
                                        finish(nullptr);
                                    }};
        };
        LoadPlan plan(
            {immediate(u"c"_s, {u"b"_s}), immediate(u"b"_s, {u"a"_s}), immediate(u"a"_s)});
        QSignalSpy finished(&plan, &LoadPlan::finished);
        plan.start();
        QCOMPARE(order, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(finished.count(), 1);
    }

    void deletingThePlanDropsLateAnswers()
    {
        Streams s;
        auto *plan = new LoadPlan({s.stream(u"vaults"_s)});
        QSignalSpy finished(plan, &LoadPlan::finished);
        plan->start();
        delete plan;
        s.complete(u"vaults"_s); // must not touch the deleted plan
        QCOMPARE(finished.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoadPlan)
#include "tst_loadplan.moc"

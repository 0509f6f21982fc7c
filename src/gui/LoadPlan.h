// What a reload waits for, stated as data: named streams that load in parallel, each one
// starting once the streams it names have completed. One place counts completions and
// failures and reports once; deleting the plan drops every answer still on its way.
#pragma once

#include "core/ApiError.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>

namespace ca {

class LoadPlan : public QObject
{
    Q_OBJECT
public:
    // How a stream reports, exactly once: nullptr when it completed, else its error.
    using Finish = std::function<void(const ApiError *error)>;

    struct Stream
    {
        QString name;
        // Streams of the same plan that must complete first. A name the plan does not hold
        // is met: a partial reload (only the grants, say) builds on what is loaded already.
        QStringList after;
        // Starts loading. Answers must be bound to `context` (the plan), so that they are
        // dropped with it.
        std::function<void(QObject *context, const Finish &finish)> start;
    };

    explicit LoadPlan(QList<Stream> streams, QObject *parent = nullptr);

    void start();
    bool isFinished() const { return m_finished; }
    // The failures in the order they came; streams that never started are not failures.
    const QList<ApiError> &errors() const { return m_errors; }
    // Streams that did not start because one they wait for failed.
    QStringList skipped() const;

signals:
    // Once: every stream completed (ok), or failed, or was skipped for a failure it waited on.
    void finished(bool ok);

private:
    enum class State { Waiting, Running, Completed, Failed, Skipped };
    void startReady();
    void settle(qsizetype index, const ApiError *error);
    State dependencyState(const Stream &stream) const;

    QList<Stream> m_streams;
    QList<State> m_states;
    QList<ApiError> m_errors;
    bool m_starting = false;
    bool m_finished = false;
};

} // namespace ca

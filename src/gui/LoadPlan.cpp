#include "gui/LoadPlan.h"

#include <QPointer>

namespace ca {

LoadPlan::LoadPlan(QList<Stream> streams, QObject *parent)
    : QObject(parent)
    , m_streams(std::move(streams))
    , m_states(m_streams.size(), State::Waiting)
{}

void LoadPlan::start()
{
    startReady();
}

QStringList LoadPlan::skipped() const
{
    QStringList names;
    for (qsizetype i = 0; i < m_streams.size(); ++i) {
        if (m_states.at(i) == State::Skipped)
            names.append(m_streams.at(i).name);
    }
    return names;
}

// Completed when every dependency completed; Failed as soon as one failed or was skipped;
// otherwise Waiting.
LoadPlan::State LoadPlan::dependencyState(const Stream &stream) const
{
    State result = State::Completed;
    for (const QString &name : stream.after) {
        for (qsizetype i = 0; i < m_streams.size(); ++i) {
            if (m_streams.at(i).name != name)
                continue;
            const State s = m_states.at(i);
            if (s == State::Failed || s == State::Skipped)
                return State::Failed;
            if (s != State::Completed)
                result = State::Waiting;
        }
    }
    return result;
}

void LoadPlan::startReady()
{
    // A stream may finish inside its own start(): settle() then only records it, and this
    // loop goes round again until nothing more can start.
    if (m_starting)
        return;
    m_starting = true;
    QPointer<LoadPlan> alive(this);
    for (bool changed = true; changed;) {
        changed = false;
        for (qsizetype i = 0; i < m_streams.size(); ++i) {
            if (m_states.at(i) != State::Waiting)
                continue;
            const State dependencies = dependencyState(m_streams.at(i));
            if (dependencies == State::Waiting)
                continue;
            changed = true;
            if (dependencies == State::Failed) {
                m_states[i] = State::Skipped;
                continue;
            }
            m_states[i] = State::Running;
            auto finish = [this, alive, i,
                           done = std::make_shared<bool>(false)](const ApiError *error) {
                if (!alive || *done)
                    return;
                *done = true;
                settle(i, error);
            };
            m_streams.at(i).start(this, finish);
            if (!alive)
                return; // whoever listened deleted the plan
        }
    }
    m_starting = false;
    const bool allSettled = std::none_of(m_states.cbegin(), m_states.cend(), [](State s) {
        return s == State::Waiting || s == State::Running;
    });
    if (allSettled && !m_finished) {
        m_finished = true;
        emit finished(m_errors.isEmpty());
    }
}

void LoadPlan::settle(qsizetype index, const ApiError *error)
{
    m_states[index] = error ? State::Failed : State::Completed;
    if (error)
        m_errors.append(*error);
    startReady();
}

} // namespace ca

// The audit log as a table, newest first, fetched page by page as the view scrolls
// (canFetchMore / fetchMore): a million events never load at once, only what is looked at.
#pragma once

#include "core/ApiError.h"
#include "core/Domain.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <functional>

namespace ca {

class Directory;

class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Actor, Action, Object, Changes, ColumnCount };

    using PageDone = std::function<void(const Result<Page<AuditEvent>> &)>;
    // Fetches one page of the filtered log after `cursor` ("" for the first); answers bound
    // to `context` are dropped with it.
    using Fetcher = std::function<void(const QString &cursor, QObject *context, PageDone done)>;

    explicit AuditModel(const Directory *directory, QObject *parent = nullptr);

    // A new filter: the rows go and the first page is asked for. An empty fetcher empties.
    void setFetcher(Fetcher fetcher);
    // The same filter again from its first page (after a change, F5).
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const AuditEvent &eventAt(int row) const { return m_events.at(row); }
    bool isLoading() const { return m_loading; }
    // Every event the filter matches is loaded.
    bool isComplete() const { return m_started && !m_loading && m_cursor.isEmpty(); }

    // The texts of the table, shared with exports so that a file says what the view says.
    QString actorText(const AuditEvent &e) const;
    QString objectText(const AuditEvent &e) const;
    QString changeText(const AuditEvent &e) const;
    static QString actionText(const QString &action);
    static QStringList actionTexts(); // every known action's label, translated

signals:
    void loadingChanged(bool loading);
    // A page arrived (rows may have been appended).
    void pageLoaded();
    void failed(const ca::ApiError &error);

private:
    static const QHash<QString, const char *> &actionNames(); // untranslated labels
    QString vaultName(const QJsonValue &id, const QJsonValue &name = {}) const;
    QString serverName(const QJsonValue &id) const;
    void setLoading(bool loading);

    const Directory *m_directory;
    Fetcher m_fetcher;
    QList<AuditEvent> m_events;
    QString m_cursor;
    bool m_started = false;
    bool m_loading = false;
    // Answers for the current filter only: replaced (and its answers dropped) by the next.
    QPointer<QObject> m_context;
    int m_generation = 0;
};

} // namespace ca

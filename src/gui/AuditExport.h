// Export of what the Activity page's filter shows, as CSV or JSON: every matching event,
// fetched page by page from the service (not only the rows the view has loaded), written
// to a QSaveFile behind a progress dialog whose Cancel leaves no file behind.
#pragma once

#include "client/ApiClient.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QSaveFile>
#include <memory>

class QWidget;

namespace ca {

class AuditModel;

class AuditExport : public QObject
{
    Q_OBJECT
public:
    enum class Format { Csv, Json };

    // texts: the page's model, whose column texts the CSV repeats. total: how many events
    // to expect for the progress bar (0: unknown).
    AuditExport(ApiClient *client, const AuditModel *texts, AuditListQuery query, QWidget *parent);
    ~AuditExport() override;

    void setPageSize(int events) { m_query.limit = events; }
    void setExpected(qint64 total) { m_expected = total; }
    // Starts writing to path; false (with error()) when the file can't be opened.
    bool start(const QString &path, Format format);
    void cancel();
    QProgressDialog *progress() const { return m_progress; }
    qint64 written() const { return m_written; }
    QString error() const { return m_error; }

    static Format formatOf(const QString &path);
    static QString csvHeader();

signals:
    // Once: ok (the file is complete), cancelled, or failed (error() says why).
    void finished(bool ok, bool cancelled);

private:
    void fetchNext();
    void write(const QList<AuditEvent> &events);
    void finish(bool ok, bool cancelled);

    ApiClient *m_client;
    const AuditModel *m_texts;
    AuditListQuery m_query;
    Format m_format = Format::Csv;
    std::unique_ptr<QSaveFile> m_file;
    QPointer<QProgressDialog> m_progress;
    QObject *m_context = nullptr; // answers of this export; deleted on cancel
    qint64 m_written = 0;
    qint64 m_expected = 0;
    QString m_error;
    bool m_done = false;
};

} // namespace ca

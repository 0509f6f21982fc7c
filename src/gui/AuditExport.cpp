#include "gui/AuditExport.h"

#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "gui/TableExport.h"
#include "models/AuditModel.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QProgressDialog>

namespace ca {

AuditExport::AuditExport(ApiClient *client, const AuditModel *texts, AuditListQuery query,
                         QWidget *parent)
    : QObject(parent)
    , m_client(client)
    , m_texts(texts)
    , m_query(std::move(query))
{
    m_query.limit = 1000;
    m_query.cursor.clear();
}

AuditExport::~AuditExport()
{
    if (m_file)
        m_file->cancelWriting();
    delete m_progress;
}

AuditExport::Format AuditExport::formatOf(const QString &path)
{
    return QFileInfo(path).suffix().compare(u"json", Qt::CaseInsensitive) == 0 ? Format::Json
                                                                               : Format::Csv;
}

QString AuditExport::csvHeader()
{
    return QStringLiteral("id,seq,time,actor,action,object,what_changed,actor_id,target_type,"
                          "target_id,detail\r\n");
}

bool AuditExport::start(const QString &path, Format format)
{
    m_format = format;
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        m_error = tr("Can't write %1: %2").arg(path, m_file->errorString());
        m_file.reset();
        return false;
    }
    m_file->write(format == Format::Json ? QByteArray("[") : csvHeader().toUtf8());
    auto *parent = qobject_cast<QWidget *>(this->parent());
    m_progress = new QProgressDialog(tr("Exporting the activity…"), tr("Cancel"), 0,
                                     int(std::min<qint64>(m_expected, INT_MAX)), parent);
    m_progress->setWindowTitle(tr("Export activity"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setWindowModality(Qt::WindowModal);
    connect(m_progress, &QProgressDialog::canceled, this, &AuditExport::cancel);
    m_progress->show();
    m_context = new QObject(this);
    fetchNext();
    return true;
}

void AuditExport::fetchNext()
{
    m_client->auditPage(m_query, m_context, [this](const Result<Page<AuditEvent>> &r) {
        if (m_done)
            return;
        if (!r.ok()) {
            m_error = r.error().message;
            return finish(false, false);
        }
        write(r->items);
        m_query.cursor = r->nextCursor;
        if (m_progress) {
            if (m_progress->maximum() > 0)
                m_progress->setValue(int(std::min<qint64>(m_written, m_progress->maximum())));
            m_progress->setLabelText(tr("Exported %1 events…").arg(m_written));
        }
        if (r->nextCursor.isEmpty())
            return finish(true, false);
        fetchNext();
    });
}

void AuditExport::write(const QList<AuditEvent> &events)
{
    QByteArray out;
    for (const AuditEvent &e : events) {
        if (m_format == Format::Json) {
            json::Writer w;
            json::write(w, e);
            out += (m_written == 0 ? "\n" : ",\n") + w.take();
        } else {
            const QStringList fields = {
                QString::number(e.id),
                QString::number(e.seq),
                e.at.toUTC().toString(Qt::ISODateWithMs),
                m_texts->actorText(e),
                e.action,
                m_texts->objectText(e),
                m_texts->changeText(e),
                e.actorId.isEmpty() ? QString() : displayId(e.actorId, IdKind::User),
                e.targetType,
                e.targetId,
                QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))};
            QStringList quoted;
            for (const QString &f : fields)
                quoted.append(TableExport::csvField(f));
            out += quoted.join(u',').toUtf8() + "\r\n";
        }
        ++m_written;
    }
    m_file->write(out);
}

void AuditExport::cancel()
{
    if (m_done)
        return;
    finish(false, true);
}

void AuditExport::finish(bool ok, bool cancelled)
{
    m_done = true;
    m_context->deleteLater(); // a page still on its way is dropped
    m_context = nullptr;
    if (ok) {
        if (m_format == Format::Json)
            m_file->write("\n]\n");
        if (!m_file->commit()) {
            m_error = tr("Can't write %1: %2").arg(m_file->fileName(), m_file->errorString());
            ok = false;
        }
    } else {
        m_file->cancelWriting();
    }
    m_file.reset();
    if (m_progress) {
        m_progress->disconnect(this);
        m_progress->close();
        m_progress->deleteLater();
    }
    emit finished(ok, cancelled);
}

} // namespace ca

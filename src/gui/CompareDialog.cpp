#include "gui/CompareDialog.h"

#include "core/Ids.h"
#include "gui/Seams.h"
#include "gui/TableExport.h"
#include "gui/Theme.h"
#include "gui/Workspace.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ca {

CompareDialog::CompareDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setWindowTitle(tr("Compare vault access between two moments"));
    m_since = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-7), this);
    m_since->setObjectName(QStringLiteral("compareSince"));
    m_since->setAccessibleName(tr("From"));
    m_until = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    m_until->setObjectName(QStringLiteral("compareUntil"));
    m_until->setAccessibleName(tr("To"));
    for (QDateTimeEdit *edit : {m_since, m_until}) {
        edit->setCalendarPopup(true);
        // Seconds too: a moment typed or set is not rounded to its minute.
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat) + u" HH:mm:ss"_s);
    }
    m_lastSignIn = new QPushButton(tr("Since my last sign-in"), this);
    m_lastSignIn->setObjectName(QStringLiteral("lastSignInButton"));
    m_compare = new QPushButton(tr("Compare"), this);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setDefault(true);
    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("From"), this));
    range->addWidget(m_since, 1);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_until, 1);
    range->addWidget(m_lastSignIn);
    range->addWidget(m_compare);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setAccessibleName(tr("Changes"));
    m_table->setHorizontalHeaderLabels(
        {tr("Change"), tr("What"), tr("Where"), tr("When"), tr("Who")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("Export as CSV…"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("compareExport"));
    m_export->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_compare, &QPushButton::clicked, this, &CompareDialog::compare);
    connect(m_lastSignIn, &QPushButton::clicked, this, &CompareDialog::sinceLastSignIn);
    connect(m_export, &QPushButton::clicked, this, &CompareDialog::exportCsv);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(range);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(820, 520);
}

void CompareDialog::setRange(const QDateTime &since, const QDateTime &until)
{
    m_since->setDateTime(since.toLocalTime());
    m_until->setDateTime(until.toLocalTime());
}

QString CompareDialog::summary() const
{
    return m_summary->text();
}

void CompareDialog::setLoading(bool loading)
{
    m_loading = loading;
    m_compare->setEnabled(!loading);
    m_lastSignIn->setEnabled(!loading);
    m_export->setEnabled(!loading && !m_diff.entries.isEmpty());
}

void CompareDialog::compare()
{
    delete m_request;
    m_request = new QObject(this);
    setLoading(true);
    m_summary->setText(tr("Reading the audit log…"));
    theme::setTextTone(m_summary, std::nullopt);
    fetchAuditDiff(
        m_workspace->client(), m_since->dateTime(), m_until->dateTime(), m_request,
        [this](const Result<AuditDiff> &r) {
            if (!r.ok()) {
                m_diff = {};
                m_table->setRowCount(0); // no rows of an earlier comparison under the error
                setLoading(false);
                m_summary->setText(r.error().message);
                theme::setTextTone(m_summary, colors::Tone::Negative);
                return;
            }
            showDiff(*r);
        },
        [this](qint64 read) {
            m_summary->setText(tr("Reading the audit log… events read: %1").arg(read));
        });
}

void CompareDialog::sinceLastSignIn()
{
    delete m_request;
    m_request = new QObject(this);
    AuditListQuery q;
    q.action = QStringLiteral("session.create");
    q.actor = m_workspace->session()->info().user.id;
    q.limit = 2;
    setLoading(true);
    m_workspace->client()->auditPage(q, m_request, [this](const Result<Page<AuditEvent>> &r) {
        setLoading(false);
        if (!r.ok()) {
            m_summary->setText(r.error().message);
            theme::setTextTone(m_summary, colors::Tone::Negative);
            return;
        }
        // The newest sign-in is this session's; the one before it is the last time.
        if (r->items.size() < 2) {
            m_summary->setText(tr("This is your first sign-in: there is no earlier one."));
            theme::setTextTone(m_summary, colors::Tone::Neutral);
            return;
        }
        setRange(r->items.at(1).at, QDateTime::currentDateTime());
        compare();
    });
}

QString CompareDialog::nameOf(const QString &id) const
{
    const Directory *d = m_workspace->directory();
    if (const Vault *v = d->vault(id))
        return v->name;
    if (const Server *s = m_workspace->servers()->find(id))
        return s->name;
    if (m_diff.names.contains(id))
        return m_diff.names.value(id);
    return d->serverName(id);
}

void CompareDialog::addRow(const DiffEntry &e)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    QString change, what, where;
    switch (e.kind) {
    case DiffEntry::Kind::Cell:
        change = e.added ? tr("+ Granted") : tr("− Revoked");
        what = tr("Vault %1").arg(nameOf(e.objectId));
        where = tr("Server %1").arg(nameOf(e.subjectId));
        break;
    case DiffEntry::Kind::Server:
        change = e.added ? tr("+ Created") : tr("− Deleted");
        what = tr("Server %1").arg(e.name);
        break;
    case DiffEntry::Kind::Token:
        change = e.added ? tr("+ Created") : tr("− Revoked");
        what = tr("Token %1").arg(e.name);
        where = tr("Server %1").arg(nameOf(e.objectId));
        break;
    case DiffEntry::Kind::GroupGrant:
        change = e.added ? tr("+ Granted") : tr("− Revoked");
        what = tr("Group %1").arg(e.name);
        where = e.detail == u"manager"       ? tr("Secrets Automation manager")
                : e.detail == u"all_servers" ? tr("All servers")
                                             : tr("Server %1").arg(nameOf(e.objectId));
        break;
    }
    const QStringList texts = {
        change, what, where, QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat),
        e.actorId.isEmpty() ? tr("(service)") : m_workspace->directory()->userName(e.actorId)};
    const colors::Tone tone = e.added ? colors::Tone::Positive : colors::Tone::Negative;
    for (int c = 0; c < ColumnCount; ++c) {
        auto *item = new QTableWidgetItem(texts.at(c));
        const QColor tint = colors::tint(tone, m_table->palette());
        item->setBackground(tint);
        if (c == Change) // readable on the tint, not only on the base
            item->setForeground(colors::readableOn(colors::text(tone, m_table->palette()), tint));
        item->setData(Qt::UserRole, e.added);
        m_table->setItem(row, c, item);
    }
}

void CompareDialog::showDiff(const AuditDiff &diff)
{
    m_diff = diff;
    m_table->setRowCount(0);
    for (const DiffEntry &e : diff.entries)
        addRow(e);
    setLoading(false);
    int granted = 0, revoked = 0;
    for (const DiffEntry &e : diff.entries)
        if (e.kind == DiffEntry::Kind::Cell)
            (e.added ? granted : revoked)++;
    QString text =
        diff.entries.isEmpty()
            ? tr("Nothing changed in vault access, servers, tokens or group grants (audit events "
                 "read: %1).")
                  .arg(diff.events)
            : tr("Cells granted: %1, revoked: %2; changes in all: %3; audit events read: %4.")
                  .arg(granted)
                  .arg(revoked)
                  .arg(diff.entries.size())
                  .arg(diff.events);
    if (!diff.incomplete.isEmpty())
        text += u' ' + diff.incomplete.join(u' ');
    m_summary->setText(text);
    theme::setTextTone(m_summary, diff.incomplete.isEmpty()
                                      ? std::nullopt
                                      : std::optional<colors::Tone>(colors::Tone::Neutral));
}

QString CompareDialog::csv() const
{
    QString out = QStringLiteral("change,kind,what,where,when,who\r\n");
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const DiffEntry &e = m_diff.entries.at(r);
        QStringList fields = {e.added ? QStringLiteral("added") : QStringLiteral("removed"),
                              AuditDiff::kindName(e.kind),
                              m_table->item(r, What)->text(),
                              m_table->item(r, Where)->text(),
                              e.at.toUTC().toString(Qt::ISODate),
                              m_table->item(r, Who)->text()};
        for (QString &f : fields)
            f = TableExport::csvField(f);
        out += fields.join(u',') + QStringLiteral("\r\n");
    }
    return out;
}

bool CompareDialog::exportCsv()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("changes-%1-%2.csv")
                          .arg(m_since->date().toString(Qt::ISODate),
                               m_until->date().toString(Qt::ISODate)));
    const QString path =
        seams::getSaveFileName(this, tr("Export changes"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv().toUtf8()) < 0 || !file.commit()) {
        m_summary->setText(tr("Can't write %1: %2").arg(path, file.errorString()));
        theme::setTextTone(m_summary, colors::Tone::Negative);
        return false;
    }
    m_summary->setText(tr("Saved %1 changes to %2.")
                           .arg(m_diff.entries.size())
                           .arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace ca

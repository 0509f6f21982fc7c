#include "gui/ActivityPage.h"

#include "core/Ids.h"
#include "core/NameOrder.h"
#include "gui/AuditExport.h"
#include "gui/ColumnWidths.h"
#include "gui/CommandController.h"
#include "gui/PageActions.h"
#include "gui/Seams.h"
#include "gui/Theme.h"
#include "gui/Workspace.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

// A combo box that gives way in a small window instead of widening it.
QComboBox *shrinkingCombo(QWidget *parent, const QString &accessibleName, int characters)
{
    auto *combo = new QComboBox(parent);
    combo->setAccessibleName(accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(characters);
    return combo;
}

} // namespace

ActivityPage::ActivityPage(Workspace *workspace, QWidget *parent)
    : PageWidget(workspace, parent)
    , m_model(workspace->directory())
{
    buildFilters();
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("activityTable"));
    m_table->setAccessibleName(tr("Activity"));
    m_table->setAccessibleDescription(
        tr("Every change to the account, newest first, as the filters above choose"));
    m_table->setModel(&m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // One line per event: rows of one height keep scrolling through many pages smooth.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    // Columns as on the other pages: fitted to the first page (the action column to every
    // action's label, German ones are long), then the user's, kept; what changed stretches.
    auto *columns = new ColumnWidths(m_table, QStringLiteral("activity"),
                                     {AuditModel::Changes,
                                      {{AuditModel::Actor, 20}},
                                      {},
                                      {{AuditModel::Action, AuditModel::actionTexts()}}});
    connect(&m_model, &AuditModel::pageLoaded, columns, &ColumnWidths::fitOnce);

    m_chain = new QLabel(this);
    m_chain->setObjectName(QStringLiteral("chainLabel"));
    m_chain->setAccessibleDescription(
        tr("Whether the audit log's chain of hashes shows no event altered or removed"));
    m_chain->setWordWrap(true);
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("countLabel"));
    auto *status = new QHBoxLayout;
    status->addWidget(m_chain, 1);
    status->addWidget(m_count);

    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    layout->addWidget(m_table, 1);
    layout->addLayout(status);

    connect(&m_model, &AuditModel::failed, this,
            [this](const ApiError &e) { emit message(MessageBar::Kind::Error, e.message); });
    auto counted = [this] {
        const int n = m_model.rowCount();
        m_count->setText(m_model.isLoading() ? tr("Loading…")
                         : m_model.isComplete()
                             ? (n == 1 ? tr("1 event") : tr("%1 events").arg(n))
                             : tr("%1 events so far; more as you scroll").arg(n));
    };
    connect(&m_model, &AuditModel::pageLoaded, this, counted);
    connect(&m_model, &AuditModel::loadingChanged, this, counted);
    connect(&m_model, &QAbstractItemModel::modelReset, this, counted);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PageWidget::actionsChanged);
    fillChoices(); // the window builds the page when first shown, maybe long after a load
    connect(workspace, &Workspace::refreshed, this, [this] {
        fillChoices();
        if (isVisible())
            reload();
        else
            m_stale = true;
    });
}

void ActivityPage::buildFilters()
{
    auto *layout = new QVBoxLayout(this); // the style's margins, as the other pages have

    m_actor = shrinkingCombo(this, tr("Actor"), 10);
    m_actor->setObjectName(QStringLiteral("actorFilter"));
    m_actor->setToolTip(tr("Who made the change"));
    m_action = shrinkingCombo(this, tr("Action"), 10);
    m_action->setObjectName(QStringLiteral("actionFilter"));
    m_action->setToolTip(tr("What kind of change"));
    m_action->addItem(tr("Any action"), QString());
    const std::pair<const char *, const char *> kinds[] = {
        {"server", QT_TR_NOOP("Every server change")},
        {"token", QT_TR_NOOP("Every token change")},
        {"vault", QT_TR_NOOP("Every vault change")},
        {"grants", QT_TR_NOOP("Every vault access batch")},
        {"group", QT_TR_NOOP("Every group change")},
        {"session", QT_TR_NOOP("Sign-ins and sign-outs")}};
    for (const auto &[kind, text] : kinds)
        m_action->addItem(tr(text), QLatin1String(kind));
    m_action->insertSeparator(m_action->count());
    for (const char *action :
         {"server.create", "server.rename", "server.delete", "server.credentials_renew",
          "vault.grant", "vault.revoke", "token.create", "token.rename", "token.rotate",
          "token.revoke", "token.revoke_schedule", "token.revoke_cancel", "group.grant",
          "group.revoke"})
        m_action->addItem(AuditModel::actionText(QLatin1String(action)), QLatin1String(action));
    m_object = shrinkingCombo(this, tr("Object"), 12);
    m_object->setObjectName(QStringLiteral("objectFilter"));
    m_object->setEditable(true);
    m_object->setInsertPolicy(QComboBox::NoInsert);
    m_object->lineEdit()->setPlaceholderText(tr("Any object"));
    m_object->lineEdit()->setAccessibleName(tr("Object"));
    m_object->lineEdit()->setClearButtonEnabled(true);
    m_object->setToolTip(tr("A server, token, vault or group: pick one, or type kind:name "
                            "(server:Prod, token:ci) or an ID"));
    m_range = shrinkingCombo(this, tr("Time range"), 8);
    m_range->setObjectName(QStringLiteral("rangeFilter"));
    m_range->setToolTip(tr("When the change was made"));
    m_range->addItems(
        {tr("Any time"), tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("Custom…")});
    m_since = new QDateTimeEdit(this);
    m_since->setAccessibleName(tr("From"));
    m_until = new QDateTimeEdit(this);
    m_until->setAccessibleName(tr("Until"));
    for (QDateTimeEdit *edit : {m_since, m_until}) {
        edit->setCalendarPopup(true);
        // Seconds too: a moment typed or set is not rounded to its minute.
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat) + u" HH:mm:ss"_s);
        edit->setVisible(false);
    }
    m_since->setDateTime(QDateTime(QDate::currentDate().addDays(-7), QTime(0, 0)));
    m_until->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)));

    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("filterEdit"));
    m_text->setAccessibleName(tr("Search the activity"));
    m_text->setPlaceholderText(tr("Search names and details"));
    m_text->setClearButtonEnabled(true);
    fitPlaceholder(m_text);
    m_compareButton = new QPushButton(tr("Compare…"), this);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setToolTip(tr("What changed in vault access and tokens between two moments"));
    m_exportButton = new QPushButton(tr("Export…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(
        tr("Save every event the filter shows as CSV or JSON, not only those loaded"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_actor, 2);
    filters->addWidget(m_action, 2);
    filters->addWidget(m_object, 3);
    filters->addWidget(m_range, 1);
    filters->addWidget(m_since);
    filters->addWidget(m_until);
    auto *second = new QHBoxLayout;
    second->addWidget(m_text, 1);
    second->addWidget(m_compareButton);
    second->addWidget(m_exportButton);
    layout->addLayout(filters);
    layout->addLayout(second);

    m_typing.setSingleShot(true);
    m_typing.setInterval(350);
    connect(&m_typing, &QTimer::timeout, this, &ActivityPage::applyFilter);
    connect(m_text, &QLineEdit::textChanged, &m_typing, qOverload<>(&QTimer::start));
    connect(m_object, &QComboBox::editTextChanged, &m_typing, qOverload<>(&QTimer::start));
    connect(m_object, &QComboBox::activated, this, &ActivityPage::applyFilter);
    for (QComboBox *combo : {m_actor, m_action})
        connect(combo, &QComboBox::activated, this, &ActivityPage::applyFilter);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        updateRangeEdits();
        applyFilter();
    });
    for (QDateTimeEdit *edit : {m_since, m_until})
        connect(edit, &QDateTimeEdit::dateTimeChanged, &m_typing, qOverload<>(&QTimer::start));
    connect(m_exportButton, &QPushButton::clicked, this, &ActivityPage::exportEvents);
    connect(m_compareButton, &QPushButton::clicked, this, &ActivityPage::compareRequested);
}

void ActivityPage::fillChoices()
{
    const QString actor = m_actor->currentData().toString();
    m_actor->clear();
    m_actor->addItem(tr("Anyone"), QString());
    QStringList emails;
    for (const User &u : m_workspace->users()->items())
        emails.append(u.email);
    std::sort(emails.begin(), emails.end(), NameOrder::current());
    for (const QString &email : emails)
        m_actor->addItem(email, email);
    m_actor->setCurrentIndex(std::max(0, m_actor->findData(actor)));

    // Objects by kind and name; the ID goes to the service, so equal names stay apart.
    const QString typed = m_object->currentText();
    const QSignalBlocker quiet(m_object);
    m_object->clear();
    QList<std::pair<QString, QString>> objects;
    for (const Server &s : m_workspace->servers()->items())
        objects.append({tr("Server %1").arg(s.name), displayId(s.id, IdKind::Server)});
    for (const Vault &v : m_workspace->directory()->vaults())
        objects.append({tr("Vault %1").arg(v.name), displayId(v.id, IdKind::Vault)});
    for (const Group &g : m_workspace->directory()->groups())
        objects.append({tr("Group %1").arg(g.name), displayId(g.id, IdKind::Group)});
    std::sort(objects.begin(), objects.end(), [](const auto &a, const auto &b) {
        return NameOrder::current().compare(a.first, b.first) < 0;
    });
    for (const auto &[text, id] : objects)
        m_object->addItem(text, id);
    m_object->setCurrentIndex(-1);
    m_object->setEditText(typed);
}

void ActivityPage::updateRangeEdits()
{
    const bool custom = m_range->currentIndex() == Custom;
    m_since->setVisible(custom);
    m_until->setVisible(custom);
}

void ActivityPage::setRange(Range range)
{
    m_range->setCurrentIndex(range);
}

AuditListQuery ActivityPage::query() const
{
    AuditListQuery q;
    q.actor = m_actor->currentData().toString();
    q.action = m_action->currentData().toString();
    const QString typed = m_object->currentText().trimmed();
    const int known = m_object->findText(typed);
    q.object = known >= 0 ? m_object->itemData(known).toString() : typed;
    const QDateTime startOfToday(QDate::currentDate(), QTime(0, 0));
    switch (m_range->currentIndex()) {
    case Today:
        q.since = startOfToday;
        break;
    case Last7Days:
        q.since = QDateTime::currentDateTime().addDays(-7);
        break;
    case Last30Days:
        q.since = QDateTime::currentDateTime().addDays(-30);
        break;
    case Custom:
        q.since = m_since->dateTime();
        q.until = m_until->dateTime();
        break;
    default:
        break;
    }
    q.text = m_text->text().trimmed();
    q.limit = 100;
    return q;
}

void ActivityPage::applyFilter()
{
    m_typing.stop();
    if (!m_workspace->session()->isSignedIn()) {
        m_model.setFetcher({});
        return;
    }
    ApiClient *client = m_workspace->client();
    m_model.setFetcher(
        [client, q = query()](const QString &cursor, QObject *context, AuditModel::PageDone done) {
            AuditListQuery page = q;
            page.cursor = cursor;
            client->auditPage(page, context, std::move(done));
        });
}

void ActivityPage::reload()
{
    m_stale = false;
    applyFilter();
    verifyChain();
}

void ActivityPage::showEvent(QShowEvent *event)
{
    PageWidget::showEvent(event);
    if (m_stale && m_workspace->session()->isSignedIn())
        reload();
}

void ActivityPage::showObject(const QString &object)
{
    m_object->setEditText(object);
    const int known = m_object->findData(object, Qt::UserRole, Qt::MatchFixedString);
    if (known >= 0)
        m_object->setCurrentIndex(known);
    if (!isVisible()) {
        m_stale = true; // loaded once, with this filter, when the page is shown
        m_typing.stop();
        return;
    }
    if (m_stale)
        reload();
    else
        applyFilter();
}

void ActivityPage::verifyChain()
{
    if (!m_workspace->session()->isSignedIn())
        return;
    delete m_verifying;
    m_verifying = new QObject(this);
    m_chain->setText(tr("Checking the audit log's hash chain…"));
    theme::setTextTone(m_chain, std::nullopt);
    m_workspace->client()->verifyAudit(m_verifying, [this](const Result<AuditVerification> &r) {
        if (!r.ok()) {
            m_chain->setText(tr("The hash chain could not be checked: %1").arg(r.error().message));
            theme::setTextTone(m_chain, colors::Tone::Neutral);
            return;
        }
        m_chainCount = r->count;
        if (r->whole) {
            m_chain->setText(tr("✓ Chain verified through event %1").arg(r->count));
            theme::setTextTone(m_chain, colors::Tone::Positive);
        } else {
            m_chain->setText(tr("⚠ The audit log was altered at event %1: %2. Events from there on "
                                "can't be trusted.")
                                 .arg(r->brokenSeq)
                                 .arg(r->problem));
            theme::setTextTone(m_chain, colors::Tone::Negative);
        }
    });
}

QString ActivityPage::chainText() const
{
    return m_chain->text();
}

QStringList ActivityPage::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        ids.append(QString::number(m_model.eventAt(row.row()).id));
    return ids;
}

void ActivityPage::addCommands(CommandController &commands, const PageActions &actions)
{
    commands.add(this, actions.find, Command::forNothing([this](const QStringList &) {
                                         focusFilter();
                                     }).signedOutToo());
}

void ActivityPage::focusFilter()
{
    m_text->setFocus();
    m_text->selectAll();
}

void ActivityPage::exportEvents()
{
    if (m_export)
        return;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(
                QStringLiteral("activity-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = seams::getSaveFileName(window(), tr("Export activity"), suggested,
                                                tr("CSV files (*.csv);;JSON files (*.json)"));
    if (path.isEmpty())
        return;
    const AuditListQuery q = query();
    m_export = new AuditExport(m_workspace->client(), &m_model, q, window());
    // The chain's count bounds what can match: a real bar without a filter.
    const bool unfiltered = q.actor.isEmpty() && q.action.isEmpty() && q.object.isEmpty() &&
                            !q.since.isValid() && !q.until.isValid() && q.text.isEmpty();
    if (unfiltered)
        m_export->setExpected(m_chainCount);
    connect(m_export, &AuditExport::finished, this, [this, path](bool ok, bool cancelled) {
        const qint64 n = m_export->written();
        if (ok)
            emit message(
                MessageBar::Kind::Success,
                (n == 1 ? tr("Exported 1 event to %1.") : tr("Exported %1 events to %2.").arg(n))
                    .arg(QDir::toNativeSeparators(path)));
        else if (cancelled)
            emit message(MessageBar::Kind::Info, tr("Export cancelled; no file was written."));
        else
            emit message(MessageBar::Kind::Error, m_export->error());
        m_export->deleteLater();
    });
    if (!m_export->start(path, AuditExport::formatOf(path))) {
        emit message(MessageBar::Kind::Error, m_export->error());
        delete m_export;
    }
}

} // namespace ca

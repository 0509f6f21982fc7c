#include "gui/CredentialsCommands.h"

#include "client/ExpiryCalendar.h"
#include "gui/CheckCredentialsDialog.h"
#include "gui/CommandController.h"
#include "gui/CredentialsExport.h"
#include "gui/MessageBar.h"
#include "gui/RenewCredentialsDialog.h"
#include "gui/RevealTokenDialog.h"
#include "gui/SecretFileDialog.h"
#include "gui/ServersPage.h"
#include "gui/Workspace.h"
#include "models/Directory.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

constexpr qint64 kCalendarDays = 90; // as the CLI's token calendar

// The one local file a drag carries, or an empty string.
QString droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 ||
        !mime->urls().first().isLocalFile())
        return {};
    return mime->urls().first().toLocalFile();
}

} // namespace

CredentialsCommands::CredentialsCommands(Workspace *workspace, QWidget *window,
                                         MessageBar *messages)
    : QObject(window)
    , m_workspace(workspace)
    , m_window(window)
    , m_messages(messages)
    , m_check(new QAction(tr("&Check a credentials file…"), window))
    , m_renew(new QAction(tr("Re&new credentials…"), window))
    , m_calendar(new QAction(tr("E&xport expiry calendar…"), window))
{
    m_check->setObjectName(u"actionCheckCredentials"_s);
    m_renew->setObjectName(u"actionRenewCredentials"_s);
    m_calendar->setObjectName(u"actionExportCalendar"_s);
}

void CredentialsCommands::install(CommandController &commands, QMenu *file, QMenu *servers,
                                  QMenu *tokens)
{
    using Ids = const QStringList &;
    commands.add(m_check, Command::forNothing([this](Ids) { checkFile(); }).signedOutToo());
    commands.add(m_calendar, Command::forNothing([this](Ids) { exportCalendar(); }));
    // Before the separator above Quit.
    const QList<QAction *> fileActions = file->actions();
    file->insertAction(fileActions.size() >= 2 ? fileActions.at(fileActions.size() - 2) : nullptr,
                       m_check);
    servers->addAction(m_renew);
    tokens->addAction(m_calendar);
    m_window->setAcceptDrops(true);
    m_window->installEventFilter(this);
}

void CredentialsCommands::addTo(CommandController &commands, ServersPage *servers)
{
    commands.add(servers, m_renew,
                 Command::forOne([this](const QStringList &ids) { renew(ids.first()); }));
}

bool CredentialsCommands::isCredentialsFileName(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    return name.startsWith(u"1password-credentials"_s) && name.endsWith(u".json"_s);
}

bool CredentialsCommands::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::DragEnter) {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        if (isCredentialsFileName(droppedFile(drag->mimeData()))) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (watched == m_window && event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QString path = droppedFile(drop->mimeData());
        if (isCredentialsFileName(path)) {
            drop->acceptProposedAction();
            checkFile(path);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

CheckCredentialsDialog *CredentialsCommands::checkFile(const QString &path)
{
    auto *dialog = new CheckCredentialsDialog(m_workspace, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    if (!path.isEmpty()) {
        dialog->setFile(path);
        dialog->check();
    }
    return dialog;
}

void CredentialsCommands::renew(const QString &serverId)
{
    const Server *server = m_workspace->servers()->find(serverId);
    if (!server)
        return;
    int stale = 0;
    for (const Token &t : m_workspace->tokens()->items())
        stale += t.serverId == serverId && t.state == TokenState::Active && !t.revokesAt.isValid();
    auto *dialog = new RenewCredentialsDialog(server->name, stale, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &RenewCredentialsDialog::renewRequested, this,
        [this, serverId,
         asked = QPointer<RenewCredentialsDialog>(dialog)](const RenewCredentialsRequest &request) {
            m_workspace->client()->renewCredentials(
                serverId, request, this, [this, asked](const Result<RenewedCredentials> &r) {
                    if (!r.ok()) {
                        if (asked)
                            return asked->showError(r.error().message);
                        return m_messages->showMessage(MessageBar::Kind::Error, r.error().message);
                    }
                    if (asked) {
                        asked->setWorking(false);
                        asked->accept();
                    }
                    m_workspace->servers()->upsert(r->server);
                    for (const RotatedToken &t : r->rotated) {
                        m_workspace->tokens()->upsert(t.previous);
                        m_workspace->tokens()->upsert(t.created.token);
                    }
                    // The file exists only now: straight into the save dialog.
                    const ExportResult saved = saveCredentials(
                        m_window, {r->server.id, r->server.name}, r->credentials,
                        [this](const QString &id) -> std::optional<QString> {
                            const Server *s = m_workspace->servers()->find(id);
                            return s ? std::optional<QString>(s->name) : std::nullopt;
                        });
                    if (!r->rotated.isEmpty())
                        (new RevealTokenDialog(r->rotated, m_workspace->directory(), m_window))
                            ->open();
                    const QString tokens =
                        !r->rotated.isEmpty()
                            ? tr("Replaced %1 token(s); copy the new ones now.")
                                  .arg(r->rotated.size())
                            : tr("%1 active token(s) no longer match it.").arg(r->staleTokens);
                    if (saved.saved)
                        m_messages->showMessage(
                            MessageBar::Kind::Success,
                            tr("Renewed the credentials of \"%1\" and saved the new file to %2. "
                               "%3")
                                .arg(r->server.name, QDir::toNativeSeparators(saved.path), tokens));
                    else
                        m_messages->showMessage(
                            MessageBar::Kind::Warning,
                            tr("Renewed the credentials of \"%1\", but the new file was not "
                               "saved and can't be retrieved; renew them again. %2")
                                .arg(r->server.name, tokens));
                });
        });
    dialog->open();
}

void CredentialsCommands::exportCalendar()
{
    CalendarNames names;
    for (const Server &s : m_workspace->servers()->items())
        names.servers.insert(s.id, s.name);
    for (const Vault &v : m_workspace->directory()->vaults())
        names.vaults.insert(v.id, v.name);
    const QList<Token> &tokens = m_workspace->tokens()->items();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 window = kCalendarDays * 86400;
    const int events = int(tokensEndingWithin(tokens, now, window).size());
    SecretFileRequest request;
    request.title = tr("Export the token expiry calendar");
    request.suggestedPath = QDir(lastCredentialsFolder()).filePath(u"connect-token-expiry.ics"_s);
    request.filter = tr("iCalendar (*.ics)");
    request.content = expiryCalendar(tokens, names, now, window);
    const QString path = saveSecretFile(m_window, request);
    if (path.isEmpty())
        return;
    m_messages->showMessage(MessageBar::Kind::Success,
                            tr("Wrote %1 event(s) for tokens that end within %2 days to %3.")
                                .arg(events)
                                .arg(kCalendarDays)
                                .arg(QDir::toNativeSeparators(path)));
}

} // namespace ca

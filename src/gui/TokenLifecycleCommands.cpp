#include "gui/TokenLifecycleCommands.h"

#include "gui/CommandController.h"
#include "gui/RevealTokenDialog.h"
#include "gui/RotateTokensDialog.h"
#include "gui/TokensPage.h"
#include "gui/Workspace.h"

#include <QAction>
#include <QPointer>
#include <memory>

using namespace Qt::StringLiterals;

namespace ca {

TokenLifecycleCommands::TokenLifecycleCommands(Workspace *workspace, TokensPage *page)
    : QObject(page)
    , m_workspace(workspace)
    , m_page(page)
    , m_rotate(new QAction(tr("R&otate…"), page))
    , m_cancel(new QAction(tr("&Cancel scheduled revocation"), page))
{
    m_rotate->setObjectName(u"actionRotateTokens"_s);
    m_rotate->setToolTip(tr("Issue replacements for the selected tokens and revoke the old ones "
                            "after an overlap"));
    m_cancel->setObjectName(u"actionCancelRevocation"_s);
}

void TokenLifecycleCommands::addCommands(CommandController &commands)
{
    commands.add(m_page, m_rotate,
                 Command::forMany([this](const QStringList &ids) {
                     rotate(ids);
                 }).onlyIf([this](const QStringList &ids) { return !rotatable(ids).isEmpty(); }));
    commands.add(m_page, m_cancel,
                 Command::forMany([this](const QStringList &ids) {
                     cancelRevocation(ids);
                 }).onlyIf([this](const QStringList &ids) { return !scheduled(ids).isEmpty(); }));
}

// Active tokens only: a revoked or expired token has nothing left to hand over.
QStringList TokenLifecycleCommands::rotatable(const QStringList &tokenIds) const
{
    QStringList ids;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : tokenIds) {
        const Token *t = m_workspace->tokens()->find(id);
        if (t && t->stateAt(now) == TokenState::Active)
            ids.append(id);
    }
    return ids;
}

QStringList TokenLifecycleCommands::scheduled(const QStringList &tokenIds) const
{
    QStringList ids;
    for (const QString &id : tokenIds) {
        const Token *t = m_workspace->tokens()->find(id);
        if (t && t->state != TokenState::Revoked && t->revokesAt.isValid())
            ids.append(id);
    }
    return ids;
}

void TokenLifecycleCommands::rotate(const QStringList &tokenIds)
{
    QList<Token> tokens;
    for (const QString &id : rotatable(tokenIds))
        tokens.append(*m_workspace->tokens()->find(id));
    if (tokens.isEmpty())
        return;
    auto *dialog = new RotateTokensDialog(tokens, m_workspace->directory(), m_page->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &RotateTokensDialog::rotateRequested, this,
        [this, asked = QPointer<RotateTokensDialog>(dialog)](const RotateTokensRequest &request) {
            m_workspace->client()->rotateTokens(
                request, this, [this, asked](const Result<QList<RotatedToken>> &r) {
                    if (!r.ok()) {
                        if (asked)
                            return asked->showError(r.error().message);
                        return emit m_page->message(MessageBar::Kind::Error, r.error().message);
                    }
                    if (asked) {
                        asked->setWorking(false);
                        asked->accept();
                    }
                    for (const RotatedToken &t : *r) {
                        m_workspace->tokens()->upsert(t.previous);
                        m_workspace->tokens()->upsert(t.created.token);
                    }
                    // The new tokens once, in one guarded list (Copy, Save all to file).
                    (new RevealTokenDialog(*r, m_workspace->directory(), m_page->window()))->open();
                    emit m_page->message(
                        MessageBar::Kind::Success,
                        r->size() == 1
                            ? tr("Rotated the token \"%1\". Copy the new one now: it is shown "
                                 "only once.")
                                  .arg(r->first().previous.name)
                            : tr("Rotated %1 tokens. Copy the new ones now: they are shown "
                                 "only once.")
                                  .arg(r->size()));
                    emit m_page->actionsChanged();
                });
        });
    dialog->open();
}

void TokenLifecycleCommands::cancelRevocation(const QStringList &tokenIds)
{
    const QStringList ids = scheduled(tokenIds);
    auto left = std::make_shared<int>(int(ids.size()));
    for (const QString &id : ids) {
        const Token *t = m_workspace->tokens()->find(id);
        m_workspace->client()->cancelRevocation(
            id, t->serverId, this, [this, left, count = ids.size()](const Result<Token> &r) {
                if (!r.ok())
                    emit m_page->message(MessageBar::Kind::Error, r.error().message);
                else
                    m_workspace->tokens()->upsert(*r);
                if (--*left > 0)
                    return;
                if (r.ok())
                    emit m_page->message(
                        MessageBar::Kind::Success,
                        count == 1
                            ? tr("The token \"%1\" is no longer scheduled to be revoked.")
                                  .arg(r->name)
                            : tr("%1 tokens are no longer scheduled to be revoked.").arg(count));
                emit m_page->actionsChanged();
            });
    }
}

} // namespace ca

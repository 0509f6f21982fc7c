#include "gui/HandbookDialog.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ca {

QString HandbookDialog::html()
{
    // One translatable paragraph per topic, so a change re-translates only that paragraph.
    const QString paragraphs[] = {
        tr("<h2>Connect Admin</h2><p>Connect Admin manages the Connect servers of an account "
           "service: the servers, their access tokens, which vaults each server may "
           "read, and which groups may administer them. Sign in with File → Sign in, or try "
           "everything on a local sandbox (File → Start local sandbox).</p>"),
        tr("<h3>Servers</h3><p>New server (Ctrl+N) creates a server and asks at once where to "
           "save its credentials file: it is shown only this once. F2 renames, Del deletes a "
           "server, which revokes its tokens.</p>"),
        tr("<h3>Tokens</h3><p>New token (Ctrl+T) issues a token for a server and its vaults "
           "(read, write or both). Copy it or save it to a file before closing the dialog: it "
           "is never shown again. Select tokens and press Del to revoke them.</p>"),
        tr("<h3>Vault access</h3><p>The matrix shows which server may use which vault. Space or "
           "a click stages a grant (+) or a revoke (−); nothing changes until you apply "
           "(Ctrl+Return). Undo (Ctrl+Z) steps back; if someone else changed access meanwhile, "
           "your edits are kept and the collisions are marked.</p>"),
        tr("<h3>Group permissions</h3><p>Which groups may create and manage Connect servers. "
           "Each change is saved at once.</p>"),
        tr("<h3>Activity</h3><p>Every change to the account, newest first (Ctrl+5), filtered by "
           "actor, action, object, time and text; the line below says whether the audit log's "
           "hash chain is whole. Show activity in the context menus of servers, tokens, the "
           "matrix headers and groups opens it for that item. Who can reach this vault… (the "
           "matrix's column header menu) lists the servers, tokens and groups that reach a "
           "vault; Activity → Compare… shows what changed between two moments; Export… saves "
           "what the filter shows as CSV or JSON.</p>"),
        tr("<h3>Finding, copying, exporting</h3><p>Ctrl+F filters the current page. Ctrl+C "
           "copies the selected rows as tab-separated text, Ctrl+Shift+C their IDs; File → "
           "Export as CSV (Ctrl+E) saves what the table shows. Help → Keyboard shortcuts lists "
           "every shortcut.</p>"),
        tr("<h3>Secrets</h3><p>Credentials files and tokens are written readable by you only. "
           "A token copied to the clipboard is removed from it after a minute, and when you "
           "quit.</p>")};
    QString out;
    for (const QString &p : paragraphs)
        out += p;
    return out;
}

HandbookDialog::HandbookDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("Connect Admin Handbook"));
    m_browser->setHtml(html());
    m_browser->setOpenExternalLinks(true);
    m_browser->setAccessibleName(tr("Handbook"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(560, 520);
}

QString HandbookDialog::text() const
{
    return m_browser->toPlainText();
}

} // namespace ca

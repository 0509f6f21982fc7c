#include "gui/RevealTokenDialog.h"

#include "gui/ClipboardGuard.h"
#include "gui/CredentialsExport.h"
#include "gui/Seams.h"
#include "gui/SecretFileDialog.h"
#include "models/Directory.h"
#include "ui_RevealTokenDialog.h"

#include <QDir>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

namespace ca {

RevealTokenDialog::RevealTokenDialog(const QString &jwt, const Token &token,
                                     const Directory *directory, QWidget *parent)
    : RevealTokenDialog(QList<CreatedToken>{CreatedToken{token, jwt}}, directory, parent)
{}

namespace {
QList<CreatedToken> createdOf(const QList<RotatedToken> &rotated)
{
    QList<CreatedToken> created;
    for (const RotatedToken &t : rotated)
        created.append(t.created);
    return created;
}
} // namespace

RevealTokenDialog::RevealTokenDialog(const QList<RotatedToken> &rotated, const Directory *directory,
                                     QWidget *parent)
    : RevealTokenDialog(createdOf(rotated), directory, parent)
{}

RevealTokenDialog::RevealTokenDialog(const QList<CreatedToken> &tokens, const Directory *directory,
                                     QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::RevealTokenDialog>())
    , m_directory(directory)
    , m_tokens(tokens)
{
    ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    ui->tokenEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ui->tokenEdit->setWordWrapMode(QTextOption::WrapAnywhere);
    if (m_tokens.size() > 1) {
        ui->warning->setText(tr("<b>Copy these %1 tokens now.</b> Each is shown only this once: "
                                "the service does not keep them. Pick one to see and copy it, "
                                "or save them all to one file.")
                                 .arg(m_tokens.size()));
        ui->saveButton->setText(tr("&Save all to file…"));
        ui->saveButton->setToolTip(tr("Save every token to one file only you can read"));
        fillList();
    }
    connect(ui->copyButton, &QPushButton::clicked, this, &RevealTokenDialog::copyShown);
    connect(ui->saveButton, &QPushButton::clicked, this, &RevealTokenDialog::saveToFile);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    showToken(0);
    ui->copyButton->setFocus();
    for (const CreatedToken &t : std::as_const(m_tokens)) // Ctrl+C in the field is guarded too
        ClipboardGuard::instance()->watch(t.jwt);
}

RevealTokenDialog::~RevealTokenDialog()
{
    for (const CreatedToken &t : std::as_const(m_tokens))
        ClipboardGuard::instance()->unwatch(t.jwt);
    ui->tokenEdit->clear(); // the tokens leave the widgets with the dialog
}

void RevealTokenDialog::fillList()
{
    auto *list = m_list = new QTableWidget(int(m_tokens.size()), 3, this);
    list->setObjectName(QStringLiteral("tokenList"));
    list->setAccessibleName(tr("New tokens"));
    list->setHorizontalHeaderLabels({tr("Token"), tr("Server"), tr("Kept")});
    list->setSelectionBehavior(QAbstractItemView::SelectRows);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->verticalHeader()->hide();
    list->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    list->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    for (int row = 0; row < m_tokens.size(); ++row) {
        const Token &t = m_tokens.at(row).token;
        list->setItem(row, 0, new QTableWidgetItem(t.name));
        list->setItem(row, 1, new QTableWidgetItem(m_directory->serverName(t.serverId)));
        list->setItem(row, 2, new QTableWidgetItem);
    }
    list->setMaximumHeight(list->horizontalHeader()->sizeHint().height() +
                           list->verticalHeader()->defaultSectionSize() *
                               int(std::min<qsizetype>(m_tokens.size(), 5)) +
                           2 * list->frameWidth());
    ui->layout->insertWidget(1, list);
    connect(list, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0)
            showToken(row);
    });
    connect(list, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        showToken(row);
        copyShown();
    });
    list->setCurrentCell(0, 0);
}

QString RevealTokenDialog::summaryOf(const Token &token) const
{
    QStringList vaults;
    for (const TokenVault &v : token.vaults)
        vaults.append(scopeText(m_directory->vaultName(v.vaultId), v.access));
    return tr("\"%1\" for %2 — vaults: %3 — expires: %4")
        .arg(token.name, m_directory->serverName(token.serverId), vaults.join(QStringLiteral(", ")),
             token.expiresAt.isValid()
                 ? QLocale().toString(token.expiresAt.toLocalTime(), QLocale::LongFormat)
                 : tr("never"));
}

void RevealTokenDialog::showToken(int index)
{
    if (index < 0 || index >= m_tokens.size())
        return;
    m_shown = index;
    ui->tokenEdit->setPlainText(m_tokens.at(index).jwt);
    ui->summary->setText(summaryOf(m_tokens.at(index).token));
    if (m_list && m_list->currentRow() != index)
        m_list->setCurrentCell(index, 0);
}

QString RevealTokenDialog::shownToken() const
{
    return ui->tokenEdit->toPlainText();
}

void RevealTokenDialog::markKept(const QList<int> &indexes, const QString &how)
{
    for (int i : indexes)
        m_kept.insert(i);
    if (m_list) {
        for (int i : indexes)
            m_list->item(i, 2)->setText(how);
    }
}

void RevealTokenDialog::copyShown()
{
    ClipboardGuard *guard = ClipboardGuard::instance();
    guard->copySecret(m_tokens.at(m_shown).jwt);
    markKept({m_shown}, tr("copied"));
    ui->clipboardNote->setText(
        tr("Copied \"%1\". The clipboard is cleared in %2 seconds if it still holds the token.")
            .arg(m_tokens.at(m_shown).token.name)
            .arg(guard->clearAfterMs() / 1000));
}

void RevealTokenDialog::saveToFile()
{
    SecretFileRequest request;
    request.filter = tr("Token (*.jwt *.txt)");
    QString part;
    if (m_tokens.size() == 1) {
        const QString name = m_tokens.first().token.name;
        request.title = tr("Save the token \"%1\"").arg(name);
        part = fileNamePart(name);
        request.content = m_tokens.first().jwt.toLatin1() + '\n';
    } else {
        request.title = tr("Save %1 new tokens").arg(m_tokens.size());
        part = QStringLiteral("rotated");
        // One token per line, each after a comment naming it: readable, and
        // `grep -v '^#'` gives the bare tokens.
        for (const CreatedToken &t : std::as_const(m_tokens))
            request.content += "# " + t.token.name.toUtf8() + " (" +
                               m_directory->serverName(t.token.serverId).toUtf8() + ")\n" +
                               t.jwt.toLatin1() + '\n';
    }
    request.suggestedPath = QDir(lastCredentialsFolder())
                                .filePath(QStringLiteral("connect-token-%1.jwt")
                                              .arg(part.isEmpty() ? QStringLiteral("new") : part));
    const QString path = saveSecretFile(this, request);
    if (path.isEmpty())
        return;
    QList<int> all;
    for (int i = 0; i < m_tokens.size(); ++i)
        all.append(i);
    markKept(all, tr("saved"));
    ui->clipboardNote->setText(
        tr("Saved to %1 (readable by you only).").arg(QDir::toNativeSeparators(path)));
}

void RevealTokenDialog::reject()
{
    if (isKept()) {
        QDialog::reject();
        return;
    }
    QStringList lost;
    for (int i = 0; i < m_tokens.size(); ++i) {
        if (!m_kept.contains(i))
            lost.append(QStringLiteral("\"%1\"").arg(m_tokens.at(i).token.name));
    }
    const QString question = m_tokens.size() == 1 ? tr("Close without keeping the token?")
                                                  : tr("Close without keeping every token?");
    const QString text = lost.size() == 1
                             ? tr("You have not copied or saved the token %1.").arg(lost.first())
                             : tr("You have not copied or saved these tokens: %1.")
                                   .arg(lost.join(QStringLiteral(", ")));
    if (seams::ask(this, QMessageBox::Warning, question, text,
                   QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel,
                   m_tokens.size() == 1
                       ? tr("It is shown only now: the service does not keep it. Without it, "
                            "revoke the token and issue a new one.")
                       : tr("They are shown only now: the service does not keep them. Without "
                            "one, revoke it and issue a new one.")) != QMessageBox::Discard)
        return;
    QDialog::reject();
}

} // namespace ca

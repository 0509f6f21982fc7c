#include "gui/CheckCredentialsDialog.h"

#include "client/CredentialsCheck.h"
#include "core/Ids.h"
#include "gui/Theme.h"
#include "gui/Workspace.h"
#include "models/ServerModel.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ca {

namespace {

constexpr qint64 kMaxFileBytes = 1024 * 1024; // a credentials file is under a kilobyte

QString localTime(const QDateTime &t, const QString &unknown)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::LongFormat) : unknown;
}

} // namespace

CheckCredentialsDialog::CheckCredentialsDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_path(new QLineEdit(this))
    , m_token(new QPlainTextEdit(this))
    , m_check(new QPushButton(tr("&Check"), this))
    , m_facts(new QLabel(this))
    , m_verdict(new QLabel(this))
{
    setWindowTitle(tr("Check a credentials file"));
    m_path->setObjectName(u"pathEdit"_s);
    m_token->setObjectName(u"tokenEdit"_s);
    m_check->setObjectName(u"checkButton"_s);
    m_facts->setObjectName(u"factsLabel"_s);
    m_verdict->setObjectName(u"verdictLabel"_s);
    m_token->setPlaceholderText(tr("Optional: paste a token to check that it belongs to this "
                                   "file"));
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_token->setWordWrapMode(QTextOption::WrapAnywhere);
    m_token->setMaximumHeight(m_token->fontMetrics().height() * 5);
    for (QLabel *l : {m_facts, m_verdict}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    // A row of a layout gets no buddy by itself: the label needs one for its Alt+F (and so
    // as not to show the "&").
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, fileRow);
    form->addRow(tr("&Token:"), m_token);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_check, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_facts);
    layout->addWidget(m_verdict);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &CheckCredentialsDialog::browse);
    connect(m_check, &QPushButton::clicked, this, &CheckCredentialsDialog::check);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this,
            [this] { m_check->setEnabled(!m_checking && !m_path->text().trimmed().isEmpty()); });
    m_check->setEnabled(false);
    resize(640, sizeHint().height());
}

CheckCredentialsDialog::~CheckCredentialsDialog()
{
    m_token->clear(); // the pasted token leaves with the dialog
}

void CheckCredentialsDialog::setFile(const QString &path)
{
    m_path->setText(path);
}

void CheckCredentialsDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Check a credentials file"), m_path->text(),
        tr("Credentials files (1password-credentials*.json *.json);;All files (*)"));
    if (!path.isEmpty()) {
        setFile(path);
        check();
    }
}

void CheckCredentialsDialog::check()
{
    QFile file(m_path->text().trimmed());
    if (!file.open(QIODevice::ReadOnly)) {
        m_facts->clear();
        theme::setTextTone(m_verdict, colors::Tone::Negative);
        m_verdict->setText(tr("Can't read %1: %2").arg(file.fileName(), file.errorString()));
        return;
    }
    const QByteArray text = file.read(kMaxFileBytes);
    const QByteArray pasted = m_token->toPlainText().trimmed().toLatin1();
    const std::optional<QByteArray> jwt =
        pasted.isEmpty() ? std::nullopt : std::optional<QByteArray>(pasted);
    m_checking = true;
    m_check->setEnabled(false);
    m_verdict->setText(tr("Checking…"));
    theme::setTextTone(m_verdict, std::nullopt);
    ApiClient *session = m_workspace->session()->isSignedIn() ? m_workspace->client() : nullptr;
    checkCredentials(m_workspace->network(), session, text, jwt, this,
                     [this](const CredentialsReport &r) {
                         m_checking = false;
                         m_check->setEnabled(true);
                         showReport(r);
                     });
}

void CheckCredentialsDialog::showReport(const CredentialsReport &r)
{
    QStringList lines;
    const credentials::Opened &f = r.file;
    if (f.ok()) {
        QString server = displayId(f.identity.serverId, IdKind::Server);
        if (r.server)
            server = tr("\"%1\" (%2), %3")
                         .arg(r.server->name, server, ServerModel::stateText(r.server->state));
        lines << tr("Account: %1").arg(displayId(f.identity.accountId, IdKind::Account))
              << tr("Server: %1").arg(server) << tr("Service: %1").arg(f.identity.serviceUrl)
              << tr("Issued: %1").arg(localTime(f.identity.issuedAt, tr("unknown (an older file)")))
              << tr("Fingerprint: %1").arg(f.fingerprint);
        if (r.askedService && !r.server)
            lines << tr("The server no longer exists.");
        else if (r.server && !r.server->credentialsFingerprint.isEmpty())
            lines << (r.server->credentialsFingerprint == f.fingerprint
                          ? tr("In force: yes, this is the server's current file")
                          : tr("In force: no, renewed %1")
                                .arg(localTime(r.server->credentialsIssuedAt, {})));
        if (!r.askedService && !r.notAsked.isEmpty())
            lines << tr("Not checked: %1").arg(r.notAsked);
    }
    if (r.token && r.token->readable) {
        const credentials::TokenCheck &t = *r.token;
        QString token = displayId(t.tokenId, IdKind::Token);
        if (r.tokenOnService)
            token = tr("\"%1\" (%2)").arg(r.tokenOnService->name, token);
        QStringList vaults;
        for (const TokenVault &v : t.vaults)
            vaults << scopeText(r.vaultNames.value(v.vaultId, displayId(v.vaultId, IdKind::Vault)),
                                v.access);
        lines << tr("Token: %1").arg(token)
              << tr("Belongs to this file: %1").arg(t.matchesFile ? tr("yes") : tr("no"))
              << tr("Signature: %1").arg(t.signatureValid ? tr("valid") : tr("not verified"))
              << tr("Vaults: %1").arg(vaults.isEmpty() ? tr("none") : vaults.join(u", "_s))
              << tr("Expires: %1").arg(localTime(t.expiresAt, tr("never")));
    }
    m_facts->setText(lines.join(u'\n'));
    theme::setTextTone(m_verdict, r.ok() ? colors::Tone::Positive : colors::Tone::Negative);
    m_verdict->setText(
        r.ok() ? (r.token ? tr("The file and the token are good.") : tr("The file is good."))
               : r.problem);
}

QString CheckCredentialsDialog::facts() const
{
    return m_facts->text();
}

QString CheckCredentialsDialog::verdict() const
{
    return m_verdict->text();
}

} // namespace ca

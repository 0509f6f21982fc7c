#include "gui/RotateTokensDialog.h"

#include "gui/OverlapComboBox.h"
#include "gui/Theme.h"
#include "models/Directory.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ca {

RotateTokensDialog::RotateTokensDialog(const QList<Token> &tokens, const Directory *directory,
                                       QWidget *parent)
    : QDialog(parent)
    , m_tokens(tokens)
    , m_directory(directory)
{
    setWindowTitle(tokens.size() == 1 ? tr("Rotate the token \"%1\"").arg(tokens.first().name)
                                      : tr("Rotate %1 tokens").arg(tokens.size()));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tokens.size() == 1
            ? tr("A new token replaces this one. It carries the same server, vaults and access, "
                 "and lasts as long from now as the old one did:")
            : tr("New tokens replace these. Each carries its old token's server, vaults and "
                 "access, and lasts as long from now as the old one did:"),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    QStringList lines;
    for (const Token &t : tokens)
        lines.append(describe(t));
    auto *carries = new QLabel(lines.join(u'\n'), this);
    carries->setObjectName(u"carriesLabel"_s);
    carries->setWordWrap(true);
    carries->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(carries);

    auto *form = new QFormLayout;
    if (tokens.size() == 1) {
        m_name = new QLineEdit(
            defaultName(tokens.first().name, QDateTime::currentDateTimeUtc().date()), this);
        m_name->setObjectName(u"nameEdit"_s);
        form->addRow(tr("&Name of the new token:"), m_name);
    }
    m_overlap = new RevocationTimeEdit(this);
    form->addRow(tokens.size() == 1 ? tr("&Revoke the old token:") : tr("&Revoke the old tokens:"),
                 m_overlap);
    layout->addLayout(form);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"problemLabel"_s);
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Rotate"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        setWorking(true);
        m_problem->clear();
        emit rotateRequested(request());
    });
    // Wide enough for the proposed name whole (and the date field of "at a date…"); the
    // texts above wrap to that width instead of squeezing the form.
    const int wide = fontMetrics().averageCharWidth() * 64;
    resize(std::max(sizeHint().width(), wide), sizeHint().height());
    if (m_name) {
        // The name whole, with room to type a few more letters (at +24 its first letter
        // scrolled under the frame at 2x).
        m_name->setMinimumWidth(
            std::min(m_name->fontMetrics().horizontalAdvance(m_name->text() + u"MMMM"_s), wide));
        connect(m_name, &QLineEdit::textChanged, this, [this] { setWorking(m_working); });
        m_name->selectAll();
        m_name->setFocus();
    }
}

QString RotateTokensDialog::defaultName(const QString &oldName, const QDate &today)
{
    return tr("%1 (rotated %2)").arg(oldName, today.toString(Qt::ISODate));
}

QString RotateTokensDialog::describe(const Token &token) const
{
    QStringList vaults;
    for (const TokenVault &v : token.vaults)
        vaults.append(scopeText(m_directory->vaultName(v.vaultId), v.access));
    QString lifetime = tr("never expires");
    if (token.expiresAt.isValid() && token.createdAt.isValid()) {
        const qint64 days = token.createdAt.secsTo(token.expiresAt) / 86400;
        const qint64 hours = token.createdAt.secsTo(token.expiresAt) / 3600;
        lifetime = days >= 1 ? tr("expires %1 days after it is issued").arg(days)
                             : tr("expires %1 hours after it is issued").arg(hours);
    }
    return tr("• \"%1\" on %2 — vaults: %3 — %4")
        .arg(token.name, m_directory->serverName(token.serverId),
             vaults.isEmpty() ? tr("none") : vaults.join(u", "_s), lifetime);
}

RotateTokensRequest RotateTokensDialog::request() const
{
    RotateTokensRequest r;
    for (const Token &t : m_tokens) {
        RotateTokenItem item;
        item.token = t.id;
        if (m_name)
            item.name = m_name->text().trimmed();
        r.tokens.append(item);
    }
    r.revokeOld = m_overlap->revocationTime();
    return r;
}

void RotateTokensDialog::showError(const QString &message)
{
    setWorking(false);
    theme::setTextTone(m_problem, colors::Tone::Negative);
    m_problem->setText(message);
}

void RotateTokensDialog::setWorking(bool working)
{
    m_working = working;
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!working);
    m_overlap->setEnabled(!working);
    if (m_name)
        m_name->setEnabled(!working);
    const bool named = !m_name || !m_name->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!working && named);
}

void RotateTokensDialog::reject()
{
    if (!m_working) // the new tokens are shown only in the service's answer
        QDialog::reject();
}

} // namespace ca

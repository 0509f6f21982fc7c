#include "gui/RenewCredentialsDialog.h"

#include "gui/OverlapComboBox.h"
#include "gui/Theme.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ca {

RenewCredentialsDialog::RenewCredentialsDialog(const QString &serverName, int staleTokens,
                                               QWidget *parent)
    : QDialog(parent)
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Renew the credentials of \"%1\"").arg(serverName));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(
        tr("The server gets a new secret and a new credentials file, which you save next. The "
           "old file stops working at once; deploy the new one where the Connect server runs."),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *stale = new QLabel(
        staleTokens == 0 ? tr("No active token was issued against the old credentials.")
        : staleTokens == 1
            ? tr("1 active token was issued against the old credentials and no longer matches "
                 "the new file.")
            : tr("%1 active tokens were issued against the old credentials and no longer match "
                 "the new file.")
                  .arg(staleTokens),
        this);
    stale->setObjectName(u"staleLabel"_s);
    stale->setWordWrap(true);
    layout->addWidget(stale);
    if (staleTokens > 0) {
        m_rotate = new QCheckBox(tr("&Rotate them in the same step (the new tokens are shown "
                                    "once)"),
                                 this);
        m_rotate->setObjectName(u"rotateCheck"_s);
        m_overlap = new RevocationTimeEdit(this);
        m_overlap->setEnabled(false);
        connect(m_rotate, &QCheckBox::toggled, m_overlap, &QWidget::setEnabled);
        auto *form = new QFormLayout;
        form->addRow(m_rotate);
        form->addRow(tr("Revoke the old tokens:"), m_overlap);
        layout->addLayout(form);
    }
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Renew"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        setWorking(true);
        m_problem->clear();
        emit renewRequested(request());
    });
}

RenewCredentialsRequest RenewCredentialsDialog::request() const
{
    RenewCredentialsRequest r;
    r.rotateTokens = m_rotate && m_rotate->isChecked();
    if (r.rotateTokens)
        r.revokeOld = m_overlap->revocationTime();
    return r;
}

void RenewCredentialsDialog::showError(const QString &message)
{
    setWorking(false);
    theme::setTextTone(m_problem, colors::Tone::Negative);
    m_problem->setText(message);
}

void RenewCredentialsDialog::setWorking(bool working)
{
    m_working = working;
    for (QAbstractButton *b : m_buttons->buttons())
        b->setEnabled(!working);
    if (m_rotate) {
        m_rotate->setEnabled(!working);
        m_overlap->setEnabled(!working && m_rotate->isChecked());
    }
}

void RenewCredentialsDialog::reject()
{
    if (!m_working) // the new file comes only in the service's answer
        QDialog::reject();
}

} // namespace ca

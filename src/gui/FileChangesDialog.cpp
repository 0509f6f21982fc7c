#include "gui/FileChangesDialog.h"

#include "gui/Theme.h"
#include "gui/Workspace.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ca {

namespace {
constexpr int kPlanIndex = Qt::UserRole; // the item's index in the plan
} // namespace

FileChangesDialog::FileChangesDialog(Workspace *workspace, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_path(path)
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_apply(new QPushButton(this))
    , m_compareAgain(new QPushButton(tr("Compare &again"), this))
{
    setObjectName(QStringLiteral("FileChangesDialog"));
    setWindowTitle(tr("Changes from %1").arg(QFileInfo(path).fileName()));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setObjectName(QStringLiteral("changes"));
    m_list->setAccessibleName(tr("Changes from the file"));
    m_list->setUniformItemSizes(true);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_compareAgain->setObjectName(QStringLiteral("compareAgainButton"));
    m_compareAgain->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_compareAgain, QDialogButtonBox::ActionRole);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &FileChangesDialog::apply);
    connect(m_compareAgain, &QPushButton::clicked, this, [this] {
        emit compareAgainRequested();
        close();
    });
    connect(m_list, &QListWidget::itemChanged, this, &FileChangesDialog::itemChanged);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(760, 440);
    updateApply();
}

void FileChangesDialog::showErrors(const QList<ConfigError> &errors)
{
    m_plan = {};
    m_list->clear();
    const QString name = QFileInfo(m_path).fileName();
    for (const ConfigError &e : errors)
        m_list->addItem(e.text(name));
    const int count = int(errors.size());
    m_summary->setText((count == 1 ? tr("1 problem in %1; nothing was staged or applied. Correct "
                                        "the file and compare again.")
                                   : tr("%n problems in %1; nothing was staged or applied. "
                                        "Correct the file and compare again.",
                                        nullptr, count))
                           .arg(QDir::toNativeSeparators(m_path)));
    theme::setTextTone(m_summary, colors::Tone::Negative);
    m_compareAgain->show();
    updateApply();
}

void FileChangesDialog::showPlan(const AccessPlan &plan, int staged)
{
    m_plan = plan;
    {
        const QSignalBlocker quiet(m_list);
        m_list->clear();
        for (int i = 0; i < plan.items.size(); ++i) {
            auto *item = new QListWidgetItem(plan.items.at(i).line(), m_list);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
            item->setData(kPlanIndex, i);
        }
    }
    const int count = int(plan.items.size());
    QString text = (count == 1 ? tr("1 change of a server, token or group grant, applied if "
                                    "ticked, against revision %1 of the account.")
                               : tr("%n changes of servers, tokens and group grants; the ticked "
                                    "ones are applied at once, against revision %1 of the "
                                    "account.",
                                    nullptr, count))
                       .arg(plan.baseRevision);
    if (staged == 1)
        text += u' ' + tr("1 vault access change from the file is staged on the Vault access "
                          "page; review and apply it there.");
    else if (staged > 1)
        text += u' ' + tr("%n vault access changes from the file are staged on the Vault access "
                          "page; review and apply them there.",
                          nullptr, staged);
    m_summary->setText(text);
    theme::setTextTone(m_summary, std::nullopt);
    m_compareAgain->hide();
    updateApply();
}

QString FileChangesDialog::summary() const
{
    return m_summary->text();
}

PlanApplyRequest FileChangesDialog::request() const
{
    PlanApplyRequest r;
    r.baseRevision = m_plan.baseRevision;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            r.changes.append(m_plan.items.at(item->data(kPlanIndex).toInt()).change);
    }
    return r;
}

// A change to a server the file creates (it names the server by its new name) needs that
// server's creation: they are ticked and unticked together in that direction.
void FileChangesDialog::itemChanged(QListWidgetItem *changed)
{
    const PlanChange &c = m_plan.items.at(changed->data(kPlanIndex).toInt()).change;
    const bool on = changed->checkState() == Qt::Checked;
    const QSignalBlocker quiet(m_list);
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const PlanChange &other = m_plan.items.at(item->data(kPlanIndex).toInt()).change;
        const bool dependent = c.op == PlanOp::ServerCreate && !on &&
                               other.op != PlanOp::ServerCreate && other.server == c.name;
        const bool creation = c.op != PlanOp::ServerCreate && on &&
                              other.op == PlanOp::ServerCreate && other.name == c.server;
        if (dependent || creation)
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    updateApply();
}

void FileChangesDialog::updateApply()
{
    const int ticked = int(request().changes.size());
    m_apply->setText(ticked == 1 ? tr("&Apply 1 change")
                                 : tr("&Apply %n changes", nullptr, ticked));
    m_apply->setEnabled(ticked > 0 && !m_request && !m_outdated);
    m_apply->setVisible(!m_plan.items.isEmpty());
}

void FileChangesDialog::setWorking(bool working)
{
    m_list->setEnabled(!working);
    if (working)
        m_apply->setEnabled(false);
    else
        updateApply();
}

void FileChangesDialog::reject()
{
    if (!m_request)
        QDialog::reject();
}

void FileChangesDialog::apply()
{
    const PlanApplyRequest r = request();
    if (r.changes.isEmpty() || m_request)
        return;
    m_request = new QObject(this);
    setWorking(true);
    m_summary->setText(r.changes.size() == 1
                           ? tr("Applying 1 change…")
                           : tr("Applying %n changes…", nullptr, int(r.changes.size())));
    theme::setTextTone(m_summary, std::nullopt);
    m_workspace->client()->applyPlan(r, m_request, [this](const Result<AppliedPlan> &result) {
        m_request->deleteLater();
        m_request = nullptr;
        setWorking(false);
        if (result.ok()) {
            emit applied(*result);
            accept();
            return;
        }
        theme::setTextTone(m_summary, colors::Tone::Negative);
        m_compareAgain->show();
        m_outdated = result.error().code == QLatin1String("stale_revision");
        updateApply();
        if (m_outdated)
            m_summary->setText(tr("The account changed since the comparison, so nothing was "
                                  "applied. Compare again to see the changes as they are now."));
        else
            m_summary->setText(tr("Nothing was applied: %1").arg(result.error().message));
    });
}

} // namespace ca

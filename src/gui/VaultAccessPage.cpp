#include "gui/VaultAccessPage.h"

#include "core/Ids.h"

#include "gui/CommandController.h"
#include "gui/EmptyViewText.h"
#include "gui/MatrixCellDelegate.h"
#include "gui/PageActions.h"
#include "gui/RotatedHeaderView.h"
#include "gui/Seams.h"
#include "gui/TableExport.h"
#include "gui/Workspace.h"
#include "models/Roles.h"
#include "ui_VaultAccessPage.h"

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QStyle>
#include <QVBoxLayout>

namespace ca {

// ---- filter ---------------------------------------------------------------------------------

void MatrixFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void MatrixFilterProxy::setGrantableOnly(bool on)
{
    m_grantableOnly = on;
    invalidateFilter();
}

bool MatrixFilterProxy::anyMatches(Qt::Orientation orientation) const
{
    const QAbstractItemModel *m = sourceModel();
    const int n = orientation == Qt::Vertical ? m->rowCount() : m->columnCount();
    for (int i = 0; i < n; ++i) {
        if (m->headerData(i, orientation).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool MatrixFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_text.isEmpty() || !anyMatches(Qt::Vertical))
        return true;
    return sourceModel()
        ->headerData(sourceRow, Qt::Vertical)
        .toString()
        .contains(m_text, Qt::CaseInsensitive);
}

bool MatrixFilterProxy::filterAcceptsColumn(int sourceColumn, const QModelIndex &) const
{
    if (m_grantableOnly &&
        sourceModel()->headerData(sourceColumn, Qt::Horizontal, StateRole).toInt() == 0)
        return false;
    if (m_text.isEmpty() || !anyMatches(Qt::Horizontal))
        return true;
    return sourceModel()
        ->headerData(sourceColumn, Qt::Horizontal)
        .toString()
        .contains(m_text, Qt::CaseInsensitive);
}

// ---- page -----------------------------------------------------------------------------------

VaultAccessPage::VaultAccessPage(Workspace *workspace, QWidget *parent)
    : PageWidget(workspace, parent)
    , ui(std::make_unique<Ui::VaultAccessPage>())
    , m_pending(workspace->access())
{
    m_pending.setTokens(workspace->tokens());
    ui->setupUi(this);
    fitPlaceholder(ui->filterEdit);
    m_proxy.setSourceModel(workspace->access());
    ui->table->setHorizontalHeader(new RotatedHeaderView(ui->table));
    ui->table->setModel(&m_proxy);
    // Room for the check box and the +/− mark of a staged cell beside it.
    ui->table->horizontalHeader()->setDefaultSectionSize(
        std::max(ui->table->horizontalHeader()->defaultSectionSize(),
                 style()->pixelMetric(QStyle::PM_IndicatorWidth) +
                     ui->table->fontMetrics().horizontalAdvance(QChar(0x2212)) + 14));
    ui->table->setItemDelegate(new MatrixCellDelegate(ui->table));
    // Server names stay in the vertical header: a frozen first column while scrolling.
    ui->table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    ui->table->verticalHeader()->setDefaultSectionSize(ui->table->fontMetrics().height() + 10);
    ui->table->verticalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    ui->table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    ui->table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(ui->table->verticalHeader(), &QWidget::customContextMenuRequested, this,
            &VaultAccessPage::showRowMenu);
    connect(ui->table->horizontalHeader(), &QWidget::customContextMenuRequested, this,
            &VaultAccessPage::showColumnMenu);
    connect(ui->table, &QWidget::customContextMenuRequested, this, &VaultAccessPage::showCellMenu);
    ui->pendingList->setModel(&m_pending);
    // Long server and vault names wrap onto more lines instead of being cut off.
    ui->pendingList->setWordWrap(true);
    ui->pendingList->setTextElideMode(Qt::ElideNone);
    ui->pendingList->setResizeMode(QListView::Adjust);
    ui->splitter->setStretchFactor(0, 4);
    ui->splitter->setStretchFactor(1, 1);
    ui->splitter->setSizes({800, 280});
    ui->layout->setStretchFactor(ui->splitter, 1); // the matrix takes the height, not the legend
    ui->legend->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    ui->legend->setText(
        tr("Check a cell to stage a grant, uncheck to stage a revoke; nothing changes until you "
           "apply. "
           "Green +: will be granted · red −: will be revoked · grey: can't be granted (hover for "
           "why) · "
           "orange: changed by someone else. Right-click a server or vault name for a whole row or "
           "column."));
    connect(ui->filterEdit, &QLineEdit::textChanged, &m_proxy, &MatrixFilterProxy::setText);
    connect(ui->grantableOnly, &QCheckBox::toggled, &m_proxy, &MatrixFilterProxy::setGrantableOnly);
    connect(workspace->access(), &VaultAccessModel::pendingChanged, this,
            &VaultAccessPage::updatePending);
    connect(workspace->access(), &QAbstractItemModel::modelReset, this,
            [this] { ui->table->horizontalHeader()->updateGeometry(); });
    // The impact follows the tokens too (issued or revoked while edits are staged).
    connect(&m_pending, &QAbstractItemModel::modelReset, this,
            [this] { updatePending(m_workspace->access()->pendingCount()); });
    connect(ui->applyButton, &QPushButton::clicked, this, &VaultAccessPage::apply);
    connect(ui->reviewButton, &QPushButton::toggled, this, &VaultAccessPage::setReviewVisible);
    ui->reviewPanel->setVisible(false);
    updatePending(workspace->access()->pendingCount()); // built late, edits may be staged
    // An empty grid says why it is empty instead of showing a blank area.
    new EmptyViewText(ui->table, [this] { return emptyText(); });
}

QString VaultAccessPage::emptyText() const
{
    if (m_proxy.rowCount() > 0 && m_proxy.columnCount() > 0)
        return {};
    if (m_workspace->access()->rowCount() == 0)
        return tr("No Connect servers yet. Create one with New server; its vault access is "
                  "granted here.");
    return tr("No vaults to show.");
}

VaultAccessPage::~VaultAccessPage() = default;

void VaultAccessPage::addCommands(CommandController &commands, const PageActions &actions)
{
    // Undo is about staged vault access edits: live where they are shown, and not while a
    // batch is on its way.
    VaultAccessModel *model = m_workspace->access();
    QUndoStack *undo = model->undoStack();
    commands.add(this, actions.undo,
                 Command::forNothing([undo](const QStringList &) { undo->undo(); })
                     .onlyIf([model, undo](const QStringList &) {
                         return !model->isFrozen() && undo->canUndo();
                     })
                     .signedOutToo());
    commands.add(this, actions.redo,
                 Command::forNothing([undo](const QStringList &) { undo->redo(); })
                     .onlyIf([model, undo](const QStringList &) {
                         return !model->isFrozen() && undo->canRedo();
                     })
                     .signedOutToo());
    commands.add(this, actions.find, Command::forNothing([this](const QStringList &) {
                                         focusFilter();
                                     }).signedOutToo());
    ui->undoButton->setDefaultAction(actions.undo);
    ui->redoButton->setDefaultAction(actions.redo);
    ui->discardButton->setDefaultAction(actions.discard);
}

void VaultAccessPage::toggleReview()
{
    ui->reviewButton->toggle();
}

QTableView *VaultAccessPage::table() const
{
    return ui->table;
}

void VaultAccessPage::setReviewVisible(bool visible)
{
    ui->reviewPanel->setVisible(visible);
    if (ui->reviewButton->isChecked() != visible)
        ui->reviewButton->setChecked(visible);
}

void VaultAccessPage::updatePending(int count)
{
    ui->reviewButton->setText(tr("Review and apply (%1)").arg(count));
    ui->reviewButton->setEnabled(count > 0 || ui->reviewButton->isChecked());
    ui->applyButton->setText(m_pending.applyText()); // with how many tokens lose access
    ui->applyButton->setEnabled(count > 0 && !m_workspace->access()->isFrozen());
    emit actionsChanged();
}

void VaultAccessPage::apply()
{
    VaultAccessModel *model = m_workspace->access();
    const int count = model->pendingCount();
    if (count == 0)
        return;
    ui->applyButton->setEnabled(false);
    m_workspace->applyGrants(this, [this, count](const Result<GrantBatchResult> &r,
                                                 const QList<GrantConflict> &conflicts) {
        if (r.ok()) {
            emit message(MessageBar::Kind::Success,
                         count == 1 ? tr("Applied 1 change.")
                                    : tr("Applied %1 changes in one batch.").arg(count));
            setReviewVisible(false);
            return;
        }
        updatePending(m_workspace->access()->pendingCount());
        if (r.error().code != QLatin1String("stale_revision")) {
            emit message(MessageBar::Kind::Error,
                         tr("Nothing was applied: %1").arg(r.error().message));
            return;
        }
        QStringList lines;
        for (const GrantConflict &c : conflicts) {
            QString reason = c.reason.trimmed();
            if (reason.endsWith(u'.')) // one sentence of "a; b; c.", not "a.; b."
                reason.chop(1);
            lines.append(tr("%1 / %2: %3").arg(c.serverName, c.vaultName, reason));
        }
        const int kept = m_workspace->access()->pendingCount();
        QString text =
            tr("Vault access changed since you loaded it; nothing was applied. Your edits were "
               "moved onto the current state (%1 still staged).")
                .arg(kept);
        if (!lines.isEmpty())
            text += u' ' + tr("%1 collided, marked orange: %2.")
                               .arg(lines.size())
                               .arg(lines.join(QStringLiteral("; ")));
        emit message(MessageBar::Kind::Warning, text);
        setReviewVisible(true);
    });
}

void VaultAccessPage::discard()
{
    const int count = m_workspace->access()->pendingCount();
    if (count == 0)
        return;
    m_workspace->access()->discardChanges(); // undoable
    emit message(MessageBar::Kind::Info,
                 tr("Discarded %1 staged changes (Undo brings them back).").arg(count));
}

void VaultAccessPage::showRowMenu(const QPoint &pos)
{
    const int proxyRow = ui->table->verticalHeader()->logicalIndexAt(pos);
    if (proxyRow < 0)
        return;
    const int row = m_proxy.mapToSource(m_proxy.index(proxyRow, 0)).row();
    VaultAccessModel *model = m_workspace->access();
    QMenu menu(this);
    menu.addAction(tr("Grant every vault to \"%1\"").arg(model->serverName(row)), this,
                   [model, row] { model->setRowGranted(row, true); });
    menu.addAction(tr("Revoke every vault from \"%1\"").arg(model->serverName(row)), this,
                   [model, row] { model->setRowGranted(row, false); });
    menu.addSeparator();
    menu.addAction(tr("Show activity"), this, [this, id = model->serverId(row)] {
        emit activityRequested(displayId(id, IdKind::Server));
    });
    menu.exec(ui->table->verticalHeader()->mapToGlobal(pos));
}

void VaultAccessPage::showColumnMenu(const QPoint &pos)
{
    const int proxyColumn = ui->table->horizontalHeader()->logicalIndexAt(pos);
    if (proxyColumn < 0)
        return;
    const int column = m_proxy.mapToSource(m_proxy.index(0, proxyColumn)).column();
    QMenu menu(this);
    fillColumnMenu(&menu, column);
    menu.exec(ui->table->horizontalHeader()->mapToGlobal(pos));
}

void VaultAccessPage::fillColumnMenu(QMenu *menu, int column)
{
    VaultAccessModel *model = m_workspace->access();
    QAction *grant =
        menu->addAction(tr("Grant \"%1\" to every server").arg(model->vaultName(column)), this,
                        [model, column] { model->setColumnGranted(column, true); });
    // Revoking is offered only where there is something to revoke (granted, or staged so).
    bool anyHolds = false;
    for (int row = 0; row < model->rowCount() && !anyHolds; ++row) {
        const CellState state = model->cellState(row, column);
        anyHolds = state == CellState::Granted || state == CellState::StagedAdd;
    }
    if (anyHolds)
        menu->addAction(tr("Revoke \"%1\" from every server").arg(model->vaultName(column)), this,
                        [model, column] { model->setColumnGranted(column, false); });
    const QString reason =
        model->headerData(column, Qt::Horizontal, StateRole).toInt() == 0
            ? model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString()
            : QString();
    menu->addSeparator();
    menu->addAction(tr("Who can reach this vault…"), this,
                    [this, id = model->vaultId(column)] { emit reachRequested(id); });
    menu->addAction(tr("Show activity"), this, [this, id = model->vaultId(column)] {
        emit activityRequested(displayId(id, IdKind::Vault));
    });
    if (!reason.isEmpty()) {
        grant->setEnabled(false);
        menu->addSeparator();
        menu->addAction(reason)->setEnabled(false);
    }
}

void VaultAccessPage::showCellMenu(const QPoint &pos)
{
    QModelIndexList cells;
    for (const QModelIndex &i : ui->table->selectionModel()->selectedIndexes())
        cells.append(m_proxy.mapToSource(i));
    if (cells.isEmpty())
        return;
    VaultAccessModel *model = m_workspace->access();
    QMenu menu(this);
    menu.addAction(tr("Grant the selected cells"), this,
                   [model, cells] { model->setCellsGranted(cells, true); });
    menu.addAction(tr("Revoke the selected cells"), this,
                   [model, cells] { model->setCellsGranted(cells, false); });
    if (const TableExport *exporter = TableExport::of(ui->table)) {
        menu.addSeparator();
        menu.addActions({exporter->copyAction(), exporter->exportAction()});
    }
    menu.exec(ui->table->viewport()->mapToGlobal(pos));
}

void VaultAccessPage::focusFilter()
{
    ui->filterEdit->setFocus();
    ui->filterEdit->selectAll();
}

} // namespace ca

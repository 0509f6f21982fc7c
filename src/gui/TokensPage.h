// The Tokens page: every token with its server, vaults and permissions, expiry (coloured
// when expired or due within a week) and state; filters by text, server and state; issue
// (the token shown once), rename in place, revoke several at once with one confirmation.
#pragma once

#include "gui/PageWidget.h"
#include "models/TokenFilterProxy.h"

#include <QTimer>
#include <memory>

class QAction;
class QTableView;

namespace Ui {
class TokensPage;
}

namespace ca {

class TokenLifecycleCommands;

class TokensPage : public PageWidget
{
    Q_OBJECT
public:
    enum StateFilter { AllStates, ActiveOnly, RevokedOnly, ExpiredOnly, ExpiringSoon };

    explicit TokensPage(Workspace *workspace, QWidget *parent = nullptr);
    ~TokensPage() override;

    void addCommands(CommandController &commands, const PageActions &actions) override;
    QStringList selectedIds() const override;
    void newToken();
    QTableView *table() const override;
    TokenFilterProxy *proxy() { return &m_proxy; }
    void setServerFilter(const QString &serverId);
    void setStateFilter(StateFilter filter);
    void setText(const QString &text);
    // Shows the active tokens that expire within days (the expiry reminder's "Show them").
    void showExpiringWithin(int days);
    // What "Expiring within N days" in the state filter means (Preferences' reminder days;
    // 0, no reminders: a week).
    void setExpiringDays(int days);
    // Rotate…, Cancel scheduled revocation: for the Tokens menu.
    QList<QAction *> lifecycleActions() const;

private:
    void rename(const QString &tokenId);
    bool anyActive(const QStringList &tokenIds) const;
    void revoke(const QStringList &tokenIds);
    void copyIds(const QStringList &tokenIds);
    void focusFilter();
    void makeServerComboSearchable();
    void fillServers();
    void updateCount();
    std::unique_ptr<Ui::TokensPage> ui;
    TokenFilterProxy m_proxy;
    QTimer m_filterDelay;
    TokenLifecycleCommands *m_lifecycle;
    int m_expiringDays = 7; // what "Expiring within N days" in the state filter means
};

} // namespace ca

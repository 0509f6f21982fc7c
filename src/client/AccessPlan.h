// What applying a configuration file would change in an account (access as code, issue 14):
// the configuration compared with a snapshot of the account, as a list of changes for people
// ("+ grant", "- token", "~ rename"), as data (--format json), and as the request that
// applies them all at once against the snapshot's revision.
#pragma once

#include "client/AccessConfig.h"
#include "core/Requests.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

namespace ca {

enum class PlanAction { Add, Change, Remove };

struct PlanItem
{
    PlanAction action = PlanAction::Add;
    QString description; // "grant the vault "Kubernetes" to the server "Dev""
    PlanChange change;   // the wire form, objects named by ID
    // "+ grant the vault …", as plan prints it.
    QString line() const;
};

struct AccessPlan
{
    qint64 baseRevision = 0;
    QList<PlanItem> items;     // in the order they are applied
    QList<ConfigError> errors; // problems of the file against the account; nothing applies

    bool ok() const { return errors.isEmpty(); }
    bool empty() const { return items.isEmpty(); }
    int count(PlanAction action) const;
    // "Plan: 2 to add, 1 to change, 1 to remove." or "No changes: ..."
    QString summary() const;
    // One line per change ("+ grant ...") and the summary line.
    QString text() const;
    // {"base_revision":N,"changes":[{"action":"add","description":…,"change":{…}}…],
    //  "summary":{"add":N,"change":N,"remove":N}}
    QByteArray json() const;
    PlanApplyRequest request() const;
};

// A plan divided for the desktop program: the vault grants and revokes of servers that exist,
// which the Vault access page stages as edits, and the rest, applied as a plan of its own.
// A grant that a new token of the plan needs stays with the rest, so that either half can
// be applied first.
struct DividedPlan
{
    QList<GrantChange> staged; // in the plan's order
    AccessPlan rest;           // at the plan's base revision, with its errors
};
// canStage: whether the matrix has that cell and can change it.
DividedPlan divideForMatrix(const AccessPlan &plan,
                            const std::function<bool(const GrantChange &)> &canStage);

// Compares the configuration with the account. A file that names what the account doesn't
// have (an unknown vault, group or ID), or asks for what the rules refuse (a vault that
// can't be granted, a token re-scoped or brought back), gives errors with their places.
AccessPlan makeAccessPlan(const AccessConfig &config, const AccountSnapshot &snapshot);

} // namespace ca

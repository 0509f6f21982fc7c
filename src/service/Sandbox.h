// The local sandbox: a demo account created on first start in a data folder, with the
// owner's generated sign-in written to sandbox-owner.json (0600) on every start.
#pragma once

#include <QString>

namespace ca {

class AccountService;

struct SandboxPaths
{
    QString dir;
    QString database() const { return dir + QStringLiteral("/connect-admin.sqlite"); }
    QString masterKey() const { return dir + QStringLiteral("/master.key"); }
    QString ownerFile() const { return dir + QStringLiteral("/sandbox-owner.json"); }
    QString usersFile() const { return dir + QStringLiteral("/sandbox-users.json"); }
};

// Seeds the demo directory when the database is empty, then writes the sign-in files with
// the service's current URL. Returns an empty string or an error sentence.
QString prepareSandbox(AccountService &service, const SandboxPaths &paths, const QString &url);

} // namespace ca

// The last account used (service URL and email — never a secret), shared by the desktop
// program and the CLI so that both find the same keychain entry.
#pragma once

#include <QString>
#include <QUrl>

namespace ca {

struct AccountRef
{
    QUrl url;
    QString email;
    bool isValid() const { return url.isValid() && !url.isEmpty() && !email.isEmpty(); }
};

class AccountSettings
{
public:
    static AccountRef lastAccount();
    static void setLastAccount(const AccountRef &account);
    // The email last used with this service URL, if any.
    static QString emailFor(const QUrl &url);
};

} // namespace ca

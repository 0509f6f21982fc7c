#include "client/AccountSettings.h"

#include <QSettings>

namespace ca {

namespace {
QSettings settings()
{
    // Fixed names so that connect-admin and connect-admin-cli read the same file.
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("connect-admin"),
                     QStringLiteral("accounts"));
}

QString urlKey(const QUrl &url)
{
    return QString::fromLatin1(
        url.adjusted(QUrl::StripTrailingSlash)
            .toEncoded()
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

AccountRef AccountSettings::lastAccount()
{
    QSettings s = settings();
    return {QUrl(s.value(QStringLiteral("last/url")).toString()),
            s.value(QStringLiteral("last/email")).toString()};
}

void AccountSettings::setLastAccount(const AccountRef &account)
{
    QSettings s = settings();
    s.setValue(QStringLiteral("last/url"), account.url.toString());
    s.setValue(QStringLiteral("last/email"), account.email);
    s.setValue(QStringLiteral("emails/") + urlKey(account.url), account.email);
}

QString AccountSettings::emailFor(const QUrl &url)
{
    return settings().value(QStringLiteral("emails/") + urlKey(url)).toString();
}

} // namespace ca

// The opaque cursors of paged lists (next_cursor): where the next page starts, bound to the
// list it belongs to and signed with HMAC-SHA256, so that a forged or altered cursor, or one
// of another list, is refused rather than read. The service derives the key from its master
// key, so every instance on one database accepts the cursors of every other.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace ca {

class PageCursor
{
public:
    explicit PageCursor(QByteArray key);

    // The cursor for the page after position in list (e.g. "/v1/vaults").
    QString encode(const QString &list, const QString &position) const;
    // The position a cursor of this list stands for; nothing for any other text.
    std::optional<QString> decode(const QString &list, const QString &cursor) const;

private:
    QByteArray mac(const QString &list, const QByteArray &payload) const;

    QByteArray m_key;
};

} // namespace ca

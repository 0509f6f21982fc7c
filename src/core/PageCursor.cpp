#include "core/PageCursor.h"

#include <QMessageAuthenticationCode>

namespace ca {

namespace {

constexpr char kVersion = 'p';     // the first byte of a payload: cursors of this kind
constexpr qsizetype kMacSize = 16; // 128 bits of HMAC-SHA256 are plenty against forgery

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

std::optional<QByteArray> fromBase64Url(QStringView text)
{
    for (QChar c : text) { // only the base64url alphabet: no padding, no whitespace
        const char16_t u = c.unicode();
        if (!((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
              u == '-' || u == '_'))
            return std::nullopt;
    }
    const QByteArray latin1 = text.toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(
        latin1, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // One spelling per cursor: the unused low bits of the last character must be zero.
    if (!decoded || decoded.decoded.toBase64(kBase64Url) != latin1)
        return std::nullopt;
    return *decoded;
}

// Compares in time that does not depend on where the first difference is.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

PageCursor::PageCursor(QByteArray key)
    : m_key(std::move(key))
{}

QByteArray PageCursor::mac(const QString &list, const QByteArray &payload) const
{
    QMessageAuthenticationCode hmac(QCryptographicHash::Sha256, m_key);
    hmac.addData(list.toUtf8());
    hmac.addData("\0", 1); // no list name ends where a payload begins
    hmac.addData(payload);
    return hmac.result().left(kMacSize);
}

QString PageCursor::encode(const QString &list, const QString &position) const
{
    const QByteArray payload = kVersion + position.toUtf8();
    const QByteArray signedPayload = payload + mac(list, payload);
    return QString::fromLatin1(signedPayload.toBase64(kBase64Url));
}

std::optional<QString> PageCursor::decode(const QString &list, const QString &cursor) const
{
    const std::optional<QByteArray> raw = fromBase64Url(cursor);
    if (!raw || raw->size() <= kMacSize || raw->at(0) != kVersion)
        return std::nullopt;
    const QByteArray payload = raw->left(raw->size() - kMacSize);
    if (!constantTimeEquals(raw->right(kMacSize), mac(list, payload)))
        return std::nullopt;
    return QString::fromUtf8(payload.mid(1));
}

} // namespace ca

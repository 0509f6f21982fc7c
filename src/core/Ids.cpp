#include "core/Ids.h"

#include <QRandomGenerator>

namespace ca {

namespace {
constexpr int kIdLength = 26;
constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
} // namespace

QString newId()
{
    // 26 characters x 5 bits = 130 bits, drawn from the system CSPRNG.
    QRandomGenerator *rng = QRandomGenerator::system();
    QString id(kIdLength, Qt::Uninitialized);
    quint64 pool = 0;
    int bits = 0;
    for (int i = 0; i < kIdLength; ++i) {
        if (bits < 5) {
            pool = rng->generate64();
            bits = 64;
        }
        id[i] = QLatin1Char(kAlphabet[pool & 31u]);
        pool >>= 5;
        bits -= 5;
    }
    return id;
}

bool isValidId(QStringView text)
{
    if (text.size() != kIdLength)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool letter = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
        const bool digit = u >= u'2' && u <= u'7';
        if (!letter && !digit)
            return false;
    }
    return true;
}

QString canonicalId(QStringView text)
{
    return text.toString().toLower();
}

QString displayId(QStringView canonical, IdKind kind)
{
    bool upper = false;
    switch (kind) {
    case IdKind::Account:
    case IdKind::User:
    case IdKind::Server:
    case IdKind::Device:
        upper = true;
        break;
    case IdKind::Vault:
    case IdKind::Group:
    case IdKind::Token:
        break;
    }
    // IDs are ASCII; a plain loop is far cheaper than the Unicode-aware toUpper/toLower,
    // and display IDs are written for every row of every list.
    QString out(canonical.size(), Qt::Uninitialized);
    QChar *o = out.data();
    for (QChar c : canonical) {
        char16_t u = c.unicode();
        if (upper && u >= u'a' && u <= u'z')
            u = char16_t(u - 32);
        else if (!upper && u >= u'A' && u <= u'Z')
            u = char16_t(u + 32);
        *o++ = QChar(u);
    }
    return out;
}

} // namespace ca

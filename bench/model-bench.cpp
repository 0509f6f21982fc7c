// Benchmark (not a test): the models at docs/ARCHITECTURE.md's scale — 1,000 servers, 5,000 vaults,
// 100,000 tokens — built from the JSON the service sends, page by page, with the client's
// decoder (core/JsonDecoder). Prints the time to decode and fill, to decode alone, data()
// for a 40 x 30 viewport of the grant matrix, staging and undoing a whole-column toggle, and
// memory; QJsonDocument::fromJson alone on the same bytes is the yardstick (issue 15's goal:
// decode + fill no slower than it).   model-bench [repeats]
#include "core/Ids.h"
#include "core/JsonCodec.h"
#include "core/JsonDecoder.h"
#include "models/Directory.h"
#include "models/ServerModel.h"
#include "models/TokenFilterProxy.h"
#include "models/TokenModel.h"
#include "models/VaultAccessModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ca;

namespace {

constexpr int kServers = 1000;
constexpr int kVaults = 5000;
constexpr int kTokens = 100000;
constexpr int kGrantsPerServer = 10;
constexpr int kPage = 500; // the client's page size

qint64 rssKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

template <typename T, typename... Extra>
QList<QByteArray> pages(const QList<T> &items, const Extra &...extra)
{
    QList<QByteArray> out;
    for (qsizetype i = 0; i < items.size(); i += kPage) {
        json::Writer w;
        w.beginObject().key("items"_L1).beginArray();
        for (qsizetype j = i; j < std::min(items.size(), i + kPage); ++j)
            json::write(w, items.at(j), extra...);
        w.endArray().key("next_cursor"_L1).null().endObject();
        out.append(w.take());
    }
    return out;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

// Decodes like the client does, or stops the benchmark: a figure of a failed decode is none.
template <typename T>
T decoded(const QByteArray &bytes)
{
    T out;
    json::DecodeError error;
    if (!json::decode(bytes, out, &error))
        qFatal("decoding failed: %s", qPrintable(error.message));
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int repeats = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 5;
    QTextStream out(stdout);
    QRandomGenerator rng(1127);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // --- the data, as the service would send it
    QList<Vault> vaults;
    for (int i = 0; i < kVaults; ++i)
        vaults.append({newId(), u"vault %1"_s.arg(i),
                       i % 50 == 0 ? VaultType::Personal : VaultType::UserCreated, i % 7 != 0});
    QList<Server> servers;
    GrantMatrix matrix{42, {}};
    for (int i = 0; i < kServers; ++i) {
        Server s{newId(), u"server %1"_s.arg(i), u"ACTIVE"_s, now, newId(), 3, {}, 5};
        for (int g = 0; g < kGrantsPerServer; ++g) {
            const QString v = vaults.at(int(rng.bounded(kVaults))).id;
            if (!s.vaults.contains(v)) {
                s.vaults.append(v);
                matrix.grants.append({s.id, v});
            }
        }
        servers.append(s);
    }
    QList<Token> tokens;
    for (int i = 0; i < kTokens; ++i) {
        const Server &s = servers.at(i % kServers);
        Token t;
        t.id = newId();
        t.name = u"token %1"_s.arg(i);
        t.serverId = s.id;
        t.createdAt = now.addDays(-30);
        if (i % 3)
            t.expiresAt = now.addSecs(qint64(rng.bounded(60 * 86400)) - 10 * 86400);
        t.state = i % 11 == 0 ? TokenState::Revoked : TokenState::Active;
        t.vaults = {{s.vaults.value(0), Access::Read}, {s.vaults.value(1), Access::ReadWrite}};
        tokens.append(t);
    }
    const QList<QByteArray> serverPages = pages(servers);
    const QList<QByteArray> vaultPages = pages(vaults);
    const QList<QByteArray> tokenPages = pages(tokens, now);
    json::Writer mw;
    json::write(mw, matrix);
    const QByteArray matrixJson = mw.take();
    qint64 bytes = matrixJson.size();
    for (const auto *list : {&serverPages, &vaultPages, &tokenPages})
        for (const QByteArray &p : *list)
            bytes += p.size();

    out << "Connect Admin model benchmark: " << kServers << " servers, " << kVaults << " vaults, "
        << kTokens << " tokens, " << matrix.grants.size() << " grants; " << (bytes / 1024)
        << " KiB of JSON in pages of " << kPage << "; median of " << repeats << " runs\n\n";

    QList<double> yardstick, decodeOnly, fill, viewport, column, undo, filter;
    qint64 rssBefore = 0, rssAfter = 0;
    for (int run = 0; run < repeats; ++run) {
        QElapsedTimer t;
        // Yardstick: Qt's parse into a DOM alone, nothing read out of it.
        t.start();
        int parsed = 0;
        for (const auto *list : {&serverPages, &vaultPages, &tokenPages})
            for (const QByteArray &p : *list)
                parsed += QJsonDocument::fromJson(p).object().size();
        parsed += QJsonDocument::fromJson(matrixJson).object().size();
        yardstick.append(double(t.nsecsElapsed()) / 1e6);
        Q_UNUSED(parsed);

        // The decoder alone, into the domain types.
        t.restart();
        qsizetype items = 0;
        for (const QByteArray &p : serverPages)
            items += decoded<Page<Server>>(p).items.size();
        for (const QByteArray &p : vaultPages)
            items += decoded<Page<Vault>>(p).items.size();
        for (const QByteArray &p : tokenPages)
            items += decoded<Page<Token>>(p).items.size();
        items += decoded<GrantMatrix>(matrixJson).grants.size();
        decodeOnly.append(double(t.nsecsElapsed()) / 1e6);
        if (items != kServers + kVaults + kTokens + matrix.grants.size()) {
            out << "decoded " << items << " items\n";
            return 1;
        }

        const qint64 rssStart = rssKiB();
        // Decode and fill every model, page by page, as the program does.
        t.restart();
        auto *directory = new Directory;
        auto *serverModel = new ServerModel(directory);
        auto *tokenModel = new TokenModel(directory);
        auto *matrixModel = new VaultAccessModel;
        QList<Vault> decodedVaults;
        for (const QByteArray &p : vaultPages)
            decodedVaults += decoded<Page<Vault>>(p).items;
        directory->setVaults(decodedVaults);
        QList<Server> decodedServers;
        serverModel->beginRefresh();
        for (const QByteArray &p : serverPages) {
            const Page<Server> page = decoded<Page<Server>>(p);
            serverModel->mergePage(page.items);
            directory->setServers(page.items);
            decodedServers += page.items;
        }
        serverModel->endRefresh();
        tokenModel->beginRefresh();
        for (const QByteArray &p : tokenPages)
            tokenModel->mergePage(decoded<Page<Token>>(p).items);
        tokenModel->endRefresh();
        matrixModel->load(decodedServers, decodedVaults, decoded<GrantMatrix>(matrixJson));
        fill.append(double(t.nsecsElapsed()) / 1e6);
        if (run == 0) { // later runs reuse memory the allocator kept
            rssBefore = rssStart;
            rssAfter = rssKiB();
        }
        if (tokenModel->rowCount() != kTokens || matrixModel->rowCount() != kServers) {
            out << "model contents are wrong\n";
            return 1;
        }

        // data() for a 40 x 30 viewport, with the roles a view asks for each cell.
        t.restart();
        constexpr int rounds = 100;
        int checked = 0;
        for (int r = 0; r < rounds; ++r) {
            const int top = (r * 37) % (kServers - 40), left = (r * 101) % (kVaults - 30);
            for (int row = top; row < top + 40; ++row)
                for (int col = left; col < left + 30; ++col) {
                    const QModelIndex i = matrixModel->index(row, col);
                    checked += matrixModel->data(i, Qt::CheckStateRole).toInt();
                    matrixModel->data(i, Qt::BackgroundRole);
                    matrixModel->data(i, Qt::DisplayRole);
                    matrixModel->flags(i);
                }
        }
        viewport.append(double(t.nsecsElapsed()) / 1e6 / rounds);
        Q_UNUSED(checked);

        // Stage a whole-column toggle (1,000 cells) and undo it.
        t.restart();
        matrixModel->toggleColumn(1);
        column.append(double(t.nsecsElapsed()) / 1e6);
        const int staged = matrixModel->pendingCount();
        t.restart();
        matrixModel->undoStack()->undo();
        undo.append(double(t.nsecsElapsed()) / 1e6);
        if (staged == 0 || matrixModel->pendingCount() != 0) {
            out << "column toggle did not stage and undo\n";
            return 1;
        }

        // Filtering 100,000 tokens by text.
        TokenFilterProxy proxy;
        proxy.setSourceModel(tokenModel);
        proxy.rowCount();
        t.restart();
        proxy.setText(u"token 9999"_s);
        const int shown = proxy.rowCount(); // the proxy filters lazily, on first use
        filter.append(double(t.nsecsElapsed()) / 1e6);
        if (shown != 11) { // "token 9999" and "token 99990".."token 99999"
            out << "filter found " << shown << " tokens\n";
            return 1;
        }

        proxy.setSourceModel(nullptr);
        delete matrixModel;
        delete tokenModel;
        delete serverModel;
        delete directory;
    }

    const double y = median(yardstick), f = median(fill);
    out << QStringLiteral("%1  %2\n").arg(u"measure"_s, -52).arg(u"median"_s);
    out << QStringLiteral("%1  %2 ms\n")
               .arg(u"QJsonDocument::fromJson alone, all pages (yardstick)"_s, -52)
               .arg(y, 8, 'f', 1);
    out << QStringLiteral("%1  %2 ms  (%3 x yardstick; goal <= 1.0)\n")
               .arg(u"decode + fill all models, page by page"_s, -52)
               .arg(f, 8, 'f', 1)
               .arg(f / y, 0, 'f', 2);
    out << QStringLiteral("%1  %2 ms  (%3 x yardstick)\n")
               .arg(u"  of which decoding alone (simdjson, no models)"_s, -52)
               .arg(median(decodeOnly), 8, 'f', 1)
               .arg(median(decodeOnly) / y, 0, 'f', 2);
    out << QStringLiteral("%1  %2 ms\n")
               .arg(u"data() for a 40x30 matrix viewport (4 roles/cell)"_s, -52)
               .arg(median(viewport), 8, 'f', 3);
    out << QStringLiteral("%1  %2 ms\n")
               .arg(u"stage a whole-column toggle (1,000 servers)"_s, -52)
               .arg(median(column), 8, 'f', 3);
    out << QStringLiteral("%1  %2 ms\n").arg(u"undo it"_s, -52).arg(median(undo), 8, 'f', 3);
    out << QStringLiteral("%1  %2 ms\n")
               .arg(u"filter 100,000 tokens by text"_s, -52)
               .arg(median(filter), 8, 'f', 1);
    out << QStringLiteral("%1  %2 MiB\n")
               .arg(u"memory held by the filled models (RSS growth, run 1)"_s, -52)
               .arg(double(rssAfter - rssBefore) / 1024, 8, 'f', 1);
    out << QStringLiteral("%1  %2 KiB\n")
               .arg(u"grant matrix bitset (1,000 x 5,000 cells)"_s, -52)
               .arg(kServers * ((kVaults + 63) / 64) * 8 / 1024);
    return 0;
}

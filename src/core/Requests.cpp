#include "core/Requests.h"

using namespace Qt::StringLiterals;

namespace ca {

namespace {

void addItem(QUrlQuery &query, const QString &key, const QString &value)
{
    // Percent-encode what QUrlQuery would leave as is ('&', '+', '=', '#').
    query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

const std::pair<PlanOp, QStringView> kPlanOps[] = {
    {PlanOp::ServerCreate, u"server.create"}, {PlanOp::ServerRename, u"server.rename"},
    {PlanOp::ServerDelete, u"server.delete"}, {PlanOp::VaultGrant, u"vault.grant"},
    {PlanOp::VaultRevoke, u"vault.revoke"},   {PlanOp::TokenCreate, u"token.create"},
    {PlanOp::TokenRename, u"token.rename"},   {PlanOp::TokenRevoke, u"token.revoke"},
    {PlanOp::GroupGrant, u"group.grant"},     {PlanOp::GroupRevoke, u"group.revoke"},
};

} // namespace

QString planOpName(PlanOp op)
{
    for (const auto &[value, name] : kPlanOps) {
        if (value == op)
            return name.toString();
    }
    return {};
}

QUrlQuery toQuery(const GroupGrantRequest &request)
{
    QUrlQuery query;
    addItem(query, u"group"_s, request.group);
    if (!request.server.isEmpty())
        addItem(query, u"server"_s, request.server);
    if (request.allServers)
        query.addQueryItem(u"all_servers"_s, u"true"_s);
    return query;
}

bool fromQuery(const QUrlQuery &query, GroupGrantRequest &out, QString *error)
{
    out.group = query.queryItemValue(u"group"_s, QUrl::FullyDecoded);
    out.server = query.queryItemValue(u"server"_s, QUrl::FullyDecoded);
    const QString all = query.queryItemValue(u"all_servers"_s, QUrl::FullyDecoded);
    if (all.isEmpty() || all == u"false" || all == u"0") {
        out.allServers = false;
    } else if (all == u"true" || all == u"1") {
        out.allServers = true;
    } else {
        *error = u"\"all_servers\" must be true or false."_s;
        return false;
    }
    return true;
}

} // namespace ca

// Reads what an access plan compares a file with: the account's vaults, groups, servers,
// tokens and group grants, all at one revision.
#pragma once

#include "client/AccessConfig.h"
#include "client/ApiClient.h"

#include <QObject>

namespace ca {

// Reads the snapshot through the client, one list after another between two reads of the
// account's revision; when they differ (someone changed the account meanwhile) it reads
// again, up to three times. done runs once, unless context dies first.
void loadAccountSnapshot(ApiClient &api, QObject *context, Callback<AccountSnapshot> done);

} // namespace ca

// One function per subcommand of connect-admin-cli; each starts its requests and ends with
// Cli::succeed() or Cli::fail().
#pragma once

namespace ca::cli {

class Cli;
struct Invocation;

void serverCreate(Cli &cli, const Invocation &inv);
void serverDelete(Cli &cli, const Invocation &inv);
void serverEdit(Cli &cli, const Invocation &inv);
void serverGet(Cli &cli, const Invocation &inv);
void serverList(Cli &cli, const Invocation &inv);
void serverCheckCredentials(Cli &cli, const Invocation &inv);
void serverRenewCredentials(Cli &cli, const Invocation &inv);

void tokenCreate(Cli &cli, const Invocation &inv);
void tokenDelete(Cli &cli, const Invocation &inv);
void tokenEdit(Cli &cli, const Invocation &inv);
void tokenList(Cli &cli, const Invocation &inv);
void tokenRotate(Cli &cli, const Invocation &inv);
void tokenScheduleRevoke(Cli &cli, const Invocation &inv);
void tokenCalendar(Cli &cli, const Invocation &inv);

void vaultGrant(Cli &cli, const Invocation &inv);
void vaultRevoke(Cli &cli, const Invocation &inv);
void vaultGet(Cli &cli, const Invocation &inv);
void connectDiff(Cli &cli, const Invocation &inv);
void groupGrant(Cli &cli, const Invocation &inv);
void groupRevoke(Cli &cli, const Invocation &inv);

void connectExport(Cli &cli, const Invocation &inv);
void connectPlan(Cli &cli, const Invocation &inv);
void connectApply(Cli &cli, const Invocation &inv);

void auditList(Cli &cli, const Invocation &inv);
void auditVerify(Cli &cli, const Invocation &inv);

void signIn(Cli &cli, const Invocation &inv);
void signOut(Cli &cli, const Invocation &inv);

} // namespace ca::cli

#include "cli/CommandLine.h"

#include "cli/Commands.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ca::cli {

namespace {

constexpr int kHelpWidth = 100;

Flag valueFlag(const QString &name, const QString &type, const QString &help,
               bool repeatable = false)
{
    return Flag{name, QChar(), type, help, repeatable};
}

Flag switchFlag(const QString &name, const QString &help, QChar shortName = QChar())
{
    return Flag{name, shortName, QString(), help, false};
}

const QString kNotPersonal =
    u"Note: You can't grant a Connect server access to your built-in Personal, Private, or "
    "Employee vault."_s;

QList<Command> buildCommands()
{
    const QString p = programName();
    QList<Command> c;

    Command root;
    root.description = u"Administer Connect servers, their tokens, their vault access and the "
                       "groups that manage them, with the syntax of op connect."_s;
    root.arguments = u"[command]"_s;
    root.needsSession = false;
    root.notes =
        u"The service and account come from --url / CONNECT_ADMIN_URL and --account / "
        "CONNECT_ADMIN_ACCOUNT, else from the last sign-in (shared with the desktop program). "
        "The session is the one %1 signin kept in the system keychain, or "
        "CONNECT_ADMIN_SESSION when set (for CI jobs)."_s.arg(p);
    c.append(root);

    Command signin;
    signin.path = u"signin"_s;
    signin.summary = u"Sign in to an account service"_s;
    signin.description =
        u"Sign in to an account service and keep the session in the system keychain, in the "
        "same entry as the desktop program."_s;
    signin.arguments = u"[flags]"_s;
    signin.flags = {valueFlag(u"email"_s, u"email"_s, u"The email address to sign in with."_s)};
    signin.notes = u"The service is --url (or CONNECT_ADMIN_URL, or the last one used). The "
                   "password is read from standard input when that is not a terminal, otherwise "
                   "it is asked for without echo."_s;
    signin.run = &signIn;
    signin.needsSession = false;
    c.append(signin);

    Command signout;
    signout.path = u"signout"_s;
    signout.summary = u"End the session and forget it"_s;
    signout.description =
        u"End the session on the account service and remove it from the system keychain."_s;
    signout.arguments = u"[flags]"_s;
    signout.run = &signOut;
    signout.needsSession = false;
    c.append(signout);

    Command connect;
    connect.path = u"connect"_s;
    connect.summary = u"Manage Connect servers and tokens"_s;
    connect.description =
        u"Manage Connect server instances and tokens in your account.\n\nLooking up a Connect "
        "server by its ID is more efficient than using the Connect server's name."_s;
    connect.arguments = u"[command]"_s;
    c.append(connect);

    // ---- connect group
    Command group;
    group.path = u"connect group"_s;
    group.summary = u"Manage group access to Secrets Automation"_s;
    group.description = group.summary + u'.';
    group.arguments = u"[command]"_s;
    c.append(group);

    Command groupGrantCmd;
    groupGrantCmd.path = u"connect group grant"_s;
    groupGrantCmd.summary = u"Grant a group access to manage Secrets Automation"_s;
    groupGrantCmd.description = groupGrantCmd.summary + u'.';
    groupGrantCmd.arguments = u"[flags]"_s;
    groupGrantCmd.flags = {
        switchFlag(u"all-servers"_s, u"Grant access to all current and future servers in the "
                                     "authenticated account."_s),
        valueFlag(u"group"_s, u"group"_s, u"The group to receive access."_s),
        valueFlag(u"server"_s, u"server"_s, u"The server to grant access to."_s)};
    groupGrantCmd.notes = u"If you don't specify a server, it adds the group to the list of "
                          "Secrets Automation managers."_s;
    groupGrantCmd.run = &groupGrant;
    c.append(groupGrantCmd);

    Command groupRevokeCmd;
    groupRevokeCmd.path = u"connect group revoke"_s;
    groupRevokeCmd.summary = u"Revoke a group's access to manage Secrets Automation"_s;
    groupRevokeCmd.description = groupRevokeCmd.summary + u'.';
    groupRevokeCmd.arguments = u"[flags]"_s;
    groupRevokeCmd.flags = {
        switchFlag(u"all-servers"_s, u"Revoke access to all current and future servers in the "
                                     "authenticated account."_s),
        valueFlag(u"group"_s, u"group"_s, u"The group to revoke access from."_s),
        valueFlag(u"server"_s, u"server"_s, u"The server to revoke access to."_s)};
    groupRevokeCmd.notes =
        u"If you don't specify a server, it removes the group from the list of Secrets "
        "Automation managers. With --all-servers every server grant of the group goes, the "
        "grants of single servers included."_s;
    groupRevokeCmd.run = &groupRevoke;
    c.append(groupRevokeCmd);

    // ---- connect server
    Command server;
    server.path = u"connect server"_s;
    server.summary = u"Manage Connect servers"_s;
    server.description = server.summary + u'.';
    server.arguments = u"[command]"_s;
    c.append(server);

    Command create;
    create.path = u"connect server create"_s;
    create.summary = u"Set up a Connect server"_s;
    create.description =
        u"Add a 1Password Connect server to your account and generate a credentials file for "
        "it. %1 saves the 1password-credentials.json file in the current directory."_s.arg(p);
    create.arguments = u"<name> [flags]"_s;
    create.flags = {
        switchFlag(u"force"_s,
                   u"Do not prompt for confirmation when overwriting credential files."_s, u'f'),
        valueFlag(u"vaults"_s, u"strings"_s,
                  u"Grant the Connect server access to these vaults (comma "
                  "separated; the flag may be repeated)."_s,
                  true)};
    create.minArgs = create.maxArgs = 1;
    create.notes =
        kNotPersonal + u"\n\nThe file is written with permissions 0600. When it exists already, %1 "
                       "asks before overwriting it; without a terminal to ask on it refuses unless "
                       "--force is given, and then creates no server."_s.arg(p);
    create.run = &serverCreate;
    c.append(create);

    Command del;
    del.path = u"connect server delete"_s;
    del.summary = u"Remove a Connect server"_s;
    del.description = u"Remove a Connect server. Specify the server by name or ID."_s;
    del.arguments = u"[{ <serverName> | <serverID> | - }] [flags]"_s;
    del.maxArgs = 1;
    del.notes = u"The credentials file and all the tokens for the server will no longer be "
                "valid.\n\nWith - (or no argument and standard input that is not a terminal) the "
                "name or ID is read from standard input: a line of text, or a JSON object with "
                "an \"id\" as --format json prints it."_s;
    del.run = &serverDelete;
    c.append(del);

    Command edit;
    edit.path = u"connect server edit"_s;
    edit.summary = u"Rename a Connect server"_s;
    edit.description = u"Rename a Connect server. Specify the server by name or ID."_s;
    edit.arguments = u"{ <serverName> | <serverID> } [flags]"_s;
    edit.flags = {valueFlag(u"name"_s, u"name"_s, u"Change the server's name."_s)};
    edit.minArgs = edit.maxArgs = 1;
    edit.run = &serverEdit;
    c.append(edit);

    Command get;
    get.path = u"connect server get"_s;
    get.summary = u"Get a Connect server"_s;
    get.description = u"Get details about a Connect server. Specify the server by name or ID."_s;
    get.arguments = del.arguments;
    get.maxArgs = 1;
    get.notes = u"With - (or no argument and standard input that is not a terminal) the name or "
                "ID is read from standard input."_s;
    get.run = &serverGet;
    c.append(get);

    Command list;
    list.path = u"connect server list"_s;
    list.summary = u"List Connect servers"_s;
    list.description = u"Get a list of Connect servers."_s;
    list.arguments = u"[flags]"_s;
    list.run = &serverList;
    c.append(list);

    Command check;
    check.path = u"connect server check-credentials"_s;
    check.summary = u"Check a credentials file, and a token with it"_s;
    check.description =
        u"Check a 1password-credentials.json file offline: its key decrypts its encrypted "
        "credentials and matches its verifier. Says which account, server and service it "
        "belongs to and when it was issued; when you are signed in to that service, also "
        "whether the server still exists, is active and uses this file. With --token, checks "
        "that the token belongs to the file and that the service signed it, and says which "
        "vaults it reaches and when it expires."_s;
    check.arguments = u"<file> [flags]"_s;
    check.flags = {valueFlag(u"token"_s, u"token"_s,
                             u"A token to check with the file, or - to read it from standard "
                             "input (better: a token on the command line is visible to other "
                             "users of the machine)."_s)};
    check.minArgs = check.maxArgs = 1;
    check.needsSession = false;
    check.notes = u"Exit status 0 when the file (and the token) are good; 1 otherwise, with "
                  "the reason on standard error."_s;
    check.run = &serverCheckCredentials;
    c.append(check);

    Command renew;
    renew.path = u"connect server renew-credentials"_s;
    renew.summary = u"Give a Connect server a new credentials file"_s;
    renew.description =
        u"Give a Connect server a new secret and a new credentials file without recreating "
        "it. %1 saves the new 1password-credentials.json file in the current directory. "
        "Tokens issued against the old credentials no longer match the new file; "
        "--rotate-tokens replaces them in the same step."_s.arg(p);
    renew.arguments = u"{ <serverName> | <serverID> } [flags]"_s;
    renew.flags = {
        switchFlag(u"force"_s,
                   u"Do not prompt for confirmation when overwriting credential files."_s, u'f'),
        switchFlag(u"rotate-tokens"_s,
                   u"Also replace each active token of the server with a new one on the new "
                   "credentials (printed once), revoking the old ones after --overlap."_s),
        valueFlag(u"overlap"_s, u"duration"_s,
                  u"With --rotate-tokens: how long the old tokens keep working (default 24h; "
                  "0 revokes them at once)."_s)};
    renew.minArgs = renew.maxArgs = 1;
    renew.notes = u"The file is written with permissions 0600, as by server create. The old "
                  "file stops working as soon as the credentials are renewed."_s;
    renew.run = &serverRenewCredentials;
    c.append(renew);

    // ---- connect token
    Command token;
    token.path = u"connect token"_s;
    token.summary = u"Manage Connect server tokens"_s;
    token.description = token.summary + u'.';
    token.arguments = u"[command]"_s;
    c.append(token);

    Command tcreate;
    tcreate.path = u"connect token create"_s;
    tcreate.summary = u"Issue a token for a 1Password Connect server"_s;
    tcreate.description = u"Issue a new token for a Connect server."_s;
    tcreate.arguments = u"<tokenName> [flags]"_s;
    tcreate.flags = {
        valueFlag(u"expires-in"_s, u"duration"_s,
                  u"Set how long the Connect token is valid for in (s)econds, (m)inutes, "
                  "(h)ours, (d)ays, and/or (w)eeks."_s),
        valueFlag(u"server"_s, u"string"_s, u"Issue a token for this server."_s),
        valueFlag(u"vault"_s, u"stringArray"_s,
                  u"Issue a token on these vaults (repeat the flag; \"Vault,r\", \"Vault,w\" "
                  "or \"Vault,rw\" sets the permission)."_s,
                  true),
        valueFlag(u"vaults"_s, u"strings"_s,
                  u"Issue a token on these vaults, comma separated; an r, w or rw element "
                  "limits the vault before it."_s,
                  true)};
    tcreate.minArgs = tcreate.maxArgs = 1;
    tcreate.notes =
        u"Returns a token: the token alone is printed on standard output.\n\nYou can only "
        "provision Connect server tokens to vaults that the Connect server has access to. Use "
        "%1 connect vault grant to grant access to vaults.\n\n%2\n\nBy default, the --vaults "
        "option grants the same permissions as the server. To further limit the permissions a "
        "token has to read-only or write-only, add a comma and r or w after the vault "
        "specification. For example:\n\n"
        "  %1 connect token create \"Dev k8s token\" --server Dev --vaults Kubernetes,r \\\n"
        "      --expires-in=30d\n"
        "  %1 connect token create \"Prod: Customer details\" --server Prod \\\n"
        "      --vault \"Customers,w\" --vault \"Vendors,r\""_s.arg(p, kNotPersonal);
    tcreate.run = &tokenCreate;
    c.append(tcreate);

    const Flag onlyServer = valueFlag(u"server"_s, u"string"_s,
                                      u"Only look for tokens for this 1Password Connect server."_s);
    Command tdelete;
    tdelete.path = u"connect token delete"_s;
    tdelete.summary = u"Revoke a token for a Connect server"_s;
    tdelete.description = tdelete.summary + u'.';
    tdelete.arguments = u"[ <token> ] [flags]"_s;
    tdelete.flags = {onlyServer};
    tdelete.maxArgs = 1;
    tdelete.notes = u"The token is named by name or ID. With - (or no argument and standard "
                    "input that is not a terminal) it is read from standard input."_s;
    tdelete.run = &tokenDelete;
    c.append(tdelete);

    Command tedit;
    tedit.path = u"connect token edit"_s;
    tedit.summary = u"Rename a Connect server token"_s;
    tedit.description = tedit.summary + u'.';
    tedit.arguments = u"<token> [flags]"_s;
    tedit.flags = {valueFlag(u"name"_s, u"string"_s, u"Change the token's name."_s), onlyServer};
    tedit.minArgs = tedit.maxArgs = 1;
    tedit.run = &tokenEdit;
    c.append(tedit);

    Command tlist;
    tlist.path = u"connect token list"_s;
    tlist.summary = u"Get a list of tokens"_s;
    tlist.description = u"List tokens for Connect servers."_s;
    tlist.arguments = u"[flags]"_s;
    tlist.flags = {
        valueFlag(u"server"_s, u"server"_s, u"Only list tokens for this Connect server."_s),
        valueFlag(u"expiring-within"_s, u"duration"_s,
                  u"Only list tokens that expire, or are scheduled to be revoked, within this "
                  "time from now (e.g. 7d), soonest first."_s)};
    tlist.notes = u"Returns both active and revoked tokens.\n\nThe integrationId is the ID for "
                  "the Connect server the token belongs to. A token whose revocation is "
                  "scheduled shows the time in EXPIRES after \"revokes\"."_s;
    tlist.run = &tokenList;
    c.append(tlist);

    Command trotate;
    trotate.path = u"connect token rotate"_s;
    trotate.summary = u"Replace a token with a new one and revoke the old one later"_s;
    trotate.description =
        u"Issue a new token like an existing one (the same server, vaults and access, the same "
        "lifetime counted from now) and revoke the old one after an overlap, in one step: the "
        "new token exists and the old one is scheduled for revocation, or neither."_s;
    trotate.arguments = u"<token> [flags]"_s;
    trotate.flags = {
        valueFlag(u"server"_s, u"string"_s, u"The Connect server of the token."_s),
        valueFlag(u"overlap"_s, u"duration"_s,
                  u"How long the old token keeps working beside the new one (default 24h; 0 "
                  "revokes it at once)."_s),
        valueFlag(u"revokes-at"_s, u"time"_s,
                  u"Revoke the old token at this time instead (ISO 8601 with a zone, e.g. "
                  "2026-12-01T09:00:00Z)."_s),
        valueFlag(u"name"_s, u"string"_s,
                  u"The new token's name (default: the old name with \"(rotated <date>)\")."_s)};
    trotate.minArgs = trotate.maxArgs = 1;
    trotate.notes =
        u"Returns a token: the new token alone is printed on standard output, as with token "
        "create. The old token's revocation can be moved or cancelled with %1 connect token "
        "schedule-revoke. For example:\n\n"
        "  DEPLOY_TOKEN=$(%1 connect token rotate deploy --server Prod --overlap 1h)"_s.arg(p);
    trotate.run = &tokenRotate;
    c.append(trotate);

    Command tschedule;
    tschedule.path = u"connect token schedule-revoke"_s;
    tschedule.summary = u"Revoke a token at a later time, or cancel that"_s;
    tschedule.description = u"Schedule the revocation of a token, move it, or cancel it. The "
                            "account service revokes the token at that time (also when it "
                            "was not running then: as soon as it starts again)."_s;
    tschedule.arguments = u"<token> [flags]"_s;
    tschedule.flags = {
        valueFlag(u"server"_s, u"string"_s, u"Only look for tokens for this Connect server."_s),
        valueFlag(u"in"_s, u"duration"_s, u"Revoke the token this long from now (e.g. 24h)."_s),
        valueFlag(u"at"_s, u"time"_s,
                  u"Revoke the token at this time (ISO 8601 with a zone, e.g. "
                  "2026-12-01T09:00:00Z)."_s),
        switchFlag(u"cancel"_s, u"Cancel the scheduled revocation: the token stays."_s)};
    tschedule.minArgs = tschedule.maxArgs = 1;
    tschedule.notes = u"Give exactly one of --in, --at and --cancel."_s;
    tschedule.run = &tokenScheduleRevoke;
    c.append(tschedule);

    Command tcalendar;
    tcalendar.path = u"connect token calendar"_s;
    tcalendar.summary = u"Export token expiry dates as an iCalendar file"_s;
    tcalendar.description =
        u"Write an iCalendar (.ics, RFC 5545) file with one event per token that expires, or "
        "is scheduled to be revoked, within the time given, each with a reminder a day "
        "before, so that the dates land in your calendar."_s;
    tcalendar.arguments = u"[flags]"_s;
    tcalendar.flags = {
        valueFlag(u"server"_s, u"server"_s, u"Only tokens of this Connect server."_s),
        valueFlag(u"within"_s, u"duration"_s, u"How far ahead to look (default 90d)."_s),
        valueFlag(u"output"_s, u"file"_s,
                  u"Write the calendar to this file (mode 0600, replaced if it exists) "
                  "instead of standard output."_s)};
    tcalendar.notes = u"Each event keeps its UID from one export to the next, so importing a "
                      "newer file updates the events instead of adding copies."_s;
    tcalendar.run = &tokenCalendar;
    c.append(tcalendar);

    // ---- connect vault
    Command vault;
    vault.path = u"connect vault"_s;
    vault.summary = u"Manage Connect server vault access"_s;
    vault.description = vault.summary + u'.';
    vault.arguments = u"[command]"_s;
    c.append(vault);

    Command vgrant;
    vgrant.path = u"connect vault grant"_s;
    vgrant.summary = u"Grant a Connect server access to a vault"_s;
    vgrant.description = vgrant.summary + u'.';
    vgrant.arguments = u"[flags]"_s;
    vgrant.flags = {valueFlag(u"server"_s, u"string"_s, u"The server to be granted access."_s),
                    valueFlag(u"vault"_s, u"string"_s, u"The vault to grant access to."_s)};
    vgrant.notes = kNotPersonal;
    vgrant.run = &vaultGrant;
    c.append(vgrant);

    Command vrevoke;
    vrevoke.path = u"connect vault revoke"_s;
    vrevoke.summary = u"Revoke a Connect server's access to a vault"_s;
    vrevoke.description = vrevoke.summary + u'.';
    vrevoke.arguments = u"[flags]"_s;
    vrevoke.flags = {
        valueFlag(u"server"_s, u"server"_s, u"The server to revoke access from."_s),
        valueFlag(u"vault"_s, u"vault"_s, u"The vault to revoke a server's access to."_s),
        switchFlag(u"dry-run"_s, u"Only say which active tokens would lose the vault; change "
                                 "nothing."_s)};
    vrevoke.notes = u"Before revoking, the command says which of the server's active tokens "
                    "name the vault and so lose it, e.g. \"2 tokens lose Kubernetes: deploy "
                    "(rw), monitor (r)\"."_s;
    vrevoke.run = &vaultRevoke;
    c.append(vrevoke);

    Command vget;
    vget.path = u"connect vault get"_s;
    vget.summary = u"Show who can reach a vault"_s;
    vget.description =
        u"Show the Connect servers that have a vault, each with its tokens that name the vault "
        "(access, expiry, state), and the groups that manage those servers."_s;
    vget.arguments = u"{ <vaultName> | <vaultID> } [flags]"_s;
    vget.minArgs = vget.maxArgs = 1;
    vget.notes = u"Only the servers you may see are listed. A vault you can't see is reported "
                 "as not found."_s;
    vget.run = &vaultGet;
    c.append(vget);

    // ---- access as code
    Command cexport;
    cexport.path = u"connect export"_s;
    cexport.summary = u"Write the Connect configuration as a YAML file"_s;
    cexport.description =
        u"Write the account's Connect configuration as YAML: servers with their vaults, the "
        "groups that manage them and their tokens (vaults with access, expiry, state; never a "
        "token itself), and the account-wide group grants. Sorted and stable: exporting an "
        "unchanged account twice gives the same bytes."_s;
    cexport.arguments = u"[flags]"_s;
    cexport.flags = {
        valueFlag(u"output"_s, u"file"_s, u"Write the file here instead of standard output."_s)};
    cexport.notes = u"Edit the file, then see what applying it would change with %1 connect "
                    "plan FILE and apply it with %1 connect apply FILE. Names are used; the id "
                    "lines say which server or token an entry is, so a renamed one is renamed, "
                    "not replaced."_s.arg(p);
    cexport.run = &connectExport;
    c.append(cexport);

    Command cplan;
    cplan.path = u"connect plan"_s;
    cplan.summary = u"Show what applying a configuration file would change"_s;
    cplan.description =
        u"Compare a configuration file (as connect export writes it) with the account and "
        "list the changes applying it would make: + for what is added (a grant, a server, a "
        "token to issue), - for what goes (a revoked vault or token, a deleted server), ~ for "
        "a rename, then a summary line."_s;
    cplan.arguments = u"<file> [flags]"_s;
    cplan.minArgs = cplan.maxArgs = 1;
    cplan.notes = u"Exit status: 0 when there is nothing to do, 2 when there are changes, 1 "
                  "when the file has errors (each with its line and column) or the service "
                  "refused. --format json prints the plan as data."_s;
    cplan.run = &connectPlan;
    c.append(cplan);

    Command capply;
    capply.path = u"connect apply"_s;
    capply.summary = u"Apply a configuration file to the account"_s;
    capply.description =
        u"Show the plan for a configuration file and, once approved, apply all of it in one "
        "step against the account as it was planned on: if anyone changed the account in "
        "between, nothing is applied."_s;
    capply.arguments = u"<file> [flags]"_s;
    capply.minArgs = capply.maxArgs = 1;
    capply.flags = {
        switchFlag(u"auto-approve"_s,
                   u"Apply without asking (needed when there is no terminal to ask on)."_s),
        valueFlag(u"tokens-out"_s, u"file"_s,
                  u"Write the new tokens to this file (JSON, mode 0600) instead of standard "
                  "output."_s),
        valueFlag(u"credentials-dir"_s, u"folder"_s,
                  u"Where new servers' credentials files go (default: the current folder), "
                  "each as NAME.1password-credentials.json, mode 0600."_s),
        switchFlag(u"force"_s, u"Overwrite credentials files in the way."_s, u'f')};
    capply.notes = u"Tokens in the file without an id that the account doesn't have are "
                   "issued; each new token is shown once. Exit status 0 when applied (or "
                   "nothing to do), 1 otherwise."_s;
    capply.run = &connectApply;
    c.append(capply);
    Command diff;
    diff.path = u"connect diff"_s;
    diff.summary = u"Show what changed in vault access between two moments"_s;
    diff.description =
        u"Show the vault access cells granted and revoked, the servers and tokens created and "
        "revoked, and the group grants changed between two moments, built from the audit "
        "log."_s;
    diff.arguments = u"--since <when> [flags]"_s;
    diff.flags = {
        valueFlag(u"since"_s, u"when"_s,
                  u"The first moment: a duration back from now (7d), a date (2026-11-01) or a "
                  "time (2026-11-01T09:00:00Z). Required."_s),
        valueFlag(u"until"_s, u"when"_s, u"The second moment (same forms; default now)."_s)};
    diff.notes = u"A cell granted and revoked again in between is no change. Reading the audit "
                 "log needs manager rights."_s;
    diff.run = &connectDiff;
    c.append(diff);

    // ---- audit
    Command audit;
    audit.path = u"audit"_s;
    audit.summary = u"Read and verify the audit log"_s;
    audit.description = u"Read the account's audit log and verify its hash chain."_s;
    audit.arguments = u"[command]"_s;
    c.append(audit);

    Command alist;
    alist.path = u"audit list"_s;
    alist.summary = u"List audit events, newest first"_s;
    alist.description = u"List what changed in the account, newest first, filtered by the "
                        "service."_s;
    alist.arguments = u"[flags]"_s;
    alist.flags = {
        valueFlag(u"since"_s, u"when"_s,
                  u"Only events from this time on: a duration back from now (7d, 12h), a date "
                  "(2026-11-01) or a time (2026-11-01T09:00:00Z)."_s),
        valueFlag(u"until"_s, u"when"_s, u"Only events before this time (same forms)."_s),
        valueFlag(u"actor"_s, u"email"_s, u"Only events by this user (email address or ID)."_s),
        valueFlag(u"action"_s, u"action"_s,
                  u"Only this action (token.create), or every action of a kind (token)."_s),
        valueFlag(u"server"_s, u"server"_s, u"Only events about this Connect server."_s),
        valueFlag(u"vault"_s, u"vault"_s, u"Only events about this vault."_s),
        valueFlag(u"token"_s, u"token"_s, u"Only events about this token."_s),
        valueFlag(u"group"_s, u"group"_s, u"Only events about this group."_s),
        valueFlag(u"search"_s, u"text"_s,
                  u"Only events whose action, target or detail "
                  "contains this text."_s),
        valueFlag(u"limit"_s, u"number"_s, u"Print at most this many events (default 100)."_s)};
    alist.notes = u"Reading the audit log needs manager rights (Owners, Administrators or a "
                  "Secrets Automation manager group). Objects are named by name or ID; an ID "
                  "also finds events about objects deleted since."_s;
    alist.run = &auditList;
    c.append(alist);

    Command averify;
    averify.path = u"audit verify"_s;
    averify.summary = u"Verify the audit log's hash chain"_s;
    averify.description =
        u"Walk the audit log's hash chain from its first event and report the first event that "
        "was edited, deleted or moved, or that the chain is whole."_s;
    averify.arguments = u"[flags]"_s;
    averify.notes = u"Exits with status 1 when the chain is broken."_s;
    averify.run = &auditVerify;
    c.append(averify);

    return c;
}

// Help paragraphs wrapped to the width, continuation lines indented by `indent`.
QString wrap(const QString &text, int firstColumn, int indent)
{
    QString out;
    int column = firstColumn;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (column > indent && column + 1 + word.size() > kHelpWidth) {
            out += u'\n' + QString(indent, u' ');
            column = indent;
        } else if (column > indent) {
            out += u' ';
            ++column;
        }
        out += word;
        column += int(word.size());
    }
    return out;
}

QString paragraphs(const QString &text)
{
    QStringList out;
    for (const QString &para : text.split(u"\n\n"_s)) {
        // Lines that start with spaces are examples: kept as written.
        if (para.startsWith(u' '))
            out.append(para);
        else
            out.append(wrap(para, 0, 0));
    }
    return out.join(u"\n\n"_s);
}

// Left column padded to the widest entry, right column wrapped with a hanging indent.
QString twoColumns(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &r : rows)
        width = std::max(width, r.first.size());
    const int indent = int(width) + 3;
    QString out;
    for (const auto &r : rows)
        out += r.first.leftJustified(indent) + wrap(r.second, indent, indent) + u'\n';
    return out;
}

QString flagTable(const QList<Flag> &flags)
{
    QList<std::pair<QString, QString>> rows;
    for (const Flag &f : flags) {
        QString left = f.shortName.isNull() ? u"      --"_s : u"  -"_s + f.shortName + u", --"_s;
        left += f.name;
        if (f.takesValue())
            left += u' ' + f.valueType;
        rows.append({left, f.help});
    }
    return twoColumns(rows);
}

QString usageLine(const Command &command)
{
    return u"Usage:  %1%2 %3"_s.arg(
        programName(), command.path.isEmpty() ? QString() : u' ' + command.path, command.arguments);
}

} // namespace

const Flag *Command::flag(QStringView longName) const
{
    for (const Flag &f : flags) {
        if (f.name == longName)
            return &f;
    }
    return nullptr;
}

QString programName()
{
    return u"connect-admin-cli"_s;
}

const QList<Command> &commands()
{
    static const QList<Command> all = buildCommands();
    return all;
}

const Command *findCommand(const QString &path)
{
    for (const Command &c : commands()) {
        if (c.path == path)
            return &c;
    }
    return nullptr;
}

QList<const Command *> subcommandsOf(const Command &command)
{
    QList<const Command *> out;
    const QString prefix = command.path.isEmpty() ? QString() : command.path + u' ';
    for (const Command &c : commands()) {
        if (!c.path.isEmpty() && c.path.startsWith(prefix) &&
            !c.path.mid(prefix.size()).contains(u' '))
            out.append(&c);
    }
    return out;
}

const QList<Flag> &globalFlags()
{
    static const QList<Flag> flags = {
        valueFlag(u"ca-file"_s, u"file"_s,
                  u"Trust the CA certificates in this PEM file (a service with a private "
                  "certificate); default CONNECT_ADMIN_CA_FILE."_s),
        valueFlag(u"account"_s, u"email"_s,
                  u"The account (email address) whose session to use; default "
                  "CONNECT_ADMIN_ACCOUNT, else the last one used with the service."_s),
        valueFlag(u"format"_s, u"format"_s,
                  u"Output format: human (aligned tables, the default) or json (the service's "
                  "objects)."_s),
        switchFlag(u"help"_s, u"Get help for a command."_s, u'h'),
        valueFlag(u"url"_s, u"url"_s,
                  u"The account service; default CONNECT_ADMIN_URL, else the last one signed "
                  "in to."_s),
        switchFlag(u"version"_s, u"Print the version."_s),
    };
    return flags;
}

namespace {

// A flag by long or short name: the global ones, then the command's, then (so that a flag
// may come before its subcommand, as in cobra) any command's; checked again at the end.
const Flag *lookupFlag(const QString &name, bool isShort, const Command &node)
{
    auto match = [&](const Flag &f) {
        return isShort ? f.shortName == name.at(0) : f.name == name;
    };
    for (const Flag &f : globalFlags()) {
        if (match(f))
            return &f;
    }
    for (const Flag &f : node.flags) {
        if (match(f))
            return &f;
    }
    for (const Command &c : commands()) {
        for (const Flag &f : c.flags) {
            if (match(f))
                return &f;
        }
    }
    return nullptr;
}

QString displayPath(const Command &command)
{
    return command.path.isEmpty() ? programName() : programName() + u' ' + command.path;
}

} // namespace

Invocation parseCommandLine(const QStringList &arguments)
{
    Invocation inv;
    const Command *node = &commands().first();
    auto setError = [&inv](const QString &message) {
        if (inv.error.isEmpty())
            inv.error = message;
    };
    struct Seen
    {
        const Flag *flag;
        QString typed; // as written, for messages
    };
    QList<Seen> seen;
    bool endOfFlags = false;
    bool descending = true; // positional words still name subcommands

    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (!endOfFlags && a == u"--") {
            endOfFlags = true;
            continue;
        }
        if (!endOfFlags && a.size() > 1 && a.startsWith(u'-')) {
            const bool isShort = !a.startsWith(u"--");
            QString body = a.mid(isShort ? 1 : 2);
            QString inlineValue;
            bool hasInline = false;
            if (const qsizetype eq = body.indexOf(u'='); eq >= 0) {
                inlineValue = body.mid(eq + 1);
                body = body.left(eq);
                hasInline = true;
            }
            if (isShort && body.size() != 1) {
                setError(u"unknown shorthand flag: '%1' in %2"_s.arg(body.left(1), a));
                continue;
            }
            const Flag *flag = lookupFlag(body, isShort, *node);
            if (!flag) {
                setError(isShort ? u"unknown shorthand flag: '%1' in %2"_s.arg(body, a)
                                 : u"unknown flag: --%1"_s.arg(body));
                continue;
            }
            QString value;
            if (flag->takesValue()) {
                if (hasInline) {
                    value = inlineValue;
                } else if (i + 1 < arguments.size()) {
                    value = arguments.at(++i);
                } else {
                    setError(u"flag needs an argument: --%1"_s.arg(flag->name));
                    continue;
                }
            } else if (hasInline) {
                if (inlineValue == u"true" || inlineValue == u"1") {
                    value = u"true"_s;
                } else if (inlineValue == u"false" || inlineValue == u"0") {
                    value = u"false"_s;
                } else {
                    setError(u"invalid argument \"%1\" for --%2: use true or false"_s.arg(
                        inlineValue, flag->name));
                    continue;
                }
            } else {
                value = u"true"_s;
            }
            seen.append({flag, isShort ? a : u"--"_s + flag->name});
            inv.values[flag->name].append(value);
            continue;
        }
        if (descending) {
            const QList<const Command *> children = subcommandsOf(*node);
            if (!children.isEmpty()) {
                const auto it = std::find_if(children.cbegin(), children.cend(),
                                             [&a](const Command *c) { return c->name() == a; });
                if (it == children.cend()) {
                    setError(u"unknown command \"%1\" for \"%2\""_s.arg(a, displayPath(*node)));
                    descending = false;
                } else {
                    node = *it;
                }
                continue;
            }
            descending = false;
        }
        inv.args.append(a);
    }

    inv.command = node;
    inv.help = inv.isOn(u"help"_s);
    inv.version = inv.isOn(u"version"_s);
    for (const Seen &s : seen) {
        const bool global = std::any_of(globalFlags().cbegin(), globalFlags().cend(),
                                        [&s](const Flag &f) { return &f == s.flag; });
        if (!global && !node->flag(s.flag->name))
            setError(s.typed.startsWith(u"--")
                         ? u"unknown flag: %1"_s.arg(s.typed)
                         : u"unknown shorthand flag: '%1' in %2"_s.arg(s.typed.mid(1), s.typed));
    }
    if (inv.isSet(u"format"_s)) {
        const QString format = inv.value(u"format"_s);
        if (format != u"json" && format != u"human")
            setError(u"invalid value \"%1\" for --format: use json or human"_s.arg(format));
    }
    if (!node->run && !node->path.isEmpty()) {
        QStringList names;
        for (const Command *c : subcommandsOf(*node))
            names.append(c->name());
        setError(u"\"%1\" needs a subcommand: %2"_s.arg(displayPath(*node), names.join(u", "_s)));
    } else if (node->path.isEmpty() && !inv.version) {
        setError(u"name a command: audit, connect, signin or signout (see %1 --help)"_s.arg(
            programName()));
    }
    if (inv.args.size() > node->maxArgs) {
        setError(node->maxArgs == 0
                     ? u"\"%1\" takes no arguments, got \"%2\""_s.arg(displayPath(*node),
                                                                      inv.args.first())
                     : u"\"%1\" takes at most %2 argument, got %3 (quote a name that has "
                       "spaces)"_s.arg(displayPath(*node))
                           .arg(node->maxArgs)
                           .arg(inv.args.size()));
    } else if (inv.args.size() < node->minArgs) {
        setError(u"missing argument: %1 %2"_s.arg(displayPath(*node),
                                                  node->arguments.section(u" [flags]"_s, 0, 0)));
    }
    return inv;
}

QString helpText(const Command &command)
{
    QString out = paragraphs(command.description) + u"\n\n" + usageLine(command) + u"\n";
    const QList<const Command *> children = subcommandsOf(command);
    if (!children.isEmpty()) {
        qsizetype width = 0;
        for (const Command *c : children)
            width = std::max(width, c->name().size());
        out += u"\nSubcommands:\n"_s;
        for (const Command *c : children)
            out += u"  "_s + c->name().leftJustified(width + 3) + c->summary + u'\n';
    }
    if (!command.flags.isEmpty())
        out += u"\nFlags:\n"_s + flagTable(command.flags);
    out += u"\nGlobal flags:\n"_s + flagTable(globalFlags());
    if (!command.notes.isEmpty())
        out += u'\n' + paragraphs(command.notes) + u'\n';
    if (command.path.isEmpty())
        out += u"\nEnvironment:\n"_s +
               twoColumns({{u"  CONNECT_ADMIN_URL"_s, u"The account service."_s},
                           {u"  CONNECT_ADMIN_ACCOUNT"_s,
                            u"The account (email) whose keychain session to use."_s},
                           {u"  CONNECT_ADMIN_SESSION"_s,
                            u"A session token to use instead of the keychain (CI jobs)."_s}});
    if (!children.isEmpty())
        out += u"\nUse \"%1 [command] --help\" for more about a command.\n"_s.arg(
            displayPath(command));
    out += u'\n' +
           wrap(u"Exit status: 0 on success; 1 when the service, the network, the keychain or a "
                "file refuses; 2 for a usage error (unknown flag, missing argument, bad value), "
                "with nothing sent to the service. Every failure is one line on standard error."_s,
                0, 0) +
           u'\n';
    return out;
}

} // namespace ca::cli

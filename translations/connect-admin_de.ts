<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>GroupPermissionsPage</name>
    <message>
        <source>Which groups may administer Secrets Automation. Managers create Connect servers and manage all of them; “All servers” manages every current and future server; a server column manages only that server. Owners and Administrators always manage everything. Each change is saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group permissions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connect Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;ault access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to an account service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and forget the kept session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start local &amp;sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an account service with a demo account on this computer and sign in to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last staged vault access change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the last undone vault access change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected server or token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete / Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected server, or revoke the selected tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected item&apos;s ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the current page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vault access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load everything again from the account service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Connect server and save its credentials file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue an access token for a Connect server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the staged vault access changes in one batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop every staged vault access change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the list of staged changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Connect Admin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewServerDialog</name>
    <message>
        <source>New Connect server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Prod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vaults it may reach (you can change this later on the Vault access page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter vaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the server is created you will be asked where to save its 1password-credentials.json. It is shown only once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewTokenDialog</name>
    <message>
        <source>New access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Dev k8s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 30d, 1w2d, 90m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vaults and what the token may do in each (only the server&apos;s vaults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaults and permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevealTokenDialog</name>
    <message>
        <source>Your new token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this token now.&lt;/b&gt; It is shown only this once: the service does not keep it. If you lose it, revoke it and issue a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServersPage</name>
    <message>
        <source>Filter servers by name or ID (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaults this server can reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its tokens and what they may do (r = read, w = write)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token scopes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Connect Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the account service that holds your Connect servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://connect-admin.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a local &amp;sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an account service with a demo account on this computer and sign in to it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokensPage</name>
    <message>
        <source>Filter by name, server, vault or ID (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultAccessPage</name>
    <message>
        <source>Show servers and vaults matching… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only vaults that can be granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault access matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staged changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::Access</name>
    <message>
        <source>Unknown permission &quot;%1&quot; in &quot;%2&quot;; after the comma use r, w or rw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vault name or ID is missing in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permission &quot;%1&quot; in &quot;%2&quot; does not follow a vault.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::ApiClient</name>
    <message>
        <source>Nothing answers at that address (connection refused). Is the account service running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name could not be found. Check the service URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service closed the connection before answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (certificate of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t reach the account service at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account service at %1 answered with something that is not the expected JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account service answered HTTP %1 (%2) without an explanation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account service at %1 gave an answer this program doesn&apos;t understand (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account service at %1 gave a list this program doesn&apos;t understand (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::CredentialStore</name>
    <message>
        <source>The system keychain is not available (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entry could not be removed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::CredentialsExport</name>
    <message>
        <source>Save the credentials file of &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials file (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials file of &quot;%1&quot; has not been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It can&apos;t be retrieved later: the service shows it only now. Without it the Connect server can&apos;t start, and you would have to delete the server and create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file it holds now will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::Directory</name>
    <message>
        <source>(deleted server %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::Domain</name>
    <message>
        <source>&quot;%1&quot; is a Personal, Private or Employee vault (type PERSONAL); built-in personal vaults can&apos;t be granted to a Connect server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the built-in Shared vault (type EVERYONE); it can&apos;t be granted to a Connect server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a transfer vault (type TRANSFER); it can&apos;t be granted to a Connect server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::Duration</name>
    <message>
        <source>The duration is empty; use a number with a unit, for example 30d or 1w2d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; is too long; the longest is 100 years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; has a fraction; use whole numbers, for example 90m instead of 1.5h.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; must start with a number, for example 30d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; has no unit after %2; use s, m, h, d or w.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; has an unknown unit &quot;%2&quot;; use s, m, h, d or w.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; is zero; a token must live at least one second.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::GroupModel</name>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::GroupPermissionModel</name>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 always manage everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 manages every server through &quot;All servers&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managers create Connect servers and manage all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage all current and future servers. Unchecking removes every server grant of the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage the server &quot;%1&quot;: rename, delete, vault access, tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets Automation managers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All current and future servers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::GroupPermissionsPage</name>
    <message>
        <source>all servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets Automation (as a manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; can now manage %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; no longer manages %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeing and changing who administers Secrets Automation needs manager rights (Owners, Administrators, or a manager group).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::MainWindow</name>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to go on; your staged changes are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; nothing you staged is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session will not be remembered after you quit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t reach %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to the local sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have %1 staged vault access changes that were not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out discards them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Connect Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Connect Admin %1&lt;/h3&gt;&lt;p&gt;Administer Connect servers, their access tokens, vault access and who may manage them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the account service that holds your Connect servers, or try a local sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Connect Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply them, or discard them and quit?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::MessageBar</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 times)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::NewServerDialog</name>
    <message>
        <source>&amp;Create server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (can&apos;t be granted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can&apos;t grant &quot;%1&quot;: you don&apos;t have access to it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no access)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::NewTokenDialog</name>
    <message>
        <source>&amp;Issue token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can&apos;t issue tokens for &quot;%1&quot;: you don&apos;t have access to it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and write (rw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only (r)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write only (w)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no vaults yet. Grant it some on the Vault access page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token never expires. Prefer an expiry where you can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a duration: s, m, h, d or w, e.g. 30d or 1w2d.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::PendingChangesModel</name>
    <message>
        <source>Grant &quot;%1&quot; to &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke &quot;%1&quot; from &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::RevealTokenDialog</name>
    <message>
        <source>&quot;%1&quot; for %2 — vaults: %3 — expires: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in %1 seconds if it still holds the token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::SandboxLauncher</name>
    <message>
        <source>The account service could not be started (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local account service did not start within 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local account service said something unexpected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox&apos;s sign-in file %1 can&apos;t be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local account service crashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local account service stopped (exit code %1). %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::SecretFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restrict the permissions of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::ServerModel</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no vaults yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::ServersPage</name>
    <message>
        <source>Select a server to see its vaults and tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vaults yet — grant some on the Vault access page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating Connect servers needs Secrets Automation manager rights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created &quot;%1&quot; and saved its credentials file to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;, but its credentials file was not saved and can&apos;t be retrieved. Delete the server and create it again if you need the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the Connect server &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its credentials file and its active token stop working at once. This can&apos;t be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its credentials file and its %1 active tokens stop working at once. This can&apos;t be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;; its tokens are revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the server ID %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::Session</name>
    <message>
        <source>Sign in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::SignInDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::TokenModel</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token does not expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaults and permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::TokenScopeModel</name>
    <message>
        <source>&quot;%1&quot; can&apos;t reach &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; may %2 in &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read and write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::TokensPage</name>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Connect server first; tokens belong to a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued the token &quot;%1&quot;. Copy it now: it is shown only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the token &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1 tokens?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whatever uses them loses access at once. Revoked tokens stay listed. This can&apos;t be undone.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked 1 token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked %1 tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked %1; %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the token ID %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::UserModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::VaultAccessModel</name>
    <message>
        <source>grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server was deleted; your %1 was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is gone; your %1 was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else granted this meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else revoked this meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault can no longer be granted; your grant was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can&apos;t grant &quot;%1&quot;: you don&apos;t have access to it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will grant &quot;%1&quot; to &quot;%2&quot; when you apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will revoke &quot;%1&quot; from &quot;%2&quot; when you apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; can read &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no access to &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — right-click to grant or revoke every vault at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — you don&apos;t have access to this vault, so you can only revoke it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — right-click to grant or revoke it for every server at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant every vault to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke every vault from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant %1 to every server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1 from every server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard 1 change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard %1 changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::VaultAccessPage</name>
    <message>
        <source>Check a cell to stage a grant, uncheck to stage a revoke; nothing changes until you apply. Green: will be granted · red: will be revoked · grey: can&apos;t be granted (hover for why) · orange: changed by someone else. Right-click a server or vault name for a whole row or column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and apply (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply 1 change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply %1 changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied 1 change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied %1 changes in one batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault access changed since you loaded it; nothing was applied. Your edits were moved onto the current state (%1 still staged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 collided, marked orange: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded %1 staged changes (Undo brings them back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant every vault to &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke every vault from &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant &quot;%1&quot; to every server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke &quot;%1&quot; from every server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant the selected cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the selected cells</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ca::VaultModel</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can be granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Administer Connect servers, their access tokens, vault access and who may manage them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a local account service with a demo account and sign in to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the local sandbox&apos;s data in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this account service.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>GroupPermissionsPage</name>
    <message>
        <source>Which groups may administer Secrets Automation. Managers create Connect servers and manage all of them; “All servers” manages every current and future server; a server column manages only that server. Owners and Administrators always manage everything. Each change is saved at once.</source>
        <translation>Welche Gruppen Secrets Automation verwalten dürfen. Manager erstellen Connect-Server und verwalten sie alle; „Alle Server“ verwaltet jeden jetzigen und künftigen Server; eine Serverspalte verwaltet nur diesen Server. Die Gruppen Owners und Administrators verwalten immer alles. Jede Änderung wird sofort gespeichert.</translation>
    </message>
    <message>
        <source>Group permissions</source>
        <translation>Gruppenberechtigungen</translation>
    </message>
    <message>
        <source>Filter groups</source>
        <translation>Gruppen filtern</translation>
    </message>
    <message>
        <source>Groups in rows; a checked cell lets the group manage that server, or every server</source>
        <translation>Gruppen in Zeilen; eine angehakte Zelle lässt die Gruppe diesen Server verwalten, oder alle Server</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connect Admin</source>
        <translation>Connect Admin</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Vault access</source>
        <translation>Tresorzugriff</translation>
    </message>
    <message>
        <source>Group permissions</source>
        <translation>Gruppenberechtigungen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>&amp;Tokens</translation>
    </message>
    <message>
        <source>V&amp;ault access</source>
        <translation>T&amp;resorzugriff</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign in to an account service</source>
        <translation>Bei einem Kontodienst anmelden</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Start local &amp;sandbox</source>
        <translation>Lokale &amp;Sandbox starten</translation>
    </message>
    <message>
        <source>Start an account service with a demo account on this computer and sign in to it</source>
        <translation>Einen Kontodienst mit einem Demokonto auf diesem Computer starten und sich dort anmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last staged vault access change</source>
        <translation>Die letzte vorgemerkte Änderung am Tresorzugriff rückgängig machen</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Redo the last undone vault access change</source>
        <translation>Die zuletzt rückgängig gemachte Änderung am Tresorzugriff wiederherstellen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Rename the selected server or token</source>
        <translation>Den ausgewählten Server oder das ausgewählte Token umbenennen</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>&amp;Delete / Revoke</source>
        <translation>&amp;Löschen / Widerrufen</translation>
    </message>
    <message>
        <source>Delete the selected server, or revoke the selected tokens</source>
        <translation>Den ausgewählten Server löschen oder die ausgewählten Tokens widerrufen</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>&amp;Copy ID</source>
        <translation>ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Filter the current page</source>
        <translation>Die aktuelle Seite filtern</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Vault access</source>
        <translation>T&amp;resorzugriff</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Group permissions</source>
        <translation>&amp;Gruppenberechtigungen</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load everything again from the account service</source>
        <translation>Alles erneut vom Kontodienst laden</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;New server…</source>
        <translation>&amp;Neuer Server…</translation>
    </message>
    <message>
        <source>Create a Connect server and save its credentials file</source>
        <translation>Einen Connect-Server erstellen und seine Anmeldedatei speichern</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>New &amp;token…</source>
        <translation>Neues &amp;Token…</translation>
    </message>
    <message>
        <source>Issue an access token for a Connect server</source>
        <translation>Ein Zugriffstoken für einen Connect-Server ausstellen</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>Änderungen &amp;anwenden</translation>
    </message>
    <message>
        <source>Apply the staged vault access changes in one batch</source>
        <translation>Die vorgemerkten Änderungen am Tresorzugriff in einem Schritt anwenden</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Drop every staged vault access change</source>
        <translation>Alle vorgemerkten Änderungen am Tresorzugriff verwerfen</translation>
    </message>
    <message>
        <source>&amp;Review changes</source>
        <translation>Änderungen &amp;prüfen</translation>
    </message>
    <message>
        <source>Show or hide the list of staged changes</source>
        <translation>Die Liste der vorgemerkten Änderungen ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;About Connect Admin</source>
        <translation>Ü&amp;ber Connect Admin</translation>
    </message>
    <message>
        <source>Sign out and forget the saved session</source>
        <translation>Abmelden und die gespeicherte Sitzung vergessen</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the rows the current page shows to a CSV file</source>
        <translation>Die Zeilen der aktuellen Seite in einer CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Copy the selected items&apos; IDs, one per line</source>
        <translation>Die IDs der ausgewählten Einträge kopieren, eine pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Handbook</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>A short manual: pages, tasks and shortcuts</source>
        <translation>Eine kurze Anleitung: Seiten, Aufgaben und Tastenkürzel</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every action that has a keyboard shortcut</source>
        <translation>Jede Aktion mit einem Tastenkürzel</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <source>The pages of the program; Ctrl+1 to Ctrl+5 open each</source>
        <translation>Die Seiten des Programms; Strg+1 bis Strg+5 öffnen sie</translation>
    </message>
</context>
<context>
    <name>NewServerDialog</name>
    <message>
        <source>New Connect server</source>
        <translation>Neuer Connect-Server</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>e.g. Prod</source>
        <translation>z. B. Prod</translation>
    </message>
    <message>
        <source>&amp;Vaults it may reach (you can change this later on the Vault access page)</source>
        <translation>&amp;Tresore, auf die er zugreifen darf (später auf der Seite „Tresorzugriff“ änderbar)</translation>
    </message>
    <message>
        <source>Filter vaults</source>
        <translation>Tresore filtern</translation>
    </message>
    <message>
        <source>Vaults</source>
        <translation>Tresore</translation>
    </message>
    <message>
        <source>After the server is created you will be asked where to save its 1password-credentials.json. It can be saved only now.</source>
        <translation>Nach dem Anlegen des Servers werden Sie gefragt, wo seine 1password-credentials.json gespeichert werden soll. Sie kann nur jetzt gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>NewTokenDialog</name>
    <message>
        <source>New access token</source>
        <translation>Neues Zugriffstoken</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>e.g. Dev k8s token</source>
        <translation>z. B. Dev-k8s-Token</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation>&amp;Gültigkeit</translation>
    </message>
    <message>
        <source>e.g. 30d, 1w2d, 90m</source>
        <translation>z. B. 30d, 1w2d, 90m</translation>
    </message>
    <message>
        <source>Custom duration</source>
        <translation>Eigene Dauer</translation>
    </message>
    <message>
        <source>&amp;Vaults and what the token may do in each (only the server&apos;s vaults)</source>
        <translation>&amp;Tresore und was das Token jeweils darin darf (nur Tresore des Servers)</translation>
    </message>
    <message>
        <source>Vaults and permissions</source>
        <translation>Tresore und Berechtigungen</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The vault access batch at revision %1 (%2) changed %3 cells; the log lists only the first %4.</source>
        <translation>Die Tresorzugriffs-Änderung in Revision %1 (%2) hat %3 Zellen geändert; das Protokoll listet nur die ersten %4.</translation>
    </message>
</context>
<context>
    <name>RevealTokenDialog</name>
    <message>
        <source>Your new token</source>
        <translation>Ihr neues Token</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this token now.&lt;/b&gt; It is shown only this once: the service does not keep it. If you lose it, revoke it and issue a new one.</source>
        <translation>&lt;b&gt;Kopieren Sie dieses Token jetzt.&lt;/b&gt; Es wird nur dieses eine Mal angezeigt: Der Dienst speichert es nicht. Falls Sie es verlieren, widerrufen Sie es und stellen Sie ein neues aus.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>In die Zwischenablage &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Save to file…</source>
        <translation>In Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the token to a file only you can read</source>
        <translation>Das Token in einer Datei speichern, die nur Sie lesen können</translation>
    </message>
</context>
<context>
    <name>ServersPage</name>
    <message>
        <source>Connect servers</source>
        <translation>Connect-Server</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Vaults this server can reach</source>
        <translation>Tresore, auf die dieser Server zugreifen kann</translation>
    </message>
    <message>
        <source>Its tokens and what they may do (r = read, w = write)</source>
        <translation>Seine Tokens und was sie dürfen (r = lesen, w = schreiben)</translation>
    </message>
    <message>
        <source>Token scopes</source>
        <translation>Token-Berechtigungen</translation>
    </message>
    <message>
        <source>Token revision</source>
        <translation>Token-Revision</translation>
    </message>
    <message>
        <source>Filter servers</source>
        <translation>Server filtern</translation>
    </message>
    <message>
        <source>Vaults of the server</source>
        <translation>Tresore des Servers</translation>
    </message>
    <message>
        <source>Filter servers by name or ID</source>
        <translation>Server nach Name oder ID filtern</translation>
    </message>
    <message>
        <source>Every Connect server of the account; the details of the selected one are shown beside</source>
        <translation>Alle Connect-Server des Kontos; die Details des ausgewählten stehen daneben</translation>
    </message>
    <message>
        <source>The vaults the selected server can reach</source>
        <translation>Die Tresore, die der ausgewählte Server erreicht</translation>
    </message>
    <message>
        <source>Each token of the selected server with the vaults it may use, and how</source>
        <translation>Jedes Token des ausgewählten Servers mit den Tresoren, die es nutzen darf, und wie</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Connect Admin</source>
        <translation>Anmelden – Connect Admin</translation>
    </message>
    <message>
        <source>Sign in to the account service that holds your Connect servers.</source>
        <translation>Melden Sie sich bei dem Kontodienst an, der Ihre Connect-Server verwaltet.</translation>
    </message>
    <message>
        <source>Service &amp;URL</source>
        <translation>Dienst-&amp;URL</translation>
    </message>
    <message>
        <source>https://connect-admin.example.com</source>
        <translation>https://connect-admin.example.com</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Use a local &amp;sandbox</source>
        <translation>Lokale &amp;Sandbox verwenden</translation>
    </message>
    <message>
        <source>Start an account service with a demo account on this computer and sign in to it</source>
        <translation>Einen Kontodienst mit einem Demokonto auf diesem Computer starten und sich dort anmelden</translation>
    </message>
</context>
<context>
    <name>TokensPage</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Filter tokens</source>
        <translation>Tokens filtern</translation>
    </message>
    <message>
        <source>Filter by name, server, vault or ID</source>
        <translation>Nach Name, Server, Tresor oder ID filtern</translation>
    </message>
    <message>
        <source>Show only the tokens of one server</source>
        <translation>Nur die Token eines Servers zeigen</translation>
    </message>
    <message>
        <source>Show the tokens in one state, or those that expire soon</source>
        <translation>Die Token in einem Zustand zeigen, oder die bald ablaufenden</translation>
    </message>
    <message>
        <source>The access tokens of the Connect servers, as the filters above choose</source>
        <translation>Die Zugriffstoken der Connect-Server, wie die Filter darüber sie auswählen</translation>
    </message>
</context>
<context>
    <name>VaultAccessPage</name>
    <message>
        <source>Only vaults that can be granted</source>
        <translation>Nur gewährbare Tresore</translation>
    </message>
    <message>
        <source>Vault access matrix</source>
        <translation>Tresorzugriffsmatrix</translation>
    </message>
    <message>
        <source>Staged changes</source>
        <translation>Vorgemerkte Änderungen</translation>
    </message>
    <message>
        <source>Filter servers and vaults</source>
        <translation>Server und Tresore filtern</translation>
    </message>
    <message>
        <source>Show servers and vaults matching…</source>
        <translation>Server und Tresore filtern…</translation>
    </message>
    <message>
        <source>Hide the built-in and personal vaults, and those you can&apos;t access, which can&apos;t be granted</source>
        <translation>Die eingebauten und persönlichen Tresore sowie die, auf die Sie keinen Zugriff haben, ausblenden: Sie können nicht gewährt werden</translation>
    </message>
    <message>
        <source>Connect servers in rows, vaults in columns; a checked cell is a grant. Changes stay staged until you apply them</source>
        <translation>Connect-Server in Zeilen, Tresore in Spalten; eine angehakte Zelle ist eine Freigabe. Änderungen bleiben vorgemerkt, bis Sie sie anwenden</translation>
    </message>
</context>
<context>
    <name>ca::Access</name>
    <message>
        <source>Unknown permission &quot;%1&quot; in &quot;%2&quot;; after the comma use r, w or rw.</source>
        <translation>Unbekannte Berechtigung „%1“ in „%2“; verwenden Sie nach dem Komma r, w oder rw.</translation>
    </message>
    <message>
        <source>A vault name or ID is missing in &quot;%1&quot;.</source>
        <translation>In „%1“ fehlt ein Tresorname oder eine Tresor-ID.</translation>
    </message>
    <message>
        <source>The permission &quot;%1&quot; in &quot;%2&quot; has no vault before it.</source>
        <translation>Vor der Berechtigung „%1“ in „%2“ steht kein Tresor.</translation>
    </message>
</context>
<context>
    <name>ca::AccessConfig</name>
    <message>
        <source>a mapping</source>
        <translation>eine Zuordnung</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>ein Einzelwert</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (expected %2)</source>
        <translation>unbekannter Schlüssel „%1“ (erwartet: %2)</translation>
    </message>
    <message>
        <source>%1 must be a mapping (key: value lines), not %2</source>
        <translation>%1 muss eine Zuordnung sein (Zeilen der Form key: value), nicht %2</translation>
    </message>
    <message>
        <source>%1 must be a list (lines starting with &quot;- &quot;), not %2</source>
        <translation>%1 muss eine Liste sein (Zeilen, die mit &quot;- &quot; beginnen), nicht %2</translation>
    </message>
    <message>
        <source>%1 must be a single value, not %2</source>
        <translation>%1 muss ein Einzelwert sein, nicht %2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ID (26 characters of a-z and 2-7)</source>
        <translation>„%1“ ist keine ID (26 Zeichen aus a-z und 2-7)</translation>
    </message>
    <message>
        <source>version %1 is not known; this program reads version %2</source>
        <translation>Version %1 ist unbekannt; dieses Programm liest Version %2</translation>
    </message>
    <message>
        <source>duplicate server &quot;%1&quot; (also at line %2); give each an id line, or another name</source>
        <translation>doppelter Server „%1“ (auch in Zeile %2); geben Sie jedem eine id-Zeile oder einen anderen Namen</translation>
    </message>
    <message>
        <source>the server ID %1 is used twice (also at line %2)</source>
        <translation>die Server-ID %1 wird doppelt verwendet (auch in Zeile %2)</translation>
    </message>
    <message>
        <source>a server needs a name</source>
        <translation>ein Server braucht einen Namen</translation>
    </message>
    <message>
        <source>the token ID %1 is used twice (also at line %2)</source>
        <translation>die Token-ID %1 wird doppelt verwendet (auch in Zeile %2)</translation>
    </message>
    <message>
        <source>a token needs a name</source>
        <translation>ein Token braucht einen Namen</translation>
    </message>
    <message>
        <source>give either expires_in (a new token&apos;s lifetime) or expires (an existing token&apos;s expiry), not both</source>
        <translation>geben Sie entweder expires_in (Laufzeit eines neuen Tokens) oder expires (Ablauf eines bestehenden Tokens) an, nicht beides</translation>
    </message>
    <message>
        <source>bad access &quot;%1&quot; for the vault &quot;%2&quot;: use r, w or rw</source>
        <translation>ungültiger Zugriff „%1“ für den Tresor „%2“: verwenden Sie r, w oder rw</translation>
    </message>
    <message>
        <source>bad duration: %1</source>
        <translation>ungültige Dauer: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time like 2026-12-31T18:00:00Z (or never)</source>
        <translation>„%1“ ist keine Zeitangabe wie 2026-12-31T18:00:00Z (oder never)</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot; (expected active, revoked or expired)</source>
        <translation>unbekannter Status „%1“ (erwartet: active, revoked oder expired)</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>kein gültiges YAML: %1</translation>
    </message>
</context>
<context>
    <name>ca::AccessPlan</name>
    <message numerus="yes">
        <source>delete the server %1 (ID %2): its credentials file and its %n active token(s) stop working</source>
        <translation>
            <numerusform>den Server %1 (ID %2) löschen: seine Zugangsdatei und sein %n aktives Token funktionieren nicht mehr</numerusform>
            <numerusform>den Server %1 (ID %2) löschen: seine Zugangsdatei und seine %n aktiven Tokens funktionieren nicht mehr</numerusform>
        </translation>
    </message>
    <message>
        <source>no Connect server has the ID %1 (deleted? remove the id line to create a new server)</source>
        <translation>kein Connect-Server hat die ID %1 (gelöscht? Entfernen Sie die id-Zeile, um einen neuen Server zu erstellen)</translation>
    </message>
    <message>
        <source>more than one Connect server is named %1 (%2): add an id line to say which</source>
        <translation>mehrere Connect-Server heißen %1 (%2): fügen Sie eine id-Zeile hinzu, um einen auszuwählen</translation>
    </message>
    <message>
        <source>create the server %1 (its credentials file is saved once)</source>
        <translation>den Server %1 erstellen (seine Zugangsdatei wird einmalig gespeichert)</translation>
    </message>
    <message>
        <source>rename the server %1 to %2 (ID %3)</source>
        <translation>den Server %1 in %2 umbenennen (ID %3)</translation>
    </message>
    <message>
        <source>more than one vault is named %1 (%2): use the ID</source>
        <translation>mehrere Tresore heißen %1 (%2): verwenden Sie die ID</translation>
    </message>
    <message>
        <source>unknown vault %1</source>
        <translation>unbekannter Tresor %1</translation>
    </message>
    <message>
        <source>more than one group is named %1 (%2): use the ID</source>
        <translation>mehrere Gruppen heißen %1 (%2): verwenden Sie die ID</translation>
    </message>
    <message>
        <source>unknown group %1</source>
        <translation>unbekannte Gruppe %1</translation>
    </message>
    <message>
        <source>the vault %1 is listed twice</source>
        <translation>der Tresor %1 ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>the vault %1 can&apos;t be granted: %2</source>
        <translation>der Tresor %1 kann nicht gewährt werden: %2</translation>
    </message>
    <message>
        <source>the vault %1 can&apos;t be granted by you: you don&apos;t have access to it yourself</source>
        <translation>Sie können den Tresor %1 nicht gewähren: Sie haben selbst keinen Zugriff darauf</translation>
    </message>
    <message>
        <source>grant the vault %1 to the server %2</source>
        <translation>dem Server %2 den Tresor %1 gewähren</translation>
    </message>
    <message>
        <source>revoke the vault %1 from the server %2</source>
        <translation>dem Server %2 den Tresor %1 widerrufen</translation>
    </message>
    <message>
        <source>the token %1 names the vault %2, which its server %3 doesn&apos;t have in this file</source>
        <translation>das Token %1 nennt den Tresor %2, den sein Server %3 in dieser Datei nicht hat</translation>
    </message>
    <message>
        <source>the server %1 has no token with the ID %2 (remove the id line to issue a new token)</source>
        <translation>der Server %1 hat kein Token mit der ID %2 (entfernen Sie die id-Zeile, um ein neues Token auszustellen)</translation>
    </message>
    <message>
        <source>the server %1 has more than one token named %2: add an id line to say which</source>
        <translation>der Server %1 hat mehrere Tokens namens %2: fügen Sie eine id-Zeile hinzu, um eines auszuwählen</translation>
    </message>
    <message>
        <source>revoke the token %1 of the server %2 (ID %3; not in the file)</source>
        <translation>das Token %1 des Servers %2 widerrufen (ID %3; nicht in der Datei)</translation>
    </message>
    <message>
        <source>the token %1 (ID %2) can&apos;t change its vaults or access: tokens are renamed and revoked, never re-scoped; to replace it, remove it and add a token without an id</source>
        <translation>beim Token %1 (ID %2) können Tresore und Zugriff nicht geändert werden: Tokens werden umbenannt und widerrufen, nie neu zugeschnitten; um es zu ersetzen, entfernen Sie es und fügen Sie ein Token ohne id hinzu</translation>
    </message>
    <message>
        <source>the token %1 expires %2; its expiry can&apos;t change</source>
        <translation>das Token %1 läuft ab: %2; sein Ablauf kann nicht geändert werden</translation>
    </message>
    <message>
        <source>the token %1 (ID %2) is revoked and can&apos;t be brought back; say state: revoked, or add a new token without an id</source>
        <translation>das Token %1 (ID %2) ist widerrufen und kann nicht wiederhergestellt werden; geben Sie state: revoked an oder fügen Sie ein neues Token ohne id hinzu</translation>
    </message>
    <message>
        <source>rename the token %1 of the server %2 to %3 (ID %4)</source>
        <translation>das Token %1 des Servers %2 in %3 umbenennen (ID %4)</translation>
    </message>
    <message>
        <source>revoke the token %1 of the server %2 (ID %3)</source>
        <translation>das Token %1 des Servers %2 widerrufen (ID %3)</translation>
    </message>
    <message>
        <source>the token %1 is new: give its lifetime as expires_in (e.g. 30d), not a time</source>
        <translation>das Token %1 ist neu: geben Sie seine Laufzeit als expires_in an (z. B. 30d), nicht als Zeitpunkt</translation>
    </message>
    <message>
        <source>the token %1 names no vaults</source>
        <translation>das Token %1 nennt keine Tresore</translation>
    </message>
    <message>
        <source>issue the token %1 on the server %2 (%3; %4): its JWT is shown once</source>
        <translation>das Token %1 auf dem Server %2 ausstellen (%3; %4): sein JWT wird einmalig angezeigt</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>läuft ab in %1</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>läuft nie ab</translation>
    </message>
    <message>
        <source>the group %1 as a Secrets Automation manager</source>
        <translation>die Gruppe %1 als Secrets-Automation-Manager</translation>
    </message>
    <message>
        <source>the group %1 managing all servers</source>
        <translation>die Gruppe %1 als Verwalter aller Server</translation>
    </message>
    <message>
        <source>the group %1 managing the server %2</source>
        <translation>die Gruppe %1 als Verwalter des Servers %2</translation>
    </message>
    <message>
        <source>the group %1 is listed twice</source>
        <translation>die Gruppe %1 ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>the file sets group grants, but seeing and changing them needs manager rights</source>
        <translation>die Datei legt Gruppenfreigaben fest, aber zum Anzeigen und Ändern sind Manager-Rechte nötig</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>No changes: the account matches the file (revision %1).</source>
        <translation>Keine Änderungen: Das Konto entspricht der Datei (Revision %1).</translation>
    </message>
    <message>
        <source>Plan: %1 to add, %2 to change, %3 to remove (against revision %4).</source>
        <translation>Plan: %1 hinzufügen, %2 ändern, %3 entfernen (gegenüber Revision %4).</translation>
    </message>
</context>
<context>
    <name>ca::AccountSnapshotLoader</name>
    <message>
        <source>The account kept changing while it was read; try again.</source>
        <translation>Das Konto hat sich beim Lesen ständig geändert; versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>ca::ActivityCommands</name>
    <message>
        <source>Show &amp;activity</source>
        <translation>&amp;Aktivität anzeigen</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <source>&amp;Export activity…</source>
        <translation>Aktivität &amp;exportieren…</translation>
    </message>
    <message>
        <source>The audit log of the selected item</source>
        <translation>Das Prüfprotokoll des ausgewählten Elements</translation>
    </message>
    <message>
        <source>What changed in vault access and tokens between two moments</source>
        <translation>Was sich zwischen zwei Zeitpunkten an Tresorzugriffen und Tokens geändert hat</translation>
    </message>
    <message>
        <source>What this group administers…</source>
        <translation>Was diese Gruppe verwaltet…</translation>
    </message>
    <message>
        <source>Show activity</source>
        <translation>Aktivität anzeigen</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>What this person administers…</source>
        <translation>Was diese Person verwaltet…</translation>
    </message>
    <message>
        <source>The servers the person who made this change manages, through their groups</source>
        <translation>Die Server, die die Person, die diese Änderung gemacht hat, über ihre Gruppen verwaltet</translation>
    </message>
</context>
<context>
    <name>ca::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>%1 events so far; more as you scroll</source>
        <translation>Bisher %1 Ereignisse; weitere beim Scrollen</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Who made the change</source>
        <translation>Wer die Änderung vorgenommen hat</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Jede Aktion</translation>
    </message>
    <message>
        <source>Every server change</source>
        <translation>Alle Serveränderungen</translation>
    </message>
    <message>
        <source>Every token change</source>
        <translation>Alle Token-Änderungen</translation>
    </message>
    <message>
        <source>Every vault change</source>
        <translation>Alle Tresoränderungen</translation>
    </message>
    <message>
        <source>Every vault access batch</source>
        <translation>Alle Tresorzugriffs-Änderungen</translation>
    </message>
    <message>
        <source>Every group change</source>
        <translation>Alle Gruppenänderungen</translation>
    </message>
    <message>
        <source>Sign-ins and sign-outs</source>
        <translation>An- und Abmeldungen</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Any object</source>
        <translation>Jedes Objekt</translation>
    </message>
    <message>
        <source>A server, token, vault or group: pick one, or type kind:name (server:Prod, token:ci) or an ID</source>
        <translation>Ein Server, Token, Tresor oder eine Gruppe: wählen Sie aus oder geben Sie kind:name (server:Prod, token:ci) oder eine ID ein</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>Aktivität durchsuchen</translation>
    </message>
    <message>
        <source>Search names and details</source>
        <translation>Namen und Details durchsuchen</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>What changed in vault access and tokens between two moments</source>
        <translation>Was sich zwischen zwei Zeitpunkten an Tresorzugriffen und Tokens geändert hat</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save every event the filter shows as CSV or JSON, not only those loaded</source>
        <translation>Alle vom Filter gezeigten Ereignisse als CSV oder JSON speichern, nicht nur die geladenen</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>Vault %1</source>
        <translation>Tresor %1</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>Checking the audit log&apos;s hash chain…</source>
        <translation>Hash-Kette des Prüfprotokolls wird geprüft…</translation>
    </message>
    <message>
        <source>The hash chain could not be checked: %1</source>
        <translation>Die Hash-Kette konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>✓ Chain verified through event %1</source>
        <translation>✓ Kette bis Ereignis %1 verifiziert</translation>
    </message>
    <message>
        <source>⚠ The audit log was altered at event %1: %2. Events from there on can&apos;t be trusted.</source>
        <translation>⚠ Das Prüfprotokoll wurde bei Ereignis %1 verändert: %2. Ereignissen ab dort kann nicht vertraut werden.</translation>
    </message>
    <message>
        <source>Export activity</source>
        <translation>Aktivität exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;JSON files (*.json)</source>
        <translation>CSV-Dateien (*.csv);;JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Exported 1 event to %1.</source>
        <translation>1 Ereignis nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Exported %1 events to %2.</source>
        <translation>%1 Ereignisse nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Every change to the account, newest first, as the filters above choose</source>
        <translation>Jede Änderung am Konto, die neueste zuerst, wie die Filter darüber sie auswählen</translation>
    </message>
    <message>
        <source>Whether the audit log&apos;s chain of hashes shows no event altered or removed</source>
        <translation>Ob die Hash-Kette des Prüfprotokolls zeigt, dass kein Ereignis geändert oder entfernt wurde</translation>
    </message>
    <message>
        <source>What kind of change</source>
        <translation>Welche Art von Änderung</translation>
    </message>
    <message>
        <source>When the change was made</source>
        <translation>Wann die Änderung gemacht wurde</translation>
    </message>
</context>
<context>
    <name>ca::ApiClient</name>
    <message>
        <source>Nothing answers at that address (connection refused). Is the account service running?</source>
        <translation>Unter dieser Adresse antwortet nichts (Verbindung abgelehnt). Läuft der Kontodienst?</translation>
    </message>
    <message>
        <source>The host name could not be found. Check the service URL.</source>
        <translation>Der Hostname wurde nicht gefunden. Prüfen Sie die Dienst-URL.</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>Der Dienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The service closed the connection before answering.</source>
        <translation>Der Dienst hat die Verbindung vor der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The network is not available.</source>
        <translation>Das Netzwerk ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>%1 (certificate of %2)</source>
        <translation>%1 (Zertifikat von %2)</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Can&apos;t reach the account service at %1: %2</source>
        <translation>Der Kontodienst unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The account service answered HTTP %1 (%2) without an explanation.</source>
        <translation>Der Kontodienst hat ohne Erklärung mit HTTP %1 (%2) geantwortet.</translation>
    </message>
    <message>
        <source>The account service at %1 gave an answer this program doesn&apos;t understand (%2).</source>
        <translation>Der Kontodienst unter %1 hat eine Antwort geliefert, die dieses Programm nicht versteht (%2).</translation>
    </message>
    <message>
        <source>The account service at %1 gave a list this program doesn&apos;t understand (%2).</source>
        <translation>Der Kontodienst unter %1 hat eine Liste geliefert, die dieses Programm nicht versteht (%2).</translation>
    </message>
</context>
<context>
    <name>ca::AuditExport</name>
    <message>
        <source>Can&apos;t write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exporting the activity…</source>
        <translation>Aktivität wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export activity</source>
        <translation>Aktivität exportieren</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Exported %1 events…</source>
        <translation>%1 Ereignisse exportiert…</translation>
    </message>
</context>
<context>
    <name>ca::AuditModel</name>
    <message>
        <source>Event %1, %2</source>
        <translation>Ereignis %1, %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>(service)</source>
        <translation>(Dienst)</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Konto erstellt</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>Benutzer erstellt</translation>
    </message>
    <message>
        <source>Group created</source>
        <translation>Gruppe erstellt</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Tresor erstellt</translation>
    </message>
    <message>
        <source>Server created</source>
        <translation>Server erstellt</translation>
    </message>
    <message>
        <source>Server renamed</source>
        <translation>Server umbenannt</translation>
    </message>
    <message>
        <source>Server deleted</source>
        <translation>Server gelöscht</translation>
    </message>
    <message>
        <source>Credentials renewed</source>
        <translation>Zugangsdaten erneuert</translation>
    </message>
    <message>
        <source>Vault granted</source>
        <translation>Tresor gewährt</translation>
    </message>
    <message>
        <source>Vault revoked</source>
        <translation>Tresor widerrufen</translation>
    </message>
    <message>
        <source>Vault access applied</source>
        <translation>Tresorzugriff angewendet</translation>
    </message>
    <message>
        <source>Token created</source>
        <translation>Token erstellt</translation>
    </message>
    <message>
        <source>Token renamed</source>
        <translation>Token umbenannt</translation>
    </message>
    <message>
        <source>Token revoked</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Token rotated</source>
        <translation>Token rotiert</translation>
    </message>
    <message>
        <source>Revocation scheduled</source>
        <translation>Widerruf geplant</translation>
    </message>
    <message>
        <source>Revocation cancelled</source>
        <translation>Widerruf abgebrochen</translation>
    </message>
    <message>
        <source>Group granted</source>
        <translation>Gruppe gewährt</translation>
    </message>
    <message>
        <source>Group revoked</source>
        <translation>Gruppe widerrufen</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Signing key created</source>
        <translation>Signaturschlüssel erstellt</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Mitglied hinzugefügt</translation>
    </message>
    <message>
        <source>Group access to vault</source>
        <translation>Gruppenzugriff auf Tresor</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <source>Vault %1</source>
        <translation>Tresor %1</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>Vault access, revision %1</source>
        <translation>Tresorzugriff, Revision %1</translation>
    </message>
    <message>
        <source>No vaults</source>
        <translation>Keine Tresore</translation>
    </message>
    <message>
        <source>Vaults: %1</source>
        <translation>Tresore: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; → &quot;%2&quot;</source>
        <translation>„%1“ → „%2“</translation>
    </message>
    <message>
        <source>Tokens revoked: %1</source>
        <translation>Widerrufene Tokens: %1</translation>
    </message>
    <message>
        <source>+ %1</source>
        <translation>+ %1</translation>
    </message>
    <message>
        <source>− %1</source>
        <translation>− %1</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 weitere</translation>
    </message>
    <message>
        <source>On %1; vaults: %2</source>
        <translation>Auf %1; Tresore: %2</translation>
    </message>
    <message>
        <source>Replaced by &quot;%1&quot;; %2</source>
        <translation>Ersetzt durch „%1“; %2</translation>
    </message>
    <message>
        <source>; expires %1</source>
        <translation>; läuft ab %1</translation>
    </message>
    <message>
        <source>On %1, as scheduled</source>
        <translation>Auf %1, wie geplant</translation>
    </message>
    <message>
        <source>On %1</source>
        <translation>Auf %1</translation>
    </message>
    <message>
        <source>Revokes at %1</source>
        <translation>Widerruf am %1</translation>
    </message>
    <message>
        <source>Was due at %1</source>
        <translation>War fällig am %1</translation>
    </message>
    <message>
        <source>+ all servers</source>
        <translation>+ alle Server</translation>
    </message>
    <message>
        <source>− all servers</source>
        <translation>− alle Server</translation>
    </message>
    <message>
        <source>+ Secrets Automation manager</source>
        <translation>+ Secrets-Automation-Verwalter</translation>
    </message>
    <message>
        <source>− Secrets Automation manager</source>
        <translation>− Secrets-Automation-Verwalter</translation>
    </message>
    <message>
        <source>+ group %1</source>
        <translation>+ Gruppe %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Von %1</translation>
    </message>
</context>
<context>
    <name>ca::CheckCredentialsDialog</name>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Check a credentials file</source>
        <translation>Eine Anmeldedatei prüfen</translation>
    </message>
    <message>
        <source>Optional: paste a token to check that it belongs to this file</source>
        <translation>Optional: Fügen Sie ein Token ein, um zu prüfen, ob es zu dieser Datei gehört</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Credentials files (1password-credentials*.json *.json);;All files (*)</source>
        <translation>Anmeldedateien (1password-credentials*.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Can&apos;t read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2), %3</source>
        <translation>„%1“ (%2), %3</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Dienst: %1</translation>
    </message>
    <message>
        <source>Issued: %1</source>
        <translation>Ausgestellt: %1</translation>
    </message>
    <message>
        <source>unknown (an older file)</source>
        <translation>unbekannt (eine ältere Datei)</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>Fingerabdruck: %1</translation>
    </message>
    <message>
        <source>The server no longer exists.</source>
        <translation>Den Server gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>In force: yes, this is the server&apos;s current file</source>
        <translation>Gültig: ja, dies ist die aktuelle Datei des Servers</translation>
    </message>
    <message>
        <source>In force: no, renewed %1</source>
        <translation>Gültig: nein, erneuert %1</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <source>Token: %1</source>
        <translation>Token: %1</translation>
    </message>
    <message>
        <source>Belongs to this file: %1</source>
        <translation>Gehört zu dieser Datei: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation>Signatur: %1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>Vaults: %1</source>
        <translation>Tresore: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>The file and the token are good.</source>
        <translation>Die Datei und das Token sind in Ordnung.</translation>
    </message>
    <message>
        <source>The file is good.</source>
        <translation>Die Datei ist in Ordnung.</translation>
    </message>
</context>
<context>
    <name>ca::CompareDialog</name>
    <message>
        <source>Compare vault access between two moments</source>
        <translation>Tresorzugriff zwischen zwei Zeitpunkten vergleichen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Since my last sign-in</source>
        <translation>Seit meiner letzten Anmeldung</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Prüfprotokoll wird gelesen…</translation>
    </message>
    <message>
        <source>This is your first sign-in: there is no earlier one.</source>
        <translation>Dies ist Ihre erste Anmeldung: Es gibt keine frühere.</translation>
    </message>
    <message>
        <source>+ Granted</source>
        <translation>+ Gewährt</translation>
    </message>
    <message>
        <source>− Revoked</source>
        <translation>− Widerrufen</translation>
    </message>
    <message>
        <source>Vault %1</source>
        <translation>Tresor %1</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>+ Created</source>
        <translation>+ Erstellt</translation>
    </message>
    <message>
        <source>− Deleted</source>
        <translation>− Gelöscht</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>Secrets Automation manager</source>
        <translation>Secrets-Automation-Verwalter</translation>
    </message>
    <message>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <source>(service)</source>
        <translation>(Dienst)</translation>
    </message>
    <message>
        <source>Export changes</source>
        <translation>Änderungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Can&apos;t write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1 changes to %2.</source>
        <translation>%1 Änderungen in %2 gespeichert.</translation>
    </message>
    <message>
        <source>Reading the audit log… events read: %1</source>
        <translation>Das Prüfprotokoll wird gelesen… gelesene Ereignisse: %1</translation>
    </message>
    <message>
        <source>Nothing changed in vault access, servers, tokens or group grants (audit events read: %1).</source>
        <translation>Nichts hat sich am Tresorzugriff, an Servern, Token oder Gruppenfreigaben geändert (gelesene Ereignisse im Prüfprotokoll: %1).</translation>
    </message>
    <message>
        <source>Cells granted: %1, revoked: %2; changes in all: %3; audit events read: %4.</source>
        <translation>Zellen freigegeben: %1, widerrufen: %2; Änderungen insgesamt: %3; gelesene Ereignisse im Prüfprotokoll: %4.</translation>
    </message>
</context>
<context>
    <name>ca::ConfigFileCommands</name>
    <message>
        <source>E&amp;xport configuration…</source>
        <translation>Konfiguration e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Co&amp;mpare with file…</source>
        <translation>Mit Datei ver&amp;gleichen…</translation>
    </message>
    <message>
        <source>Save the servers, tokens and group grants as a YAML file</source>
        <translation>Server, Token und Gruppenfreigaben als YAML-Datei speichern</translation>
    </message>
    <message>
        <source>Stage what a configuration file would change, to review and apply it</source>
        <translation>Vormerken, was eine Konfigurationsdatei ändern würde, um es zu prüfen und anzuwenden</translation>
    </message>
    <message>
        <source>Could not read the configuration: %1</source>
        <translation>Die Konfiguration konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Export configuration</source>
        <translation>Konfiguration exportieren</translation>
    </message>
    <message>
        <source>Configuration files (*.yaml *.yml)</source>
        <translation>Konfigurationsdateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Saved the configuration of 1 server to %1.</source>
        <translation>Die Konfiguration von 1 Server wurde in %1 gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Saved the configuration of %n servers to %1.</source>
        <translation>
            <numerusform>Die Konfiguration von %n Server wurde in %1 gespeichert.</numerusform>
            <numerusform>Die Konfiguration von %n Servern wurde in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare with a configuration file</source>
        <translation>Mit einer Konfigurationsdatei vergleichen</translation>
    </message>
    <message>
        <source>Configuration files (*.yaml *.yml);;All files (*)</source>
        <translation>Konfigurationsdateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Could not compare with the account: %1</source>
        <translation>Der Vergleich mit dem Konto ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No differences: the account matches %1.</source>
        <translation>Keine Unterschiede: Das Konto entspricht %1.</translation>
    </message>
    <message>
        <source>Changes from %1</source>
        <translation>Änderungen aus %1</translation>
    </message>
    <message>
        <source>Staged 1 vault access change from %1; review and apply it.</source>
        <translation>1 Tresorzugriffsänderung aus %1 vorgemerkt; prüfen und anwenden.</translation>
    </message>
    <message numerus="yes">
        <source>Staged %n vault access changes from %1; review and apply them.</source>
        <translation>
            <numerusform>%n Tresorzugriffsänderung aus %1 vorgemerkt; prüfen und anwenden.</numerusform>
            <numerusform>%n Tresorzugriffsänderungen aus %1 vorgemerkt; prüfen und anwenden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applied 1 change from the file; the account is at revision %1.</source>
        <translation>1 Änderung aus der Datei angewendet; das Konto hat jetzt Revision %1.</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n changes from the file; the account is at revision %1.</source>
        <translation>
            <numerusform>%n Änderung aus der Datei angewendet; das Konto hat jetzt Revision %1.</numerusform>
            <numerusform>%n Änderungen aus der Datei angewendet; das Konto hat jetzt Revision %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ca::CredentialStore</name>
    <message>
        <source>The system keychain is not available (%1).</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>The keychain entry could not be removed (%1).</source>
        <translation>Der Eintrag im Schlüsselbund konnte nicht entfernt werden (%1).</translation>
    </message>
</context>
<context>
    <name>ca::CredentialsCheck</name>
    <message>
        <source>(Fetching them from %1 failed: %2)</source>
        <translation>(Sie von %1 abzurufen ist fehlgeschlagen: %2)</translation>
    </message>
    <message>
        <source>Not signed in, so whether the server still exists and uses this file was not checked.</source>
        <translation>Nicht angemeldet, daher wurde nicht geprüft, ob der Server noch existiert und diese Datei verwendet.</translation>
    </message>
    <message>
        <source>Signed in to %1, not to this file&apos;s service %2, so the server was not looked up.</source>
        <translation>Angemeldet bei %1, nicht beim Dienst dieser Datei (%2), daher wurde der Server nicht nachgeschlagen.</translation>
    </message>
    <message>
        <source>The Connect server %1 no longer exists: it was deleted, and this file and its tokens are of no use.</source>
        <translation>Den Connect-Server %1 gibt es nicht mehr: Er wurde gelöscht, diese Datei und seine Tokens sind nutzlos.</translation>
    </message>
    <message>
        <source>The Connect server &quot;%1&quot; is %2, not active.</source>
        <translation>Der Connect-Server „%1“ ist %2, nicht aktiv.</translation>
    </message>
    <message>
        <source>This is not the credentials file in force: the credentials of the Connect server &quot;%1&quot; were renewed on %2.</source>
        <translation>Dies ist nicht die gültige Anmeldedatei: Die Anmeldedaten des Connect-Servers „%1“ wurden am %2 erneuert.</translation>
    </message>
    <message>
        <source>The token &quot;%1&quot; was revoked on %2.</source>
        <translation>Das Token „%1“ wurde am %2 widerrufen.</translation>
    </message>
    <message>
        <source>The service knows no token with the ID %1.</source>
        <translation>Der Dienst kennt kein Token mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>ca::CredentialsCommands</name>
    <message>
        <source>&amp;Check a credentials file…</source>
        <translation>Anmeldedatei &amp;prüfen…</translation>
    </message>
    <message>
        <source>Re&amp;new credentials…</source>
        <translation>Anmeldedaten &amp;erneuern…</translation>
    </message>
    <message>
        <source>E&amp;xport expiry calendar…</source>
        <translation>Ablauf&amp;kalender exportieren…</translation>
    </message>
    <message>
        <source>Replaced %1 token(s); copy the new ones now.</source>
        <translation>%1 Token(s) ersetzt; kopieren Sie die neuen jetzt.</translation>
    </message>
    <message>
        <source>%1 active token(s) no longer match it.</source>
        <translation>%1 aktive(s) Token passen nicht mehr dazu.</translation>
    </message>
    <message>
        <source>Renewed the credentials of &quot;%1&quot; and saved the new file to %2. %3</source>
        <translation>Die Anmeldedaten von „%1“ wurden erneuert und die neue Datei in %2 gespeichert. %3</translation>
    </message>
    <message>
        <source>Renewed the credentials of &quot;%1&quot;, but the new file was not saved and can&apos;t be retrieved; renew them again. %2</source>
        <translation>Die Anmeldedaten von „%1“ wurden erneuert, aber die neue Datei wurde nicht gespeichert und lässt sich nicht mehr abrufen; erneuern Sie sie noch einmal. %2</translation>
    </message>
    <message>
        <source>Export the token expiry calendar</source>
        <translation>Den Ablaufkalender der Tokens exportieren</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Wrote %1 event(s) for tokens that end within %2 days to %3.</source>
        <translation>%1 Termin(e) für Tokens, die innerhalb von %2 Tagen enden, in %3 geschrieben.</translation>
    </message>
</context>
<context>
    <name>ca::CredentialsExport</name>
    <message>
        <source>Save the credentials file of &quot;%1&quot;</source>
        <translation>Anmeldedatei von „%1“ speichern</translation>
    </message>
    <message>
        <source>Credentials file (*.json)</source>
        <translation>Anmeldedatei (*.json)</translation>
    </message>
    <message>
        <source>Credentials not saved</source>
        <translation>Anmeldedatei nicht gespeichert</translation>
    </message>
    <message>
        <source>The credentials file of &quot;%1&quot; has not been saved.</source>
        <translation>Die Anmeldedatei von „%1“ wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>It can&apos;t be retrieved later: the service shows it only now. Without it the Connect server can&apos;t start, and you would have to delete the server and create a new one.</source>
        <translation>Sie kann später nicht mehr abgerufen werden: Der Dienst stellt sie nur jetzt bereit. Ohne sie kann der Connect-Server nicht starten, und Sie müssten den Server löschen und neu erstellen.</translation>
    </message>
    <message>
        <source>%1 holds the credentials of another Connect server. Replace it?</source>
        <translation>%1 enthält die Anmeldedaten eines anderen Connect-Servers. Ersetzen?</translation>
    </message>
    <message>
        <source>If it is the only copy, that server can&apos;t be set up any more: the service shows a credentials file only once.</source>
        <translation>Ist es die einzige Kopie, lässt sich jener Server nicht mehr einrichten: Der Dienst zeigt eine Anmeldedatei nur einmal.</translation>
    </message>
    <message>
        <source>%1 holds the credentials of &quot;%2&quot;, which has been deleted. Replace it?</source>
        <translation>%1 enthält die Anmeldedaten von „%2“, der gelöscht wurde. Ersetzen?</translation>
    </message>
    <message>
        <source>The file is of no use any more.</source>
        <translation>Die Datei ist nicht mehr von Nutzen.</translation>
    </message>
    <message>
        <source>%1 holds the credentials of &quot;%2&quot;. Replace it?</source>
        <translation>%1 enthält die Anmeldedaten von „%2“. Ersetzen?</translation>
    </message>
    <message>
        <source>If this is the only copy of &quot;%1&quot;&apos;s credentials, that server can&apos;t be set up any more: the service shows a credentials file only once.</source>
        <translation>Ist dies die einzige Kopie der Anmeldedaten von „%1“, lässt sich dieser Server nicht mehr einrichten: Der Dienst zeigt eine Anmeldedatei nur einmal.</translation>
    </message>
</context>
<context>
    <name>ca::CredentialsFile</name>
    <message>
        <source>The file is not a usable credentials file: %1</source>
        <translation>Die Datei ist keine brauchbare Anmeldedatei: %1</translation>
    </message>
    <message>
        <source>it is not a JSON object.</source>
        <translation>sie ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>its &quot;version&quot; is not &quot;2&quot;.</source>
        <translation>ihre „version“ ist nicht „2“.</translation>
    </message>
    <message>
        <source>its uniqueKey.k is not a 32-byte key.</source>
        <translation>ihr uniqueKey.k ist kein 32-Byte-Schlüssel.</translation>
    </message>
    <message>
        <source>its verifier is incomplete.</source>
        <translation>ihr verifier ist unvollständig.</translation>
    </message>
    <message>
        <source>The file&apos;s verifier.localHash does not match its key: the file was altered or pieced together from two files.</source>
        <translation>verifier.localHash der Datei passt nicht zu ihrem Schlüssel: Die Datei wurde verändert oder aus zwei Dateien zusammengesetzt.</translation>
    </message>
    <message>
        <source>its encCredentials and uniqueKey don&apos;t belong together.</source>
        <translation>ihre encCredentials und ihr uniqueKey gehören nicht zusammen.</translation>
    </message>
    <message>
        <source>The file&apos;s encCredentials can&apos;t be decrypted with its key: the file was altered or damaged.</source>
        <translation>encCredentials der Datei lassen sich mit ihrem Schlüssel nicht entschlüsseln: Die Datei wurde verändert oder beschädigt.</translation>
    </message>
    <message>
        <source>its encrypted identity names no account, server or service.</source>
        <translation>ihre verschlüsselte Identität nennt kein Konto, keinen Server oder keinen Dienst.</translation>
    </message>
    <message>
        <source>The token belongs to the Connect server %1, not to this file&apos;s server %2.</source>
        <translation>Das Token gehört zum Connect-Server %1, nicht zum Server dieser Datei (%2).</translation>
    </message>
    <message>
        <source>The token was issued by another account or service (%1) than this file&apos;s (%2).</source>
        <translation>Das Token wurde von einem anderen Konto oder Dienst (%1) ausgestellt als dem dieser Datei (%2).</translation>
    </message>
    <message>
        <source>The token was issued against other credentials of this server: the server&apos;s credentials were renewed after this file or after the token, so a Connect server using this file refuses the token.</source>
        <translation>Das Token wurde zu anderen Anmeldedaten dieses Servers ausgestellt: Die Anmeldedaten des Servers wurden nach dieser Datei oder nach dem Token erneuert, daher weist ein Connect-Server mit dieser Datei das Token ab.</translation>
    </message>
    <message>
        <source>This is not a token: a token has three parts separated by dots, each base64url JSON (the last the signature).</source>
        <translation>Dies ist kein Token: Ein Token hat drei durch Punkte getrennte Teile, jeweils base64url-JSON (der letzte die Signatur).</translation>
    </message>
    <message>
        <source>The token is signed with &quot;%1&quot;, not ES256 as this service signs.</source>
        <translation>Das Token ist mit „%1“ signiert, nicht mit ES256 wie bei diesem Dienst.</translation>
    </message>
    <message>
        <source>The service&apos;s signing keys (its JWKS) are not known, so the token&apos;s signature could not be checked.</source>
        <translation>Die Signaturschlüssel des Dienstes (sein JWKS) sind nicht bekannt, daher konnte die Signatur des Tokens nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The token&apos;s signature does not verify with the service&apos;s signing keys: the token was altered, or another service signed it.</source>
        <translation>Die Signatur des Tokens passt nicht zu den Signaturschlüsseln des Dienstes: Das Token wurde verändert, oder ein anderer Dienst hat es signiert.</translation>
    </message>
    <message>
        <source>The token expired on %1.</source>
        <translation>Das Token ist am %1 abgelaufen.</translation>
    </message>
</context>
<context>
    <name>ca::Directory</name>
    <message>
        <source>(deleted server %1)</source>
        <translation>(gelöschter Server %1)</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
</context>
<context>
    <name>ca::Domain</name>
    <message>
        <source>&quot;%1&quot; is a Personal, Private or Employee vault (type PERSONAL); built-in personal vaults can&apos;t be granted to a Connect server.</source>
        <translation>„%1“ ist ein Personal-, Private- oder Employee-Tresor (Typ PERSONAL); Zugriff auf eingebaute persönliche Tresore kann keinem Connect-Server gewährt werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the built-in Shared vault (type EVERYONE); it can&apos;t be granted to a Connect server.</source>
        <translation>„%1“ ist der eingebaute Shared-Tresor (Typ EVERYONE); Zugriff darauf kann keinem Connect-Server gewährt werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a transfer vault (type TRANSFER); it can&apos;t be granted to a Connect server.</source>
        <translation>„%1“ ist ein Transfer-Tresor (Typ TRANSFER); Zugriff darauf kann keinem Connect-Server gewährt werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is someone&apos;s Private or Employee vault; personal vaults can&apos;t be granted to a Connect server.</source>
        <translation>„%1“ ist der private oder Mitarbeiter-Tresor einer Person; persönliche Tresore können keinem Connect-Server freigegeben werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the Shared vault every member sees; the Shared vault can&apos;t be granted to a Connect server.</source>
        <translation>„%1“ ist der gemeinsame Tresor, den jedes Mitglied sieht; der gemeinsame Tresor kann keinem Connect-Server freigegeben werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a transfer vault; transfer vaults can&apos;t be granted to a Connect server.</source>
        <translation>„%1“ ist ein Übertragungstresor; Übertragungstresore können keinem Connect-Server freigegeben werden.</translation>
    </message>
</context>
<context>
    <name>ca::Duration</name>
    <message>
        <source>The duration is empty; use a number with a unit, for example 30d or 1w2d.</source>
        <translation>Die Dauer ist leer; geben Sie eine Zahl mit Einheit an, zum Beispiel 30d oder 1w2d.</translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; is too long; the longest is 100 years.</source>
        <translation>Die Dauer „%1“ ist zu lang; höchstens 100 Jahre sind möglich.</translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; has a fraction; use whole numbers, for example 90m instead of 1.5h.</source>
        <translation>Die Dauer „%1“ enthält Nachkommastellen; verwenden Sie ganze Zahlen, zum Beispiel 90m statt 1.5h.</translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; must start with a number, for example 30d.</source>
        <translation>Die Dauer „%1“ muss mit einer Zahl beginnen, zum Beispiel 30d.</translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; has no unit after %2; use s, m, h, d or w.</source>
        <translation>In der Dauer „%1“ fehlt nach %2 eine Einheit; verwenden Sie s, m, h, d oder w.</translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; has an unknown unit &quot;%2&quot;; use s, m, h, d or w.</source>
        <translation>Die Dauer „%1“ enthält die unbekannte Einheit „%2“; verwenden Sie s, m, h, d oder w.</translation>
    </message>
    <message>
        <source>The duration &quot;%1&quot; is zero; a token must live at least one second.</source>
        <translation>Die Dauer „%1“ ist null; ein Token muss mindestens eine Sekunde gültig sein.</translation>
    </message>
</context>
<context>
    <name>ca::ExpiryCalendar</name>
    <message>
        <source>Connect token &quot;%1&quot; is revoked (scheduled)</source>
        <translation>Connect-Token „%1“ wird widerrufen (geplant)</translation>
    </message>
    <message>
        <source>Connect token &quot;%1&quot; expires</source>
        <translation>Connect-Token „%1“ läuft ab</translation>
    </message>
    <message>
        <source>Server: %1 (%2)
Vaults: %3
Token ID: %4
Replace it before then: connect-admin-cli connect token rotate %4 --server %2</source>
        <translation>Server: %1 (%2)
Tresore: %3
Token-ID: %4
Vorher ersetzen: connect-admin-cli connect token rotate %4 --server %2</translation>
    </message>
    <message>
        <source>Connect token expiry</source>
        <translation>Ablauf von Connect-Tokens</translation>
    </message>
</context>
<context>
    <name>ca::ExpiryReminder</name>
    <message>
        <source>1 active token expires within a day.</source>
        <translation>1 aktives Token läuft innerhalb eines Tages ab.</translation>
    </message>
    <message>
        <source>1 active token expires within %1 days.</source>
        <translation>1 aktives Token läuft innerhalb von %1 Tagen ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n active tokens expire within a day.</source>
        <translation>
            <numerusform>%n aktives Token läuft innerhalb eines Tages ab.</numerusform>
            <numerusform>%n aktive Tokens laufen innerhalb eines Tages ab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active tokens expire within %1 days.</source>
        <translation>
            <numerusform>%n aktives Token läuft innerhalb von %1 Tagen ab.</numerusform>
            <numerusform>%n aktive Tokens laufen innerhalb von %1 Tagen ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Tokens expire soon</source>
        <translation>Tokens laufen bald ab</translation>
    </message>
</context>
<context>
    <name>ca::FileChangesDialog</name>
    <message>
        <source>Compare &amp;again</source>
        <translation>&amp;Erneut vergleichen</translation>
    </message>
    <message>
        <source>Changes from %1</source>
        <translation>Änderungen aus %1</translation>
    </message>
    <message>
        <source>Changes from the file</source>
        <translation>Änderungen aus der Datei</translation>
    </message>
    <message>
        <source>1 problem in %1; nothing was staged or applied. Correct the file and compare again.</source>
        <translation>1 Fehler in %1; nichts wurde vorgemerkt oder angewendet. Korrigieren Sie die Datei und vergleichen Sie erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n problems in %1; nothing was staged or applied. Correct the file and compare again.</source>
        <translation>
            <numerusform>%n Fehler in %1; nichts wurde vorgemerkt oder angewendet. Korrigieren Sie die Datei und vergleichen Sie erneut.</numerusform>
            <numerusform>%n Fehler in %1; nichts wurde vorgemerkt oder angewendet. Korrigieren Sie die Datei und vergleichen Sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change of a server, token or group grant, applied if ticked, against revision %1 of the account.</source>
        <translation>1 Änderung an einem Server, Token oder einer Gruppenfreigabe; angewendet, wenn angehakt, gegen Revision %1 des Kontos.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes of servers, tokens and group grants; the ticked ones are applied at once, against revision %1 of the account.</source>
        <translation>
            <numerusform>%n Änderung an Servern, Token und Gruppenfreigaben; die angehakten werden zusammen angewendet, gegen Revision %1 des Kontos.</numerusform>
            <numerusform>%n Änderungen an Servern, Token und Gruppenfreigaben; die angehakten werden zusammen angewendet, gegen Revision %1 des Kontos.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 vault access change from the file is staged on the Vault access page; review and apply it there.</source>
        <translation>1 Tresorzugriffsänderung aus der Datei ist auf der Seite Tresorzugriff vorgemerkt; prüfen Sie sie dort und wenden Sie sie an.</translation>
    </message>
    <message numerus="yes">
        <source>%n vault access changes from the file are staged on the Vault access page; review and apply them there.</source>
        <translation>
            <numerusform>%n Tresorzugriffsänderung aus der Datei ist auf der Seite Tresorzugriff vorgemerkt; prüfen Sie sie dort und wenden Sie sie an.</numerusform>
            <numerusform>%n Tresorzugriffsänderungen aus der Datei sind auf der Seite Tresorzugriff vorgemerkt; prüfen Sie sie dort und wenden Sie sie an.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply 1 change</source>
        <translation>1 Änderung &amp;anwenden</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Apply %n changes</source>
        <translation>
            <numerusform>%n Änderung &amp;anwenden</numerusform>
            <numerusform>%n Änderungen &amp;anwenden</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying 1 change…</source>
        <translation>1 Änderung wird angewendet…</translation>
    </message>
    <message numerus="yes">
        <source>Applying %n changes…</source>
        <translation>
            <numerusform>%n Änderung wird angewendet…</numerusform>
            <numerusform>%n Änderungen werden angewendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>The account changed since the comparison, so nothing was applied. Compare again to see the changes as they are now.</source>
        <translation>Das Konto wurde seit dem Vergleich geändert, daher wurde nichts angewendet. Vergleichen Sie erneut, um die Änderungen nach dem jetzigen Stand zu sehen.</translation>
    </message>
    <message>
        <source>Nothing was applied: %1</source>
        <translation>Nichts wurde angewendet: %1</translation>
    </message>
</context>
<context>
    <name>ca::GroupModel</name>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>ca::GroupPermissionModel</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>%1 always manage everything.</source>
        <translation>Die Gruppe %1 verwaltet immer alles.</translation>
    </message>
    <message>
        <source>%1 manages every server through &quot;All servers&quot;.</source>
        <translation>Die Gruppe %1 verwaltet über „Alle Server“ jeden Server.</translation>
    </message>
    <message>
        <source>Managers create Connect servers and manage all of them.</source>
        <translation>Manager erstellen Connect-Server und verwalten sie alle.</translation>
    </message>
    <message>
        <source>Manage all current and future servers. Unchecking removes every server grant of the group.</source>
        <translation>Alle jetzigen und künftigen Server verwalten. Das Abwählen entzieht der Gruppe auch alle einzeln gewährten Server.</translation>
    </message>
    <message>
        <source>Manage the server &quot;%1&quot;: rename, delete, vault access, tokens.</source>
        <translation>Den Server „%1“ verwalten: umbenennen, löschen, Tresorzugriff, Tokens.</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Secrets Automation managers</source>
        <translation>Manager für Secrets Automation</translation>
    </message>
    <message>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <source>All current and future servers</source>
        <translation>Alle jetzigen und künftigen Server</translation>
    </message>
</context>
<context>
    <name>ca::GroupPermissionsPage</name>
    <message>
        <source>all servers</source>
        <translation>alle Server</translation>
    </message>
    <message>
        <source>Secrets Automation (as a manager)</source>
        <translation>Secrets Automation (als Manager)</translation>
    </message>
    <message>
        <source>the server &quot;%1&quot;</source>
        <translation>den Server „%1“</translation>
    </message>
    <message>
        <source>Could not change &quot;%1&quot;: %2</source>
        <translation>„%1“ konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; can now manage %2.</source>
        <translation>„%1“ kann jetzt %2 verwalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; no longer manages %2.</source>
        <translation>„%1“ verwaltet %2 nicht mehr.</translation>
    </message>
    <message>
        <source>Seeing and changing who administers Secrets Automation needs manager rights (Owners, Administrators, or a manager group).</source>
        <translation>Um zu sehen und zu ändern, wer Secrets Automation verwaltet, sind Managerrechte nötig (Owners, Administrators oder eine Managergruppe).</translation>
    </message>
</context>
<context>
    <name>ca::HandbookDialog</name>
    <message>
        <source>&lt;h2&gt;Connect Admin&lt;/h2&gt;&lt;p&gt;Connect Admin manages the Connect servers of an account service: the servers, their access tokens, which vaults each server may read, and which groups may administer them. Sign in with File → Sign in, or try everything on a local sandbox (File → Start local sandbox).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Connect Admin&lt;/h2&gt;&lt;p&gt;Connect Admin verwaltet die Connect-Server eines Kontodienstes: die Server, ihre Zugriffstokens, welche Tresore jeder Server lesen darf und welche Gruppen sie verwalten dürfen. Melden Sie sich über Datei → Anmelden an, oder probieren Sie alles in einer lokalen Sandbox aus (Datei → Lokale Sandbox starten).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Servers&lt;/h3&gt;&lt;p&gt;New server (Ctrl+N) creates a server and asks at once where to save its credentials file: it is shown only this once. F2 renames, Del deletes a server, which revokes its tokens.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Server&lt;/h3&gt;&lt;p&gt;Neuer Server (Strg+N) legt einen Server an und fragt sofort, wo seine Anmeldedatei gespeichert werden soll: Sie wird nur dieses eine Mal angezeigt. F2 benennt um, Entf löscht einen Server und widerruft damit seine Tokens.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tokens&lt;/h3&gt;&lt;p&gt;New token (Ctrl+T) issues a token for a server and its vaults (read, write or both). Copy it or save it to a file before closing the dialog: it is never shown again. Select tokens and press Del to revoke them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tokens&lt;/h3&gt;&lt;p&gt;Neues Token (Strg+T) stellt ein Token für einen Server und seine Tresore aus (lesen, schreiben oder beides). Kopieren oder speichern Sie es, bevor Sie den Dialog schließen: Es wird nie wieder angezeigt. Wählen Sie Tokens aus und drücken Sie Entf, um sie zu widerrufen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vault access&lt;/h3&gt;&lt;p&gt;The matrix shows which server may use which vault. Space or a click stages a grant (+) or a revoke (−); nothing changes until you apply (Ctrl+Return). Undo (Ctrl+Z) steps back; if someone else changed access meanwhile, your edits are kept and the collisions are marked.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tresorzugriff&lt;/h3&gt;&lt;p&gt;Die Matrix zeigt, welcher Server welchen Tresor verwenden darf. Leertaste oder ein Klick merkt eine Freigabe (+) oder einen Widerruf (−) vor; nichts ändert sich, bevor Sie anwenden (Strg+Eingabe). Rückgängig (Strg+Z) geht einen Schritt zurück; hat jemand anderes den Zugriff inzwischen geändert, bleiben Ihre Änderungen erhalten und die Kollisionen werden markiert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Group permissions&lt;/h3&gt;&lt;p&gt;Which groups may create and manage Connect servers. Each change is saved at once.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gruppenrechte&lt;/h3&gt;&lt;p&gt;Welche Gruppen Connect-Server anlegen und verwalten dürfen. Jede Änderung wird sofort gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Finding, copying, exporting&lt;/h3&gt;&lt;p&gt;Ctrl+F filters the current page. Ctrl+C copies the selected rows as tab-separated text, Ctrl+Shift+C their IDs; File → Export as CSV (Ctrl+E) saves what the table shows. Help → Keyboard shortcuts lists every shortcut.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Finden, kopieren, exportieren&lt;/h3&gt;&lt;p&gt;Strg+F filtert die aktuelle Seite. Strg+C kopiert die ausgewählten Zeilen als tabulatorgetrennten Text, Strg+Umschalt+C ihre IDs; Datei → Als CSV exportieren (Strg+E) speichert, was die Tabelle zeigt. Hilfe → Tastenkürzel listet jedes Tastenkürzel auf.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Secrets&lt;/h3&gt;&lt;p&gt;Credentials files and tokens are written readable by you only. A token copied to the clipboard is removed from it after a minute, and when you quit.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Geheimnisse&lt;/h3&gt;&lt;p&gt;Anmeldedateien und Tokens werden nur für Sie lesbar geschrieben. Ein in die Zwischenablage kopiertes Token wird nach einer Minute und beim Beenden daraus entfernt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connect Admin Handbook</source>
        <translation>Connect Admin – Handbuch</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Handbuch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Activity&lt;/h3&gt;&lt;p&gt;Every change to the account, newest first (Ctrl+5), filtered by actor, action, object, time and text; the line below says whether the audit log&apos;s hash chain is whole. Show activity in the context menus of servers, tokens, the matrix headers and groups opens it for that item. Who can reach this vault… (the matrix&apos;s column header menu) lists the servers, tokens and groups that reach a vault; Activity → Compare… shows what changed between two moments; Export… saves what the filter shows as CSV or JSON.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aktivität&lt;/h3&gt;&lt;p&gt;Jede Änderung am Konto, neueste zuerst (Ctrl+5), gefiltert nach Akteur, Aktion, Objekt, Zeit und Text; die Zeile darunter zeigt, ob die Hash-Kette des Prüfprotokolls vollständig ist. „Aktivität anzeigen“ in den Kontextmenüs von Servern, Tokens, den Matrix-Kopfzeilen und Gruppen öffnet sie für dieses Element. „Wer kann diesen Tresor erreichen…“ (Menü der Spaltenköpfe der Matrix) listet die Server, Tokens und Gruppen auf, die einen Tresor erreichen; Aktivität → Vergleichen… zeigt, was sich zwischen zwei Zeitpunkten geändert hat; Exportieren… speichert die gefilterte Ansicht als CSV oder JSON.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ca::ImpactPreview</name>
    <message>
        <source>No active token uses %1.</source>
        <translation>Kein aktives Token verwendet %1.</translation>
    </message>
    <message>
        <source>1 token loses %1: %2</source>
        <translation>1 Token verliert %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens lose %1: %2</source>
        <translation>
            <numerusform>%n Token verliert %1: %2</numerusform>
            <numerusform>%n Tokens verlieren %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply 1 change</source>
        <translation>1 Änderung anwenden</translation>
    </message>
    <message numerus="yes">
        <source>Apply %n changes</source>
        <translation>
            <numerusform>%n Änderung anwenden</numerusform>
            <numerusform>%n Änderungen anwenden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — 1 token loses access</source>
        <translation>%1 — 1 Token verliert den Zugriff</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n tokens lose access</source>
        <translation>
            <numerusform>%1 — %n Token verliert den Zugriff</numerusform>
            <numerusform>%1 — %n Tokens verlieren den Zugriff</numerusform>
        </translation>
    </message>
    <message>
        <source>More than one vault is named &quot;%1&quot;: %2. Use the ID instead.</source>
        <translation>Mehr als ein Tresor heißt „%1“: %2. Verwenden Sie stattdessen die ID.</translation>
    </message>
    <message>
        <source>No vault is named or has the ID &quot;%1&quot;.</source>
        <translation>Kein Tresor heißt „%1“ oder hat diese ID.</translation>
    </message>
</context>
<context>
    <name>ca::MainWindow</name>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sitzung abgelaufen</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to go on; your staged changes are kept.</source>
        <translation>Ihre Sitzung ist beendet. Melden Sie sich erneut an, um fortzufahren; Ihre vorgemerkten Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; nothing you staged is lost.</source>
        <translation>Ihre Sitzung ist beendet. Melden Sie sich erneut an; vorgemerkte Änderungen gehen nicht verloren.</translation>
    </message>
    <message>
        <source>This session will not be remembered after you quit: %1</source>
        <translation>Diese Sitzung bleibt nach dem Beenden nicht erhalten: %1</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <source>Can&apos;t reach %1</source>
        <translation>%1 nicht erreichbar</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Signing in to the local sandbox…</source>
        <translation>Anmeldung bei der lokalen Sandbox…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>You have %1 staged vault access changes that were not applied.</source>
        <translation>Sie haben %1 vorgemerkte Änderungen am Tresorzugriff, die noch nicht angewendet wurden.</translation>
    </message>
    <message>
        <source>Signing out discards them.</source>
        <translation>Beim Abmelden werden sie verworfen.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>Wieder&amp;herstellen: %1</translation>
    </message>
    <message>
        <source>About Connect Admin</source>
        <translation>Über Connect Admin</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Connect Admin %1&lt;/h3&gt;&lt;p&gt;Administer Connect servers, their access tokens, vault access and who may manage them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Connect Admin %1&lt;/h3&gt;&lt;p&gt;Connect-Server, ihre Zugriffstokens und Tresorzugriffe verwalten – und festlegen, wer sie verwalten darf.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sign in to %1.</source>
        <translation>Melden Sie sich bei %1 an.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Sign in to the account service that holds your Connect servers, or try a local sandbox.</source>
        <translation>Melden Sie sich bei dem Kontodienst an, der Ihre Connect-Server verwaltet, oder probieren Sie eine lokale Sandbox aus.</translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Lokale Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) to %3</source>
        <translation>Bei %3 angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>Quit Connect Admin</source>
        <translation>Connect Admin beenden</translation>
    </message>
    <message>
        <source>Apply them, or discard them and quit?</source>
        <translation>Jetzt anwenden oder verwerfen und beenden?</translation>
    </message>
    <message>
        <source>Loading or saving</source>
        <translation>Lädt oder speichert</translation>
    </message>
    <message>
        <source>servers</source>
        <translation>server</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>tokens</translation>
    </message>
    <message>
        <source>vault-access</source>
        <translation>tresorzugriff</translation>
    </message>
    <message>
        <source>group-permissions</source>
        <translation>gruppenrechte</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
</context>
<context>
    <name>ca::MessageBar</name>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>%1 (%2 times)</source>
        <translation>%1 (%2-mal)</translation>
    </message>
    <message>
        <source>Does what the message offers</source>
        <translation>Führt aus, was die Meldung anbietet</translation>
    </message>
</context>
<context>
    <name>ca::NewServerDialog</name>
    <message>
        <source>&amp;Create server</source>
        <translation>Server &amp;erstellen</translation>
    </message>
    <message>
        <source>%1 (can&apos;t be granted)</source>
        <translation>%1 (kann nicht gewährt werden)</translation>
    </message>
    <message>
        <source>You can&apos;t grant &quot;%1&quot;: you don&apos;t have access to it yourself.</source>
        <translation>Sie können keinen Zugriff auf „%1“ gewähren: Sie haben selbst keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>%1 (no access)</source>
        <translation>%1 (kein Zugriff)</translation>
    </message>
</context>
<context>
    <name>ca::NewTokenDialog</name>
    <message>
        <source>&amp;Issue token</source>
        <translation>Token &amp;ausstellen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 Tage</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>You can&apos;t issue tokens for &quot;%1&quot;: you don&apos;t have access to it yourself.</source>
        <translation>Sie können keine Tokens für „%1“ ausstellen: Sie haben selbst keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>Read and write (rw)</source>
        <translation>Lesen und schreiben (rw)</translation>
    </message>
    <message>
        <source>Read only (r)</source>
        <translation>Nur lesen (r)</translation>
    </message>
    <message>
        <source>Write only (w)</source>
        <translation>Nur schreiben (w)</translation>
    </message>
    <message>
        <source>Permission for %1</source>
        <translation>Berechtigung für %1</translation>
    </message>
    <message>
        <source>This server has no vaults yet. Grant it some on the Vault access page first.</source>
        <translation>Dieser Server hat noch keine Tresore. Gewähren Sie ihm zuerst Zugriff auf der Seite „Tresorzugriff“.</translation>
    </message>
    <message>
        <source>The token never expires. Prefer an expiry where you can.</source>
        <translation>Das Token läuft nie ab. Legen Sie nach Möglichkeit ein Ablaufdatum fest.</translation>
    </message>
    <message>
        <source>Expires %1 (%2).</source>
        <translation>Läuft ab: %1 (%2).</translation>
    </message>
    <message>
        <source>Type a duration: s, m, h, d or w, e.g. 30d or 1w2d.</source>
        <translation>Geben Sie eine Dauer ein: s, m, h, d oder w, z. B. 30d oder 1w2d.</translation>
    </message>
</context>
<context>
    <name>ca::OverlapComboBox</name>
    <message>
        <source>now</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation>in 1 Stunde</translation>
    </message>
    <message>
        <source>in 24 hours</source>
        <translation>in 24 Stunden</translation>
    </message>
    <message>
        <source>in 7 days</source>
        <translation>in 7 Tagen</translation>
    </message>
    <message>
        <source>at a date…</source>
        <translation>zu einem Zeitpunkt…</translation>
    </message>
</context>
<context>
    <name>ca::PendingChangesModel</name>
    <message>
        <source>Grant &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>„%2“ Zugriff auf „%1“ gewähren</translation>
    </message>
    <message>
        <source>Revoke &quot;%1&quot; from &quot;%2&quot;</source>
        <translation>„%2“ den Zugriff auf „%1“ entziehen</translation>
    </message>
</context>
<context>
    <name>ca::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Remind of tokens expiring within days</source>
        <translation>An Tokens erinnern, die innerhalb von Tagen ablaufen</translation>
    </message>
    <message>
        <source>Remind me of tokens that expire &amp;within:</source>
        <translation>An Tokens mit Ablauf &amp;innerhalb von … erinnern:</translation>
    </message>
    <message>
        <source>At start and once a day the program counts the active tokens that expire this soon and says so in the message bar (and as a desktop notification when there is a system tray).</source>
        <translation>Beim Start und einmal täglich zählt das Programm die aktiven Tokens, die so bald ablaufen, und meldet es in der Meldungsleiste (und als Desktop-Benachrichtigung, wenn es einen Infobereich gibt).</translation>
    </message>
</context>
<context>
    <name>ca::ReachDialog</name>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>write</source>
        <translation>schreiben</translation>
    </message>
    <message>
        <source>read and write</source>
        <translation>lesen und schreiben</translation>
    </message>
    <message>
        <source>manages Secrets Automation</source>
        <translation>verwaltet Secrets Automation</translation>
    </message>
    <message>
        <source>manages all servers</source>
        <translation>verwaltet alle Server</translation>
    </message>
    <message>
        <source>manages this server</source>
        <translation>verwaltet diesen Server</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 Token</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Who can reach</source>
        <translation>Wer erreicht</translation>
    </message>
    <message>
        <source>Servers, tokens and groups</source>
        <translation>Server, Tokens und Gruppen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owners and Administrators manage every server as well. Double-click a server or token to open it.</source>
        <translation>Die Gruppen Owners und Administrators verwalten zusätzlich jeden Server. Doppelklicken Sie auf einen Server oder ein Token, um es zu öffnen.</translation>
    </message>
    <message>
        <source>Show activity</source>
        <translation>Aktivität anzeigen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Who can reach this vault</source>
        <translation>Wer kann diesen Tresor erreichen</translation>
    </message>
    <message>
        <source>Connect server %1</source>
        <translation>Connect-Server %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>No Connect server can reach the vault &quot;%1&quot;.</source>
        <translation>Kein Connect-Server kann den Tresor „%1“ erreichen.</translation>
    </message>
    <message>
        <source>The vault &quot;%1&quot; is reached by %2 through %3.</source>
        <translation>Der Tresor „%1“ wird von %2 über %3 erreicht.</translation>
    </message>
    <message>
        <source>1 server</source>
        <translation>1 Server</translation>
    </message>
    <message>
        <source>%1 servers</source>
        <translation>%1 Server</translation>
    </message>
    <message>
        <source>What this group administers</source>
        <translation>Was diese Gruppe verwaltet</translation>
    </message>
    <message>
        <source>Vault %1</source>
        <translation>Tresor %1</translation>
    </message>
    <message>
        <source>%1 vaults, %2</source>
        <translation>%1 Tresore, %2</translation>
    </message>
    <message>
        <source>What this person administers</source>
        <translation>Was diese Person verwaltet</translation>
    </message>
    <message>
        <source>%1 belongs to no group, so administers no Connect server.</source>
        <translation>%1 gehört zu keiner Gruppe und verwaltet daher keinen Connect-Server.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <comment>a group&apos;s name in quotes</comment>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>%1 administers %2 (%3 in all) through the group %4.</source>
        <translation>%1 verwaltet über die Gruppe %4 %2 (insgesamt %3).</translation>
    </message>
    <message>
        <source>%1 administers %2 (%3 in all) through the groups %4.</source>
        <translation>%1 verwaltet über die Gruppen %4 %2 (insgesamt %3).</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; administers %2 (%3 in all).</source>
        <translation>Die Gruppe „%1“ verwaltet %2 (insgesamt %3).</translation>
    </message>
    <message>
        <source>1 vault</source>
        <translation>1 Tresor</translation>
    </message>
    <message>
        <source>%1 vaults</source>
        <translation>%1 Tresore</translation>
    </message>
</context>
<context>
    <name>ca::RenewCredentialsDialog</name>
    <message>
        <source>Renew the credentials of &quot;%1&quot;</source>
        <translation>Die Anmeldedaten von „%1“ erneuern</translation>
    </message>
    <message>
        <source>The server gets a new secret and a new credentials file, which you save next. The old file stops working at once; deploy the new one where the Connect server runs.</source>
        <translation>Der Server erhält ein neues Geheimnis und eine neue Anmeldedatei, die Sie als Nächstes speichern. Die alte Datei funktioniert sofort nicht mehr; bringen Sie die neue dorthin, wo der Connect-Server läuft.</translation>
    </message>
    <message>
        <source>No active token was issued against the old credentials.</source>
        <translation>Kein aktives Token wurde zu den alten Anmeldedaten ausgestellt.</translation>
    </message>
    <message>
        <source>1 active token was issued against the old credentials and no longer matches the new file.</source>
        <translation>1 aktives Token wurde zu den alten Anmeldedaten ausgestellt und passt nicht mehr zur neuen Datei.</translation>
    </message>
    <message>
        <source>%1 active tokens were issued against the old credentials and no longer match the new file.</source>
        <translation>%1 aktive Tokens wurden zu den alten Anmeldedaten ausgestellt und passen nicht mehr zur neuen Datei.</translation>
    </message>
    <message>
        <source>&amp;Rotate them in the same step (the new tokens are shown once)</source>
        <translation>Im selben Schritt &amp;rotieren (die neuen Tokens werden einmal angezeigt)</translation>
    </message>
    <message>
        <source>Revoke the old tokens:</source>
        <translation>Die alten Tokens widerrufen:</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Erneuern</translation>
    </message>
</context>
<context>
    <name>ca::RevealTokenDialog</name>
    <message>
        <source>&quot;%1&quot; for %2 — vaults: %3 — expires: %4</source>
        <translation>„%1“ für %2 – Tresore: %3 – läuft ab: %4</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Save the token &quot;%1&quot;</source>
        <translation>Das Token „%1“ speichern</translation>
    </message>
    <message>
        <source>Token (*.jwt *.txt)</source>
        <translation>Token (*.jwt *.txt)</translation>
    </message>
    <message>
        <source>Saved to %1 (readable by you only).</source>
        <translation>In %1 gespeichert (nur für Sie lesbar).</translation>
    </message>
    <message>
        <source>Close without keeping the token?</source>
        <translation>Schließen, ohne das Token zu behalten?</translation>
    </message>
    <message>
        <source>It is shown only now: the service does not keep it. Without it, revoke the token and issue a new one.</source>
        <translation>Es wird nur jetzt angezeigt: Der Dienst speichert es nicht. Ohne es müssen Sie das Token widerrufen und ein neues ausstellen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy these %1 tokens now.&lt;/b&gt; Each is shown only this once: the service does not keep them. Pick one to see and copy it, or save them all to one file.</source>
        <translation>&lt;b&gt;Kopieren Sie diese %1 Tokens jetzt.&lt;/b&gt; Jedes wird nur dieses eine Mal angezeigt: Der Dienst bewahrt sie nicht auf. Wählen Sie eines aus, um es zu sehen und zu kopieren, oder speichern Sie alle in eine Datei.</translation>
    </message>
    <message>
        <source>&amp;Save all to file…</source>
        <translation>Alle in Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save every token to one file only you can read</source>
        <translation>Alle Tokens in eine Datei speichern, die nur Sie lesen können</translation>
    </message>
    <message>
        <source>New tokens</source>
        <translation>Neue Tokens</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>kopiert</translation>
    </message>
    <message>
        <source>Copied &quot;%1&quot;. The clipboard is cleared in %2 seconds if it still holds the token.</source>
        <translation>„%1“ kopiert. Die Zwischenablage wird in %2 Sekunden geleert, wenn sie das Token dann noch enthält.</translation>
    </message>
    <message>
        <source>Save %1 new tokens</source>
        <translation>%1 neue Tokens speichern</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>Close without keeping every token?</source>
        <translation>Schließen, ohne alle Tokens zu sichern?</translation>
    </message>
    <message>
        <source>You have not copied or saved the token %1.</source>
        <translation>Sie haben das Token %1 weder kopiert noch gespeichert.</translation>
    </message>
    <message>
        <source>You have not copied or saved these tokens: %1.</source>
        <translation>Sie haben diese Tokens weder kopiert noch gespeichert: %1.</translation>
    </message>
    <message>
        <source>They are shown only now: the service does not keep them. Without one, revoke it and issue a new one.</source>
        <translation>Sie werden nur jetzt angezeigt: Der Dienst bewahrt sie nicht auf. Fehlt Ihnen eines, widerrufen Sie es und stellen Sie ein neues aus.</translation>
    </message>
</context>
<context>
    <name>ca::RevocationTimeEdit</name>
    <message>
        <source>Revoke the old tokens at</source>
        <translation>Alte Tokens widerrufen am</translation>
    </message>
</context>
<context>
    <name>ca::RotateTokensDialog</name>
    <message>
        <source>Rotate the token &quot;%1&quot;</source>
        <translation>Das Token „%1“ rotieren</translation>
    </message>
    <message>
        <source>Rotate %1 tokens</source>
        <translation>%1 Tokens rotieren</translation>
    </message>
    <message>
        <source>A new token replaces this one. It carries the same server, vaults and access, and lasts as long from now as the old one did:</source>
        <translation>Ein neues Token ersetzt dieses. Es hat denselben Server, dieselben Tresore und Rechte und gilt ab jetzt so lange wie das alte:</translation>
    </message>
    <message>
        <source>New tokens replace these. Each carries its old token&apos;s server, vaults and access, and lasts as long from now as the old one did:</source>
        <translation>Neue Tokens ersetzen diese. Jedes hat Server, Tresore und Rechte seines alten Tokens und gilt ab jetzt so lange wie das alte:</translation>
    </message>
    <message>
        <source>&amp;Name of the new token:</source>
        <translation>&amp;Name des neuen Tokens:</translation>
    </message>
    <message>
        <source>&amp;Revoke the old token:</source>
        <translation>Das alte Token &amp;widerrufen:</translation>
    </message>
    <message>
        <source>&amp;Revoke the old tokens:</source>
        <translation>Die alten Tokens &amp;widerrufen:</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotieren</translation>
    </message>
    <message>
        <source>%1 (rotated %2)</source>
        <translation>%1 (rotiert %2)</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>läuft nie ab</translation>
    </message>
    <message>
        <source>expires %1 days after it is issued</source>
        <translation>läuft %1 Tage nach dem Ausstellen ab</translation>
    </message>
    <message>
        <source>expires %1 hours after it is issued</source>
        <translation>läuft %1 Stunden nach dem Ausstellen ab</translation>
    </message>
    <message>
        <source>• &quot;%1&quot; on %2 — vaults: %3 — %4</source>
        <translation>• „%1“ auf %2 — Tresore: %3 — %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>ca::SandboxLauncher</name>
    <message>
        <source>The account service could not be started (%1): %2</source>
        <translation>Der Kontodienst konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <source>The local account service did not start within 30 seconds.</source>
        <translation>Der lokale Kontodienst ist nicht innerhalb von 30 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>The local account service said something unexpected: %1</source>
        <translation>Der lokale Kontodienst hat eine unerwartete Ausgabe geliefert: %1</translation>
    </message>
    <message>
        <source>The sandbox&apos;s sign-in file %1 can&apos;t be read.</source>
        <translation>Die Datei mit den Zugangsdaten der Sandbox (%1) kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The local account service crashed.</source>
        <translation>Der lokale Kontodienst ist abgestürzt.</translation>
    </message>
    <message>
        <source>The local account service stopped (exit code %1). %2</source>
        <translation>Der lokale Kontodienst wurde beendet (Exit-Code %1). %2</translation>
    </message>
</context>
<context>
    <name>ca::SecretFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot restrict the permissions of %1: %2</source>
        <translation>Die Zugriffsrechte von %1 können nicht eingeschränkt werden: %2</translation>
    </message>
</context>
<context>
    <name>ca::SecretFileDialog</name>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>The existing file will be replaced.</source>
        <translation>Die vorhandene Datei wird ersetzt.</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Choose another place.</source>
        <translation>Wählen Sie einen anderen Ort.</translation>
    </message>
</context>
<context>
    <name>ca::ServerModel</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>This server has no vaults yet.</source>
        <translation>Dieser Server hat noch keine Tresore.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vaults</source>
        <translation>Tresore</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Tokens that are neither revoked nor expired</source>
        <translation>Tokens, die weder widerrufen noch abgelaufen sind</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
</context>
<context>
    <name>ca::ServersPage</name>
    <message>
        <source>Select a server to see its vaults and tokens.</source>
        <translation>Wählen Sie einen Server aus, um seine Tresore und Tokens zu sehen.</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>No vaults yet — grant some on the Vault access page.</source>
        <translation>Noch keine Tresore – gewähren Sie Zugriff auf der Seite „Tresorzugriff“.</translation>
    </message>
    <message>
        <source>Creating Connect servers needs Secrets Automation manager rights.</source>
        <translation>Zum Erstellen von Connect-Servern sind Managerrechte für Secrets Automation nötig.</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot; and saved its credentials file to %2.</source>
        <translation>„%1“ wurde erstellt und seine Anmeldedatei unter %2 gespeichert.</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;, but its credentials file was not saved and can&apos;t be retrieved. Delete the server and create it again if you need the file.</source>
        <translation>„%1“ wurde erstellt, aber seine Anmeldedatei wurde nicht gespeichert und kann nicht mehr abgerufen werden. Löschen Sie den Server und erstellen Sie ihn neu, wenn Sie die Datei benötigen.</translation>
    </message>
    <message>
        <source>Delete server</source>
        <translation>Server löschen</translation>
    </message>
    <message>
        <source>Delete the Connect server &quot;%1&quot;?</source>
        <translation>Den Connect-Server „%1“ löschen?</translation>
    </message>
    <message>
        <source>Its credentials file and its active token stop working at once. This can&apos;t be undone.</source>
        <translation>Seine Anmeldedatei und sein aktives Token werden sofort ungültig. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Its credentials file and its %1 active tokens stop working at once. This can&apos;t be undone.</source>
        <translation>Seine Anmeldedatei und seine %1 aktiven Tokens werden sofort ungültig. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;; its tokens are revoked.</source>
        <translation>„%1“ wurde gelöscht; seine Tokens sind widerrufen.</translation>
    </message>
    <message>
        <source>Copied the server ID %1.</source>
        <translation>Server-ID %1 kopiert.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Copied %1 server IDs.</source>
        <translation>%1 Server-IDs kopiert.</translation>
    </message>
    <message>
        <source>No Connect servers yet. Create one with New server: it comes with its credentials file.</source>
        <translation>Noch keine Connect-Server. Erstellen Sie einen mit „Neuer Server“; er kommt mit seiner Anmeldedatei.</translation>
    </message>
    <message>
        <source>No server matches the filter.</source>
        <translation>Kein Server passt zum Filter.</translation>
    </message>
</context>
<context>
    <name>ca::Session</name>
    <message>
        <source>Sign in to %1.</source>
        <translation>Melden Sie sich bei %1 an.</translation>
    </message>
    <message>
        <source>Your session has ended; sign in again.</source>
        <translation>Ihre Sitzung ist beendet; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>ca::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>ca::SignInDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Lokale Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Type the address of the account service.</source>
        <translation>Geben Sie die Adresse des Kontodienstes ein.</translation>
    </message>
    <message>
        <source>Start the address with https:// (for example https://%1), or http:// for a service on this computer.</source>
        <translation>Beginnen Sie die Adresse mit https:// (zum Beispiel https://%1) oder mit http:// für einen Dienst auf diesem Computer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address.</source>
        <translation>„%1“ ist keine gültige Adresse.</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http:// for a service on this computer), not %1://.</source>
        <translation>Die Adresse muss mit https:// beginnen (oder mit http:// für einen Dienst auf diesem Computer), nicht mit %1://.</translation>
    </message>
    <message>
        <source>The address needs a host name, for example https://connect-admin.example.com.</source>
        <translation>Die Adresse braucht einen Hostnamen, zum Beispiel https://connect-admin.example.com.</translation>
    </message>
    <message>
        <source>Type the email address you sign in with.</source>
        <translation>Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden.</translation>
    </message>
</context>
<context>
    <name>ca::TableExport</name>
    <message>
        <source>&amp;Copy rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text with a header row</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text mit Kopfzeile kopieren</translation>
    </message>
    <message>
        <source>Save the rows this table shows to a CSV file</source>
        <translation>Die Zeilen dieser Tabelle in einer CSV-Datei speichern</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>wird gespeichert</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Copied 1 row.</source>
        <translation>1 Zeile kopiert.</translation>
    </message>
    <message>
        <source>Copied %1 rows.</source>
        <translation>%1 Zeilen kopiert.</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Replace it with the exported rows?</source>
        <translation>Durch die exportierten Zeilen ersetzen?</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Exported 1 row to %1.</source>
        <translation>1 Zeile nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>%1 Zeilen nach %2 exportiert.</translation>
    </message>
</context>
<context>
    <name>ca::TokenLifecycleCommands</name>
    <message>
        <source>R&amp;otate…</source>
        <translation>R&amp;otieren…</translation>
    </message>
    <message>
        <source>&amp;Cancel scheduled revocation</source>
        <translation>Geplanten Widerruf &amp;abbrechen</translation>
    </message>
    <message>
        <source>Issue replacements for the selected tokens and revoke the old ones after an overlap</source>
        <translation>Ersatz für die ausgewählten Tokens ausstellen und die alten nach einer Übergangszeit widerrufen</translation>
    </message>
    <message>
        <source>Rotated the token &quot;%1&quot;. Copy the new one now: it is shown only once.</source>
        <translation>Das Token „%1“ wurde rotiert. Kopieren Sie das neue jetzt: Es wird nur einmal angezeigt.</translation>
    </message>
    <message>
        <source>Rotated %1 tokens. Copy the new ones now: they are shown only once.</source>
        <translation>%1 Tokens wurden rotiert. Kopieren Sie die neuen jetzt: Sie werden nur einmal angezeigt.</translation>
    </message>
    <message>
        <source>The token &quot;%1&quot; is no longer scheduled to be revoked.</source>
        <translation>Für das Token „%1“ ist kein Widerruf mehr geplant.</translation>
    </message>
    <message>
        <source>%1 tokens are no longer scheduled to be revoked.</source>
        <translation>Für %1 Tokens ist kein Widerruf mehr geplant.</translation>
    </message>
</context>
<context>
    <name>ca::TokenModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tagen</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>This token does not expire.</source>
        <translation>Dieses Token läuft nicht ab.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Vaults and permissions</source>
        <translation>Tresore und Berechtigungen</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>%1 — &quot;%2&quot; no longer has access to this vault, so the token can&apos;t reach it either.</source>
        <translation>%1 — „%2“ hat keinen Zugriff mehr auf diesen Tresor, daher erreicht ihn auch das Token nicht.</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>revokes %1</source>
        <translation>Widerruf %1</translation>
    </message>
</context>
<context>
    <name>ca::TokenScopeModel</name>
    <message>
        <source>&quot;%1&quot; can&apos;t reach &quot;%2&quot;.</source>
        <translation>„%1“ hat keinen Zugriff auf „%2“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may %2 in &quot;%3&quot;.</source>
        <translation>„%1“ darf in „%3“ %2.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>write</source>
        <translation>schreiben</translation>
    </message>
    <message>
        <source>read and write</source>
        <translation>lesen und schreiben</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names &quot;%2&quot;, but its server no longer has access to that vault, so the token can&apos;t reach it either.</source>
        <translation>„%1“ nennt „%2“, aber sein Server hat keinen Zugriff mehr auf diesen Tresor, daher erreicht ihn auch das Token nicht.</translation>
    </message>
    <message>
        <source>%1 — this server no longer has access to it; tokens that name it can&apos;t reach it.</source>
        <translation>%1 — dieser Server hat keinen Zugriff mehr darauf; Tokens, die ihn nennen, erreichen ihn nicht.</translation>
    </message>
</context>
<context>
    <name>ca::TokensPage</name>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <source>Showing %1 of %2 tokens</source>
        <translation>%1 von %2 Tokens angezeigt</translation>
    </message>
    <message>
        <source>Create a Connect server first; tokens belong to a server.</source>
        <translation>Erstellen Sie zuerst einen Connect-Server; Tokens gehören immer zu einem Server.</translation>
    </message>
    <message>
        <source>Issued the token &quot;%1&quot;. Copy it now: it is shown only once.</source>
        <translation>Token „%1“ ausgestellt. Kopieren Sie es jetzt: Es wird nur einmal angezeigt.</translation>
    </message>
    <message>
        <source>Revoke the token &quot;%1&quot;?</source>
        <translation>Das Token „%1“ widerrufen?</translation>
    </message>
    <message>
        <source>Revoke %1 tokens?</source>
        <translation>%1 Tokens widerrufen?</translation>
    </message>
    <message>
        <source>Revoke tokens</source>
        <translation>Tokens widerrufen</translation>
    </message>
    <message>
        <source>Whatever uses them loses access at once. Revoked tokens stay listed. This can&apos;t be undone.

%1</source>
        <translation>Alles, was sie verwendet, verliert sofort den Zugriff. Widerrufene Tokens bleiben in der Liste. Dies kann nicht rückgängig gemacht werden.

%1</translation>
    </message>
    <message>
        <source>Revoked 1 token.</source>
        <translation>1 Token widerrufen.</translation>
    </message>
    <message>
        <source>Revoked %1 tokens.</source>
        <translation>%1 Tokens widerrufen.</translation>
    </message>
    <message>
        <source>Copied the token ID %1.</source>
        <translation>Token-ID %1 kopiert.</translation>
    </message>
    <message>
        <source>Revoked %1 tokens; %2 could not be revoked: %3</source>
        <translation>%1 Tokens widerrufen; %2 konnten nicht widerrufen werden: %3</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Revoke %1 tokens</source>
        <translation>%1 Tokens widerrufen</translation>
    </message>
    <message>
        <source>Copied %1 token IDs.</source>
        <translation>%1 Token-IDs kopiert.</translation>
    </message>
    <message>
        <source>Expiring within a day</source>
        <translation>Läuft innerhalb eines Tages ab</translation>
    </message>
    <message>
        <source>Expiring within %1 days</source>
        <translation>Läuft innerhalb von %1 Tagen ab</translation>
    </message>
    <message>
        <source>No tokens yet. Issue one with New token; it is shown once, then kept only as its name, server and vaults.</source>
        <translation>Noch keine Tokens. Stellen Sie eines mit „Neues Token“ aus; es wird einmal angezeigt und danach nur mit Namen, Server und Tresoren aufbewahrt.</translation>
    </message>
    <message>
        <source>No token matches the filters.</source>
        <translation>Kein Token passt zu den Filtern.</translation>
    </message>
</context>
<context>
    <name>ca::UserModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>ca::VaultAccessModel</name>
    <message>
        <source>grant</source>
        <translation>Zugriff gewähren</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>Zugriff entziehen</translation>
    </message>
    <message>
        <source>The server was deleted; your %1 was dropped.</source>
        <translation>Der Server wurde gelöscht; Ihre vorgemerkte Änderung (%1) wurde verworfen.</translation>
    </message>
    <message>
        <source>The vault is gone; your %1 was dropped.</source>
        <translation>Der Tresor existiert nicht mehr; Ihre vorgemerkte Änderung (%1) wurde verworfen.</translation>
    </message>
    <message>
        <source>Someone else granted this meanwhile.</source>
        <translation>Jemand anderes hat diesen Zugriff inzwischen gewährt.</translation>
    </message>
    <message>
        <source>Someone else revoked this meanwhile.</source>
        <translation>Jemand anderes hat diesen Zugriff inzwischen entzogen.</translation>
    </message>
    <message>
        <source>This vault can no longer be granted; your grant was dropped.</source>
        <translation>Zugriff auf diesen Tresor kann nicht mehr gewährt werden; Ihre vorgemerkte Änderung wurde verworfen.</translation>
    </message>
    <message>
        <source>You can&apos;t grant &quot;%1&quot;: you don&apos;t have access to it yourself.</source>
        <translation>Sie können keinen Zugriff auf „%1“ gewähren: Sie haben selbst keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>Will grant &quot;%1&quot; to &quot;%2&quot; when you apply.</source>
        <translation>Beim Anwenden wird „%2“ Zugriff auf „%1“ gewährt.</translation>
    </message>
    <message>
        <source>Will revoke &quot;%1&quot; from &quot;%2&quot; when you apply.</source>
        <translation>Beim Anwenden wird „%2“ der Zugriff auf „%1“ entzogen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no access to &quot;%2&quot;.</source>
        <translation>„%1“ hat keinen Zugriff auf „%2“.</translation>
    </message>
    <message>
        <source>%1 — right-click to grant or revoke every vault at once</source>
        <translation>%1 – Rechtsklick, um Zugriff auf alle Tresore auf einmal zu gewähren oder zu entziehen</translation>
    </message>
    <message>
        <source>%1 — you don&apos;t have access to this vault, so you can only revoke it.</source>
        <translation>%1 – Sie haben selbst keinen Zugriff auf diesen Tresor und können Servern den Zugriff darauf daher nur entziehen.</translation>
    </message>
    <message>
        <source>%1 — right-click to grant or revoke it for every server at once</source>
        <translation>%1 – Rechtsklick, um allen Servern auf einmal Zugriff zu gewähren oder zu entziehen</translation>
    </message>
    <message>
        <source>Grant %1 to %2</source>
        <translation>%2 Zugriff auf %1 gewähren</translation>
    </message>
    <message>
        <source>Revoke %1 from %2</source>
        <translation>%2 den Zugriff auf %1 entziehen</translation>
    </message>
    <message>
        <source>Grant every vault to %1</source>
        <translation>%1 Zugriff auf alle Tresore gewähren</translation>
    </message>
    <message>
        <source>Revoke every vault from %1</source>
        <translation>%1 den Zugriff auf alle Tresore entziehen</translation>
    </message>
    <message>
        <source>Grant %1 to every server</source>
        <translation>Allen Servern Zugriff auf %1 gewähren</translation>
    </message>
    <message>
        <source>Revoke %1 from every server</source>
        <translation>Allen Servern den Zugriff auf %1 entziehen</translation>
    </message>
    <message>
        <source>Grant %1 cells</source>
        <translation>Zugriff in %1 Zellen gewähren</translation>
    </message>
    <message>
        <source>Revoke %1 cells</source>
        <translation>Zugriff in %1 Zellen entziehen</translation>
    </message>
    <message>
        <source>Discard 1 change</source>
        <translation>1 Änderung verwerfen</translation>
    </message>
    <message>
        <source>Discard %1 changes</source>
        <translation>%1 Änderungen verwerfen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has access to &quot;%2&quot;.</source>
        <translation>„%1“ hat Zugriff auf „%2“.</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>not granted</source>
        <translation>nicht freigegeben</translation>
    </message>
    <message>
        <source>not granted, staged to grant</source>
        <translation>nicht freigegeben, Freigabe vorgemerkt</translation>
    </message>
    <message>
        <source>granted, staged to revoke</source>
        <translation>freigegeben, Widerruf vorgemerkt</translation>
    </message>
    <message>
        <source>can&apos;t be granted: %1</source>
        <translation>kann nicht freigegeben werden: %1</translation>
    </message>
    <message>
        <source>%1; changed by someone else: %2</source>
        <translation>%1; von jemand anderem geändert: %2</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
</context>
<context>
    <name>ca::VaultAccessPage</name>
    <message>
        <source>Review and apply (%1)</source>
        <translation>Prüfen und anwenden (%1)</translation>
    </message>
    <message>
        <source>Applied 1 change.</source>
        <translation>1 Änderung angewendet.</translation>
    </message>
    <message>
        <source>Applied %1 changes in one batch.</source>
        <translation>%1 Änderungen in einem Schritt angewendet.</translation>
    </message>
    <message>
        <source>Nothing was applied: %1</source>
        <translation>Es wurde nichts angewendet: %1</translation>
    </message>
    <message>
        <source>%1 / %2: %3</source>
        <translation>%1 / %2: %3</translation>
    </message>
    <message>
        <source>Vault access changed since you loaded it; nothing was applied. Your edits were moved onto the current state (%1 still staged).</source>
        <translation>Der Tresorzugriff wurde seit dem Laden geändert; es wurde nichts angewendet. Ihre Änderungen wurden auf den aktuellen Stand übertragen (%1 weiterhin vorgemerkt).</translation>
    </message>
    <message>
        <source>Discarded %1 staged changes (Undo brings them back).</source>
        <translation>%1 vorgemerkte Änderungen verworfen („Rückgängig“ stellt sie wieder her).</translation>
    </message>
    <message>
        <source>Grant every vault to &quot;%1&quot;</source>
        <translation>„%1“ Zugriff auf alle Tresore gewähren</translation>
    </message>
    <message>
        <source>Revoke every vault from &quot;%1&quot;</source>
        <translation>„%1“ den Zugriff auf alle Tresore entziehen</translation>
    </message>
    <message>
        <source>Grant &quot;%1&quot; to every server</source>
        <translation>Allen Servern Zugriff auf „%1“ gewähren</translation>
    </message>
    <message>
        <source>Revoke &quot;%1&quot; from every server</source>
        <translation>Allen Servern den Zugriff auf „%1“ entziehen</translation>
    </message>
    <message>
        <source>Grant the selected cells</source>
        <translation>Zugriff für die ausgewählten Zellen gewähren</translation>
    </message>
    <message>
        <source>Revoke the selected cells</source>
        <translation>Zugriff für die ausgewählten Zellen entziehen</translation>
    </message>
    <message>
        <source>Check a cell to stage a grant, uncheck to stage a revoke; nothing changes until you apply. Green +: will be granted · red −: will be revoked · grey: can&apos;t be granted (hover for why) · orange: changed by someone else. Right-click a server or vault name for a whole row or column.</source>
        <translation>Haken Sie eine Zelle an, um eine Freigabe vorzumerken, entfernen Sie den Haken für einen Widerruf; nichts ändert sich, bevor Sie anwenden. Grün +: wird freigegeben · rot −: wird widerrufen · grau: kann nicht freigegeben werden (Grund im Tooltip) · orange: von jemand anderem geändert. Rechtsklick auf einen Server- oder Tresornamen wirkt auf die ganze Zeile oder Spalte.</translation>
    </message>
    <message>
        <source>No Connect servers yet. Create one with New server; its vault access is granted here.</source>
        <translation>Noch keine Connect-Server. Legen Sie einen mit „Neuer Server“ an; sein Tresorzugriff wird hier freigegeben.</translation>
    </message>
    <message>
        <source>No vaults to show.</source>
        <translation>Keine Tresore anzuzeigen.</translation>
    </message>
    <message>
        <source>%1 collided, marked orange: %2.</source>
        <translation>%1 kollidiert, orange markiert: %2.</translation>
    </message>
    <message>
        <source>Show activity</source>
        <translation>Aktivität anzeigen</translation>
    </message>
    <message>
        <source>Who can reach this vault…</source>
        <translation>Wer kann diesen Tresor erreichen…</translation>
    </message>
</context>
<context>
    <name>ca::VaultModel</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>You have access</source>
        <translation>Sie haben Zugriff</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Kein Zugriff</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Can be granted</source>
        <translation>Kann gewährt werden</translation>
    </message>
    <message>
        <source>Your access</source>
        <translation>Ihr Zugriff</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created by a user</source>
        <translation>Von einem Benutzer angelegt</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Everyone (built in)</source>
        <translation>Alle (eingebaut)</translation>
    </message>
    <message>
        <source>Transfer (built in)</source>
        <translation>Übertragung (eingebaut)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Administer Connect servers, their access tokens, vault access and who may manage them.</source>
        <translation>Connect-Server, ihre Zugriffstokens und Tresorzugriffe verwalten – und festlegen, wer sie verwalten darf.</translation>
    </message>
    <message>
        <source>Start a local account service with a demo account and sign in to it.</source>
        <translation>Einen lokalen Kontodienst mit einem Demokonto starten und sich dort anmelden.</translation>
    </message>
    <message>
        <source>Keep the local sandbox&apos;s data in this folder.</source>
        <translation>Die Daten der lokalen Sandbox in diesem Ordner ablegen.</translation>
    </message>
    <message>
        <source>Open this account service.</source>
        <translation>Diesen Kontodienst öffnen.</translation>
    </message>
    <message>
        <source>Trust the CA certificates in this PEM file (a service with a private certificate).</source>
        <translation>Den CA-Zertifikaten in dieser PEM-Datei vertrauen (für einen Dienst mit eigenem Zertifikat).</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentsPage</name>
    <message>
        <source>Find an agent by name or SPIFFE ID</source>
        <translation>Agent nach Name oder SPIFFE-ID suchen</translation>
    </message>
    <message>
        <source>Find agent</source>
        <translation>Agent suchen</translation>
    </message>
    <message>
        <source>Show &amp;delegations</source>
        <translation>&amp;Vollmachten anzeigen</translation>
    </message>
    <message>
        <source>&amp;Suspend agent…</source>
        <translation>Agent &amp;sperren …</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>R&amp;einstate agent…</source>
        <translation>Agent &amp;wieder zulassen …</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation>Der Server ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server sent an answer this console does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die diese Konsole nicht versteht.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Der Server hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ApprovalDetailPane</name>
    <message>
        <source>Approval request</source>
        <translation>Freigabeanfrage</translation>
    </message>
    <message>
        <source>Select a request to see what the agent wants and decide it.</source>
        <translation>Wählen Sie eine Anfrage, um zu sehen, was der Agent möchte, und entscheiden Sie darüber.</translation>
    </message>
    <message>
        <source>&amp;Deny…</source>
        <translation>A&amp;blehnen …</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Save &amp;receipt…</source>
        <translation>&amp;Beleg speichern …</translation>
    </message>
    <message>
        <source>Save a receipt that proves the grant or a decision is in the audit log</source>
        <translation>Einen Beleg speichern, der nachweist, dass die Erteilung oder eine Entscheidung im Prüfprotokoll steht</translation>
    </message>
    <message>
        <source>Why you cannot decide</source>
        <translation>Warum Sie nicht entscheiden können</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Delegation id (dlg_…)</source>
        <translation>Vollmacht-ID (dlg_…)</translation>
    </message>
    <message>
        <source>Delegation filter</source>
        <translation>Filter nach Vollmacht</translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation>Filter nach Agent</translation>
    </message>
    <message>
        <source>Event type filter</source>
        <translation>Filter nach Ereignistyp</translation>
    </message>
    <message>
        <source>Export &amp;JSON Lines…</source>
        <translation>Als &amp;JSON Lines exportieren …</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren …</translation>
    </message>
    <message>
        <source>Recompute every event&apos;s hash and link and say whether anything was changed</source>
        <translation>Hash und Verknüpfung jedes Ereignisses neu berechnen und melden, ob etwas verändert wurde</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>Kette &amp;prüfen</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Protokollereignisse</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
    <message>
        <source>Select an event to see every field of it, its chain and its hashes.</source>
        <translation>Wählen Sie ein Ereignis, um alle seine Felder, seine Kette und seine Hashes zu sehen.</translation>
    </message>
    <message>
        <source>Audit log status icon</source>
        <translation>Statussymbol des Prüfprotokolls</translation>
    </message>
    <message>
        <source>Audit log witness</source>
        <translation>Zeugenprüfung des Prüfprotokolls</translation>
    </message>
    <message>
        <source>Prove that the selected event is in the log this console verified, exactly as shown</source>
        <translation>Nachweisen, dass das gewählte Ereignis genau so im Protokoll steht, das diese Konsole geprüft hat</translation>
    </message>
    <message>
        <source>Show &amp;proof</source>
        <translation>&amp;Nachweis zeigen</translation>
    </message>
    <message>
        <source>Proof result</source>
        <translation>Ergebnis des Nachweises</translation>
    </message>
    <message>
        <source>Search: a name, username or id</source>
        <translation>Suche: Name, Benutzername oder ID</translation>
    </message>
    <message>
        <source>Search the trail</source>
        <translation>Protokoll durchsuchen</translation>
    </message>
</context>
<context>
    <name>ConsentReceiptWriter</name>
    <message>
        <source>Consent receipt</source>
        <translation>Einwilligungsbeleg</translation>
    </message>
    <message>
        <source>%1 granted %2 (%3) this authority on %4.</source>
        <translation>%1 hat %2 (%3) diese Befugnis am %4 erteilt.</translation>
    </message>
    <message>
        <source>Delegation %1</source>
        <translation>Delegation %1</translation>
    </message>
    <message>
        <source>What the agent may do</source>
        <translation>Was der Agent tun darf</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <source>When a person must approve</source>
        <translation>Wann ein Mensch zustimmen muss</translation>
    </message>
    <message>
        <source>Never: every request within the limits is allowed without asking.</source>
        <translation>Nie: Jede Anfrage innerhalb der Grenzen ist ohne Rückfrage erlaubt.</translation>
    </message>
    <message>
        <source>How long it lasts and when it ends</source>
        <translation>Wie lange sie gilt und wann sie endet</translation>
    </message>
    <message>
        <source>Usable from %1.</source>
        <translation>Nutzbar ab %1.</translation>
    </message>
    <message>
        <source>Ends at %1 at the latest.</source>
        <translation>Endet spätestens am %1.</translation>
    </message>
    <message>
        <source>It also ends %1.</source>
        <translation>Sie endet auch, %1.</translation>
    </message>
    <message>
        <source>The customer can revoke it at any time; support staff can too.</source>
        <translation>Der Kunde kann sie jederzeit widerrufen, ebenso der Support.</translation>
    </message>
    <message>
        <source>How to check this receipt</source>
        <translation>So lässt sich dieser Beleg prüfen</translation>
    </message>
    <message>
        <source>The grant is event %1 of the verifiable audit log, included in its tree of %2 events. Anyone can check it with the log&apos;s key and the receipt below.</source>
        <translation>Die Erteilung ist Ereignis %1 des überprüfbaren Audit-Logs und in dessen Baum aus %2 Ereignissen enthalten. Jeder kann sie mit dem Schlüssel des Logs und dem Beleg unten prüfen.</translation>
    </message>
    <message>
        <source>Log key:</source>
        <translation>Schlüssel des Logs:</translation>
    </message>
    <message>
        <source>Signed checkpoint:</source>
        <translation>Signierter Checkpoint:</translation>
    </message>
    <message>
        <source>Receipt with its inclusion proof:</source>
        <translation>Beleg mit Inklusionsbeweis:</translation>
    </message>
    <message>
        <source>The verifiable log had not yet sealed this grant in a signed checkpoint; save the receipt again in a moment to include the proof.</source>
        <translation>Das überprüfbare Log hatte diese Erteilung noch nicht in einem signierten Checkpoint versiegelt; speichern Sie den Beleg gleich noch einmal, um den Beweis aufzunehmen.</translation>
    </message>
    <message>
        <source>Written by Mandate on %1.</source>
        <translation>Erstellt von Mandate am %1.</translation>
    </message>
</context>
<context>
    <name>EnforcementPointsPage</name>
    <message>
        <source>Gateways and MCP servers that ask Mandate before they let an agent&apos;s call through (OpenID AuthZEN). Each asks with a token of its own; revoking one refuses its token at once.</source>
        <translation>Gateways und MCP-Server, die Mandate fragen, bevor sie den Aufruf eines Agenten durchlassen (OpenID AuthZEN). Jeder fragt mit einem eigenen Token; wird er widerrufen, wird sein Token sofort abgewiesen.</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Registrieren …</translation>
    </message>
    <message>
        <source>Register an enforcement point</source>
        <translation>Durchsetzungspunkt registrieren</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen …</translation>
    </message>
    <message>
        <source>Revoke the selected enforcement point</source>
        <translation>Gewählten Durchsetzungspunkt widerrufen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Enforcement points</source>
        <translation>Durchsetzungspunkte</translation>
    </message>
</context>
<context>
    <name>EnforcementTokenDialog</name>
    <message>
        <source>Copy this token now and give it to the gateway or MCP server. It will not be shown again: Mandate keeps only a hash of it. If it is lost, revoke this enforcement point and register a new one.</source>
        <translation>Kopieren Sie dieses Token jetzt und geben Sie es dem Gateway oder MCP-Server. Es wird nicht noch einmal angezeigt: Mandate speichert nur einen Hash davon. Geht es verloren, widerrufen Sie diesen Durchsetzungspunkt und registrieren Sie einen neuen.</translation>
    </message>
    <message>
        <source>Shown once</source>
        <translation>Nur einmal angezeigt</translation>
    </message>
    <message>
        <source>&amp;Token (send it as Authorization: Bearer):</source>
        <translation>&amp;Token (als Authorization: Bearer senden):</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>Copy status</source>
        <translation>Kopierstatus</translation>
    </message>
</context>
<context>
    <name>FieldMarker</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>GrantReview</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>make payments from %1</source>
        <translation>Zahlungen von %1 leisten</translation>
    </message>
    <message>
        <source>read data in %1</source>
        <translation>Daten in %1 lesen</translation>
    </message>
    <message>
        <source>export data from %1</source>
        <translation>Daten aus %1 exportieren</translation>
    </message>
    <message>
        <source>update records in %1</source>
        <translation>Datensätze in %1 ändern</translation>
    </message>
    <message>
        <source>delete records in %1</source>
        <translation>Datensätze in %1 löschen</translation>
    </message>
    <message>
        <source>share data from %1 with people outside your organisation</source>
        <translation>Daten aus %1 mit Personen außerhalb Ihrer Organisation teilen</translation>
    </message>
    <message>
        <source>perform “%1” on %2</source>
        <translation>„%1“ auf %2 ausführen</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>data read</source>
        <translation>Datenzugriff</translation>
    </message>
    <message>
        <source>data export</source>
        <translation>Datenexport</translation>
    </message>
    <message>
        <source>record update</source>
        <translation>Datensatzänderung</translation>
    </message>
    <message>
        <source>record deletion</source>
        <translation>Datensatzlöschung</translation>
    </message>
    <message>
        <source>external share</source>
        <translation>externe Weitergabe</translation>
    </message>
    <message>
        <source>“%1” request</source>
        <translation>Anfrage „%1“</translation>
    </message>
    <message>
        <source>public</source>
        <translation>öffentlich</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>vertraulich</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>streng vertraulich</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
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
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>up to %1 each time</source>
        <translation>bis zu %1 pro Vorgang</translation>
    </message>
    <message>
        <source>up to %1 in total</source>
        <translation>bis zu %1 insgesamt</translation>
    </message>
    <message>
        <source>only once</source>
        <translation>nur einmal</translation>
    </message>
    <message>
        <source>at most %1 times</source>
        <translation>höchstens %1-mal</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>only with %1</source>
        <translation>nur mit %1</translation>
    </message>
    <message>
        <source>only to %1</source>
        <translation>nur an %1</translation>
    </message>
    <message>
        <source>only data up to %1 sensitivity</source>
        <translation>nur Daten bis zur Schutzstufe %1</translation>
    </message>
    <message>
        <source>%1, with no further limits.</source>
        <translation>%1, ohne weitere Grenzen.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Nobody is asked to confirm a request before the agent acts.</source>
        <translation>Niemand muss eine Anfrage bestätigen, bevor der Agent handelt.</translation>
    </message>
    <message>
        <source>any request above %1</source>
        <translation>jede Anfrage über %1</translation>
    </message>
    <message>
        <source>any request touching %1 data or anything more sensitive</source>
        <translation>jede Anfrage, die Daten der Stufe %1 oder sensiblere berührt</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>You will be asked to confirm %1.</source>
        <translation>Sie werden gebeten, %1 zu bestätigen.</translation>
    </message>
    <message>
        <source>An approver will be asked to confirm %1.</source>
        <translation>Eine freigabeberechtigte Person wird gebeten, %1 zu bestätigen.</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>jede %1</translation>
    </message>
    <message>
        <source>Two approvers other than you must both agree to %1.</source>
        <translation>Zwei freigabeberechtigte Personen außer Ihnen müssen %1 beide zustimmen.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>The grant ends on %1, %2 from now.</source>
        <translation>Die Vollmacht endet am %1, in %2.</translation>
    </message>
    <message>
        <source>the agent reports the task complete</source>
        <translation>der Agent die Aufgabe als erledigt meldet</translation>
    </message>
    <message>
        <source>the agent does nothing for %1</source>
        <translation>der Agent %1 lang nichts tut</translation>
    </message>
    <message>
        <source>the agent&apos;s context changes, for example its software version</source>
        <translation>sich der Kontext des Agenten ändert, zum Beispiel seine Softwareversion</translation>
    </message>
    <message>
        <source>It ends earlier as soon as %1.</source>
        <translation>Sie endet früher, sobald %1.</translation>
    </message>
    <message>
        <source>, or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>You can revoke it at any time.</source>
        <translation>Sie können sie jederzeit widerrufen.</translation>
    </message>
    <message>
        <source>No total cap on %1</source>
        <translation>Keine Gesamtgrenze für %1</translation>
    </message>
    <message>
        <source>No total cap</source>
        <translation>Keine Gesamtgrenze</translation>
    </message>
    <message>
        <source>%1: the agent may spend up to %2 until %3.</source>
        <translation>%1: Der Agent darf bis %3 bis zu %2 ausgeben.</translation>
    </message>
    <message>
        <source>%1: the agent may spend without limit until %2.</source>
        <translation>%1: Der Agent darf bis %2 unbegrenzt ausgeben.</translation>
    </message>
    <message>
        <source>No per-payment cap: a single payment from %1 may use the whole total of %2.</source>
        <translation>Keine Grenze pro Zahlung: Eine einzelne Zahlung von %1 darf die gesamten %2 ausschöpfen.</translation>
    </message>
    <message>
        <source>No per-payment cap: a single payment from %1 may be of any size.</source>
        <translation>Keine Grenze pro Zahlung: Eine einzelne Zahlung von %1 darf beliebig hoch sein.</translation>
    </message>
    <message>
        <source>No payee allowlist: the agent may pay anyone from %1.</source>
        <translation>Keine Liste erlaubter Empfänger: Der Agent darf von %1 an jeden zahlen.</translation>
    </message>
    <message>
        <source>No recipient allowlist: the agent may share data from %1 with anyone.</source>
        <translation>Keine Liste erlaubter Empfänger: Der Agent darf Daten aus %1 mit jedem teilen.</translation>
    </message>
    <message>
        <source>Restricted data allowed: the agent may handle your most sensitive data in %1.</source>
        <translation>Streng vertrauliche Daten erlaubt: Der Agent darf Ihre sensibelsten Daten in %1 verarbeiten.</translation>
    </message>
    <message>
        <source>No sensitivity ceiling: the agent may handle data of any sensitivity in %1, restricted data included.</source>
        <translation>Keine Obergrenze der Schutzstufe: Der Agent darf Daten jeder Schutzstufe in %1 verarbeiten, auch streng vertrauliche.</translation>
    </message>
    <message>
        <source>Wildcard: %1 covers everything whose name starts with %2.</source>
        <translation>Platzhalter: %1 umfasst alles, dessen Name mit %2 beginnt.</translation>
    </message>
    <message>
        <source>Deletes without a second approver: the agent may delete records in %1 without anyone else agreeing.</source>
        <translation>Löschen ohne zweite Freigabe: Der Agent darf Datensätze in %1 löschen, ohne dass jemand anderes zustimmt.</translation>
    </message>
    <message>
        <source>%1 may act on your behalf for this purpose: “%2”.</source>
        <translation>%1 darf für diesen Zweck in Ihrem Namen handeln: „%2“.</translation>
    </message>
    <message>
        <source>No confirmation on payments: nobody is asked before the agent pays, whatever the amount.</source>
        <translation>Keine Bestätigung bei Zahlungen: Niemand wird gefragt, bevor der Agent zahlt – egal welcher Betrag.</translation>
    </message>
    <message>
        <source>Long lifetime: this grant lasts %1, until %2. A shorter grant is safer; you can always grant again.</source>
        <translation>Lange Laufzeit: Diese Vollmacht gilt %1, bis %2. Eine kürzere Vollmacht ist sicherer; Sie können jederzeit erneut eine erteilen.</translation>
    </message>
    <message>
        <source>only %1 from %2 to %3 (%4 time)</source>
        <translation>nur %1 von %2 bis %3 (Zeitzone %4)</translation>
    </message>
    <message>
        <source>The agent may use it from %1.</source>
        <translation>Der Agent darf sie ab %1 nutzen.</translation>
    </message>
</context>
<context>
    <name>MoneyInput</name>
    <message>
        <source>%1 is not a currency code.</source>
        <translation>%1 ist kein Währungscode.</translation>
    </message>
    <message>
        <source>Enter an amount in digits, such as %1.</source>
        <translation>Geben Sie einen Betrag in Ziffern ein, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>%1 amounts have no decimal places.</source>
        <translation>Beträge in %1 haben keine Nachkommastellen.</translation>
    </message>
    <message>
        <source>%1 amounts have at most 1 decimal place.</source>
        <translation>Beträge in %1 haben höchstens 1 Nachkommastelle.</translation>
    </message>
    <message>
        <source>%1 amounts have at most %2 decimal places.</source>
        <translation>Beträge in %1 haben höchstens %2 Nachkommastellen.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Der Betrag ist zu groß.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The impact could not be counted (%1).</source>
        <translation>Die Auswirkung konnte nicht ermittelt werden (%1).</translation>
    </message>
</context>
<context>
    <name>ReasonConfirmDialog</name>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&amp;Reason (recorded in the audit log):</source>
        <translation>&amp;Begründung (wird im Prüfprotokoll festgehalten):</translation>
    </message>
    <message>
        <source>Reason rule</source>
        <translation>Regel für die Begründung</translation>
    </message>
</context>
<context>
    <name>RegisterEnforcementPointDialog</name>
    <message>
        <source>Register an enforcement point</source>
        <translation>Durchsetzungspunkt registrieren</translation>
    </message>
    <message>
        <source>Name the gateway or MCP server that will ask Mandate before it lets an agent&apos;s call through. The name appears in the audit log with every decision it asks for.</source>
        <translation>Benennen Sie das Gateway oder den MCP-Server, der Mandate fragt, bevor er den Aufruf eines Agenten durchlässt. Der Name steht im Prüfprotokoll bei jeder Entscheidung, die er erfragt.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>For example: Payments API gateway (production)</source>
        <translation>Zum Beispiel: API-Gateway Zahlungen (Produktion)</translation>
    </message>
    <message>
        <source>Name error</source>
        <translation>Fehler im Namen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>ScopeDraft</name>
    <message>
        <source>%1 is not a currency code.</source>
        <translation>%1 ist kein Währungscode.</translation>
    </message>
    <message>
        <source>Pay money from an account. Set how much each payment and all payments together may be, and list the payees it may pay (one per line, such as payee:lufthansa).</source>
        <translation>Geld von einem Konto zahlen. Legen Sie fest, wie hoch jede Zahlung und alle Zahlungen zusammen sein dürfen, und nennen Sie die erlaubten Zahlungsempfänger (einer pro Zeile, z. B. payee:lufthansa).</translation>
    </message>
    <message>
        <source>Read data without taking a copy out.</source>
        <translation>Daten lesen, ohne eine Kopie mitzunehmen.</translation>
    </message>
    <message>
        <source>Take a copy of data out, such as a CSV download. Cap how sensitive the data may be.</source>
        <translation>Eine Kopie der Daten mitnehmen, etwa als CSV-Download. Begrenzen Sie, wie sensibel die Daten sein dürfen.</translation>
    </message>
    <message>
        <source>Change existing records.</source>
        <translation>Vorhandene Datensätze ändern.</translation>
    </message>
    <message>
        <source>Delete records for good. Consider requiring two approvers on the next page.</source>
        <translation>Datensätze endgültig löschen. Erwägen Sie, auf der nächsten Seite zwei Freigaben zu verlangen.</translation>
    </message>
    <message>
        <source>Send data to people or systems outside your organisation. List the recipients it may share with (one per line, such as recipient:partner-agency).</source>
        <translation>Daten an Personen oder Systeme außerhalb Ihrer Organisation senden. Nennen Sie die erlaubten Empfänger (einer pro Zeile, z. B. recipient:partner-agency).</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Data export</source>
        <translation>Datenexport</translation>
    </message>
    <message>
        <source>Deletes</source>
        <translation>Löschungen</translation>
    </message>
    <message>
        <source>External sharing</source>
        <translation>Externe Weitergabe</translation>
    </message>
    <message>
        <source>New scope</source>
        <translation>Neue Befugnis</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>is a count of uses: type it without separators (1000, not 1,000). Amounts go in the fields above.</source>
        <translation>ist eine Anzahl von Nutzungen: Geben Sie sie ohne Trennzeichen ein (1000, nicht 1.000). Beträge gehören in die Felder darüber.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Mandate</source>
        <translation>Bei Mandate anmelden</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Mandate&lt;/h2&gt;&lt;p&gt;Govern what AI agents may do on your behalf.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Mandate&lt;/h2&gt;&lt;p&gt;Bestimmen Sie, was KI-Agenten in Ihrem Namen tun dürfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>https://mandate.example.com</source>
        <translation>https://mandate.example.com</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Start a local &amp;sandbox</source>
        <translation>Lokale Sand&amp;box starten</translation>
    </message>
    <message>
        <source>Runs mandate-server with a demo organisation on this computer and signs in to it.</source>
        <translation>Startet mandate-server mit einer Demo-Organisation auf diesem Computer und meldet Sie dort an.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Choose a person to fill in the username and password.</source>
        <translation>Wählen Sie eine Person, um Benutzername und Passwort einzutragen.</translation>
    </message>
    <message>
        <source>Demo people</source>
        <translation>Demo-Personen</translation>
    </message>
</context>
<context>
    <name>SignalsPage</name>
    <message>
        <source>Shared signals summary</source>
        <translation>Zusammenfassung der Sicherheitssignale</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Send &amp;verification event</source>
        <translation>&amp;Prüfereignis senden</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Shared signals streams</source>
        <translation>Signalströme</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Letzte Aktion</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Mandate console: govern what AI agents may do.</source>
        <translation>Mandate-Konsole: bestimmen, was KI-Agenten tun dürfen.</translation>
    </message>
    <message>
        <source>The mandate-server to sign in to.</source>
        <translation>Der mandate-server, bei dem Sie sich anmelden.</translation>
    </message>
</context>
<context>
    <name>mandate::client::ApiJob</name>
    <message>
        <source>The answer to %1 %2 is not a JSON object.</source>
        <translation>Die Antwort auf %1 %2 ist kein JSON-Objekt.</translation>
    </message>
</context>
<context>
    <name>mandate::client::ConsoleSession</name>
    <message>
        <source>The server&apos;s sign-in answer has no session.</source>
        <translation>Die Anmeldeantwort des Servers enthält keine Sitzung.</translation>
    </message>
</context>
<context>
    <name>mandate::client::LogWitness</name>
    <message>
        <source>The console could not keep the checkpoint in %1.</source>
        <translation>Die Konsole konnte den Checkpoint nicht in %1 speichern.</translation>
    </message>
</context>
<context>
    <name>mandate::client::SandboxLauncher</name>
    <message>
        <source>mandate-server was not found next to the console or on PATH.</source>
        <translation>mandate-server wurde weder neben der Konsole noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>mandate-server could not be started: %1</source>
        <translation>mandate-server konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>mandate-server stopped before it was ready (exit code %1); see %2.</source>
        <translation>mandate-server wurde beendet, bevor er bereit war (Exit-Code %1); siehe %2.</translation>
    </message>
</context>
<context>
    <name>mandate::models::AgentListModel</name>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>SPIFFE ID</source>
        <translation>SPIFFE-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>mandate::models::ApprovalFormatter</name>
    <message>
        <source>Step-up</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>Dual control</source>
        <translation>Vier-Augen-Prinzip</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>The amount is above the delegation&apos;s step-up threshold</source>
        <translation>Der Betrag liegt über der Bestätigungsschwelle der Vollmacht</translation>
    </message>
    <message>
        <source>The data is sensitive enough to need a confirmation</source>
        <translation>Die Daten sind so sensibel, dass eine Bestätigung nötig ist</translation>
    </message>
    <message>
        <source>The amount is above the delegation&apos;s dual-control threshold</source>
        <translation>Der Betrag liegt über der Vier-Augen-Schwelle der Vollmacht</translation>
    </message>
    <message>
        <source>This action always needs two approvers</source>
        <translation>Diese Aktion braucht immer zwei Freigaben</translation>
    </message>
    <message>
        <source>%1:%2 left</source>
        <translation>noch %1:%2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>Approved by %1 %2</source>
        <translation>Freigegeben von %1 %2</translation>
    </message>
    <message>
        <source>Denied by %1 %2</source>
        <translation>Abgelehnt von %1 %2</translation>
    </message>
    <message>
        <source>1 more approval needed</source>
        <translation>noch 1 Freigabe nötig</translation>
    </message>
    <message>
        <source>%1 more approvals needed</source>
        <translation>noch %1 Freigaben nötig</translation>
    </message>
    <message>
        <source>Waiting for 1 approval</source>
        <translation>Wartet auf 1 Freigabe</translation>
    </message>
    <message>
        <source>%1 of %2 approvals</source>
        <translation>%1 von %2 Freigaben</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy asks a person to confirm this</source>
        <translation>Die Richtlinie Ihrer Organisation verlangt, dass eine Person dies bestätigt</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow this</source>
        <translation>Die Richtlinie Ihrer Organisation erlaubt dies nicht</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy engine could not be asked, so this was refused</source>
        <translation>Die Richtlinien-Engine Ihrer Organisation war nicht erreichbar, daher wurde dies abgelehnt</translation>
    </message>
</context>
<context>
    <name>mandate::models::ApprovalListModel</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Läuft ab in</translation>
    </message>
</context>
<context>
    <name>mandate::models::AuditFormatter</name>
    <message>
        <source> to %1</source>
        <translation> an %1</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <source>Mandate</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <source>Allowed: %1 (%2)</source>
        <translation>Erlaubt: %1 (%2)</translation>
    </message>
    <message>
        <source>Denied: %1 (%2)</source>
        <translation>Abgelehnt: %1 (%2)</translation>
    </message>
    <message>
        <source>A person must approve: %1 (%2)</source>
        <translation>Eine Person muss freigeben: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 may act for %2: %3</source>
        <translation>%1 darf für %2 handeln: %3</translation>
    </message>
    <message>
        <source>Event %1 at %2</source>
        <translation>Ereignis %1 am %2</translation>
    </message>
    <message>
        <source>Type: %1 (%2)</source>
        <translation>Typ: %1 (%2)</translation>
    </message>
    <message>
        <source>Actor: %1 (%2 %3)</source>
        <translation>Handelnd: %1 (%2 %3)</translation>
    </message>
    <message>
        <source>Delegation: %1</source>
        <translation>Vollmacht: %1</translation>
    </message>
    <message>
        <source>Chain: %1</source>
        <translation>Kette: %1</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <source>Previous hash: %1</source>
        <translation>Vorheriger Hash: %1</translation>
    </message>
    <message>
        <source>Hash: %1</source>
        <translation>Hash: %1</translation>
    </message>
    <message>
        <source>Delegation granted</source>
        <translation>Vollmacht erteilt</translation>
    </message>
    <message>
        <source>Delegation revoked</source>
        <translation>Vollmacht widerrufen</translation>
    </message>
    <message>
        <source>Delegation expired</source>
        <translation>Vollmacht abgelaufen</translation>
    </message>
    <message>
        <source>Task completed</source>
        <translation>Aufgabe erledigt</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Approval requested</source>
        <translation>Freigabe angefordert</translation>
    </message>
    <message>
        <source>Approval decided</source>
        <translation>Über Freigabe entschieden</translation>
    </message>
    <message>
        <source>Approval expired</source>
        <translation>Freigabe abgelaufen</translation>
    </message>
    <message>
        <source>Credential issued</source>
        <translation>Berechtigungsnachweis ausgestellt</translation>
    </message>
    <message>
        <source>Agent registered</source>
        <translation>Agent registriert</translation>
    </message>
    <message>
        <source>Agent suspended</source>
        <translation>Agent gesperrt</translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Refused: %1 under delegation %2, which this agent does not hold</source>
        <translation>Verweigert: %1 unter Vollmacht %2, die dieser Agent nicht hält</translation>
    </message>
    <message>
        <source>a request</source>
        <translation>eine Anfrage</translation>
    </message>
    <message>
        <source>Approval cancelled</source>
        <translation>Freigabe storniert</translation>
    </message>
    <message>
        <source>Agent reinstated</source>
        <translation>Agent wieder zugelassen</translation>
    </message>
    <message>
        <source>Sign-in unlocked</source>
        <translation>Anmeldung entsperrt</translation>
    </message>
    <message>
        <source>%1 may act for %2</source>
        <translation>%1 darf für %2 handeln</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>den Kunden</translation>
    </message>
    <message>
        <source>the approvers</source>
        <translation>die Freigabeberechtigten</translation>
    </message>
    <message>
        <source>Asked %1 to approve</source>
        <translation>%1 um Freigabe gebeten</translation>
    </message>
    <message>
        <source>Asked %1 to approve: %2</source>
        <translation>%1 um Freigabe gebeten: %2</translation>
    </message>
    <message>
        <source>Cancelled: the delegation stopped being active (%1)</source>
        <translation>Storniert: Die Vollmacht ist nicht mehr aktiv (%1)</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Freigegeben: %1</translation>
    </message>
    <message>
        <source>Denied: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>mandate::models::AuditListModel</name>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Vollmacht</translation>
    </message>
    <message>
        <source>This event does not verify: it, or the link to it, was changed after it was written.</source>
        <translation>Dieses Ereignis lässt sich nicht bestätigen: Es oder die Verknüpfung zu ihm wurde nach dem Schreiben verändert.</translation>
    </message>
</context>
<context>
    <name>mandate::models::DecisionListModel</name>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Step-up requested</source>
        <translation>Bestätigung angefordert</translation>
    </message>
    <message>
        <source>Dual control requested</source>
        <translation>Vier-Augen-Freigabe angefordert</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Denied by your organisation&apos;s policy</source>
        <translation>Von der Richtlinie Ihrer Organisation abgelehnt</translation>
    </message>
    <message>
        <source>Denied: your organisation&apos;s policy engine could not be asked</source>
        <translation>Abgelehnt: Die Richtlinien-Engine Ihrer Organisation war nicht erreichbar</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>%1 identical decisions from %2 to %3</source>
        <translation>%1 gleiche Entscheidungen von %2 bis %3</translation>
    </message>
</context>
<context>
    <name>mandate::models::DelegationFormatter</name>
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
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2 uses</source>
        <translation>%1 von %2 Nutzungen</translation>
    </message>
    <message>
        <source>%1 spent, no total cap</source>
        <translation>%1 ausgegeben, keine Gesamtgrenze</translation>
    </message>
    <message>
        <source>Used once, no cap</source>
        <translation>Einmal genutzt, keine Grenze</translation>
    </message>
    <message>
        <source>Used %1 times, no cap</source>
        <translation>%1-mal genutzt, keine Grenze</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>Noch nicht genutzt</translation>
    </message>
    <message>
        <source>up to %1 per action</source>
        <translation>bis zu %1 pro Aktion</translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 insgesamt</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <source>at most %1 times</source>
        <translation>höchstens %1-mal</translation>
    </message>
    <message>
        <source>only to %1</source>
        <translation>nur an %1</translation>
    </message>
    <message>
        <source>data up to %1</source>
        <translation>Daten bis %1</translation>
    </message>
    <message>
        <source>no limits</source>
        <translation>keine Grenzen</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>der Kunde</translation>
    </message>
    <message>
        <source>an approver</source>
        <translation>eine freigabeberechtigte Person</translation>
    </message>
    <message>
        <source>Above %1, %2 must confirm.</source>
        <translation>Über %1 muss %2 bestätigen.</translation>
    </message>
    <message>
        <source>For %1 data or more, %2 must confirm.</source>
        <translation>Bei Daten der Stufe %1 oder höher muss %2 bestätigen.</translation>
    </message>
    <message>
        <source>Above %1, two approvers must approve.</source>
        <translation>Über %1 müssen zwei Personen freigeben.</translation>
    </message>
    <message>
        <source>%1 always need two approvers.</source>
        <translation>%1 brauchen immer zwei Freigaben.</translation>
    </message>
    <message>
        <source>when the agent reports the task complete</source>
        <translation>wenn der Agent die Aufgabe als erledigt meldet</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>after %1 without use</source>
        <translation>nach %1 ohne Nutzung</translation>
    </message>
    <message>
        <source>when the agent&apos;s context changes (e.g. a new agent version)</source>
        <translation>wenn sich der Kontext des Agenten ändert (z. B. eine neue Agentenversion)</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Abgelaufen %1</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Read data</source>
        <translation>Daten lesen</translation>
    </message>
    <message>
        <source>Data export</source>
        <translation>Datenexport</translation>
    </message>
    <message>
        <source>Update records</source>
        <translation>Datensätze ändern</translation>
    </message>
    <message>
        <source>Delete records</source>
        <translation>Datensätze löschen</translation>
    </message>
    <message>
        <source>External sharing</source>
        <translation>Externe Weitergabe</translation>
    </message>
    <message>
        <source>in less than a minute</source>
        <translation>in weniger als einer Minute</translation>
    </message>
    <message>
        <source>less than a minute ago</source>
        <translation>vor weniger als einer Minute</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>in %1 Min.</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 Min.</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>in %1 Std.</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 Std.</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>in %1 Tagen</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <source>only %1, %2–%3 (%4 time)</source>
        <translation>nur %1, %2–%3 (Zeitzone %4)</translation>
    </message>
    <message>
        <source>%1 always needs two approvers.</source>
        <translation>%1 braucht immer zwei Freigaben.</translation>
    </message>
</context>
<context>
    <name>mandate::models::DelegationListModel</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Spent of limit</source>
        <translation>Verbraucht von Grenze</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
</context>
<context>
    <name>mandate::models::EnforcementPointListModel</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>It has not asked Mandate for a decision yet.</source>
        <translation>Er hat Mandate noch nie nach einer Entscheidung gefragt.</translation>
    </message>
    <message>
        <source>Revoked on %1; its token is refused.</source>
        <translation>Widerrufen am %1; sein Token wird abgewiesen.</translation>
    </message>
    <message>
        <source>Its token is accepted.</source>
        <translation>Sein Token wird angenommen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>mandate::models::FoldedAuditModel</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>%1 identical decisions, %2; each is in the trail and in the export.</source>
        <translation>%1 gleiche Entscheidungen, %2; jede steht im Prüfprotokoll und im Export.</translation>
    </message>
    <message>
        <source>This row stands for %1 identical decisions (events %2 to %3, %4). Each is in the audit trail and in the export; below is the newest.</source>
        <translation>Diese Zeile steht für %1 gleiche Entscheidungen (Ereignisse %2 bis %3, %4). Jede steht im Prüfprotokoll und im Export; unten steht die neueste.</translation>
    </message>
</context>
<context>
    <name>mandate::models::LogWitnessFormatter</name>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>the checkpoint is not a well-formed signed note</source>
        <translation>der Checkpoint ist keine wohlgeformte signierte Notiz</translation>
    </message>
    <message>
        <source>the log&apos;s key is not a well-formed Ed25519 verifier key</source>
        <translation>der Schlüssel des Protokolls ist kein wohlgeformter Ed25519-Prüfschlüssel</translation>
    </message>
    <message>
        <source>the checkpoint is not signed by the log&apos;s key</source>
        <translation>der Checkpoint ist nicht mit dem Schlüssel des Protokolls signiert</translation>
    </message>
    <message>
        <source>a signature in the name of the log&apos;s key does not verify</source>
        <translation>eine Signatur im Namen des Protokollschlüssels ist ungültig</translation>
    </message>
    <message>
        <source>the signed text is not a checkpoint (origin, tree size, root hash)</source>
        <translation>der signierte Text ist kein Checkpoint (Herkunft, Baumgröße, Wurzel-Hash)</translation>
    </message>
    <message>
        <source>the checkpoint names another log than its key</source>
        <translation>der Checkpoint nennt ein anderes Protokoll als sein Schlüssel</translation>
    </message>
    <message>
        <source>the proof is malformed</source>
        <translation>der Nachweis ist fehlerhaft aufgebaut</translation>
    </message>
    <message>
        <source>the event is not inside the checkpoint&apos;s tree</source>
        <translation>das Ereignis liegt nicht im Baum des Checkpoints</translation>
    </message>
    <message>
        <source>the proof is for another tree size than the checkpoint</source>
        <translation>der Nachweis gilt für eine andere Baumgröße als der Checkpoint</translation>
    </message>
    <message>
        <source>the inclusion proof does not lead to the checkpoint&apos;s root</source>
        <translation>der Einschlussnachweis führt nicht zur Wurzel des Checkpoints</translation>
    </message>
    <message>
        <source>the new checkpoint does not extend the one verified before</source>
        <translation>der neue Checkpoint setzt den zuvor geprüften nicht fort</translation>
    </message>
    <message>
        <source>the new checkpoint has fewer events than the one verified before</source>
        <translation>der neue Checkpoint hat weniger Ereignisse als der zuvor geprüfte</translation>
    </message>
    <message>
        <source>the event does not hash to the leaf the proof is about</source>
        <translation>der Hash des Ereignisses passt nicht zum Blatt des Nachweises</translation>
    </message>
    <message>
        <source>the receipt is not a Mandate receipt</source>
        <translation>der Beleg ist kein Mandate-Beleg</translation>
    </message>
    <message>
        <source>Checking the audit log&apos;s signed checkpoint…</source>
        <translation>Der signierte Checkpoint des Prüfprotokolls wird geprüft …</translation>
    </message>
    <message>
        <source>✔ Log verified: append-only since %1 (%2 events). This is the first checkpoint this console keeps of this server; every later one must extend it.</source>
        <translation>✔ Protokoll geprüft: seit %1 nur ergänzt (%2 Ereignisse). Dies ist der erste Checkpoint, den diese Konsole von diesem Server aufbewahrt; jeder spätere muss ihn fortsetzen.</translation>
    </message>
    <message>
        <source>✔ Log verified: append-only since %1 (%2 events)</source>
        <translation>✔ Protokoll geprüft: seit %1 nur ergänzt (%2 Ereignisse)</translation>
    </message>
    <message>
        <source>✘ The server&apos;s log key changed: it now signs with %1, but this console has trusted %2 since %3 (%4). The new checkpoint is not accepted.</source>
        <translation>✘ Der Protokollschlüssel des Servers hat sich geändert: Er signiert jetzt mit %1, diese Konsole vertraut aber seit %3 dem Schlüssel %2 (%4). Der neue Checkpoint wird nicht übernommen.</translation>
    </message>
    <message>
        <source>✘ The server&apos;s checkpoint does not verify: %1.</source>
        <translation>✘ Der Checkpoint des Servers ist ungültig: %1.</translation>
    </message>
    <message>
        <source>✘ The server&apos;s audit history changed: %1. This console verified %2 events of it by %3 and does not accept the new checkpoint.</source>
        <translation>✘ Die Protokollgeschichte des Servers wurde verändert: %1. Diese Konsole hat bis %3 %2 Ereignisse davon geprüft und übernimmt den neuen Checkpoint nicht.</translation>
    </message>
    <message>
        <source>✘ The server&apos;s checkpoint does not verify: %1. This console keeps the %2 events it verified by %3.</source>
        <translation>✘ Der Checkpoint des Servers ist ungültig: %1. Diese Konsole behält die %2 Ereignisse, die sie bis %3 geprüft hat.</translation>
    </message>
    <message>
        <source>The audit log could not be checked: %1</source>
        <translation>Das Prüfprotokoll konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>The audit log could not be checked: %1 Last verified: %2 events by %3.</source>
        <translation>Das Prüfprotokoll konnte nicht geprüft werden: %1 Zuletzt geprüft: %2 Ereignisse bis %3.</translation>
    </message>
    <message>
        <source>Log %1, trusted since %2 with the key %3; the checkpoint kept is of %4 events, verified %5.</source>
        <translation>Protokoll %1, vertraut seit %2 mit dem Schlüssel %3; der aufbewahrte Checkpoint umfasst %4 Ereignisse, geprüft %5.</translation>
    </message>
    <message>
        <source>The proof of event %1 could not be fetched: %2</source>
        <translation>Der Nachweis für Ereignis %1 konnte nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <source>Event %1 is not yet in a signed checkpoint — try again in a second.</source>
        <translation>Ereignis %1 ist noch in keinem signierten Checkpoint – versuchen Sie es in einer Sekunde erneut.</translation>
    </message>
    <message>
        <source>✘ Event %1 cannot be proven: the log itself does not verify (%2).</source>
        <translation>✘ Ereignis %1 lässt sich nicht nachweisen: Das Protokoll selbst ist ungültig (%2).</translation>
    </message>
    <message>
        <source>✘ Event %1 is not proven: %2.</source>
        <translation>✘ Ereignis %1 ist nicht nachgewiesen: %2.</translation>
    </message>
    <message>
        <source>✔ Event %1 is in the log, exactly as shown: leaf %2 of the %3-event checkpoint this console verified (audit path length %4).</source>
        <translation>✔ Ereignis %1 steht genau so im Protokoll: Blatt %2 des von dieser Konsole geprüften Checkpoints mit %3 Ereignissen (Länge des Prüfpfads %4).</translation>
    </message>
</context>
<context>
    <name>mandate::models::SignalStreamModel</name>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Abgeschaltet</translation>
    </message>
    <message>
        <source>Next attempt %1</source>
        <translation>Nächster Versuch %1</translation>
    </message>
    <message>
        <source>%1 (revoked)</source>
        <translation>%1 (widerrufen)</translation>
    </message>
    <message>
        <source>Push to %1</source>
        <translation>Push an %1</translation>
    </message>
    <message>
        <source>Poll</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Strom</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Delivered (24 h)</source>
        <translation>Zugestellt (24 h)</translation>
    </message>
    <message>
        <source>Failing since</source>
        <translation>Fehlschläge seit</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>mandate::ui::AgentListProxy</name>
    <message>
        <source>%1 — suspended, cannot receive new grants</source>
        <translation>%1 – gesperrt, kann keine neuen Vollmachten erhalten</translation>
    </message>
    <message>
        <source>%1 is suspended. A suspended agent cannot be given new authority until support reactivates it.</source>
        <translation>%1 ist gesperrt. Ein gesperrter Agent kann keine neuen Befugnisse erhalten, bis der Support ihn wieder freischaltet.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::AgentPage</name>
    <message>
        <source>Which agent?</source>
        <translation>Welcher Agent?</translation>
    </message>
    <message>
        <source>Choose the AI agent that may act on your behalf. It gets only the authority you set up on the next pages.</source>
        <translation>Wählen Sie den KI-Agenten, der in Ihrem Namen handeln darf. Er erhält nur die Befugnisse, die Sie auf den nächsten Seiten festlegen.</translation>
    </message>
    <message>
        <source>&amp;Agent:</source>
        <translation>&amp;Agent:</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Select an agent to continue. Suspended agents are listed but cannot receive new grants.</source>
        <translation>Wählen Sie einen Agenten, um fortzufahren. Gesperrte Agenten werden angezeigt, können aber keine neuen Vollmachten erhalten.</translation>
    </message>
    <message>
        <source>Workload identity: %1</source>
        <translation>Workload-Identität: %1</translation>
    </message>
</context>
<context>
    <name>mandate::ui::AgentsPage</name>
    <message>
        <source>The server is not reachable; this needs it.</source>
        <translation>Der Server ist nicht erreichbar; dafür wird er benötigt.</translation>
    </message>
    <message>
        <source>Select an agent first.</source>
        <translation>Wählen Sie zuerst einen Agenten.</translation>
    </message>
    <message>
        <source>%1 is already suspended.</source>
        <translation>%1 ist bereits gesperrt.</translation>
    </message>
    <message>
        <source>Revoke every active delegation of %1 and refuse it from now on</source>
        <translation>Alle aktiven Vollmachten von %1 widerrufen und ihn ab sofort abweisen</translation>
    </message>
    <message>
        <source>&amp;Authority…</source>
        <translation>&amp;Befugnisse…</translation>
    </message>
    <message>
        <source>Everything the selected agent can still do, through which chains, and how it grew</source>
        <translation>Alles, was der gewählte Agent noch tun kann, über welche Ketten, und wie das gewachsen ist</translation>
    </message>
    <message>
        <source>%1 is not suspended.</source>
        <translation>%1 ist nicht gesperrt.</translation>
    </message>
    <message>
        <source>Let %1 act again; its revoked delegations stay revoked</source>
        <translation>%1 wieder handeln lassen; seine widerrufenen Vollmachten bleiben widerrufen</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ApprovalDetailPane</name>
    <message>
        <source>%1 request from %2</source>
        <translation>%1-Anfrage von %2</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Schutzstufe</translation>
    </message>
    <message>
        <source>Agent identity</source>
        <translation>Agentenidentität</translation>
    </message>
    <message>
        <source>Why it needs a person: %1.</source>
        <translation>Warum eine Person entscheiden muss: %1.</translation>
    </message>
    <message>
        <source>Nobody has decided yet.</source>
        <translation>Noch hat niemand entschieden.</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
    <message>
        <source>Select a request first.</source>
        <translation>Wählen Sie zuerst eine Anfrage.</translation>
    </message>
    <message>
        <source>Your decision is on its way to the server.</source>
        <translation>Ihre Entscheidung wird an den Server gesendet.</translation>
    </message>
    <message>
        <source>Approve (Ctrl+Return)</source>
        <translation>Freigeben (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Deny with a reason (Ctrl+D)</source>
        <translation>Mit Begründung ablehnen (Strg+D)</translation>
    </message>
    <message>
        <source>Consent receipt of the grant (%1)</source>
        <translation>Einwilligungsbeleg der Erteilung (%1)</translation>
    </message>
    <message>
        <source>Receipt of the decision: %1</source>
        <translation>Beleg der Entscheidung: %1</translation>
    </message>
    <message>
        <source>Approve &amp;less…</source>
        <translation>&amp;Weniger genehmigen…</translation>
    </message>
    <message>
        <source>Approve a lower amount than the agent asked for</source>
        <translation>Einen niedrigeren Betrag genehmigen, als der Agent erbeten hat</translation>
    </message>
    <message>
        <source>This request names no amount to lower.</source>
        <translation>Diese Anfrage nennt keinen Betrag, der sich senken ließe.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Cancelled: its delegation is no longer active, so there is nothing left to decide.</source>
        <translation>Storniert: Die Vollmacht ist nicht mehr aktiv, es gibt nichts mehr zu entscheiden.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ApprovalsPage</name>
    <message>
        <source>Approval requests</source>
        <translation>Freigabeanfragen</translation>
    </message>
    <message>
        <source>Dual control</source>
        <translation>Vier-Augen-Prinzip</translation>
    </message>
    <message>
        <source>Waiting for 1 approval</source>
        <translation>Wartet auf 1 Freigabe</translation>
    </message>
    <message>
        <source>14:59 left</source>
        <translation>noch 14:59</translation>
    </message>
    <message>
        <source>Could not load the approval requests: %1</source>
        <translation>Die Freigabeanfragen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Jede Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Could not open the request: %1</source>
        <translation>Die Anfrage konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approve this request?&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Diese Anfrage freigeben?&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deny this request?&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Diese Anfrage ablehnen?&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>Approve request</source>
        <translation>Anfrage freigeben</translation>
    </message>
    <message>
        <source>Deny request</source>
        <translation>Anfrage ablehnen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>The decision could not be saved on this computer: %1</source>
        <translation>Die Entscheidung konnte auf diesem Computer nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Sending your decision…</source>
        <translation>Ihre Entscheidung wird gesendet …</translation>
    </message>
    <message>
        <source>Your decision is recorded. %1.</source>
        <translation>Ihre Entscheidung ist festgehalten. %1.</translation>
    </message>
    <message>
        <source>Your decision was not accepted: %1</source>
        <translation>Ihre Entscheidung wurde nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Someone else was first: this request is already %1.</source>
        <translation>Jemand anderes war schneller: Diese Anfrage ist bereits %1.</translation>
    </message>
    <message>
        <source>Your decision is saved and will be sent when the server can take it (%1).</source>
        <translation>Ihre Entscheidung ist gespeichert und wird gesendet, sobald der Server sie annehmen kann (%1).</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>mandate::ui::AuditPage</name>
    <message>
        <source>Any event</source>
        <translation>Jedes Ereignis</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Jeder Agent</translation>
    </message>
    <message>
        <source>Verifying every event of the audit chain…</source>
        <translation>Alle Ereignisse der Protokollkette werden geprüft …</translation>
    </message>
    <message>
        <source>✔ Intact: all %1 events are linked and unchanged since they were written.</source>
        <translation>✔ Intakt: Alle %1 Ereignisse sind verknüpft und seit dem Schreiben unverändert.</translation>
    </message>
    <message>
        <source>✘ Broken at event %1: it, or the link to it, was changed or removed after it was written. Events before it (of %2) verify.</source>
        <translation>✘ Unterbrochen bei Ereignis %1: Es oder die Verknüpfung dazu wurde nach dem Schreiben verändert oder entfernt. Die Ereignisse davor (von %2) sind in Ordnung.</translation>
    </message>
    <message>
        <source>The chain could not be verified: %1</source>
        <translation>Die Kette konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Export the audit events</source>
        <translation>Protokollereignisse exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting the audit events…</source>
        <translation>Protokollereignisse werden exportiert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting the audit events… %1</source>
        <translation>Protokollereignisse werden exportiert … %1</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Proving event %1 against the checkpoint this console verified…</source>
        <translation>Ereignis %1 wird gegen den von dieser Konsole geprüften Checkpoint nachgewiesen …</translation>
    </message>
    <message>
        <source>Let %1 sign in again at once, from anywhere</source>
        <translation>%1 sofort wieder anmelden lassen, von überall</translation>
    </message>
    <message>
        <source>Select an event a person did first.</source>
        <translation>Wählen Sie zuerst ein Ereignis, das eine Person ausgelöst hat.</translation>
    </message>
    <message>
        <source>&amp;Unlock sign-in</source>
        <translation>Anmeldung &amp;entsperren</translation>
    </message>
    <message>
        <source>%1 can sign in again: their failed attempts are forgotten, from every address.</source>
        <translation>%1 kann sich wieder anmelden: Die Fehlversuche sind vergessen, von jeder Adresse.</translation>
    </message>
    <message>
        <source>Sign-in could not be unlocked: %1</source>
        <translation>Die Anmeldung konnte nicht entsperrt werden: %1</translation>
    </message>
    <message>
        <source>No events match these filters. Search takes names, usernames and ids; clear a filter to see more.</source>
        <translation>Keine Ereignisse passen zu diesen Filtern. Die Suche nimmt Namen, Benutzernamen und IDs; entfernen Sie einen Filter, um mehr zu sehen.</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>Noch keine Ereignisse.</translation>
    </message>
    <message>
        <source>✘ This event does not verify: its hash, or the link from the event before it, no longer matches what was written. It, or the link to it, was changed or removed afterwards.</source>
        <translation>✘ Dieses Ereignis lässt sich nicht bestätigen: Sein Hash oder die Verknüpfung vom vorigen Ereignis stimmt nicht mehr mit dem Geschriebenen überein. Es oder die Verknüpfung zu ihm wurde nachträglich verändert oder entfernt.</translation>
    </message>
    <message>
        <source>Sign-in &amp;throttles…</source>
        <translation>&amp;Gesperrte Anmeldungen…</translation>
    </message>
</context>
<context>
    <name>mandate::ui::AuthorityPage</name>
    <message>
        <source>any amount</source>
        <translation>beliebiger Betrag</translation>
    </message>
    <message numerus="yes">
        <source>%n more time(s)</source>
        <translation>
            <numerusform>noch %n Mal</numerusform>
            <numerusform>noch %n Mal</numerusform>
        </translation>
    </message>
    <message>
        <source>any number of times</source>
        <translation>beliebig oft</translation>
    </message>
    <message>
        <source>%1 left, %2</source>
        <translation>noch %1, %2</translation>
    </message>
    <message>
        <source>Authority of %1</source>
        <translation>Befugnisse von %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Delegations reaching the agent</source>
        <translation>Delegationen, die den Agenten erreichen</translation>
    </message>
    <message>
        <source>Chain and scope</source>
        <translation>Kette und Umfang</translation>
    </message>
    <message>
        <source>Still possible</source>
        <translation>Noch möglich</translation>
    </message>
    <message>
        <source>Value left per action and resource</source>
        <translation>Verbleibender Wert je Aktion und Ressource</translation>
    </message>
    <message>
        <source>Active delegations, and grants in 30 days</source>
        <translation>Aktive Delegationen und Erteilungen in 30 Tagen</translation>
    </message>
    <message>
        <source>Could not load the authority: %1</source>
        <translation>Die Befugnisse konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>⚠ Its authority has spread: %1 active delegations now, %2 a month ago.</source>
        <translation>⚠ Seine Befugnisse haben sich ausgebreitet: jetzt %1 aktive Delegationen, vor einem Monat %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n active delegation(s) reach this agent now. </source>
        <translation>
            <numerusform>%n aktive Delegation erreicht diesen Agenten jetzt. </numerusform>
            <numerusform>%n aktive Delegationen erreichen diesen Agenten jetzt. </numerusform>
        </translation>
    </message>
    <message>
        <source>Granted in the last 30 days: %1. Passed on by it: %2.</source>
        <translation>In den letzten 30 Tagen erteilt: %1. Von ihm weitergegeben: %2.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>depth %1</source>
        <translation>Tiefe %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Value left</source>
        <translation>Verbleibender Wert</translation>
    </message>
    <message>
        <source>Active delegations</source>
        <translation>Aktive Delegationen</translation>
    </message>
    <message>
        <source>A month ago</source>
        <translation>Vor einem Monat</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>New grants</source>
        <translation>Neue Erteilungen</translation>
    </message>
    <message>
        <source>Spent per day and delegation</source>
        <translation>Ausgaben pro Tag und Delegation</translation>
    </message>
    <message>
        <source>Grants per day</source>
        <translation>Erteilungen pro Tag</translation>
    </message>
    <message>
        <source>Spent per day and delegation: nothing in the last 30 days</source>
        <translation>Ausgaben pro Tag und Delegation: keine in den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>short date on a chart axis</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Erteilungen</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Retry &amp;now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <source>The server cannot be reached. What you see may be out of date; changes are disabled. Retrying in %n s.</source>
        <translation>
            <numerusform>Der Server ist nicht erreichbar. Die Anzeige ist eventuell veraltet; Änderungen sind gesperrt. Neuer Versuch in %n s.</numerusform>
            <numerusform>Der Server ist nicht erreichbar. Die Anzeige ist eventuell veraltet; Änderungen sind gesperrt. Neuer Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server cannot be reached. Retrying…</source>
        <translation>Der Server ist nicht erreichbar. Neuer Versuch …</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ConsoleController</name>
    <message>
        <source>You are signed out.</source>
        <translation>Sie sind abgemeldet.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::DelegationDetailPane</name>
    <message>
        <source>Select a delegation to see what its agent may do.</source>
        <translation>Wählen Sie eine Vollmacht, um zu sehen, was ihr Agent tun darf.</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Vollmacht</translation>
    </message>
    <message>
        <source>Agent and lifetime</source>
        <translation>Agent und Laufzeit</translation>
    </message>
    <message>
        <source>What the agent may do</source>
        <translation>Was der Agent tun darf</translation>
    </message>
    <message>
        <source>Approval rules</source>
        <translation>Freigaberegeln</translation>
    </message>
    <message>
        <source>When a person must approve</source>
        <translation>Wann eine Person freigeben muss</translation>
    </message>
    <message>
        <source>Revocation triggers</source>
        <translation>Widerrufsauslöser</translation>
    </message>
    <message>
        <source>When it ends by itself</source>
        <translation>Wann sie von selbst endet</translation>
    </message>
    <message>
        <source>Delegation chain</source>
        <translation>Vollmachtskette</translation>
    </message>
    <message>
        <source>Latest decisions</source>
        <translation>Letzte Entscheidungen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;For %3 · %4 · granted %5, ends %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; – %2&lt;br&gt;Für %3 · %4 · erteilt %5, endet %6</translation>
    </message>
    <message>
        <source>Revoked %1: %2</source>
        <translation>Widerrufen %1: %2</translation>
    </message>
    <message>
        <source>Never: every request within the limits is allowed without asking.</source>
        <translation>Nie: Jede Anfrage innerhalb der Grenzen ist ohne Rückfrage erlaubt.</translation>
    </message>
    <message>
        <source>At %1 at the latest</source>
        <translation>Spätestens am %1</translation>
    </message>
    <message>
        <source>%1 (customer)</source>
        <translation>%1 (Kunde)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Sub-delegation %1</source>
        <translation>Untervollmacht %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>Usage of %1</source>
        <translation>Nutzung von %1</translation>
    </message>
    <message>
        <source>, or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Save &amp;receipt…</source>
        <translation>&amp;Beleg speichern …</translation>
    </message>
    <message>
        <source>Save the consent receipt of this grant: its exact terms, provably in the audit log</source>
        <translation>Den Einwilligungsbeleg dieser Erteilung speichern: ihre genauen Bedingungen, nachweisbar im Prüfprotokoll</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Save &amp;decision receipt…</source>
        <translation>&amp;Entscheidungsbeleg speichern …</translation>
    </message>
    <message>
        <source>Save the receipt of the selected decision: what the agent asked and what was decided, provably in the audit log</source>
        <translation>Den Beleg der gewählten Entscheidung speichern: was der Agent angefragt hat und was entschieden wurde, nachweisbar im Prüfprotokoll</translation>
    </message>
    <message>
        <source>Save &amp;consent receipt…</source>
        <translation>&amp;Einwilligungsbeleg speichern…</translation>
    </message>
    <message>
        <source>Save what was granted, in plain words, as a PDF people can keep and check</source>
        <translation>Das Erteilte in klaren Worten als PDF speichern, das man aufbewahren und prüfen kann</translation>
    </message>
    <message>
        <source>Try an action</source>
        <translation>Eine Aktion ausprobieren</translation>
    </message>
    <message>
        <source>Usable from %1</source>
        <translation>Nutzbar ab %1</translation>
    </message>
    <message>
        <source>Save consent receipt</source>
        <translation>Einwilligungsbeleg speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Consent receipt saved to %1.</source>
        <translation>Einwilligungsbeleg unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save the consent receipt: %1</source>
        <translation>Der Einwilligungsbeleg konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>mandate::ui::DelegationsPage</name>
    <message>
        <source>Delegations</source>
        <translation>Vollmachten</translation>
    </message>
    <message>
        <source>Search purpose, agent, SPIFFE ID, customer or id</source>
        <translation>Zweck, Agent, SPIFFE-ID, Kunde oder ID suchen</translation>
    </message>
    <message>
        <source>Search purpose, agent or id</source>
        <translation>Zweck, Agent oder ID suchen</translation>
    </message>
    <message>
        <source>Search delegations</source>
        <translation>Vollmachten durchsuchen</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filter nach Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation>Filter nach Agent</translation>
    </message>
    <message>
        <source>&amp;Grant…</source>
        <translation>&amp;Erteilen …</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen …</translation>
    </message>
    <message>
        <source>Revoke all of customer…</source>
        <translation>Alle des Kunden widerrufen …</translation>
    </message>
    <message>
        <source>Every grant, decision and revocation under the selected delegation</source>
        <translation>Jede Erteilung, Entscheidung und jeder Widerruf unter der gewählten Vollmacht</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Jeder Agent</translation>
    </message>
    <message>
        <source>Could not load delegations: %1</source>
        <translation>Die Vollmachten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Offline — showing the delegations as of %1. Nothing can be changed until the server is back.</source>
        <translation>Offline – die Vollmachten werden mit Stand %1 angezeigt. Bis der Server wieder erreichbar ist, lässt sich nichts ändern.</translation>
    </message>
    <message>
        <source>The server is not reachable; this needs it.</source>
        <translation>Der Server ist nicht erreichbar; dafür wird er benötigt.</translation>
    </message>
    <message>
        <source>Give an agent a new, limited authority</source>
        <translation>Einem Agenten eine neue, begrenzte Befugnis erteilen</translation>
    </message>
    <message>
        <source>Select one or more active delegations first.</source>
        <translation>Wählen Sie zuerst eine oder mehrere aktive Vollmachten.</translation>
    </message>
    <message>
        <source>Revoke the selected delegation</source>
        <translation>Die gewählte Vollmacht widerrufen</translation>
    </message>
    <message>
        <source>Revoke %1 selected delegations</source>
        <translation>%1 gewählte Vollmachten widerrufen</translation>
    </message>
    <message>
        <source>Revoke every active delegation of this customer</source>
        <translation>Alle aktiven Vollmachten dieses Kunden widerrufen</translation>
    </message>
    <message>
        <source>Select a delegation of the customer first.</source>
        <translation>Wählen Sie zuerst eine Vollmacht des Kunden.</translation>
    </message>
    <message>
        <source>Approvers see the delegations behind the requests routed to them: what the agent may do, for whom and why. Select one, or open a request on the Approvals page.</source>
        <translation>Freigabeberechtigte sehen die Vollmachten hinter den Anfragen an sie: was der Agent darf, für wen und wozu. Wählen Sie eine oder öffnen Sie eine Anfrage auf der Seite Freigaben.</translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
</context>
<context>
    <name>mandate::ui::EnforcementPointsPage</name>
    <message>
        <source>Could not load the enforcement points: %1</source>
        <translation>Die Durchsetzungspunkte konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Registered the enforcement point %1.</source>
        <translation>Durchsetzungspunkt %1 registriert.</translation>
    </message>
    <message>
        <source>The enforcement point was not registered: %1</source>
        <translation>Der Durchsetzungspunkt wurde nicht registriert: %1</translation>
    </message>
    <message>
        <source>Revoke enforcement point</source>
        <translation>Durchsetzungspunkt widerrufen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Revoke %1?&lt;/b&gt;&lt;br&gt;Its token is refused from its next request on, so every agent call it guards is refused until it is registered again with a new token. This cannot be undone.</source>
        <translation>&lt;b&gt;%1 widerrufen?&lt;/b&gt;&lt;br&gt;Sein Token wird ab der nächsten Anfrage abgewiesen, und damit jeder Agentenaufruf, den er schützt, bis er mit einem neuen Token neu registriert ist. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoked %1; its token is refused from now on.</source>
        <translation>%1 widerrufen; sein Token wird ab jetzt abgewiesen.</translation>
    </message>
    <message>
        <source>%1 was not revoked: %2</source>
        <translation>%1 wurde nicht widerrufen: %2</translation>
    </message>
    <message>
        <source>Name a gateway or MCP server and get its token</source>
        <translation>Ein Gateway oder einen MCP-Server benennen und sein Token erhalten</translation>
    </message>
    <message>
        <source>The server is not reachable; this needs it.</source>
        <translation>Der Server ist nicht erreichbar; dafür wird er benötigt.</translation>
    </message>
    <message>
        <source>Select an enforcement point first.</source>
        <translation>Wählen Sie zuerst einen Durchsetzungspunkt.</translation>
    </message>
    <message>
        <source>%1 is already revoked.</source>
        <translation>%1 ist bereits widerrufen.</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird widerrufen …</translation>
    </message>
    <message>
        <source>Refuse the token of %1 from now on</source>
        <translation>Das Token von %1 ab jetzt abweisen</translation>
    </message>
</context>
<context>
    <name>mandate::ui::EnforcementTokenDialog</name>
    <message>
        <source>Token for %1</source>
        <translation>Token für %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is registered.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 ist registriert.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::GrantController</name>
    <message>
        <source>Granted %1: %2</source>
        <translation>Erteilt %1: %2</translation>
    </message>
    <message>
        <source>Try an action before granting</source>
        <translation>Vor dem Erteilen eine Aktion ausprobieren</translation>
    </message>
</context>
<context>
    <name>mandate::ui::GrantWizard</name>
    <message>
        <source>Grant authority to an agent</source>
        <translation>Einem Agenten eine Vollmacht erteilen</translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation>&amp;Erteilen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Please fix the marked field before granting.</source>
        <translation>Bitte korrigieren Sie das markierte Feld, bevor Sie die Vollmacht erteilen.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::LifetimePage</name>
    <message>
        <source>How long?</source>
        <translation>Wie lange?</translation>
    </message>
    <message>
        <source>Every grant ends on its own. Choose a short lifetime: you can always grant again, and you can revoke at any time.</source>
        <translation>Jede Vollmacht endet von selbst. Wählen Sie eine kurze Laufzeit: Sie können jederzeit erneut erteilen und jederzeit widerrufen.</translation>
    </message>
    <message>
        <source>The grant ends</source>
        <translation>Die Vollmacht endet</translation>
    </message>
    <message>
        <source>In 1 &amp;hour</source>
        <translation>In 1 &amp;Stunde</translation>
    </message>
    <message>
        <source>Ends in 1 hour</source>
        <translation>Endet in 1 Stunde</translation>
    </message>
    <message>
        <source>In 1 &amp;day</source>
        <translation>In 1 &amp;Tag</translation>
    </message>
    <message>
        <source>Ends in 1 day</source>
        <translation>Endet in 1 Tag</translation>
    </message>
    <message>
        <source>In 1 &amp;week</source>
        <translation>In 1 &amp;Woche</translation>
    </message>
    <message>
        <source>Ends in 1 week</source>
        <translation>Endet in 1 Woche</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>&amp;Am:</translation>
    </message>
    <message>
        <source>Ends on a date of your choice</source>
        <translation>Endet an einem Datum Ihrer Wahl</translation>
    </message>
    <message>
        <source>End date and time</source>
        <translation>Enddatum und -uhrzeit</translation>
    </message>
    <message>
        <source>It ends earlier</source>
        <translation>Sie endet früher</translation>
    </message>
    <message>
        <source>When the agent reports the task &amp;complete</source>
        <translation>Wenn der Agent die Aufgabe als &amp;erledigt meldet</translation>
    </message>
    <message>
        <source>Ends when the task is complete</source>
        <translation>Endet, wenn die Aufgabe erledigt ist</translation>
    </message>
    <message>
        <source>When the agent has been &amp;idle for:</source>
        <translation>Wenn der Agent &amp;untätig war für:</translation>
    </message>
    <message>
        <source>Ends after a time without activity</source>
        <translation>Endet nach einer Zeit ohne Aktivität</translation>
    </message>
    <message>
        <source>Idle time in minutes</source>
        <translation>Untätigkeit in Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>When the agent&apos;s conte&amp;xt changes, for example a new software version</source>
        <translation>Wenn sich der &amp;Kontext des Agenten ändert, zum Beispiel eine neue Softwareversion</translation>
    </message>
    <message>
        <source>Ends when the agent context changes</source>
        <translation>Endet, wenn sich der Kontext des Agenten ändert</translation>
    </message>
    <message>
        <source>The end date</source>
        <translation>Das Enddatum</translation>
    </message>
    <message>
        <source>The idle time (in seconds)</source>
        <translation>Die Untätigkeitsdauer (in Sekunden)</translation>
    </message>
    <message>
        <source>Ending early</source>
        <translation>Vorzeitiges Ende</translation>
    </message>
    <message>
        <source>%1 has already passed.</source>
        <translation>%1 ist bereits vorbei.</translation>
    </message>
    <message>
        <source>Ends on %1, %2 from now.</source>
        <translation>Endet am %1, in %2.</translation>
    </message>
    <message>
        <source>That is a long time; a shorter grant is safer.</source>
        <translation>Das ist lange; eine kürzere Vollmacht ist sicherer.</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>Ends in a number of days</source>
        <translation>Endet in einer Anzahl von Tagen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>Anzahl der Tage</translation>
    </message>
</context>
<context>
    <name>mandate::ui::MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>My delegations</source>
        <translation>Meine Vollmachten</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Vollmachten</translation>
    </message>
    <message>
        <source>What each agent may do, and how much of it is used</source>
        <translation>Was jeder Agent tun darf und wie viel davon genutzt ist</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>The registered agent identities</source>
        <translation>Die registrierten Agentenidentitäten</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>The tamper-evident record of every grant, decision and revocation</source>
        <translation>Die fälschungssichere Aufzeichnung jeder Erteilung, Entscheidung und jedes Widerrufs</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) at %3</source>
        <translation>Angemeldet als %1 (%2) bei %3</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Every approval request, read-only</source>
        <translation>Alle Freigabeanfragen, nur lesend</translation>
    </message>
    <message>
        <source>Requests waiting for your decision</source>
        <translation>Anfragen, die auf Ihre Entscheidung warten</translation>
    </message>
    <message>
        <source>Approvals (%1)</source>
        <translation>Freigaben (%1)</translation>
    </message>
    <message>
        <source>New %1 request</source>
        <translation>Neue %1-Anfrage</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Connected, live updates reconnecting</source>
        <translation>Verbunden, Live-Aktualisierung verbindet sich neu</translation>
    </message>
    <message>
        <source>Enforcement points</source>
        <translation>Durchsetzungspunkte</translation>
    </message>
    <message>
        <source>The gateways and MCP servers that ask Mandate for decisions</source>
        <translation>Die Gateways und MCP-Server, die Mandate nach Entscheidungen fragen</translation>
    </message>
    <message>
        <source>Shared signals</source>
        <translation>Sicherheitssignale</translation>
    </message>
    <message>
        <source>The resource servers told the moment an agent&apos;s authority ends, and how delivery goes</source>
        <translation>Die Ressourcenserver, die sofort erfahren, wenn die Befugnis eines Agenten endet, und wie die Zustellung läuft</translation>
    </message>
</context>
<context>
    <name>mandate::ui::MoneyEdit</name>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>%1 amount</source>
        <translation>%1 – Betrag</translation>
    </message>
    <message>
        <source>%1 currency</source>
        <translation>%1 – Währung</translation>
    </message>
</context>
<context>
    <name>mandate::ui::NarrowApprovalDialog</name>
    <message>
        <source>Approve a lower amount</source>
        <translation>Einen niedrigeren Betrag genehmigen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approve only part of this request?&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;The agent asked for %2. It may then move at most the amount you enter, once.</source>
        <translation>&lt;b&gt;Nur einen Teil dieser Anfrage genehmigen?&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;Der Agent hat %2 erbeten. Er darf dann höchstens den eingegebenen Betrag bewegen, einmal.</translation>
    </message>
    <message>
        <source>Most the agent may move</source>
        <translation>Höchstbetrag für den Agenten</translation>
    </message>
    <message>
        <source>At &amp;most:</source>
        <translation>&amp;Höchstens:</translation>
    </message>
    <message>
        <source>Why only this much (optional)</source>
        <translation>Warum nur so viel (optional)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Approve this much</source>
        <translation>So viel genehmigen</translation>
    </message>
    <message>
        <source>Enter the most the agent may move.</source>
        <translation>Geben Sie den Höchstbetrag ein, den der Agent bewegen darf.</translation>
    </message>
    <message>
        <source>The decision could not be saved on this computer: %1</source>
        <translation>Die Entscheidung konnte auf diesem Computer nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>mandate::ui::OrgPolicyIndicator</name>
    <message>
        <source>Organisation policy engine</source>
        <translation>Richtlinien-Engine der Organisation</translation>
    </message>
    <message>
        <source>Org policy engine unreachable: decisions go ahead without it</source>
        <translation>Richtlinien-Engine nicht erreichbar: Entscheidungen fallen ohne sie</translation>
    </message>
    <message>
        <source>Org policy engine unreachable: decisions that need it are denied</source>
        <translation>Richtlinien-Engine nicht erreichbar: Entscheidungen, die sie brauchen, werden abgelehnt</translation>
    </message>
    <message>
        <source>The organisation&apos;s policy engine at %1 did not answer its last question.</source>
        <translation>Die Richtlinien-Engine der Organisation unter %1 hat ihre letzte Frage nicht beantwortet.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::PurposePage</name>
    <message>
        <source>What is it for?</source>
        <translation>Wofür?</translation>
    </message>
    <message>
        <source>Say in your own words what the agent should do. It appears with every request and in the audit log.</source>
        <translation>Beschreiben Sie in eigenen Worten, was der Agent tun soll. Das erscheint bei jeder Anfrage und im Prüfprotokoll.</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Zweck:</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>For example: Book flights and a hotel for the Berlin trip, 3–6 December</source>
        <translation>Zum Beispiel: Flüge und Hotel für die Berlin-Reise vom 3. bis 6. Dezember buchen</translation>
    </message>
    <message>
        <source>A good purpose names the task and its limits in time or place, so anyone reading the audit log later can tell whether the agent stayed on task.</source>
        <translation>Ein guter Zweck nennt die Aufgabe und ihre zeitlichen oder örtlichen Grenzen, damit später jeder im Prüfprotokoll erkennen kann, ob der Agent bei seiner Aufgabe geblieben ist.</translation>
    </message>
    <message>
        <source>The purpose</source>
        <translation>Der Zweck</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters used</source>
        <translation>%1 von höchstens %2 Zeichen verwendet</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ReasonConfirmDialog</name>
    <message numerus="yes">
        <source>Why? At least %n characters.</source>
        <translation>
            <numerusform>Warum? Mindestens %n Zeichen.</numerusform>
            <numerusform>Warum? Mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Why? Optional.</source>
        <translation>Warum? Optional.</translation>
    </message>
    <message numerus="yes">
        <source>Why? At least %n characters, not counting spaces.</source>
        <translation>
            <numerusform>Warum? Mindestens %n Zeichen, Leerzeichen nicht mitgezählt.</numerusform>
            <numerusform>Warum? Mindestens %n Zeichen, Leerzeichen nicht mitgezählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason (recorded in the audit log and shown to the customer):</source>
        <translation>&amp;Begründung (wird im Prüfprotokoll festgehalten und dem Kunden angezeigt):</translation>
    </message>
    <message>
        <source>The reason is too long: %1 of at most %2 characters.</source>
        <translation>Die Begründung ist zu lang: %1 von höchstens %2 Zeichen.</translation>
    </message>
    <message numerus="yes">
        <source>Give a reason of at least %n characters.</source>
        <translation>
            <numerusform>Geben Sie eine Begründung mit mindestens %n Zeichen an.</numerusform>
            <numerusform>Geben Sie eine Begründung mit mindestens %n Zeichen an.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give a reason of at least %n characters, not counting spaces (%1 so far).</source>
        <translation>
            <numerusform>Geben Sie eine Begründung mit mindestens %n Zeichen an, Leerzeichen nicht mitgezählt (bisher %1).</numerusform>
            <numerusform>Geben Sie eine Begründung mit mindestens %n Zeichen an, Leerzeichen nicht mitgezählt (bisher %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mandate::ui::ReceiptSaver</name>
    <message>
        <source>Save the receipt</source>
        <translation>Beleg speichern</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The receipt could not be fetched: %1</source>
        <translation>Der Beleg konnte nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>Not yet in a checkpoint — try again in a second.</source>
        <translation>Noch in keinem Checkpoint – versuchen Sie es in einer Sekunde erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s receipt does not verify (%1), so it was not saved.</source>
        <translation>Der Beleg des Servers ist ungültig (%1) und wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>The receipt could not be saved to %1: %2</source>
        <translation>Der Beleg konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Receipt saved to %1. It proves that “%2” (event %3) is in the server&apos;s audit log of %4 events; anyone can check it offline with mandate-agent verify-receipt.</source>
        <translation>Beleg unter %1 gespeichert. Er weist nach, dass „%2“ (Ereignis %3) im Prüfprotokoll des Servers mit %4 Ereignissen steht; jeder kann ihn offline mit mandate-agent verify-receipt prüfen.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::RegisterEnforcementPointDialog</name>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
    <message>
        <source>Give the enforcement point a name.</source>
        <translation>Geben Sie dem Durchsetzungspunkt einen Namen.</translation>
    </message>
    <message>
        <source>The name is too long: %1 characters, at most %2.</source>
        <translation>Der Name ist zu lang: %1 Zeichen, höchstens %2.</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>Der Name</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ReviewPage</name>
    <message>
        <source>Check and grant</source>
        <translation>Prüfen und erteilen</translation>
    </message>
    <message>
        <source>This is exactly what the agent will be allowed to do. Go back to change anything.</source>
        <translation>Genau das wird der Agent tun dürfen. Gehen Sie zurück, um etwas zu ändern.</translation>
    </message>
    <message>
        <source>Summary of the grant</source>
        <translation>Zusammenfassung der Vollmacht</translation>
    </message>
    <message>
        <source>It may do only this; anything else is refused:</source>
        <translation>Er darf nur Folgendes; alles andere wird abgewiesen:</translation>
    </message>
    <message>
        <source>Nothing unusual stood out.</source>
        <translation>Nichts Ungewöhnliches ist aufgefallen.</translation>
    </message>
    <message>
        <source>Before you grant, think about these:</source>
        <translation>Bedenken Sie vor dem Erteilen Folgendes:</translation>
    </message>
    <message>
        <source>Granting… waiting for the server to confirm.</source>
        <translation>Wird erteilt … warte auf die Bestätigung des Servers.</translation>
    </message>
    <message>
        <source>The grant was not made: %1</source>
        <translation>Die Vollmacht wurde nicht erteilt: %1</translation>
    </message>
</context>
<context>
    <name>mandate::ui::RevocationController</name>
    <message>
        <source>1 delegation</source>
        <translation>1 Vollmacht</translation>
    </message>
    <message>
        <source>%1 delegations</source>
        <translation>%1 Vollmachten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Revoke this delegation?&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;The agent loses this authority at once, and so does every agent it delegated onwards.</source>
        <translation>&lt;b&gt;Diese Vollmacht widerrufen?&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;Der Agent verliert diese Befugnis sofort, ebenso jeder Agent, an den er sie weitergegeben hat.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Revoke %1?&lt;/b&gt;&lt;br&gt;The agents lose this authority at once, and so does every agent they delegated onwards.</source>
        <translation>&lt;b&gt;%1 widerrufen?&lt;/b&gt;&lt;br&gt;Die Agenten verlieren diese Befugnis sofort, ebenso jeder Agent, an den sie sie weitergegeben haben.</translation>
    </message>
    <message>
        <source>Revoke delegation</source>
        <translation>Vollmacht widerrufen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n</source>
        <translation>
            <numerusform>%n widerrufen</numerusform>
            <numerusform>%n widerrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoked %1.</source>
        <translation>%1 widerrufen.</translation>
    </message>
    <message>
        <source>Revoking &quot;%1&quot; failed: %2</source>
        <translation>Widerruf von „%1“ fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Revoke all delegations</source>
        <translation>Alle Vollmachten widerrufen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Revoke every active delegation of %1?&lt;/b&gt;&lt;br&gt;All of their agents lose the authority %1 gave them, at once.</source>
        <translation>&lt;b&gt;Alle aktiven Vollmachten von %1 widerrufen?&lt;/b&gt;&lt;br&gt;Alle Agenten verlieren sofort die Befugnisse, die %1 ihnen gegeben hat.</translation>
    </message>
    <message>
        <source>Revoke all</source>
        <translation>Alle widerrufen</translation>
    </message>
    <message>
        <source>Revoked %1 of %2.</source>
        <translation>%1 von %2 widerrufen.</translation>
    </message>
    <message>
        <source>Suspend agent</source>
        <translation>Agent sperren</translation>
    </message>
    <message>
        <source>Counting the active delegations this revokes…</source>
        <translation>Die dadurch widerrufenen aktiven Vollmachten werden gezählt …</translation>
    </message>
    <message>
        <source>Suspended %1 and revoked %2.</source>
        <translation>%1 gesperrt und %2 widerrufen.</translation>
    </message>
    <message>
        <source>Counting the active delegations this revokes… %1 so far</source>
        <translation>Die dadurch widerrufenen aktiven Vollmachten werden gezählt … bisher %1</translation>
    </message>
    <message>
        <source>It holds no active delegation, so none is revoked.</source>
        <translation>Er hat keine aktive Vollmacht, also wird keine widerrufen.</translation>
    </message>
    <message>
        <source>This revokes 1 active delegation.</source>
        <translation>Dadurch wird 1 aktive Vollmacht widerrufen.</translation>
    </message>
    <message>
        <source>This revokes %1 active delegations.</source>
        <translation>Dadurch werden %1 aktive Vollmachten widerrufen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Suspend %1?&lt;/b&gt;&lt;br&gt;The agent is refused everything from now on, for every customer, and every credential it holds stops working. Its waiting approval requests are cancelled.&lt;br&gt;&lt;b&gt;This cannot be undone for its delegations:&lt;/b&gt; they stay revoked even if support reinstates the agent later, and each customer must grant again.</source>
        <translation>&lt;b&gt;%1 sperren?&lt;/b&gt;&lt;br&gt;Dem Agenten wird ab sofort alles verweigert, für alle Kunden, und jeder seiner Berechtigungsnachweise wird ungültig. Seine wartenden Freigabeanfragen werden storniert.&lt;br&gt;&lt;b&gt;Für seine Vollmachten ist das endgültig:&lt;/b&gt; Sie bleiben widerrufen, auch wenn der Support den Agenten später wieder zulässt; jeder Kunde muss neu erteilen.</translation>
    </message>
    <message>
        <source>Reinstate agent</source>
        <translation>Agent wieder zulassen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reinstate %1?&lt;/b&gt;&lt;br&gt;The agent may be granted delegations and act again. The delegations its suspension revoked stay revoked: each customer grants again if they still want it.</source>
        <translation>&lt;b&gt;%1 wieder zulassen?&lt;/b&gt;&lt;br&gt;Der Agent kann wieder Vollmachten erhalten und handeln. Die durch die Sperre widerrufenen Vollmachten bleiben widerrufen: Jeder Kunde erteilt neu, wenn er es noch möchte.</translation>
    </message>
    <message>
        <source>Reinstated %1. Its earlier delegations stay revoked.</source>
        <translation>%1 wieder zugelassen. Seine früheren Vollmachten bleiben widerrufen.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::RoleNames</name>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>approver</source>
        <translation>freigabeberechtigt</translation>
    </message>
    <message>
        <source>support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>mandate::ui::ScopesPage</name>
    <message>
        <source>What may it do?</source>
        <translation>Was darf er tun?</translation>
    </message>
    <message>
        <source>Add each thing the agent may do, from a template or your own. Anything not listed here is refused.</source>
        <translation>Fügen Sie alles hinzu, was der Agent tun darf – aus einer Vorlage oder selbst definiert. Alles, was hier nicht steht, wird abgewiesen.</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>&amp;Befugnisse:</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Befugnisse</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add a scope</source>
        <translation>Eine Befugnis hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>E&amp;ntfernen</translation>
    </message>
    <message>
        <source>Remove the selected scope</source>
        <translation>Die gewählte Befugnis entfernen</translation>
    </message>
    <message>
        <source>Selected scope</source>
        <translation>Gewählte Befugnis</translation>
    </message>
    <message>
        <source>Acti&amp;on:</source>
        <translation>Akti&amp;on:</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>&amp;Ressource:</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>kind:id, such as account:acc_1 or dataset:crm/*</source>
        <translation>art:id, z. B. account:acc_1 oder dataset:crm/*</translation>
    </message>
    <message>
        <source>&amp;Each time at most:</source>
        <translation>&amp;Pro Vorgang höchstens:</translation>
    </message>
    <message>
        <source>In &amp;total at most:</source>
        <translation>&amp;Insgesamt höchstens:</translation>
    </message>
    <message>
        <source>Number of &amp;uses:</source>
        <translation>Anzahl der Nut&amp;zungen:</translation>
    </message>
    <message>
        <source>Maximum number of uses</source>
        <translation>Höchstzahl der Nutzungen</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>Only &amp;to:</source>
        <translation>Nur &amp;an:</translation>
    </message>
    <message>
        <source>Allowed destinations, one per line</source>
        <translation>Erlaubte Ziele, eines pro Zeile</translation>
    </message>
    <message>
        <source>Any destination. List the allowed ones, one per line, such as payee:lufthansa</source>
        <translation>Jedes Ziel. Nennen Sie die erlaubten, eines pro Zeile, z. B. payee:lufthansa</translation>
    </message>
    <message>
        <source>&amp;Data up to:</source>
        <translation>&amp;Daten bis:</translation>
    </message>
    <message>
        <source>Sensitivity ceiling</source>
        <translation>Obergrenze der Schutzstufe</translation>
    </message>
    <message>
        <source>The action</source>
        <translation>Die Aktion</translation>
    </message>
    <message>
        <source>The resource</source>
        <translation>Die Ressource</translation>
    </message>
    <message>
        <source>The per-action cap</source>
        <translation>Die Grenze pro Aktion</translation>
    </message>
    <message>
        <source>The total cap</source>
        <translation>Die Gesamtgrenze</translation>
    </message>
    <message>
        <source>The number of uses</source>
        <translation>Die Anzahl der Nutzungen</translation>
    </message>
    <message>
        <source>The destination list</source>
        <translation>Die Zielliste</translation>
    </message>
    <message>
        <source>The sensitivity ceiling</source>
        <translation>Die Obergrenze der Schutzstufe</translation>
    </message>
    <message>
        <source>Per-action cap</source>
        <translation>Grenze pro Aktion</translation>
    </message>
    <message>
        <source>Total cap</source>
        <translation>Gesamtgrenze</translation>
    </message>
    <message>
        <source>Any sensitivity (no ceiling)</source>
        <translation>Jede Schutzstufe (keine Obergrenze)</translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation>&amp;Zahlungen</translation>
    </message>
    <message>
        <source>&amp;Data export</source>
        <translation>&amp;Datenexport</translation>
    </message>
    <message>
        <source>D&amp;eletes</source>
        <translation>&amp;Löschungen</translation>
    </message>
    <message>
        <source>E&amp;xternal sharing</source>
        <translation>E&amp;xterne Weitergabe</translation>
    </message>
    <message>
        <source>&amp;Custom scope</source>
        <translation>&amp;Eigene Befugnis</translation>
    </message>
    <message>
        <source>The list of scopes</source>
        <translation>Die Liste der Befugnisse</translation>
    </message>
    <message>
        <source>This scope</source>
        <translation>Diese Befugnis</translation>
    </message>
    <message>
        <source>This scope needs attention.</source>
        <translation>Diese Befugnis muss überprüft werden.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::SignInDialog</name>
    <message>
        <source>Sandbox running at %1. Signing in as %2…</source>
        <translation>Sandbox läuft unter %1. Anmeldung als %2 …</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, for example https://mandate.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, zum Beispiel https://mandate.example.com.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Ihren Benutzernamen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Starting a local sandbox with demo data…</source>
        <translation>Lokale Sandbox mit Demodaten wird gestartet …</translation>
    </message>
    <message>
        <source>The username or password is not right.</source>
        <translation>Benutzername oder Passwort ist nicht richtig.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a demo person: username (roles)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo server&lt;/b&gt; — sign in as: %1&lt;br&gt;Password: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Demo-Server&lt;/b&gt; — melden Sie sich an als: %1&lt;br&gt;Passwort: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts from this computer. Try again in %n minute(s), or ask an administrator to unlock your account.</source>
        <translation>
            <numerusform>Zu viele Fehlversuche von diesem Computer. Versuchen Sie es in %n Minute erneut oder bitten Sie die Administration, Ihr Konto zu entsperren.</numerusform>
            <numerusform>Zu viele Fehlversuche von diesem Computer. Versuchen Sie es in %n Minuten erneut oder bitten Sie die Administration, Ihr Konto zu entsperren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mandate::ui::SignInThrottlesDialog</name>
    <message>
        <source>&amp;Unlock sign-in</source>
        <translation>Anmeldung &amp;entsperren</translation>
    </message>
    <message>
        <source>Sign-in throttles</source>
        <translation>Gesperrte Anmeldungen</translation>
    </message>
    <message>
        <source>Who cannot sign in now after too many failed attempts, and from where. Unlock lets a person sign in again at once, from every address.</source>
        <translation>Wer sich nach zu vielen Fehlversuchen gerade nicht anmelden kann, und von wo. Entsperren lässt eine Person sofort wieder anmelden, von jeder Adresse.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>Fehlversuche</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Gesperrt bis</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The throttles could not be read: %1</source>
        <translation>Die Sperren konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Everyone from this address</source>
        <translation>Alle von dieser Adresse</translation>
    </message>
    <message>
        <source>%1 (in %2 min)</source>
        <translation>%1 (in %2 Min.)</translation>
    </message>
    <message>
        <source>Nobody is throttled: everyone may sign in.</source>
        <translation>Niemand ist gesperrt: Alle können sich anmelden.</translation>
    </message>
    <message>
        <source>Let %1 sign in again at once, from anywhere</source>
        <translation>%1 sofort wieder anmelden lassen, von überall</translation>
    </message>
    <message>
        <source>Select a person first; an address is freed when its window ends.</source>
        <translation>Wählen Sie zuerst eine Person; eine Adresse wird frei, wenn ihr Zeitfenster endet.</translation>
    </message>
    <message>
        <source>%1 can sign in again: their failed attempts are forgotten, from every address.</source>
        <translation>%1 kann sich wieder anmelden: Die Fehlversuche sind vergessen, von jeder Adresse.</translation>
    </message>
    <message>
        <source>Sign-in could not be unlocked: %1</source>
        <translation>Die Anmeldung konnte nicht entsperrt werden: %1</translation>
    </message>
</context>
<context>
    <name>mandate::ui::SignalsPage</name>
    <message>
        <source>No receiver is registered. Resource servers that accept agents&apos; credentials register through the API and then hear the moment an agent&apos;s authority ends.</source>
        <translation>Kein Empfänger ist registriert. Ressourcenserver, die Anmeldedaten von Agenten annehmen, registrieren sich über die API und erfahren dann sofort, wenn die Befugnis eines Agenten endet.</translation>
    </message>
    <message>
        <source>Receivers registered: %1. Each hears the moment an agent&apos;s authority ends: its delegations revoked, expired or completed, its credentials revoked.</source>
        <translation>Registrierte Empfänger: %1. Jeder erfährt sofort, wenn die Befugnis eines Agenten endet: seine Vollmachten widerrufen, abgelaufen oder erledigt, seine Anmeldedaten widerrufen.</translation>
    </message>
    <message>
        <source>Could not load the receivers: %1</source>
        <translation>Die Empfänger konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The server is not reachable; this needs it.</source>
        <translation>Der Server ist nicht erreichbar; dafür wird er benötigt.</translation>
    </message>
    <message>
        <source>Select a stream first.</source>
        <translation>Wählen Sie zuerst einen Strom.</translation>
    </message>
    <message>
        <source>The receiver was revoked; its streams send nothing.</source>
        <translation>Der Empfänger wurde widerrufen; seine Ströme senden nichts.</translation>
    </message>
    <message>
        <source>Hold this stream&apos;s events; the receiver is told so</source>
        <translation>Ereignisse dieses Stroms zurückhalten; der Empfänger erfährt es</translation>
    </message>
    <message>
        <source>Send this stream&apos;s events again, the held ones first</source>
        <translation>Ereignisse dieses Stroms wieder senden, die zurückgehaltenen zuerst</translation>
    </message>
    <message>
        <source>Ask the receiver to confirm that events reach it</source>
        <translation>Den Empfänger bestätigen lassen, dass Ereignisse ihn erreichen</translation>
    </message>
    <message>
        <source>Resumed; the receiver is told and gets what was held.</source>
        <translation>Fortgesetzt; der Empfänger erfährt es und erhält, was zurückgehalten wurde.</translation>
    </message>
    <message>
        <source>Paused; the receiver is told, and its events are held.</source>
        <translation>Angehalten; der Empfänger erfährt es, und seine Ereignisse werden zurückgehalten.</translation>
    </message>
    <message>
        <source>A verification event is on its way to %1.</source>
        <translation>Ein Prüfereignis ist an %1 unterwegs.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ThresholdsPage</name>
    <message>
        <source>When should people be asked?</source>
        <translation>Wann sollen Personen gefragt werden?</translation>
    </message>
    <message>
        <source>Decide which requests wait for a person to say yes. Everything else within the scopes goes ahead on its own.</source>
        <translation>Legen Sie fest, welche Anfragen auf die Zustimmung einer Person warten. Alles andere innerhalb der Befugnisse läuft von selbst.</translation>
    </message>
    <message>
        <source>Confirmation (step-up)</source>
        <translation>Bestätigung (Step-up)</translation>
    </message>
    <message>
        <source>The agent stops and waits until the request is confirmed.</source>
        <translation>Der Agent hält an und wartet, bis die Anfrage bestätigt ist.</translation>
    </message>
    <message>
        <source>Ask before any request &amp;above:</source>
        <translation>Vor jeder Anfrage &amp;über folgendem Betrag fragen:</translation>
    </message>
    <message>
        <source>Ask before requests above an amount</source>
        <translation>Vor Anfragen über einem Betrag fragen</translation>
    </message>
    <message>
        <source>Ask before touching data at or a&amp;bove:</source>
        <translation>Vor Zugriff auf Daten ab Schutzstufe fra&amp;gen:</translation>
    </message>
    <message>
        <source>Ask before touching sensitive data</source>
        <translation>Vor Zugriff auf sensible Daten fragen</translation>
    </message>
    <message>
        <source>Sensitivity that needs confirmation</source>
        <translation>Schutzstufe, die eine Bestätigung braucht</translation>
    </message>
    <message>
        <source>Who confirms:</source>
        <translation>Wer bestätigt:</translation>
    </message>
    <message>
        <source>Who confirms</source>
        <translation>Wer bestätigt</translation>
    </message>
    <message>
        <source>&amp;You</source>
        <translation>S&amp;ie</translation>
    </message>
    <message>
        <source>You confirm</source>
        <translation>Sie bestätigen</translation>
    </message>
    <message>
        <source>An a&amp;pprover in your organisation</source>
        <translation>Eine freigabebe&amp;rechtigte Person Ihrer Organisation</translation>
    </message>
    <message>
        <source>An approver confirms</source>
        <translation>Eine freigabeberechtigte Person bestätigt</translation>
    </message>
    <message>
        <source>Two approvers (dual control)</source>
        <translation>Zwei Freigaben (Vier-Augen-Prinzip)</translation>
    </message>
    <message>
        <source>Two people other than you must both approve. Use it for what would be hard to undo.</source>
        <translation>Zwei Personen außer Ihnen müssen beide freigeben. Nutzen Sie das für alles, was sich schwer rückgängig machen lässt.</translation>
    </message>
    <message>
        <source>For any request abo&amp;ve:</source>
        <translation>Für jede Anfrage ü&amp;ber:</translation>
    </message>
    <message>
        <source>Two approvers for requests above an amount</source>
        <translation>Zwei Freigaben für Anfragen über einem Betrag</translation>
    </message>
    <message>
        <source>For every &amp;request of:</source>
        <translation>Für jede &amp;Anfrage der Art:</translation>
    </message>
    <message>
        <source>Actions that need two approvers</source>
        <translation>Aktionen, die zwei Freigaben brauchen</translation>
    </message>
    <message>
        <source>%1 is not a currency code.</source>
        <translation>%1 ist kein Währungscode.</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Geben Sie einen Betrag ein.</translation>
    </message>
    <message>
        <source>Step-up threshold</source>
        <translation>Bestätigungsschwelle</translation>
    </message>
    <message>
        <source>Dual-control threshold</source>
        <translation>Vier-Augen-Schwelle</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The step-up amount</source>
        <translation>Der Bestätigungsbetrag</translation>
    </message>
    <message>
        <source>The step-up sensitivity</source>
        <translation>Die Bestätigungs-Schutzstufe</translation>
    </message>
    <message>
        <source>Step-up</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>The dual-control amount</source>
        <translation>Der Vier-Augen-Betrag</translation>
    </message>
    <message>
        <source>Dual control</source>
        <translation>Vier-Augen-Prinzip</translation>
    </message>
    <message>
        <source>The action %1</source>
        <translation>Die Aktion %1</translation>
    </message>
    <message>
        <source>A dual-control action</source>
        <translation>Eine Vier-Augen-Aktion</translation>
    </message>
</context>
<context>
    <name>mandate::ui::TryActionPanel</name>
    <message>
        <source>Action to try</source>
        <translation>Auszuprobierende Aktion</translation>
    </message>
    <message>
        <source>Resource to try</source>
        <translation>Auszuprobierende Ressource</translation>
    </message>
    <message>
        <source>account:acc_1</source>
        <translation>account:acc_1</translation>
    </message>
    <message>
        <source>Amount to try</source>
        <translation>Auszuprobierender Betrag</translation>
    </message>
    <message>
        <source>no amount</source>
        <translation>kein Betrag</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Betrag:</translation>
    </message>
    <message>
        <source>Destination to try</source>
        <translation>Auszuprobierendes Ziel</translation>
    </message>
    <message>
        <source>payee:lufthansa (optional)</source>
        <translation>payee:lufthansa (optional)</translation>
    </message>
    <message>
        <source>Sensitivity to try</source>
        <translation>Auszuprobierende Sensibilität</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>&amp;Try it</source>
        <translation>A&amp;usprobieren</translation>
    </message>
    <message>
        <source>See the decision this request would get now. Nothing is spent, approved or recorded.</source>
        <translation>Zeigt die Entscheidung, die diese Anfrage jetzt bekäme. Nichts wird ausgegeben, genehmigt oder aufgezeichnet.</translation>
    </message>
    <message>
        <source>Decision it would get</source>
        <translation>Entscheidung, die sie bekäme</translation>
    </message>
    <message>
        <source>Name the resource the agent would act on.</source>
        <translation>Nennen Sie die Ressource, auf die der Agent zugreifen würde.</translation>
    </message>
    <message>
        <source>the agent</source>
        <translation>der Agent</translation>
    </message>
    <message>
        <source>What if %1 tried “%2” on %3</source>
        <translation>Was wäre, wenn %1 „%2“ auf %3 versuchte</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation> über %1</translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> an %1</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Wird gefragt…</translation>
    </message>
    <message>
        <source>Could not try it</source>
        <translation>Konnte nicht ausprobiert werden</translation>
    </message>
    <message>
        <source>It would be allowed.</source>
        <translation>Es würde erlaubt.</translation>
    </message>
    <message>
        <source>It would be refused.</source>
        <translation>Es würde abgelehnt.</translation>
    </message>
    <message>
        <source>A person would have to confirm it first.</source>
        <translation>Ein Mensch müsste es zuerst bestätigen.</translation>
    </message>
    <message>
        <source>Two approvers would have to approve it first.</source>
        <translation>Zwei Genehmigende müssten es zuerst genehmigen.</translation>
    </message>
    <message>
        <source>Left afterwards</source>
        <translation>Danach verbleibend</translation>
    </message>
    <message>
        <source>Left now</source>
        <translation>Jetzt verbleibend</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 and %n use(s).</source>
        <translation>
            <numerusform>%1: %2 und %n Nutzung.</numerusform>
            <numerusform>%1: %2 und %n Nutzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n use(s).</source>
        <translation>
            <numerusform>%1: %n Nutzung.</numerusform>
            <numerusform>%1: %n Nutzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was spent, approved or recorded.</source>
        <translation>Nichts wurde ausgegeben, genehmigt oder aufgezeichnet.</translation>
    </message>
    <message>
        <source>the total limit</source>
        <translation>das Gesamtlimit</translation>
    </message>
    <message>
        <source>the number of uses</source>
        <translation>die Zahl der Nutzungen</translation>
    </message>
    <message>
        <source>the per-action limit</source>
        <translation>das Limit je Aktion</translation>
    </message>
    <message>
        <source>The limit that binds: %1 of this delegation.</source>
        <translation>Das bindende Limit: %1 dieser Delegation.</translation>
    </message>
    <message>
        <source>The limit that binds: %1 of the delegation it was passed on from (%2).</source>
        <translation>Das bindende Limit: %1 der Delegation, von der sie weitergegeben wurde (%2).</translation>
    </message>
    <message>
        <source>Act&amp;ion:</source>
        <translation>Akt&amp;ion:</translation>
    </message>
    <message>
        <source>Reso&amp;urce:</source>
        <translation>Ress&amp;ource:</translation>
    </message>
    <message>
        <source>Destinatio&amp;n:</source>
        <translation>Zie&amp;l:</translation>
    </message>
    <message>
        <source>Sensiti&amp;vity:</source>
        <translation>Sensi&amp;bilität:</translation>
    </message>
</context>
<context>
    <name>mandate::ui::UsageWindowBox</name>
    <message>
        <source>When it may be used</source>
        <translation>Wann sie genutzt werden darf</translation>
    </message>
    <message>
        <source>Start &amp;later, at:</source>
        <translation>&amp;Später beginnen, um:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Only on these &amp;days and hours:</source>
        <translation>Nur an diesen &amp;Tagen und Stunden:</translation>
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
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>From – until, time zone:</source>
        <translation>Von – bis, Zeitzone:</translation>
    </message>
</context>
</TS>

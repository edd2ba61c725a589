<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentsPage</name>
    <message>
        <source>Find an agent by name or SPIFFE ID</source>
        <translation>Find an agent by name or SPIFFE ID</translation>
    </message>
    <message>
        <source>Find agent</source>
        <translation>Find agent</translation>
    </message>
    <message>
        <source>Show &amp;delegations</source>
        <translation>Show &amp;delegations</translation>
    </message>
    <message>
        <source>&amp;Suspend agent…</source>
        <translation>&amp;Suspend agent…</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>R&amp;einstate agent…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation>The server cannot be reached (%1).</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>The server sent an answer this console does not understand.</source>
        <translation>The server sent an answer this console does not understand.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>The server refused the request (HTTP %1).</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 could not be written: %2</translation>
    </message>
</context>
<context>
    <name>ApprovalDetailPane</name>
    <message>
        <source>Approval request</source>
        <translation>Approval request</translation>
    </message>
    <message>
        <source>Select a request to see what the agent wants and decide it.</source>
        <translation>Select a request to see what the agent wants and decide it.</translation>
    </message>
    <message>
        <source>&amp;Deny…</source>
        <translation>&amp;Deny…</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Save &amp;receipt…</source>
        <translation>Save &amp;receipt…</translation>
    </message>
    <message>
        <source>Save a receipt that proves the grant or a decision is in the audit log</source>
        <translation>Save a receipt that proves the grant or a decision is in the audit log</translation>
    </message>
    <message>
        <source>Why you cannot decide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Delegation id (dlg_…)</source>
        <translation>Delegation id (dlg_…)</translation>
    </message>
    <message>
        <source>Delegation filter</source>
        <translation>Delegation filter</translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation>Agent filter</translation>
    </message>
    <message>
        <source>Event type filter</source>
        <translation>Event type filter</translation>
    </message>
    <message>
        <source>Export &amp;JSON Lines…</source>
        <translation>Export &amp;JSON Lines…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <source>Recompute every event&apos;s hash and link and say whether anything was changed</source>
        <translation>Recompute every event&apos;s hash and link and say whether anything was changed</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>&amp;Verify the chain</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Audit events</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Event details</translation>
    </message>
    <message>
        <source>Select an event to see every field of it, its chain and its hashes.</source>
        <translation>Select an event to see every field of it, its chain and its hashes.</translation>
    </message>
    <message>
        <source>Audit log status icon</source>
        <translation>Audit log status icon</translation>
    </message>
    <message>
        <source>Audit log witness</source>
        <translation>Audit log witness</translation>
    </message>
    <message>
        <source>Prove that the selected event is in the log this console verified, exactly as shown</source>
        <translation>Prove that the selected event is in the log this console verified, exactly as shown</translation>
    </message>
    <message>
        <source>Show &amp;proof</source>
        <translation>Show &amp;proof</translation>
    </message>
    <message>
        <source>Proof result</source>
        <translation>Proof result</translation>
    </message>
    <message>
        <source>Search: a name, username or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the trail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentReceiptWriter</name>
    <message>
        <source>Consent receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 granted %2 (%3) this authority on %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the agent may do</source>
        <translation type="unfinished">What the agent may do</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a person must approve</source>
        <translation type="unfinished">When a person must approve</translation>
    </message>
    <message>
        <source>Never: every request within the limits is allowed without asking.</source>
        <translation type="unfinished">Never: every request within the limits is allowed without asking.</translation>
    </message>
    <message>
        <source>How long it lasts and when it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usable from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends at %1 at the latest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It also ends %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer can revoke it at any time; support staff can too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to check this receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant is event %1 of the verifiable audit log, included in its tree of %2 events. Anyone can check it with the log&apos;s key and the receipt below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed checkpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt with its inclusion proof:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verifiable log had not yet sealed this grant in a signed checkpoint; save the receipt again in a moment to include the proof.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by Mandate on %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnforcementPointsPage</name>
    <message>
        <source>Gateways and MCP servers that ask Mandate before they let an agent&apos;s call through (OpenID AuthZEN). Each asks with a token of its own; revoking one refuses its token at once.</source>
        <translation>Gateways and MCP servers that ask Mandate before they let an agent&apos;s call through (OpenID AuthZEN). Each asks with a token of its own; revoking one refuses its token at once.</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Register…</translation>
    </message>
    <message>
        <source>Register an enforcement point</source>
        <translation>Register an enforcement point</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Re&amp;voke…</translation>
    </message>
    <message>
        <source>Revoke the selected enforcement point</source>
        <translation>Revoke the selected enforcement point</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Enforcement points</source>
        <translation>Enforcement points</translation>
    </message>
</context>
<context>
    <name>EnforcementTokenDialog</name>
    <message>
        <source>Copy this token now and give it to the gateway or MCP server. It will not be shown again: Mandate keeps only a hash of it. If it is lost, revoke this enforcement point and register a new one.</source>
        <translation>Copy this token now and give it to the gateway or MCP server. It will not be shown again: Mandate keeps only a hash of it. If it is lost, revoke this enforcement point and register a new one.</translation>
    </message>
    <message>
        <source>Shown once</source>
        <translation>Shown once</translation>
    </message>
    <message>
        <source>&amp;Token (send it as Authorization: Bearer):</source>
        <translation>&amp;Token (send it as Authorization: Bearer):</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copy token</translation>
    </message>
    <message>
        <source>Copy status</source>
        <translation>Copy status</translation>
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
        <translation>make payments from %1</translation>
    </message>
    <message>
        <source>read data in %1</source>
        <translation>read data in %1</translation>
    </message>
    <message>
        <source>export data from %1</source>
        <translation>export data from %1</translation>
    </message>
    <message>
        <source>update records in %1</source>
        <translation>update records in %1</translation>
    </message>
    <message>
        <source>delete records in %1</source>
        <translation>delete records in %1</translation>
    </message>
    <message>
        <source>share data from %1 with people outside your organisation</source>
        <translation>share data from %1 with people outside your organisation</translation>
    </message>
    <message>
        <source>perform “%1” on %2</source>
        <translation>perform “%1” on %2</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>payment</translation>
    </message>
    <message>
        <source>data read</source>
        <translation>data read</translation>
    </message>
    <message>
        <source>data export</source>
        <translation>data export</translation>
    </message>
    <message>
        <source>record update</source>
        <translation>record update</translation>
    </message>
    <message>
        <source>record deletion</source>
        <translation>record deletion</translation>
    </message>
    <message>
        <source>external share</source>
        <translation>external share</translation>
    </message>
    <message>
        <source>“%1” request</source>
        <translation>“%1” request</translation>
    </message>
    <message>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>internal</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>confidential</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>restricted</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <source>up to %1 each time</source>
        <translation>up to %1 each time</translation>
    </message>
    <message>
        <source>up to %1 in total</source>
        <translation>up to %1 in total</translation>
    </message>
    <message>
        <source>only once</source>
        <translation>only once</translation>
    </message>
    <message>
        <source>at most %1 times</source>
        <translation>at most %1 times</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 or %2</translation>
    </message>
    <message>
        <source>only with %1</source>
        <translation>only with %1</translation>
    </message>
    <message>
        <source>only to %1</source>
        <translation>only to %1</translation>
    </message>
    <message>
        <source>only data up to %1 sensitivity</source>
        <translation>only data up to %1 sensitivity</translation>
    </message>
    <message>
        <source>%1, with no further limits.</source>
        <translation>%1, with no further limits.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Nobody is asked to confirm a request before the agent acts.</source>
        <translation>Nobody is asked to confirm a request before the agent acts.</translation>
    </message>
    <message>
        <source>any request above %1</source>
        <translation>any request above %1</translation>
    </message>
    <message>
        <source>any request touching %1 data or anything more sensitive</source>
        <translation>any request touching %1 data or anything more sensitive</translation>
    </message>
    <message>
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <source>You will be asked to confirm %1.</source>
        <translation>You will be asked to confirm %1.</translation>
    </message>
    <message>
        <source>An approver will be asked to confirm %1.</source>
        <translation>An approver will be asked to confirm %1.</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>every %1</translation>
    </message>
    <message>
        <source>Two approvers other than you must both agree to %1.</source>
        <translation>Two approvers other than you must both agree to %1.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <source>The grant ends on %1, %2 from now.</source>
        <translation>The grant ends on %1, %2 from now.</translation>
    </message>
    <message>
        <source>the agent reports the task complete</source>
        <translation>the agent reports the task complete</translation>
    </message>
    <message>
        <source>the agent does nothing for %1</source>
        <translation>the agent does nothing for %1</translation>
    </message>
    <message>
        <source>the agent&apos;s context changes, for example its software version</source>
        <translation>the agent&apos;s context changes, for example its software version</translation>
    </message>
    <message>
        <source>It ends earlier as soon as %1.</source>
        <translation>It ends earlier as soon as %1.</translation>
    </message>
    <message>
        <source>, or </source>
        <translation>, or </translation>
    </message>
    <message>
        <source>You can revoke it at any time.</source>
        <translation>You can revoke it at any time.</translation>
    </message>
    <message>
        <source>No total cap on %1</source>
        <translation>No total cap on %1</translation>
    </message>
    <message>
        <source>No total cap</source>
        <translation>No total cap</translation>
    </message>
    <message>
        <source>%1: the agent may spend up to %2 until %3.</source>
        <translation>%1: the agent may spend up to %2 until %3.</translation>
    </message>
    <message>
        <source>%1: the agent may spend without limit until %2.</source>
        <translation>%1: the agent may spend without limit until %2.</translation>
    </message>
    <message>
        <source>No per-payment cap: a single payment from %1 may use the whole total of %2.</source>
        <translation>No per-payment cap: a single payment from %1 may use the whole total of %2.</translation>
    </message>
    <message>
        <source>No per-payment cap: a single payment from %1 may be of any size.</source>
        <translation>No per-payment cap: a single payment from %1 may be of any size.</translation>
    </message>
    <message>
        <source>No payee allowlist: the agent may pay anyone from %1.</source>
        <translation>No payee allowlist: the agent may pay anyone from %1.</translation>
    </message>
    <message>
        <source>No recipient allowlist: the agent may share data from %1 with anyone.</source>
        <translation>No recipient allowlist: the agent may share data from %1 with anyone.</translation>
    </message>
    <message>
        <source>Restricted data allowed: the agent may handle your most sensitive data in %1.</source>
        <translation>Restricted data allowed: the agent may handle your most sensitive data in %1.</translation>
    </message>
    <message>
        <source>No sensitivity ceiling: the agent may handle data of any sensitivity in %1, restricted data included.</source>
        <translation>No sensitivity ceiling: the agent may handle data of any sensitivity in %1, restricted data included.</translation>
    </message>
    <message>
        <source>Wildcard: %1 covers everything whose name starts with %2.</source>
        <translation>Wildcard: %1 covers everything whose name starts with %2.</translation>
    </message>
    <message>
        <source>Deletes without a second approver: the agent may delete records in %1 without anyone else agreeing.</source>
        <translation>Deletes without a second approver: the agent may delete records in %1 without anyone else agreeing.</translation>
    </message>
    <message>
        <source>%1 may act on your behalf for this purpose: “%2”.</source>
        <translation>%1 may act on your behalf for this purpose: “%2”.</translation>
    </message>
    <message>
        <source>No confirmation on payments: nobody is asked before the agent pays, whatever the amount.</source>
        <translation>No confirmation on payments: nobody is asked before the agent pays, whatever the amount.</translation>
    </message>
    <message>
        <source>Long lifetime: this grant lasts %1, until %2. A shorter grant is safer; you can always grant again.</source>
        <translation>Long lifetime: this grant lasts %1, until %2. A shorter grant is safer; you can always grant again.</translation>
    </message>
    <message>
        <source>only %1 from %2 to %3 (%4 time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent may use it from %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyInput</name>
    <message>
        <source>%1 is not a currency code.</source>
        <translation>%1 is not a currency code.</translation>
    </message>
    <message>
        <source>Enter an amount in digits, such as %1.</source>
        <translation>Enter an amount in digits, such as %1.</translation>
    </message>
    <message>
        <source>%1 amounts have no decimal places.</source>
        <translation>%1 amounts have no decimal places.</translation>
    </message>
    <message>
        <source>%1 amounts have at most 1 decimal place.</source>
        <translation>%1 amounts have at most 1 decimal place.</translation>
    </message>
    <message>
        <source>%1 amounts have at most %2 decimal places.</source>
        <translation>%1 amounts have at most %2 decimal places.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>The amount is too large.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The impact could not be counted (%1).</source>
        <translation>The impact could not be counted (%1).</translation>
    </message>
</context>
<context>
    <name>ReasonConfirmDialog</name>
    <message>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>&amp;Reason (recorded in the audit log):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason rule</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterEnforcementPointDialog</name>
    <message>
        <source>Register an enforcement point</source>
        <translation>Register an enforcement point</translation>
    </message>
    <message>
        <source>Name the gateway or MCP server that will ask Mandate before it lets an agent&apos;s call through. The name appears in the audit log with every decision it asks for.</source>
        <translation>Name the gateway or MCP server that will ask Mandate before it lets an agent&apos;s call through. The name appears in the audit log with every decision it asks for.</translation>
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
        <translation>For example: Payments API gateway (production)</translation>
    </message>
    <message>
        <source>Name error</source>
        <translation>Name error</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>ScopeDraft</name>
    <message>
        <source>%1 is not a currency code.</source>
        <translation>%1 is not a currency code.</translation>
    </message>
    <message>
        <source>Pay money from an account. Set how much each payment and all payments together may be, and list the payees it may pay (one per line, such as payee:lufthansa).</source>
        <translation>Pay money from an account. Set how much each payment and all payments together may be, and list the payees it may pay (one per line, such as payee:lufthansa).</translation>
    </message>
    <message>
        <source>Read data without taking a copy out.</source>
        <translation>Read data without taking a copy out.</translation>
    </message>
    <message>
        <source>Take a copy of data out, such as a CSV download. Cap how sensitive the data may be.</source>
        <translation>Take a copy of data out, such as a CSV download. Cap how sensitive the data may be.</translation>
    </message>
    <message>
        <source>Change existing records.</source>
        <translation>Change existing records.</translation>
    </message>
    <message>
        <source>Delete records for good. Consider requiring two approvers on the next page.</source>
        <translation>Delete records for good. Consider requiring two approvers on the next page.</translation>
    </message>
    <message>
        <source>Send data to people or systems outside your organisation. List the recipients it may share with (one per line, such as recipient:partner-agency).</source>
        <translation>Send data to people or systems outside your organisation. List the recipients it may share with (one per line, such as recipient:partner-agency).</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Data export</source>
        <translation>Data export</translation>
    </message>
    <message>
        <source>Deletes</source>
        <translation>Deletes</translation>
    </message>
    <message>
        <source>External sharing</source>
        <translation>External sharing</translation>
    </message>
    <message>
        <source>New scope</source>
        <translation>New scope</translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Mandate</source>
        <translation>Sign in to Mandate</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Mandate&lt;/h2&gt;&lt;p&gt;Govern what AI agents may do on your behalf.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Mandate&lt;/h2&gt;&lt;p&gt;Govern what AI agents may do on your behalf.&lt;/p&gt;</translation>
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
        <translation>Server address</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Sign-in status</translation>
    </message>
    <message>
        <source>Start a local &amp;sandbox</source>
        <translation>Start a local &amp;sandbox</translation>
    </message>
    <message>
        <source>Runs mandate-server with a demo organisation on this computer and signs in to it.</source>
        <translation>Runs mandate-server with a demo organisation on this computer and signs in to it.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Sign &amp;in</translation>
    </message>
    <message>
        <source>Choose a person to fill in the username and password.</source>
        <translation>Choose a person to fill in the username and password.</translation>
    </message>
    <message>
        <source>Demo people</source>
        <translation>Demo people</translation>
    </message>
</context>
<context>
    <name>SignalsPage</name>
    <message>
        <source>Shared signals summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;verification event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared signals streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Mandate console: govern what AI agents may do.</source>
        <translation>Mandate console: govern what AI agents may do.</translation>
    </message>
    <message>
        <source>The mandate-server to sign in to.</source>
        <translation>The mandate-server to sign in to.</translation>
    </message>
</context>
<context>
    <name>mandate::client::ApiJob</name>
    <message>
        <source>The answer to %1 %2 is not a JSON object.</source>
        <translation>The answer to %1 %2 is not a JSON object.</translation>
    </message>
</context>
<context>
    <name>mandate::client::ConsoleSession</name>
    <message>
        <source>The server&apos;s sign-in answer has no session.</source>
        <translation>The server&apos;s sign-in answer has no session.</translation>
    </message>
</context>
<context>
    <name>mandate::client::LogWitness</name>
    <message>
        <source>The console could not keep the checkpoint in %1.</source>
        <translation>The console could not keep the checkpoint in %1.</translation>
    </message>
</context>
<context>
    <name>mandate::client::SandboxLauncher</name>
    <message>
        <source>mandate-server was not found next to the console or on PATH.</source>
        <translation>mandate-server was not found next to the console or on PATH.</translation>
    </message>
    <message>
        <source>mandate-server could not be started: %1</source>
        <translation>mandate-server could not be started: %1</translation>
    </message>
    <message>
        <source>mandate-server stopped before it was ready (exit code %1); see %2.</source>
        <translation>mandate-server stopped before it was ready (exit code %1); see %2.</translation>
    </message>
</context>
<context>
    <name>mandate::models::AgentListModel</name>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>SPIFFE ID</source>
        <translation>SPIFFE ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>mandate::models::ApprovalFormatter</name>
    <message>
        <source>Step-up</source>
        <translation>Step-up</translation>
    </message>
    <message>
        <source>Dual control</source>
        <translation>Dual control</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>The amount is above the delegation&apos;s step-up threshold</source>
        <translation>The amount is above the delegation&apos;s step-up threshold</translation>
    </message>
    <message>
        <source>The data is sensitive enough to need a confirmation</source>
        <translation>The data is sensitive enough to need a confirmation</translation>
    </message>
    <message>
        <source>The amount is above the delegation&apos;s dual-control threshold</source>
        <translation>The amount is above the delegation&apos;s dual-control threshold</translation>
    </message>
    <message>
        <source>This action always needs two approvers</source>
        <translation>This action always needs two approvers</translation>
    </message>
    <message>
        <source>%1:%2 left</source>
        <translation>%1:%2 left</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>Approved by %1 %2</source>
        <translation>Approved by %1 %2</translation>
    </message>
    <message>
        <source>Denied by %1 %2</source>
        <translation>Denied by %1 %2</translation>
    </message>
    <message>
        <source>1 more approval needed</source>
        <translation>1 more approval needed</translation>
    </message>
    <message>
        <source>%1 more approvals needed</source>
        <translation>%1 more approvals needed</translation>
    </message>
    <message>
        <source>Waiting for 1 approval</source>
        <translation>Waiting for 1 approval</translation>
    </message>
    <message>
        <source>%1 of %2 approvals</source>
        <translation>%1 of %2 approvals</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy asks a person to confirm this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy engine could not be asked, so this was refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::models::ApprovalListModel</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
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
        <translation>Expires in</translation>
    </message>
</context>
<context>
    <name>mandate::models::AuditFormatter</name>
    <message>
        <source> to %1</source>
        <translation> to %1</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> on %1</translation>
    </message>
    <message>
        <source>Mandate</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <source>Allowed: %1 (%2)</source>
        <translation>Allowed: %1 (%2)</translation>
    </message>
    <message>
        <source>Denied: %1 (%2)</source>
        <translation>Denied: %1 (%2)</translation>
    </message>
    <message>
        <source>A person must approve: %1 (%2)</source>
        <translation>A person must approve: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 may act for %2: %3</source>
        <translation>%1 may act for %2: %3</translation>
    </message>
    <message>
        <source>Event %1 at %2</source>
        <translation>Event %1 at %2</translation>
    </message>
    <message>
        <source>Type: %1 (%2)</source>
        <translation>Type: %1 (%2)</translation>
    </message>
    <message>
        <source>Actor: %1 (%2 %3)</source>
        <translation>Actor: %1 (%2 %3)</translation>
    </message>
    <message>
        <source>Delegation: %1</source>
        <translation>Delegation: %1</translation>
    </message>
    <message>
        <source>Chain: %1</source>
        <translation>Chain: %1</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Data: %1</translation>
    </message>
    <message>
        <source>Previous hash: %1</source>
        <translation>Previous hash: %1</translation>
    </message>
    <message>
        <source>Hash: %1</source>
        <translation>Hash: %1</translation>
    </message>
    <message>
        <source>Delegation granted</source>
        <translation>Delegation granted</translation>
    </message>
    <message>
        <source>Delegation revoked</source>
        <translation>Delegation revoked</translation>
    </message>
    <message>
        <source>Delegation expired</source>
        <translation>Delegation expired</translation>
    </message>
    <message>
        <source>Task completed</source>
        <translation>Task completed</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Approval requested</source>
        <translation>Approval requested</translation>
    </message>
    <message>
        <source>Approval decided</source>
        <translation>Approval decided</translation>
    </message>
    <message>
        <source>Approval expired</source>
        <translation>Approval expired</translation>
    </message>
    <message>
        <source>Credential issued</source>
        <translation>Credential issued</translation>
    </message>
    <message>
        <source>Agent registered</source>
        <translation>Agent registered</translation>
    </message>
    <message>
        <source>Agent suspended</source>
        <translation>Agent suspended</translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1 under delegation %2, which this agent does not hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent reinstated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may act for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer</source>
        <translation type="unfinished">the customer</translation>
    </message>
    <message>
        <source>the approvers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked %1 to approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked %1 to approve: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the delegation stopped being active (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::models::AuditListModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegation</translation>
    </message>
    <message>
        <source>This event does not verify: it, or the link to it, was changed after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::models::DecisionListModel</name>
    <message>
        <source>Allowed</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>Step-up requested</source>
        <translation>Step-up requested</translation>
    </message>
    <message>
        <source>Dual control requested</source>
        <translation>Dual control requested</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Denied by your organisation&apos;s policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied: your organisation&apos;s policy engine could not be asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 identical decisions from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::models::DelegationFormatter</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 of %2 uses</source>
        <translation>%1 of %2 uses</translation>
    </message>
    <message>
        <source>%1 spent, no total cap</source>
        <translation>%1 spent, no total cap</translation>
    </message>
    <message>
        <source>Used once, no cap</source>
        <translation>Used once, no cap</translation>
    </message>
    <message>
        <source>Used %1 times, no cap</source>
        <translation>Used %1 times, no cap</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>Not used yet</translation>
    </message>
    <message>
        <source>up to %1 per action</source>
        <translation>up to %1 per action</translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 in total</translation>
    </message>
    <message>
        <source>once</source>
        <translation>once</translation>
    </message>
    <message>
        <source>at most %1 times</source>
        <translation>at most %1 times</translation>
    </message>
    <message>
        <source>only to %1</source>
        <translation>only to %1</translation>
    </message>
    <message>
        <source>data up to %1</source>
        <translation>data up to %1</translation>
    </message>
    <message>
        <source>no limits</source>
        <translation>no limits</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>the customer</translation>
    </message>
    <message>
        <source>an approver</source>
        <translation>an approver</translation>
    </message>
    <message>
        <source>Above %1, %2 must confirm.</source>
        <translation>Above %1, %2 must confirm.</translation>
    </message>
    <message>
        <source>For %1 data or more, %2 must confirm.</source>
        <translation>For %1 data or more, %2 must confirm.</translation>
    </message>
    <message>
        <source>Above %1, two approvers must approve.</source>
        <translation>Above %1, two approvers must approve.</translation>
    </message>
    <message>
        <source>%1 always need two approvers.</source>
        <translation>%1 always need two approvers.</translation>
    </message>
    <message>
        <source>when the agent reports the task complete</source>
        <translation>when the agent reports the task complete</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>after %1 without use</source>
        <translation>after %1 without use</translation>
    </message>
    <message>
        <source>when the agent&apos;s context changes (e.g. a new agent version)</source>
        <translation>when the agent&apos;s context changes (e.g. a new agent version)</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Expired %1</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Read data</source>
        <translation>Read data</translation>
    </message>
    <message>
        <source>Data export</source>
        <translation>Data export</translation>
    </message>
    <message>
        <source>Update records</source>
        <translation>Update records</translation>
    </message>
    <message>
        <source>Delete records</source>
        <translation>Delete records</translation>
    </message>
    <message>
        <source>External sharing</source>
        <translation>External sharing</translation>
    </message>
    <message>
        <source>in less than a minute</source>
        <translation>in less than a minute</translation>
    </message>
    <message>
        <source>less than a minute ago</source>
        <translation>less than a minute ago</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>in %1 min</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>in %1 h</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>in %1 days</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <source>only %1, %2–%3 (%4 time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 always needs two approvers.</source>
        <translation type="unfinished"></translation>
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
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Spent of limit</source>
        <translation>Spent of limit</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
</context>
<context>
    <name>mandate::models::EnforcementPointListModel</name>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>It has not asked Mandate for a decision yet.</source>
        <translation>It has not asked Mandate for a decision yet.</translation>
    </message>
    <message>
        <source>Revoked on %1; its token is refused.</source>
        <translation>Revoked on %1; its token is refused.</translation>
    </message>
    <message>
        <source>Its token is accepted.</source>
        <translation>Its token is accepted.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>mandate::models::FoldedAuditModel</name>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished">%1–%2</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 identical decisions, %2; each is in the trail and in the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row stands for %1 identical decisions (events %2 to %3, %4). Each is in the audit trail and in the export; below is the newest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::models::LogWitnessFormatter</name>
    <message>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>the checkpoint is not a well-formed signed note</source>
        <translation>the checkpoint is not a well-formed signed note</translation>
    </message>
    <message>
        <source>the log&apos;s key is not a well-formed Ed25519 verifier key</source>
        <translation>the log&apos;s key is not a well-formed Ed25519 verifier key</translation>
    </message>
    <message>
        <source>the checkpoint is not signed by the log&apos;s key</source>
        <translation>the checkpoint is not signed by the log&apos;s key</translation>
    </message>
    <message>
        <source>a signature in the name of the log&apos;s key does not verify</source>
        <translation>a signature in the name of the log&apos;s key does not verify</translation>
    </message>
    <message>
        <source>the signed text is not a checkpoint (origin, tree size, root hash)</source>
        <translation>the signed text is not a checkpoint (origin, tree size, root hash)</translation>
    </message>
    <message>
        <source>the checkpoint names another log than its key</source>
        <translation>the checkpoint names another log than its key</translation>
    </message>
    <message>
        <source>the proof is malformed</source>
        <translation>the proof is malformed</translation>
    </message>
    <message>
        <source>the event is not inside the checkpoint&apos;s tree</source>
        <translation>the event is not inside the checkpoint&apos;s tree</translation>
    </message>
    <message>
        <source>the proof is for another tree size than the checkpoint</source>
        <translation>the proof is for another tree size than the checkpoint</translation>
    </message>
    <message>
        <source>the inclusion proof does not lead to the checkpoint&apos;s root</source>
        <translation>the inclusion proof does not lead to the checkpoint&apos;s root</translation>
    </message>
    <message>
        <source>the new checkpoint does not extend the one verified before</source>
        <translation>the new checkpoint does not extend the one verified before</translation>
    </message>
    <message>
        <source>the new checkpoint has fewer events than the one verified before</source>
        <translation>the new checkpoint has fewer events than the one verified before</translation>
    </message>
    <message>
        <source>the event does not hash to the leaf the proof is about</source>
        <translation>the event does not hash to the leaf the proof is about</translation>
    </message>
    <message>
        <source>the receipt is not a Mandate receipt</source>
        <translation>the receipt is not a Mandate receipt</translation>
    </message>
    <message>
        <source>Checking the audit log&apos;s signed checkpoint…</source>
        <translation>Checking the audit log&apos;s signed checkpoint…</translation>
    </message>
    <message>
        <source>✔ Log verified: append-only since %1 (%2 events). This is the first checkpoint this console keeps of this server; every later one must extend it.</source>
        <translation>✔ Log verified: append-only since %1 (%2 events). This is the first checkpoint this console keeps of this server; every later one must extend it.</translation>
    </message>
    <message>
        <source>✔ Log verified: append-only since %1 (%2 events)</source>
        <translation>✔ Log verified: append-only since %1 (%2 events)</translation>
    </message>
    <message>
        <source>✘ The server&apos;s log key changed: it now signs with %1, but this console has trusted %2 since %3 (%4). The new checkpoint is not accepted.</source>
        <translation>✘ The server&apos;s log key changed: it now signs with %1, but this console has trusted %2 since %3 (%4). The new checkpoint is not accepted.</translation>
    </message>
    <message>
        <source>✘ The server&apos;s checkpoint does not verify: %1.</source>
        <translation>✘ The server&apos;s checkpoint does not verify: %1.</translation>
    </message>
    <message>
        <source>✘ The server&apos;s audit history changed: %1. This console verified %2 events of it by %3 and does not accept the new checkpoint.</source>
        <translation>✘ The server&apos;s audit history changed: %1. This console verified %2 events of it by %3 and does not accept the new checkpoint.</translation>
    </message>
    <message>
        <source>✘ The server&apos;s checkpoint does not verify: %1. This console keeps the %2 events it verified by %3.</source>
        <translation>✘ The server&apos;s checkpoint does not verify: %1. This console keeps the %2 events it verified by %3.</translation>
    </message>
    <message>
        <source>The audit log could not be checked: %1</source>
        <translation>The audit log could not be checked: %1</translation>
    </message>
    <message>
        <source>The audit log could not be checked: %1 Last verified: %2 events by %3.</source>
        <translation>The audit log could not be checked: %1 Last verified: %2 events by %3.</translation>
    </message>
    <message>
        <source>Log %1, trusted since %2 with the key %3; the checkpoint kept is of %4 events, verified %5.</source>
        <translation>Log %1, trusted since %2 with the key %3; the checkpoint kept is of %4 events, verified %5.</translation>
    </message>
    <message>
        <source>The proof of event %1 could not be fetched: %2</source>
        <translation>The proof of event %1 could not be fetched: %2</translation>
    </message>
    <message>
        <source>Event %1 is not yet in a signed checkpoint — try again in a second.</source>
        <translation>Event %1 is not yet in a signed checkpoint — try again in a second.</translation>
    </message>
    <message>
        <source>✘ Event %1 cannot be proven: the log itself does not verify (%2).</source>
        <translation>✘ Event %1 cannot be proven: the log itself does not verify (%2).</translation>
    </message>
    <message>
        <source>✘ Event %1 is not proven: %2.</source>
        <translation>✘ Event %1 is not proven: %2.</translation>
    </message>
    <message>
        <source>✔ Event %1 is in the log, exactly as shown: leaf %2 of the %3-event checkpoint this console verified (audit path length %4).</source>
        <translation>✔ Event %1 is in the log, exactly as shown: leaf %2 of the %3-event checkpoint this console verified (audit path length %4).</translation>
    </message>
</context>
<context>
    <name>mandate::models::SignalStreamModel</name>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (revoked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered (24 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::AgentListProxy</name>
    <message>
        <source>%1 — suspended, cannot receive new grants</source>
        <translation>%1 — suspended, cannot receive new grants</translation>
    </message>
    <message>
        <source>%1 is suspended. A suspended agent cannot be given new authority until support reactivates it.</source>
        <translation>%1 is suspended. A suspended agent cannot be given new authority until support reactivates it.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::AgentPage</name>
    <message>
        <source>Which agent?</source>
        <translation>Which agent?</translation>
    </message>
    <message>
        <source>Choose the AI agent that may act on your behalf. It gets only the authority you set up on the next pages.</source>
        <translation>Choose the AI agent that may act on your behalf. It gets only the authority you set up on the next pages.</translation>
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
        <translation>Select an agent to continue. Suspended agents are listed but cannot receive new grants.</translation>
    </message>
    <message>
        <source>Workload identity: %1</source>
        <translation>Workload identity: %1</translation>
    </message>
</context>
<context>
    <name>mandate::ui::AgentsPage</name>
    <message>
        <source>The server is not reachable; this needs it.</source>
        <translation>The server is not reachable; this needs it.</translation>
    </message>
    <message>
        <source>Select an agent first.</source>
        <translation>Select an agent first.</translation>
    </message>
    <message>
        <source>%1 is already suspended.</source>
        <translation>%1 is already suspended.</translation>
    </message>
    <message>
        <source>Revoke every active delegation of %1 and refuse it from now on</source>
        <translation>Revoke every active delegation of %1 and refuse it from now on</translation>
    </message>
    <message>
        <source>&amp;Authority…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything the selected agent can still do, through which chains, and how it grew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not suspended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let %1 act again; its revoked delegations stay revoked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::ApprovalDetailPane</name>
    <message>
        <source>%1 request from %2</source>
        <translation>%1 request from %2</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <source>Agent identity</source>
        <translation>Agent identity</translation>
    </message>
    <message>
        <source>Why it needs a person: %1.</source>
        <translation>Why it needs a person: %1.</translation>
    </message>
    <message>
        <source>Nobody has decided yet.</source>
        <translation>Nobody has decided yet.</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Expires: %1</translation>
    </message>
    <message>
        <source>Select a request first.</source>
        <translation>Select a request first.</translation>
    </message>
    <message>
        <source>Your decision is on its way to the server.</source>
        <translation>Your decision is on its way to the server.</translation>
    </message>
    <message>
        <source>Approve (Ctrl+Return)</source>
        <translation>Approve (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Deny with a reason (Ctrl+D)</source>
        <translation>Deny with a reason (Ctrl+D)</translation>
    </message>
    <message>
        <source>Consent receipt of the grant (%1)</source>
        <translation>Consent receipt of the grant (%1)</translation>
    </message>
    <message>
        <source>Receipt of the decision: %1</source>
        <translation>Receipt of the decision: %1</translation>
    </message>
    <message>
        <source>Approve &amp;less…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve a lower amount than the agent asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request names no amount to lower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished">Purpose</translation>
    </message>
    <message>
        <source>Cancelled: its delegation is no longer active, so there is nothing left to decide.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::ApprovalsPage</name>
    <message>
        <source>Approval requests</source>
        <translation>Approval requests</translation>
    </message>
    <message>
        <source>Dual control</source>
        <translation>Dual control</translation>
    </message>
    <message>
        <source>Waiting for 1 approval</source>
        <translation>Waiting for 1 approval</translation>
    </message>
    <message>
        <source>14:59 left</source>
        <translation>14:59 left</translation>
    </message>
    <message>
        <source>Could not load the approval requests: %1</source>
        <translation>Could not load the approval requests: %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Every kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Every status</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Could not open the request: %1</source>
        <translation>Could not open the request: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approve this request?&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Approve this request?&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deny this request?&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Deny this request?&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>Approve request</source>
        <translation>Approve request</translation>
    </message>
    <message>
        <source>Deny request</source>
        <translation>Deny request</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Deny</translation>
    </message>
    <message>
        <source>The decision could not be saved on this computer: %1</source>
        <translation>The decision could not be saved on this computer: %1</translation>
    </message>
    <message>
        <source>Sending your decision…</source>
        <translation>Sending your decision…</translation>
    </message>
    <message>
        <source>Your decision is recorded. %1.</source>
        <translation>Your decision is recorded. %1.</translation>
    </message>
    <message>
        <source>Your decision was not accepted: %1</source>
        <translation>Your decision was not accepted: %1</translation>
    </message>
    <message>
        <source>Someone else was first: this request is already %1.</source>
        <translation>Someone else was first: this request is already %1.</translation>
    </message>
    <message>
        <source>Your decision is saved and will be sent when the server can take it (%1).</source>
        <translation>Your decision is saved and will be sent when the server can take it (%1).</translation>
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
        <translation>Any event</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Any agent</translation>
    </message>
    <message>
        <source>Verifying every event of the audit chain…</source>
        <translation>Verifying every event of the audit chain…</translation>
    </message>
    <message>
        <source>✔ Intact: all %1 events are linked and unchanged since they were written.</source>
        <translation>✔ Intact: all %1 events are linked and unchanged since they were written.</translation>
    </message>
    <message>
        <source>✘ Broken at event %1: it, or the link to it, was changed or removed after it was written. Events before it (of %2) verify.</source>
        <translation>✘ Broken at event %1: it, or the link to it, was changed or removed after it was written. Events before it (of %2) verify.</translation>
    </message>
    <message>
        <source>The chain could not be verified: %1</source>
        <translation>The chain could not be verified: %1</translation>
    </message>
    <message>
        <source>Export the audit events</source>
        <translation>Export the audit events</translation>
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
        <translation>Exporting the audit events…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Exporting the audit events… %1</source>
        <translation>Exporting the audit events… %1</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>Exported %1 to %2.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>Proving event %1 against the checkpoint this console verified…</source>
        <translation>Proving event %1 against the checkpoint this console verified…</translation>
    </message>
    <message>
        <source>Let %1 sign in again at once, from anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event a person did first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in again: their failed attempts are forgotten, from every address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in could not be unlocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events match these filters. Search takes names, usernames and ids; clear a filter to see more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ This event does not verify: its hash, or the link from the event before it, no longer matches what was written. It, or the link to it, was changed or removed afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in &amp;throttles…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::AuthorityPage</name>
    <message>
        <source>any amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more time(s)</source>
        <translation>
            <numerusform>%n more time</numerusform>
            <numerusform>%n more times</numerusform>
        </translation>
    </message>
    <message>
        <source>any number of times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegations reaching the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain and scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value left per action and resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active delegations, and grants in 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the authority: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Its authority has spread: %1 active delegations now, %2 a month ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active delegation(s) reach this agent now. </source>
        <translation>
            <numerusform>%n active delegation reaches this agent now. </numerusform>
            <numerusform>%n active delegations reach this agent now. </numerusform>
        </translation>
    </message>
    <message>
        <source>Granted in the last 30 days: %1. Passed on by it: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished">%1 — %2</translation>
    </message>
    <message>
        <source>depth %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active delegations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A month ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent per day and delegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent per day and delegation: nothing in the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>short date on a chart axis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <source>Retry &amp;now</source>
        <translation>Retry &amp;now</translation>
    </message>
    <message numerus="yes">
        <source>The server cannot be reached. What you see may be out of date; changes are disabled. Retrying in %n s.</source>
        <translation>
            <numerusform>The server cannot be reached. What you see may be out of date; changes are disabled. Retrying in %n s.</numerusform>
            <numerusform>The server cannot be reached. What you see may be out of date; changes are disabled. Retrying in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server cannot be reached. Retrying…</source>
        <translation>The server cannot be reached. Retrying…</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ConsoleController</name>
    <message>
        <source>You are signed out.</source>
        <translation>You are signed out.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::DelegationDetailPane</name>
    <message>
        <source>Select a delegation to see what its agent may do.</source>
        <translation>Select a delegation to see what its agent may do.</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegation</translation>
    </message>
    <message>
        <source>Agent and lifetime</source>
        <translation>Agent and lifetime</translation>
    </message>
    <message>
        <source>What the agent may do</source>
        <translation>What the agent may do</translation>
    </message>
    <message>
        <source>Approval rules</source>
        <translation>Approval rules</translation>
    </message>
    <message>
        <source>When a person must approve</source>
        <translation>When a person must approve</translation>
    </message>
    <message>
        <source>Revocation triggers</source>
        <translation>Revocation triggers</translation>
    </message>
    <message>
        <source>When it ends by itself</source>
        <translation>When it ends by itself</translation>
    </message>
    <message>
        <source>Delegation chain</source>
        <translation>Delegation chain</translation>
    </message>
    <message>
        <source>Latest decisions</source>
        <translation>Latest decisions</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;For %3 · %4 · granted %5, ends %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;For %3 · %4 · granted %5, ends %6</translation>
    </message>
    <message>
        <source>Revoked %1: %2</source>
        <translation>Revoked %1: %2</translation>
    </message>
    <message>
        <source>Never: every request within the limits is allowed without asking.</source>
        <translation>Never: every request within the limits is allowed without asking.</translation>
    </message>
    <message>
        <source>At %1 at the latest</source>
        <translation>At %1 at the latest</translation>
    </message>
    <message>
        <source>%1 (customer)</source>
        <translation>%1 (customer)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Sub-delegation %1</source>
        <translation>Sub-delegation %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; on %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>Usage of %1</source>
        <translation>Usage of %1</translation>
    </message>
    <message>
        <source>, or </source>
        <translation>, or </translation>
    </message>
    <message>
        <source>Save &amp;receipt…</source>
        <translation>Save &amp;receipt…</translation>
    </message>
    <message>
        <source>Save the consent receipt of this grant: its exact terms, provably in the audit log</source>
        <translation>Save the consent receipt of this grant: its exact terms, provably in the audit log</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Save &amp;decision receipt…</source>
        <translation>Save &amp;decision receipt…</translation>
    </message>
    <message>
        <source>Save the receipt of the selected decision: what the agent asked and what was decided, provably in the audit log</source>
        <translation>Save the receipt of the selected decision: what the agent asked and what was decided, provably in the audit log</translation>
    </message>
    <message>
        <source>Save &amp;consent receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save what was granted, in plain words, as a PDF people can keep and check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try an action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usable from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save consent receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent receipt saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the consent receipt: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::DelegationsPage</name>
    <message>
        <source>Delegations</source>
        <translation>Delegations</translation>
    </message>
    <message>
        <source>Search purpose, agent, SPIFFE ID, customer or id</source>
        <translation>Search purpose, agent, SPIFFE ID, customer or id</translation>
    </message>
    <message>
        <source>Search purpose, agent or id</source>
        <translation>Search purpose, agent or id</translation>
    </message>
    <message>
        <source>Search delegations</source>
        <translation>Search delegations</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation>Agent filter</translation>
    </message>
    <message>
        <source>&amp;Grant…</source>
        <translation>&amp;Grant…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Revoke…</translation>
    </message>
    <message>
        <source>Revoke all of customer…</source>
        <translation>Revoke all of customer…</translation>
    </message>
    <message>
        <source>Every grant, decision and revocation under the selected delegation</source>
        <translation>Every grant, decision and revocation under the selected delegation</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Any agent</translation>
    </message>
    <message>
        <source>Could not load delegations: %1</source>
        <translation>Could not load delegations: %1</translation>
    </message>
    <message>
        <source>Offline — showing the delegations as of %1. Nothing can be changed until the server is back.</source>
        <translation>Offline — showing the delegations as of %1. Nothing can be changed until the server is back.</translation>
    </message>
    <message>
        <source>The server is not reachable; this needs it.</source>
        <translation>The server is not reachable; this needs it.</translation>
    </message>
    <message>
        <source>Give an agent a new, limited authority</source>
        <translation>Give an agent a new, limited authority</translation>
    </message>
    <message>
        <source>Select one or more active delegations first.</source>
        <translation>Select one or more active delegations first.</translation>
    </message>
    <message>
        <source>Revoke the selected delegation</source>
        <translation>Revoke the selected delegation</translation>
    </message>
    <message>
        <source>Revoke %1 selected delegations</source>
        <translation>Revoke %1 selected delegations</translation>
    </message>
    <message>
        <source>Revoke every active delegation of this customer</source>
        <translation>Revoke every active delegation of this customer</translation>
    </message>
    <message>
        <source>Select a delegation of the customer first.</source>
        <translation>Select a delegation of the customer first.</translation>
    </message>
    <message>
        <source>Approvers see the delegations behind the requests routed to them: what the agent may do, for whom and why. Select one, or open a request on the Approvals page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::EnforcementPointsPage</name>
    <message>
        <source>Could not load the enforcement points: %1</source>
        <translation>Could not load the enforcement points: %1</translation>
    </message>
    <message>
        <source>Registered the enforcement point %1.</source>
        <translation>Registered the enforcement point %1.</translation>
    </message>
    <message>
        <source>The enforcement point was not registered: %1</source>
        <translation>The enforcement point was not registered: %1</translation>
    </message>
    <message>
        <source>Revoke enforcement point</source>
        <translation>Revoke enforcement point</translation>
    </message>
    <message>
        <source>&lt;b&gt;Revoke %1?&lt;/b&gt;&lt;br&gt;Its token is refused from its next request on, so every agent call it guards is refused until it is registered again with a new token. This cannot be undone.</source>
        <translation>&lt;b&gt;Revoke %1?&lt;/b&gt;&lt;br&gt;Its token is refused from its next request on, so every agent call it guards is refused until it is registered again with a new token. This cannot be undone.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Revoked %1; its token is refused from now on.</source>
        <translation>Revoked %1; its token is refused from now on.</translation>
    </message>
    <message>
        <source>%1 was not revoked: %2</source>
        <translation>%1 was not revoked: %2</translation>
    </message>
    <message>
        <source>Name a gateway or MCP server and get its token</source>
        <translation>Name a gateway or MCP server and get its token</translation>
    </message>
    <message>
        <source>The server is not reachable; this needs it.</source>
        <translation>The server is not reachable; this needs it.</translation>
    </message>
    <message>
        <source>Select an enforcement point first.</source>
        <translation>Select an enforcement point first.</translation>
    </message>
    <message>
        <source>%1 is already revoked.</source>
        <translation>%1 is already revoked.</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Revoking…</translation>
    </message>
    <message>
        <source>Refuse the token of %1 from now on</source>
        <translation>Refuse the token of %1 from now on</translation>
    </message>
</context>
<context>
    <name>mandate::ui::EnforcementTokenDialog</name>
    <message>
        <source>Token for %1</source>
        <translation>Token for %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is registered.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 is registered.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::GrantController</name>
    <message>
        <source>Granted %1: %2</source>
        <translation>Granted %1: %2</translation>
    </message>
    <message>
        <source>Try an action before granting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::GrantWizard</name>
    <message>
        <source>Grant authority to an agent</source>
        <translation>Grant authority to an agent</translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation>&amp;Grant</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Please fix the marked field before granting.</source>
        <translation>Please fix the marked field before granting.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::LifetimePage</name>
    <message>
        <source>How long?</source>
        <translation>How long?</translation>
    </message>
    <message>
        <source>Every grant ends on its own. Choose a short lifetime: you can always grant again, and you can revoke at any time.</source>
        <translation>Every grant ends on its own. Choose a short lifetime: you can always grant again, and you can revoke at any time.</translation>
    </message>
    <message>
        <source>The grant ends</source>
        <translation>The grant ends</translation>
    </message>
    <message>
        <source>In 1 &amp;hour</source>
        <translation>In 1 &amp;hour</translation>
    </message>
    <message>
        <source>Ends in 1 hour</source>
        <translation>Ends in 1 hour</translation>
    </message>
    <message>
        <source>In 1 &amp;day</source>
        <translation>In 1 &amp;day</translation>
    </message>
    <message>
        <source>Ends in 1 day</source>
        <translation>Ends in 1 day</translation>
    </message>
    <message>
        <source>In 1 &amp;week</source>
        <translation>In 1 &amp;week</translation>
    </message>
    <message>
        <source>Ends in 1 week</source>
        <translation>Ends in 1 week</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>&amp;On:</translation>
    </message>
    <message>
        <source>Ends on a date of your choice</source>
        <translation>Ends on a date of your choice</translation>
    </message>
    <message>
        <source>End date and time</source>
        <translation>End date and time</translation>
    </message>
    <message>
        <source>It ends earlier</source>
        <translation>It ends earlier</translation>
    </message>
    <message>
        <source>When the agent reports the task &amp;complete</source>
        <translation>When the agent reports the task &amp;complete</translation>
    </message>
    <message>
        <source>Ends when the task is complete</source>
        <translation>Ends when the task is complete</translation>
    </message>
    <message>
        <source>When the agent has been &amp;idle for:</source>
        <translation>When the agent has been &amp;idle for:</translation>
    </message>
    <message>
        <source>Ends after a time without activity</source>
        <translation>Ends after a time without activity</translation>
    </message>
    <message>
        <source>Idle time in minutes</source>
        <translation>Idle time in minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>When the agent&apos;s conte&amp;xt changes, for example a new software version</source>
        <translation>When the agent&apos;s conte&amp;xt changes, for example a new software version</translation>
    </message>
    <message>
        <source>Ends when the agent context changes</source>
        <translation>Ends when the agent context changes</translation>
    </message>
    <message>
        <source>The end date</source>
        <translation>The end date</translation>
    </message>
    <message>
        <source>The idle time (in seconds)</source>
        <translation>The idle time (in seconds)</translation>
    </message>
    <message>
        <source>Ending early</source>
        <translation>Ending early</translation>
    </message>
    <message>
        <source>%1 has already passed.</source>
        <translation>%1 has already passed.</translation>
    </message>
    <message>
        <source>Ends on %1, %2 from now.</source>
        <translation>Ends on %1, %2 from now.</translation>
    </message>
    <message>
        <source>That is a long time; a shorter grant is safer.</source>
        <translation>That is a long time; a shorter grant is safer.</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends in a number of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation type="unfinished"></translation>
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
        <translation>My delegations</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Delegations</translation>
    </message>
    <message>
        <source>What each agent may do, and how much of it is used</source>
        <translation>What each agent may do, and how much of it is used</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>The registered agent identities</source>
        <translation>The registered agent identities</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>The tamper-evident record of every grant, decision and revocation</source>
        <translation>The tamper-evident record of every grant, decision and revocation</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) at %3</source>
        <translation>Signed in as %1 (%2) at %3</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Every approval request, read-only</source>
        <translation>Every approval request, read-only</translation>
    </message>
    <message>
        <source>Requests waiting for your decision</source>
        <translation>Requests waiting for your decision</translation>
    </message>
    <message>
        <source>Approvals (%1)</source>
        <translation>Approvals (%1)</translation>
    </message>
    <message>
        <source>New %1 request</source>
        <translation>New %1 request</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
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
        <translation>Connected, live updates reconnecting</translation>
    </message>
    <message>
        <source>Enforcement points</source>
        <translation>Enforcement points</translation>
    </message>
    <message>
        <source>The gateways and MCP servers that ask Mandate for decisions</source>
        <translation>The gateways and MCP servers that ask Mandate for decisions</translation>
    </message>
    <message>
        <source>Shared signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource servers told the moment an agent&apos;s authority ends, and how delivery goes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::MoneyEdit</name>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>%1 amount</source>
        <translation>%1 amount</translation>
    </message>
    <message>
        <source>%1 currency</source>
        <translation>%1 currency</translation>
    </message>
</context>
<context>
    <name>mandate::ui::NarrowApprovalDialog</name>
    <message>
        <source>Approve a lower amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Approve only part of this request?&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;The agent asked for %2. It may then move at most the amount you enter, once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most the agent may move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At &amp;most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why only this much (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve this much</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the most the agent may move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision could not be saved on this computer: %1</source>
        <translation type="unfinished">The decision could not be saved on this computer: %1</translation>
    </message>
</context>
<context>
    <name>mandate::ui::OrgPolicyIndicator</name>
    <message>
        <source>Organisation policy engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org policy engine unreachable: decisions go ahead without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org policy engine unreachable: decisions that need it are denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation&apos;s policy engine at %1 did not answer its last question.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::PurposePage</name>
    <message>
        <source>What is it for?</source>
        <translation>What is it for?</translation>
    </message>
    <message>
        <source>Say in your own words what the agent should do. It appears with every request and in the audit log.</source>
        <translation>Say in your own words what the agent should do. It appears with every request and in the audit log.</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Purpose:</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>For example: Book flights and a hotel for the Berlin trip, 3–6 December</source>
        <translation>For example: Book flights and a hotel for the Berlin trip, 3–6 December</translation>
    </message>
    <message>
        <source>A good purpose names the task and its limits in time or place, so anyone reading the audit log later can tell whether the agent stayed on task.</source>
        <translation>A good purpose names the task and its limits in time or place, so anyone reading the audit log later can tell whether the agent stayed on task.</translation>
    </message>
    <message>
        <source>The purpose</source>
        <translation>The purpose</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters used</source>
        <translation>%1 of at most %2 characters used</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ReasonConfirmDialog</name>
    <message numerus="yes">
        <source>Why? At least %n characters.</source>
        <translation>
            <numerusform>Why? At least %n character.</numerusform>
            <numerusform>Why? At least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Why? Optional.</source>
        <translation>Why? Optional.</translation>
    </message>
    <message numerus="yes">
        <source>Why? At least %n characters, not counting spaces.</source>
        <translation>
            <numerusform>Why? At least %n character, not counting spaces.</numerusform>
            <numerusform>Why? At least %n characters, not counting spaces.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason (recorded in the audit log and shown to the customer):</source>
        <translation type="unfinished">&amp;Reason (recorded in the audit log and shown to the customer):</translation>
    </message>
    <message>
        <source>The reason is too long: %1 of at most %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Give a reason of at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give a reason of at least %n characters, not counting spaces (%1 so far).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mandate::ui::ReceiptSaver</name>
    <message>
        <source>Save the receipt</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The receipt could not be fetched: %1</source>
        <translation>The receipt could not be fetched: %1</translation>
    </message>
    <message>
        <source>Not yet in a checkpoint — try again in a second.</source>
        <translation>Not yet in a checkpoint — try again in a second.</translation>
    </message>
    <message>
        <source>The server&apos;s receipt does not verify (%1), so it was not saved.</source>
        <translation>The server&apos;s receipt does not verify (%1), so it was not saved.</translation>
    </message>
    <message>
        <source>The receipt could not be saved to %1: %2</source>
        <translation>The receipt could not be saved to %1: %2</translation>
    </message>
    <message>
        <source>Receipt saved to %1. It proves that “%2” (event %3) is in the server&apos;s audit log of %4 events; anyone can check it offline with mandate-agent verify-receipt.</source>
        <translation>Receipt saved to %1. It proves that “%2” (event %3) is in the server&apos;s audit log of %4 events; anyone can check it offline with mandate-agent verify-receipt.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::RegisterEnforcementPointDialog</name>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Give the enforcement point a name.</source>
        <translation>Give the enforcement point a name.</translation>
    </message>
    <message>
        <source>The name is too long: %1 characters, at most %2.</source>
        <translation>The name is too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>The name</translation>
    </message>
</context>
<context>
    <name>mandate::ui::ReviewPage</name>
    <message>
        <source>Check and grant</source>
        <translation>Check and grant</translation>
    </message>
    <message>
        <source>This is exactly what the agent will be allowed to do. Go back to change anything.</source>
        <translation>This is exactly what the agent will be allowed to do. Go back to change anything.</translation>
    </message>
    <message>
        <source>Summary of the grant</source>
        <translation>Summary of the grant</translation>
    </message>
    <message>
        <source>It may do only this; anything else is refused:</source>
        <translation>It may do only this; anything else is refused:</translation>
    </message>
    <message>
        <source>Nothing unusual stood out.</source>
        <translation>Nothing unusual stood out.</translation>
    </message>
    <message>
        <source>Before you grant, think about these:</source>
        <translation>Before you grant, think about these:</translation>
    </message>
    <message>
        <source>Granting… waiting for the server to confirm.</source>
        <translation>Granting… waiting for the server to confirm.</translation>
    </message>
    <message>
        <source>The grant was not made: %1</source>
        <translation>The grant was not made: %1</translation>
    </message>
</context>
<context>
    <name>mandate::ui::RevocationController</name>
    <message>
        <source>1 delegation</source>
        <translation>1 delegation</translation>
    </message>
    <message>
        <source>%1 delegations</source>
        <translation>%1 delegations</translation>
    </message>
    <message>
        <source>&lt;b&gt;Revoke this delegation?&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;The agent loses this authority at once, and so does every agent it delegated onwards.</source>
        <translation>&lt;b&gt;Revoke this delegation?&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;The agent loses this authority at once, and so does every agent it delegated onwards.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Revoke %1?&lt;/b&gt;&lt;br&gt;The agents lose this authority at once, and so does every agent they delegated onwards.</source>
        <translation>&lt;b&gt;Revoke %1?&lt;/b&gt;&lt;br&gt;The agents lose this authority at once, and so does every agent they delegated onwards.</translation>
    </message>
    <message>
        <source>Revoke delegation</source>
        <translation>Revoke delegation</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n</source>
        <translation>
            <numerusform>Revoke %n</numerusform>
            <numerusform>Revoke %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoked %1.</source>
        <translation>Revoked %1.</translation>
    </message>
    <message>
        <source>Revoking &quot;%1&quot; failed: %2</source>
        <translation>Revoking &quot;%1&quot; failed: %2</translation>
    </message>
    <message>
        <source>Revoke all delegations</source>
        <translation>Revoke all delegations</translation>
    </message>
    <message>
        <source>&lt;b&gt;Revoke every active delegation of %1?&lt;/b&gt;&lt;br&gt;All of their agents lose the authority %1 gave them, at once.</source>
        <translation>&lt;b&gt;Revoke every active delegation of %1?&lt;/b&gt;&lt;br&gt;All of their agents lose the authority %1 gave them, at once.</translation>
    </message>
    <message>
        <source>Revoke all</source>
        <translation>Revoke all</translation>
    </message>
    <message>
        <source>Revoked %1 of %2.</source>
        <translation>Revoked %1 of %2.</translation>
    </message>
    <message>
        <source>Suspend agent</source>
        <translation>Suspend agent</translation>
    </message>
    <message>
        <source>Counting the active delegations this revokes…</source>
        <translation>Counting the active delegations this revokes…</translation>
    </message>
    <message>
        <source>Suspended %1 and revoked %2.</source>
        <translation>Suspended %1 and revoked %2.</translation>
    </message>
    <message>
        <source>Counting the active delegations this revokes… %1 so far</source>
        <translation>Counting the active delegations this revokes… %1 so far</translation>
    </message>
    <message>
        <source>It holds no active delegation, so none is revoked.</source>
        <translation>It holds no active delegation, so none is revoked.</translation>
    </message>
    <message>
        <source>This revokes 1 active delegation.</source>
        <translation>This revokes 1 active delegation.</translation>
    </message>
    <message>
        <source>This revokes %1 active delegations.</source>
        <translation>This revokes %1 active delegations.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Suspend %1?&lt;/b&gt;&lt;br&gt;The agent is refused everything from now on, for every customer, and every credential it holds stops working. Its waiting approval requests are cancelled.&lt;br&gt;&lt;b&gt;This cannot be undone for its delegations:&lt;/b&gt; they stay revoked even if support reinstates the agent later, and each customer must grant again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstate agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Reinstate %1?&lt;/b&gt;&lt;br&gt;The agent may be granted delegations and act again. The delegations its suspension revoked stay revoked: each customer grants again if they still want it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstated %1. Its earlier delegations stay revoked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::RoleNames</name>
    <message>
        <source>customer</source>
        <translation>customer</translation>
    </message>
    <message>
        <source>approver</source>
        <translation>approver</translation>
    </message>
    <message>
        <source>support</source>
        <translation>support</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
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
        <translation>What may it do?</translation>
    </message>
    <message>
        <source>Add each thing the agent may do, from a template or your own. Anything not listed here is refused.</source>
        <translation>Add each thing the agent may do, from a template or your own. Anything not listed here is refused.</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>&amp;Scopes:</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Add a scope</source>
        <translation>Add a scope</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Remove the selected scope</source>
        <translation>Remove the selected scope</translation>
    </message>
    <message>
        <source>Selected scope</source>
        <translation>Selected scope</translation>
    </message>
    <message>
        <source>Acti&amp;on:</source>
        <translation>Acti&amp;on:</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>&amp;Resource:</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>kind:id, such as account:acc_1 or dataset:crm/*</source>
        <translation>kind:id, such as account:acc_1 or dataset:crm/*</translation>
    </message>
    <message>
        <source>&amp;Each time at most:</source>
        <translation>&amp;Each time at most:</translation>
    </message>
    <message>
        <source>In &amp;total at most:</source>
        <translation>In &amp;total at most:</translation>
    </message>
    <message>
        <source>Number of &amp;uses:</source>
        <translation>Number of &amp;uses:</translation>
    </message>
    <message>
        <source>Maximum number of uses</source>
        <translation>Maximum number of uses</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>Only &amp;to:</source>
        <translation>Only &amp;to:</translation>
    </message>
    <message>
        <source>Allowed destinations, one per line</source>
        <translation>Allowed destinations, one per line</translation>
    </message>
    <message>
        <source>Any destination. List the allowed ones, one per line, such as payee:lufthansa</source>
        <translation>Any destination. List the allowed ones, one per line, such as payee:lufthansa</translation>
    </message>
    <message>
        <source>&amp;Data up to:</source>
        <translation>&amp;Data up to:</translation>
    </message>
    <message>
        <source>Sensitivity ceiling</source>
        <translation>Sensitivity ceiling</translation>
    </message>
    <message>
        <source>The action</source>
        <translation>The action</translation>
    </message>
    <message>
        <source>The resource</source>
        <translation>The resource</translation>
    </message>
    <message>
        <source>The per-action cap</source>
        <translation>The per-action cap</translation>
    </message>
    <message>
        <source>The total cap</source>
        <translation>The total cap</translation>
    </message>
    <message>
        <source>The number of uses</source>
        <translation>The number of uses</translation>
    </message>
    <message>
        <source>The destination list</source>
        <translation>The destination list</translation>
    </message>
    <message>
        <source>The sensitivity ceiling</source>
        <translation>The sensitivity ceiling</translation>
    </message>
    <message>
        <source>Per-action cap</source>
        <translation>Per-action cap</translation>
    </message>
    <message>
        <source>Total cap</source>
        <translation>Total cap</translation>
    </message>
    <message>
        <source>Any sensitivity (no ceiling)</source>
        <translation>Any sensitivity (no ceiling)</translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation>&amp;Payments</translation>
    </message>
    <message>
        <source>&amp;Data export</source>
        <translation>&amp;Data export</translation>
    </message>
    <message>
        <source>D&amp;eletes</source>
        <translation>D&amp;eletes</translation>
    </message>
    <message>
        <source>E&amp;xternal sharing</source>
        <translation>E&amp;xternal sharing</translation>
    </message>
    <message>
        <source>&amp;Custom scope</source>
        <translation>&amp;Custom scope</translation>
    </message>
    <message>
        <source>The list of scopes</source>
        <translation>The list of scopes</translation>
    </message>
    <message>
        <source>This scope</source>
        <translation>This scope</translation>
    </message>
    <message>
        <source>This scope needs attention.</source>
        <translation>This scope needs attention.</translation>
    </message>
</context>
<context>
    <name>mandate::ui::SignInDialog</name>
    <message>
        <source>Sandbox running at %1. Signing in as %2…</source>
        <translation>Sandbox running at %1. Signing in as %2…</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, for example https://mandate.example.com.</source>
        <translation>Enter the server&apos;s address, for example https://mandate.example.com.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Starting a local sandbox with demo data…</source>
        <translation>Starting a local sandbox with demo data…</translation>
    </message>
    <message>
        <source>The username or password is not right.</source>
        <translation>The username or password is not right.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a demo person: username (roles)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo server&lt;/b&gt; — sign in as: %1&lt;br&gt;Password: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Demo server&lt;/b&gt; — sign in as: %1&lt;br&gt;Password: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts from this computer. Try again in %n minute(s), or ask an administrator to unlock your account.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mandate::ui::SignInThrottlesDialog</name>
    <message>
        <source>&amp;Unlock sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in throttles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who cannot sign in now after too many failed attempts, and from where. Unlock lets a person sign in again at once, from every address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished">Username</translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The throttles could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone from this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in %2 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is throttled: everyone may sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let %1 sign in again at once, from anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a person first; an address is freed when its window ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in again: their failed attempts are forgotten, from every address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in could not be unlocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::SignalsPage</name>
    <message>
        <source>No receiver is registered. Resource servers that accept agents&apos; credentials register through the API and then hear the moment an agent&apos;s authority ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers registered: %1. Each hears the moment an agent&apos;s authority ends: its delegations revoked, expired or completed, its credentials revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the receivers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is not reachable; this needs it.</source>
        <translation type="unfinished">The server is not reachable; this needs it.</translation>
    </message>
    <message>
        <source>Select a stream first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver was revoked; its streams send nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold this stream&apos;s events; the receiver is told so</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this stream&apos;s events again, the held ones first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the receiver to confirm that events reach it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed; the receiver is told and gets what was held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused; the receiver is told, and its events are held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verification event is on its way to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::ThresholdsPage</name>
    <message>
        <source>When should people be asked?</source>
        <translation>When should people be asked?</translation>
    </message>
    <message>
        <source>Decide which requests wait for a person to say yes. Everything else within the scopes goes ahead on its own.</source>
        <translation>Decide which requests wait for a person to say yes. Everything else within the scopes goes ahead on its own.</translation>
    </message>
    <message>
        <source>Confirmation (step-up)</source>
        <translation>Confirmation (step-up)</translation>
    </message>
    <message>
        <source>The agent stops and waits until the request is confirmed.</source>
        <translation>The agent stops and waits until the request is confirmed.</translation>
    </message>
    <message>
        <source>Ask before any request &amp;above:</source>
        <translation>Ask before any request &amp;above:</translation>
    </message>
    <message>
        <source>Ask before requests above an amount</source>
        <translation>Ask before requests above an amount</translation>
    </message>
    <message>
        <source>Ask before touching data at or a&amp;bove:</source>
        <translation>Ask before touching data at or a&amp;bove:</translation>
    </message>
    <message>
        <source>Ask before touching sensitive data</source>
        <translation>Ask before touching sensitive data</translation>
    </message>
    <message>
        <source>Sensitivity that needs confirmation</source>
        <translation>Sensitivity that needs confirmation</translation>
    </message>
    <message>
        <source>Who confirms:</source>
        <translation>Who confirms:</translation>
    </message>
    <message>
        <source>Who confirms</source>
        <translation>Who confirms</translation>
    </message>
    <message>
        <source>&amp;You</source>
        <translation>&amp;You</translation>
    </message>
    <message>
        <source>You confirm</source>
        <translation>You confirm</translation>
    </message>
    <message>
        <source>An a&amp;pprover in your organisation</source>
        <translation>An a&amp;pprover in your organisation</translation>
    </message>
    <message>
        <source>An approver confirms</source>
        <translation>An approver confirms</translation>
    </message>
    <message>
        <source>Two approvers (dual control)</source>
        <translation>Two approvers (dual control)</translation>
    </message>
    <message>
        <source>Two people other than you must both approve. Use it for what would be hard to undo.</source>
        <translation>Two people other than you must both approve. Use it for what would be hard to undo.</translation>
    </message>
    <message>
        <source>For any request abo&amp;ve:</source>
        <translation>For any request abo&amp;ve:</translation>
    </message>
    <message>
        <source>Two approvers for requests above an amount</source>
        <translation>Two approvers for requests above an amount</translation>
    </message>
    <message>
        <source>For every &amp;request of:</source>
        <translation>For every &amp;request of:</translation>
    </message>
    <message>
        <source>Actions that need two approvers</source>
        <translation>Actions that need two approvers</translation>
    </message>
    <message>
        <source>%1 is not a currency code.</source>
        <translation>%1 is not a currency code.</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Enter an amount.</translation>
    </message>
    <message>
        <source>Step-up threshold</source>
        <translation>Step-up threshold</translation>
    </message>
    <message>
        <source>Dual-control threshold</source>
        <translation>Dual-control threshold</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The step-up amount</source>
        <translation>The step-up amount</translation>
    </message>
    <message>
        <source>The step-up sensitivity</source>
        <translation>The step-up sensitivity</translation>
    </message>
    <message>
        <source>Step-up</source>
        <translation>Step-up</translation>
    </message>
    <message>
        <source>The dual-control amount</source>
        <translation>The dual-control amount</translation>
    </message>
    <message>
        <source>Dual control</source>
        <translation>Dual control</translation>
    </message>
    <message>
        <source>The action %1</source>
        <translation>The action %1</translation>
    </message>
    <message>
        <source>A dual-control action</source>
        <translation>A dual-control action</translation>
    </message>
</context>
<context>
    <name>mandate::ui::TryActionPanel</name>
    <message>
        <source>Action to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account:acc_1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payee:lufthansa (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitivity to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the decision this request would get now. Nothing is spent, approved or recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision it would get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the resource the agent would act on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What if %1 tried “%2” on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> to %1</source>
        <translation type="unfinished"> to %1</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It would be allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It would be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person would have to confirm it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two approvers would have to approve it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 and %n use(s).</source>
        <translation>
            <numerusform>%1: %2 and %n use.</numerusform>
            <numerusform>%1: %2 and %n uses.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished">%1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n use(s).</source>
        <translation>
            <numerusform>%1: %n use.</numerusform>
            <numerusform>%1: %n uses.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was spent, approved or recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the total limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number of uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the per-action limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit that binds: %1 of this delegation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit that binds: %1 of the delegation it was passed on from (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act&amp;ion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reso&amp;urce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinatio&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensiti&amp;vity:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mandate::ui::UsageWindowBox</name>
    <message>
        <source>When it may be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;later, at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only on these &amp;days and hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From – until, time zone:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

#!/usr/bin/env bash
# Renders every page of the console into docs/screenshots/*.png: the UI tests drive the real widgets
# against a real demo server under Xvfb and save each window as it stands.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target tst_ConsoleUi tst_GrantWizard tst_ApprovalsUi tst_Accessibility tst_AuditWitnessUi \
  tst_EnforcementPointsUi tst_SignalsUi tst_OrgPolicyUi tst_SeeingUi tst_PolishUi
out=$(pwd)/docs/screenshots
mkdir -p "$out" "$out/wizard"
shoot() { # directory test [functions...]
  local dir=$1; shift
  xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb MANDATE_SCREENSHOT_DIR="$dir" "$@" >/dev/null
}
shoot "$out" build/dev/tests/ui/tst_ConsoleUi
shoot "$out/wizard" build/dev/tests/ui/tst_GrantWizard grantsWhatThePagesDescribe errorLinesMoveNoInput
shoot "$out" build/dev/tests/ui/tst_ApprovalsUi twoApproversCompleteADualControl
# audit-log-*.png: the console as a witness of the log, verified and after a rewritten history.
shoot "$out" build/dev/tests/ui/tst_AuditWitnessUi theAuditPageSaysTheLogIsVerifiedAndProvesAnEvent \
  aRewrittenHistoryIsReportedLoudly
# enforcement-*.png: the admin's Enforcement points page, the registration and the token shown once,
# each in light, dark and German.
shoot "$out" build/dev/tests/ui/tst_EnforcementPointsUi screenshotsInLightDarkAndGerman
# de-*.png and dark-*.png: the console in German and in a dark palette.
shoot "$out" build/dev/tests/ui/tst_Accessibility screenshotsInGermanAndDark
# shared-signals.png and its German and dark twins: an admin's view of the receivers' streams.
shoot "$out" build/dev/tests/ui/tst_SignalsUi showsDeliveryStateAndPausesAndResumes screenshotsInGermanAndDark
# org-policy-*.png: support sees the organisation's policy engine down; a customer reads why it asks for a person.
shoot "$out" build/dev/tests/ui/tst_OrgPolicyUi screenshotsInLightDarkAndGerman
shoot "$out" build/dev/tests/ui/tst_SeeingUi
# audit-repeats, sign-in-throttles and the wizard's reserved error lines, in light, dark and German.
shoot "$out" build/dev/tests/ui/tst_PolishUi
# The consent receipts are PDFs; their first pages as pictures (poppler-utils).
for pdf in consent-receipt de-consent-receipt; do
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$out/$pdf.pdf" "$out/$pdf" && rm -f "$out/$pdf.pdf"
done
echo "screenshots in $out"

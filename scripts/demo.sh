#!/usr/bin/env bash
# The story Interdict exists for, played against a running gateway with curl (README, "Demo"):
# amazon and dhl push signals; ipr-center and cbp pull them; ipr-center requests an inspection of a
# dhl shipment; dhl acknowledges the hold; cbp completes it as SEIZED; ipr-center links the evidence
# and records a CIVIL_LITIGATION outcome, which amazon then sees.
#
#   scripts/demo.sh [base-url]        (default http://localhost:8080; needs curl and jq)
set -euo pipefail
BASE="${1:-http://localhost:8080}"
API="$BASE/api/v1"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
token() {
    curl -fsS -u "$1:$1-dev-secret" -d grant_type=client_credentials "$BASE/oauth2/token" | jq -r .access_token
}
# call CLIENT METHOD PATH [JSON]: prints the response body, fails on a non-2xx status
call() {
    local client="$1" method="$2" path="$3" body="${4:-}"
    local args=(-sS -X "$method" -H "Authorization: Bearer ${TOKENS[$client]}" -w '\n%{http_code}')
    if [ -n "$body" ]; then
        args+=(-H 'Content-Type: application/json' -H "Idempotency-Key: demo-$(date +%s%N)" -d "$body")
    fi
    local response status
    response="$(curl "${args[@]}" "$API$path")"
    status="${response##*$'\n'}"
    response="${response%$'\n'*}"
    if [ "${status:0:1}" != "2" ]; then
        echo "$method $path as $client answered $status: $response" >&2
        return 1
    fi
    printf '%s' "$response"
}
retry() { # retry N command...: read models follow the event store within moments
    local tries="$1"; shift
    for _ in $(seq 1 "$tries"); do "$@" 2>/dev/null && return 0; sleep 0.5; done
    "$@"
}

declare -A TOKENS
for client in amazon dhl ipr-center cbp; do TOKENS[$client]="$(token "$client")"; done

say "amazon pushes a counterfeit-product signal (TLP:AMBER, to ipr-center and cbp)"
SHARE_A="$(call amazon POST /shares '{
  "kind": "COUNTERFEIT_PRODUCT", "marking": "TLP:AMBER", "audience": ["ipr-center", "cbp"],
  "subject": {"sellerAccount": "A3KX9Q1L0PZ", "productId": "B0CXY12345", "trackingNumber": "JD014600006281234567",
              "hsCode": "6403.99", "originCountry": "CN", "portOfEntry": "USLAX", "consignee": "Northline Imports LLC"},
  "indicators": ["price 80% under list", "logo mismatch"], "confidence": 85,
  "evidence": [{"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "description": "listing capture"}]
}' | jq -r .aggregateId)"
echo "share $SHARE_A"

say "dhl pushes a suspect-shipment signal for the same consignee"
SHARE_D="$(call dhl POST /shares '{
  "kind": "SUSPECT_SHIPMENT", "marking": "TLP:AMBER", "audience": ["ipr-center", "cbp"],
  "subject": {"trackingNumber": "JD014600006281234567", "airWaybill": "176-12345675", "portOfEntry": "USLAX",
              "consignee": "Northline Imports LLC", "originCountry": "CN"},
  "indicators": ["declared value far below market"], "confidence": 70
}' | jq -r .aggregateId)"
echo "share $SHARE_D"

say "ipr-center and cbp pull them (the feed, then one share)"
retry 60 bash -c "[ \"\$(curl -fsS -H 'Authorization: Bearer ${TOKENS[cbp]}' '$API/feed?limit=1000' \
    | jq '[.records[] | select(.aggregateId == \"$SHARE_D\")] | length')\" -gt 0 ]"
call cbp GET "/feed?limit=1000" | jq -r '.records[] | "  \(.recordType) \(.aggregateId) by \(.partner), leaf \(.leafIndex)"' | tail -5
call ipr-center GET "/shares/$SHARE_A" | jq '{recordType, partner, marking: .payload.marking, leafIndex}'

# Only dhl's own share is linked: the request is seen by the carrier (dhl) and every border
# authority, so a linked share must be visible to all of them (docs/adr/0007). amazon's share, whose
# audience is ipr-center and cbp, is linked into the investigation instead.
say "ipr-center requests an inspection of the dhl shipment at USLAX, linking dhl's signal"
INSPECTION="$(call ipr-center POST /inspections "{
  \"carrier\": \"dhl\", \"shipment\": {\"trackingNumber\": \"JD014600006281234567\", \"airWaybill\": \"176-12345675\"},
  \"portOfEntry\": \"USLAX\", \"reason\": \"suspected counterfeit footwear\",
  \"linkedShares\": [\"$SHARE_D\"], \"priority\": \"HIGH\"
}" | jq -r .aggregateId)"
echo "inspection $INSPECTION"

say "dhl acknowledges the hold"
retry 60 call dhl POST "/inspections/$INSPECTION/acknowledgement" '{}' | jq -r .recordType

say "cbp schedules and completes the inspection: SEIZED"
call cbp POST "/inspections/$INSPECTION/schedule" "{\"scheduledFor\": \"$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)\", \"location\": \"LAX cargo bay 4\"}" | jq -r .recordType
call cbp POST "/inspections/$INSPECTION/completion" '{"result": "SEIZED", "findings": "412 pairs of counterfeit trainers"}' | jq -r .recordType

say "ipr-center opens an investigation, links the evidence, records CIVIL_LITIGATION"
INVESTIGATION="$(call ipr-center POST /investigations '{"title": "Northline Imports footwear", "subjects": ["A3KX9Q1L0PZ"]}' | jq -r .aggregateId)"
echo "investigation $INVESTIGATION"
retry 60 call ipr-center POST "/investigations/$INVESTIGATION/evidence" "{\"shareIds\": [\"$SHARE_A\"], \"inspectionIds\": [\"$INSPECTION\"]}" | jq -r .recordType
call ipr-center POST "/investigations/$INVESTIGATION/outcome" '{"outcome": "CIVIL_LITIGATION", "details": "suit filed against the seller"}' | jq -r .recordType

say "amazon sees the outcome of the investigation its signal fed"
# (jq -e on the empty output of a failed curl still exits 0: compare the value itself.)
retry 60 bash -c "[ \"\$(curl -fsS -H 'Authorization: Bearer ${TOKENS[amazon]}' '$API/investigations/$INVESTIGATION' \
    | jq -r .outcome)\" = CIVIL_LITIGATION ]"
call amazon GET "/investigations/$INVESTIGATION" | jq .

say "every step above is a signed record in the Merkle log"
call amazon GET /log/tree-head | jq .

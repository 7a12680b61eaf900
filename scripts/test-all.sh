#!/usr/bin/env bash
# The whole suite: unit + integration on PGlite, integration again on a throwaway PostgreSQL
# database, then the browser tests. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=test-results
rm -rf "$results" && mkdir -p "$results"
status=0

echo "== unit and integration tests (PGlite)"
npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest-pglite.json" || status=1

echo "== integration tests (PostgreSQL)"
pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end()).catch(()=>process.exit(1))" "$pg_url"; then
  command -v pg_ctlcluster >/dev/null && pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null
  sleep 2
fi
TEST_DATABASE_URL="$pg_url" npx vitest run test/integration --reporter=default --reporter=json \
  --outputFile="$results/vitest-postgres.json" || status=1

echo "== browser tests (Playwright, Chromium)"
if npx next build > "$results/next-build.log" 2>&1; then
  echo "== multi-process test (2 web + 2 workers on PostgreSQL)"
  MULTI_PROCESS_TEST=1 TEST_DATABASE_URL="$pg_url" npx vitest run test/multiprocess --reporter=default --reporter=json \
    --outputFile="$results/vitest-multiprocess.json" || status=1
  npx playwright test || status=1
else
  tail -40 "$results/next-build.log"
  echo "next build failed"
  status=1
fi

node scripts/test-totals.mjs "$results" || status=1
exit $status

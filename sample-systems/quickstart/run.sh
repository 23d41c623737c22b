#!/usr/bin/env bash
# The quick start as a user follows it (README, "Use Jig in your project"): install Jig from this repository into
# a local repository, then build and test this example project against it, and check that its one report (both
# modules) has an exact profile. The local repository is a temporary one, so that nothing of this build reaches
# ~/.m2; to keep it fast it starts as a copy of ~/.m2/repository without dev/jig (Maven Central fills in the rest).
#
#   sample-systems/quickstart/run.sh            # JIG_QUICKSTART_REPO=dir keeps the repository in dir
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

repo="${JIG_QUICKSTART_REPO:-}"
if [ -z "$repo" ]; then
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/jig-quickstart.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  repo="$tmp/repo"
fi
mkdir -p "$repo"
if [ -d "$HOME/.m2/repository" ] && [ ! -e "$repo/.seeded" ]; then
  echo "[quickstart] seeding $repo from ~/.m2/repository (without dev/jig)"
  (cd "$HOME/.m2/repository" && tar --exclude=./dev/jig -cf - .) | (cd "$repo" && tar -xf -)
  touch "$repo/.seeded"
fi
rm -rf "$repo/dev/jig"

echo "[quickstart] 1. install Jig into $repo"
(cd "$root" && ./mvnw -B -q install -DskipTests -Dmaven.repo.local="$repo")

echo "[quickstart] 2. build and test the example against it"
rm -rf "$here/target"
"$root/mvnw" -B -q -f "$here/pom.xml" verify -Dmaven.repo.local="$repo"

echo "[quickstart] 3. check the report"
results="$here/target/jig-report/results.json"
fail() { echo "[quickstart] FAILED: $*" >&2; exit 1; }
[ -f "$results" ] || fail "no report at $results"
[ -f "$here/target/jig-report/index.html" ] || fail "no index.html beside $results"
# One report for the build: the tests of both modules, in the root's directory, none in the modules'.
grep -q '"className" : "com.example.greeter.GreeterTest"' "$results" || fail "the greeter module's tests are missing"
grep -q '"className" : "com.example.directory.DirectoryFakeTest"' "$results" || fail "the directory module's tests are missing"
[ ! -e "$here/greeter/target/jig-report" ] || fail "the greeter module wrote a report of its own"
# The exact profile of the @Profile class: its flat rows name the project's own code.
grep -q '"exact" : {' "$results" || fail "no exact profile in $results"
grep -q '"method" : "com.example.greeter.Greeting.parse"' "$results" || fail "the exact profile does not show Greeting.parse"
if grep -q '"status" : "failed"' "$results"; then fail "a test failed"; fi
echo "[quickstart] ok: $(grep -c '"methodName" :' "$results") tests from both modules in one report, with an exact profile: file://$here/target/jig-report/index.html"

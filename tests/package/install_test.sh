#!/usr/bin/env bash
# The Debian package as an administrator meets it, on this machine (root; it
# installs, then removes and purges the package):
#   lintian finds no error; `apt-get install ./newsdesk_*.deb` puts every file
#   where packaging/CMakeLists.txt says; newsdesk-index fills /var/lib/newsdesk
#   as the system user with the database /etc/newsdesk/newsdesk.conf names; the
#   nightly timer's service runs once (its ExecStart as its User when systemd is
#   not running); lighttpd with the shipped snippet answers a search through the
#   installed CGI as www-data; a --rebuild swaps a new generation in and the same
#   search still answers; remove keeps the configuration and the database,
#   purge takes both.
#   tests/package/install_test.sh [DEB]     (default: build-deb/newsdesk_*.deb)
# NEWSDESK_TEST_PORT (default 18093) is the spare port lighttpd listens on.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
deb=${1:-$(ls build-deb/newsdesk_*.deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "install_test: no package; run scripts/package first" >&2; exit 2; }
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
port=${NEWSDESK_TEST_PORT:-18093}
[ "$(id -u)" -eq 0 ] || { echo "install_test: needs root (it installs the package)" >&2; exit 2; }
export DEBIAN_FRONTEND=noninteractive

tmp=$(mktemp -d /tmp/newsdesk-install-test.XXXXXX)
chmod 755 "$tmp"
lighttpd_pid=""
cleanup() {
    if [ -n "$lighttpd_pid" ]; then kill "$lighttpd_pid" 2>/dev/null || true; fi
    if dpkg-query -W -f='${Status}' newsdesk 2>/dev/null | grep -q installed; then
        apt-get purge -y -qq newsdesk >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
step() { echo "install_test: $*"; }
fail() { echo "install_test: FAIL: $*" >&2; exit 1; }
# as USER COMMAND...: COMMAND as USER with a clean environment, as systemd or cron would start it.
as() {
    local user=$1; shift
    setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups \
        env -i PATH=/usr/bin:/bin HOME="$(getent passwd "$user" | cut -d: -f6)" "$@"
}
# get PATH_AND_QUERY: the HTTP status and body of a request to lighttpd.
get() {
    python3 - "http://127.0.0.1:$port$1" <<'EOF'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=30) as r:
        status, body = r.status, r.read()
except urllib.error.HTTPError as e:
    status, body = e.code, e.read()
sys.stdout.write(f"{status}\n")
sys.stdout.buffer.write(body)
EOF
}
hits_of() { python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"]))'; }

step "lintian $(basename "$deb")"
if command -v lintian >/dev/null; then
    lintian --allow-root --fail-on error "$deb" > "$tmp/lintian" 2>&1 ||
        { cat "$tmp/lintian" >&2; fail "lintian reports errors"; }
    step "lintian: no errors; $(grep -c '^W:' "$tmp/lintian" || true) warnings"
else
    fail "lintian is not installed (scripts/setup --test installs it)"
fi

step "apt-get install"
if dpkg-query -W -f='${Status}' newsdesk 2>/dev/null | grep -q installed; then
    fail "newsdesk is installed already; remove it first"
fi
apt-get install -y -qq "$deb" > "$tmp/apt" 2>&1 || { cat "$tmp/apt" >&2; fail "apt-get install $deb"; }

step "installed files"
version=$(dpkg-query -W -f='${Version}' newsdesk)
for f in /usr/bin/newsdesk-index /usr/bin/newsdesk-search /usr/bin/newsdesk-nightly \
         /usr/lib/cgi-bin/newsdesk.cgi /usr/lib/newsdesk/newsdesk-fcgi; do
    [ -x "$f" ] || fail "$f missing"
    [ "$("$f" --version)" = "$(basename "$f") $version" ] || fail "$f --version: $("$f" --version)"
done
for f in /usr/share/newsdesk/README.md /usr/share/newsdesk/web/templates/page.mustache \
         /usr/share/newsdesk/web/static/style.css /etc/newsdesk/newsdesk.conf /etc/newsdesk/cgi.conf \
         /etc/lighttpd/conf-available/50-newsdesk.conf /etc/lighttpd/conf-available/51-newsdesk-fastcgi.conf \
         /lib/systemd/system/newsdesk-nightly.service \
         /lib/systemd/system/newsdesk-nightly.timer /usr/share/doc/newsdesk/copyright; do
    [ -f "$f" ] || fail "$f missing"
done
for page in newsdesk-index newsdesk-search newsdesk-nightly newsdesk.cgi; do
    [ -f "/usr/share/man/man1/$page.1.gz" ] || fail "man page $page.1 missing"
    zcat "/usr/share/man/man1/$page.1.gz" | grep -q '^\.SH SYNOPSIS' || fail "man page $page.1 has no SYNOPSIS"
done
conffiles=$(dpkg-query -W -f='${Conffiles}' newsdesk)
for f in /etc/newsdesk/newsdesk.conf /etc/newsdesk/cgi.conf /etc/lighttpd/conf-available/50-newsdesk.conf \
         /etc/lighttpd/conf-available/51-newsdesk-fastcgi.conf; do
    grep -q " $f " <<< "$conffiles" || fail "$f is not a conffile"
done
id newsdesk >/dev/null || fail "no system user newsdesk"
[ "$(stat -c %U /var/lib/newsdesk)" = newsdesk ] || fail "/var/lib/newsdesk is not newsdesk's"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /lib/systemd/system/newsdesk-nightly.service \
        /lib/systemd/system/newsdesk-nightly.timer > "$tmp/verify" 2>&1 ||
        { cat "$tmp/verify" >&2; fail "systemd-analyze verify"; }
    step "systemd-analyze verify: units clean"
fi

step "newsdesk-index as newsdesk into the configured database"
cp -r "$root/corpus/." /var/lib/newsdesk/archive/
chown -R newsdesk:newsdesk /var/lib/newsdesk/archive
as newsdesk newsdesk-index --quiet /var/lib/newsdesk/archive || fail "newsdesk-index as newsdesk"
[ -d /var/lib/newsdesk/newsdesk.db ] || fail "no database at /var/lib/newsdesk/newsdesk.db"
[ "$(stat -c %U /var/lib/newsdesk/newsdesk.db)" = newsdesk ] || fail "the database is not newsdesk's"

step "newsdesk-search as nobody reads /etc/newsdesk/newsdesk.conf"
as nobody newsdesk-search --help | grep -q "^Configuration: read /etc/newsdesk/newsdesk.conf" ||
    fail "newsdesk-search --help does not name /etc/newsdesk/newsdesk.conf"
before=$(as nobody newsdesk-search --json 'north korea' | hits_of)
[ "$before" -gt 0 ] || fail "newsdesk-search as nobody found nothing"
set +e
err=$(as nobody newsdesk-search --db /var/lib/newsdesk/mistyped.db 'north korea' 2>&1 >/dev/null)
status=$?
set -e
[ "$status" -eq 1 ] || fail "a search of a missing database exited $status"
[ "$(wc -l <<< "$err")" -eq 1 ] && grep -q /var/lib/newsdesk/mistyped.db <<< "$err" ||
    fail "a missing database: '$err'"
[ ! -e /var/lib/newsdesk/mistyped.db ] || fail "a search created /var/lib/newsdesk/mistyped.db"

step "the nightly service, once"
exec_start=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/newsdesk-nightly.service)
unit_user=$(sed -n 's/^User=//p' /lib/systemd/system/newsdesk-nightly.service)
read -r -a command <<< "$exec_start"
if [ -d /run/systemd/system ]; then
    systemctl start newsdesk-nightly.service || fail "systemctl start newsdesk-nightly.service"
else
    # systemd is not running (a container): its ExecStart as its User, with its UMask.
    as "$unit_user" bash -c 'umask 0022; exec "$@"' nightly "${command[@]}" ||
        fail "the service's command as $unit_user: $exec_start"
fi
[ -f /var/lib/newsdesk/newsdesk.db ] || fail "the nightly run did not turn the database into a stub"
grep -q "adopted the plain database" /var/log/newsdesk/nightly.log || fail "no adoption line in the log"
grep -q "summary: exit=0" /var/log/newsdesk/nightly.log || fail "no successful summary in the log"

step "lighttpd with the shipped snippet on port $port"
mkdir "$tmp/log" && chown www-data:www-data "$tmp/log"  # lighttpd opens its log as www-data
cat > "$tmp/lighttpd.conf" <<EOF
server.modules = ("mod_redirect", "mod_access")
server.port = $port
server.bind = "127.0.0.1"
server.document-root = "$tmp"
server.errorlog = "$tmp/log/error.log"
server.pid-file = "$tmp/lighttpd.pid"
server.username = "www-data"
server.groupname = "www-data"
include "/etc/lighttpd/conf-available/50-newsdesk.conf"
EOF
lighttpd -tt -f "$tmp/lighttpd.conf" > "$tmp/lighttpd-check" 2>&1 || { cat "$tmp/lighttpd-check" >&2; fail "lighttpd -tt"; }
setsid lighttpd -D -f "$tmp/lighttpd.conf" > "$tmp/lighttpd.out" 2>&1 &
lighttpd_pid=$!
for _ in $(seq 100); do
    get /newsdesk/search > /dev/null 2>&1 && break
    kill -0 "$lighttpd_pid" 2>/dev/null || { cat "$tmp/lighttpd.out" "$tmp/log/error.log" >&2; fail "lighttpd exited"; }
    sleep 0.1
done
page=$(get '/newsdesk/search?q=north+korea') || { cat "$tmp/log/error.log" >&2; fail "lighttpd does not answer"; }
[ "$(head -1 <<< "$page")" = 200 ] || fail "the page: $(head -3 <<< "$page")"
grep -q 'href="/newsdesk/static/style.css"' <<< "$page" || fail "the page does not link its style sheet"
[ "$(get /newsdesk/static/style.css | head -1)" = 200 ] || fail "the style sheet is not served"
json=$(get '/newsdesk/search?q=north+korea&format=json')
[ "$(head -1 <<< "$json")" = 200 ] || fail "format=json: $(head -3 <<< "$json")"
served=$(tail -n +2 <<< "$json" | hits_of)
[ "$served" = "$before" ] || fail "the CGI found $served, newsdesk-search $before"
# The CGI is lighttpd's child: both run as the user lighttpd switched to.
server_uid=$(awk '/^Uid:/ {print $3}' "/proc/$lighttpd_pid/status")
[ "$server_uid" = "$(id -u www-data)" ] || fail "lighttpd runs as uid $server_uid, not www-data"

step "a --rebuild swap, the same search answering"
stub_before=$(cat /var/lib/newsdesk/newsdesk.db)
sleep 1  # a generation is named by the second it was built in
as "$unit_user" bash -c 'umask 0022; exec "$@"' nightly "${command[@]}" --rebuild ||
    fail "newsdesk-nightly --rebuild"
[ "$(cat /var/lib/newsdesk/newsdesk.db)" != "$stub_before" ] || fail "the rebuild swapped nothing in"
json=$(get '/newsdesk/search?q=north+korea&format=json')
[ "$(head -1 <<< "$json")" = 200 ] || fail "format=json after the swap: $(head -3 <<< "$json")"
[ "$(tail -n +2 <<< "$json" | hits_of)" = "$before" ] || fail "after the swap the CGI finds a different count"
kill "$lighttpd_pid"
wait "$lighttpd_pid" 2>/dev/null || true
lighttpd_pid=""

step "apt-get remove keeps configuration and data; purge takes them"
apt-get remove -y -qq newsdesk > "$tmp/apt" 2>&1 || { cat "$tmp/apt" >&2; fail "apt-get remove"; }
[ ! -e /usr/bin/newsdesk-search ] || fail "remove left /usr/bin/newsdesk-search"
[ -f /etc/newsdesk/newsdesk.conf ] || fail "remove took the conffile"
[ -e /var/lib/newsdesk/newsdesk.db ] || fail "remove took the database"
apt-get purge -y -qq newsdesk > "$tmp/apt" 2>&1 || { cat "$tmp/apt" >&2; fail "apt-get purge"; }
for f in /etc/newsdesk /var/lib/newsdesk /var/log/newsdesk /etc/lighttpd/conf-available/50-newsdesk.conf; do
    [ ! -e "$f" ] || fail "purge left $f"
done
step "PASS"

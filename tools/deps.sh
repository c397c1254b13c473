#!/bin/sh
# deps.sh: make sure the build and test tools are installed (Debian/Ubuntu); installs only what is
# missing and prints nothing when everything is present.  picocom and socat are the real serial
# clients the REPL tests drive against `adder --serial`.
set -e
missing=""
for pair in gcc:gcc clang:clang make:make python3:python3 picocom:picocom socat:socat; do
    cmd=${pair%%:*}
    pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
echo "deps.sh: installing$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq$missing >/dev/null

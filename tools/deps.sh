#!/bin/sh
# deps.sh: make sure the build and test tools are installed (Debian/Ubuntu); installs only what is missing.
set -e
missing=""
for pair in gcc:gcc clang:clang make:make python3:python3; do
    cmd=${pair%%:*}
    pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
echo "deps.sh: installing$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update
$SUDO apt-get install -y$missing

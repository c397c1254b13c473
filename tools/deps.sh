#!/bin/sh
# deps.sh: make sure the build and test tools are installed (Debian/Ubuntu): installs only what is
# missing and prints nothing when everything is present, so it is cheap to run (or source) before
# every test run.  picocom and socat are the real serial clients the REPL tests use.
deps_missing=""
for deps_pair in gcc:gcc clang:clang make:make python3:python3 picocom:picocom socat:socat; do
    command -v "${deps_pair%%:*}" >/dev/null 2>&1 || deps_missing="$deps_missing ${deps_pair#*:}"
done
# ports/qemu-arm: the Cortex-M cross compiler, its C library and the MPS2 board emulator
for deps_pair in arm-none-eabi-gcc:gcc-arm-none-eabi qemu-system-arm:qemu-system-arm; do
    command -v "${deps_pair%%:*}" >/dev/null 2>&1 || deps_missing="$deps_missing ${deps_pair#*:}"
done
[ -e /usr/lib/arm-none-eabi/newlib/thumb/v7-m/nofp/libc.a ] || deps_missing="$deps_missing libnewlib-arm-none-eabi"
# ports/esp8266: the LX106 cross compiler and binutils, picolibc for it, and QEMU's Xtensa system
for deps_pair in xtensa-lx106-elf-gcc:gcc-xtensa-lx106 xtensa-lx106-elf-ld:binutils-xtensa-lx106 \
        qemu-system-xtensa:qemu-system-misc; do
    command -v "${deps_pair%%:*}" >/dev/null 2>&1 || deps_missing="$deps_missing ${deps_pair#*:}"
done
[ -e /usr/lib/xtensa-lx106-elf/picolibc.specs ] || deps_missing="$deps_missing picolibc-xtensa-lx106-elf"
# tests/emu: esptool-js runs under node (tests/emu/esptool_js/flash.mjs)
command -v npm >/dev/null 2>&1 || deps_missing="$deps_missing nodejs npm"
if [ -n "$deps_missing" ]; then
    echo "deps.sh: installing$deps_missing"
    deps_sudo=""
    [ "$(id -u)" -ne 0 ] && deps_sudo=sudo
    # a failed install is only reported: the build and the tests say what is really missing
    $deps_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        $deps_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$deps_missing >/dev/null ||
        echo "deps.sh: could not install$deps_missing" >&2
fi
# tests/emu/esptool_js: the npm packages its package-lock.json pins, when missing
deps_js="$(dirname "$0")/../tests/emu/esptool_js"
[ -d "$deps_js" ] || deps_js=tests/emu/esptool_js
if [ -f "$deps_js/package-lock.json" ] && [ ! -d "$deps_js/node_modules/esptool-js" ] && command -v npm >/dev/null 2>&1; then
    echo "deps.sh: installing esptool-js into $deps_js/node_modules"
    (cd "$deps_js" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
        echo "deps.sh: could not install esptool-js (npm ci in $deps_js)" >&2
fi
true

#!/usr/bin/env python3
# skip-asan
"""unit_tests.py: builds and runs the emulator's C unit tests: tests/emu/board_test.c (the board,
tools/emu/board.c, through the esp_board_t callbacks: LEDs, FLASH, the pot, UART, stimulus, the VCD
trace, the pin-level I2C decoder against the BME280 and SSD1306 models) and tests/emu/esp_chip_test.c
(the ESP8266 chip model on the LX106 simulator: flash, UART, GPIO, FRC1, watchdog, ADC, eFuse) and
tests/emu/lx106_api_test.c (the simulator's embedder API: page flags, bus and HLE callbacks, interrupt
inputs, the timer, WAITI, self-modifying code, unmapped code kept and forgotten).  Each
prints `N checks, M failed` (or `..., 0 failed`); this passes when every one builds and fails nothing.

    python3 tests/emu/unit_tests.py
"""
import os
import subprocess
import sys
import tempfile

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
TESTS = ('build/emu-board-test', 'build/emu-chip-test', 'build/emu-lx106-test')


def run_one(target, tmp):
    build = subprocess.run(['make', '-s', target], cwd=TOP, capture_output=True, text=True, timeout=300)
    if build.returncode != 0:
        print('FAIL cannot build %s:\n%s%s' % (target, build.stdout, build.stderr))
        return False
    run = subprocess.run([os.path.join(TOP, target), tmp], capture_output=True, text=True, timeout=120)
    sys.stdout.write(run.stdout + run.stderr)
    if run.returncode != 0 or ', 0 failed' not in run.stdout:
        print('FAIL %s exited with %d' % (target, run.returncode))
        return False
    return True


def main():
    failed = 0
    with tempfile.TemporaryDirectory(prefix='adder-emu-unit-') as tmp:
        for target in TESTS:
            failed += not run_one(target, tmp)
    print('%d passed, %d failed' % (len(TESTS) - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

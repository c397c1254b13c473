# The flash file system's heavy tests in C (tests/fs/sweep.c, built here with the host compiler
# from extmod/flashfs.c, bdev_ram.c and bdev_hal.c, no interpreter): a power cut after every write
# of a 300-operation random workload with nothing lost, wear levelling over 20000 rewrites, and
# the file system through hal_flash_* (the ESP8266 port's device) leaving the firmware's sectors alone.
# timeout: 120
import os
import re
import subprocess
from _util import check, finish, tempdir

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
SOURCES = ['tests/fs/sweep.c', 'extmod/flashfs.c', 'extmod/bdev_ram.c', 'extmod/bdev_hal.c']

with tempdir() as d:
    exe = os.path.join(d, 'sweep')
    cc = subprocess.run([os.environ.get('CC', 'cc'), '-std=c11', '-O2', '-Wall', '-Wextra', '-Werror',
                         '-I' + os.path.join(ROOT, 'py'), '-I' + os.path.join(ROOT, 'extmod'), '-o', exe]
                        + [os.path.join(ROOT, s) for s in SOURCES], capture_output=True, text=True)
    check('sweep.c builds warning-free', (cc.returncode, cc.stderr), (0, ''))
    p = subprocess.run([exe], capture_output=True, text=True, timeout=100)
    print(p.stdout, end='')
    m = re.search(r'power cuts: (\d+) cut points tried .* (\d+) lost', p.stdout)
    check('power cuts: many cut points, none lost', bool(m) and int(m.group(1)) > 1000 and m.group(2) == '0', True)
    m = re.search(r'max (\d+), mean ([\d.]+)', p.stdout)
    check('wear levelled: max erases within 1.5 x mean + 2', bool(m) and int(m.group(1)) <= float(m.group(2)) * 1.5 + 2, True)
    check('the hal device works and spares the firmware', 'hal device: through hal, sectors before the file system untouched: yes' in p.stdout, True)

finish()

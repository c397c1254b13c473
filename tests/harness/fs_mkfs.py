# tools/mkfs: a host directory (nested directories, a 50 KB binary, an empty file) built into a
# flash image, listed, extracted back identical; the board boots from the image (its boot.py
# runs); an image with no file system is refused rather than formatted.
import importlib.machinery
import io
import os
import contextlib
from _util import ADDER, run, check, finish, tempdir

os.environ['ADDER'] = ADDER
HERE = os.path.dirname(os.path.abspath(__file__))
mkfs = importlib.machinery.SourceFileLoader('mkfs', os.path.join(HERE, '..', '..', 'tools', 'mkfs')).load_module()


def tree(root):
    out = {}
    for dirpath, dirs, names in os.walk(root):
        for n in dirs:
            out[os.path.relpath(os.path.join(dirpath, n), root)] = None
        for n in names:
            with open(os.path.join(dirpath, n), 'rb') as f:
                out[os.path.relpath(os.path.join(dirpath, n), root)] = f.read()
    return out


def call(*argv):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            status = mkfs.main(list(argv))
        except SystemExit as e:
            status = e.code
    return status, out.getvalue()


with tempdir() as d:
    src = os.path.join(d, 'src')
    os.makedirs(os.path.join(src, 'lib', 'deep'))
    blob = bytes((i * 7 + i // 256) & 0xff for i in range(50000))
    for rel, data in (('boot.py', b'print("booted from the image")\n'), ('lib/deep/blob.bin', blob),
                      ('lib/empty', b''), ('lib/mod.py', b'X = 1\n')):
        with open(os.path.join(src, rel), 'wb') as f:
            f.write(data)
    image = os.path.join(d, 'fs.img')
    status, out = call('build', src, image, '--size', '512K')
    check('build', (status, os.path.getsize(image)), (0, 512 * 1024))
    status, out = call('ls', image)
    check('ls lists the tree', [l.split()[-1] for l in out.splitlines()[:-1]],
          ['/boot.py', '/lib/', '/lib/deep/', '/lib/deep/blob.bin', '/lib/empty', '/lib/mod.py'])
    status, out = call('extract', image, os.path.join(d, 'out'))
    check('extract gives the same tree', tree(os.path.join(d, 'out')) == tree(src), True)
    status, out, err = run(['--board', 'nodemcu', '--flash', image, '-c',
                            'exec(open("/flash/boot.py").read())\nimport os\nprint(os.stat("/flash/lib/deep/blob.bin")[6])'])
    check('the board reads the image', (status, out), (0, 'booted from the image\n50000\n'))
    blank = os.path.join(d, 'blank.img')
    with open(blank, 'wb') as f:
        f.write(b'\xff' * 65536)
    status, _ = call('extract', blank, os.path.join(d, 'x'))
    check('an image without a file system is refused', (status, open(blank, 'rb').read(4)), (2, b'\xff' * 4))

finish()

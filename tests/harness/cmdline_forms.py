# The command-line forms: script with arguments, -c, -m, stdin (piped and `-`), and bad usage.
from _util import run, check, script, tempdir, finish, last_line

ARGV = 'import sys; print(sys.argv[1:])'
with tempdir() as d:
    s = script(d, 'prog.py', ARGV + '\nprint(__name__)\n')
    check('script with args', run([s, 'a', 'b c']), (0, "['a', 'b c']\n__main__\n", ''))
    check('script argv[0]', run(['prog.py'], cwd=d)[1], "[]\n__main__\n")
    check('-c with args', run(['-c', ARGV, 'x', '-y']), (0, "['x', '-y']\n", ''))
    check('-c argv[0]', run(['-c', 'import sys; print(sys.argv[0])'])[1], '-c\n')
    check('-c multi-line', run(['-c', 'for i in range(3):\n    print(i)'])[1], '0\n1\n2\n')
    script(d, 'modrun.py', 'print("module ran as", __name__)\n')
    check('-m module', run(['-m', 'modrun'], cwd=d)[:2], (0, 'module ran as __main__\n'))
    check('stdin piped', run([], stdin='print(6 * 7)\nprint("from stdin")\n')[:2], (0, '42\nfrom stdin\n'))
    check('stdin via -', run(['-', 'arg'], stdin=ARGV + '\n')[:2], (0, "['arg']\n"))
    status, out, err = run([d + '/missing.py'])
    check('missing script status', status, 2)
    check('missing script message', "can't open file" in err, True)
    status, out, err = run(['--no-such-option'])
    check('unknown option exits 2', status, 2)
    check('-c syntax error', (run(['-c', 'x = ('])[0], last_line(run(['-c', 'x = ('])[2]).split(':')[0]),
          (1, 'SyntaxError'))
    s2 = script(d, 'imports.py', 'import helper\nprint(helper.V)\n')
    script(d, 'helper.py', 'V = "helper next to the script"\n')
    check('import next to script from another cwd', run([s2], cwd='/')[1], 'helper next to the script\n')
finish()

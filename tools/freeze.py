#!/usr/bin/env python3
"""freeze.py: freeze Python modules into the Adder binary (docs/freezing.md).

  freeze.py gen STAGE0 QSTRDEFS OUT.c DIR...   compile every .py under each DIR with the stage-0
                                               binary and write the frozen-module table as C
  freeze.py empty OUT.c                        the empty table the stage-0 binary links with

A module's name is its path under DIR (asyncio/core.py -> asyncio.core; asyncio/__init__.py is the
package asyncio).  The stage-0 binary (same sources and qstr table as the final one) prints each
module's code objects (py/freeze.c); this script writes them as const C initialisers: qstrs by
their Q_ names, constants as small ints or ROM str/bytes/float/tuple objects, nested code objects
by address, so the output compiles for any word size.  tools/gen_qstr.py calls frozen_qstrs() so
every name the modules use is a static qstr.
"""
import ast
import os
import re
import subprocess
import sys

IDENT = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')
SMALL_INT_MIN, SMALL_INT_MAX = -(1 << 30), (1 << 30) - 1   # what fits a small int on 32-bit targets


def fnv1a(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h or 1


def mangle(s):
    """The Q_ identifier gen_qstr.py gives a frozen string that is not a C identifier."""
    if IDENT.match(s):
        return 'Q_' + s
    return 'Q__fz_' + ''.join(c if c.isalnum() else '_%02x' % ord(c) for c in s)


def modules_in(root):
    """(module name, file name under root, path) for every .py under root, sorted."""
    out = []
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            if f.endswith('.py'):
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, root).replace(os.sep, '/')
                name = rel[:-3].replace('/', '.')
                if name.endswith('__init__'):
                    name = name[:-len('__init__')].rstrip('.')
                out.append((name, rel, path))
    return out


class _Names(ast.NodeVisitor):
    """Every name the compiler interns for a module: identifiers, dotted import names, qualnames."""

    def __init__(self):
        self.found = set()
        self.scopes = []   # (qualname, is_function)

    def qual(self, name, is_function):
        if self.scopes:
            parent, parent_fun = self.scopes[-1]
            name = parent + ('.<locals>.' if parent_fun else '.') + name
        self.found.add(name)
        return name

    def scoped(self, node, name, is_function):
        self.scopes.append((self.qual(name, is_function), is_function))
        self.generic_visit(node)
        self.scopes.pop()

    def visit_FunctionDef(self, node):
        self.found.add(node.name)
        for d in node.decorator_list:
            self.visit(d)
        self.scopes.append((self.qual(node.name, True), True))
        self.visit(node.args)
        for stmt in node.body:
            self.visit(stmt)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.found.add(node.name)
        self.scoped(node, node.name, False)

    def visit_Lambda(self, node):
        self.scoped(node, '<lambda>', True)

    def comp(self, node, name):
        self.scoped(node, name, True)

    def visit_ListComp(self, node):
        self.comp(node, '<listcomp>')

    def visit_SetComp(self, node):
        self.comp(node, '<setcomp>')

    def visit_DictComp(self, node):
        self.comp(node, '<dictcomp>')

    def visit_GeneratorExp(self, node):
        self.comp(node, '<genexpr>')

    def dotted(self, name):
        if name:
            self.found.add(name)
            self.found.update(name.split('.'))

    def generic_visit(self, node):
        for field in ('id', 'attr', 'arg', 'name', 'asname'):
            v = getattr(node, field, None)
            if isinstance(v, str):
                self.dotted(v)
        if isinstance(node, ast.ImportFrom):
            self.dotted(node.module)
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            self.found.update(node.names)
        super().generic_visit(node)


def frozen_qstrs(roots):
    """The strings the modules under roots need in the static qstr table."""
    found = set()
    for root in roots:
        for name, rel, path in modules_in(root):
            with open(path, encoding='utf-8') as fh:
                tree = ast.parse(fh.read(), rel)
            v = _Names()
            v.visit(tree)
            v.dotted(name)
            found |= v.found
            found.add(rel)
    return found


# ---- reading the stage-0 dump ----

class Q:
    def __init__(self, static, s):
        self.static, self.s = static, s


class Code:
    def __init__(self, *f):
        (self.flags, self.n_pos, self.n_posonly, self.n_kwonly, self.n_locals, self.n_free,
         self.n_stack, self.n_blocks, self.n_caches, self.name, self.qualname, self.filename,
         self.first_line, self.bc, self.lines, self.consts, self.names, self.varnames) = f


class Const:
    def __init__(self, kind, value):
        self.kind, self.value = kind, value


def read_dump(text):
    env = {
        'M': lambda f, c: (f, c), 'C': Code, 'Q': lambda st, s: Q(bool(st), s),
        'I': lambda v: Const('int', v), 'F': lambda v: Const('float', v),
        'S': lambda v: Const('str', v), 'B': lambda v: Const('bytes', v),
        'T': lambda v: Const('tuple', v), 'N': Const('none', None), 'TR': Const('true', None),
        'FA': Const('false', None), 'EL': Const('ellipsis', None),
    }
    return [eval(line, env) for line in text.splitlines() if line.strip()]


# ---- writing C ----

def c_bytes(hex_text):
    return ['0x%02x' % x for x in bytes.fromhex(hex_text)]


def c_string(b):
    out = []
    for c in b:
        if c in (0x22, 0x5C):
            out.append('\\' + chr(c))
        elif 0x20 <= c < 0x7F and c != 0x3F:   # '?' too: no trigraphs
            out.append(chr(c))
        else:
            out.append('\\%03o' % c)
    return '"' + ''.join(out) + '"'


class Writer:
    def __init__(self, qstr_table):
        self.idents = qstr_table   # string -> Q_ identifier of the static table
        self.out = []
        self.n = 0
        self.strs = {}

    def sym(self, prefix):
        self.n += 1
        return 'frz_%s%d' % (prefix, self.n)

    def qstr(self, q, what):
        if q.s is None:
            return 'QSTR_NULL'
        if not q.static or q.s not in self.idents:
            raise SystemExit('freeze: %s %r is not a static qstr (tools/gen_qstr.py should have found it)'
                             % (what, q.s))
        return self.idents[q.s]

    def rom_str(self, kind, data):
        key = (kind, data)
        if key not in self.strs:
            sym = self.sym('s')
            n_chars = len(data.decode('utf-8')) if kind == 'str' else len(data)
            self.out.append('static const str_t %s = { { &type_%s }, %uu, %d, %d, %s };'
                            % (sym, kind, fnv1a(data), len(data), n_chars, c_string(data)))
            self.strs[key] = sym
        return 'OBJ_ROM(&%s)' % self.strs[key]

    def const(self, c):
        if isinstance(c, Code):
            return 'OBJ_ROM(&%s)' % self.code(c)
        if isinstance(c, Q):
            if c.static and c.s in self.idents:
                return 'OBJ_NEW_QSTR(%s)' % self.idents[c.s]
            return self.rom_str('str', c.s.encode('utf-8'))
        k, v = c.kind, c.value
        if k == 'int':
            if not SMALL_INT_MIN <= v <= SMALL_INT_MAX:
                raise SystemExit('freeze: int constant %d is too big to freeze (use a smaller one)' % v)
            return 'OBJ_NEW_SMALL_INT(%d)' % v
        if k in ('str', 'bytes'):
            return self.rom_str(k, v.encode('utf-8') if k == 'str' else v)
        if k == 'float':
            sym = self.sym('f')
            lit = {'inf': 'INFINITY', '-inf': '-INFINITY', 'nan': 'NAN'}.get(v, v)
            self.out.append('static const float_t_ %s = { { &type_float }, %s };' % (sym, lit))
            return 'OBJ_ROM(&%s)' % sym
        if k == 'tuple':
            items = [self.const(i) for i in v]
            sym = self.sym('t')
            self.out.append('static const struct { obj_base_t base; size_t len; obj_t items[%d]; } %s = '
                            '{ { &type_tuple }, %d, { %s } };' % (max(1, len(items)), sym, len(items),
                                                                   ', '.join(items) or 'OBJ_NULL'))
            return 'OBJ_ROM(&%s)' % sym
        return {'none': 'OBJ_NONE', 'true': 'OBJ_TRUE', 'false': 'OBJ_FALSE', 'ellipsis': 'OBJ_ELLIPSIS'}[k]

    def array(self, ctype, items, prefix):
        if not items:
            return 'NULL'
        sym = self.sym(prefix)
        self.out.append('static const %s %s[] = { %s };' % (ctype, sym, ', '.join(items)))
        return sym

    def code(self, c):
        consts = [self.const(x) for x in c.consts]
        names = [self.qstr(q, 'name') for q in c.names]
        varnames = [self.qstr(q, 'local name') for q in c.varnames]
        bc = self.array('uint8_t', c_bytes(c.bc), 'b')
        lines = self.array('uint8_t', c_bytes(c.lines), 'l')
        consts_sym = self.array('obj_t', consts, 'k')
        names_sym = self.array('qstr', names, 'n')
        var_sym = self.array('qstr', varnames, 'v')
        qual = self.idents.get(c.qualname.s, 'QSTR_NULL') if c.qualname.static else 'QSTR_NULL'
        sym = self.sym('c')
        self.out.append(
            'static const code_t %s = { .base = { &type_code }, .flags = %d, .n_pos_args = %d, '
            '.n_posonly_args = %d, .n_kwonly_args = %d, .n_locals = %d, .n_free = %d, .n_stack = %d, '
            '.n_blocks = %d, .n_caches = %d, .n_consts = %d, .n_names = %d, .name = %s, '
            '.qualname_unused_ = %s, .filename = %s, .first_line = %d, .bc_len = %d, .lines_len = %d, '
            '.bytecode = %s, .lines = %s, .consts = %s, .names = %s, .varnames = %s };'
            % (sym, c.flags, c.n_pos, c.n_posonly, c.n_kwonly, c.n_locals, c.n_free, c.n_stack,
               c.n_blocks, c.n_caches, len(consts), len(names), self.qstr(c.name, 'code name'), qual,
               self.qstr(c.filename, 'file name'), c.first_line, len(c.bc) // 2, len(c.lines) // 2,
               bc, lines, consts_sym, names_sym, var_sym))
        return sym


HEADER = '/* generated by tools/freeze.py: do not edit */\n#include <math.h>\n#include "freeze.h"\n\n'


def table(entries):
    if not entries:
        return ('const frozen_module_t frozen_modules[1] = { { NULL, false, NULL } };\n'
                'const size_t frozen_modules_count = 0;\n')
    rows = ''.join('    { "%s", %s, &%s },\n' % e for e in entries)
    return ('const frozen_module_t frozen_modules[] = {\n%s};\n'
            'const size_t frozen_modules_count = %d;\n' % (rows, len(entries)))


def c_unescape(lit):
    """The bytes of a C string literal body as gen_qstr.py writes it (\\ooo, \\\\ and \\\")."""
    out, i = bytearray(), 0
    while i < len(lit):
        if lit[i] == '\\' and lit[i + 1].isdigit():
            out.append(int(lit[i + 1:i + 4], 8))
            i += 4
        elif lit[i] == '\\':
            out.append(ord(lit[i + 1]))
            i += 2
        else:
            out.append(ord(lit[i]))
            i += 1
    return out.decode('utf-8', 'replace')


def read_qstr_table(path):
    idents = {}
    pat = re.compile(r'^QDEF\((\w+), \d+, \d+, (".*")\)$')
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            m = pat.match(line.strip())
            if m and m.group(1) != 'Q_NULL':
                idents.setdefault(c_unescape(m.group(2)[1:-1]), m.group(1))
    return idents


def generate(stage0, qstrdefs, out, roots):
    mods = [m for root in roots for m in modules_in(root)]
    seen = set()
    for name, rel, path in mods:
        if name in seen:
            raise SystemExit('freeze: module %s is in two frozen directories' % name)
        seen.add(name)
    text = ''
    if mods:
        args = [stage0, '-X', 'heapsize=64m', '-X', 'freeze'] + ['%s=%s' % (rel, path) for _, rel, path in mods]
        r = subprocess.run(args, stdout=subprocess.PIPE, timeout=120)
        if r.returncode != 0:
            raise SystemExit('freeze: %s failed' % stage0)
        text = r.stdout.decode('utf-8')
    w = Writer(read_qstr_table(qstrdefs))
    entries = []
    for (name, rel, _), (fname, code) in zip(mods, read_dump(text)):
        assert fname == rel
        entries.append((name, 'true' if rel.endswith('__init__.py') else 'false', w.code(code)))
    write_if_changed(out, HEADER + '\n'.join(w.out) + '\n\n' + table(entries))


def write_if_changed(path, text):
    if os.path.exists(path):
        with open(path) as fh:
            if fh.read() == text:
                return
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(path, 'w') as fh:
        fh.write(text)


def main(argv):
    if len(argv) >= 2 and argv[0] == 'empty':
        write_if_changed(argv[1], HEADER + table([]))
    elif len(argv) >= 4 and argv[0] == 'gen':
        generate(argv[1], argv[2], argv[3], [d for d in argv[4:] if os.path.isdir(d)])
    else:
        raise SystemExit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])

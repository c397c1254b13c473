/* main.c (unix): the `adder` command: argument handling, running a script / -c / -m / stdin, and the
 * interactive REPL.  Mirrors CPython's command line where Adder supports it. */
#define _DEFAULT_SOURCE   /* realpath */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compile.h"
#include "gc.h"
#include "port.h"
#include "runtime.h"
#include "tty.h"
#include "freeze.h"
#include "../../extmod/repl.h"
#include "vfs_posix.h" /* vfs helper */
#include "vboard.h"   /* the virtual board: --fast-time, --trace, --stimulus, --board, --leds */
#include "../../extmod/modmachine.h"   /* resets */
#include "bdev_file.h"   /* flashfs helper: the board's flash file system (--flash) */
#include "../../extmod/vfs.h"

static struct {
    bool dis;         /* -X dis */
    bool stats;       /* -X stats: heap statistics on stderr at exit */
    bool freeze;      /* -X freeze: the build's module freezer (py/freeze.h) */
    bool exiting;     /* SystemExit was raised */
    const char *serial;   /* --serial PATH: serve the REPL on a pseudo-terminal linked there */
    const char *flash;    /* --flash FILE: the flash image */
    bool board;           /* --board nodemcu: the flash file system is mounted */
    const char *flash_point;  /* where it is mounted ("/" when the REPL boots like the board) */
} opt;

static bdev_file_t flash_dev = { .fd = -1 };

static struct {
    char *heap;
    size_t size;
} mem;

#define KBD_INTERRUPT (STATE(port_roots)[0])

static void on_sigint(int sig) {
    (void)sig;
    /* micropython.kbd_intr(-1) turns Ctrl-C off */
    if (KBD_INTERRUPT != OBJ_NULL && STATE(kbd_intr_char) != OBJ_NEW_SMALL_INT(-1)) {
        exc_get(KBD_INTERRUPT)->traceback = OBJ_NULL;
        STATE(pending_exc) = KBD_INTERRUPT;
        STATE(pending_flag) = 1;
    }
}

static void usage_error(const char *msg, const char *arg) {
    print_fmt(&print_stderr, "adder: %s%s\nusage: adder [-X opt] [--serial path] [-c cmd | -m mod | file | -] [arg] ...\n",
              msg, arg);
    port_exit(2);
}

/* Below this the interpreter cannot even set up its builtins and sys modules. */
#define MIN_HEAP_SIZE (16 * 1024)

static size_t parse_size(const char *s) {
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end == 'k' || *end == 'K') {
        v *= 1024;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        v *= 1024 * 1024;
        end++;
    }
    if (end == s || *s < '0' || *s > '9' || *end != 0 || v > SIZE_MAX / 2) {
        usage_error("invalid -X heapsize value: ", s);
    }
    return (size_t)v;
}

/* The exit status for an exception that reached the top level (printing it as CPython does). */
static int uncaught(obj_t exc) {
    if (exc_is_instance(exc, &type_SystemExit)) {
        opt.exiting = true;
        obj_t code = exc_get_value(exc);
        if (code == OBJ_NULL || code == OBJ_NONE) {
            return 0;
        }
        if (obj_is_int(code)) {
            return (int)obj_get_int(code);
        }
        print_fmt(&print_stderr, "%S\n", code);
        return 1;
    }
    exc_print(&print_stderr, exc);
    /* the shell's convention for death by SIGINT, as CPython */
    return exc_is_instance(exc, &type_KeyboardInterrupt) ? 128 + SIGINT : 1;
}

/* Compile and run src in __main__; returns -1 when it finished normally, else an exit status. */
static int execute(const char *src, size_t len, qstr filename, compile_mode_t mode) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        code_t *code = compile_source(src, len, filename, mode);
        if (opt.dis) {
            code_disassemble(&print_stdout, code);
        }
        vm_exec_code(code, STATE(dict_main), STATE(dict_main));
        nlr_pop();
        return -1;
    }
    STATE(pending_flag) = 0;
    return uncaught(nlr.exc);
}

/* The Python state from scratch: at start-up and on a soft reset. */
static void init_state(void) {
    gc_init(mem.heap, mem.heap + mem.size);
    qstr_init();
    rt_init();
    vm_init();
    KBD_INTERRUPT = obj_new_exception(&type_KeyboardInterrupt, 0, NULL);
    vfs_posix_mount_root();   /* vfs helper: the host tree at "/" before anything imports */
}

static void init_path(const char *script_dir, size_t dir_len);
static void init_main_module(const char *file);
static void init_argv(int argc, char **argv, const char *first);

/* --board nodemcu: the flash file system (extmod/flashfs.c) in the --flash image (by default
 * ~/.config/adder/nodemcu-flash.img), formatted on first use; at "/" for the board's REPL (boot.py
 * and main.py come from it), at "/flash" for a script run with --flash. */
static void flash_mount(void) {
    if (opt.flash_point == NULL) {
        return;
    }
    if (flash_dev.fd < 0 && !bdev_file_open(&flash_dev, opt.flash, BDEV_FILE_DEFAULT_SIZE)) {
        print_fmt(&print_stderr, "adder: cannot open the flash image %s\n", opt.flash);
        opt.flash_point = NULL;
        return;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        bool formatted;
        if (strcmp(opt.flash_point, "/") == 0) {
            vfs_reset();
        }
        vfs_flash_mount_dev(&flash_dev.dev, opt.flash_point, &formatted);
        if (formatted) {
            print_fmt(&print_stderr, "adder: no file system in the flash image %s: formatted it (%u KB)\n",
                      opt.flash, (unsigned)(flash_dev.dev.block_count * (flash_dev.dev.block_size / 1024)));
        }
        nlr_pop();
    } else {
        print_fmt(&print_stderr, "adder: cannot mount the flash image %s: ", opt.flash);
        exc_print(&print_stderr, nlr.exc);
    }
}

/* The board's sys.path: '' then /lib, as MicroPython's. */
static void path_append(const char *dir, size_t len);
static void flash_path(void) {
    if (opt.flash_point != NULL && strcmp(opt.flash_point, "/") == 0) {
        path_append("/lib", 4);
    }
}

/* The board's REPL on a terminal (no --serial, so no soft reset: Ctrl-D leaves) still starts as
 * the board does: boot.py, then main.py, from the flash; an exception prints its traceback. */
static int execute(const char *src, size_t len, qstr filename, compile_mode_t mode);
static void flash_boot_files(void) {
    static const char *const names[2] = { "boot.py", "main.py" };
    for (int i = 0; i < 2 && opt.flash_point != NULL && strcmp(opt.flash_point, "/") == 0; i++) {
        size_t len;
        char *src = vfs_stat_kind(names[i]) == 1 ? vfs_read_file(names[i], &len) : NULL;
        if (src != NULL) {
            execute(src, len, qstr_from_str(names[i]), COMPILE_FILE);
        }
    }
}

/* Commits files left open, before a soft reset forgets them. */
static void flash_sync(void) {
    nlr_buf_t nlr;
    if (opt.flash_point != NULL && nlr_push(&nlr) == 0) {
        vfs_umount(opt.flash_point);
        nlr_pop();
    }
}

/* Ctrl-D in the REPL served by --serial: every object is forgotten and the chip's peripherals
 * return to their power-on state, as on a board (the REPL then runs boot.py and main.py). */
static void reset_state(void) {
    flash_sync();
    vboard_reset();
    memset(&vm_state.roots_begin_, 0, (size_t)((char *)&vm_state.roots_end_ - (char *)&vm_state.roots_begin_));
    STATE(pending_flag) = 0;
    STATE(call_depth) = 0;
    STATE(vm_frame) = NULL;
    init_state();
    flash_mount();
}

static void soft_reset(void) {
    reset_state();
    vboard_set_reset_cause(MACHINE_SOFT_RESET);
    init_argv(0, NULL, "");
    init_path("", 0);
    flash_path();
    init_main_module(NULL);
}

/* A hard reset of the board (machine.reset, waking from deepsleep, the WDT) lands here from
 * anywhere, abandoning every C frame in between: everything restarts but the RTC, and the program
 * (the script, which plays main.py, or boot.py + main.py + the REPL) runs again. */
static jmp_buf reboot;

static void hard_reset(void) {
    STATE(nlr_top) = NULL;
    machine_board_reset();
    reset_state();
}

/* The shared REPL (extmod/repl.c) on this terminal, or on the --serial line. */
static int repl(void) {
    repl_port_t port = { tty_mode_raw, tty_mode_orig, NULL, NULL };
    if (opt.serial != NULL) {
        port.interruptible = tty_serial_interruptible;
        port.soft_reset = soft_reset;
    }
    return repl_main(&port);
}

/* Everything stdin holds, into vs. */
static void read_all_stdin(vstr_t *vs) {
    int c;
    while ((c = port_stdin_read_char()) >= 0) {
        vstr_add_byte(vs, (uint8_t)c);
    }
}

/* The program on stdin, read then run; Ctrl-C while it is read is a KeyboardInterrupt too. */
static int run_stdin(void) {
    vstr_t src;
    vstr_init(&src, 1024);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        read_all_stdin(&src);
        nlr_pop();
        return execute(src.buf, src.len, Q__lt_stdin_gt_, COMPILE_FILE);
    }
    STATE(pending_flag) = 0;
    return uncaught(nlr.exc);
}

static void path_append(const char *s, size_t len) {
    obj_list_append(STATE(sys_path), obj_new_str(s, len));
}

/* sys.path: the script's directory first, then ADDERPATH's entries. */
static void init_path(const char *script_dir, size_t dir_len) {
    if (STATE(sys_path) == OBJ_NULL) {
        STATE(sys_path) = obj_new_list(0, NULL);
    }
    path_append(script_dir, dir_len);
    const char *env = getenv("ADDERPATH");
    while (env != NULL && *env) {
        const char *colon = strchr(env, ':');
        size_t len = colon ? (size_t)(colon - env) : strlen(env);
        if (len > 0) {
            path_append(env, len);
        }
        env = colon ? colon + 1 : NULL;
    }
}

static void init_main_module(const char *file) {
    module_t *mod;
    if (STATE(dict_main) == NULL) {
        mod = OBJ_TO_PTR(obj_new_module(Q___main__));
        STATE(dict_main) = mod->globals;
    } else {
        mod = m_new_obj(module_t);
        mod->base.type = &type_module;
        mod->globals = STATE(dict_main);
    }
    obj_dict_store(OBJ_FROM_PTR(STATE(dict_main)), QOBJ(__name__), QOBJ(__main__));
    if (file != NULL) {
        obj_dict_store(OBJ_FROM_PTR(STATE(dict_main)), QOBJ(__file__), obj_new_str(file, strlen(file)));
    }
    if (STATE(modules) == OBJ_NULL) {
        STATE(modules) = obj_new_dict(4);
    }
    obj_dict_store(STATE(modules), QOBJ(__main__), OBJ_FROM_PTR(mod));
}

static void init_argv(int argc, char **argv, const char *first) {
    STATE(sys_argv) = obj_new_list(0, NULL);
    obj_list_append(STATE(sys_argv), obj_new_str(first, strlen(first)));
    for (int i = 0; i < argc; i++) {
        obj_list_append(STATE(sys_argv), obj_new_str(argv[i], strlen(argv[i])));
    }
}

static int run_file(const char *path, int argc, char **argv) {
    init_argv(argc, argv, path);
    /* sys.path[0] is the script's directory made absolute, as in CPython */
    char *real = realpath(path, NULL);
    const char *dir = real != NULL ? real : path;
    const char *slash = strrchr(dir, '/');
    init_path(dir, slash == dir ? 1 : slash ? (size_t)(slash - dir) : 0);
    free(real);
    size_t len;
    char *src = port_read_file(path, &len);
    if (src == NULL) {
        print_fmt(&print_stderr, "adder: can't open file '%s': [Errno 2] No such file or directory\n", path);
        return 2;
    }
    init_main_module(path);
    return execute(src, len, qstr_from_str(path), COMPILE_FILE);
}

static int run_module(const char *name, int argc, char **argv) {
    /* as CPython: sys.path[0] is the current directory, made absolute */
    char *cwd = getcwd(NULL, 0);
    init_path(cwd != NULL ? cwd : "", cwd != NULL ? strlen(cwd) : 0);
    free(cwd);
    vstr_t path;
    vstr_init(&path, 64);
    if (!import_find_file(qstr_from_str(name), &path)) {
        print_fmt(&print_stderr, "adder: No module named %s\n", name);
        return 1;
    }
    const char *file = vstr_null_terminated(&path);
    init_argv(argc, argv, file);
    size_t len;
    char *src = port_read_file(file, &len);
    if (src == NULL) {
        print_fmt(&print_stderr, "adder: can't open file '%s'\n", file);
        return 2;
    }
    init_main_module(file);
    return execute(src, len, qstr_from_str(file), COMPILE_FILE);
}

static int boot(int i, int argc, char **argv);

/* Parses options, sets up the state and runs the program; returns the exit status. */
static int run(int argc, char **argv) {
    size_t heap_size = CONFIG_HEAP_DEFAULT;
    int i = 1, board_args;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != 0; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-c") == 0 || strcmp(a, "-m") == 0) {
            break;
        } else if (strcmp(a, "--serial") == 0) {
            if (++i >= argc) {
                usage_error("argument expected for the --serial option", "");
            }
            opt.serial = argv[i];
        } else if (strcmp(a, "-X") == 0 || strncmp(a, "-X", 2) == 0) {
            const char *x = a[2] ? a + 2 : (++i < argc ? argv[i] : NULL);
            if (x == NULL) {
                usage_error("argument expected for the -X option", "");
            } else if (strncmp(x, "heapsize=", 9) == 0) {
                heap_size = parse_size(x + 9);
            } else if (strcmp(x, "dis") == 0) {
                opt.dis = true;
            } else if (strcmp(x, "stats") == 0) {
                opt.stats = true;
            } else if (strcmp(x, "freeze") == 0) {
                opt.freeze = true;   /* build stage 0: dump FILENAME=PATH args (py/freeze.c) */
            }
        } else if (strcmp(a, "--flash") == 0) {
            if (++i >= argc) {
                usage_error("argument expected for the --flash option", "");
            }
            opt.flash = argv[i];
        } else if ((board_args = vboard_option(argc, argv, i, &heap_size)) > 0) {
            opt.board |= strcmp(a, "--board") == 0 && strcmp(argv[i + 1], "nodemcu") == 0;
            i += board_args - 1;
        } else if (strchr("uBOSEsIq", a[1]) != NULL && a[2] == 0) {
            /* CPython options with no meaning here */
        } else {
            usage_error("unknown option ", a);
        }
    }
    if (heap_size < MIN_HEAP_SIZE) {
        heap_size = MIN_HEAP_SIZE;
    }
    /* The VM stack is carved from the heap too; -X heapsize is what remains for Python objects. */
    heap_size += CONFIG_VM_STACK_WORDS * sizeof(obj_t);
    mem.heap = malloc(heap_size);
    mem.size = heap_size;
    if (mem.heap == NULL) {
        usage_error("cannot allocate the heap", "");
    }
    init_state();
    if (opt.freeze) {
        port_exit(freeze_dump(argc - i, argv + i));
    }
    vboard_init();
    bool repl_boot = !(i < argc && strcmp(argv[i], "-") != 0);
    if (opt.board && (repl_boot || opt.flash != NULL)) {
        /* scripts see the file system only when given an image: they must not share the default */
        opt.flash = opt.flash != NULL ? opt.flash : bdev_file_default_path();
        opt.flash_point = opt.flash == NULL ? NULL : repl_boot ? "/" : "/flash";
        flash_mount();
    } else if (opt.flash != NULL) {
        vboard_flash_file(opt.flash);   /* no file system: the image is the raw chip of esp.flash_* */
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    if (opt.board) {
        vboard_on_reboot(&reboot);
    }
    return boot(i, argc, argv);
}

/* The program (argv[i...]) from power-on, and again after each hard reset. */
static int boot(int i, int argc, char **argv) {
    if (setjmp(reboot) != 0) {
        hard_reset();
    }
    int status;
    if (i < argc && strcmp(argv[i], "-c") == 0) {
        if (i + 1 >= argc) {
            usage_error("argument expected for the -c option", "");
        }
        const char *code = argv[i + 1];
        init_argv(argc - i - 2, argv + i + 2, "-c");
        init_path("", 0);
        init_main_module(NULL);
        status = execute(code, strlen(code), Q__lt_string_gt_, COMPILE_FILE);
    } else if (i < argc && strcmp(argv[i], "-m") == 0) {
        if (i + 1 >= argc) {
            usage_error("argument expected for the -m option", "");
        }
        status = run_module(argv[i + 1], argc - i - 2, argv + i + 2);
    } else if (i < argc && strcmp(argv[i], "-") != 0) {
        status = run_file(argv[i], argc - i - 1, argv + i + 1);
    } else {
        bool dash = i < argc;
        init_argv(dash ? argc - i - 1 : 0, argv + i + 1, dash ? "-" : "");
        init_path("", 0);
        flash_path();
        init_main_module(NULL);
        if (opt.serial != NULL) {
            print_fmt(&print_stderr, "adder: serving the REPL on %s\n", opt.serial);
            if (!tty_serial_open(opt.serial)) {
                print_fmt(&print_stderr, "adder: cannot open a pseudo-terminal at %s\n", opt.serial);
                return 1;
            }
            status = repl();
        } else if (!dash && isatty(0)) {
            flash_boot_files();
            status = repl();
        } else {
            status = run_stdin();
        }
    }
    if (opt.stats) {
        gc_info_t info;
        gc_info(&info);
        print_fmt(&print_stderr, "heap: total %zu, used %zu, peak %zu bytes\n", info.total, info.used,
                  info.peak_used);
    }
    return status < 0 ? 0 : status;
}

int main(int argc, char **argv) {
    char top;
    /* Everything runs in run() so that no heap pointer lives in this frame above the scanned range. */
    STATE(stack_top) = &top;
    int (*volatile entry)(int, char **) = run;
    port_exit(entry(argc, argv));
}

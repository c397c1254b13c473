# Makefile: builds Adder for the host (ports/unix).
#   make            build/adder (optimised, -g)
#   make asan       build-asan/adder (AddressSanitizer + UBSan)
#   make stress     build-stress/adder (a collection at every allocation, with ASan)
#   make minimal    build-minimal/adder (no float type, no bignums: CONFIG_FLOAT=0 CONFIG_BIGNUM=0)
#   make test       install missing tools, build both, run tests/run.py on both
#   make run        build and start the REPL
#   make bench      run the benchmarks (tools/bench.py); make bench-emu: the LX106 simulator's MIPS
#   make emu        build/adder-nodemcu, the NodeMCU emulator (tools/emu, docs/emulator.md), and
#                   build/lx106-run, its bare instruction-set simulator for the differential tests
#   make run-emu    the REPL on the emulated NodeMCU (the firmware written into its flash first)
#   make size       section sizes of the binaries
#   make clean

CC ?= gcc
ifeq ($(origin CC),default)
CC = gcc
endif
PYTHON ?= python3
PORT ?= unix

SRC := $(sort $(wildcard py/*.c extmod/*.c ports/$(PORT)/*.c))
GENHDR_DIR := build/genhdr
QSTR_GEN := $(GENHDR_DIR)/qstrdefs.gen.h
QSTR_SRC := $(sort $(wildcard py/*.c py/*.h extmod/*.c extmod/*.h ports/$(PORT)/*.c ports/$(PORT)/*.h)) \
            py/qstrdefs.txt tools/gen_qstr.py

# Frozen modules (docs/freezing.md): every .py under these directories is compiled at build time by
# a stage-0 binary (the same objects with an empty frozen table) into build/frozen/frozen.c.
FROZEN_DIRS := extmod/frozen $(FROZEN_DIR)
FROZEN_PY := $(sort $(foreach d,$(FROZEN_DIRS),$(shell find $(d) -name '*.py' 2>/dev/null)))
FROZEN_C := build/frozen/frozen.c
FROZEN0_C := build/frozen/frozen0.c
FROZEN_STAMP := build/frozen/dirs
QSTR_SRC += $(FROZEN_PY) tools/freeze.py $(FROZEN_STAMP)

WARN := -Wall -Wextra -Werror=implicit-function-declaration
CFLAGS_BASE := -std=c11 $(WARN) -Ipy -Iports/$(PORT) -Ibuild
CFLAGS ?= -O2 -g
LDLIBS := -lm

ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
STRESS_FLAGS := -O1 -g -fsanitize=address -fno-omit-frame-pointer -DCONFIG_GC_STRESS=1
MINIMAL_FLAGS := -O2 -g -DCONFIG_FLOAT=0 -DCONFIG_BIGNUM=0

# Objects of another compiler (make CC=clang) go in their own directory.
OBJDIR := build/obj$(if $(filter gcc cc,$(notdir $(CC))),,-$(notdir $(CC)))
OBJ := $(patsubst %.c,$(OBJDIR)/%.o,$(SRC))
ASAN_OBJ := $(patsubst %.c,build-asan/obj/%.o,$(SRC))
STRESS_OBJ := $(patsubst %.c,build-stress/obj/%.o,$(SRC))
MINIMAL_OBJ := $(patsubst %.c,build-minimal/obj/%.o,$(SRC))
FROZEN_OBJ := $(OBJDIR)/$(FROZEN_C:.c=.o)
STAGE0 := $(OBJDIR)/adder0

.PHONY: all asan stress minimal emu run-emu test run bench bench-emu size clean qstr FORCE

all: build/adder

# Relink when the compiler changes (make; make CC=clang; make): the stamp changes only then.
CC_STAMP := build/cc-used
$(CC_STAMP): FORCE
	@mkdir -p build
	@echo '$(CC)' | cmp -s - $@ || echo '$(CC)' > $@

build/adder: $(OBJ) $(FROZEN_OBJ) $(CC_STAMP)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(FROZEN_OBJ) $(LDLIBS)

build-asan/adder: $(ASAN_OBJ) build-asan/obj/$(FROZEN_C:.c=.o)
	$(CC) $(ASAN_FLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJ) build-asan/obj/$(FROZEN_C:.c=.o) $(LDLIBS)

asan: build-asan/adder

# GC torture build: collects on every allocation, so a missing GC root shows up at once.
build-stress/adder: $(STRESS_OBJ) build-stress/obj/$(FROZEN_C:.c=.o)
	$(CC) $(STRESS_FLAGS) $(LDFLAGS) -o $@ $(STRESS_OBJ) build-stress/obj/$(FROZEN_C:.c=.o) $(LDLIBS)

stress: build-stress/adder

# Without a float type or bignums (the frozen modules use neither, so the default freeze serves).
build-minimal/adder: $(MINIMAL_OBJ) build-minimal/obj/$(FROZEN_C:.c=.o)
	$(CC) $(MINIMAL_FLAGS) $(LDFLAGS) -o $@ $(MINIMAL_OBJ) build-minimal/obj/$(FROZEN_C:.c=.o) $(LDLIBS)

minimal: build-minimal/adder

# The NodeMCU emulator: the LX106 simulator, the ESP8266 chip and mask ROM (tools/emu), and the
# virtual board model it shares with the host port (ports/unix), which uses nothing of the interpreter.
VBOARD_MODEL_SRC := ports/unix/vboard_model.c ports/unix/vboard_i2c.c
EMU_SRC := $(filter-out tools/emu/lx106_run.c,$(sort $(wildcard tools/emu/*.c))) $(VBOARD_MODEL_SRC)
EMU_OBJ := $(patsubst %.c,build/emu/%.o,$(EMU_SRC))
EMU_CFLAGS := -std=c11 $(WARN) -O2 -g -Itools/emu -Iports/unix

build/adder-nodemcu: $(EMU_OBJ)
	$(CC) $(EMU_CFLAGS) $(LDFLAGS) -o $@ $(EMU_OBJ) -lm -lutil

build/lx106-run: build/emu/tools/emu/lx106.o build/emu/tools/emu/lx106_run.o build/emu/tools/emu/emu_file.o
	$(CC) $(EMU_CFLAGS) $(LDFLAGS) -o $@ $^

build/emu/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(EMU_CFLAGS) -MMD -MP -c $< -o $@

emu: build/adder-nodemcu build/lx106-run

# The emulator under AddressSanitizer and UBSan: make test runs tests/emu on it too ($ADDER_NODEMCU).
EMU_ASAN_OBJ := $(patsubst %.c,build-asan/emu/%.o,$(EMU_SRC))

build-asan/adder-nodemcu: $(EMU_ASAN_OBJ)
	$(CC) $(ASAN_FLAGS) $(LDFLAGS) -o $@ $(EMU_ASAN_OBJ) -lm -lutil

build-asan/emu/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) $(ASAN_FLAGS) -Itools/emu -Iports/unix -MMD -MP -c $< -o $@

# The REPL on the emulated NodeMCU, on this terminal (Ctrl-A X quits): the firmware written at
# flash 0 before power-on, the rest of ~/.config/adder/nodemcu-emu-flash.img (the file system) kept
# from run to run.  docs/emulator.md.
run-emu: build/adder-nodemcu
	$(MAKE) -C ports/esp8266
	./build/adder-nodemcu --write 0:ports/esp8266/build/adder-esp8266.bin

# The emulator's C unit tests (tests/emu/unit_tests.py builds and runs them): the board through its
# esp_board_t callbacks, and the chip model with the CPU but no ROM or board.
build/emu-board-test: tests/emu/board_test.c build/emu/tools/emu/board.o $(patsubst %.c,build/emu/%.o,$(VBOARD_MODEL_SRC))
	$(CC) $(EMU_CFLAGS) $(LDFLAGS) -o $@ $^ -lm

build/emu-chip-test: tests/emu/esp_chip_test.c $(filter build/emu/tools/emu/esp%.o,$(EMU_OBJ)) build/emu/tools/emu/lx106.o
	$(CC) $(EMU_CFLAGS) $(LDFLAGS) -o $@ $^

# The simulator's embedder API (what build/lx106-run cannot reach), with its guest program.
build/emu/lx106_api_test.bin: tests/emu/lx106_api_test.S
	@mkdir -p $(dir $@)
	xtensa-lx106-elf-as -o build/emu/lx106_api_test.o $<
	xtensa-lx106-elf-ld -N --no-warn-rwx-segments -Ttext=0x40100000 -o build/emu/lx106_api_test.elf build/emu/lx106_api_test.o
	xtensa-lx106-elf-objcopy -O binary build/emu/lx106_api_test.elf $@

build/emu-lx106-test: tests/emu/lx106_api_test.c build/emu/tools/emu/lx106.o build/emu/lx106_api_test.bin
	$(CC) $(EMU_CFLAGS) -DAPI_TEST_BIN='"$(CURDIR)/build/emu/lx106_api_test.bin"' $(LDFLAGS) -o $@ \
	    tests/emu/lx106_api_test.c build/emu/tools/emu/lx106.o

# The qstr table depends on every source; gen_qstr.py rewrites it only when its content changes,
# so objects are rebuilt only when the set of interned names really changed.
$(QSTR_GEN): $(QSTR_SRC)
	@mkdir -p $(GENHDR_DIR)
	$(PYTHON) tools/gen_qstr.py $@ py extmod ports/$(PORT) $(foreach d,$(FROZEN_DIRS),--frozen $(d))

qstr: $(QSTR_GEN)

# Stage 0 relinks when any object changes; freeze.py rewrites frozen.c only when its text changes.
# The qstr table changes when the set of frozen directories does (make FROZEN_DIR=...; make).
$(FROZEN_STAMP): FORCE
	@mkdir -p build/frozen
	@echo '$(FROZEN_DIRS)' | cmp -s - $@ || echo '$(FROZEN_DIRS)' > $@

$(FROZEN0_C): tools/freeze.py
	$(PYTHON) tools/freeze.py empty $@

$(STAGE0): $(OBJ) $(OBJDIR)/$(FROZEN0_C:.c=.o)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(FROZEN_C): $(STAGE0) $(FROZEN_PY) $(QSTR_GEN)
	$(PYTHON) tools/freeze.py gen $(STAGE0) $(QSTR_GEN) $@ $(FROZEN_DIRS)

$(OBJDIR)/%.o: %.c $(QSTR_GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -MMD -MP -c $< -o $@

build-asan/obj/%.o: %.c $(QSTR_GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(ASAN_FLAGS) -MMD -MP -c $< -o $@

build-stress/obj/%.o: %.c $(QSTR_GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(STRESS_FLAGS) -MMD -MP -c $< -o $@

build-minimal/obj/%.o: %.c $(QSTR_GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(MINIMAL_FLAGS) -MMD -MP -c $< -o $@

test:
	sh tools/deps.sh
	$(MAKE) all
	$(MAKE) asan
	$(MAKE) emu build-asan/adder-nodemcu
	$(MAKE) -C ports/esp8266
	$(PYTHON) tests/run.py build/adder build-asan/adder
	ADDER_NODEMCU=$(CURDIR)/build-asan/adder-nodemcu $(PYTHON) tests/run.py -k emu/
	$(MAKE) -C ports/qemu-arm test
	$(MAKE) -C ports/esp8266 test
	$(PYTHON) tests/run.py --target nodemcu-emu

# The REPL on the virtual NodeMCU: its 40 KB heap, LEDs shown live, and the flash file system in
# ~/.config/adder/nodemcu-flash.img (boot.py and main.py run from it).
run: all
	./build/adder --board nodemcu

bench: all
	$(PYTHON) tools/bench.py

# The LX106 simulator's instructions per second, beside QEMU's on the same workload.
bench-emu: build/lx106-run
	$(PYTHON) bench/emu/mips.py

size: all
	size build/adder $(wildcard build/*.elf)

clean:
	rm -rf build build-asan build-stress build-minimal

-include $(OBJ:.o=.d) $(EMU_OBJ:.o=.d) $(EMU_ASAN_OBJ:.o=.d) build/emu/tools/emu/lx106_run.d $(ASAN_OBJ:.o=.d) $(STRESS_OBJ:.o=.d) $(MINIMAL_OBJ:.o=.d)

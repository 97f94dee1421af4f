# aipm-lint build. 'make' builds build/aipm-lint; 'make check' installs missing
# dependencies, builds and runs every test; 'make demo' lints examples/vision.md.
#
#   make                  build/aipm-lint
#   make check            unit tests, CLI golden tests, doc tests, rule self-tests
#   make check SANITIZE=1 the same, built with AddressSanitizer + UBSan (alias: make asan)
#   make demo             lint examples/vision.md with the built-in rules
#   make memcheck         unit and CLI tests under valgrind, no leaks allowed
#   make fuzz | fuzz-smoke  libFuzzer targets (clang); run each FUZZ_SECONDS (60)
#   make install PREFIX=/usr/local
#   make format | format-check | check-headers | clean | deps
#   make BUILD=dir        build somewhere other than build/

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
CC ?= cc
PKG_CONFIG ?= pkg-config
SANITIZE ?=
OPT ?= -O2 -g
WERROR ?= -Werror

BUILD ?= build

ifeq ($(SANITIZE),1)
B := $(BUILD)/asan
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT := -O1 -g
else ifeq ($(FUZZ),1)
# libFuzzer build (make fuzz): the library instrumented, targets linked with -fsanitize=fuzzer
B := $(BUILD)/fuzz
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all
OPT := -O1 -g
else
B := $(BUILD)
SANFLAGS :=
endif

# Recursive (=) so pkg-config runs after 'deps' has installed what is missing.
DEP_CFLAGS = $(shell $(PKG_CONFIG) --cflags libcmark libpcre2-8 yaml-0.1 2>/dev/null)
DEP_LIBS = $(shell $(PKG_CONFIG) --libs libcmark libpcre2-8 yaml-0.1 2>/dev/null)
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

WARN := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -Wvla $(WERROR)
CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -Iinclude -iquote src -iquote $(B)/gen $(DEP_CFLAGS) $(CPPFLAGS)
CFLAGS_ALL = $(WARN) $(OPT) $(SANFLAGS) -pthread $(CFLAGS)
LDFLAGS_ALL = $(SANFLAGS) -pthread $(LDFLAGS)

LIB_SRC := $(sort $(filter-out src/main.c,$(wildcard src/*.c src/checks/*.c src/report/*.c)))
LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o)
MAIN_OBJ := $(B)/obj/src/main.o
RULES := $(sort $(wildcard rules/*.yaml))
TEST_SRC := $(sort $(wildcard tests/test_*.c tests/checks/test_*.c tests/report/test_*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%) $(B)/tests/api/test_api
HEADERS := $(sort $(wildcard include/aipm/*.h src/*.h src/checks/*.h src/report/*.h))

.PHONY: all deps check test unit cli-test docs-test rules-test report-test asan demo install uninstall \
        clean format format-check check-headers bench fuzz fuzz-targets fuzz-smoke memcheck \
        hostile-test patho-test
.DELETE_ON_ERROR:

all: $(B)/aipm-lint

deps:
	@scripts/install-deps --with-test-tools

$(B)/aipm-lint: $(MAIN_OBJ) $(B)/libaipm.a
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(DEP_LIBS)

$(B)/libaipm.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

# The built-in rule pack, generated from rules/*.yaml (never edited by hand).
# embed parses the rule files with src/yaml.c, so it links that and libyaml.
EMBED_SRC := tools/embed.c src/yaml.c src/mem.c src/error.c src/buf.c src/suggest.c src/utf8.c
$(B)/tools/embed: $(EMBED_SRC) src/yaml.h src/mem.h src/error.h src/buf.h src/suggest.h src/utf8.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -std=c11 -O1 -o $@ $(EMBED_SRC) $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null)

$(B)/gen/builtin_rules.inc: $(B)/tools/embed $(RULES)
	@mkdir -p $(dir $@)
	$(B)/tools/embed $@ $(RULES)

$(B)/obj/src/builtin.o: $(B)/gen/builtin_rules.inc

$(B)/tests/%: tests/%.c $(B)/libaipm.a tests/test.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests $(TEST_CFLAGS) $(CFLAGS_ALL) -Wno-missing-prototypes \
		-o $@ $< $(B)/libaipm.a $(DEP_LIBS) $(TEST_LIBS) $(LDFLAGS_ALL)

# The public-API test sees only include/ (no src/ on its include path).
$(B)/tests/api/test_api: tests/api/test_api.c $(B)/libaipm.a include/aipm/aipm.h
	@mkdir -p $(dir $@)
	$(CC) -D_POSIX_C_SOURCE=200809L -Iinclude $(TEST_CFLAGS) $(CFLAGS_ALL) -Wno-missing-prototypes \
		-o $@ $< $(B)/libaipm.a $(DEP_LIBS) $(TEST_LIBS) $(LDFLAGS_ALL)

unit: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; ./$$t; done

cli-test: $(B)/aipm-lint
	@AIPM_LINT=$(B)/aipm-lint tests/cli.sh

docs-test: $(B)/aipm-lint
	@AIPM_LINT=$(B)/aipm-lint tests/docs.sh

rules-test: $(B)/aipm-lint
	@echo "== rule self-tests"
	@$(B)/aipm-lint --test-rules

# Output formats end to end (SARIF schema, several outputs, exit status, doc
# samples) and the CI integrations (the exact command lines they contain).
report-test: $(B)/aipm-lint
	@AIPM_LINT=$(B)/aipm-lint tests/report.sh
	@AIPM_LINT=$(B)/aipm-lint tests/ci.sh

# Pathological inputs under a CPU-time bound (more under sanitizers), and
# hostile files and faults (bad bytes, loops, unreadable, /dev/full, SIGPIPE).
PATHO_LIMIT ?= $(if $(SANFLAGS),60,5)
patho-test: $(B)/aipm-lint
	@AIPM_LINT=$(B)/aipm-lint PATHO_LIMIT=$(PATHO_LIMIT) tests/pathological.sh

hostile-test: $(B)/aipm-lint
	@AIPM_LINT=$(B)/aipm-lint tests/hostile.sh

test: unit cli-test docs-test rules-test report-test patho-test hostile-test

check: deps
	@$(MAKE) --no-print-directory test
	@echo "make check: all tests passed"

asan:
	@$(MAKE) --no-print-directory check SANITIZE=1 BUILD=$(BUILD)

# libFuzzer targets (tests/fuzz/, clang only): 'make fuzz' builds them under
# $(BUILD)/fuzz; 'make fuzz-smoke' runs each for FUZZ_SECONDS from its seed corpus.
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60

fuzz:
	@$(MAKE) --no-print-directory FUZZ=1 CC=clang BUILD=$(BUILD) fuzz-targets

fuzz-targets: $(FUZZ_SRC:tests/fuzz/%.c=$(B)/%)

$(B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/common.h $(B)/libaipm.a
	$(CC) $(CPPFLAGS_ALL) -Itests $(CFLAGS_ALL) -Wno-missing-prototypes \
		-fsanitize=fuzzer,address,undefined -o $@ $< $(B)/libaipm.a $(DEP_LIBS) $(LDFLAGS_ALL)

fuzz-smoke: fuzz
	@tests/fuzz/smoke.sh $(BUILD)/fuzz $(FUZZ_SECONDS)

# The whole suite under valgrind: every unit test and every aipm-lint run of the
# CLI tests, with --leak-check=full --error-exitcode=1 (valgrind exit 99 on errors).
VALGRIND ?= valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
            --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
            --suppressions=$(CURDIR)/tests/valgrind.supp
memcheck: deps
	@$(MAKE) --no-print-directory all $(TEST_BIN) BUILD=$(BUILD)
	@set -e; for t in $(TEST_BIN); do echo "== valgrind $$t"; $(VALGRIND) ./$$t >/dev/null; done
	@printf '#!/bin/sh\nexec %s %s "$$@"\n' "$(VALGRIND)" "$(CURDIR)/$(B)/aipm-lint" >$(B)/aipm-lint-vg
	@chmod +x $(B)/aipm-lint-vg
	@AIPM_LINT=$(B)/aipm-lint-vg tests/cli.sh
	@AIPM_LINT=$(B)/aipm-lint-vg tests/hostile.sh
	@echo "make memcheck: no valgrind errors, no leaks"

# make bench: an optimised build in $(BUILD)/bench, then bench/run over the corpus
# (BENCH_ARGS='PATH' or '--runs N' to change it). A benchmark, not part of check.
bench: deps
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/bench OPT=-O2 all $(BUILD)/bench/floor
	@AIPM_LINT=$(BUILD)/bench/aipm-lint AIPM_FLOOR=$(BUILD)/bench/floor bench/run $(BENCH_ARGS)

$(B)/floor: bench/floor.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(DEP_LIBS) $(LDFLAGS_ALL)

demo: deps
	@$(MAKE) --no-print-directory all
	@echo "$$ build/aipm-lint examples/vision.md"
	@$(B)/aipm-lint --color=always --show-source examples/vision.md || test $$? -eq 1

install: $(B)/aipm-lint
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(B)/aipm-lint $(DESTDIR)$(BINDIR)/aipm-lint
	install -m 644 docs/aipm-lint.1 $(DESTDIR)$(MANDIR)/man1/aipm-lint.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/aipm-lint $(DESTDIR)$(MANDIR)/man1/aipm-lint.1

check-headers:
	@set -e; mkdir -p $(B)/headers; for h in $(HEADERS); do \
		printf '#include "%s"\n' $$(echo $$h | sed 's,^include/,,; s,^src/,,') > $(B)/headers/tu.c; \
		$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -fsyntax-only $(B)/headers/tu.c || exit 1; \
	done; echo "check-headers: $(words $(HEADERS)) headers compile alone"

format:
	clang-format -i $(HEADERS) $(LIB_SRC) src/main.c $(wildcard tests/*.c tests/*/*.c tests/*.h tools/*.c bench/*.c)

format-check:
	clang-format --dry-run --Werror $(HEADERS) $(LIB_SRC) src/main.c $(wildcard tests/*.c tests/*/*.c tests/*.h tools/*.c bench/*.c)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)

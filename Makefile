# verbeeld - build, play and test.
#
#   make play     set up what is missing, build, and play the default scenario
#   make check    set up what is missing, build, and run every test
#
# Libraries come from pkg-config. When one is missing on Debian or Ubuntu, the packages are
# installed with apt-get (through sudo when not root); elsewhere the build says what to install.

PREFIX      ?= /usr/local
DATADIR     ?= $(PREFIX)/share/verbeeld
LOCALEDIR   ?= $(PREFIX)/share/locale
SCENARIO    ?= moveon

CC          ?= cc
PKGS        := lua5.4 libxml-2.0 readline json-c libxxhash libcurl
# libcurl's header only: engine/lrs/http.c loads the library when something is sent (dlopen), so
# that every other start of verbeeld does not load it and the TLS and other libraries it brings.
LINK_PKGS   := $(filter-out libcurl,$(PKGS))
TEST_PKGS   := cmocka
XAPI_CHECKER := tests/xapi/node_modules/.package-lock.json
DEB_PACKAGES := pkg-config make gcc liblua5.4-dev libxml2-dev libxml2-utils libreadline-dev \
                libjson-c-dev libxxhash-dev libcurl4-openssl-dev libcmocka-dev gettext python3-jsonschema tmux
# The fonts the printed pages name (DejaVu Sans: every letter of the posters and sheets, both
# languages), fontconfig and poppler-utils for the test that prints the posters and checks that
# no character falls outside them (tests/e2e/posters.sh).
FONT_PACKAGES := fonts-dejavu-core fontconfig poppler-utils
DEB_PACKAGES += $(FONT_PACKAGES)

VERSION     := $(shell git describe --tags --always --dirty 2>/dev/null || echo 0.1)

WARN        := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS      ?= -O2 -g
# WERROR=1 turns every warning into an error: CI builds so with gcc at -O0 and with clang.
ifeq ($(WERROR),1)
WARN        += -Werror
endif
ifeq ($(SANITIZE),1)
CFLAGS      += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS     += -fsanitize=address,undefined
endif

B           ?= build
DEPS_STAMP  := $(B)/.deps-ok
LRS_SERVER  := $(B)/lrs/.installed

ENGINE_SRC  := $(wildcard engine/*/*.c)
DEBRIEF_SRC := $(wildcard debrief/*.c)
CLI_SRC     := $(wildcard engine/cli/*.c)
LIB_SRC     := $(filter-out $(CLI_SRC),$(ENGINE_SRC)) $(DEBRIEF_SRC)
LIB_OBJ     := $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ     := $(CLI_SRC:%.c=$(B)/%.o)
UNIT_SRC    := $(wildcard tests/unit/*.c)
UNIT_BIN    := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
LANGS       := nl en
MO          := $(LANGS:%=$(B)/locale/%/LC_MESSAGES/verbeeld.mo)

.PHONY: all play check deps unit e2e clean pot bench
all: $(B)/verbeeld $(MO)

# ---------------------------------------------------------------- set-up

deps: $(DEPS_STAMP)

# The shell commands that install the Debian packages $(1), as root or through sudo.
APT_INSTALL = SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null

$(DEPS_STAMP): Makefile
	@mkdir -p $(B)
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists $(PKGS) $(TEST_PKGS) \
	    || ! command -v msgfmt >/dev/null 2>&1 || ! command -v xmllint >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "verbeeld: installing the libraries it needs: $(DEB_PACKAGES)"; \
	    $(call APT_INSTALL,$(DEB_PACKAGES)) || exit 1; \
	  else \
	    echo "verbeeld needs: Lua 5.4, libxml2, readline, json-c, xxHash, libcurl and cmocka (with their"; \
	    echo "headers and pkg-config files), pkg-config, gettext (msgfmt) and xmllint. For example:"; \
	    echo "  Fedora:  dnf install lua-devel libxml2-devel readline-devel json-c-devel xxhash-devel libcurl-devel libcmocka-devel gettext pkgconf"; \
	    echo "  macOS:   brew install lua libxml2 readline json-c xxhash curl cmocka gettext pkg-config"; \
	    exit 1; \
	  fi; \
	fi
	@if command -v apt-get >/dev/null 2>&1 && { ! command -v pdffonts >/dev/null 2>&1 || ! command -v fc-list >/dev/null 2>&1 \
	    || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; }; then \
	  echo "verbeeld: installing the fonts the printed pages use: $(FONT_PACKAGES)"; \
	  $(call APT_INSTALL,$(FONT_PACKAGES)) \
	    || echo "verbeeld: the fonts could not be installed; tests/e2e/posters.sh says what it cannot check"; \
	fi
	@touch $@

# ---------------------------------------------------------------- build

CPPFLAGS_ALL = -Iengine -I. $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
               -DVB_VERSION='"$(VERSION)"' -DVB_DATADIR='"$(DATADIR)"' -DVB_LOCALEDIR='"$(LOCALEDIR)"' -DVB_BUILDDIR='"$(B)"'
LIBS_ALL     = $(shell pkg-config --libs $(LINK_PKGS) 2>/dev/null) -ldl -lm

# verbeeld itself (and the benchmark's harnesses) link the libraries from their static archives
# when the system has every one (Debian's -dev packages do): the C library stays shared. At a
# trainer's start the dynamic linker no longer loads and relocates libxml2 with ICU and
# libstdc++: MoveOn's first prompt 26.9 -> 22.4 ms, `verbeeld --version` 7.4 -> 4.5 ms of CPU
# and 5.3 -> 2.7 MB resident (bench/notes.md, tenth session). The program is larger (ICU's data,
# 30 MB, is in it; a page is read only when used). STATIC=0 links the shared libraries.
STATIC      ?= 1
STATIC_LIBS  = $(filter-out -lm -ldl -lpthread,$(shell pkg-config --static --libs-only-l $(LINK_PKGS) 2>/dev/null)) -lstdc++
ARCHIVES_OK  = $(shell [ "$(STATIC)" = 1 ] && [ "$$(uname -s)" = Linux ] && \
                 for l in $(STATIC_LIBS:-l%=%); do [ -f "$$($(CC) -print-file-name=lib$$l.a)" ] || exit 0; done && echo yes)
LIBS_STATIC  = $(shell pkg-config --libs-only-L $(LINK_PKGS) 2>/dev/null) \
               -Wl,-Bstatic $(STATIC_LIBS) -Wl,-Bdynamic -ldl -lm -lpthread
LIBS_PROGRAM = $(if $(ARCHIVES_OK),$(LIBS_STATIC),$(LIBS_ALL))

$(B)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -MMD -MP -c $< -o $@

$(B)/libverbeeld.a: $(LIB_OBJ) Makefile
	@rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(B)/verbeeld: $(CLI_OBJ) $(B)/libverbeeld.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_PROGRAM)

# The benchmark's harnesses on the library (bench/run.sh): loading a scenario, the text walk.
$(B)/bench-%: bench/%.c $(B)/libverbeeld.a
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -Werror $(CFLAGS) $(CPPFLAGS_ALL) $(LDFLAGS) -o $@ $< $(B)/libverbeeld.a $(LIBS_PROGRAM)

$(B)/locale/%/LC_MESSAGES/verbeeld.mo: po/%.po | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -o po/verbeeld.pot $(ENGINE_SRC) $(DEBRIEF_SRC)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---------------------------------------------------------------- play and test

play: all
	$(B)/verbeeld play $(SCENARIO)

$(B)/tests/%: tests/unit/%.c $(B)/libverbeeld.a | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) $(LDFLAGS) -o $@ $< $(B)/libverbeeld.a \
	  $(LIBS_ALL) $(shell pkg-config --libs cmocka)

# Tests keep the model cache (engine/model/cache.c) in the build folder, never in the user's ~/.cache,
# and start with it empty: each run loads a scenario cold first, then from the cache.
TEST_CACHE   = $(abspath $(B))/cache

unit: $(UNIT_BIN) $(MO)
	@rm -rf $(TEST_CACHE); fail=0; for t in $(UNIT_BIN); do VERBEELD_CACHE=$(TEST_CACHE) $$t || fail=1; done; exit $$fail

e2e: all
	@rm -rf $(TEST_CACHE); HOSTILE_SECONDS=$(HOSTILE_SECONDS) VERBEELD_CACHE=$(TEST_CACHE) VERBEELD=$(B)/verbeeld sh tests/e2e/run.sh

# A sanitised build does about three times the work per step: the hostile cases' bound on one
# run's processor time (tests/hostile.sh) grows with it.
HOSTILE_SECONDS = $(if $(SANITIZE),15,5)

check: all $(UNIT_BIN) $(XAPI_CHECKER) $(LRS_SERVER)
	@for t in $(FUZZ_SRC); do $(CC) -std=c11 -D_GNU_SOURCE $(WARN) $(CPPFLAGS_ALL) -fsyntax-only $$t || \
	  { echo "check: FAILED ($$t does not compile: make fuzz would not build it)"; exit 1; }; done
	@rm -rf $(TEST_CACHE); HOSTILE_SECONDS=$(HOSTILE_SECONDS) VERBEELD_CACHE=$(TEST_CACHE) VERBEELD=$(B)/verbeeld sh tests/run-all.sh $(UNIT_BIN)

# Every xAPI statement a debrief writes is checked in make check by Learning Locker's maintained
# validator (npm, pinned in tests/xapi/package-lock.json); node and npm come from Debian if missing.
$(XAPI_CHECKER): tests/xapi/package.json tests/xapi/package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
	  command -v apt-get >/dev/null 2>&1 || { echo "make check needs node and npm (the xAPI validator)"; exit 1; }; \
	  echo "verbeeld: installing node and npm for the xAPI validator"; \
	  $(call APT_INSTALL,nodejs npm) || exit 1; \
	fi
	@cd tests/xapi && npm ci --no-audit --no-fund --silent
	@touch $@

# tests/lrs/run.sh sends sessions to Learning Locker's statement service (npm xapi-statements,
# pinned in tests/lrs/package-lock.json), installed into the build folder. Where npm is missing
# or offline, make check says so and the LRS tests are skipped (tried again next time).
$(LRS_SERVER): tests/lrs/package.json tests/lrs/package-lock.json
	@mkdir -p $(B)/lrs && cp tests/lrs/package.json tests/lrs/package-lock.json $(B)/lrs/
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "verbeeld: npm is missing: the tests with a learning record store are skipped"; \
	elif (cd $(B)/lrs && npm ci --no-audit --no-fund --silent > npm.log 2>&1); then \
	  touch $@; \
	else \
	  echo "verbeeld: npm could not install xapi-statements (offline?): the tests with a learning record store are skipped ($(B)/lrs/npm.log)"; \
	fi

bench: all
	INKCPP="$(INKCPP)" sh bench/run.sh

clean:
	rm -rf $(B)

# ---------------------------------------------------------------- fuzzing (clang + libFuzzer)
#   make fuzz    build tests/fuzz/*.c against the engine (ASan, UBSan) in build-fuzz/ and run
#                each target for FUZZ_SECONDS; crashes land in build-fuzz/crash-*
FUZZ_SECONDS ?= 60
FB          := build-fuzz
FUZZ_SRC    := $(wildcard tests/fuzz/*.c)
FUZZ_NAMES  := $(notdir $(basename $(FUZZ_SRC)))
FUZZ_SAN    := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

.PHONY: fuzz fuzz-build
fuzz-build:
	@if ! command -v clang >/dev/null 2>&1 || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then \
	  command -v apt-get >/dev/null 2>&1 || { echo "make fuzz needs clang with libFuzzer"; exit 1; }; \
	  $(call APT_INSTALL,clang libclang-rt-14-dev) || exit 1; \
	fi
	@echo "fuzz: building the engine with clang in $(FB)/"
	@$(MAKE) -s --no-print-directory B=$(FB) CC=clang CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	  LDFLAGS="-fsanitize=address,undefined" $(FB)/libverbeeld.a
	@for t in $(FUZZ_NAMES); do \
	  clang -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) $(CPPFLAGS_ALL) -o $(FB)/$$t tests/fuzz/$$t.c \
	    $(FB)/libverbeeld.a $(LIBS_ALL) || exit 1; done

fuzz: fuzz-build
	@for t in $(FUZZ_NAMES); do \
	  mkdir -p $(FB)/corpus/$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  case $$t in fuzz_scenario) seeds="scenarios tests/e2e/broken tests/e2e/explore tests/hostile/xml";; \
	    fuzz_journal|fuzz_debrief) seeds="tests/e2e/golden";; *) seeds=;; esac; \
	  dirs=; for d in tests/fuzz/seeds/$$t tests/fuzz/regress/$$t $$seeds; do [ -d $$d ] && dirs="$$dirs $$d"; done; \
	  opts=; [ $$t = fuzz_prompt ] && opts=-detect_leaks=0; \
	  $(FB)/$$t $$opts -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FB)/crash-$$t- $(FB)/corpus/$$t $$dirs > $(FB)/$$t.log 2>&1; \
	  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' $(FB)/$$t.log; \
	  ls $(FB)/crash-$$t-* >/dev/null 2>&1 && { echo "fuzz: $$t found a crash"; exit 1; }; \
	  grep -q '^stat::number_of_executed_units' $(FB)/$$t.log || { echo "fuzz: $$t did not run (see $(FB)/$$t.log)"; exit 1; }; \
	done; echo "fuzz: no crashes"

# ---------------------------------------------------------------- install, uninstall, dist
#
#   make install PREFIX=$HOME/.local          or   make install DESTDIR=/tmp/stage (packagers)
#
# GNU directory variables: PREFIX, BINDIR, DATAROOTDIR, DATADIR (verbeeld's own data folder),
# LOCALEDIR, MANDIR, BASHCOMPDIR; DESTDIR is put in front of each when installing only. The
# program is built knowing DATADIR and LOCALEDIR: when they change, the one file that uses them
# (engine/base/paths.c) is rebuilt, so `make install PREFIX=...` always installs a program that finds
# its data.

# groff renders the man pages in tests/install.sh (it skips that part without it).
DEB_PACKAGES    += groff-base
BINDIR          ?= $(PREFIX)/bin
DATAROOTDIR     ?= $(PREFIX)/share
MANDIR          ?= $(DATAROOTDIR)/man
BASHCOMPDIR     ?= $(DATAROOTDIR)/bash-completion/completions
INSTALL         ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 755
INSTALL_DATA    ?= $(INSTALL) -m 644
DIRS_STAMP      := $(B)/.installdirs
# A scenario's pictures (scenarios/school/drawings/elin.svg: the posters) go with it.
DATA_FILES       = $(wildcard scenarios/*.xml) scenarios/scenario.rng scenarios/cast.rng debrief/prompts.json \
                   $(sort $(wildcard scenarios/*/*/*.svg)) \
                   $(shell find characters -type f -name '*.lua' 2>/dev/null | LC_ALL=C sort)

# A tarball made by `make dist` carries its version in .version (there is no git history in it).
ifeq ($(wildcard .git),)
ifneq ($(wildcard .version),)
VERSION := $(shell cat .version)
endif
endif

.PHONY: install uninstall dist FORCE
FORCE:

$(DIRS_STAMP): FORCE
	@mkdir -p $(B)
	@echo '$(DATADIR) $(LOCALEDIR)' | cmp -s - $@ 2>/dev/null || echo '$(DATADIR) $(LOCALEDIR)' > $@
$(B)/engine/base/paths.o: $(DIRS_STAMP)

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR)
	$(INSTALL_PROGRAM) $(B)/verbeeld $(DESTDIR)$(BINDIR)/verbeeld
	@set -e; for f in $(DATA_FILES); do \
	  $(INSTALL) -d "$(DESTDIR)$(DATADIR)/$$(dirname $$f)"; \
	  $(INSTALL_DATA) $$f "$(DESTDIR)$(DATADIR)/$$f"; \
	done; echo "installed scenarios and characters in $(DESTDIR)$(DATADIR)"
	@set -e; for l in $(LANGS); do \
	  $(INSTALL) -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  $(INSTALL_DATA) $(B)/locale/$$l/LC_MESSAGES/verbeeld.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/verbeeld.mo; \
	done; echo "installed the catalogs ($(LANGS)) in $(DESTDIR)$(LOCALEDIR)"
	@mkdir -p $(B)/man; for m in verbeeld verbeeld.nl; do \
	  sed -e 's#/usr/local/share/verbeeld#$(DATADIR)#g' -e 's#/usr/local/share/locale#$(LOCALEDIR)#g' \
	    docs/$$m.1 > $(B)/man/$$m.1 || exit 1; \
	done
	$(INSTALL) -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/nl/man1
	$(INSTALL_DATA) $(B)/man/verbeeld.1 $(DESTDIR)$(MANDIR)/man1/verbeeld.1
	$(INSTALL_DATA) $(B)/man/verbeeld.nl.1 $(DESTDIR)$(MANDIR)/nl/man1/verbeeld.1
	$(INSTALL) -d $(DESTDIR)$(BASHCOMPDIR)
	$(INSTALL_DATA) completion/verbeeld.bash $(DESTDIR)$(BASHCOMPDIR)/verbeeld

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/verbeeld $(DESTDIR)$(BASHCOMPDIR)/verbeeld \
	  $(DESTDIR)$(MANDIR)/man1/verbeeld.1 $(DESTDIR)$(MANDIR)/nl/man1/verbeeld.1 \
	  $(LANGS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/verbeeld.mo)
	@for f in $(DATA_FILES); do rm -f "$(DESTDIR)$(DATADIR)/$$f"; done
	@find $(DESTDIR)$(DATADIR) -depth -type d -empty -delete 2>/dev/null || true
	@echo "removed verbeeld from $(DESTDIR)$(PREFIX) (files of your own in $(DESTDIR)$(DATADIR) are kept)"

dist:
	@set -e; v=$$(git describe --tags --always 2>/dev/null) || { echo "make dist: needs the git repository"; exit 1; }; \
	git diff --quiet HEAD -- 2>/dev/null || echo "make dist: note: the tarball is made from HEAD; uncommitted changes are not in it"; \
	mkdir -p $(B)/dist; printf '%s\n' "$$v" > $(B)/dist/.version; \
	git archive --format=tar.gz --prefix=verbeeld-$$v/ --add-file=$(B)/dist/.version -o verbeeld-$$v.tar.gz HEAD; \
	echo "verbeeld-$$v.tar.gz"

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
SCENARIO    ?= tutorial

CC          ?= cc
PKGS        := lua5.4 libxml-2.0 readline json-c
TEST_PKGS   := cmocka
DEB_PACKAGES := pkg-config make gcc liblua5.4-dev libxml2-dev libxml2-utils libreadline-dev \
                libjson-c-dev libcmocka-dev gettext

VERSION     := $(shell git describe --tags --always --dirty 2>/dev/null || echo 0.1)

WARN        := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS      ?= -O2 -g
ifeq ($(SANITIZE),1)
CFLAGS      += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS     += -fsanitize=address,undefined
endif

B           ?= build
DEPS_STAMP  := $(B)/.deps-ok

ENGINE_SRC  := $(wildcard engine/*.c)
DEBRIEF_SRC := $(wildcard debrief/*.c)
LIB_SRC     := $(filter-out engine/main.c,$(ENGINE_SRC)) $(DEBRIEF_SRC)
LIB_OBJ     := $(LIB_SRC:%.c=$(B)/%.o)
MAIN_OBJ    := $(B)/engine/main.o
UNIT_SRC    := $(wildcard tests/unit/*.c)
UNIT_BIN    := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
LANGS       := nl en
MO          := $(LANGS:%=$(B)/locale/%/LC_MESSAGES/verbeeld.mo)

.PHONY: all play check deps unit e2e clean pot
all: $(B)/verbeeld $(MO)

# ---------------------------------------------------------------- set-up

deps: $(DEPS_STAMP)

$(DEPS_STAMP): Makefile
	@mkdir -p $(B)
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists $(PKGS) $(TEST_PKGS) \
	    || ! command -v msgfmt >/dev/null 2>&1 || ! command -v xmllint >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "verbeeld: installing the libraries it needs: $(DEB_PACKAGES)"; \
	    SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	    $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEB_PACKAGES) >/dev/null || exit 1; \
	  else \
	    echo "verbeeld needs: Lua 5.4, libxml2, readline, json-c and cmocka (with their headers"; \
	    echo "and pkg-config files), pkg-config, gettext (msgfmt) and xmllint. For example:"; \
	    echo "  Fedora:  dnf install lua-devel libxml2-devel readline-devel json-c-devel libcmocka-devel gettext pkgconf"; \
	    echo "  macOS:   brew install lua libxml2 readline json-c cmocka gettext pkg-config"; \
	    exit 1; \
	  fi; \
	fi
	@touch $@

# ---------------------------------------------------------------- build

CPPFLAGS_ALL = -Iengine -Idebrief $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
               -DVB_VERSION='"$(VERSION)"' -DVB_DATADIR='"$(DATADIR)"' -DVB_LOCALEDIR='"$(LOCALEDIR)"' -DVB_BUILDDIR='"$(B)"'
LIBS_ALL     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm

$(B)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -MMD -MP -c $< -o $@

$(B)/libverbeeld.a: $(LIB_OBJ)
	ar rcs $@ $^

$(B)/verbeeld: $(MAIN_OBJ) $(B)/libverbeeld.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_ALL)

$(B)/locale/%/LC_MESSAGES/verbeeld.mo: po/%.po | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -o po/verbeeld.pot $(ENGINE_SRC) $(DEBRIEF_SRC)

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)

# ---------------------------------------------------------------- play and test

play: all
	$(B)/verbeeld play $(SCENARIO)

$(B)/tests/%: tests/unit/%.c $(B)/libverbeeld.a | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) $(LDFLAGS) -o $@ $< $(B)/libverbeeld.a \
	  $(LIBS_ALL) $(shell pkg-config --libs cmocka)

unit: $(UNIT_BIN) $(MO)
	@fail=0; for t in $(UNIT_BIN); do $$t || fail=1; done; exit $$fail

e2e: all
	@VERBEELD=$(B)/verbeeld sh tests/e2e/run.sh

check: all $(UNIT_BIN)
	@VERBEELD=$(B)/verbeeld sh tests/run-all.sh $(UNIT_BIN)

clean:
	rm -rf $(B)

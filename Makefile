# covalue — top-level commands. Every target installs what is missing first.
SHELL := /bin/bash
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(CURDIR)/.cache/ccache

.PHONY: all deps build build-web build-debug run test bench bench-server fuzz format lint clean deb

all: build

deps:
	@scripts/install-deps.sh cmake/debian-packages.txt

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)
	@scripts/build-web.sh $(BUILD_DIR)/web/dist

# The browser UI alone (npm packages from web/package-lock.json, bundled by Vite).
build-web: deps
	@scripts/build-web.sh $(BUILD_DIR)/web/dist

build-debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS) --target unit_tests

# The demo network (14 partners, 8 closed cycles, the 9th voting) in a fresh SQLite file, served with
# the web UI; prints the URL, a coordinator token and a partner's token.
run: build
	@scripts/run-demo-server.sh

test: build build-debug
	@scripts/run-tests.sh $(BUILD_DIR)

# A Debian package (the binary, the web UI, the documentation, the covalue.service systemd unit and
# /etc/covalue/covalue.toml) in $(BUILD_DIR)/deb/.
deb: build
	@cpack --config $(BUILD_DIR)/release/CPackConfig.cmake -G DEB -B $(abspath $(BUILD_DIR))/deb

bench: build
	@scripts/run-bench.sh $(BUILD_DIR)/release

# HTTP load on loopback with wrk: ballot casts and dashboard reads, on SQLite and PostgreSQL.
bench-server: build
	@scripts/run-bench-server.sh $(BUILD_DIR)/release

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@scripts/run-fuzz.sh $(BUILD_DIR)/fuzz

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

lint: build
	@scripts/run-lint.sh $(BUILD_DIR)/release

clean:
	@rm -rf $(BUILD_DIR)

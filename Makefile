# covalue — top-level commands. Every target installs what is missing first.
SHELL := /bin/bash
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(CURDIR)/.cache/ccache

.PHONY: all deps build build-debug run test bench fuzz format lint clean

all: build

deps:
	@scripts/install-deps.sh cmake/debian-packages.txt

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

build-debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS) --target unit_tests

# The demo network (14 partners, 8 closed cycles) in a fresh SQLite file, with its reports.
run: build
	@$(BUILD_DIR)/release/apps/covalue demo --replace --db $(BUILD_DIR)/demo.db

test: build build-debug
	@scripts/run-tests.sh $(BUILD_DIR)

bench: build
	@scripts/run-bench.sh $(BUILD_DIR)/release

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

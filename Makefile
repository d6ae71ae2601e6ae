# Conventional entry points; each CI step is one of these targets (STYLE §7).
#   make export   set up, build, export corpus/ into output/
#   make test     set up, build, run every test
BUILD       ?= build
BUILD_ASAN  ?= build-asan
BUILD_FUZZ  ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = fuzz_ingest fuzz_pipeline fuzz_writers
BUILD_TYPE  ?= Release
JOBS        ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps test-tools build export test sanitize fuzz bench clean

all: build

deps:
	@bash scripts/install-deps.sh

test-tools: deps
	@bash scripts/install-test-tools.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

export: build
	./$(BUILD)/newskg export corpus -o output
	dot -Tsvg output/graph.dot -o output/graph.svg

test: build test-tools
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Debug build with AddressSanitizer + UBSan; runs the whole suite.
sanitize: deps test-tools
	@cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DNEWSKG_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD_ASAN) -j $(JOBS)
	ctest --test-dir $(BUILD_ASAN) --output-on-failure -j $(JOBS)

# libFuzzer + ASan + UBSan (clang) on each tests/fuzz target for FUZZ_SECONDS over a copy of its
# seeds and regression fixtures; any crash fails (the input is left in $(BUILD_FUZZ)/crashes/).
fuzz:
	@bash scripts/install-deps.sh --fuzz
	@cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DNEWSKG_FUZZ=ON >/dev/null
	@cmake --build $(BUILD_FUZZ) -j $(JOBS) --target $(FUZZ_TARGETS)
	@bash tests/fuzz/run-fuzz.sh $(BUILD_FUZZ) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# BENCH_MB: megabytes of text in the benchmark corpus; BENCH_RUNS: runs per figure (median).
BENCH_MB   ?= 100
BENCH_RUNS ?= 3
bench: build test-tools
	bash bench/run.sh ./$(BUILD) $(BENCH_MB) $(BENCH_RUNS)
	bash bench/pathological.sh ./$(BUILD)/newskg

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)

# The two commands of README.md. Both install what is missing, then build.
#   make run   build in Release, create the demo database ansinh.db if absent (the synthetic
#              Cà Mau of `ansinh generate`: ~281,000 households, 2010–2020), run the main job
#   make test  build Release and a sanitizer (ASan+UBSan) tree, run every test through ctest

BUILD      := build
RELEASE    := $(BUILD)/release
SANITIZE   := $(BUILD)/sanitize
ANSINH     := $(RELEASE)/src/cli/ansinh
DEMO_DB    ?= ansinh.db
DEMO_PROV  ?= 96
JOBS       ?= $(shell nproc)

.PHONY: run test deps build build-sanitize clean format

deps:
	@bash scripts/install-deps

# The sanitizer tree is the slower to compile: it is a unity build (ANSINH_UNITY) and keeps -O1
# (its tests run faster for it) but only line tables (-g1): its reports still name file and line;
# full debug information is for a tree one debugs in. Timings in docs/performance.md, "Build and
# test time".
$(RELEASE)/build.ninja: CMakeLists.txt Makefile
	cmake -S . -B $(RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DANSINH_WERROR=ON

$(SANITIZE)/build.ninja: CMakeLists.txt Makefile
	cmake -S . -B $(SANITIZE) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DANSINH_WERROR=ON -DANSINH_SANITIZE=ON \
	  -DANSINH_UNITY=ON -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1"

build: deps $(RELEASE)/build.ninja
	cmake --build $(RELEASE) -j $(JOBS)

build-sanitize: deps $(SANITIZE)/build.ninja
	cmake --build $(SANITIZE) -j $(JOBS)

run: build
	@if [ ! -f "$(DEMO_DB)" ]; then \
	  echo "Creating the demo database $(DEMO_DB) (province $(DEMO_PROV)): about two minutes"; \
	  rm -f "$(DEMO_DB).tmp" "$(DEMO_DB).tmp-wal" "$(DEMO_DB).tmp-shm"; \
	  $(ANSINH) init --db "$(DEMO_DB).tmp" --province $(DEMO_PROV) && \
	  $(ANSINH) generate --db "$(DEMO_DB).tmp" --province $(DEMO_PROV) && \
	  mv "$(DEMO_DB).tmp" "$(DEMO_DB)"; \
	fi
	$(ANSINH) summary --db "$(DEMO_DB)"

# The sanitizer tree runs first so that the last line printed is the Release tree's ctest summary.
test: build build-sanitize
	cd $(SANITIZE) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest -j $(JOBS) --output-on-failure
	cd $(RELEASE) && ctest -j $(JOBS) --output-on-failure

format:
	find src tests bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf $(BUILD)

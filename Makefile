# The two commands of README.md. Both install what is missing, then build.
#   make run   build in Release and the web app (web/dist), create the demo database ansinh.db if
#              absent (the synthetic Cà Mau of `ansinh generate`: ~281,000 households, 2010–2020)
#              and its demo user, then serve both on $(LISTEN)
#   make test  build Release, a sanitizer (ASan+UBSan) tree and the web app, run every test
#              through ctest (the Release tree's also runs the web unit tests and browser tests)

BUILD      := build
RELEASE    := $(BUILD)/release
SANITIZE   := $(BUILD)/sanitize
ANSINH     := $(RELEASE)/src/cli/ansinh
DEMO_DB    ?= ansinh.db
DEMO_PROV  ?= 96
JOBS       ?= $(shell nproc)
LISTEN     ?= 127.0.0.1:8080
# The demo sign-in `make run` creates (a province user; docs/web.md).
DEMO_USER  ?= demo
DEMO_PASS  ?= ansinh-demo
WEB        := web

.PHONY: run test deps build build-sanitize web clean format

deps:
	@bash scripts/install-deps

# Both trees are unity builds (ANSINH_UNITY: CMake batches a target's sources), which parses the
# heavy headers once a batch: the Release tree took about 1,020 CPU-seconds file by file, about 600
# batched. The sanitizer tree keeps -O1 (its tests run faster for it) but only line tables (-g1):
# its reports still name file and line; full debug information is for a tree one debugs in.
# Timings in docs/performance.md, "Build and test time".
$(RELEASE)/build.ninja: CMakeLists.txt Makefile
	cmake -S . -B $(RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DANSINH_WERROR=ON -DANSINH_UNITY=ON

$(SANITIZE)/build.ninja: CMakeLists.txt Makefile
	cmake -S . -B $(SANITIZE) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DANSINH_WERROR=ON -DANSINH_SANITIZE=ON \
	  -DANSINH_UNITY=ON -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1"

build: deps $(RELEASE)/build.ninja
	cmake --build $(RELEASE) -j $(JOBS)

build-sanitize: deps $(SANITIZE)/build.ninja
	cmake --build $(SANITIZE) -j $(JOBS)

# The web app: `npm ci` only when node_modules is missing or older than package-lock.json (npm ci
# writes node_modules/.package-lock.json), then a build only when a source changed.
$(WEB)/node_modules/.package-lock.json: $(WEB)/package-lock.json $(WEB)/package.json
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

WEB_SOURCES := $(shell find $(WEB)/src -type f 2>/dev/null) $(WEB)/index.html $(WEB)/vite.config.ts \
  $(WEB)/tsconfig.json

$(WEB)/dist/index.html: $(WEB)/node_modules/.package-lock.json $(WEB_SOURCES)
	cd $(WEB) && npm run --silent build

web: deps $(WEB)/dist/index.html

run: build web
	@if [ ! -f "$(DEMO_DB)" ]; then \
	  echo "Creating the demo database $(DEMO_DB) (province $(DEMO_PROV)): about two minutes"; \
	  rm -f "$(DEMO_DB).tmp" "$(DEMO_DB).tmp-wal" "$(DEMO_DB).tmp-shm"; \
	  $(ANSINH) init --db "$(DEMO_DB).tmp" --province $(DEMO_PROV) && \
	  $(ANSINH) generate --db "$(DEMO_DB).tmp" --province $(DEMO_PROV) && \
	  mv "$(DEMO_DB).tmp" "$(DEMO_DB)"; \
	fi
	@if $(ANSINH) --help 2>/dev/null | grep -q '^  serve '; then \
	  if ! $(ANSINH) user list --db "$(DEMO_DB)" 2>/dev/null | grep -qw "$(DEMO_USER)"; then \
	    pw=$$(mktemp) && printf '%s' "$(DEMO_PASS)" > "$$pw" && \
	    $(ANSINH) user add --db "$(DEMO_DB)" --username "$(DEMO_USER)" --role province \
	      --unit $(DEMO_PROV) --password-file "$$pw"; rc=$$?; rm -f "$$pw"; [ $$rc -eq 0 ] || exit $$rc; \
	  fi; \
	  echo "An Sinh: http://$(LISTEN)/  sign in as $(DEMO_USER) / $(DEMO_PASS)  (Ctrl-C stops)"; \
	  exec $(ANSINH) serve --db "$(DEMO_DB)" --listen $(LISTEN); \
	else \
	  $(ANSINH) summary --db "$(DEMO_DB)"; \
	fi

# The sanitizer tree runs first so that the last line printed is the Release tree's ctest summary.
# It leaves to the Release tree the tests whose worth is a statistic or a crash, not memory: the
# generator's calibration against GSO (CalibrationTest: 140 s of ASan CPU for code GenerateTest
# already runs under ASan) and the kill -9 loop of import_kill (SQLite's atomicity; 48 s).
SANITIZE_SKIP := ^CalibrationTest\.|^cli\.import_kill$$
test: build build-sanitize web
	cd $(SANITIZE) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest -j $(JOBS) --output-on-failure -E '$(SANITIZE_SKIP)'
	cd $(RELEASE) && ctest -j $(JOBS) --output-on-failure

format:
	find src tests bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf $(BUILD)

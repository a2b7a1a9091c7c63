#!/bin/sh
# Build LazyFS (https://github.com/dsrhaslab/lazyfs) without network access.
#
# Usage: tests/power-loss/build-lazyfs.sh LAZYFS_SOURCE_DIR
#
# LAZYFS_SOURCE_DIR is a checkout of dsrhaslab/lazyfs (the directory holding
# lazyfs/ and libs/). Upstream's CMake files download toml11 and spdlog with
# FetchContent and googletest for the unit tests; this script rewrites them
# to use the system packages instead (find_package) and switches the tests
# off, then builds libpcache and lazyfs in place. The result is
# LAZYFS_SOURCE_DIR/lazyfs/build/lazyfs.
#
# Needs (Debian 12): cmake g++ libfuse3-dev libtoml11-dev libspdlog-dev fuse3
#   apt-get install cmake g++ libfuse3-dev libtoml11-dev libspdlog-dev fuse3
set -eu

if [ $# -ne 1 ] || [ ! -f "$1/libs/libpcache/CMakeLists.txt" ] || [ ! -f "$1/lazyfs/CMakeLists.txt" ]; then
    echo "usage: $0 LAZYFS_SOURCE_DIR (a checkout of dsrhaslab/lazyfs)" >&2
    exit 2
fi
src=$(cd "$1" && pwd)
pcache="$src/libs/libpcache/CMakeLists.txt"
lazyfs="$src/lazyfs/CMakeLists.txt"

# libpcache: toml11 and spdlog from the system, not FetchContent.
if grep -q FetchContent "$pcache"; then
    cp "$pcache" "$pcache.orig"
    awk '
        /^include\(FetchContent\)/ { next }
        /^FetchContent_Declare\(/ { skip = 1; next }
        skip && /^\)/ { skip = 0; next }
        skip { next }
        /^FetchContent_MakeAvailable\(toml\)/ { print "find_package(toml11 REQUIRED)"; next }
        /^FetchContent_MakeAvailable\(spdlog\)/ { print "find_package(spdlog REQUIRED)"; next }
        /^set_target_properties\(spdlog / { next }
        { gsub(/toml11::toml11 spdlog\)/, "toml11::toml11 spdlog::spdlog)"); print }
    ' "$pcache.orig" > "$pcache"
fi

# lazyfs: spdlog from the system (its compile definitions select the
# system fmt), the unit tests (googletest by FetchContent) off.
if ! grep -q 'find_package(spdlog' "$lazyfs"; then
    cp "$lazyfs" "$lazyfs.orig"
    awk '
        /_deps\/spdlog/ { next }
        /^find_package\(Threads REQUIRED\)/ { print; print "find_package(spdlog REQUIRED)"; next }
        /^target_link_libraries\(\$\{CMAKE_PROJECT_NAME\}/ { sub(/\)$/, " spdlog::spdlog)") }
        /^option\(LAZYFS_BUILD_TESTS/ { sub(/ ON\)/, " OFF)") }
        { print }
    ' "$lazyfs.orig" > "$lazyfs"
fi

if grep -q FetchContent "$pcache"; then
    echo "$0: $pcache still uses FetchContent" >&2
    exit 1
fi

jobs=$(nproc 2>/dev/null || echo 1)
cmake -S "$src/libs/libpcache" -B "$src/libs/libpcache/build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$src/libs/libpcache/build" -j "$jobs"
cmake -S "$src/lazyfs" -B "$src/lazyfs/build" -DCMAKE_BUILD_TYPE=Release -DLAZYFS_BUILD_TESTS=OFF
cmake --build "$src/lazyfs/build" -j "$jobs"

echo "built $src/lazyfs/build/lazyfs"

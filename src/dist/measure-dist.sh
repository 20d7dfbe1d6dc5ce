#!/usr/bin/env bash
# The dist build's report, also runnable alone on a built image (re-measure without rebuilding):
#   bash src/dist/measure-dist.sh <project> <build> <jdk>      (DIST_RUNS warm starts, default 3; 0: sizes only)
# Size of the image; a cold start, then warm starts of the image with its cache, without it, and
# `mvn -q compile exec:exec` in turn on one data folder; report.md + report.json in <build>/dist.
set -euo pipefail

project="$1"; build="$2"; jdk="$3"
runs="${DIST_RUNS:-3}"
name=persistence-explorer
dist="$build/dist"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ -f "$dist/build.env" ] || fail "no $dist/build.env: build first (mvn -Pdist package)"
source "$dist/build.env"
case "$os" in
    linux) app_dir="$dist/image/$name/lib/app"; launcher="$dist/image/$name/bin/$name" ;;
    mac) app_dir="$dist/image/$name.app/Contents/app"; launcher="$dist/image/$name.app/Contents/MacOS/$name" ;;
    windows) app_dir="$dist/image/$name/app"; launcher="$dist/image/$name/$name.exe" ;;
esac
packages=()
for p in "$dist"/*.deb "$dist"/*.tar.gz "$dist"/*.dmg "$dist"/*.msi; do [ -f "$p" ] && packages+=("$p"); done
[ "$runs" -gt 0 ] && measure=true || measure=false
# ---- the report ------------------------------------------------------------------------------
image_mb=$(du -sm "$dist/image" | cut -f1)
runtime_mb=$(du -sm "$dist/runtime" | cut -f1)
jars_mb=$(du -cm "$app_dir"/*.jar | tail -1 | cut -f1)
cache_mb=$(du -m "$app_dir/$aot_file" | cut -f1)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

with=(); without=(); maven=()
if [ "$measure" = true ]; then
    # Timed from a moved copy of the image, as users run it (an installed .deb lives in /opt, an
    # unpacked .tar.gz anywhere): the cache was trained where the build put the image, and a
    # start from elsewhere must work and is what counts. cp -a keeps the jars' times, which the
    # cache checks.
    moved="$dist/moved"
    rm -rf "$moved"; mkdir -p "$moved"
    cp -a "$dist/image/." "$moved/"
    app_dir="${app_dir/#$dist\/image/$moved}"
    launcher="${launcher/#$dist\/image/$moved}"
    log "timing the image moved to $moved"
    data="$dist/timing-data"
    rm -rf "$data"
    log "timing: a cold start, then $runs warm starts each: the image with its cache, without it, mvn -q compile exec:exec"
    timed_start window 900 "$dist/timing-cold.log" "$launcher" --data-dir "$data" >/dev/null
    mvn_cmd=(mvn -q -o -f "$project/pom.xml" "-Dbuild.dir=$build" compile exec:exec "-Dpe.app.args=--data-dir $data")
    restore_cache() { [ -f "$app_dir/$aot_file.aside" ] && mv "$app_dir/$aot_file.aside" "$app_dir/$aot_file"; true; }
    trap 'restore_cache; cleanup' EXIT
    for i in $(seq 1 "$runs"); do
        with+=("$(EXTRA_JVM=-XX:AOTMode=on timed_start window 900 "$dist/timing-with-$i.log" "$launcher" --data-dir "$data")")
        # Without: the cache file moved aside, so the launcher's -XX:AOTCache finds nothing and the
        # JVM starts as it would without one (this is also the missing-cache case: silent).
        mv "$app_dir/$aot_file" "$app_dir/$aot_file.aside"
        without+=("$(timed_start window 900 "$dist/timing-without-$i.log" "$launcher" --data-dir "$data")")
        restore_cache
        maven+=("$(JAVA_HOME="$jdk" timed_start window 900 "$dist/timing-maven-$i.log" "${mvn_cmd[@]}")")
        log "warm start $i: image with cache ${with[$((i-1))]} ms, without ${without[$((i-1))]} ms, Maven ${maven[$((i-1))]} ms"
    done
    rm -rf "$data" "$moved"
fi
left=$(ps -eo pid,args | grep -F -e "$dist/image" -e "$dist/moved" -e "$dist/timing-data" -e "$dist/training-data" | grep -v -e grep -e "build-dist.sh" || true)

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
| image (moved), with its cache | ${with_ms:-} | $(list "${with[@]:-}") |
| image (moved), without the cache | ${without_ms:-} | $(list "${without[@]:-}") |
| \`mvn -q compile exec:exec\` (same JDK) | ${maven_ms:-} | $(list "${maven[@]:-}") |

Processes left after the runs: $( [ -z "$left" ] && echo none || echo "$left" ).
MD
log "report: $dist/report.md"
cat "$dist/report.md" >&2

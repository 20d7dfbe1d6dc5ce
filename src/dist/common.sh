# Shared by build-dist.sh and measure-dist.sh (sourced): logging, the platform, a display for
# the scripted start-ups, and timed_start.
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


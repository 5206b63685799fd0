# Shared by up, down, status and events: finds a JDK 21+, builds what is missing, runs the launcher.
# shellcheck shell=bash

TECHBRIDGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# JAVA_HOME if it is 21 or newer, else the newest JDK 21+ under /usr/lib/jvm.
techbridge_java() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
        export JAVA_HOME
        return
    fi
    local best="" best_major=0 dir major
    for dir in /usr/lib/jvm/*; do
        [ -x "$dir/bin/javac" ] || continue
        major=$(java_major "$dir") || continue
        if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
            best="$dir"
            best_major="$major"
        fi
    done
    if [ -z "$best" ]; then
        echo "TechBridge needs a JDK 21 or newer: set JAVA_HOME to one (e.g. apt-get install openjdk-21-jdk-headless)" >&2
        exit 1
    fi
    export JAVA_HOME="$best"
}

# Builds the project (tests skipped) when a module's output is missing or older than its sources.
techbridge_build_if_needed() {
    [ "${TECHBRIDGE_SKIP_BUILD:-}" = "1" ] && return
    local stamp="$TECHBRIDGE_ROOT/deploy/local-stack/target/.stack-build-stamp"
    if [ -f "$stamp" ] && [ -z "$(find "$TECHBRIDGE_ROOT" -path "$TECHBRIDGE_ROOT/deploy/local/data" -prune -o \
            \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print -quit)" ]; then
        return
    fi
    echo "Building TechBridge (./mvnw install -DskipTests) ..."
    (cd "$TECHBRIDGE_ROOT" && ./mvnw -B -q install -DskipTests)
    touch "$stamp"
}

techbridge_launcher() {
    local target="$TECHBRIDGE_ROOT/deploy/local-stack/target"
    exec "$JAVA_HOME/bin/java" -Dtechbridge.project.dir="$TECHBRIDGE_ROOT" \
        -cp "$target/classes:$(cat "$target/runtime.classpath")" "$@"
}

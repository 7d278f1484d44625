#!/usr/bin/env bash
# Overlay Lab benchmark: times what a user does with ./olab (render, desktop start, up, verify,
# down) against the targets of issues 2, 4 and 6, and prints one table. See bench/README.md.
#
# It builds nothing. Every lab it brings up is taken down again by a trap, also on failure or Ctrl-C.
set -uo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$bench")"
olab="$repo/olab"
timed="$bench/lib/timed.pl"

runs=5
only="render,gui,dryrun,lab2,lab6,seeds,k8s2"   # lab20 only when asked: it takes minutes
save=0
keep=0
display="${OLAB_BENCH_DISPLAY:-:95}"
# Lab names and networks can be moved so several people (or helpers) bench on one machine at once.
prefix="${OLAB_BENCH_PREFIX:-olbench}"
net2="${OLAB_BENCH_NET2:-192.168.61}"   # 2-node labs (and the 200-node render lab: rendering touches no node)
net6="${OLAB_BENCH_NET6:-192.168.62}"   # 6-node lab
net20="${OLAB_BENCH_NET20:-192.168.63}" # 20-node lab
flannel_net="${OLAB_BENCH_FLANNEL:-10.1.0.0/16}"
netk="${OLAB_BENCH_NETK:-192.168.81}"   # 2-node lab with Kubernetes (flannel Network 10.81.0.0/16)
kubectl="${OLAB_KUBECTL:-/var/cache/overlay-lab/kubernetes/v1.37.2/kubectl}"

usage() {
    cat <<EOF
Usage: bench/run.sh [-n RUNS] [--only LIST] [--save] [--keep-tmp] [--display :N]
  -n RUNS       repetitions of the cheap scenarios (render, gui, dryrun, verify); default $runs
  --only LIST   comma-separated subset of: render,gui,dryrun,lab2,lab6,seeds,k8s2,lab20
                (default: all but lab20)
  --save        also copy the report to bench/results/<UTC date-time>.txt (to commit)
  --keep-tmp    keep the temp folder with the generated labs and every command's output
  --display :N  X display for the desktop-app start (default $display; an Xvfb is started on it
                if none is running, and stopped afterwards)
Needs the built jar (mvn -B -q package -DskipTests) and, for lab2/lab6, root and the local
provider's prerequisites (systemd-nspawn, the rootfs cache, flanneld in /var/cache/overlay-lab);
k8s2 also the Kubernetes binaries (sudo ./olab setup kubernetes).
EOF
}

while (($#)); do
    case "$1" in
        -n) runs="${2:?-n needs a number}"; shift 2 ;;
        --only) only="${2:?--only needs a list}"; shift 2 ;;
        --save) save=1; shift ;;
        --keep-tmp) keep=1; shift ;;
        --display) display="${2:?--display needs :N}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench: -n wants a positive number, got '$runs'" >&2; exit 2; }

if [[ ! -f "$repo/app/target/dist/overlay-lab.jar" ]]; then
    echo "bench: the jar is not built. Build it once (the benchmark builds nothing itself):" >&2
    echo "  (cd $repo && mvn -B -q package -DskipTests)" >&2
    exit 2
fi

# ./olab rebuilds a jar older than any source before running; inside a timed command that build would
# be measured as olab's time (it happened: every row of a run was a Maven build). Refuse instead.
# The same files as ./olab's own check (tests do not go into the jar, so a changed test rebuilds nothing).
stale_source="$(find "$repo/pom.xml" "$repo"/{provisioning,app,templates,vm-profiles,picocli-java17} \
    \( -name target -o -path '*/src/test' \) -prune -o -newer "$repo/app/target/dist/overlay-lab.jar" -type f -print -quit 2>/dev/null)"
if [[ -n "$stale_source" ]]; then
    echo "bench: the jar is older than $stale_source, so ./olab would rebuild inside the timed commands." >&2
    echo "  Build it first: (cd $repo && mvn -B -q package -DskipTests); Maven leaves an unchanged jar's date, then: touch $repo/app/target/dist/overlay-lab.jar" >&2
    exit 2
fi

tmp="$(mktemp -d /tmp/olbench.XXXXXX)"
mkdir -p "$tmp/logs" "$tmp/labs" "$tmp/home" "$tmp/prefs"
report="$tmp/report.txt"
labs_up=()      # lab files that may have something up: the trap runs `olab down` on each
xvfb_pid=""
seq=0

# ---------------------------------------------------------------- cleanup (always runs) -----
cleaned=0
cleanup() {
    ((cleaned)) && return
    cleaned=1
    local lab
    for lab in "${labs_up[@]}"; do
        echo "bench: cleanup: olab down $(basename "$lab")" >&2
        timeout -k 10 600 "$olab" down "$lab" >"$tmp/logs/cleanup-down.$(basename "$lab").log" 2>&1 \
            || echo "bench: cleanup: down failed for $lab, see $tmp/logs/cleanup-down.$(basename "$lab").log" >&2
    done
    labs_up=()
    if [[ -n "$xvfb_pid" ]]; then
        kill "$xvfb_pid" 2>/dev/null
        wait "$xvfb_pid" 2>/dev/null
    fi
    if ((keep)); then
        echo "bench: kept $tmp" >&2
    else
        rm -rf "$tmp"
    fi
}
on_signal() {
    echo "bench: interrupted ($1), taking the labs down" >&2
    cleanup
    exit 130
}
trap cleanup EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP

forget_lab() {
    local keep_list=() l
    for l in "${labs_up[@]}"; do [[ "$l" != "$1" ]] && keep_list+=("$l"); done
    labs_up=("${keep_list[@]}")
}

# ---------------------------------------------------------------- helpers --------------------
load() { cut -d' ' -f1-3 /proc/loadavg; }
# The whole machine's busy CPU time so far, in clock ticks (getconf CLK_TCK; user, nice, system, irq, softirq
# from /proc/stat): nodes run on this machine, so a lab's own CPU (sshd, docker, systemd in every
# node) counts, not only olab's. cpu_used T0 SECONDS NODES: what a run took since T0, per node, and
# how busy it kept the cores: a cold up that keeps them ~90% busy can only get faster by needing less.
cpu_now() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
cpu_used() {
    awk -v t="$(($(cpu_now) - $1))" -v hz="$(getconf CLK_TCK)" -v s="$2" -v n="$3" -v c="$(nproc)" \
        'BEGIN { t /= hz; printf "machine CPU %.1f s, %.2f s/node, %d%% of %d cores", t, t / n, (s > 0 ? 100 * t / s / c : 0), c }'
}
say() { echo "bench: $*" >&2; }

# timed NAME LIMIT_SECONDS CMD...: sets T (seconds, monotonic), RC, LOG.
timed() {
    local name="$1" limit="$2"; shift 2
    seq=$((seq + 1))
    LOG="$tmp/logs/$(printf '%02d' "$seq")-$name.log"
    T="$(perl "$timed" "$LOG" timeout --foreground -k 10 "$limit" "$@")"
    RC=$?
    [[ -n "$T" ]] || T=0
    if ((RC == 124)); then echo "bench: timed out after ${limit}s" >>"$LOG"; fi
}

# stats "t1 t2 ...": prints "median min max" (median of an even count = mean of the middle two).
stats() {
    tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -g | awk '
        { v[NR] = $1 }
        END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
              printf "%.2f %.2f %.2f\n", m, v[1], v[NR] }'
}

rows=()       # scenario|figure|target|verdict|load
failures=()   # text blocks
add_row() { rows+=("$1|$2|$3|$4|$5"); }

# verdict FIGURE_SECONDS LIMIT_SECONDS ("" = no target): PASS, OVER or INFO.
verdict() {
    [[ -z "$2" ]] && { echo INFO; return; }
    awk -v f="$1" -v l="$2" 'BEGIN { print (f <= l) ? "PASS" : "OVER" }'
}

# failed SCENARIO LOAD WHAT: a FAILED row plus the first lines of the command's output.
failed() {
    add_row "$1" "FAILED (exit $RC after ${T}s)" "${4:-}" FAILED "$2"
    failures+=("--- $1: $3 (exit $RC), the lines that say why ($LOG):
$(excerpt "$LOG")")
}

# excerpt LOG: the failing lines of a command's output (with their evidence and fix), or its
# last lines when nothing is marked as failed.
excerpt() {
    local lines
    lines="$(grep -v '^NOTE: Picked up' "$1" | grep -E -A3 'FAILED|FAIL:|[Ee]rror|[Ee]xception|timed out' | head -n 16)"
    [[ -n "$lines" ]] || lines="$(grep -v '^NOTE: Picked up' "$1" | tail -n 12)"
    sed 's/^/    /' <<<"$lines"
}

# note_slowest NAME: the slowest steps of the last up (from its progress lines), for the report.
slow=()
note_slowest() {
    local top
    top="$(perl -ne 'next unless /^\S/; my ($stage, $node, $rest) = unpack("A16 A11 A*", $_);
            next unless $rest =~ /^(.+?)\s+(?:changed|unchanged|skipped|FAILED)\s+([0-9.]+) (ms|s)\s/;
            next if $1 eq "verification matrix";   # the same time as the stage line "verify verify"
            printf "%.1f\t%s %s%s\n", ($3 eq "ms" ? $2 / 1000 : $2), $stage, $1, ($node ne "" ? " ($node)" : "")' "$LOG" |
        sort -t$'\t' -k1,1gr | head -n 5 |
        awk -F'\t' '{ printf "%s%s %ss", (NR > 1 ? ", " : ""), $2, $1 }')"
    [[ -n "$top" ]] && slow+=("$1: $top")
}

# ---------------------------------------------------------------- lab files ------------------
# gen_lab NAME PREFIX COUNT OUT: the example two-node local lab renamed, moved to PREFIX.0/24,
# with COUNT nodes (master, node1, ...). Everything else (flannel, docker, verify) as the example.
gen_lab() {
    local name="$1" prefix="$2" count="$3" out="$4" first=101
    ((count > 100)) && first=10
    awk -v name="$name" -v prefix="$prefix" -v count="$count" -v first="$first" -v flannel="$flannel_net" '
        /^name:/ { print "name: " name; next }
        /^  cidr:/ { print "  cidr: " prefix ".0/24"; next }
        /^  network: / { print "  network: " flannel; next }
        /^nodes:/ { print; skip = 1
                    for (i = 0; i < count; i++)
                        printf "  - {name: %s, ip: %s.%d}\n", (i ? "node" i : "master"), prefix, first + i
                    next }
        skip && /^  - / { next }
        { skip = 0; print }' "$repo/examples/two-node-local.yaml" >"$out"
}
lab2="$tmp/labs/${prefix}2.yaml"
lab6="$tmp/labs/${prefix}6.yaml"
lab200="$tmp/labs/${prefix}200.yaml"
gen_lab "${prefix}2" "$net2" 2 "$lab2"
gen_lab "${prefix}6" "$net6" 6 "$lab6"
gen_lab "${prefix}200" "$net2" 200 "$lab200"
lab20="$tmp/labs/${prefix}20.yaml"
gen_lab "${prefix}20" "$net20" 20 "$lab20"
labk="$tmp/labs/${prefix}k8s.yaml"
gen_lab "${prefix}k8s" "$netk" 2 "$labk"
sed -i 's|^  network: 10\.1\.0\.0/16|  network: 10.81.0.0/16|' "$labk"
printf 'kubernetes: {}\n' >>"$labk"

wants() { [[ ",$only," == *",$1,"* ]]; }

# ---------------------------------------------------------------- scenarios ------------------
scenario_render() {
    local l ts="" i
    l="$(load)"
    say "render 200 nodes: 1 warm-up + $runs runs"
    timed render-warmup 120 "$olab" render "$lab200" -o "$tmp/render-warmup"
    if ((RC != 0)); then failed "render 200 nodes (CLI process)" "$l" "olab render of a 200-node lab" "< 2 s"; return; fi
    for ((i = 1; i <= runs; i++)); do
        timed render 120 "$olab" render "$lab200" -o "$tmp/render-$i"
        if ((RC != 0)); then failed "render 200 nodes (CLI process)" "$l" "olab render run $i" "< 2 s"; return; fi
        ts+="$T "
        rm -rf "$tmp/render-$i"
    done
    read -r med min max <<<"$(stats "$ts")"
    add_row "render 200 nodes (CLI process)" "median ${med}s (min $min, max $max, n=$runs)" "< 2 s" \
        "$(verdict "$med" 1.999)" "$l"
}

start_xvfb() {
    local n="${display#:}" i
    [[ -S "/tmp/.X11-unix/X$n" ]] && return 0
    command -v Xvfb >/dev/null || { echo "no Xvfb installed and nothing on $display" >"$tmp/logs/xvfb.log"; return 1; }
    Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$tmp/logs/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for ((i = 0; i < 100; i++)); do   # up to 10 s
        [[ -S "/tmp/.X11-unix/X$n" ]] && return 0
        sleep 0.1
    done
    return 1
}

# The app prints "olab: first window after N ms (JVM start) / M ms (main)" once its first window
# has painted (-Dolab.startupTiming=true) and exits right after (-Dolab.exitAfterStartup=true).
# The figure is taken from outside: from starting ./olab to the moment that line arrives
# (lib/first-window.pl), because the JVM's own start instant is only known to about 1 s on Linux.
gui_once() {
    seq=$((seq + 1))
    LOG="$tmp/logs/$(printf '%02d' "$seq")-$1.log"
    local figures
    figures="$(DISPLAY="$display" \
        JDK_JAVA_OPTIONS="-Dolab.startupTiming=true -Dolab.exitAfterStartup=true -Duser.home=$tmp/home -Djava.util.prefs.userRoot=$tmp/prefs" \
        perl "$bench/lib/first-window.pl" "$LOG" timeout --foreground -k 5 60 "$olab")"
    RC=$?
    read -r GUI_S T <<<"$figures"
    [[ -n "${T:-}" ]] || T=0
    GUI_MAIN_MS="$(sed -n 's/^olab: first window after .* \/ \([0-9]*\) ms (main).*/\1/p' "$LOG" | head -n 1)"
}

scenario_gui() {
    local l ts="" ms="" i
    l="$(load)"
    say "desktop app start on $display: 1 warm-up + $runs runs"
    if ! start_xvfb; then
        RC=1; T=0; LOG="$tmp/logs/xvfb.log"
        failed "desktop app: start to first window" "$l" "starting Xvfb on $display" "<= 2 s"; return
    fi
    gui_once gui-warmup
    for ((i = 1; i <= runs; i++)); do
        gui_once gui
        if ((RC != 0)) || [[ "$GUI_S" == none ]]; then
            failed "desktop app: start to first window" "$l" "./olab (desktop app) run $i, no 'first window' line" "<= 2 s"; return
        fi
        ts+="$GUI_S "
        ms+="$(awk -v m="${GUI_MAIN_MS:-0}" 'BEGIN { printf "%.3f", m / 1000 }') "
    done
    read -r med min max <<<"$(stats "$ts")"
    add_row "desktop app: start to first window" "median ${med}s (min $min, max $max, n=$runs)" "<= 2 s" \
        "$(verdict "$med" 2)" "$l"
    read -r med min max <<<"$(stats "$ms")"
    add_row "  of which main() to first window" "median ${med}s (min $min, max $max)" "" INFO "$l"
}

scenario_dryrun() {
    local l ts="" i
    l="$(load)"
    say "up --dry-run (2 nodes): $runs runs"
    for ((i = 1; i <= runs; i++)); do
        timed dryrun 120 "$olab" up --dry-run "$lab2"
        if ((RC != 0)); then failed "up --dry-run, 2 nodes" "$l" "olab up --dry-run run $i"; return; fi
        ts+="$T "
    done
    read -r med min max <<<"$(stats "$ts")"
    add_row "up --dry-run, 2 nodes" "median ${med}s (min $min, max $max, n=$runs)" "" INFO "$l"
}

# verify_runs LAB NAME TARGET: $runs verifies, one row.
verify_runs() {
    local lab="$1" name="$2" target="$3" l ts="" i
    l="$(load)"
    say "$name: $runs runs"
    for ((i = 1; i <= runs; i++)); do
        timed verify 300 "$olab" verify "$lab"
        if ((RC != 0)); then failed "$name" "$l" "olab verify run $i (not all green)" "${target:+<= $target s}"; return 1; fi
        ts+="$T "
    done
    read -r med min max <<<"$(stats "$ts")"
    add_row "$name" "median ${med}s (min $min, max $max, n=$runs)" "${target:+<= $target s}" \
        "$(verdict "$med" "$target")" "$l"
}

# lab_down LAB NAME: timed down, one row.
lab_down() {
    local l
    l="$(load)"
    say "$2"
    timed down 600 "$olab" down "$1"
    if ((RC != 0)); then failed "$2" "$l" "olab down"; return; fi
    forget_lab "$1"
    add_row "$2" "${T}s" "" INFO "$l"
}

# clean_start LAB: a down before the cold up, so "cold" means no node of this lab exists.
clean_start() {
    labs_up+=("$1")
    timed predown 600 "$olab" down "$1"
}

# "Caches warm": the local provider builds its Debian root filesystem once (debootstrap, minutes)
# into /var/cache/overlay-lab/rootfs/<key>. If the dry-run names a rootfs that is not there yet,
# one untimed up + down fills the cache first, so the cold up measures a lab, not debootstrap.
prime_rootfs() {
    local lab="$1" rootfs l
    timed prime-dryrun 120 "$olab" up --dry-run "$lab"
    # the bottom layer (the flanneld layer, when there is one, sits above it)
    rootfs="$(grep -o 'lowerdir=[^,]*' "$LOG" | head -n 1 | cut -d= -f2 | awk -F: '{print $NF}')"
    if [[ -z "$rootfs" || -d "$rootfs" ]] && [[ "$(cat "$repo/app/target/dist/overlay-lab.jsa.by" 2>/dev/null)" == up \
            && "$repo/app/target/dist/overlay-lab.jsa" -nt "$repo/app/target/dist/overlay-lab.jar" ]]; then
        return 0
    fi
    # ./olab makes its class-data archive at the exit of the first up after a build (~3 s more that once):
    # an untimed up + down makes it here, so the first timed up measures a lab, not the archive.
    if [[ -n "$rootfs" && -d "$rootfs" ]]; then
        l="$(load)"; say "class-data archive missing or not made by up: untimed up + down first"
        labs_up+=("$lab")
        timed prime-up 3600 "$olab" up "$lab"
        add_row "priming: up that made the class-data archive" "${T}s (exit $RC)" "" INFO "$l"
        timed prime-down 600 "$olab" down "$lab"
        return 0
    fi
    l="$(load)"; say "rootfs cache $rootfs missing: untimed priming up + down (debootstrap takes minutes)"
    labs_up+=("$lab")
    timed prime-up 3600 "$olab" up "$lab"
    add_row "priming: up that built the rootfs cache" "${T}s (exit $RC)" "" INFO "$l"
    timed prime-down 600 "$olab" down "$lab"
}

cold2=""
scenario_lab2() {
    local l
    prime_rootfs "$lab2"
    clean_start "$lab2"
    l="$(load)"; say "2 nodes: cold up"
    local c0; c0="$(cpu_now)"
    timed up2-cold 900 "$olab" up "$lab2"
    local cpu; cpu="$(cpu_used "$c0" "$T" 2)"
    if ((RC != 0)); then
        failed "2 nodes: cold up -> green" "$l" "olab up (cold, 2 nodes)" "<= 6 s"
        lab_down "$lab2" "2 nodes: down"; return
    fi
    local up_t="$T"
    note_slowest "2 nodes: cold up"
    # up's last stage is verify; a separate verify confirms "all green" the way a user checks.
    timed verify2-after-up 300 "$olab" verify "$lab2"
    if ((RC != 0)); then
        failed "2 nodes: cold up -> green" "$l" "olab verify right after a successful up" "<= 6 s"
    else
        cold2="$up_t"
        add_row "2 nodes: cold up -> green" "${up_t}s ($cpu)" "<= 6 s" "$(verdict "$up_t" 6)" "$l"
    fi

    l="$(load)"; say "2 nodes: warm re-up"
    timed up2-warm 600 "$olab" up "$lab2"
    note_slowest "2 nodes: warm re-up"
    if ((RC != 0)); then failed "2 nodes: warm re-up, no change" "$l" "olab up (again, nothing changed)" "<= 2 s"
    else add_row "2 nodes: warm re-up, no change" "${T}s" "<= 2 s" "$(verdict "$T" 2)" "$l"; fi

    verify_runs "$lab2" "2 nodes: verify" 0.8

    # Backend switch as a user does it: edit the lab file, up. etcd already holds the vxlan
    # config, so up refuses and names --force; the user then runs up --force.
    l="$(load)"; say "2 nodes: backend switch vxlan -> host-gw"
    sed -i 's/^  backend: .*/  backend: {type: host-gw}/' "$lab2"
    timed switch-plain 600 "$olab" up "$lab2"
    add_row "2 nodes: switch: up after edit (exit $RC)" "${T}s" "" INFO "$l"
    timed switch-force 900 "$olab" up --force "$lab2"
    if ((RC != 0)); then
        failed "2 nodes: switch vxlan->host-gw, up --force" "$l" "olab up --force after switching the backend to host-gw"
        # Does the lab settle by itself? One verify afterwards tells the lead which kind of bug it is.
        timed verify2-after-failed-switch 300 "$olab" verify "$lab2"
        if ((RC == 0)); then
            failures+=("    a verify run right after that failed up passed (${T}s, $LOG): the lab settles by itself, up's verify stage ran before it had")
        else
            failures+=("    a verify run right after that failed up failed too: exit $RC after ${T}s ($LOG)
$(excerpt "$LOG")")
        fi
    else
        local sw="$T"
        timed verify2-after-switch 300 "$olab" verify "$lab2"
        if ((RC != 0)); then failed "2 nodes: switch vxlan->host-gw, up --force" "$l" "olab verify after the switch to host-gw"
        else add_row "2 nodes: switch vxlan->host-gw, up --force" "${sw}s (then verify green)" "" INFO "$l"; fi
    fi
    lab_down "$lab2" "2 nodes: down"
}

scenario_lab6() {
    local l target=""
    prime_rootfs "$lab2"
    clean_start "$lab6"
    [[ -n "$cold2" ]] && target="$(awk -v c="$cold2" 'BEGIN { printf "%.1f", c * 1.3 }')"
    l="$(load)"; say "6 nodes: cold up"
    local c0; c0="$(cpu_now)"
    timed up6-cold 1200 "$olab" up "$lab6"
    local cpu; cpu="$(cpu_used "$c0" "$T" 6)"
    if ((RC != 0)); then
        failed "6 nodes: cold up -> green" "$l" "olab up (cold, 6 nodes)" "${target:+<= $target s (1.3x 2 nodes)}"
        lab_down "$lab6" "6 nodes: down"; return
    fi
    local up_t="$T"
    note_slowest "6 nodes: cold up"
    if [[ -n "$target" ]]; then
        add_row "6 nodes: cold up -> green" "${up_t}s ($(awk -v a="$up_t" -v b="$cold2" 'BEGIN { printf "%.2f", a / b }')x 2 nodes; $cpu)" \
            "<= $target s (1.3x)" "$(verdict "$up_t" "$target")" "$l"
    else
        add_row "6 nodes: cold up -> green" "${up_t}s ($cpu)" "1.3x 2-node (no 2-node figure)" INFO "$l"
    fi
    verify_runs "$lab6" "6 nodes: verify" 2
    lab_down "$lab6" "6 nodes: down"
}

# Issue #9: a 2-node lab with Kubernetes, from a cold up to a ClusterIP that answers from both nodes
# (binaries cached), next to the plain lab's cold up.
scenario_k8s2() {
    local l up_t
    [[ -x "$kubectl" ]] || { RC=1; T=0; LOG=/dev/null; failed "2 nodes + Kubernetes: cold up -> ClusterIP" "$(load)" \
        "no $kubectl (sudo ./olab setup kubernetes)" "<= 45 s"; return; }
    prime_rootfs "$labk"
    clean_start "$labk"
    l="$(load)"; say "2 nodes + Kubernetes: cold up"
    timed upk-cold 900 "$olab" up "$labk"
    if ((RC != 0)); then
        failed "2 nodes + Kubernetes: cold up -> ClusterIP" "$l" "olab up (cold, 2 nodes, Kubernetes)" "<= 45 s"
        lab_down "$labk" "2 nodes + Kubernetes: down"; return
    fi
    up_t="$T"
    note_slowest "2 nodes + Kubernetes: cold up"
    timed k8s-clusterip 300 "$bench/lib/k8s-clusterip.sh" "$olab" "$labk" "$kubectl"
    if ((RC != 0)); then
        failed "2 nodes + Kubernetes: cold up -> ClusterIP" "$l" "DaemonSet + ClusterIP curl from every node" "<= 45 s"
    else
        local total
        total="$(awk -v a="$up_t" -v b="$T" 'BEGIN { printf "%.2f", a + b }')"
        add_row "2 nodes + Kubernetes: cold up -> ClusterIP" "${total}s (up ${up_t}s + pods and ClusterIP ${T}s)" "<= 45 s" \
            "$(verdict "$total" 45)" "$l"
    fi
    l="$(load)"; say "2 nodes + Kubernetes: warm re-up"
    timed upk-warm 600 "$olab" up "$labk"
    if ((RC != 0)); then failed "2 nodes + Kubernetes: warm re-up" "$l" "olab up (again)" ""
    else add_row "2 nodes + Kubernetes: warm re-up, no change" "${T}s" "" INFO "$l"; fi
    lab_down "$labk" "2 nodes + Kubernetes: down"
}

# booted LAB: the reset state both sides of the side-by-side start from: the lab's nodes booted
# and reachable by SSH, etcd, flanneld and docker unconfigured (olab down, then up --until nodes).
booted() {
    labs_up+=("$1")
    timed reset-down 600 "$olab" down "$1"
    ((RC == 0)) || return 0
    timed reset-boot 600 "$olab" up --until nodes "$1"
}

# seeds_vs_olab LAB COUNT TARGET_RATIO: the seeds' steps as a plain ssh script, then olab up, each
# from freshly booted nodes; one row each and the ratio.
seeds_vs_olab() {
    local lab="$1" n="$2" want="$3" l ips name script_t
    name="$(sed -n 's/^name: //p' "$lab")"
    ips=($(sed -n 's/^  - {name: [^,]*, ip: \([0-9.]*\)}$/\1/p' "$lab"))
    l="$(load)"; say "$n nodes: the seeds' steps by hand (ssh/scp script) from booted nodes"
    booted "$lab"
    if ((RC != 0)); then failed "$n nodes: seeds' steps, plain ssh script" "$l" "booting the nodes (olab up --until nodes)"; return; fi
    timed "seeds$n" 900 "$bench/lib/seeds-by-hand.sh" "$HOME/.local/share/overlay-lab/labs/$name/id_ed25519" "$flannel_net" "${ips[@]}"
    if ((RC != 0)); then failed "$n nodes: seeds' steps, plain ssh script" "$l" "the seeds' script"; return; fi
    script_t="$T"
    add_row "$n nodes: seeds' steps, plain ssh script" "${T}s" "" INFO "$l"
    l="$(load)"; say "$n nodes: olab up from booted nodes"
    booted "$lab"
    timed "up$n-booted" 900 "$olab" up "$lab"
    if ((RC != 0)); then failed "$n nodes: olab up from the same booted nodes" "$l" "olab up"; else
        note_slowest "$n nodes: up from booted nodes"
        add_row "$n nodes: olab up from the same booted nodes" \
            "${T}s ($(awk -v a="$T" -v b="$script_t" 'BEGIN { printf "%.2f", a / b }')x the script)" \
            "<= ${want}x script" "$(awk -v a="$T" -v b="$script_t" -v w="$want" 'BEGIN { print (a <= b * w) ? "PASS" : "OVER" }')" "$l"
    fi
    lab_down "$lab" "$n nodes: down"
}

scenario_seeds() {
    prime_rootfs "$lab2"
    seeds_vs_olab "$lab2" 2 0.8
    seeds_vs_olab "$lab6" 6 0.35
}

# lab_memory_mb NAME: resident memory of the lab's nodes: every process below each of its nspawn
# processes (the host has cgroup v1 and nspawn runs without a scope, so there is no cgroup to read).
# Shared pages count once per process, so this is an upper bound.
lab_memory_mb() {
    local roots
    roots="$(pgrep -d, -f "systemd-nspawn .* -M ol-$1-" || true)"
    [[ -n "$roots" ]] || { echo 0; return; }
    ps -e -o pid=,ppid=,rss= | awk -v roots="$roots" '
        BEGIN { n = split(roots, r, ","); for (i = 1; i <= n; i++) inlab[r[i]] = 1 }
        { pid[NR] = $1; ppid[NR] = $2; rss[NR] = $3 }
        END { do { grew = 0
                   for (i = 1; i <= NR; i++) if (!(pid[i] in inlab) && (ppid[i] in inlab)) { inlab[pid[i]] = 1; grew = 1 }
              } while (grew)
              for (i = 1; i <= NR; i++) if (pid[i] in inlab) s += rss[i]
              print int(s / 1024) }'
}

scenario_lab20() {
    local l before after up_t mem
    prime_rootfs "$lab2"
    clean_start "$lab20"
    before="$(awk '/MemAvailable/ {print int($2 / 1024)}' /proc/meminfo)"
    l="$(load)"; say "20 nodes: cold up"
    local c0; c0="$(cpu_now)"
    timed up20-cold 1800 "$olab" up --parallel 20 "$lab20"
    local cpu; cpu="$(cpu_used "$c0" "$T" 20)"
    if ((RC != 0)); then
        failed "20 nodes: cold up -> green" "$l" "olab up (cold, 20 nodes)" "<= 40 s"
        lab_down "$lab20" "20 nodes: down"; return
    fi
    up_t="$T"
    note_slowest "20 nodes: cold up"
    after="$(awk '/MemAvailable/ {print int($2 / 1024)}' /proc/meminfo)"
    mem="$(lab_memory_mb "$(sed -n 's/^name: //p' "$lab20")")"
    add_row "20 nodes: cold up -> green" "${up_t}s ($cpu)" "<= 40 s" "$(verdict "$up_t" 40)" "$l"
    add_row "20 nodes: memory" "$((mem / 20)) MB/node RSS ($mem MB), MemAvailable -$((before - after)) MB" "" INFO "$l"
    verify_runs "$lab20" "20 nodes: verify (sampled pairs)" 15
    l="$(load)"; say "20 nodes: verify --full"
    timed verify20-full 600 "$olab" verify --full "$lab20"
    if ((RC != 0)); then failed "20 nodes: verify --full (all 380 pairs)" "$l" "olab verify --full"
    else add_row "20 nodes: verify --full (all 380 pairs)" "${T}s" "" INFO "$l"; fi
    lab_down "$lab20" "20 nodes: down"
}

# ---------------------------------------------------------------- run ------------------------
started_at="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
load_start="$(load)"
wants render && scenario_render
wants gui && scenario_gui
wants dryrun && scenario_dryrun
wants lab2 && scenario_lab2
wants lab6 && scenario_lab6
wants k8s2 && scenario_k8s2
wants seeds && scenario_seeds
wants lab20 && scenario_lab20

{
    echo "Overlay Lab benchmark  $started_at  (finished $(date -u '+%H:%M:%S UTC'))"
    echo "commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet HEAD 2>/dev/null || echo ' +local changes')," \
         "$(nproc) cores, $(java -version 2>&1 | head -n 1)"
    jsa="$repo/app/target/dist/overlay-lab.jsa"
    if [[ -f "$jsa" ]]; then
        echo "class-data archive (./olab makes it on the first up, verify, status, diagnose, apply or diff after a build, again on the first up if another command made it; never from a dry run): $(($(stat -c %s "$jsa") / 1048576)) MB"
    fi
    echo "load average (1/5/15 min) at start: $load_start, at end: $(load); runs of the cheap scenarios: $runs"
    echo
    printf '%-44s %-40s %-22s %-7s %s\n' SCENARIO FIGURE TARGET RESULT "LOAD AT START"
    for r in "${rows[@]}"; do
        IFS='|' read -r s f t v l <<<"$r"
        printf '%-44s %-40s %-22s %-7s %s\n' "$s" "$f" "${t:--}" "$v" "$l"
    done
    if ((${#slow[@]})); then
        echo
        echo "SLOWEST STEPS of each up (as up reports them; steps of one stage run in parallel across nodes)"
        printf '  %s\n' "${slow[@]}"
    fi
    if ((${#failures[@]})); then
        echo
        echo "FAILURES"
        printf '%s\n' "${failures[@]}"
    fi
} >"$report"

cat "$report"
mkdir -p "$bench/results"
cp "$report" "$bench/results/latest.txt"
if ((save)); then
    dated="$bench/results/$(date -u '+%Y-%m-%d-%H%M').txt"
    cp "$report" "$dated"
    say "saved $dated"
fi
((${#failures[@]} == 0))

# shellcheck shell=bash
# Shared by start, stop and status: where things live, logging, and the
# process records that let stop end exactly what start launched.
#
# A process record is the file $OSBOX_STATE/pids/<service>.pid holding one line
#   <pid> <start-time-in-clock-ticks> <user>
# Every service is launched as the leader of its own session (setsid), so its
# pid is also the id of its process group: stop signals that group, and only
# after checking that the leader is still the very process start launched (the
# start time in /proc/<pid>/stat matches). Linux never reuses a pid while a
# process group of that id still has members, so the group id cannot point at
# anything else while any of our processes is alive.

# Fixed, system-wide paths: osbox binds fixed loopback ports and writes the
# packages' /etc files, so there is exactly one per machine, whichever
# checkout started it.
# shellcheck disable=SC2034 # these are used by the scripts that source this file
{
OSBOX_STATE=${OSBOX_STATE:-/var/lib/exosphere-osbox}
OSBOX_LOGS=$OSBOX_STATE/logs
OSBOX_PIDS=$OSBOX_STATE/pids
OSBOX_GEN=$OSBOX_STATE/generated
OSBOX_STAMPS=$OSBOX_STATE/stamps
OSBOX_PYLIB=$OSBOX_STATE/pylib
OSBOX_TIMINGS=$OSBOX_STATE/timings.txt
}

# Only the system interpreters and tools: a developer's pyenv/venv python or
# OS_* cloud variables must never leak into the harness.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
while IFS= read -r osbox_var; do
  unset "$osbox_var"
done < <(compgen -e | grep '^OS_' || true)
unset osbox_var

OSBOX_T0=${OSBOX_T0:-$(date +%s%N)}
# fd 3: the caller's stderr, for messages that must get through even while a
# polled command has its own output sent to /dev/null
exec 3>&2

# seconds since $1 (nanoseconds since the epoch), one decimal
osbox_since() {
  local ms=$((($(date +%s%N) - $1) / 1000000))
  printf '%d.%d' $((ms / 1000)) $(((ms % 1000) / 100))
}
log() { printf '[osbox %6ss] %s\n' "$(osbox_since "$OSBOX_T0")" "$*"; }
warn() { printf '[osbox] WARNING: %s\n' "$*" >&3; }
die() {
  printf '[osbox] ERROR: %s\n' "$*" >&3
  exit 1
}
# record a phase in the timings file: "<phase> <seconds since start began>"
mark() { printf '%-28s %s\n' "$1" "$(osbox_since "$OSBOX_T0")" >>"$OSBOX_TIMINGS"; }

require_root() {
  [ "$(id -u)" = 0 ] || die "run me as root (I install Debian packages and write /etc)"
}

# start time of a pid in clock ticks since boot (field 22 of /proc/pid/stat;
# the command name in field 2 may contain spaces, so cut after its ')')
proc_starttime() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  # shellcheck disable=SC2086 # word splitting intended
  set -- $stat
  printf '%s\n' "${20}"
}
# process group of a pid (field 5)
proc_pgrp() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  # shellcheck disable=SC2086
  set -- $stat
  printf '%s\n' "$3"
}

# pid_of SERVICE: prints the recorded pid if that process is still the one we
# launched, else fails
pid_of() {
  local file=$OSBOX_PIDS/$1.pid pid start _user
  [ -s "$file" ] || return 1
  read -r pid start _user <"$file" || return 1
  [ -n "$pid" ] && [ "$(proc_starttime "$pid")" = "$start" ] || return 1
  printf '%s\n' "$pid"
}
is_running() { pid_of "$1" >/dev/null; }

# live members of process group $1 (the pids whose pgrp is $1). Pure bash, and a
# process that exits while we look is simply skipped. The command name may
# contain spaces, so fields are counted after its closing ')'.
group_members() {
  local f line rest state _ppid pgrp
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    rest=${line##*) }
    read -r state _ppid pgrp _ <<<"$rest"
    # a zombie has already exited; only its parent's wait is missing
    [ "$state" != Z ] && [ "$pgrp" = "$1" ] && printf '%s\n' "${line%% *}"
  done
  return 0
}

# launch SERVICE USER CMD...  - start CMD in the background as USER, in a new
# session, stdout+stderr appended to logs/SERVICE.log; records its pid.
# Extra environment for the service: OSBOX_LAUNCH_ENV (array of NAME=VALUE).
launch() {
  local name=$1 user=$2
  shift 2
  if is_running "$name"; then
    log "$name is already running (pid $(pid_of "$name"))"
    return 0
  fi
  local logf=$OSBOX_LOGS/$name.log home
  touch "$logf"
  chown "$user" "$logf"
  home=$(getent passwd "$user" | cut -d: -f6)
  # setsid makes the service a session and process-group leader; setpriv
  # drops to the packaged user; env gives it a clean, minimal environment.
  setsid setpriv --reuid="$user" --regid="$user" --init-groups -- \
    env -i PATH="$PATH" LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="${home:-/}" \
    PYTHONDONTWRITEBYTECODE=1 "${OSBOX_LAUNCH_ENV[@]}" "$@" \
    >>"$logf" 2>&1 </dev/null 3>&- &
  local pid=$! start="" i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    start=$(proc_starttime "$pid") && break
    sleep 0.05
  done
  [ -n "$start" ] || die "$name exited at once; see $logf"
  printf '%s %s %s\n' "$pid" "$start" "$user" >"$OSBOX_PIDS/$name.pid"
  log "started $name (pid $pid, as $user)"
  : "$i"
}
OSBOX_LAUNCH_ENV=()

# wait_until DESCRIPTION TIMEOUT_SECONDS CMD... - poll CMD every 0.5 s
wait_until() {
  local what=$1 timeout=$2 t0
  shift 2
  t0=$(date +%s)
  until "$@" >/dev/null 2>&1; do
    if [ $(($(date +%s) - t0)) -ge "$timeout" ]; then
      die "gave up after ${timeout}s waiting for $what"
    fi
    sleep 0.5
  done
  log "$what: ready after $(($(date +%s) - t0))s"
}

# an HTTP endpoint answers (any of the codes an unauthenticated version
# document or a protected root gives)
http_answers() {
  local code
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1") || return 1
  case $code in 200 | 300 | 401) return 0 ;; *) return 1 ;; esac
}

# the tail of a log, for error reports
show_tail() {
  local f
  for f in "$@"; do
    [ -s "$f" ] || continue
    printf '\n----- last lines of %s -----\n' "$f" >&3
    tail -n 25 "$f" >&3
  done
}

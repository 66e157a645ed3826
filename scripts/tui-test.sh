#!/usr/bin/env bash
# Drives `advisor ask` in a real terminal (tmux): ticks a use case on the
# first screen and asks for its help, goes back to it from the checklist
# (Esc), ticks fan-out as a must and serverless as nice to have (n), says
# that's enough (ctrl+x), changes serverless to a must at the review, and
# checks the screen showed each step, the leader only after an answer, the
# final report, and that --save wrote the answers; then that Ctrl-C and
# SIGTERM stop the form at once and write nothing. Run by `make test`.
#
# Without tmux it says SKIP and passes, except under CI (CI set, as .ci/run
# runs), where a test that did not run is a failure.
#
# Every tmux command goes to a server of this run's own (-L, a unique socket
# name) started without any config (-f /dev/null): the test never touches the
# user's tmux or reads their ~/.tmux.conf, and two runs at once do not meet.
# After each key it waits for the screen to show what that key did before it
# sends the next one, never for a fixed time; each wait gives up after 10 s.
set -euo pipefail

if ! command -v tmux >/dev/null 2>&1; then
  case "${CI:-}" in
    "" | false | 0)
      echo "tui-test: SKIP: tmux is not installed (apt-get install tmux); the real-terminal test did not run"
      exit 0 ;;
  esac
  echo "tui-test: FAIL: tmux is not installed, and under CI the real-terminal test must run (.ci/run installs it with apt-get)"
  exit 1
fi

work=$(mktemp -d)
server="advisor-tui-$$-$RANDOM"
session=
# SHELL=/bin/sh: the pane's command line below is POSIX sh, whatever the user's
# login shell is (tmux runs it with its default-shell, taken from SHELL).
# TMUX is unset so that a run from inside tmux does not reach that tmux.
tm() { env -u TMUX SHELL=/bin/sh tmux -L "$server" -f /dev/null "$@"; }
cleanup() {
  tm kill-server 2>/dev/null || true
  # tmux leaves its socket behind; this run's is named after it alone.
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$server"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
go build -o "$work/advisor" ./cmd/advisor

screen() { tm capture-pane -p -t "$session" -S -200; }
# last_form TITLE: the screen from the last line showing TITLE on: the form
# on show, not the last frames of the forms before it, which stay above.
last_form() { tm capture-pane -p -t "$session" | awk -v t="$1" 'index($0, t) { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }'; }
# wait_last TITLE TEXT: waits (10 s at most) for the form TITLE to show TEXT.
wait_last() {
  local deadline=$(($(now_ms) + 10000))
  while :; do
    if last_form "$1" 2>/dev/null | grep -qF -- "$2"; then return 0; fi
    (($(now_ms) < deadline)) || break
    sleep 0.05
  done
  echo "tui-test: FAIL: the form $1 never showed: $2"
  echo "----- form -----"; last_form "$1" || true; echo "----------------"
  exit 1
}
# now_ms: a clock in milliseconds (to the second on a bash without EPOCHREALTIME).
now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local t=${EPOCHREALTIME/[.,]/}
    echo $((10#$t / 1000))
  else
    echo $((SECONDS * 1000))
  fi
}
# wait_for TEXT: polls the screen (and its scrollback) for TEXT for up to 10 seconds.
wait_for() {
  local deadline=$(($(now_ms) + 10000))
  while :; do
    if screen 2>/dev/null | grep -qF -- "$1"; then return 0; fi
    (($(now_ms) < deadline)) || break
    sleep 0.05
  done
  echo "tui-test: FAIL: the screen never showed: $1"
  echo "----- screen -----"; screen || true; echo "------------------"
  exit 1
}
# keys KEY... EXPECTED: sends the keys, then waits until the screen shows EXPECTED.
keys() {
  local want=${*: -1}
  tm send-keys -t "$session" "${@:1:$#-1}"
  wait_for "$want"
}
# ask FILE [ARG...]: starts `advisor ask --save FILE ARG...` in a session of
# its own (named after FILE) that the waits and keys then address; the pane
# stays open after it exits, showing its exit status. The advisor's process
# id is in $work/NAME.pid (the shell that writes it becomes the advisor), for
# a test to signal that process and no other.
ask() {
  session=${1%.yaml}
  tm new-session -d -s "$session" -x 100 -y 50 \
    "cd '$work' && NO_COLOR=1 sh -c 'echo \$\$ >$session.pid && exec ./advisor ask --save $*'; echo \"ADVISOR-EXIT=\$?\"; sleep 30"
}

# Lines of the first screen's form, what the messaging is for: the cursor on
# the first use case, then on broadcast, unticked and ticked. Seeing the form
# (not only the heading printed above it) means it reads keys.
use_unticked="> • notifications: alert people by SMS, email or app push"
use_ticked="> ✓ notifications: alert people by SMS, email or app push"
broadcast_unticked="> • broadcast: tell many systems of each event, e.g. order → billing, stock"
broadcast_ticked="> ✓ broadcast: tell many systems of each event, e.g. order → billing, stock"
checklist="What must the service do or work with?"
review="Your answers: change any, or go on to the result"

# to_option NAME: moves the cursor down the list on screen until it is on
# the option named NAME (its line starts "> • NAME" or "> ✓ NAME") in the
# checklist on show, one key and one short pause at a time; fails after 80
# lines.
to_option() {
  local i
  for ((i = 0; i < 80; i++)); do
    if last_form "$checklist" | grep -qE -- "> [•✓] $1[ :]"; then return 0; fi
    tm send-keys -t "$session" Down
    sleep 0.05
  done
  echo "tui-test: FAIL: no option $1 in the list"
  echo "----- screen -----"; screen || true; echo "------------------"
  exit 1
}

# No leader before the first answer; broadcast ticked; ? shows the help.
ask answers.yaml
wait_for "What is the messaging for?"
wait_for "$use_unticked"
if screen | grep -qF "Leader so far"; then echo "tui-test: FAIL: a leader before any answer"; exit 1; fi
keys Down "$broadcast_unticked"
keys Space "$broadcast_ticked"                  # tick broadcast
keys '?' "They steer which kind of service fits"  # its help
keys Enter "$checklist"
wait_for "Leader so far: Amazon SNS standard topics (sns)"
# Back (Esc) to the use cases, which start from the answer given; on again.
tm send-keys -t "$session" Escape
wait_last "What is the messaging for?" "$broadcast_ticked"
keys Enter "$checklist"
# Fan-out a must (Space), serverless nice to have (n, which ticks it), each
# shown on the answer itself; then that's enough (ctrl+x, a key: no item of
# the list, so ctrl+a could not tick it).
to_option fanout
tm send-keys -t "$session" Space
wait_last "$checklist" "> ✓ fanout (must): send each message to several"
to_option serverless
tm send-keys -t "$session" n
wait_last "$checklist" "> ✓ serverless (nice): no servers, clusters or capacity"
keys C-x "$review"
wait_for "needs: fanout (must), serverless (nice) (change)"
wait_for "use_case: broadcast (change)"
# The review changes the checklist's answer: serverless becomes a must.
keys Down Down "> needs: fanout (must), serverless (nice) (change)"
keys Enter "$checklist"
wait_last "$checklist" "> ✓ fanout (must): send each message to several"   # as answered, the cursor on it
to_option serverless
wait_last "$checklist" "> ✓ serverless (nice): no servers, clusters or capacity"
tm send-keys -t "$session" n
wait_last "$checklist" "> ✓ serverless (must): no servers, clusters or capacity"
keys Enter "needs: fanout (must), serverless (must) (change)"
wait_for "> result: show the result"
keys Enter "ADVISOR-EXIT=0"
wait_for "Recommended: Amazon SNS standard topics (sns)"
wait_for "Asked 6 questions."

grep -q '^  fanout: true$' "$work/answers.yaml" || { echo "tui-test: FAIL: answers.yaml lacks fanout"; cat "$work/answers.yaml"; exit 1; }
grep -q '^  serverless: true$' "$work/answers.yaml" || { echo "tui-test: FAIL: answers.yaml lacks serverless"; cat "$work/answers.yaml"; exit 1; }
if grep -q '^prefer:' "$work/answers.yaml"; then echo "tui-test: FAIL: serverless stayed nice to have"; cat "$work/answers.yaml"; exit 1; fi
grep -q '^use_case: \[broadcast\]$' "$work/answers.yaml" || { echo "tui-test: FAIL: answers.yaml lacks use_case"; cat "$work/answers.yaml"; exit 1; }
out=$("$work/advisor" recommend -f "$work/answers.yaml")
got=${out%%$'\n'*}
case "$got" in
  "Recommended: Amazon SNS standard topics (sns)"*) ;;
  *) echo "tui-test: FAIL: recommend on the saved answers says: $got"; exit 1 ;;
esac

# Ctrl-C aborts with exit status 130 and writes nothing.
ask aborted.yaml
wait_for "$use_unticked"
keys C-c "ADVISOR-EXIT=130"
[ ! -e "$work/aborted.yaml" ] || { echo "tui-test: FAIL: Ctrl-C left aborted.yaml behind"; exit 1; }

# no_temp_files: the atomic save's temporary files (.NAME.*.tmp) are all gone.
no_temp_files() {
  local left
  left=$(cd "$work" && find . -maxdepth 1 -name '.*.tmp')
  [ -z "$left" ] || { echo "tui-test: FAIL: temporary files left behind: $left"; exit 1; }
}

# SIGTERM (kill's default) stops the full-screen form at once: exit status
# 143, and nothing written. Bubble Tea used to take it for "quit", which huh
# took for an answer, and the questionnaire went on to the next question.
ask terminated.yaml
wait_for "$use_unticked"
kill -TERM "$(cat "$work/terminated.pid")"
wait_for "ADVISOR-EXIT=143"
wait_for "questionnaire stopped by SIGTERM; nothing was written"
[ ! -e "$work/terminated.yaml" ] || { echo "tui-test: FAIL: SIGTERM left terminated.yaml behind"; exit 1; }
no_temp_files

# With --force, SIGTERM keeps the file that --save would have replaced (it
# used to become `version: 1` alone: every question after the signal took
# "no preference", and the answers were saved).
hand="# written by hand
version: 1
must:
  ordering: strict
"
printf '%s' "$hand" >"$work/hand.yaml"
ask hand.yaml --force
wait_for "$use_unticked"
keys Space "$use_ticked"
kill -TERM "$(cat "$work/hand.pid")"
wait_for "ADVISOR-EXIT=143"
[ "$(cat "$work/hand.yaml")" = "${hand%$'\n'}" ] || { echo "tui-test: FAIL: SIGTERM with --force changed hand.yaml:"; cat "$work/hand.yaml"; exit 1; }
no_temp_files
echo "tui-test: 4 passed, 0 failed"

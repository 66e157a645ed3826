#!/usr/bin/env bash
# Drives `advisor ask` in a real terminal (tmux): ticks a capability,
# confirms it as a must-have, says "that's enough" at the next screen, and
# checks the screen showed the questions, the leader and the final report,
# and that --save wrote the answers. Run by `make test`.
set -euo pipefail

if ! command -v tmux >/dev/null 2>&1; then
  echo "tui-test: SKIP: tmux is not installed (apt-get install tmux); the real-terminal test did not run"
  exit 0
fi

work=$(mktemp -d)
session="advisor-tui-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/advisor" ./cmd/advisor

screen() { tmux capture-pane -p -t "$session" -S -200; }
# wait_for TEXT: polls the screen for TEXT for up to 10 seconds.
wait_for() {
  for _ in $(seq 100); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "tui-test: FAIL: the screen never showed: $1"
  echo "----- screen -----"; screen; echo "------------------"
  exit 1
}
keys() { tmux send-keys -t "$session" "$@"; sleep 0.3; }

tmux new-session -d -s "$session" -x 100 -y 50 \
  "cd '$work' && NO_COLOR=1 ./advisor ask --save answers.yaml; echo \"ADVISOR-EXIT=\$?\"; sleep 30"

wait_for "Which of these must the service do by itself?"
wait_for "Leader so far: Amazon SQS standard queues (sqs)"
keys Space            # tick the first capability: fan-out
keys Enter            # next screen
wait_for "Are these must-haves?"
keys Enter            # yes, must have
wait_for "Leader so far: Amazon SNS standard topics (sns)"
wait_for "What message order must be kept?"
keys End              # the last option: that's enough
keys Enter
wait_for "ADVISOR-EXIT=0"
wait_for "Recommended: Amazon SNS standard topics (sns)"
wait_for "Asked 2 questions."

grep -q '^  fanout: true$' "$work/answers.yaml" || { echo "tui-test: FAIL: answers.yaml lacks fanout"; cat "$work/answers.yaml"; exit 1; }
out=$("$work/advisor" recommend -f "$work/answers.yaml")
got=${out%%$'\n'*}
case "$got" in
  "Recommended: Amazon SNS standard topics (sns)"*) ;;
  *) echo "tui-test: FAIL: recommend on the saved answers says: $got"; exit 1 ;;
esac
# Ctrl-C aborts with exit status 130 and writes nothing.
tmux kill-session -t "$session"
tmux new-session -d -s "$session" -x 100 -y 50 \
  "cd '$work' && NO_COLOR=1 ./advisor ask --save aborted.yaml; echo \"ADVISOR-EXIT=\$?\"; sleep 30"
wait_for "Which of these must the service do by itself?"
keys C-c
wait_for "ADVISOR-EXIT=130"
[ ! -e "$work/aborted.yaml" ] || { echo "tui-test: FAIL: Ctrl-C left aborted.yaml behind"; exit 1; }
echo "tui-test: 2 passed, 0 failed"

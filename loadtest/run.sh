#!/usr/bin/env bash
# One scenario against the running `make cluster`: loadtest/run.sh deadline|workday|event [seconds]
# deadline: 200 users, kills the app server on port 8101 (master and workers, by pid) halfway through.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-workday}; seconds=${2:-60}
case $scenario in
  deadline) users=200; rate=20; class=DeadlineApplicant ;;
  workday)  users=50;  rate=10; class=WorkdayVisitor ;;
  event)    users=300; rate=50; class=EventParticipant ;;
  *) echo "unknown scenario $scenario"; exit 2 ;;
esac
out=var/cluster/locust-$scenario
if [ "$scenario" = deadline ]; then
  ( sleep $((seconds / 2))
    master=$(cat var/cluster/web-8101.pid)
    children=$(ps -o pid= --ppid "$master" || true)
    echo "== killing app server 8101 (pids $master $children) at $((seconds / 2)) s"
    kill -KILL "$master" $children ) &
fi
.venv/bin/locust -f loadtest/locustfile.py --headless -u "$users" -r "$rate" -t "${seconds}s" \
  --host https://127.0.0.1:8443 --csv "$out" --only-summary "$class" 2>&1 | tail -n 30

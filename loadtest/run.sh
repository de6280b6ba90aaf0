#!/usr/bin/env bash
# One scenario against the running `make cluster`: loadtest/run.sh deadline|workday|event [seconds]
# deadline: 200 users, kills the app server on port 8101 (master and workers, by pid) halfway through, then
# compares the submissions in the database with the successful ones locust recorded (manage.py loadtest_count).
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-workday}; seconds=${2:-60}
case $scenario in
  deadline) users=${USERS:-200}; rate=20; classes="DeadlineApplicant DeadlineStaff" ;;
  workday)  users=${USERS:-50};  rate=${RATE:-10}; classes="WorkdayOrganiser WorkdayAdvisor WorkdayOfficial WorkdayPublic" ;;
  event)    users=${USERS:-300}; rate=50; classes="EventParticipant EventDesk" ;;
  *) echo "unknown scenario $scenario"; exit 2 ;;
esac
out=var/cluster/locust-$scenario
export LOADTEST_RUN=${LOADTEST_RUN:-$scenario-$(date -u +%Y%m%d%H%M%S)}
killer=
if [ "$scenario" = deadline ] && [ "${KILL:-1}" = 1 ]; then
  ( sleep $((seconds / 2))
    master=$(cat var/cluster/web-8101.pid)
    children=$(ps -o pid= --ppid "$master" || true)
    echo "== killing app server 8101 (pids $master $children) at $((seconds / 2)) s"
    kill -KILL "$master" $children ) &
  killer=$!
fi
set +e
# shellcheck disable=SC2086  # the class names are separate words
.venv/bin/locust -f loadtest/locustfile.py --headless -u "$users" -r "$rate" -t "${seconds}s" --stop-timeout 90 \
  --host https://127.0.0.1:8443 --csv "$out" --only-summary $classes 2>&1 | tail -n 45
status=${PIPESTATUS[0]}  # locust: 1 when any request or flow step failed
[ -n "$killer" ] && wait "$killer" 2>/dev/null
if [ "$scenario" = deadline ]; then
  echo "== nothing submitted is lost? (run $LOADTEST_RUN)"
  DJANGO_SETTINGS_MODULE=config.settings.bench DATABASE_URL=postgres://postgres@127.0.0.1:5432/${CLUSTER_DB:-doradztwo_cluster} \
    .venv/bin/python manage.py loadtest_count --run "$LOADTEST_RUN" || status=3
fi
exit "$status"

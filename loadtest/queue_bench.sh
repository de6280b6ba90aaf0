#!/usr/bin/env bash
# The task queue measured (issue 18, docs/decisions/0028-task-queue-by-measurement.md): the same deadline-day burst of
# e-mails through django-tasks' database backend with db_worker, and through RQ on Redis with rqworker.
# RQ is not a dependency of the platform: it is installed into a throwaway venv that sees the project's packages.
#   loadtest/queue_bench.sh            TASKS=2000 PRODUCERS=8 by default
set -euo pipefail
cd "$(dirname "$0")/.."
db=queue_bench_$$
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
qvenv=var/queue-bench-venv
cleanup() { kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true
            psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null; }
trap cleanup EXIT
if [ ! -x $qvenv/bin/python ]; then
  python3 -m venv $qvenv
  .venv/bin/python -c "import site; print(site.getsitepackages()[0])" > "$($qvenv/bin/python -c 'import site; print(site.getsitepackages()[0])')/project.pth"
  $qvenv/bin/pip install --quiet --disable-pip-version-check --no-deps django-tasks-rq==0.12.0 django-rq==4.2.0 rq==3.0.0 croniter==7.0.0 click==8.5.1
fi
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$db DJANGO_SETTINGS_MODULE=loadtest.queue_settings
.venv/bin/python manage.py migrate --noinput -v0

run() {  # backend, worker command...
  local backend=$1; shift
  QUEUE_BACKEND=$backend "$@" >var/queue-bench-worker.log 2>&1 &
  local worker=$!
  sleep 3  # the worker's start (imports, first poll) is not part of the measurement
  QUEUE_BACKEND=$backend QUEUE_WORKER="$*" $qvenv/bin/python loadtest/queue_bench.py
  kill $worker; wait $worker 2>/dev/null || true
}
mkdir -p var
run db .venv/bin/python manage.py db_worker --queue-name default --no-reload
redis-cli -n 5 flushdb >/dev/null
run rq $qvenv/bin/python manage.py rqworker default --job-class django_tasks_rq.Job
redis-cli -n 5 flushdb >/dev/null
run rq $qvenv/bin/python manage.py rqworker default --job-class django_tasks_rq.Job --worker-class rq.worker.SimpleWorker

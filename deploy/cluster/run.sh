#!/usr/bin/env bash
# `make cluster`: the production shape on this one machine. The local PostgreSQL (database CLUSTER_DB, rebuilt with
# seed_scale data unless CLUSTER_KEEP_DB=1), Redis, two gunicorn app servers (ports 8101, 8102) behind nginx
# (https://127.0.0.1:8443, a self-signed certificate made here), the task worker and the scheduler. Ctrl+C stops
# everything. Logs and pids under var/cluster/.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
DIR=$(pwd)/var/cluster
DB=${CLUSTER_DB:-doradztwo_cluster}
mkdir -p "$DIR"
export DJANGO_SETTINGS_MODULE=config.settings.prod
export SECRET_KEY=cluster-$(hostname)-not-for-real-use-0123456789abcdefghijklmnopqrstuvwxyz
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$DB DB_CONN_MAX_AGE=60
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/3}
export ALLOWED_HOSTS=127.0.0.1,localhost CSRF_TRUSTED_ORIGINS=https://127.0.0.1:8443,https://localhost:8443
export SITE_URL=https://127.0.0.1:8443 STATIC_ROOT=$DIR/static PRIVATE_MEDIA_ROOT=$DIR/private
# E-mails go to files: the deadline-day load test opens the sign-up confirmation links from them.
export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend EMAIL_FILE_PATH=$DIR/mail
export METRICS_TOKEN=${METRICS_TOKEN:-cluster-metrics}
export SECURE_HSTS_SECONDS=0 LOG_FORMAT=json API_THROTTLE_ANONYMOUS=100000/min API_THROTTLE_TOKEN=100000/min
export AXES_FAILURE_LIMIT=100000
export GUNICORN_WORKERS=${GUNICORN_WORKERS:-2} GUNICORN_THREADS=${GUNICORN_THREADS:-4}

if [ "${CLUSTER_KEEP_DB:-0}" != 1 ]; then
  echo "== database $DB: migrate, seed_scale"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
  rm -rf "$DIR/private"
  # seed_scale runs only under the bench settings (they keep it away from real data); same database.
  DJANGO_SETTINGS_MODULE=config.settings.bench $PY manage.py migrate --noinput -v0
  DJANGO_SETTINGS_MODULE=config.settings.bench $PY manage.py seed_scale >"$DIR/seed.log"
fi
# The load scenarios' accounts (password + TOTP), the open call and today's event: again at every start, so the
# call's deadline and the event are today (loadtest/locustfile.py reads $DIR/loadtest.json).
rm -rf "$DIR/mail"; mkdir -p "$DIR/mail"
DJANGO_SETTINGS_MODULE=config.settings.bench $PY manage.py seed_loadtest --out "$DIR/loadtest.json" \
  --pdf "$DIR/loadtest-signed.pdf" >>"$DIR/seed.log"
# A bulk load leaves the planner without statistics (autovacuum gets to them minutes later): without them it chose
# nested loops over 3,300 × 1,000 rows and the edition overview took 260 ms instead of 13 ms of SQL. A production
# database has its statistics; so must the one the load test measures.
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "ANALYZE"
$PY manage.py collectstatic --noinput -v0

[ -f "$DIR/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost \
  -keyout "$DIR/key.pem" -out "$DIR/cert.pem" 2>/dev/null
mkdir -p "$DIR/nginx"
$PY - "$DIR" <<'PYEOF'
import sys
from pathlib import Path
from deploy.nginx.render import render_main, render_site
d = Path(sys.argv[1])
site = render_site(cert=str(d / "cert.pem"), key=str(d / "key.pem"), static_root=str(d / "static"),
                   app_ports=[8101, 8102], http_port=8080, https_port=8443)
site = "\n".join(line for line in site.splitlines() if "[::]" not in line) + "\n"
(d / "nginx" / "site.conf").write_text(site)
(d / "nginx" / "nginx.conf").write_text(render_main(site_conf=str(d / "nginx" / "site.conf"), prefix=str(d / "nginx"), user="root"))
PYEOF

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; /usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s quit 2>/dev/null || true; }
trap cleanup EXIT INT TERM
for port in 8101 8102; do
  GUNICORN_BIND=127.0.0.1:$port PROMETHEUS_MULTIPROC_DIR=$DIR/prometheus-$port \
    .venv/bin/gunicorn --config deploy/gunicorn.conf.py --pid "$DIR/web-$port.pid" >"$DIR/web-$port.log" 2>&1 &
  pids+=($!)
done
$PY manage.py db_worker --queue-name "*" >"$DIR/worker.log" 2>&1 & pids+=($!)
$PY manage.py run_scheduler >"$DIR/scheduler.log" 2>&1 & pids+=($!)
/usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"
for _ in $(seq 1 60); do curl -skf https://127.0.0.1:8443/healthz >/dev/null && break; sleep 1; done
echo "== cluster up: https://127.0.0.1:8443/ (app servers 8101, 8102; pids in $DIR/web-*.pid)"
curl -sk https://127.0.0.1:8443/readyz; echo
if [ -n "${CLUSTER_RUN:-}" ]; then
  bash -c "$CLUSTER_RUN"
else
  wait
fi

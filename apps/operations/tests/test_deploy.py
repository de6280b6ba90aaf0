"""deploy/: the nginx site passes ``nginx -t`` with certificates made here; gunicorn reads its settings from the
environment; production settings pass ``check --deploy`` with object storage configured too."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deploy.nginx.render import render_main, render_site

ROOT = Path(__file__).resolve().parents[3]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def make_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (.ci/run installs it)")
def test_nginx_site_passes_nginx_t(tmp_path):
    cert, key = make_certificate(tmp_path)
    site = tmp_path / "site.conf"
    site.write_text(
        render_site(cert=str(cert), key=str(key), static_root=str(tmp_path / "static"), app_ports=[18001, 18002],
                    http_port=18080, https_port=18443)
    )  # fmt: skip
    main = tmp_path / "nginx.conf"
    main.write_text(render_main(site_conf=str(site), prefix=str(tmp_path)))
    result = subprocess.run([NGINX, "-t", "-c", str(main), "-p", str(tmp_path), "-e", str(tmp_path / "e.log")],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
    # What the site must keep: TLS, the upload limit, timeouts, forwarded headers and the request id.
    text = (ROOT / "deploy/nginx/doradztwo.conf").read_text()
    for directive in ["ssl_certificate ", "client_max_body_size 25m", "proxy_read_timeout", "X-Forwarded-Proto",
                      "X-Forwarded-For", "X-Request-ID $request_id", "location /static/"]:  # fmt: skip
        assert directive in text


def test_gunicorn_config_follows_the_environment(tmp_path):
    code = (
        "import runpy, json; c = runpy.run_path('deploy/gunicorn.conf.py'); "
        "print(json.dumps({k: c[k] for k in ['bind', 'workers', 'threads', 'timeout', 'worker_class']}))"
    )
    env = {"PATH": "/usr/bin:/bin", "GUNICORN_BIND": "127.0.0.1:9123", "GUNICORN_WORKERS": "3",
           "GUNICORN_THREADS": "8", "GUNICORN_TIMEOUT": "45", "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == (
        '{"bind": "127.0.0.1:9123", "workers": 3, "threads": 8, "timeout": 45, "worker_class": "gthread"}'
    )


def test_systemd_units_for_web_worker_and_scheduler():
    units = ROOT / "deploy/systemd"
    assert "gunicorn --config deploy/gunicorn.conf.py" in (units / "doradztwo-web@.service").read_text()
    assert "db_worker" in (units / "doradztwo-worker.service").read_text()
    assert "run_scheduler" in (units / "doradztwo-scheduler.service").read_text()


def test_deploy_checks_pass_with_object_storage_configured():
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "k3y-" + "".join(chr(97 + (i * 11) % 26) for i in range(60)),
        "PATH": "/usr/bin:/bin",
        "ALLOWED_HOSTS": "doradztwo.example",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "MONITORING_PESEL_KEY": "p3sel-" + "".join(chr(97 + (i * 7) % 26) for i in range(40)),
        "PRIVATE_STORAGE_BUCKET": "doradztwo-private",
        "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

"""The site configuration for a given machine: certificates, static files, app server ports and listening ports.

Used by the test that runs ``nginx -t`` on deploy/nginx/doradztwo.conf and by ``make cluster``; on a real server
edit the file itself (the names below are Debian's defaults).
"""

from pathlib import Path

SITE = Path(__file__).with_name("doradztwo.conf")


def render_site(
    *,
    cert: str,
    key: str,
    static_root: str,
    app_ports: list[int],
    http_port: int,
    https_port: int,
    server_name: str = "localhost",
) -> str:
    text = SITE.read_text()
    upstream = "".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;\n" for port in app_ports)
    start = text.index("upstream doradztwo_app {\n") + len("upstream doradztwo_app {\n")
    end = text.index("    keepalive", start)
    text = text[:start] + upstream + text[end:]
    replacements = {
        "/etc/ssl/doradztwo/fullchain.pem": cert,
        "/etc/ssl/doradztwo/privkey.pem": key,
        "/srv/doradztwo/static/": static_root.rstrip("/") + "/",
        "listen 80;": f"listen {http_port};",
        "listen [::]:80;": f"listen [::]:{http_port};",
        "listen 443 ssl http2;": f"listen {https_port} ssl http2;",
        "listen [::]:443 ssl http2;": f"listen [::]:{https_port} ssl http2;",
        "doradztwo.example.gov.pl": server_name,
        "root /var/www/html;": f"root {static_root};",
    }
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


def render_main(*, site_conf: str, prefix: str, user: str | None = None) -> str:
    """A whole nginx.conf around the site (for ``nginx -t -c`` and the cluster), everything under ``prefix``."""
    return f"""{"user " + user + ";" if user else ""}
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    sendfile on;
    include {site_conf};
}}
"""

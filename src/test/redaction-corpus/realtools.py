#!/usr/bin/env python3
"""Real tools handed generated secrets: what they PRINT, and what the redactor lets through (the leak side).

Every collection of the redaction corpus was written here; `realtext.py` measures what the rules take from real text
that holds no secrets. This script measures the other side on output nobody here wrote: it runs the real programs
installed on this machine (curl, wget, git, psql, pg_dump, the PostgreSQL server's log, redis-cli, redis-server, mvn,
npm, pip, python3, java, node, openssl, ssh, chromium, aws, kubectl, bash -x, ...) the way a failing CI job or test run
invokes them, with secrets GENERATED per run (python `secrets`, never a real credential) put where real users put them
(URL userinfo, flags, environment, config files, headers), against local servers (a python HTTP server answering
401/500, a temporary PostgreSQL cluster with passwords, a redis-server with requirepass), and records stdout+stderr.

Each scenario records, BEFORE it runs, its planted values (the exact strings, with derived forms a tool is known to
print such as Basic's base64 of user:password) and its must-keep strings (host, port, database, user name, path,
error words, chosen from the invocation). A planted value the tool never prints, or a keep it never prints, is
dropped from that scenario's count (the drops are counted and printed).

The split is fixed before anything is looked at: a scenario is held out when the SHA-1 of its PROGRAM name is 0 mod 3,
so all scenarios of a program fall on one side. For held-out scenarios this script prints counts only, never a line.

    python3 src/test/redaction-corpus/realtools.py gather [--out /tmp/realtools]       # writes scenarios.jsonl
    python3 src/test/redaction-corpus/realtools.py measure [--out /tmp/realtools] [--jar target/healdesk.jar] [--show]

`measure` runs `java -jar JAR redact --jsonl` over each scenario's output (one document per scenario; the CLI has no
at-rest mode) and prints per part: scenarios, planted, leaked, keeps, kept. A planted value is leaked when it is still
in the redacted output anywhere; a keep is kept when it occurs in the redacted output as often as in the original.
`--show` prints, for the TUNE part only, the lines that still hold a planted value and the lines that lost a keep.
"""
import argparse
import base64
import hashlib
import http.server
import json
import os
import re
import secrets
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time

TIMEOUT = 60


def part_of(program):
    return "heldout" if int(hashlib.sha1(program.encode()).hexdigest(), 16) % 3 == 0 else "tune"


# ---- generated secrets (never a real credential) -------------------------------------------------------------------

ALNUM = string.ascii_letters + string.digits


def rand(alphabet, n):
    return "".join(secrets.choice(alphabet) for _ in range(n))


def password(n=16):
    """Mixed classes; signs that need no quoting in a URL's userinfo or a shell word."""
    while True:
        p = rand(ALNUM + "!*-_.~", n)
        if (any(c.islower() for c in p) and any(c.isupper() for c in p) and any(c.isdigit() for c in p)
                and any(c in "!*-_.~" for c in p) and p[0].isalnum() and p[-1].isalnum()):
            return p


def ghp():
    return "ghp_" + rand(ALNUM, 36)


def glpat():
    return "glpat-" + rand(ALNUM + "_-", 20)


def xoxb():
    return f"xoxb-{rand(string.digits, 12)}-{rand(string.digits, 13)}-{rand(ALNUM, 24)}"


def sk_live():
    return "sk_live_" + rand(ALNUM, 24)


def akia():
    return "AKIA" + rand(string.ascii_uppercase + "234567", 16)


def aws_secret():
    return rand(ALNUM + "/+", 40)


def npm_token():
    return "npm_" + rand(ALNUM, 36)


def hexkey(n=32):
    return secrets.token_hex(n // 2)


def b64key(nbytes=32):
    return base64.b64encode(secrets.token_bytes(nbytes)).decode()


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt():
    head = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64url(json.dumps({"sub": "ci-" + rand(string.digits, 6), "iat": int(time.time()),
                              "exp": int(time.time()) + 3600}).encode())
    return f"{head}.{body}.{b64url(secrets.token_bytes(32))}"


def basic(user, pw):
    return base64.b64encode(f"{user}:{pw}".encode()).decode()


# ---- local servers ---------------------------------------------------------------------------------------------------

class Echo(http.server.BaseHTTPRequestHandler):
    """401 with a Basic challenge (500 under /err), its body the request's headers, as many test servers echo them."""
    protocol_version = "HTTP/1.1"

    def answer(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        status = 500 if self.path.startswith("/err") else 401
        body = ("".join(f"{k}: {v}\n" for k, v in self.headers.items())).encode()
        if "/-/" in self.path or "npm" in (self.headers.get("User-Agent") or ""):
            body = json.dumps({"error": "authentication required"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if body.startswith(b"{") else "text/plain")
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="ci"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = answer

    def log_message(self, *a):
        pass


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def capture(cmd, cwd, env=None, timeout=TIMEOUT, stdin=None, shell=False):
    full = dict(os.environ)
    full.update({"LC_ALL": "C.UTF-8", "GIT_TERMINAL_PROMPT": "0", "NO_COLOR": "1", "HOME": cwd})
    full.update(env or {})
    try:
        r = subprocess.run(cmd, cwd=cwd, env=full, capture_output=True, timeout=timeout, shell=shell,
                           input=stdin.encode() if stdin else None)
        return (r.stdout + r.stderr).decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return ((e.stdout or b"") + (e.stderr or b"")).decode("utf-8", "replace")
    except FileNotFoundError:
        return ""


def write(path, text, mode=0o600):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


# ---- scenarios -------------------------------------------------------------------------------------------------------

class Gatherer:
    def __init__(self, tmp):
        self.tmp = tmp
        self.scenarios = []
        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
        self.port = self.http.server_address[1]
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.port}"

    def home(self, name):
        d = os.path.join(self.tmp, re.sub(r"\W+", "-", name))
        os.makedirs(d, exist_ok=True)
        return d

    def add(self, name, program, planted, keeps, cmd, env=None, files=None, stdin=None, shell=False,
            timeout=TIMEOUT, text=None):
        """Plant, run, record. `files` maps a path under the scenario's home (also $HOME) to its text."""
        home = self.home(name)
        for rel, content in (files or {}).items():
            write(os.path.join(home, rel), content)
        if text is None:
            text = capture(cmd, home, env, timeout, stdin, shell)
        self.scenarios.append(dict(name=name, program=program, part=part_of(program),
                                   planted=[p for p in planted if p], keeps=[k for k in keeps if k], text=text))
        sys.stderr.write(f"  {name}: {len(text)} chars\n")

    # curl -------------------------------------------------------------------------------------------------------------
    def curl(self):
        b, port = self.base, str(self.port)
        user, pw = "ci-bot", password()
        self.add("curl -v -u", "curl", [pw, basic(user, pw)], ["127.0.0.1", port, "/api/v1/status", "ci-bot", "401"],
                 ["curl", "-v", "-sS", "-u", f"{user}:{pw}", f"{b}/api/v1/status"])
        t = ghp()
        self.add("curl -v bearer header", "curl", [t], ["127.0.0.1", port, "/repos/acme/app", "401"],
                 ["curl", "-v", "-sS", "-H", f"Authorization: Bearer {t}", f"{b}/repos/acme/app"])
        t = glpat()
        self.add("curl --trace-ascii private-token", "curl", [t], ["127.0.0.1", port, "/api/v4/projects", "PRIVATE-TOKEN"],
                 ["curl", "--trace-ascii", "-", "-sS", "-H", f"PRIVATE-TOKEN: {t}", f"{b}/api/v4/projects"])
        user, pw = "deploy", password()
        self.add("curl -v userinfo", "curl", [pw, basic(user, pw)], ["127.0.0.1", port, "/artifacts/app.tar.gz", "deploy"],
                 ["curl", "-v", "-sS", f"http://{user}:{pw}@127.0.0.1:{port}/artifacts/app.tar.gz"])
        t = sk_live()
        self.add("curl -v api key header", "curl", [t], ["127.0.0.1", port, "/v1/charges", "X-Api-Key"],
                 ["curl", "-v", "-sS", "-H", f"X-Api-Key: {t}", f"{b}/v1/charges"])
        t = jwt()
        self.add("curl -v --oauth2-bearer", "curl", [t], ["127.0.0.1", port, "/userinfo", "Bearer"],
                 ["curl", "-v", "-sS", "--oauth2-bearer", t, f"{b}/userinfo"])
        user, pw = "builder", password()
        self.add("curl -v --netrc-file", "curl", [pw, basic(user, pw)], ["127.0.0.1", port, "/simple/", "builder"],
                 ["curl", "-v", "-sS", "--netrc-file", "netrc", f"{b}/simple/"],
                 files={"netrc": f"machine 127.0.0.1 login {user} password {pw}\n"})
        cid, cs = "app-" + rand(string.digits, 6), hexkey(40)
        self.add("curl --trace-ascii client secret form", "curl", [cs],
                 ["127.0.0.1", port, "/oauth/token", cid, "client_credentials"],
                 ["curl", "--trace-ascii", "-", "-sS", "-d", f"grant_type=client_credentials&client_id={cid}"
                  f"&client_secret={cs}", f"{b}/oauth/token"])
        c = hexkey(32)
        self.add("curl -v cookie", "curl", [c], ["127.0.0.1", port, "/dashboard", "Cookie"],
                 ["curl", "-v", "-sS", "-H", f"Cookie: sessionid={c}; theme=dark", f"{b}/dashboard"])
        t = hexkey(40)
        self.add("curl -v query token", "curl", [t], ["127.0.0.1", port, "/callback", "state=xyz"],
                 ["curl", "-v", "-sS", f"{b}/callback?access_token={t}&state=xyz"])
        t = xoxb()
        self.add("curl -sf 500 json post", "curl", [t], ["127.0.0.1", port, "/err/chat.postMessage", "500"],
                 ["curl", "-v", "-sS", "-f", "-X", "POST", "-H", f"Authorization: Bearer {t}",
                  "-H", "Content-Type: application/json", "-d", '{"channel":"C024BE91L","text":"build failed"}',
                  f"{b}/err/chat.postMessage"])

    # wget -------------------------------------------------------------------------------------------------------------
    def wget(self):
        b, port = self.base, str(self.port)
        user, pw = "mirror", password()
        self.add("wget -d --user --password", "wget", [pw, basic(user, pw)], ["127.0.0.1", port, "/dist/pkg.zip", "mirror"],
                 ["wget", "-d", "-O", "/dev/null", "--user", user, "--password", pw, f"{b}/dist/pkg.zip"])
        user, pw = "reader", password()
        self.add("wget -d userinfo", "wget", [pw, basic(user, pw)], ["127.0.0.1", port, "/dist/pkg.zip", "reader"],
                 ["wget", "-d", "-O", "/dev/null", f"http://{user}:{pw}@127.0.0.1:{port}/dist/pkg.zip"])
        t = ghp()
        self.add("wget -d header", "wget", [t], ["127.0.0.1", port, "/releases/latest", "Authorization"],
                 ["wget", "-d", "-O", "/dev/null", f"--header=Authorization: token {t}", f"{b}/releases/latest"])
        user, pw = "ftpuser", password()
        self.add("wget -d .netrc", "wget", [pw, basic(user, pw)], ["127.0.0.1", port, "/pub/data.csv"],
                 ["wget", "-d", "-O", "/dev/null", f"{b}/pub/data.csv"],
                 files={".netrc": f"machine 127.0.0.1\n  login {user}\n  password {pw}\n"})

    # git --------------------------------------------------------------------------------------------------------------
    def git(self):
        port = str(self.port)
        t = ghp()
        u = f"http://x-access-token:{t}@127.0.0.1:{port}/acme/app.git"
        self.add("git clone userinfo", "git", [t], ["127.0.0.1", port, "/acme/app.git", "Authentication failed"],
                 ["git", "clone", u, "app"])
        t = glpat()
        u = f"http://oauth2:{t}@127.0.0.1:{port}/group/svc.git"
        self.add("git GIT_TRACE clone", "git", [t], ["127.0.0.1", port, "/group/svc.git", "oauth2"],
                 ["git", "clone", u, "svc"], env={"GIT_TRACE": "1"})
        user, pw = "jenkins", password()
        u = f"http://{user}:{pw}@127.0.0.1:{port}/scm/tools.git"
        self.add("git GIT_CURL_VERBOSE ls-remote", "git", [pw, basic(user, pw)],
                 ["127.0.0.1", port, "/scm/tools.git", "jenkins"],
                 ["git", "ls-remote", u], env={"GIT_CURL_VERBOSE": "1"})
        t = ghp()
        self.add("git GIT_TRACE_CURL extraheader", "git", [t, basic("x-access-token", t)],
                 ["127.0.0.1", port, "/acme/web.git", "AUTHORIZATION"],
                 ["git", "-c", f"http.extraheader=AUTHORIZATION: basic {basic('x-access-token', t)}",
                  "ls-remote", f"http://127.0.0.1:{port}/acme/web.git"], env={"GIT_TRACE_CURL": "1"})
        t = ghp()
        self.add("git GIT_TRACE_CURL no redact", "git", [t, basic("x-access-token", t)],
                 ["127.0.0.1", port, "/acme/api.git", "x-access-token"],
                 ["git", "ls-remote", f"http://x-access-token:{t}@127.0.0.1:{port}/acme/api.git"],
                 env={"GIT_TRACE_CURL": "1", "GIT_TRACE_REDACT": "0"})
        t = glpat()
        home = self.home("git remote -v and fetch")
        subprocess.run(["git", "init", "-q", home], capture_output=True)
        self.add("git remote -v and fetch", "git", [t], ["127.0.0.1", port, "/team/infra.git", "origin"],
                 f"git remote add origin http://ci:{t}@127.0.0.1:{port}/team/infra.git && git remote -v && "
                 f"GIT_TRACE=1 git fetch origin", shell=True)
        user, t = "release-bot", ghp()
        self.add("git credential store push", "git", [t],
                 ["127.0.0.1", port, "/acme/lib.git", "release-bot"],
                 f"git init -q lib && cd lib && git -c user.name=ci -c user.email=ci@example.invalid commit -q "
                 f"--allow-empty -m init && GIT_TRACE=1 git -c credential.helper=store push "
                 f"http://127.0.0.1:{port}/acme/lib.git HEAD:main", shell=True,
                 files={".git-credentials": f"http://{user}:{t}@127.0.0.1%3a{port}\n"
                                            f"http://{user}:{t}@127.0.0.1:{port}\n"})
        t = ghp()
        self.add("git config --list", "git", [t], ["127.0.0.1", port, "url.", "insteadof"],
                 f"git config --global url.http://ci:{t}@127.0.0.1:{port}/.insteadOf https://github.com/ && "
                 f"git config --list --show-origin && git ls-remote https://github.com/acme/app.git", shell=True)

    # PostgreSQL ---------------------------------------------------------------------------------------------------------
    def postgres(self):
        if not shutil.which("initdb"):
            return
        # initdb and the server refuse root: run them as the postgres user where this runs as root
        as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 and shutil.which("runuser") else []
        top = os.path.join(self.tmp, "pg")
        os.makedirs(top)
        if as_pg:
            os.chmod(self.tmp, 0o755)
            shutil.chown(top, "postgres", "postgres")
        pg = os.path.join(top, "data")
        su_pw, app_pw = password(), password()
        write(os.path.join(top, "pwfile"), su_pw + "\n", 0o644)
        capture(as_pg + ["initdb", "-D", pg, "-U", "postgres", "--auth=scram-sha-256",
                         "--pwfile=" + os.path.join(top, "pwfile")], top, {"HOME": top}, timeout=120)
        port = str(free_port())
        log = os.path.join(top, "pg.log")
        capture(as_pg + ["pg_ctl", "-D", pg, "-l", log, "-w", "-o",
                         f"-p {port} -k {top} -c listen_addresses=127.0.0.1 -c log_statement=all "
                         "-c log_connections=on", "start"], top, {"HOME": top}, timeout=60)
        su = {"PGPASSWORD": su_pw}
        capture(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-c", f"CREATE ROLE app LOGIN PASSWORD "
                 f"'{app_pw}'", "-c", "CREATE DATABASE appdb OWNER app"], self.tmp, su)
        logged = [app_pw]
        wrong = password()
        self.add("psql uri wrong password", "psql", [wrong], ["127.0.0.1", port, "appdb", '"app"', "password authentication failed"],
                 ["psql", f"postgresql://app:{wrong}@127.0.0.1:{port}/appdb", "-c", "select 1"])
        self.add("psql PGPASSWORD conninfo", "psql", [app_pw], ["127.0.0.1", port, "appdb", '"app"'],
                 ["psql", "-h", "127.0.0.1", "-p", port, "-U", "app", "-d", "appdb", "-c", "\\conninfo"],
                 env={"PGPASSWORD": app_pw})
        new = password()
        logged.append(new)
        self.add("psql -e alter role", "psql", [new], ["ALTER ROLE", "app"],
                 ["psql", "-e", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-c",
                  f"ALTER ROLE app PASSWORD '{new}'"], env=su)
        bad = password()
        self.add("psql syntax error create user", "psql", [bad], ["CREATE USER", "svc_reader", "syntax error"],
                 ["psql", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-c",
                  f"CREATE USER svc_reader WITH PASSWORD '{bad}' LOGIN CONNECTION LIMIT"], env=su)
        logged.append(bad)
        mig_pw = password()
        logged.append(mig_pw)
        self.add("psql -a migration file", "psql", [mig_pw], ["CREATE USER", "migrator", "CREATE ROLE", "does not exist"],
                 ["psql", "-a", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-f", "migrate.sql"], env=su,
                 files={"migrate.sql": f"CREATE USER migrator WITH PASSWORD '{mig_pw}';\n"
                                       "GRANT ALL ON SCHEMA nosuch TO migrator;\n"})
        self.add("psql pgpass wrong db", "psql", [app_pw], ["127.0.0.1", port, "nosuchdb", "does not exist"],
                 ["psql", "-h", "127.0.0.1", "-p", port, "-U", "app", "-d", "nosuchdb", "-c", "select 1"],
                 files={".pgpass": f"127.0.0.1:{port}:*:app:{app_pw}\n"})
        kv_pw = password()
        self.add("psql keyword conninfo ssl", "psql", [kv_pw], ["127.0.0.1", port, "SSL"],
                 ["psql", f"host=127.0.0.1 port={port} dbname=appdb user=app password={kv_pw} sslmode=require",
                  "-c", "select 1"])
        self.add("pg_isready uri", "pg_isready", [app_pw], ["127.0.0.1", port, "accepting connections"],
                 ["pg_isready", "-d", f"postgresql://app:{app_pw}@127.0.0.1:{port}/appdb"])
        self.add("pg_isready -h -p", "pg_isready", [app_pw], ["127.0.0.1", port],
                 ["pg_isready", "-h", "127.0.0.1", "-p", port, "-U", "app"], env={"PGPASSWORD": app_pw})
        dump_pw = password()
        self.add("pg_dump -v uri wrong", "pg_dump", [dump_pw], ["127.0.0.1", port, "appdb", "password authentication failed"],
                 ["pg_dump", "-v", f"postgresql://app:{dump_pw}@127.0.0.1:{port}/appdb"])
        self.add("pg_dump -v ok", "pg_dump", [app_pw], ["appdb", "pg_dump"],
                 ["pg_dump", "-v", "-s", f"postgresql://app:{app_pw}@127.0.0.1:{port}/appdb"])
        capture(as_pg + ["pg_ctl", "-D", pg, "-w", "stop"], top, {"HOME": top}, timeout=60)
        text = open(log, errors="replace").read() if os.path.exists(log) else ""
        self.add("postgres server log statement=all", "postgres", [su_pw] + logged + [wrong, dump_pw],
                 ["CREATE ROLE", "ALTER ROLE", "CREATE USER", "app", "appdb", "migrator", "svc_reader"], None, text=text)

    # redis --------------------------------------------------------------------------------------------------------------
    def redis(self):
        if not shutil.which("redis-server"):
            return
        pw, port = password(24), str(free_port())
        conf = os.path.join(self.tmp, "redis.conf")
        write(conf, f"port {port}\nbind 127.0.0.1\nrequirepass {pw}\nsave \"\"\ndir {self.tmp}\n")
        srv = subprocess.Popen(["redis-server", conf, "--loglevel", "verbose"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
        time.sleep(1.5)
        self.add("redis-cli -a ping", "redis-cli", [pw], ["127.0.0.1", port, "PONG"],
                 ["redis-cli", "-h", "127.0.0.1", "-p", port, "-a", pw, "ping"])
        wrong = password(24)
        self.add("redis-cli -a wrong", "redis-cli", [wrong], ["WRONGPASS", "invalid username-password pair"],
                 ["redis-cli", "-h", "127.0.0.1", "-p", port, "-a", wrong, "ping"])
        self.add("redis-cli -u uri", "redis-cli", [pw], ["PONG"],
                 ["redis-cli", "-u", f"redis://default:{pw}@127.0.0.1:{port}/0", "ping"])
        self.add("redis-cli config get requirepass", "redis-cli", [pw], ["requirepass"],
                 ["redis-cli", "-h", "127.0.0.1", "-p", port, "--no-auth-warning", "-a", pw, "CONFIG", "GET",
                  "requirepass"])
        self.add("redis-cli AUTH on stdin", "redis-cli", [wrong], ["WRONGPASS", "NOAUTH"],
                 ["redis-cli", "-h", "127.0.0.1", "-p", port], stdin=f"AUTH {wrong}\nGET k\n")
        upw = password()
        self.add("redis-cli acl setuser", "redis-cli", [upw], ["worker", "OK"],
                 ["redis-cli", "-h", "127.0.0.1", "-p", port, "--no-auth-warning", "-a", pw, "ACL", "SETUSER",
                  "worker", "on", f">{upw}", "~jobs:*", "+@read", "ACL", "LIST"])
        srv.terminate()
        out, _ = srv.communicate(timeout=20)
        pw2 = password(24)
        self.add("redis-server bad config line", "redis-server", [pw2], ["requirepass", "FATAL CONFIG FILE ERROR"],
                 ["redis-server", "bad.conf"], files={"bad.conf": f"port 0\nrequirepass {pw2} extra\n"})
        pw3 = password(24)
        self.add("redis-server bad argument", "redis-server", [pw3], ["masterauth", "FATAL CONFIG FILE ERROR"],
                 ["redis-server", "--port", "0", "--masterauth", pw3, "--replicaof", "nohost"])
        self.add("redis-server verbose log", "redis-server", [pw, wrong], ["Ready to accept connections", port],
                 None, text=out.decode("utf-8", "replace"))

    # mvn --------------------------------------------------------------------------------------------------------------
    def mvn(self):
        port = str(self.port)
        pw, user = password(), "deployer"
        pom = f"""<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>demo</groupId><artifactId>demo</artifactId><version>1.0</version>
<properties><maven.compiler.release>17</maven.compiler.release>
<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
<repositories><repository><id>internal</id><url>http://{user}:{pw}@127.0.0.1:{port}/repository/maven/</url></repository></repositories>
<dependencies><dependency><groupId>com.acme</groupId><artifactId>acme-core</artifactId><version>9.9.{secrets.randbelow(99)}</version></dependency></dependencies>
</project>
"""
        spw = password()
        settings = f"""<settings><servers><server><id>internal</id><username>{user}</username>
<password>{spw}</password></server></servers>
<localRepository>{os.path.expanduser('~/.m2/repository')}</localRepository></settings>
"""
        self.add("mvn -X repository userinfo and settings", "mvn", [pw, spw, basic(user, pw), basic(user, spw)],
                 ["127.0.0.1", port, "/repository/maven/", "acme-core", "internal"],
                 ["mvn", "-X", "-B", "-s", "settings.xml", "-Daether.connector.http.retryHandler.count=0",
                  "compile"], files={"pom.xml": pom, "settings.xml": settings,
                                     "src/main/java/demo/A.java": "package demo; class A {}\n"}, timeout=240)
        dpw = password()
        self.add("mvn -X -o -D password property", "mvn", [dpw], ["demo", "db.url"],
                 ["mvn", "-X", "-o", "-B", f"-Ddb.password={dpw}", "-Ddb.url=jdbc:postgresql://127.0.0.1/app",
                  "-s", "settings.xml", "validate"],
                 files={"pom.xml": pom.replace("<repositories>", "<!--").replace("</dependencies>", "-->"),
                        "settings.xml": f"<settings><localRepository>{os.path.expanduser('~/.m2/repository')}"
                                        "</localRepository></settings>\n"}, timeout=240)

    # npm --------------------------------------------------------------------------------------------------------------
    def npm(self):
        port = str(self.port)
        t = npm_token()
        self.add("npm install silly authToken", "npm", [t], ["127.0.0.1", port, "left-pad-acme", "401"],
                 ["npm", "install", "--loglevel", "silly", "--no-audit", "--no-fund", "left-pad-acme"],
                 files={".npmrc": f"registry=http://127.0.0.1:{port}/\n//127.0.0.1:{port}/:_authToken={t}\n",
                        "package.json": '{"name":"demo","version":"1.0.0"}\n'}, timeout=120)
        user, pw = "npmci", password()
        auth = basic(user, pw)
        self.add("npm whoami _auth", "npm", [auth, pw], ["127.0.0.1", port, "whoami"],
                 ["npm", "whoami", "--loglevel", "silly"],
                 files={".npmrc": f"registry=http://127.0.0.1:{port}/\n//127.0.0.1:{port}/:_auth={auth}\n"},
                 timeout=120)
        t = npm_token()
        self.add("npm install registry flag userinfo", "npm", [t], ["127.0.0.1", port, "@acme/ui"],
                 ["npm", "install", "--loglevel", "verbose", "--no-audit", "--no-fund",
                  f"--registry=http://ci:{t}@127.0.0.1:{port}/", "@acme/ui"],
                 files={"package.json": '{"name":"demo","version":"1.0.0"}\n'}, timeout=120)

    # pip --------------------------------------------------------------------------------------------------------------
    def pip(self):
        port = str(self.port)
        user, pw = "pypi-ci", password()
        self.add("pip -v index-url userinfo", "pip", [pw, basic(user, pw)], ["127.0.0.1", port, "/simple", "acme-utils"],
                 ["pip", "install", "-v", "--no-cache-dir", "--index-url",
                  f"http://{user}:{pw}@127.0.0.1:{port}/simple", "acme-utils==1.2.3"], timeout=120)
        t = hexkey(32)
        self.add("pip -vvv PIP_INDEX_URL token", "pip", [t], ["127.0.0.1", port, "/pypi/simple", "acme-tools"],
                 ["pip", "download", "-vvv", "--no-cache-dir", "--no-deps", "-d", "dl", "acme-tools"],
                 env={"PIP_INDEX_URL": f"http://__token__:{t}@127.0.0.1:{port}/pypi/simple"}, timeout=120)
        pw = password()
        self.add("pip -v pip.conf extra-index", "pip", [pw], ["127.0.0.1", port, "/extra/simple", "acme-sdk"],
                 ["pip", "install", "-v", "--no-cache-dir", "acme-sdk"],
                 env={"PIP_CONFIG_FILE": os.path.join(self.home("pip -v pip.conf extra-index"), "pip.conf")},
                 files={"pip.conf": f"[global]\nindex-url = http://127.0.0.1:{port}/simple\n"
                                    f"extra-index-url = http://reader:{pw}@127.0.0.1:{port}/extra/simple\n"},
                 timeout=120)

    # python3 ----------------------------------------------------------------------------------------------------------
    def python(self):
        port = str(self.port)
        pw = password()
        self.add("python urllib userinfo traceback", "python3", [pw], ["127.0.0.1", port, "InvalidURL"],
                 ["python3", "-c", "import urllib.request; "
                  f"urllib.request.urlopen('http://svc:{pw}@127.0.0.1:{port}/health')"])
        t = ghp()
        self.add("python http.client debuglevel", "python3", [t], ["127.0.0.1", port, "/repos", "HTTPError"],
                 ["python3", "-c", "import http.client, urllib.request\n"
                  "http.client.HTTPConnection.debuglevel = 1\n"
                  "h = urllib.request.HTTPHandler(debuglevel=1)\n"
                  f"req = urllib.request.Request('http://127.0.0.1:{port}/repos', headers={{'Authorization': "
                  f"'token {t}'}})\nurllib.request.build_opener(h).open(req)\n"])
        pw = password()
        self.add("python requests 401 raise_for_status", "python3", [pw],
                 ["127.0.0.1", port, "/api/items", "401", "HTTPError"],
                 ["python3", "-c", "import requests\n"
                  f"r = requests.get('http://admin:{pw}@127.0.0.1:{port}/api/items')\nr.raise_for_status()\n"])
        pw = password()
        self.add("python requests connection refused", "python3", [pw], ["127.0.0.1", "ConnectionError", "/v2/_catalog"],
                 ["python3", "-c", "import requests\n"
                  f"requests.get('http://registry:{pw}@127.0.0.1:1/v2/_catalog', timeout=3)\n"])
        k, s = akia(), aws_secret()
        self.add("python logging debug dict", "python3", [s], ["boto", "region", "eu-west-1"],
                 ["python3", "-c", "import logging, os\nlogging.basicConfig(level=logging.DEBUG)\n"
                  "cfg = {'region': 'eu-west-1', 'aws_access_key_id': os.environ['AWS_ACCESS_KEY_ID'], "
                  "'aws_secret_access_key': os.environ['AWS_SECRET_ACCESS_KEY']}\n"
                  "logging.getLogger('boto').debug('client config: %r', cfg)\n"
                  "raise KeyError('bucket')\n"],
                 env={"AWS_ACCESS_KEY_ID": k, "AWS_SECRET_ACCESS_KEY": s})
        pw = password()
        self.add("python assert dsn", "python3", [pw], ["AssertionError", "127.0.0.1", "orders"],
                 ["python3", "-c", "import os\ndsn = os.environ['DATABASE_URL']\n"
                  "assert dsn.endswith('/orders_test'), dsn\n"],
                 env={"DATABASE_URL": f"postgresql://orders:{pw}@127.0.0.1:5432/orders"})

    # java -------------------------------------------------------------------------------------------------------------
    def java(self):
        port = str(self.port)
        pw = password()
        self.add("java DriverManager no driver", "java", [pw], ["127.0.0.1", "5432", "inventory", "No suitable driver"],
                 ["java", "Jdbc.java", f"jdbc:postgresql://127.0.0.1:5432/inventory?user=inv&password={pw}"],
                 files={"Jdbc.java": "import java.sql.*;\npublic class Jdbc { public static void main(String[] a) "
                                     "throws Exception { DriverManager.getConnection(a[0]); } }\n"}, timeout=120)
        pw = password()
        self.add("java HttpURLConnection 401", "java", [pw], ["127.0.0.1", port, "/api/orders", "401"],
                 ["java", "Get.java", f"http://svc:{pw}@127.0.0.1:{port}/api/orders"],
                 files={"Get.java": "import java.net.*;\npublic class Get { public static void main(String[] a) "
                                    "throws Exception { new URL(a[0]).openStream(); } }\n"}, timeout=120)
        pw = password()
        self.add("java jdbc mysql url exception message", "java", [pw], ["db.internal", "3306", "shop"],
                 ["java", "Conf.java", f"jdbc:mysql://shop:{pw}@db.internal:3306/shop?useSSL=false"],
                 files={"Conf.java": "public class Conf { public static void main(String[] a) { "
                                     "throw new IllegalStateException(\"Cannot connect to \" + a[0]); } }\n"},
                 timeout=120)

    # node -------------------------------------------------------------------------------------------------------------
    def node(self):
        port = str(self.port)
        pw = password()
        self.add("node fetch credentials url", "node", [pw], ["127.0.0.1", port, "/graphql", "TypeError"],
                 ["node", "-e", f"fetch('http://api:{pw}@127.0.0.1:{port}/graphql').then(r => console.log(r.status))"])
        pw = password()
        self.add("node console.log URL", "node", [pw], ["127.0.0.1", "reports", "password"],
                 ["node", "-e", f"console.log(new URL('postgres://reports:{pw}@127.0.0.1:5432/reports'))"])
        t = ghp()
        self.add("node console.log env subset", "node", [t], ["GITHUB_TOKEN", "CI"],
                 ["node", "-e", "const {CI, GITHUB_TOKEN, HOME} = process.env; console.log({CI, GITHUB_TOKEN}); "
                  "throw new Error('missing release tag')"], env={"GITHUB_TOKEN": t, "CI": "true"})
        t = sk_live()
        self.add("node http.request headers error", "node", [t], ["127.0.0.1", port, "/v1/refunds", "401"],
                 ["node", "-e", "const http = require('http');\n"
                  f"const opts = {{host: '127.0.0.1', port: {port}, path: '/v1/refunds', method: 'POST', "
                  f"headers: {{Authorization: 'Bearer {t}'}}}};\n"
                  "http.request(opts, res => { if (res.statusCode >= 400) { console.error('request failed', "
                  "res.statusCode, opts); process.exit(1); } }).end();\n"])
        t = jwt()
        self.add("node assert deepStrictEqual headers", "node", [t], ["AssertionError", "authorization", "x-request-id"],
                 ["node", "-e", "const assert = require('assert');\n"
                  f"assert.deepStrictEqual({{authorization: 'Bearer {t}', 'x-request-id': 'r-1'}}, "
                  "{authorization: 'Bearer expected', 'x-request-id': 'r-1'});\n"])

    # openssl, ssh, gpg --------------------------------------------------------------------------------------------------
    def crypto(self):
        pw = password()
        self.add("openssl -passin pass wrong", "openssl", [pw], ["key.pem", "bad decrypt"],
                 f"openssl genrsa -aes256 -passout pass:{password()} -out key.pem 2048 2>/dev/null && "
                 f"openssl rsa -in key.pem -passin pass:{pw} -noout", shell=True)
        pw = password()
        self.add("openssl enc -k", "openssl", [pw], ["secrets.tar"],
                 ["openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-d", "-in", "secrets.tar.enc", "-out", "secrets.tar",
                  "-k", pw])
        pw = password()
        self.add("openssl pkcs12 -passin env", "openssl", [pw], ["keystore.p12"],
                 ["openssl", "pkcs12", "-in", "keystore.p12", "-nokeys", "-passin", "env:P12_PASS"],
                 env={"P12_PASS": pw})
        self.add("ssh -v closed port with key", "ssh", [], ["127.0.0.1", "deploy", "Connection refused"],
                 ["ssh", "-v", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-i", "id_ed25519", "-p", "1",
                  "deploy@127.0.0.1", "true"], files={"id_ed25519": "not a key\n"})
        pp = password()
        self.add("ssh-keygen wrong passphrase", "ssh-keygen", [pp], ["id_ed25519", "incorrect passphrase"],
                 f"ssh-keygen -q -t ed25519 -N {password()} -f id_ed25519 && ssh-keygen -y -P {pp} -f id_ed25519",
                 shell=True)
        pp = password()
        self.add("gpg --passphrase batch", "gpg", [pp], ["release.tar.gz"],
                 ["gpg", "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", pp, "-v", "-d",
                  "release.tar.gz.gpg"], files={"release.tar.gz.gpg": "garbage\n"})

    # bash -x, env -----------------------------------------------------------------------------------------------------
    def shell(self):
        port = str(self.port)
        pw, t = password(), ghp()
        script = (f"set -eux\nDEPLOY_USER=ci\nDEPLOY_PASS='{pw}'\nexport GH_TOKEN='{t}'\n"
                  f"curl -sS -f -u \"$DEPLOY_USER:$DEPLOY_PASS\" http://127.0.0.1:{port}/err/deploy\n")
        self.add("bash -x deploy script", "bash", [pw, t], ["127.0.0.1", port, "/err/deploy", "DEPLOY_USER=ci"],
                 ["bash", "deploy.sh"], files={"deploy.sh": script})
        k, s = akia(), aws_secret()
        self.add("env dump in CI step", "env", [k, s], ["AWS_DEFAULT_REGION=eu-central-1", "CI=true"],
                 ["env"], env={"AWS_ACCESS_KEY_ID": k, "AWS_SECRET_ACCESS_KEY": s,
                               "AWS_DEFAULT_REGION": "eu-central-1", "CI": "true"})
        t = glpat()
        self.add("make echoes recipe", "make", [t], ["127.0.0.1", port, "/api/v4/projects/42/packages", "Error 22"],
                 ["make", "publish"],
                 files={"Makefile": "publish:\n\tcurl -sS -f --header \"JOB-TOKEN: " + t + "\" --upload-file "
                                    f"Makefile http://127.0.0.1:{port}/err/api/v4/projects/42/packages\n"})

    # cloud CLIs -------------------------------------------------------------------------------------------------------
    def cloud(self):
        port = str(self.port)
        k, s = akia(), aws_secret()
        self.add("aws --debug s3 ls endpoint", "aws", [k, s], ["127.0.0.1", port, "s3", "ListObjectsV2"],
                 ["aws", "--debug", "--endpoint-url", f"http://127.0.0.1:{port}", "--region", "us-east-1", "s3api",
                  "list-objects-v2", "--bucket", "ci-artifacts"],
                 env={"AWS_ACCESS_KEY_ID": k, "AWS_SECRET_ACCESS_KEY": s, "AWS_MAX_ATTEMPTS": "1"}, timeout=120)
        t = jwt()
        self.add("kubectl -v=9 token", "kubectl", [t], ["127.0.0.1", port, "/api/v1/namespaces", "pods"],
                 ["kubectl", f"--server=http://127.0.0.1:{port}", f"--token={t}", "-v=9", "get", "pods",
                  "-n", "default", "--request-timeout=5s"], timeout=60)
        user, pw = "ci", password()
        self.add("kubectl kubeconfig basic", "kubectl", [pw], ["127.0.0.1", port],
                 ["kubectl", "--kubeconfig", "kc.yaml", "-v=8", "get", "nodes", "--request-timeout=5s"],
                 files={"kc.yaml": f"apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: "
                                   f"http://127.0.0.1:{port}\nusers:\n- name: u\n  user:\n    username: {user}\n"
                                   f"    password: {pw}\ncontexts:\n- name: x\n  context:\n    cluster: c\n"
                                   "    user: u\ncurrent-context: x\n"}, timeout=60)
        pw = password()
        self.add("docker login password flag", "docker", [pw], ["127.0.0.1", "WARNING"],
                 ["docker", "login", "-u", "ci", "-p", pw, f"127.0.0.1:{port}"], timeout=60)

    # chromium ---------------------------------------------------------------------------------------------------------
    def chromium(self):
        port = str(self.port)
        pw = password()
        self.add("chromium --v=1 userinfo url", "chromium", [pw], ["127.0.0.1", port],
                 ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=1",
                  "--user-data-dir=chrome", "--dump-dom", f"http://qa:{pw}@127.0.0.1:{port}/login"], timeout=90)

    def run_all(self):
        for step in (self.curl, self.wget, self.git, self.postgres, self.redis, self.mvn, self.npm, self.pip,
                     self.python, self.java, self.node, self.crypto, self.shell, self.cloud, self.chromium):
            sys.stderr.write(step.__name__ + "\n")
            try:
                step()
            except Exception as e:  # one broken family must not lose the others
                sys.stderr.write(f"  {step.__name__} failed: {type(e).__name__}\n")
        self.http.shutdown()


def gather(args):
    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="realtools-")
    try:
        g = Gatherer(tmp)
        g.run_all()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    path = os.path.join(args.out, "scenarios.jsonl")
    with open(path, "w") as f:
        for s in g.scenarios:
            f.write(json.dumps(s) + "\n")
    os.chmod(path, 0o600)
    print(f"{len(g.scenarios)} scenarios in {path}")


# ---- measure -------------------------------------------------------------------------------------------------------------

def measure(args):
    scen = [json.loads(l) for l in open(os.path.join(args.out, "scenarios.jsonl"))]
    feed = "".join(json.dumps({"i": i, "text": s["text"]}) + "\n" for i, s in enumerate(scen) if s["text"].strip())
    r = subprocess.run(["java", "-jar", args.jar, "redact", "--jsonl"], input=feed.encode(), capture_output=True)
    if r.returncode != 0:
        sys.exit("redact failed: " + r.stderr.decode()[-2000:])
    redacted = {o["i"]: o["text"] for o in (json.loads(l) for l in r.stdout.decode().splitlines() if l.strip())}
    stats = {p: collections_counter() for p in ("tune", "heldout")}
    shows = []
    for i, s in enumerate(scen):
        st = stats[s["part"]]
        before, after = s["text"], redacted.get(i, s["text"])
        st["scenarios"] += 1
        st["programs"].add(s["program"])
        planted = [p for p in dict.fromkeys(s["planted"]) if p in before]
        st["dropped"] += len(set(s["planted"])) - len(planted)
        leaked = [p for p in planted if p in after]
        keeps = [k for k in dict.fromkeys(s["keeps"]) if k in before]
        st["keeps_dropped"] += len(set(s["keeps"])) - len(keeps)
        lost = [k for k in keeps if after.count(k) < before.count(k)]
        st["planted"] += len(planted)
        st["leaked"] += len(leaked)
        st["keeps"] += len(keeps)
        st["kept"] += len(keeps) - len(lost)
        if args.show and s["part"] == "tune" and (leaked or lost):
            shows.append((s, before, after, leaked, lost))
    for p in ("tune", "heldout"):
        st = stats[p]
        share = st["kept"] / st["keeps"] if st["keeps"] else 1.0
        print(f"[realtools] {p}: {st['scenarios']} scenarios of {len(st['programs'])} programs, "
              f"{st['planted']} secrets planted and printed ({st['dropped']} never printed), {st['leaked']} leaked; "
              f"{st['keeps']} must-keep strings ({st['keeps_dropped']} never printed), {st['kept']} kept ({share:.4f})")
    for s, before, after, leaked, lost in shows:
        print(f"\n== {s['program']}: {s['name']}")
        for line in after.split("\n"):
            if any(p in line for p in leaked):
                print("  LEAK  " + mask(line.strip()[:300], leaked))
        b_lines = before.split("\n")
        a_lines = after.split("\n")
        for k in lost:
            if len(b_lines) == len(a_lines):
                for b, a in zip(b_lines, a_lines):
                    if a.count(k) < b.count(k):
                        print(f"  LOST {k!r}: {b.strip()[:240]}\n        -> {a.strip()[:240]}")
            else:
                print(f"  LOST {k!r} (line count changed)")


def mask(line, values):
    """The leaked value marked, so a reader sees where it stood."""
    for v in values:
        line = line.replace(v, "<<" + v + ">>")
    return line


def collections_counter():
    return dict(scenarios=0, programs=set(), planted=0, dropped=0, leaked=0, keeps=0, keeps_dropped=0, kept=0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["gather", "measure"])
    ap.add_argument("--out", default="/tmp/realtools")
    ap.add_argument("--jar", default="target/healdesk.jar")
    ap.add_argument("--show", action="store_true", help="print the tune part's leaks and losses (never held-out)")
    args = ap.parse_args()
    gather(args) if args.cmd == "gather" else measure(args)


if __name__ == "__main__":
    main()

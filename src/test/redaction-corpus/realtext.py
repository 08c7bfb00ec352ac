#!/usr/bin/env python3
"""Real public text through the redactor: what it TAKES from text that holds (almost) no secrets.

Nothing here was written by this project: man pages (man1, man5, man8), Debian changelogs, README/NEWS files under
/usr/share/doc, and the logs of tools run here (Maven -X, a temporary PostgreSQL cluster at debug1, redis-server
--loglevel verbose, headless Chromium with --v=1). One JSON object per document: {src, pkg, part, text}.

The split is fixed before anything is looked at: a document is held out when the SHA-1 of its source PACKAGE (dpkg
-S) or TOOL name is 0 mod 3, so every page of a package falls on the same side. For held-out documents this script
prints counts only, never a finding.

    python3 src/test/redaction-corpus/realtext.py gather [--out /tmp/realtext] [--man1 N]   # writes docs.jsonl
    python3 src/test/redaction-corpus/realtext.py measure [--out /tmp/realtext] [--jar target/healdesk.jar] [--show]

`measure` runs `java -jar JAR redact --jsonl` over the documents and prints, per part, MB of text, documents, and
findings per kind (EMAIL apart: real personal data, right to take). `--show` prints the tune part's findings (the
taken value in its line, with the document's source), grouped by distinct value; held-out findings are never shown.
"""
import argparse
import collections
import gzip
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

MAX_DOC = 200_000  # characters of one document; the rest of a long changelog adds little but time
TAG = re.compile(r"\[REDACTED_([A-Z_]+)\]")


def part_of(pkg):
    return "heldout" if int(hashlib.sha1(pkg.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def owners(paths):
    """Path -> Debian package (dpkg -S), in chunks; a path dpkg does not know keeps its file name."""
    result = {}
    paths = list(paths)
    for i in range(0, len(paths), 400):
        chunk = paths[i:i + 400]
        out = subprocess.run(["dpkg", "-S"] + chunk, capture_output=True, text=True).stdout
        for line in out.splitlines():
            if ": " not in line:
                continue
            pkgs, path = line.split(": ", 1)
            result[path] = pkgs.split(",")[0].split(":")[0].strip()
    return result


def render_man(path):
    try:
        man = subprocess.run(["man", "-l", path], capture_output=True, timeout=60,
                             env=dict(os.environ, MANWIDTH="100", MAN_KEEP_FORMATTING="0"))
        col = subprocess.run(["col", "-b"], input=man.stdout, capture_output=True, timeout=60)
        return col.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return ""


def read_text(path):
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            data = f.read(MAX_DOC * 2)
    except OSError:
        return ""
    if b"\0" in data[:4096]:
        return ""
    return data.decode("utf-8", "replace")


def man_pages(section, limit):
    d = f"/usr/share/man/{section}"
    if not os.path.isdir(d):
        return []
    names = sorted(n for n in os.listdir(d) if not os.path.islink(os.path.join(d, n)))
    if limit and len(names) > limit:
        # an even spread over the sorted names, not the first N (which would be one corner of the alphabet)
        step = len(names) / limit
        names = [names[int(i * step)] for i in range(limit)]
    return [os.path.join(d, n) for n in names]


def doc_files():
    changelogs, readmes = [], []
    for pkg in sorted(os.listdir("/usr/share/doc")):
        d = os.path.join("/usr/share/doc", pkg)
        if not os.path.isdir(d) or os.path.islink(d):
            continue
        for root, _, files in os.walk(d):
            for n in sorted(files):
                p = os.path.join(root, n)
                if os.path.islink(p):
                    continue
                low = n.lower()
                if low.startswith("changelog") and low.endswith(".gz") and root == d:
                    changelogs.append((pkg, p))
                elif re.match(r"(readme|news)(\.(md|txt|rst|gz|md\.gz|txt\.gz|debian|debian\.gz))?$", low):
                    readmes.append((pkg, p))
    return changelogs, readmes


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def run_capture(cmd, timeout, **kw):
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=timeout, **kw)
        return (r.stdout + r.stderr).decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return ((e.stdout or b"") + (e.stderr or b"")).decode("utf-8", "replace")
    except FileNotFoundError:
        return ""


def tool_logs(tmp):
    """Logs of real tools run here, each a document named by its tool."""
    docs = []
    # Maven -X, offline, on a one-class project
    proj = os.path.join(tmp, "mvn")
    os.makedirs(os.path.join(proj, "src/main/java/demo"))
    with open(os.path.join(proj, "pom.xml"), "w") as f:
        f.write("""<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>demo</groupId><artifactId>demo</artifactId><version>1.0</version>
<properties><maven.compiler.release>17</maven.compiler.release>
<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties></project>
""")
    with open(os.path.join(proj, "src/main/java/demo/Hello.java"), "w") as f:
        f.write("package demo; public class Hello { public static void main(String[] a) { } }\n")
    text = run_capture(["mvn", "-X", "-o", "-B", "compile"], 300, cwd=proj)
    docs.append(("maven", "mvn -X -o compile", text))
    # PostgreSQL: a temporary cluster's server log at debug1
    pg = os.path.join(tmp, "pg")
    init = run_capture(["initdb", "-D", pg, "-U", "postgres", "--auth=trust"], 120)
    port = free_port()
    log = os.path.join(tmp, "pg.log")
    run_capture(["pg_ctl", "-D", pg, "-l", log, "-w", "-o",
                 f"-p {port} -k {tmp} -c listen_addresses='' -c log_min_messages=debug1 "
                 "-c log_connections=on -c log_statement=all", "start"], 60)
    run_capture(["psql", "-h", tmp, "-p", str(port), "-U", "postgres", "-c",
                 "create table t(id int); insert into t values (1); select * from t; drop table t;"], 30)
    run_capture(["pg_ctl", "-D", pg, "-w", "stop"], 60)
    text = init + "\n" + (open(log, errors="replace").read() if os.path.exists(log) else "")
    docs.append(("postgresql", "initdb + pg_ctl debug1 server log", text))
    # redis-server --loglevel verbose for a few seconds
    port = free_port()
    p = subprocess.Popen(["redis-server", "--port", str(port), "--loglevel", "verbose", "--save", "",
                          "--dir", tmp], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    time.sleep(2)
    run_capture(["redis-cli", "-p", str(port), "set", "k", "v"], 10)
    run_capture(["redis-cli", "-p", str(port), "get", "k"], 10)
    time.sleep(2)
    p.terminate()
    out, _ = p.communicate(timeout=20)
    docs.append(("redis", "redis-server --loglevel verbose", out.decode("utf-8", "replace")))
    # headless Chromium on a local file, logging to stderr at --v=1
    page = os.path.join(tmp, "page.html")
    with open(page, "w") as f:
        f.write("<html><body><h1>hello</h1><script>console.log('loaded')</script></body></html>\n")
    text = run_capture(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                        "--v=1", f"--user-data-dir={tmp}/chrome", "--dump-dom", "file://" + page], 60)
    docs.append(("chromium", "chromium --headless --v=1", text))
    return docs


def gather(args):
    os.makedirs(args.out, exist_ok=True)
    docs = []  # (pkg, src, text)
    mans = man_pages("man1", args.man1) + man_pages("man5", 0) + man_pages("man8", 0)
    pkg_of = owners(mans)
    with ThreadPoolExecutor(max_workers=4) as ex:
        texts = list(ex.map(render_man, mans))
    for path, text in zip(mans, texts):
        docs.append((pkg_of.get(path, "man:" + os.path.basename(path)), path, text))
    changelogs, readmes = doc_files()
    for pkg, path in changelogs + readmes:
        docs.append((pkg, path, read_text(path)))
    tmp = tempfile.mkdtemp(prefix="realtext-")
    try:
        for tool, src, text in tool_logs(tmp):
            docs.append((tool, src, text))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    n = 0
    with open(os.path.join(args.out, "docs.jsonl"), "w") as f:
        for pkg, src, text in docs:
            text = text[:MAX_DOC].strip()
            if not text:
                continue
            f.write(json.dumps({"src": src, "pkg": pkg, "part": part_of(pkg), "text": text}) + "\n")
            n += 1
    print(f"{n} documents in {args.out}/docs.jsonl")


def taken_values(before, after):
    """(kind, value, original line) for each tag in the redacted text, lined up line by line with the original."""
    found = []
    b_lines, a_lines = before.split("\n"), after.split("\n")
    same = len(b_lines) == len(a_lines)
    for i, a in enumerate(a_lines):
        kinds = TAG.findall(a)
        if not kinds:
            continue
        b = b_lines[i] if same else None
        values = None
        if b is not None:
            # TAG.split yields text, kind, text, kind...: rebuild as text (.+?) text
            pieces = TAG.split(a)
            pattern = "".join(re.escape(p) if k % 2 == 0 else "(.+?)" for k, p in enumerate(pieces))
            m = re.fullmatch(pattern, b, re.S)
            values = m.groups() if m else None
        for j, kind in enumerate(kinds):
            found.append((kind, values[j] if values else "?", b if b is not None else a))
    return found


def measure(args):
    docs = [json.loads(l) for l in open(os.path.join(args.out, "docs.jsonl"))]
    feed = "".join(json.dumps({"i": i, "text": d["text"]}) + "\n" for i, d in enumerate(docs))
    r = subprocess.run(["java", "-jar", args.jar, "redact", "--jsonl"], input=feed.encode(), capture_output=True)
    if r.returncode != 0:
        sys.exit("redact failed: " + r.stderr.decode()[-2000:])
    out = [json.loads(l) for l in r.stdout.decode().splitlines() if l.strip()]
    redacted = {o["i"]: o["text"] for o in out}
    stats = {p: dict(chars=0, docs=0, pkgs=set(), kinds=collections.Counter(), hit_docs=0) for p in ("tune", "heldout")}
    shown = collections.defaultdict(list)
    for i, d in enumerate(docs):
        s = stats[d["part"]]
        s["chars"] += len(d["text"].encode())
        s["docs"] += 1
        s["pkgs"].add(d["pkg"])
        after = redacted.get(i, d["text"])
        kinds = collections.Counter(TAG.findall(after)) - collections.Counter(TAG.findall(d["text"]))
        s["kinds"].update(kinds)
        if any(k != "EMAIL" for k in kinds):
            s["hit_docs"] += 1
        if args.show and d["part"] == "tune" and kinds:
            for kind, value, line in taken_values(d["text"], after):
                if kind != "EMAIL" or args.emails:
                    shown[(kind, value)].append((os.path.basename(d["src"]), line.strip()))
    for p in ("tune", "heldout"):
        s = stats[p]
        other = sum(v for k, v in s["kinds"].items() if k != "EMAIL")
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(s["kinds"].items(), key=lambda kv: (-kv[1], kv[0]))
                          if k != "EMAIL")
        print(f"[realtext] {p}: {s['chars'] / 1e6:.1f} MB, {s['docs']} documents of {len(s['pkgs'])} packages/tools; "
              f"EMAIL {s['kinds']['EMAIL']}; other findings {other} in {s['hit_docs']} documents: {kinds}")
    if args.show:
        for (kind, value), where in sorted(shown.items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0][1])):
            print(f"\n{kind} x{len(where)} {value!r}")
            for src, line in where[:args.lines]:
                print(f"    {src}: {line[:220]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["gather", "measure"])
    ap.add_argument("--out", default="/tmp/realtext")
    ap.add_argument("--jar", default="target/healdesk.jar")
    ap.add_argument("--man1", type=int, default=2000, help="man1 pages, an even spread over the sorted names")
    ap.add_argument("--show", action="store_true", help="print the tune part's findings (never the held-out part's)")
    ap.add_argument("--emails", action="store_true", help="with --show, print EMAIL findings too")
    ap.add_argument("--lines", type=int, default=3, help="with --show, lines shown per distinct value")
    args = ap.parse_args()
    gather(args) if args.cmd == "gather" else measure(args)


if __name__ == "__main__":
    main()

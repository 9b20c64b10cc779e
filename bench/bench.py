#!/usr/bin/env python3
"""Switchboard's benchmarks, side by side with this machine's own limits (see bench/README.md).

B1 inbound routing, against pgbench running the same statements; B2 live fan-out; B3 the inbox;
B4 start-up. Standard library only: it must run wherever the JDK and PostgreSQL do.
"""
import argparse
import asyncio
import base64
import collections
import datetime
import hashlib
import hmac
import http.client
import http.server
import json
import os
import platform
import random
import re
import resource
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port(preferred):
    """The preferred port when nothing holds it, or else any port free now: a port something else
    happens to hold on the machine (CI's, a developer's) must not fail the run."""
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
                return probe.getsockname()[1]
            except OSError:
                continue
    raise RuntimeError("no free port")


PG_PORT = free_port(55432)
APP_PORT = free_port(18080)
STANDIN_PORT = free_port(18090)  # the Twilio stand-in (TwilioStandIn)
PUBLIC_URL = "https://bench.switchboard.example"
OUR_NUMBER = "+15145550000"
PASSWORD = "bench-password-1"
SIGNING_TOKEN = "0123456789abcdef0123456789abcdef"
ACCOUNT_SID = "AC" + "0" * 32

MODES = {
    # users, away users, customers, messages; concurrencies and seconds per B1 round; B2 subscribers and
    # toggles; seconds per B3 round; whether B4 runs
    "full": dict(users=200, away=40, customers=100_000, messages=1_000_000, concurrency=[8, 32, 64],
                 b1_seconds=20, subscribers=[1000, 5000], toggles=20, b3_seconds=15, startup=True, warmup=15, warmup_max=240),
    "quick": dict(users=200, away=40, customers=10_000, messages=100_000, concurrency=[8, 32, 64],
                  b1_seconds=4, subscribers=[200, 1000], toggles=6, b3_seconds=3, startup=True, warmup=6, warmup_max=60),
    "smoke": dict(users=20, away=4, customers=500, messages=2_000, concurrency=[8], b1_seconds=2,
                  subscribers=[20], toggles=2, b3_seconds=1, startup=False, warmup=1, warmup_max=1),
}


# B3 as the full run committed before the pages were reworked measured it (p50 ms, p99 ms, SQL
# statements per request), kept so that every RESULTS.md shows the new figures beside the old.
B3_BEFORE_RUN = "full run of 2026-11-26"
B3_BEFORE = {
    "Inbox page, first page": (139.3, 1186.8, 13),
    "Inbox page, page 50": (130.5, 224.8, 13),
    "API, first page (25)": (8.9, 24.8, 4),
    "API, page 50 (25)": (22.6, 69.2, 4),
    "API, first page (100)": (8.8, 27.1, 4),
}


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1)))))
    return ordered[k]


class CpuMeter:
    """This process's CPU use over a span: how busy the load generator itself was."""

    def __enter__(self):
        self.wall = time.monotonic()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.cpu = usage.ru_utime + usage.ru_stime
        return self

    def __exit__(self, *exc):
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.seconds = time.monotonic() - self.wall
        self.cores = (usage.ru_utime + usage.ru_stime - self.cpu) / max(self.seconds, 1e-9)


def run_concurrently(work, concurrency):
    """Runs `work` on that many threads until each returns; measures the generator's CPU meanwhile."""
    with CpuMeter() as cpu:
        threads = [threading.Thread(target=work) for _ in range(concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return cpu


# ---------------------------------------------------------------- PostgreSQL, outside the application

class Postgres:
    def __init__(self, pg_bin):
        self.pg_bin = pg_bin
        self.dir = tempfile.mkdtemp(prefix="switchboard-bench-")
        self.data = os.path.join(self.dir, "data")
        self.as_postgres = os.geteuid() == 0  # initdb refuses to run as root

    def _run(self, args, **kw):
        if self.as_postgres:
            args = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(map(shlex.quote, args))]
        return subprocess.run(args, check=True, capture_output=True, text=True, **kw)

    def start(self):
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run([f"{self.pg_bin}/initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"])
        options = (f"-p {PG_PORT} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=300 "
                   "-c shared_buffers=512MB -c shared_preload_libraries=pg_stat_statements "
                   "-c pg_stat_statements.track=all")
        self._run([f"{self.pg_bin}/pg_ctl", "-D", self.data, "-o", options, "-l", os.path.join(self.dir, "log"),
                   "-w", "start"])
        self.psql("create database switchboard", db="postgres")
        self.psql("create extension pg_stat_statements")
        self.version = self.psql("show server_version").strip()

    def psql(self, sql, db="switchboard"):
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", db, "-v",
                              "ON_ERROR_STOP=1", "-qAtX", "-c", sql], capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"psql failed: {out.stderr.strip()}")
        return out.stdout

    def stop(self):
        try:
            self._run([f"{self.pg_bin}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


# ---------------------------------------------------------------- the Twilio stand-in

def phone(value):
    """A number from a form or a query, where a "+" may have arrived as a space."""
    return value.replace(" ", "+") if value else value


class TwilioStandIn:
    """Twilio's Messages and IncomingPhoneNumbers resources, as much of them as Switchboard uses.

    Modes: "ok" takes every text (201); "down" answers 503 to the Messages resource and keeps
    nothing; "slow" keeps the text first, then takes `slow` seconds to answer, as Twilio does when
    it is slow: a client that dies meanwhile leaves the text taken all the same."""

    def __init__(self, port):
        self.lock = threading.Lock()
        self.mode, self.slow = "ok", 5
        self.texts = []                          # every text taken, oldest first
        self.taken = collections.Counter()       # body -> times taken (sent)
        self.tries = collections.Counter()       # body -> sends asked for, taken or not
        self.lookups = 0                         # Messages list requests
        standin = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                match = re.fullmatch(r"/2010-04-01/Accounts/([^/]+)/Messages\.json", urllib.parse.urlsplit(self.path).path)
                if not match:
                    return self.answer(404, {"code": 20404, "message": "Not found", "status": 404})
                form = urllib.parse.parse_qs(raw, keep_blank_values=True)
                field = lambda name: form.get(name, [""])[0]  # noqa: E731
                standin.post(self, match.group(1), phone(field("To")), phone(field("From")), field("Body"))

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                # '+' may come unencoded: phone numbers have no spaces, so a space was a '+'.
                query = {k: phone(v[0]) for k, v in urllib.parse.parse_qs(url.query, keep_blank_values=True).items()}
                messages = re.fullmatch(r"/2010-04-01/Accounts/([^/]+)/Messages\.json", url.path)
                numbers = re.fullmatch(r"/2010-04-01/Accounts/([^/]+)/IncomingPhoneNumbers\.json", url.path)
                if messages:
                    standin.list(self, messages.group(1), query.get("To"), query.get("From"), url.path)
                elif numbers:
                    number = query.get("PhoneNumber", "")
                    self.answer(200, {"incoming_phone_numbers": [{"sid": "PN" + uuid.uuid4().hex,
                                                                  "account_sid": numbers.group(1),
                                                                  "phone_number": number}] if number else [],
                                      "next_page_uri": None, "page": 0, "page_size": 1, "uri": url.path})
                else:
                    self.answer(404, {"code": 20404, "message": "Not found", "status": 404})

            def answer(self, status, body):
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    # The client is gone (killed while waiting): what was taken stays taken.
                    self.close_connection = True

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

            def handle_error(self, request, client_address):
                pass

        self.server = Server(("127.0.0.1", port), Handler)

    def start(self):
        self.serving = True
        threading.Thread(target=self.server.serve_forever, name="twilio-stand-in", daemon=True).start()

    def stop(self):
        # shutdown() waits for serve_forever() to end: it would wait forever if it never began.
        if getattr(self, "serving", False):
            self.server.shutdown()
        self.server.server_close()

    def set_mode(self, mode, slow=None):
        with self.lock:
            self.mode = mode
            if slow is not None:
                self.slow = slow
        log(f"Twilio stand-in: {mode}" + (f" ({self.slow} s per send)" if mode == "slow" else ""))

    def post(self, handler, account_sid, to, from_, body):
        with self.lock:
            mode, slow = self.mode, self.slow
            self.tries[body] += 1
            if mode != "down":
                message = dict(sid="SM" + uuid.uuid4().hex, account_sid=account_sid, to=to, body=body,
                               status="queued", direction="outbound-api",
                               date_created=time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime()))
                message["from"] = from_
                self.texts.append(message)
                self.taken[body] += 1
        if mode == "down":
            return handler.answer(503, {"code": 20503, "message": "Service Unavailable", "status": 503})
        if mode == "slow":
            time.sleep(slow)
        handler.answer(201, {k: message[k] for k in ("sid", "account_sid", "status", "to", "from", "body",
                                                       "date_created")})

    def list(self, handler, account_sid, to, from_, path):
        with self.lock:
            down = self.mode == "down"
            self.lookups += 1
            found = [m for m in reversed(self.texts) if (to is None or m["to"] == to) and
                     (from_ is None or m["from"] == from_)][:50]
        if down:
            return handler.answer(503, {"code": 20503, "message": "Service Unavailable", "status": 503})
        handler.answer(200, {"messages": found, "next_page_uri": None, "page": 0, "page_size": 50,
                             "first_page_uri": path + "?PageSize=50&Page=0", "previous_page_uri": None,
                             "start": 0, "end": max(0, len(found) - 1), "uri": path + "?PageSize=50&Page=0"})

    def counts(self, bodies):
        with self.lock:
            return {b: self.taken[b] for b in bodies}, {b: self.tries[b] for b in bodies}


# ---------------------------------------------------------------- the application

class App:
    def __init__(self, jar, env_extra, args=(), port=APP_PORT):
        self.jar, self.env_extra, self.args, self.port = jar, env_extra, list(args), port
        self.process = None

    def start(self, timeout=120):
        env = dict(os.environ, **self.env_extra)
        self.log = open(os.path.join(tempfile.gettempdir(), f"switchboard-bench-{self.port}.log"), "w")
        launched = time.monotonic()
        jvm = ["-Xmx1g"]
        if os.environ.get("BENCH_JFR") and self.port == APP_PORT:
            # For finding out where the time goes: bench/README.md, "Profiling".
            # Deep stacks: a page's frames (filters, MVC, Thymeleaf) are far more than JFR's default 64.
            jvm += ["-XX:FlightRecorderOptions:stackdepth=512",
                    f"-XX:StartFlightRecording=filename={os.environ['BENCH_JFR']},settings=profile"]
        self.process = subprocess.Popen(["java", *jvm, "-jar", self.jar, f"--server.port={self.port}", *self.args],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        while time.monotonic() - launched < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"Switchboard exited; see {self.log.name}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/login")
                if conn.getresponse().status == 200:
                    return time.monotonic() - launched
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("Switchboard did not start in time")

    def compile_seconds(self):
        """The JIT's compile time so far (jstat), or None without jstat."""
        jstat = shutil.which("jstat")
        if not jstat:
            return None
        out = subprocess.run([jstat, "-compiler", str(self.process.pid)], capture_output=True, text=True).stdout
        lines = out.strip().splitlines()
        return float(lines[-1].split()[3]) if len(lines) == 2 else None

    def rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def connect(port=APP_PORT):
    """A keep-alive connection with Nagle's algorithm off: http.client writes the headers and the
    body separately, and with Nagle on, the body would wait for the server's delayed ACK (40 ms)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.connect()
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def request(method, path, token=None, body=None, headers=None, port=APP_PORT):
    conn = connect(port)
    all_headers = {"Accept": "application/json", **(headers or {})}
    if token:
        all_headers["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = json.dumps(body)
        all_headers["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=all_headers)
    response = conn.getresponse()
    text = response.read().decode()
    if response.status >= 400:
        raise RuntimeError(f"{method} {path}: {response.status} {text}")
    return json.loads(text) if text else None


# ---------------------------------------------------------------- the dataset

def load_dataset(pg, mode):
    log(f"Loading {mode['customers']:,} customers and {mode['messages']:,} messages")
    started = time.monotonic()
    signup = request("POST", "/api/v1/signup", body={"accountName": "Bench Motors Group", "name": "Admin Bench",
                                                      "email": "admin@bench.example", "password": PASSWORD,
                                                      "timeZone": "America/Toronto"})
    account, admin, token = signup["account"]["id"], signup["user"]["id"], signup["token"]
    per_conversation = max(1, mode["messages"] // mode["customers"])
    pg.psql(f"""
        insert into app_user (id, account_id, name, email, password_hash, role, time_zone, locale, created_at)
        select gen_random_uuid(), '{account}', 'Agent ' || g, 'agent' || g || '@bench.example',
               (select password_hash from app_user where id = '{admin}'), 'AGENT', 'America/Toronto',
               case when g % 3 = 0 then 'fr' else 'en' end, now()
        from generate_series(1, {mode['users'] - 1}) g;
        create temporary table ranked as
            select id, row_number() over (order by email) as n from app_user where account_id = '{account}'
            and role = 'AGENT';
        -- The first {mode['away']} agents are away; most delegate to an agent who is not, every fifth to
        -- another away agent (R5 then keeps conversations where they are).
        insert into away_period (id, account_id, user_id, delegate_id, start_at, return_on, started_by, updated_at, updated_by,
                                 start_announced_at)
        select gen_random_uuid(), '{account}', a.id, d.id, now() - interval '1 day', current_date + 14, a.id, now(), a.id,
               now() - interval '1 day'
        from ranked a join ranked d on d.n = case when a.n % 5 = 0 then (a.n % {mode['away']}) + 1
                                                   else a.n + {mode['away']} end
        where a.n <= {mode['away']};
        insert into customer (id, account_id, name, phone, created_at)
        select gen_random_uuid(), '{account}', 'Customer ' || g, '+1' || (2000000000 + g)::text, now()
        from generate_series(1, {mode['customers']}) g;
        -- Half the conversations belong to away agents, so that the away rules run on half the texts.
        insert into conversation (id, account_id, customer_id, status, assignee_id, last_activity_at,
                                  last_message_preview, last_message_kind, created_at)
        select gen_random_uuid(), '{account}', c.id, case when c.n % 10 = 0 then 'CLOSED' else 'OPEN' end,
               (select id from ranked r where r.n = case when c.n % 2 = 0 then 1 + c.n % {mode['away']}
                                                      else {mode['away']} + 1 + c.n % ({mode['users'] - 1 - mode['away']}) end),
               now() - (c.n || ' minutes')::interval, 'Message ' || {per_conversation}, 'INBOUND', now()
        from (select id, row_number() over (order by phone) as n from customer where account_id = '{account}') c;
        insert into message (id, account_id, conversation_id, kind, body, author_id, delivery_status, created_at)
        select gen_random_uuid(), '{account}', c.id, case when g % 2 = 1 then 'INBOUND' else 'OUTBOUND' end,
               'Message ' || g, case when g % 2 = 1 then null else c.assignee_id end,
               case when g % 2 = 1 then null else 'DELIVERED' end, c.last_activity_at - ((10 - g) || ' minutes')::interval
        from conversation c cross join generate_series(1, {per_conversation}) g where c.account_id = '{account}';
        analyze;
    """)
    # The tables as autovacuum leaves them in a running system, which it has not had the time to
    # do here: the visibility map set (a page far down a list is then read from the index alone)
    # and the kept counts (migration V10), moved a row at a time by the bulk insert, compacted.
    pg.psql("vacuum analyze")
    request("PUT", "/api/v1/account/sms", token, {"provider": "TWILIO", "accountSid": ACCOUNT_SID,
                                                   "authToken": SIGNING_TOKEN, "phoneNumbers": [OUR_NUMBER]})
    # Eight agents who are not away: B3's eight users, each in a browser (a session) of their own.
    agents = pg.psql(f"select email from app_user where account_id = '{account}' and role = 'AGENT' "
                     f"and id not in (select user_id from away_period where ended_at is null) order by email limit 8").split()
    agent = agents[0]
    away_user = pg.psql(f"select user_id from away_period where account_id = '{account}' and ended_at is null "
                        f"limit 1").strip()
    log(f"Dataset loaded in {time.monotonic() - started:.1f} s")
    return dict(account=account, admin=admin, token=token, agent=agent, agents=agents, away_user=away_user,
                load_seconds=time.monotonic() - started)


# ---------------------------------------------------------------- B1: inbound texts

def sign(url, fields):
    data = url + "".join(k + fields[k] for k in sorted(fields))
    return base64.b64encode(hmac.new(SIGNING_TOKEN.encode(), data.encode(), hashlib.sha1).digest()).decode()


def warm_up(app, mode, run):
    """Runs `run(seconds)` until the JIT has compiled what that traffic needs.

    On 2 cores the JIT spends about a core for the first two minutes of a page's traffic, and a
    round measured before it is done measures the compiler. A server runs for days: the numbers
    are of the warmed-up server. At least `warmup` seconds; done when a 5 s round added under
    0.2 s of compile time; at most `warmup_max` seconds."""
    started = time.monotonic()
    run(mode["warmup"])
    compiled = app.compile_seconds()
    while compiled is not None and time.monotonic() - started < mode["warmup_max"]:
        run(5)
        now = app.compile_seconds()
        if now is None or now - compiled < 0.2:
            break
        compiled = now
    return time.monotonic() - started


def b1_inbound(pg, mode, concurrency, seconds):
    path = "/webhooks/twilio/sms"
    latencies, errors, sent = [], [], [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    stored_before = int(pg.psql("select count(*) from inbound_receipt"))

    def sender():
        conn = connect()
        mine = []
        while time.monotonic() < stop_at:
            fields = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": ACCOUNT_SID, "To": OUR_NUMBER,
                      "From": "+1" + str(2000000000 + random.randint(1, mode["customers"])),
                      "Body": "Is my car ready?", "NumMedia": "0"}
            body = urllib.parse.urlencode(fields)
            headers = {"Content-Type": "application/x-www-form-urlencoded",
                       "X-Twilio-Signature": sign(PUBLIC_URL + path, fields)}
            began = time.monotonic()
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError as e:
                status = str(e)
                conn = connect()
            mine.append(time.monotonic() - began)
            with lock:
                if status == 200:
                    sent[0] += 1
                else:
                    errors.append(status)
        with lock:
            latencies.extend(mine)

    cpu = run_concurrently(sender, concurrency)
    stored = int(pg.psql("select count(*) from inbound_receipt")) - stored_before
    return dict(concurrency=concurrency, rate=sent[0] / cpu.seconds, p50=percentile(latencies, 50) * 1000,
                p99=percentile(latencies, 99) * 1000, errors=len(errors), lost=sent[0] - stored, accepted=sent[0],
                generator_cores=cpu.cores)


INBOUND_STATEMENTS_SQL = """
    select calls, round(mean_exec_time::numeric, 3), regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements
    where dbid = (select oid from pg_database where datname = 'switchboard') and calls >= {floor}
    and query !~* 'pg_stat_statements' order by calls desc, query
"""


def capture_inbound_statements(pg, messages):
    """The statements that ran about once (or more) per inbound text during a B1 round."""
    rows = pg.psql(INBOUND_STATEMENTS_SQL.format(floor=int(messages * 0.9)))
    return [line.split("|", 2) for line in rows.strip().splitlines() if line]


def pgbench_ceiling(pg, mode, concurrency, seconds):
    script = os.path.join(ROOT, "bench", "inbound.sql")
    out = subprocess.run(["pgbench", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-n", "-M", "prepared",
                          "-c", str(concurrency), "-j", str(min(concurrency, 4)), "-T", str(seconds),
                          "-D", f"customers={mode['customers']}", "-f", script, "switchboard"],
                         check=True, capture_output=True, text=True)
    tps = float(re.search(r"tps = ([0-9.]+)", out.stdout).group(1))
    latency = re.search(r"latency average = ([0-9.]+) ms", out.stdout)
    return dict(tps=tps, latency=float(latency.group(1)) if latency else float("nan"))


# ---------------------------------------------------------------- B2: live fan-out

async def b2_fanout(app, data, subscribers, toggles):
    token = data["token"]
    received = {}  # toggle number -> list of arrival times
    ready = []
    stopping = asyncio.Event()

    async def subscriber(index):
        reader, writer = await asyncio.open_connection("127.0.0.1", APP_PORT, limit=1 << 20)
        writer.write((f"GET /api/v1/stream HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {token}\r\n"
                      "Accept: text/event-stream\r\n\r\n").encode())
        await writer.drain()
        buffer = b""
        while b":switchboard" not in buffer:
            buffer += await reader.read(4096)
        ready.append(index)
        seen = 0
        while not stopping.is_set():
            try:
                chunk = await asyncio.wait_for(reader.read(65536), 1)
            except asyncio.TimeoutError:
                continue
            if not chunk:
                break
            now = time.monotonic()
            for _ in range(chunk.count(b"event:away")):
                received.setdefault(seen, []).append(now)
                seen += 1
        writer.close()

    tasks = []
    for i in range(subscribers):
        tasks.append(asyncio.create_task(subscriber(i)))
        if i % 250 == 249:
            await asyncio.sleep(0.05)
    deadline = time.monotonic() + 60
    while len(ready) < subscribers and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    rss_connected = app.rss_mib()
    loop = asyncio.get_running_loop()
    everyone, each = [], []
    with CpuMeter() as cpu:
        for n in range(toggles):
            sent = time.monotonic()
            await loop.run_in_executor(None, lambda: request("PUT", f"/api/v1/users/{data['away_user']}/away", token,
                                                             {"away": n % 2 == 1}))
            while len(received.get(n, [])) < len(ready) and time.monotonic() - sent < 10:
                await asyncio.sleep(0.005)
            arrivals = received.get(n, [])
            each.extend(t - sent for t in arrivals)
            everyone.append((max(arrivals) - sent) if len(arrivals) == len(ready) else float("inf"))
            await asyncio.sleep(0.2)
    rss = max(rss_connected, app.rss_mib())
    stopping.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return dict(subscribers=len(ready), p50=percentile(everyone, 50) * 1000, p99=percentile(everyone, 99) * 1000,
                each_p50=percentile(each, 50) * 1000, each_p99=percentile(each, 99) * 1000, rss=rss,
                missed=sum(1 for t in everyone if t == float("inf")), generator_cores=cpu.cores)


# ---------------------------------------------------------------- B3: the inbox

def log_in(email):
    conn = http.client.HTTPConnection("127.0.0.1", APP_PORT, timeout=30)
    conn.request("GET", "/login")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    conn.request("POST", "/login", body=urllib.parse.urlencode({"email": email, "password": PASSWORD, "_csrf": csrf}),
                 headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    response = conn.getresponse()
    response.read()
    return response.getheader("Set-Cookie").split(";")[0]


def statements_so_far(pg):
    return int(pg.psql("select coalesce(sum(calls), 0) from pg_stat_statements "
                       "where query !~* 'pg_stat_statements|pg_advisory|shedlock|away_period p'").strip() or 0)


def b3_inbox(pg, name, path, headers, seconds, concurrency=8):
    """Each of `concurrency` users asks for `path` again and again; `headers` is theirs (a list: one each)."""
    latencies, failures = [], []
    lock = threading.Lock()
    pg.psql("select pg_stat_statements_reset()")
    stop_at = time.monotonic() + seconds
    users = iter(headers if isinstance(headers, list) else [headers] * concurrency)

    def user():
        with lock:
            mine_headers = next(users)
        conn = connect()
        mine = []
        while time.monotonic() < stop_at:
            began = time.monotonic()
            conn.request("GET", path, headers=mine_headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.monotonic() - began)
            if response.status != 200:
                failures.append(response.status)
        with lock:
            latencies.extend(mine)

    cpu = run_concurrently(user, concurrency)
    statements = statements_so_far(pg)
    return dict(name=name, requests=len(latencies), p50=percentile(latencies, 50) * 1000,
                p99=percentile(latencies, 99) * 1000, per_request=statements / max(1, len(latencies)),
                failures=len(failures), generator_cores=cpu.cores)


# ---------------------------------------------------------------- B4: start-up of the embedded default

def b4_startup(jar):
    data_dir = tempfile.mkdtemp(prefix="switchboard-bench-embedded-")
    try:
        results = {}
        for run in ("cold", "warm"):
            app = App(jar, {}, args=[f"--switchboard.data-dir={data_dir}"], port=APP_PORT + 1)
            results[run] = app.start(timeout=180)
            app.stop()
        return results
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


# ---------------------------------------------------------------- the run

def machine():
    cores = os.cpu_count()
    with open("/proc/meminfo") as meminfo:
        memory = int(meminfo.readline().split()[1]) / 1024 / 1024
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return dict(cores=cores, memory=f"{memory:.1f} GiB", jdk=java, os=platform.platform())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True)
    parser.add_argument("--pg-bin", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    mode_name = "smoke" if args.smoke else "quick" if args.quick else "full"
    mode = MODES[mode_name]
    out = os.path.join(ROOT, "target", "bench-RESULTS.md") if args.smoke else os.path.join(ROOT, "bench", "RESULTS.md")
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(65536, resource.getrlimit(resource.RLIMIT_NOFILE)[1]),) * 2)

    pg = Postgres(args.pg_bin)
    app = None
    standin = None
    report = dict(mode=mode_name, machine=machine(), started=datetime.datetime.now(datetime.timezone.utc))
    try:
        log(f"Starting PostgreSQL in {pg.dir}")
        pg.start()
        report["postgres"] = pg.version
        # Saving the Twilio settings asks Twilio whether the account owns its number: the stand-in says so.
        standin = TwilioStandIn(STANDIN_PORT)
        standin.start()
        app = App(args.jar, {
            "SWITCHBOARD_TWILIO_API_URL": f"http://127.0.0.1:{STANDIN_PORT}",
            "SPRING_DATASOURCE_URL": f"jdbc:postgresql://127.0.0.1:{PG_PORT}/switchboard",
            "SPRING_DATASOURCE_USERNAME": "postgres",
            "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE": "40",
            "SWITCHBOARD_PUBLIC_URL": PUBLIC_URL,
            "SWITCHBOARD_SECRET_KEY": base64.b64encode(os.urandom(32)).decode(),
            "LOGGING_LEVEL_ROOT": "WARN",
            "SPRINGDOC_API_DOCS_ENABLED": "false",
        })
        log("Starting Switchboard against it")
        app.start()
        data = load_dataset(pg, mode)
        report["dataset"] = data
        report["connections"] = pg.psql("select count(*) from pg_stat_activity where datname = 'switchboard' "
                                        "and backend_type = 'client backend'").strip()
        log(f"Switchboard holds {report['connections']} database connections")

        # The JIT compiles the hot paths first: the numbers are of the warmed-up server, as in production.
        warmed = warm_up(app, mode, lambda seconds: b1_inbound(pg, mode, 8, seconds))
        log(f"Warmed up on inbound texts for {warmed:.0f} s")
        b1 = []
        for concurrency in mode["concurrency"]:
            pg.psql("select pg_stat_statements_reset()")
            result = b1_inbound(pg, mode, concurrency, mode["b1_seconds"])
            if concurrency == mode["concurrency"][0]:
                report["statements"] = capture_inbound_statements(pg, result["accepted"])
            result["ceiling"] = pgbench_ceiling(pg, mode, concurrency, mode["b1_seconds"])
            result["ratio"] = result["rate"] / result["ceiling"]["tps"]
            log(f"B1 x{concurrency}: {result['rate']:.0f} msg/s, p99 {result['p99']:.0f} ms, "
                f"ceiling {result['ceiling']['tps']:.0f}/s, ratio {result['ratio']:.2f}")
            b1.append(result)
        report["b1"] = b1

        b2 = []
        for subscribers in mode["subscribers"]:
            result = asyncio.run(b2_fanout(app, data, subscribers, mode["toggles"]))
            log(f"B2 {result['subscribers']} subscribers: p99 {result['p99']:.0f} ms, RSS {result['rss']:.0f} MiB")
            b2.append(result)
        report["b2"] = b2

        # Eight agents, each logged in in a browser of their own: eight sessions, as in a real team.
        page_headers = [{"Cookie": log_in(agent)} for agent in data["agents"]]
        api_headers = {"Authorization": "Bearer " + data["token"], "Accept": "application/json"}
        conversation = pg.psql("select id from conversation where account_id = '" + data["account"]
                               + "' and status = 'OPEN' order by last_activity_at desc limit 1").strip()
        # What htmx asks for when a conversation is clicked in the list: that part of the page only.
        open_headers = [dict(h, **{"HX-Request": "true", "HX-Target": "conversation"}) for h in page_headers]
        def measured(name, path, headers):
            warmed = warm_up(app, mode, lambda seconds: b3_inbox(pg, "warm-up", path, headers, seconds))
            log(f"Warmed up on {path} for {warmed:.0f} s")
            return b3_inbox(pg, name, path, headers, mode["b3_seconds"])

        b3 = [
            measured("Inbox page, first page", "/?assignee=all", page_headers),
            measured("Inbox page, page 50", "/?assignee=all&page=50", page_headers),
            measured("Opening a conversation (its fragment)", "/conversations/" + conversation + "?assignee=all",
                     open_headers),
            measured("Live list refresh (its fragment)", "/inbox/list?assignee=all", page_headers),
            measured("API, first page (25)", "/api/v1/conversations?status=open", api_headers),
            measured("API, page 50 (25)", "/api/v1/conversations?status=open&page=50", api_headers),
            measured("API, first page (100)", "/api/v1/conversations?status=open&size=100", api_headers),
        ]
        for result in b3:
            log(f"B3 {result['name']}: p99 {result['p99']:.1f} ms, {result['per_request']:.1f} statements")
        report["b3"] = b3
        # The statement ConversationRepository.list runs for the inbox's "All" filter, at page 50.
        account = data["account"]
        report["explain"] = pg.psql(
            "explain (analyze, buffers, costs off) with page as (select c.id from conversation c "
            f"where c.account_id = '{account}' and c.status = 'OPEN' "
            "order by c.last_activity_at desc, c.id desc limit 25 offset 1225) "
            "select c.*, cu.name, cu.phone from conversation c join customer cu on cu.account_id = c.account_id "
            f"and cu.id = c.customer_id where c.account_id = '{account}' and c.id in (select id from page) "
            "order by c.last_activity_at desc, c.id desc")
    finally:
        if app:
            app.stop()
        if standin:
            standin.stop()
        pg.stop()

    if mode["startup"]:
        log("B4: start-up of the embedded default, cold and warm")
        report["b4"] = b4_startup(args.jar)
    write(report, out)
    log(f"Results written to {out}")


def write(report, path):
    r, m = report, report["machine"]
    lines = [f"# Switchboard benchmark results ({r['mode']} run)", "",
             f"Run on {r['started']:%Y-%m-%d %H:%M} UTC by `bench/run{'' if r['mode'] == 'full' else ' --' + r['mode']}`.",
             "", "| Machine | |", "|---|---|",
             f"| Cores | {m['cores']} |", f"| Memory | {m['memory']} |", f"| JDK | {m['jdk']} |",
             f"| PostgreSQL | {r.get('postgres', '?')} |", f"| OS | {m['os']} |",
             f"| Dataset | 1 account, {MODES[r['mode']]['users']} users ({MODES[r['mode']]['away']} away), "
             f"{MODES[r['mode']]['customers']:,} customers and conversations, {MODES[r['mode']]['messages']:,} messages; "
             f"loaded in {r['dataset']['load_seconds']:.0f} s |", "",
             "## B1 Inbound: signed Twilio webhooks, half of them for away users' customers", "",
             "| Senders | Messages/s | p50 ms | p99 ms | Errors | Lost | pgbench ceiling tx/s | Ratio | Generator CPU (cores) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for b in r["b1"]:
        lines.append(f"| {b['concurrency']} | {b['rate']:.0f} | {b['p50']:.1f} | {b['p99']:.1f} | {b['errors']} | "
                     f"{b['lost']} | {b['ceiling']['tps']:.0f} | {b['ratio']:.2f} | {b['generator_cores']:.2f} |")
    lines += ["", "Statements that ran once or more per inbound text (pg_stat_statements, first round):", "",
              "| Calls | Mean ms in PostgreSQL | Statement |", "|---:|---:|---|"]
    for calls, mean, query in r["statements"]:
        lines.append(f"| {calls} | {mean} | `{query[:300].replace('|', '¦')}` |")
    lines += ["", "## B2 Live fan-out: one user's away status changes, every subscriber must hear it", "",
              "| Subscribers | Until all have it: p50 ms | p99 ms | Each subscriber: p50 ms | p99 ms | Missed | Server RSS MiB | Generator CPU (cores) |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for b in r["b2"]:
        lines.append(f"| {b['subscribers']} | {b['p50']:.0f} | {b['p99']:.0f} | {b['each_p50']:.0f} | "
                     f"{b['each_p99']:.0f} | {b['missed']} | {b['rss']:.0f} | {b['generator_cores']:.2f} |")
    lines += ["", "## B3 The inbox, for an agent of the big account, 8 concurrent users", "",
              "| Request | Requests | p50 ms | p99 ms | SQL statements per request | Failures | Generator CPU (cores) "
              f"| Before: p50 / p99 ms, statements ({B3_BEFORE_RUN}) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for b in r["b3"]:
        before = B3_BEFORE.get(b["name"])
        before = f"{before[0]:.1f} / {before[1]:.1f}, {before[2]}" if before else "not measured"
        lines.append(f"| {b['name']} | {b['requests']} | {b['p50']:.1f} | {b['p99']:.1f} | {b['per_request']:.1f} | "
                     f"{b['failures']} | {b['generator_cores']:.2f} | {before} |")
    lines += ["", "Plan of the list query at page 50:", "", "```", r["explain"].strip(), "```"]
    if "b4" in r:
        lines += ["", "## B4 Start-up of the embedded default (`java -jar`, embedded PostgreSQL, demo data)", "",
                  "| Start | Launch to serving, s |", "|---|---:|",
                  f"| Cold (empty data folder: unpacks PostgreSQL, initdb, migrations, demo data) | {r['b4']['cold']:.1f} |",
                  f"| Warm (same folder again) | {r['b4']['warm']:.1f} |"]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Switchboard's fault trials: two nodes, one PostgreSQL, a Twilio stand-in, and things going wrong.

Each trial injects a fault (a node killed with SIGKILL, PostgreSQL restarted, a provider outage,
a sender killed mid-send, webhooks delivered many times at once, a rolling restart) and counts
what became of the texts: inbound texts accepted, stored, lost or stored twice; replies sent, or
sent twice. It exits non-zero when any text is lost or duplicated, any reply is sent twice or
never settles, so that CI fails on a regression. Standard library only, like bench.py, whose
PostgreSQL, application and signing helpers it uses. Run it with bench/faults (see FAULTS.md).
"""
import argparse
import base64
import collections
import datetime
import http.client
import http.server
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
from bench import ACCOUNT_SID, OUR_NUMBER, PASSWORD, PUBLIC_URL, SIGNING_TOKEN, App, Postgres, TwilioStandIn, machine, sign  # noqa: E402

ROOT = bench.ROOT
PG_PORT = bench.free_port(55442)   # not bench.py's 55432: both can run on one machine
NODE_PORTS = (bench.free_port(18181), bench.free_port(18182))  # node A, node B
STANDIN_PORT = bench.free_port(18190)  # the Twilio stand-in
bench.PG_PORT = PG_PORT          # bench.Postgres (start, psql) reads its port from there

WEBHOOK = "/webhooks/twilio/sms"
DASH = "–"

MODES = {
    # customers texting in; trial 1 rate and seconds; trial 2 rate, seconds and how long PostgreSQL stays
    # down; replies in trial 3; replies in trial 4 (all in flight at once: at most switchboard.sms.senders,
    # 8); texts and copies in trial 5; trial 6 reply pace (per second) and its conversations
    "full": dict(customers=300, t1_rate=30, t1_seconds=150, t2_rate=20, t2_seconds=60, t2_down=5,
                 t3_replies=20, t4_replies=8, t5_texts=50, t5_copies=20, t6_rate=2.0, t6_conversations=10),
    "short": dict(customers=100, t1_rate=20, t1_seconds=15, t2_rate=10, t2_seconds=15, t2_down=3,
                  t3_replies=10, t4_replies=8, t5_texts=50, t5_copies=20, t6_rate=2.0, t6_conversations=5),
}
SLOW_SECONDS = 5          # trial 4: how long the stand-in takes to answer a send
ROLLING_SLOW_SECONDS = 2  # trial 6
# The generator behaves like Twilio: a delivery that fails is tried again on the other node after
# these waits (so 6 attempts in about 15 s), then given up.
RETRY_WAITS = (0.5, 1, 2, 4, 8)
WEBHOOK_TIMEOUT = 15

CLOSING = threading.Event()   # set when the run ends (or is interrupted): nothing is started any more
BACKGROUND = []               # threads that may start processes: joined before the run ends


def log(message):
    print(f"[faults {time.strftime('%H:%M:%S')}] {message}", flush=True)


def background(target, *args, name=None):
    thread = threading.Thread(target=target, args=args, name=name, daemon=True)
    BACKGROUND.append(thread)
    thread.start()
    return thread


# ---------------------------------------------------------------- PostgreSQL and the nodes

class SharedPostgres(Postgres):
    """bench.py's PostgreSQL, which the trials also stop and start again."""

    def stop_server(self):
        self._run([f"{self.pg_bin}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"])

    def start_server(self):
        # restart on a stopped server starts it with the options it ran with (postmaster.opts)
        self._run([f"{self.pg_bin}/pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"), "-w", "restart"])


class Node(App):
    """One Switchboard process; each start keeps the previous start's log beside it (.1, .2, ...)."""

    def __init__(self, name, jar, env, args, port):
        super().__init__(jar, env, args, port)
        self.name, self.starts = name, 0

    @property
    def log_path(self):
        return os.path.join(tempfile.gettempdir(), f"switchboard-bench-{self.port}.log")

    def up(self):
        return self.process is not None and self.process.poll() is None

    def start(self, timeout=240):
        if CLOSING.is_set():
            raise RuntimeError("the run is ending")
        if self.starts and os.path.exists(self.log_path):
            os.replace(self.log_path, f"{self.log_path}.{self.starts}")
        self.starts += 1
        try:
            seconds = super().start(timeout)
        except BaseException:
            self.kill()
            raise
        finally:
            if CLOSING.is_set():
                self.kill()
        log(f"Node {self.name} serving on port {self.port} ({seconds:.1f} s to start)")
        return seconds

    def kill(self):
        """SIGKILL: no shutdown hook runs, nothing in progress is finished."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if getattr(self, "log", None) and not self.log.closed:
            self.log.close()

    def stop(self):
        if self.process:
            super().stop()


# ---------------------------------------------------------------- HTTP

def http_call(port, method, path, body=None, headers=None, timeout=30):
    """(status, text): the status, or the name of the error when there was no answer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode(errors="replace")
    except socket.timeout:
        return "timeout", ""
    except (OSError, http.client.HTTPException) as e:
        return type(e).__name__, ""
    finally:
        conn.close()


def text_fields(sid, customer, body):
    return {"MessageSid": sid, "AccountSid": ACCOUNT_SID, "To": OUR_NUMBER, "From": customer, "Body": body,
            "NumMedia": "0"}


def post_text(port, fields, timeout=WEBHOOK_TIMEOUT):
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Twilio-Signature": sign(PUBLIC_URL + WEBHOOK, fields)}
    return http_call(port, "POST", WEBHOOK, urllib.parse.urlencode(fields), headers, timeout)[0]


class Api:
    def __init__(self, token):
        self.token = token

    def call(self, port, method, path, body=None):
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        status, text = http_call(port, method, path, body, headers)
        return status, (json.loads(text) if text and isinstance(status, int) and status < 300 else text)


# ---------------------------------------------------------------- the run

class Run:
    def __init__(self, args, mode_name):
        self.args, self.mode_name, self.mode = args, mode_name, MODES[mode_name]
        self.standin = TwilioStandIn(STANDIN_PORT)
        self.pg = SharedPostgres(args.pg_bin)
        # The nodes run a copy of the jar: a build meanwhile rewrites target/*.jar under running JVMs.
        self.workdir = os.path.join(self.pg.dir, "jar")
        os.makedirs(self.workdir)
        jar = shutil.copy(args.jar, self.workdir)
        secret = base64.b64encode(os.urandom(32)).decode()
        env = {
            "SPRING_DATASOURCE_URL": f"jdbc:postgresql://127.0.0.1:{PG_PORT}/switchboard",
            "SPRING_DATASOURCE_USERNAME": "postgres",
            "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE": "20",
            "SWITCHBOARD_PUBLIC_URL": PUBLIC_URL,
            "SWITCHBOARD_SECRET_KEY": secret,
            "LOGGING_LEVEL_ROOT": "WARN",
            "LOGGING_LEVEL_COM_SWITCHBOARD": "INFO",
            "SPRINGDOC_API_DOCS_ENABLED": "false",
        }
        node_args = ["--switchboard.demo-data=false", "--switchboard.simulator=false",
                     f"--switchboard.public-url={PUBLIC_URL}", f"--switchboard.secret-key={secret}",
                     f"--switchboard.twilio.api-url=http://127.0.0.1:{STANDIN_PORT}",
                     "--switchboard.sms.claim-lease=10s", "--switchboard.sms.poll-interval=1s",
                     "--switchboard.sms.retry.first-backoff=200ms", "--switchboard.sms.retry.max-backoff=2s"]
        self.a = Node("A", jar, env, node_args, NODE_PORTS[0])
        self.b = Node("B", jar, env, node_args, NODE_PORTS[1])
        self.rows, self.notes, self.failures = [], [], []

    # -- set-up

    def setup(self):
        log(f"Starting PostgreSQL on port {PG_PORT} in {self.pg.dir}")
        self.pg.start()
        self.standin.start()
        log(f"Twilio stand-in on port {STANDIN_PORT}")
        log("Starting nodes A and B against it (A first: it runs the migrations)")
        self.a.start()
        self.b.start()
        status, signup = Api("").call(self.a.port, "POST", "/api/v1/signup", {
            "accountName": "Fault Motors", "name": "Admin Faults", "email": "admin@faults.example",
            "password": PASSWORD, "timeZone": "America/Toronto"})
        if status != 201 and status != 200:
            raise RuntimeError(f"sign-up: {status} {signup}")
        self.api = Api(signup["token"])
        # As bench.py does: Twilio through the API; the numbers are checked at the stand-in.
        status, body = self.api.call(self.a.port, "PUT", "/api/v1/account/sms", {
            "provider": "TWILIO", "accountSid": ACCOUNT_SID, "authToken": SIGNING_TOKEN, "phoneNumbers": [OUR_NUMBER]})
        if status != 200:
            raise RuntimeError(f"Twilio settings: {status} {body}")
        # The customers of trials 1, 2 and 5 text once first, alternately to each node: they exist
        # before the trials (and both nodes' JIT has seen the webhook).
        self.customers = ["+1" + str(3000000000 + k) for k in range(self.mode["customers"])]
        log(f"{len(self.customers)} customers text in once each")
        failed = []

        def first_text(k):
            fields = text_fields("SM" + uuid.uuid4().hex, self.customers[k], f"Hello {k}")
            if post_text(NODE_PORTS[k % 2], fields) != 200:
                failed.append(k)
        for start in range(0, len(self.customers), 8):
            threads = [threading.Thread(target=first_text, args=(k,))
                       for k in range(start, min(start + 8, len(self.customers)))]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        if failed:
            raise RuntimeError(f"{len(failed)} first texts were refused")

    def conversation_of(self, customer, node_port):
        """The conversation of a customer who texts in now (the reply trials reply to it)."""
        status = post_text(node_port, text_fields("SM" + uuid.uuid4().hex, customer, "Is my car ready?"))
        if status != 200:
            raise RuntimeError(f"text from {customer}: {status}")
        return self.pg.psql("select c.id from conversation c join customer cu on cu.id = c.customer_id "
                            f"where cu.phone = '{customer}'").strip()

    def ensure_both_up(self):
        for node in (self.a, self.b):
            if not node.up():
                log(f"Node {node.name} is not running: starting it")
                node.start()

    # -- results

    def row(self, trial, load, faults, accepted=DASH, stored=DASH, lost=DASH, duplicated=DASH, sent=DASH,
            twice=DASH, errors=DASH, notes=(), failed=()):
        self.rows.append([trial, load, faults, accepted, stored, lost, duplicated, sent, twice, errors])
        self.notes.append((trial, list(notes)))
        for reason in failed:
            self.failures.append(f"{trial}: {reason}")
        log(f"{trial}: " + " | ".join(str(c) for c in self.rows[-1][3:]))
        for note in notes:
            log(f"  {note}")
        for reason in failed:
            log(f"  FAILED: {reason}")

    # -- inbound trials

    def inbound_trial(self, trial, tag, rate, seconds, fault, fault_text):
        load = InboundLoad(tag, self.customers)
        total = int(rate * seconds)
        log(f"{trial}: {total:,} signed texts at {rate}/s for {seconds} s over both nodes; {fault_text} midway")
        timeline = {}
        load.run(rate, total, lambda: fault(timeline))
        self.ensure_both_up()
        probes = {node.name: probe(node.port) for node in (self.a, self.b)}
        result = load.count(self.pg)
        notes = load.describe(result, timeline)
        notes.append("afterwards each node took a new text: " + ", ".join(
            f"{name} {'yes' if ok else 'NO'}" for name, ok in probes.items()))
        failed = self.inbound_failures(result)
        failed += [f"node {name} did not take a text after the fault" for name, ok in probes.items() if not ok]
        self.row(trial, f"{total:,} texts, {rate}/s for {seconds} s", fault_text,
                 accepted=f"{result['accepted']:,} of {total:,}", stored=f"{result['stored']:,}",
                 lost=result["lost"], duplicated=result["duplicated"], errors=len(load.server_errors),
                 notes=notes, failed=failed)

    @staticmethod
    def inbound_failures(result):
        failed = []
        if result["lost"]:
            failed.append(f"{result['lost']} accepted texts were not stored")
        if result["duplicated"]:
            failed.append(f"{result['duplicated']} texts were stored more than once")
        return failed

    def trial_kill(self):
        def fault(timeline):
            log("Killing node A (SIGKILL)")
            timeline["fault"] = time.monotonic()
            self.a.kill()
            log("Starting node A again")
            self.a.start()
            timeline["recovered"] = time.monotonic()
        self.inbound_trial("1. kill -9 under inbound load", "T1", self.mode["t1_rate"], self.mode["t1_seconds"],
                           lambda timeline: background(fault, timeline, name="kill-a"),
                           "kill -9 of node A, restarted at once")

    def trial_postgres(self):
        down = self.mode["t2_down"]

        def fault(timeline):
            log(f"Stopping PostgreSQL (fast) for {down} s")
            timeline["fault"] = time.monotonic()
            self.pg.stop_server()
            time.sleep(down)
            self.pg.start_server()
            timeline["recovered"] = time.monotonic()
            log("PostgreSQL is back")
        self.inbound_trial("2. PostgreSQL restart under inbound load", "T2", self.mode["t2_rate"],
                           self.mode["t2_seconds"], lambda timeline: background(fault, timeline, name="pg-restart"),
                           f"PostgreSQL stopped (fast) for {down} s, then started")

    def trial_duplicates(self):
        texts, copies = self.mode["t5_texts"], self.mode["t5_copies"]
        log(f"5. {texts} texts, each delivered {copies} times at once over both nodes")
        statuses = collections.defaultdict(list)
        lock = threading.Lock()
        bodies = []
        for i in range(texts):
            body = f"Fault T5 text {i:05d}"
            bodies.append(body)
            fields = text_fields("SM" + uuid.uuid4().hex, random.choice(self.customers), body)
            barrier = threading.Barrier(copies)

            def copy(k, fields=fields, body=body, barrier=barrier):
                barrier.wait()
                status = post_text(NODE_PORTS[k % 2], fields)
                with lock:
                    statuses[body].append(status)
            threads = [threading.Thread(target=copy, args=(k,)) for k in range(copies)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        stored = stored_counts(self.pg, "Fault T5 text %")
        accepted = [b for b in bodies if 200 in statuses[b]]
        answered = sum(1 for b in bodies for s in statuses[b] if s == 200)
        errors = sum(1 for b in bodies for s in statuses[b] if isinstance(s, int) and s >= 500)
        other = collections.Counter(s for b in bodies for s in statuses[b] if s != 200)
        result = dict(accepted=len(accepted), stored=len(stored), lost=sum(1 for b in accepted if b not in stored),
                      duplicated=sum(c - 1 for c in stored.values() if c > 1))
        notes = [f"{answered:,} of {texts * copies:,} deliveries answered 200"]
        if other:
            notes.append("other answers: " + ", ".join(f"{k}: {v}" for k, v in other.most_common()))
        self.row("5. Duplicate webhooks", f"{texts} texts × {copies} simultaneous copies", "none (Twilio delivering again)",
                 accepted=f"{result['accepted']} of {texts}", stored=result["stored"], lost=result["lost"],
                 duplicated=result["duplicated"], errors=errors, notes=notes, failed=self.inbound_failures(result))

    # -- reply trials

    def send_replies(self, port, conversation, bodies, server_errors):
        """Posts each reply through that node's API; their ids."""
        ids = {}
        for body in bodies:
            status, answer = self.api.call(port, "POST", f"/api/v1/conversations/{conversation}/messages",
                                           {"body": body})
            if isinstance(status, int) and status >= 500:
                server_errors.append(status)
            if status != 201:
                raise RuntimeError(f"reply through node on {port}: {status} {answer}")
            ids[answer["id"]] = body
        return ids

    def delivery_statuses(self, ids):
        """Each reply's deliveryStatus, as the API of a node that is up shows it."""
        conversations = set(c for c, _ in ids.values())
        found = {}
        for node in (self.b, self.a):
            if not node.up():
                continue
            try:
                for conversation in conversations:
                    status, messages = self.api.call(node.port, "GET", f"/api/v1/conversations/{conversation}/messages")
                    if status != 200:
                        raise RuntimeError(f"{status}")
                    found.update({m["id"]: m["deliveryStatus"] for m in messages if m["id"] in ids})
                return found
            except (RuntimeError, TypeError):
                continue
        return found

    def wait_settled(self, ids, timeout, until=lambda s: s != "QUEUED"):
        deadline = time.monotonic() + timeout
        while True:
            statuses = self.delivery_statuses(ids)
            pending = [i for i in ids if not until(statuses.get(i, "QUEUED"))]
            if not pending or time.monotonic() > deadline:
                return statuses, pending
            time.sleep(0.5)

    def reply_row(self, trial, load, faults, bodies, statuses, pending, server_errors, notes, settle_word="settled"):
        taken, tries = self.standin.counts(bodies)
        sent = sum(1 for b in bodies if taken[b] >= 1)
        twice = sum(1 for b in bodies if taken[b] >= 2)
        shown = collections.Counter(statuses.get(i, "?") for i in statuses)
        notes = list(notes) + ["delivery statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(shown.items()))]
        if twice:
            notes.append("sent more than once: " + "; ".join(f"'{b}' ×{taken[b]}" for b in bodies if taken[b] >= 2))
        failed = []
        if twice:
            failed.append(f"{twice} replies were sent more than once")
        if pending:
            failed.append(f"{len(pending)} replies never {settle_word}")
            notes.append(f"{len(pending)} never {settle_word}")
        sent_cell = f"{sent} of {len(bodies)}" + (f" ({len(pending)} never {settle_word})" if pending else "")
        self.row(trial, load, faults, sent=sent_cell, twice=twice, errors=len(server_errors), notes=notes,
                 failed=failed)

    def trial_outage(self):
        n = self.mode["t3_replies"]
        conversation = self.conversation_of("+14385550103", self.a.port)
        log("3. Only node A runs; stopping node B")
        self.b.stop()
        with self.standin.lock:
            lookups_before = self.standin.lookups
        self.standin.set_mode("down")
        bodies = [f"Fault T3 reply {i:03d}" for i in range(n)]
        errors = []
        ids = {i: (conversation, b) for i, b in self.send_replies(self.a.port, conversation, bodies, errors).items()}
        log(f"{n} replies posted through node A; waiting until each was tried")
        deadline = time.monotonic() + 60
        while min(self.standin.counts(bodies)[1].values()) < 1:
            if time.monotonic() > deadline:
                raise RuntimeError("the replies were not all tried within 60 s")
            time.sleep(0.2)
        log("Each reply was tried once and refused (503); starting node B during the outage")
        self.b.start()
        time.sleep(2)
        with self.standin.lock:
            lookups_down = self.standin.lookups - lookups_before
        self.standin.set_mode("ok")
        back = time.monotonic()
        statuses, pending = self.wait_settled(ids, 90)
        settled_after = time.monotonic() - back
        with self.standin.lock:
            lookups_up = self.standin.lookups - lookups_before - lookups_down
        notes = [f"look-ups (Messages list requests, answered 503) during the outage: {lookups_down}, "
                 f"after it: {lookups_up}"]
        if not pending:
            notes.append(f"all settled {settled_after:.1f} s after the stand-in came back")
        self.reply_row("3. Another node starting during a provider outage", f"{n} replies through A",
                       "stand-in down (503); node B started; stand-in back", bodies, statuses, pending, errors, notes)

    def trial_mid_send(self):
        n = self.mode["t4_replies"]
        conversation = self.conversation_of("+14385550104", self.b.port)
        self.standin.set_mode("slow", SLOW_SECONDS)
        with self.standin.lock:
            lookups_before = self.standin.lookups
        bodies = [f"Fault T4 reply {i:03d}" for i in range(n)]
        errors = []
        log(f"4. {n} replies through node A while the stand-in takes {SLOW_SECONDS} s per send")
        ids = {i: (conversation, b) for i, b in self.send_replies(self.a.port, conversation, bodies, errors).items()}
        deadline = time.monotonic() + 30
        while min(self.standin.counts(bodies)[0].values()) < 1:
            if time.monotonic() > deadline:
                raise RuntimeError("the stand-in did not receive every reply within 30 s")
            time.sleep(0.05)
        log("The stand-in has them all and A is waiting for the answers: killing node A (SIGKILL)")
        killed = time.monotonic()
        self.a.kill()
        statuses, pending = self.wait_settled(ids, 90, until=lambda s: s == "ACCEPTED")
        settled_after = time.monotonic() - killed
        with self.standin.lock:
            lookups = self.standin.lookups - lookups_before
        self.standin.set_mode("ok")
        log("Starting node A again")
        self.a.start()
        notes = [f"all ACCEPTED {settled_after:.1f} s after the kill" if not pending else
                 f"after {settled_after:.0f} s some were still not ACCEPTED",
                 f"look-ups at the stand-in after the kill: {lookups}"]
        self.reply_row("4. kill -9 of a sender mid-send", f"{n} replies through A, stand-in {SLOW_SECONDS} s slow",
                       "kill -9 of node A with every send in flight; B takes over after the 10 s lease",
                       bodies, statuses, pending, errors, notes, settle_word="became ACCEPTED")

    def trial_rolling(self):
        rate, count = self.mode["t6_rate"], self.mode["t6_conversations"]
        conversations = [self.conversation_of(f"+1438555{200 + k:04d}", NODE_PORTS[k % 2]) for k in range(count)]
        self.standin.set_mode("slow", ROLLING_SLOW_SECONDS)
        serving = set(NODE_PORTS)   # the nodes replies are posted to (under `lock`)
        stop = threading.Event()
        ids, bodies, errors, failures = {}, [], [], collections.Counter()
        lock = threading.Lock()

        def replies():
            i = 0
            began = time.monotonic()
            while not stop.is_set():
                time.sleep(max(0.0, began + i / rate - time.monotonic()))
                conversation = conversations[i % count]
                body = f"Fault T6 reply {i:04d}"
                i += 1
                for attempt in range(5):
                    with lock:
                        ports = sorted(serving)
                    port = ports[attempt % len(ports)]
                    status, answer = self.api.call(port, "POST", f"/api/v1/conversations/{conversation}/messages",
                                                   {"body": body})
                    if status == 201:
                        with lock:
                            ids[answer["id"]] = (conversation, body)
                            bodies.append(body)
                        break
                    with lock:
                        failures[str(status)] += 1
                        if isinstance(status, int) and status >= 500:
                            errors.append(status)
                    time.sleep(1)
                    # Stored after all, its answer lost? Then it is not posted again.
                    existing = self.pg.psql(f"select id from message where body = '{body}'").strip()
                    if existing:
                        with lock:
                            ids[existing] = (conversation, body)
                            bodies.append(body)
                        break
        log(f"6. Replies at {rate}/s over {count} conversations while the nodes restart one after the other "
            f"(stand-in {ROLLING_SLOW_SECONDS} s per send)")
        generator = background(replies, name="replies")
        timings = []
        try:
            time.sleep(3)
            for node in (self.a, self.b):
                with lock:
                    serving.discard(node.port)
                began = time.monotonic()
                log(f"Stopping node {node.name} (SIGTERM)")
                node.stop()
                stopped = time.monotonic() - began
                node.start()
                with lock:
                    serving.add(node.port)
                timings.append(f"{node.name} stopped in {stopped:.1f} s")
                time.sleep(3)
        finally:
            stop.set()
            generator.join(60)
        with lock:
            ids_now, bodies_now = dict(ids), list(bodies)
        statuses, pending = self.wait_settled(ids_now, 90)
        self.standin.set_mode("ok")
        notes = ["; ".join(timings)]
        if failures:
            notes.append("reply posts that failed and were tried again: "
                         + ", ".join(f"{k}: {v}" for k, v in failures.most_common()))
        self.reply_row("6. Graceful rolling restart", f"{len(bodies_now)} replies, {rate}/s, stand-in "
                       f"{ROLLING_SLOW_SECONDS} s slow", "SIGTERM A, start A, SIGTERM B, start B",
                       bodies_now, statuses, pending, errors, notes)

    # -- all of it

    def trial(self, name, function):
        try:
            self.ensure_both_up()
            self.standin.set_mode("ok")
            function()
        except KeyboardInterrupt:
            raise
        except Exception as e:  # noqa: BLE001 - a broken trial is reported, the others still run
            traceback.print_exc()
            self.row(name, DASH, DASH, notes=[f"the trial could not run: {e}"], failed=[f"error: {e}"])

    def run(self):
        started = time.monotonic()
        self.report = dict(machine=machine(), started=datetime.datetime.now(datetime.timezone.utc))
        self.setup()
        self.report["postgres"] = self.pg.version
        self.trial("1. kill -9 under inbound load", self.trial_kill)
        self.trial("2. PostgreSQL restart under inbound load", self.trial_postgres)
        self.trial("3. Another node starting during a provider outage", self.trial_outage)
        self.trial("4. kill -9 of a sender mid-send", self.trial_mid_send)
        self.trial("5. Duplicate webhooks", self.trial_duplicates)
        self.trial("6. Graceful rolling restart", self.trial_rolling)
        self.report["seconds"] = time.monotonic() - started

    def close(self):
        CLOSING.set()
        # Everything started is stopped, even when Ctrl-C is pressed again meanwhile.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for step in (self.a.stop, self.b.stop):
            try:
                step()
            except Exception as e:  # noqa: BLE001
                log(f"while stopping: {e}")
        for thread in BACKGROUND:
            thread.join(300)
        for step in (self.a.kill, self.b.kill, self.standin.stop, self.pg.stop):
            try:
                step()
            except Exception as e:  # noqa: BLE001
                log(f"while stopping: {e}")
        shutil.rmtree(self.workdir, ignore_errors=True)


# ---------------------------------------------------------------- inbound load

class InboundLoad:
    """Signed texts at a steady rate, half first to each node, delivered as Twilio does: a delivery
    that fails (no connection, 5xx, no answer in 15 s) is tried again on the other node after a
    moment, up to 6 attempts."""

    def __init__(self, tag, customers):
        self.tag, self.customers = tag, customers
        self.lock = threading.Lock()
        self.accepted, self.gave_up, self.refused = set(), [], []
        self.server_errors, self.no_answer = [], []   # (monotonic time, port, status)
        self.attempts = 0

    def body(self, i):
        return f"Fault {self.tag} text {i:05d}"

    def deliver(self, i, first):
        fields = text_fields("SM" + uuid.uuid4().hex, random.choice(self.customers), self.body(i))
        ports = (first, NODE_PORTS[1] if first == NODE_PORTS[0] else NODE_PORTS[0])
        for attempt in range(len(RETRY_WAITS) + 1):
            port = ports[attempt % 2]
            status = post_text(port, fields)
            now = time.monotonic()
            with self.lock:
                self.attempts += 1
                if status == 200:
                    self.accepted.add(fields["Body"])
                    return
                if isinstance(status, int) and status < 500:
                    self.refused.append((now, port, status))
                    return
                (self.server_errors if isinstance(status, int) else self.no_answer).append((now, port, status))
            if attempt < len(RETRY_WAITS) and not CLOSING.is_set():
                time.sleep(RETRY_WAITS[attempt])
        with self.lock:
            self.gave_up.append(fields["Body"])

    def run(self, rate, total, at_half):
        threads = []
        began = time.monotonic()
        for i in range(total):
            if i == total // 2:
                at_half()
            time.sleep(max(0.0, began + i / rate - time.monotonic()))
            thread = threading.Thread(target=self.deliver, args=(i, NODE_PORTS[i % 2]), daemon=True)
            thread.start()
            threads.append(thread)
        self.began, self.ended = began, time.monotonic()
        for thread in threads:
            thread.join()
        for thread in list(BACKGROUND):
            if thread.name in ("kill-a", "pg-restart"):
                thread.join()

    def count(self, pg):
        stored = stored_counts(pg, f"Fault {self.tag} text %")
        return dict(accepted=len(self.accepted), stored=len(stored),
                    lost=sum(1 for b in self.accepted if b not in stored),
                    duplicated=sum(c - 1 for c in stored.values() if c > 1),
                    stored_not_accepted=sum(1 for b in stored if b not in self.accepted))

    def describe(self, result, timeline):
        fault = timeline.get("fault", self.began)
        notes = [f"{self.attempts:,} deliveries in all (with the retries)"]
        for name, events in (("5xx", self.server_errors), ("no answer (connection refused or reset, timeout)",
                                                           self.no_answer)):
            if events:
                kinds = collections.Counter(f"{s} from {'A' if p == NODE_PORTS[0] else 'B'}" for _, p, s in events)
                notes.append(f"{name}: {len(events)} ({', '.join(f'{k} ×{v}' for k, v in kinds.most_common())}), "
                             f"from {min(t for t, _, _ in events) - fault:+.1f} s to {max(t for t, _, _ in events) - fault:+.1f} s "
                             "after the fault")
            else:
                notes.append(f"{name}: none")
        if "recovered" in timeline:
            over = timeline["recovered"] - fault
            notes.append(f"fault over (node restarted or PostgreSQL back) {over:.1f} s after it began")
            late = [t for t, _, _ in self.server_errors if t > timeline["recovered"]]
            if late:
                notes.append(f"{len(late)} of the 5xx came after that, the last {max(late) - timeline['recovered']:.1f} s "
                             "after")
        if self.refused:
            notes.append(f"refused (4xx): {len(self.refused)}")
        if self.gave_up:
            notes.append(f"given up after {len(RETRY_WAITS) + 1} attempts (Twilio would drop them): {len(self.gave_up)}")
        if result["stored_not_accepted"]:
            notes.append(f"stored though never answered 200: {result['stored_not_accepted']}")
        return notes


def stored_counts(pg, pattern):
    rows = pg.psql(f"select body, count(*) from message where kind = 'INBOUND' and body like '{pattern}' group by body")
    return {body: int(count) for body, count in (line.rsplit("|", 1) for line in rows.splitlines() if line)}


def probe(port, within=60):
    """Whether the node takes a new text within that many seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        fields = text_fields("SM" + uuid.uuid4().hex, "+14385550999", "Fault probe")
        if post_text(port, fields) == 200:
            return True
        time.sleep(1)
    return False


# ---------------------------------------------------------------- the report

INTRO = """Each trial runs against two Switchboard nodes (`java -jar`, each on a port of its own) sharing one
PostgreSQL, with Twilio replaced by a stand-in that keeps every text it takes (it counts, per body, how
many times each reply was taken: *Sent* and *Sent twice*). Inbound texts are signed webhooks sent at a
steady rate, half first to each node; like Twilio, a delivery that fails (no connection, 5xx, no answer
in 15 s) is tried again on the other node after a moment, up to 6 times in about 15 s. The nodes run with
a 10 s claim lease, a 1 s poll and short retries, so that the trials are short.

1. **kill -9 under inbound load**: midway, node A is killed with SIGKILL and started again at once.
2. **PostgreSQL restart under inbound load**: midway, PostgreSQL is stopped (fast) for a few seconds and
   started again; the nodes must recover by themselves.
3. **Another node starting during a provider outage**: node A alone; the stand-in answers 503 (to sends
   and look-ups alike); replies are posted and each is tried once; node B starts; the stand-in comes
   back; every reply must settle.
4. **kill -9 of a sender mid-send**: the stand-in takes 5 s to answer; as soon as it has all the replies
   (node A waiting for the answers), A is killed; B takes the lapsed claims after the lease and must look
   each text up at the stand-in, not send it again.
5. **Duplicate webhooks**: each text delivered 20 times at the same moment over both nodes.
6. **Graceful rolling restart**: replies keep being posted (stand-in 2 s per send) while A, then B, is
   stopped with SIGTERM and started again.

*Accepted*: texts a node answered 200; *Stored*: of them in the database; *Lost*: accepted but not
stored; *Duplicated*: stored more than once; *5xx*: answers of 500 or more the generator saw (it tried
again). Any lost or duplicated text, reply sent twice, or reply never settled fails the run (exit
status 1). Run it with `bench/faults` (the full run, written to `bench/FAULTS.md`, about 7 minutes) or
`bench/faults --short` (smaller trials, 3 to 4 minutes, written to `target/FAULTS.md`; CI runs it);
`BENCH_SKIP_BUILD=1` uses the jar already built instead of building it."""


def write(run, path):
    r, m = run.report, run.report["machine"]
    command = "bench/faults" + ("" if run.mode_name == "full" else " --short")
    lines = [f"# Switchboard fault trials ({run.mode_name} run)", "",
             f"Run on {r['started']:%Y-%m-%d %H:%M} UTC by `{command}`, in {r['seconds'] / 60:.1f} minutes.",
             "", "| Machine | |", "|---|---|",
             f"| Cores | {m['cores']} |", f"| Memory | {m['memory']} |", f"| JDK | {m['jdk']} |",
             f"| PostgreSQL | {r.get('postgres', '?')} |", f"| OS | {m['os']} |", "",
             INTRO, "",
             "| Trial | Load | Faults injected | Accepted | Stored | Lost | Duplicated | Sent | Sent twice | 5xx |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in run.rows]
    lines += ["", "## What happened in each trial", ""]
    for trial, notes in run.notes:
        lines.append(f"- **{trial}**: " + ("; ".join(notes) if notes else "nothing to add") + ".")
    lines += ["", "**Result: " + ("failed**: " + "; ".join(run.failures) if run.failures else "passed** "
              "(nothing lost, duplicated or sent twice; every reply settled).")]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jar", required=True)
    parser.add_argument("--pg-bin", required=True)
    parser.add_argument("--short", action="store_true", help="small trials (CI), written to target/FAULTS.md")
    args = parser.parse_args()
    mode_name = "short" if args.short else "full"
    out = os.path.join(ROOT, "target", "FAULTS.md") if args.short else os.path.join(ROOT, "bench", "FAULTS.md")
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(65536, resource.getrlimit(resource.RLIMIT_NOFILE)[1]),) * 2)

    def terminated(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, terminated)

    run = Run(args, mode_name)
    try:
        run.run()
    except KeyboardInterrupt:
        log("Interrupted: stopping everything")
        raise SystemExit(130)
    finally:
        log("Stopping the nodes, the stand-in and PostgreSQL")
        run.close()
    lines = write(run, out)
    print("\n".join(line for line in lines if line.startswith("|") or line.startswith("Run on")), flush=True)
    log(f"Results written to {out}; node logs in {tempfile.gettempdir()}/switchboard-bench-*.log*")
    if run.failures:
        log("FAILED: " + "; ".join(run.failures))
        sys.exit(1)


if __name__ == "__main__":
    main()

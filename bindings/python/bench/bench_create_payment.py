"""Create-payment calls over loopback: through ``payroc_rs`` beside a plain ``httpx``
POST of the same JSON body to the same server. A measurement, not a test: it prints
mean / median / p90 microseconds per call. ``bench/README.md`` says how to run it.

Every side sends the same full request (secure token, standing instructions,
customer, breakdown — the body of the Rust loopback benchmark) to one release
payroc-mock, each over one keep-alive connection, one call at a time. The sides take
turns in blocks of consecutive calls, in ABBA order, so that a slow moment of the
machine lands on all of them. With ``--rust``, the Rust blocking facade is a side
too (``benches/src/bin/blocking-calls.rs``, driven block by block through a pipe),
and each side's figure is also given as a ratio to it: the median of the ratios of
the blocks' medians, with their spread. With ``--c``, the C benchmark
(``bindings/c/bench/bench_create_payment.c --blocks``) is a side the same way.

Beside each side's time per call it prints the CPU time the calling thread used per
call (each side does all of a call's work on that thread), which the machine's other
load moves far less than the time. With ``--pin`` the sides run on the last CPU and
the emulator this script starts on the others, so that every side finds the same
placement (with ``--url``, pin the emulator yourself, as scripts/bench-bindings.sh
does).

Usage: python bench_create_payment.py [--blocks B] [--block N] [--rust PROGRAM]
                                      [--c PROGRAM] [--pin] [--mock PATH | --url BASE_URL]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import httpx

import payroc_rs
from payroc_rs import Payment
from payroc_rs._payroc import NativeClient

REPO = Path(__file__).resolve().parents[3]
API_KEY = "bench-key-0123456789"
TERMINAL = "1234001"
EXPIRY = f"12{(datetime.date.today().year + 3) % 100:02d}"  # never in the past


def release_mock() -> str:
    explicit = os.environ.get("PAYROC_MOCK_BIN")
    if explicit:
        return explicit
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return str(target / "release" / "payroc-mock")


def full_payment_request(order_id: str, token: str) -> Dict[str, Any]:
    """The body of ``payroc_benches::full_payment_request``, in the API's JSON."""
    return {
        "channel": "web",
        "processingTerminalId": TERMINAL,
        "operator": "Jane",
        "order": {
            "orderId": order_id,
            "description": "Large Pepperoni Pizza",
            "amount": 4999,
            "currency": "USD",
            "standingInstructions": {
                "sequence": "subsequent",
                "processingModel": "recurring",
                "referenceDataOfFirstTxn": {"paymentId": "M2MJOG6O2Y", "cardSchemeReferenceId": "ABCDEFGHIJKLMNO"},
            },
            "breakdown": {
                "subtotal": 4500,
                "tip": {"type": "fixedAmount", "amount": 499},
                "items": [{"unitPrice": 4500, "quantity": 1.0, "description": "Large Pepperoni Pizza",
                           "productCode": "PZA-001-LG"}],
            },
        },
        "customer": {
            "firstName": "Sarah",
            "lastName": "Hopper",
            "billingAddress": {"address1": "1 Example Ave.", "city": "Chicago", "state": "Illinois",
                               "country": "US", "postalCode": "60056"},
            "contactMethods": [{"type": "email", "value": "sarah.hopper@example.com"}],
        },
        "paymentMethod": {"type": "secureToken", "token": token},
    }


# The first calls of a block follow calls of another side: not counted.
SETTLE = 3


# A block of calls: the microseconds of each, and the CPU microseconds of the block.
Block = Tuple[List[float], float]


def timed(call: Callable[[int], Any]) -> Callable[[int], Block]:
    """A block of ``n`` calls of ``call`` in this process."""
    def block(n: int) -> Block:
        out = []
        cpu = time.thread_time_ns()
        for i in range(n):
            start = time.perf_counter_ns()
            call(i)
            out.append((time.perf_counter_ns() - start) / 1000)
        return out, (time.thread_time_ns() - cpu) / 1000

    return block


def piped(program: "subprocess.Popen[str]") -> Callable[[int], Block]:
    """A block of ``n`` calls made by ``program``, which reads block sizes on stdin
    and answers with ``cpu=NS`` and each call's nanoseconds on one line."""
    pipe_in, pipe_out = program.stdin, program.stdout
    assert pipe_in is not None and pipe_out is not None

    def block(n: int) -> Block:
        pipe_in.write(f"{n}\n")
        pipe_in.flush()
        cpu, *times = pipe_out.readline().split()
        assert cpu.startswith("cpu="), cpu
        return [int(ns) / 1000 for ns in times], int(cpu[4:]) / 1000

    return block


def summary(name: str, samples: List[float]) -> str:
    s = sorted(samples)
    p90 = s[int(len(s) * 0.9)]
    return (f"{name:<44} mean {statistics.fmean(s):7.1f} µs   median {statistics.median(s):7.1f} µs   "
            f"p90 {p90:7.1f} µs   ({len(s)} calls)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--blocks", type=int, default=20, help="blocks per side")
    ap.add_argument("--block", type=int, default=100, help="calls per block")
    ap.add_argument("--rust", help="the blocking-calls program: the Rust blocking facade as a side")
    ap.add_argument("--c", help="the C benchmark program (run with --blocks): payroc_call as a side")
    ap.add_argument("--pin", action="store_true",
                    help="the sides on the last CPU, the emulator this script starts on the others")
    ap.add_argument("--mock", default=release_mock(), help="the payroc-mock binary (a release build)")
    ap.add_argument("--url", help="a running payroc-mock to use instead (scripts/bench-bindings.sh)")
    args = ap.parse_args()

    mock = None if args.url else subprocess.Popen(
        [args.mock, "--port", "0", "--api-key", API_KEY], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if args.pin:
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) < 2:
            sys.exit("--pin needs two CPUs")
        if mock is not None:
            # Every thread of the emulator (its runtime's workers start with it).
            for tid in os.listdir(f"/proc/{mock.pid}/task"):
                os.sched_setaffinity(int(tid), cpus[:-1])
        os.sched_setaffinity(0, cpus[-1:])  # the programs started below inherit it
    programs: List["subprocess.Popen[str]"] = []
    try:
        if mock is None:
            base = args.url
        else:
            assert mock.stdout is not None
            base = mock.stdout.readline().strip()
        client = payroc_rs.Client(api_key=API_KEY, api_url=base + "/v1", identity_url=base)
        token = client.secure_tokens.create(
            TERMINAL, source={"type": "card", "card_details": {
                "entry_method": "keyed", "keyed_data": {"data_format": "plainText",
                                                        "card_number": "4539858876047062",
                                                        "expiry_date": EXPIRY}}},
        ).token

        http = httpx.Client()
        bearer = http.post(base + "/authorize", headers={"x-api-key": API_KEY}).json()["access_token"]
        url = base + "/v1/payments"
        # Order ids unique across runs against one long-lived emulator.
        counter = iter(range(os.getpid() * 10**6, 10**12))

        def via_payroc_rs(_: int) -> None:
            p = client.payments.create(full_payment_request(f"PY-{next(counter)}", token))
            assert p.payment_id

        def via_httpx(_: int) -> None:
            # What a hand-written integration does: dict in, JSON over the wire, dict out.
            reply = http.post(url, json=full_payment_request(f"HX-{next(counter)}", token),
                              headers={"authorization": f"Bearer {bearer}",
                                       "idempotency-key": str(uuid.uuid4())})
            assert reply.status_code == 201, reply.text
            assert reply.json()["paymentId"]

        # The Rust half alone (the class Client wraps), to see where the time goes.
        native = NativeClient(API_KEY, api_url=base + "/v1", identity_url=base)
        prebuilt = json.dumps(full_payment_request("NATIVE", token)).encode()

        def via_native(_: int) -> None:
            # The same bytes each time (the key, made per call, keeps them distinct
            # payments): no Python work before the call; the reply is read into a
            # Payment natively, as the client's call does.
            assert native.call("payments.create", Payment, None, prebuilt).payment_id

        sides: Dict[str, Callable[[int], Block]] = {}
        for option, name in ((args.rust, "Rust blocking facade (blocking-calls)"),
                             (args.c, "C ABI payroc_call (bench_create_payment.c)")):
            if option:
                command = [option, base] + (["--blocks"] if option is args.c else [])
                programs.append(subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
                sides[name] = piped(programs[-1])
        sides["payroc_rs Client.payments.create"] = timed(via_payroc_rs)
        sides["(native call alone, prebuilt bytes)"] = timed(via_native)
        sides["httpx.Client.post(json=...) + .json()"] = timed(via_httpx)

        for block in sides.values():
            block(200)  # warm-up: connections open, caches filled
        samples: Dict[str, List[float]] = {name: [] for name in sides}
        medians: Dict[str, List[float]] = {name: [] for name in sides}
        cpus_per_call: Dict[str, List[float]] = {name: [] for name in sides}
        names = list(sides)
        for b in range(args.blocks):
            for name in names if b % 2 == 0 else reversed(names):
                got, cpu = sides[name](args.block + SETTLE)
                samples[name].extend(got[SETTLE:])
                medians[name].append(statistics.median(got[SETTLE:]))
                cpus_per_call[name].append(cpu / len(got))

        print(f"python {sys.version.split()[0]}, payroc_rs {payroc_rs.__version__}, httpx {httpx.__version__}; "
              f"mock {args.url or args.mock}; {args.blocks} blocks x {args.block} calls per side; "
              f"{'pinned' if args.pin else 'not pinned'}; load average {os.getloadavg()[0]:.2f}")
        for name, s in samples.items():
            print(f"{summary(name, s)}   CPU {statistics.median(cpus_per_call[name]):6.1f} µs/call")
        if args.rust:
            rust_name = names[0]
            for name in names[1:]:
                ratios = sorted(m / r for m, r in zip(medians[name], medians[rust_name]))
                cpu_ratios = sorted(m / r for m, r in zip(cpus_per_call[name], cpus_per_call[rust_name]))
                print(f"{name:<44} / Rust blocking: {statistics.median(ratios):.3f} "
                      f"(blocks {ratios[0]:.2f}-{ratios[-1]:.2f}); CPU {statistics.median(cpu_ratios):.3f}")
        ratio = statistics.median(samples["payroc_rs Client.payments.create"]) / statistics.median(
            samples["httpx.Client.post(json=...) + .json()"])
        print(f"payroc_rs / httpx (median): {ratio:.2f}")
        http.close()
    finally:
        for program in programs:
            assert program.stdin is not None
            program.stdin.close()
            program.wait()
        if mock is not None:
            assert mock.stdin is not None
            mock.stdin.close()
            mock.kill()
            mock.wait()


if __name__ == "__main__":
    main()

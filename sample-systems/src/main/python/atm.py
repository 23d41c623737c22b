#!/usr/bin/env python3
"""The ATM, in Python (asyncio, standard library only): the same protocol as dev.jig.samples.atm.AtmMain.

Clients send length-prefixed frames (2-byte big-endian length, then UTF-8 JSON):
    {"action":"withdraw","customer":"Jane Doe","amount":50}
and get, always with all three fields:
    {"success":true,"balance":50,"error":null}
For each request the ATM opens a connection to the bank, sends {"customer":"Jane Doe"} and reads
{"balance":100}, all within --bank-timeout-ms.

    python3 atm.py --bank 127.0.0.1:9000 --port 0
    listening on port 41235
"""

import argparse
import asyncio
import json
import os
import signal
import struct
import sys

REQUEST_FIELDS = {"action", "customer", "amount"}
INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1


class BadRequest(Exception):
    """The frame was read but is not a request; the message says why."""


class BankError(Exception):
    """The bank could not tell us a balance; the message is the reply's error text."""


# ---------------------------------------------------------------- frames and JSON

async def read_frame(reader):
    """Returns the payload, None on a clean end between frames; raises IncompleteReadError inside one."""
    try:
        header = await reader.readexactly(2)
    except asyncio.IncompleteReadError as e:
        if not e.partial:
            return None
        raise
    (length,) = struct.unpack(">H", header)
    return await reader.readexactly(length)


def frame(payload):
    if len(payload) > 0xFFFF:
        raise ValueError(f"payload of {len(payload)} bytes does not fit a 2-byte length")
    return struct.pack(">H", len(payload)) + payload


def _reject_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"Duplicate field '{key}'")
        seen[key] = value
    return seen


def _reject_constant(name):
    raise ValueError(f"Non-standard token '{name}'")


def parse_object(payload):
    """Parses a UTF-8 payload holding exactly one JSON object, as strictly as the Java ATM."""
    if not payload.strip():
        raise BadRequest("empty payload, expected a JSON object")
    try:
        value = json.loads(payload.decode("utf-8"), object_pairs_hook=_reject_duplicates,
                           parse_constant=_reject_constant)
    except UnicodeDecodeError as e:
        raise BadRequest(f"invalid JSON: invalid UTF-8: {e.reason}") from e
    except ValueError as e:
        raise BadRequest(f"invalid JSON: {e}") from e
    if not isinstance(value, dict):
        raise BadRequest(f"expected a JSON object, got {json_type(value)} {abbreviate(json.dumps(value))}")
    return value


def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return {list: "array", str: "string", int: "number", float: "number"}.get(type(value), type(value).__name__)


def abbreviate(text):
    return text if len(text) <= 100 else text[:100] + "…"


def is_int64(value):
    return isinstance(value, int) and not isinstance(value, bool) and INT64_MIN <= value <= INT64_MAX


def decode_request(payload):
    """Returns (action, customer, amount); absent fields are None / 0, like the Java ATM."""
    obj = parse_object(payload)
    for name in obj:
        if name not in REQUEST_FIELDS:
            raise BadRequest(f'unknown field "{name}": expected action, customer and amount')
    for name in ("action", "customer"):
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise BadRequest(f'"{name}" must be a string, got {abbreviate(json.dumps(obj[name]))}')
    amount = obj.get("amount")
    if amount is None:
        amount = 0
    elif not is_int64(amount):
        raise BadRequest(f'"amount" must be a whole number that fits 64 bits, got {abbreviate(json.dumps(amount))}')
    return obj.get("action"), obj.get("customer"), amount


def reply(success, balance, error):
    return {"success": success, "balance": balance, "error": error}


def failed(error, balance=0):
    return reply(False, balance, error)


def encode_reply(answer):
    return json.dumps(answer, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# ---------------------------------------------------------------- decisions (the teller)

def problem_with(action, customer, amount):
    """What is wrong with the request, or None if it may go to the bank."""
    if action is None:
        return 'missing action: expected "withdraw" or "deposit"'
    if action not in ("withdraw", "deposit"):
        return f'unknown action "{action}": expected "withdraw" or "deposit"'
    if customer is None or not customer.strip():
        return "missing customer: give the customer's name"
    if amount <= 0:
        return f"amount must be greater than 0, got {amount}"
    return None


async def decide(action, customer, amount, balance_of):
    problem = problem_with(action, customer, amount)
    if problem:
        return failed(problem)
    try:
        balance = await balance_of(customer)
    except BankError as e:
        return failed(str(e))
    if action == "withdraw":
        if amount > balance:
            return failed(f"insufficient funds: balance {balance}, requested {amount}", balance)
        return reply(True, balance - amount, None)
    if balance + amount > INT64_MAX:
        return failed(f"deposit too large: balance {balance}, deposit {amount}", balance)
    return reply(True, balance + amount, None)


# ---------------------------------------------------------------- the bank client

def os_reason(error):
    # asyncio's "Connect call failed (...)" hides the cause; say "Connection refused" like the Java ATM.
    return os.strerror(error.errno) if error.errno else (str(error) or type(error).__name__)


class BankClient:
    """One connection per query; the whole exchange (connect, send, answer) shares one deadline."""

    def __init__(self, host, port, timeout_ms):
        self.host, self.port, self.timeout_ms = host, port, timeout_ms

    async def balance_of(self, customer):
        try:
            async with asyncio.timeout(self.timeout_ms / 1000):
                return await self._exchange(customer)
        except TimeoutError:
            raise BankError(f"bank timed out after {self.timeout_ms} ms") from None

    async def _exchange(self, customer):
        try:
            reader, writer = await asyncio.open_connection(self.host, self.port)
        except OSError as e:
            raise BankError(f"bank unavailable: {os_reason(e)}") from e
        try:
            writer.write(frame(json.dumps({"customer": customer}, ensure_ascii=False).encode("utf-8")))
            await writer.drain()
            payload = await read_frame(reader)
        except asyncio.IncompleteReadError as e:
            raise BankError(f"bank error: connection closed inside a frame: got {len(e.partial)} "
                            f"of {e.expected} bytes") from e
        except OSError as e:
            raise BankError(f"bank error: {os_reason(e)}") from e
        finally:
            writer.close()
        if payload is None:
            raise BankError("bank error: the bank closed the connection without answering")
        return balance_in(payload)


def balance_in(payload):
    try:
        obj = parse_object(payload)
    except BadRequest as e:
        raise BankError(f"bank error: {e}") from None
    balance = obj.get("balance")
    if not is_int64(balance):
        raise BankError(f'bank error: expected {{"balance":<whole number>}}, got {abbreviate(json.dumps(obj))}')
    return balance


# ---------------------------------------------------------------- the server

def log(line):
    print(line, flush=True)


async def answer(payload, bank):
    try:
        action, customer, amount = decode_request(payload)
    except BadRequest as e:
        result = failed(f"bad request: {e}")
        log(result["error"])
        return result
    result = await decide(action, customer, amount, bank.balance_of)
    outcome = f"ok, balance {result['balance']}" if result["success"] else f"failed, {result['error']}"
    log(f"{action} {amount} for {customer}: {outcome}")
    return result


async def serve_connection(reader, writer, bank):
    peer = writer.get_extra_info("peername")
    try:
        while (payload := await read_frame(reader)) is not None:
            writer.write(frame(encode_reply(await answer(payload, bank))))
            await writer.drain()
    except asyncio.IncompleteReadError as e:
        print(f"atm: connection from {peer} ended: connection closed inside a frame: "
              f"got {len(e.partial)} of {e.expected} bytes", file=sys.stderr, flush=True)
    except OSError as e:
        print(f"atm: connection from {peer} ended: {os_reason(e)}", file=sys.stderr, flush=True)
    finally:
        writer.close()


async def run(options):
    bank = BankClient(options.bank[0], options.bank[1], options.bank_timeout_ms)
    server = await asyncio.start_server(lambda r, w: serve_connection(r, w, bank), "127.0.0.1", options.port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    port = server.sockets[0].getsockname()[1]
    # Jig's readiness check waits for exactly this line.
    log(f"listening on port {port}")
    try:
        await stop.wait()
    finally:
        # Not `async with server`: from Python 3.12 that waits for every client to hang up first.
        server.close()


# ---------------------------------------------------------------- command line

def port_number(text, low=0):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got '{text}'") from None
    if not low <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be between {low} and 65535, got {value}")
    return value


def host_port(text):
    host, colon, port = text.rpartition(":")
    if not colon or not host or not port:
        raise argparse.ArgumentTypeError(f"must be HOST:PORT, e.g. 127.0.0.1:9000, got '{text}'")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host, port_number(port, low=1)


def positive_millis(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="atm.py", description="The ATM: asks the bank, answers clients.")
    parser.add_argument("--bank", required=True, type=host_port, metavar="HOST:PORT",
                        help="where the bank listens (required)")
    parser.add_argument("--port", type=port_number, default=0, metavar="N",
                        help="port on 127.0.0.1 to listen on (0 = choose a free one, default 0)")
    parser.add_argument("--bank-timeout-ms", type=positive_millis, default=1000, metavar="N",
                        help="how long to wait for the bank per request (default 1000)")
    return parser.parse_args(argv)  # argparse prints the usage on stderr and exits 2 on bad arguments


def main(argv=None):
    options = parse_args(argv)
    asyncio.run(run(options))


if __name__ == "__main__":
    main()

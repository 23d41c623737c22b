#!/usr/bin/env python3
"""The ATM, in Python (asyncio and protobuf's Python runtime): the same protocol as dev.jig.samples.atm.AtmMain.

Clients send length-prefixed frames (2-byte big-endian length, then a protobuf AtmRequest of atm.proto):
    AtmRequest { action: WITHDRAW customer: "Jane Doe" amount: 50 }
and get an AtmReply:
    AtmReply { success: true balance: 50 }
For each request the ATM opens a connection to the bank, sends a BalanceQuery { customer: "Jane Doe" } and
reads a Balance { balance: 100 } (bank.proto), all within --bank-timeout-ms.

The message classes are built at run time from the descriptor set the Maven build writes from the same .proto
files the Java ATM is compiled from (no generated Python code, so any protobuf runtime from 3.20 on works):

    python3 atm.py --bank 127.0.0.1:9000 --port 0 --descriptors ../../../target/protobuf/sample-systems.binpb
    listening on port 41235
"""

import argparse
import asyncio
import os
import signal
import struct
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

INT64_MAX = 2 ** 63 - 1


class BankError(Exception):
    """The bank could not tell us a balance; the message is the reply's error text."""


# ---------------------------------------------------------------- messages (from the .proto files)

class Messages:
    """The message classes of atm.proto and bank.proto, built from a FileDescriptorSet."""

    def __init__(self, descriptor_set_path):
        with open(descriptor_set_path, "rb") as f:
            files = descriptor_pb2.FileDescriptorSet.FromString(f.read())
        pool = descriptor_pool.DescriptorPool()
        for file in files.file:
            pool.AddSerializedFile(file.SerializeToString())
        self.AtmRequest = message_class(pool, "jig.samples.atm.AtmRequest")
        self.AtmReply = message_class(pool, "jig.samples.atm.AtmReply")
        self.BalanceQuery = message_class(pool, "jig.samples.bank.BalanceQuery")
        self.Balance = message_class(pool, "jig.samples.bank.Balance")
        actions = pool.FindEnumTypeByName("jig.samples.atm.Action").values_by_name
        self.WITHDRAW = actions["WITHDRAW"].number
        self.DEPOSIT = actions["DEPOSIT"].number
        self.NO_ACTION = actions["ACTION_UNSPECIFIED"].number


def message_class(pool, name):
    descriptor = pool.FindMessageTypeByName(name)
    if hasattr(message_factory, "GetMessageClass"):  # protobuf 4.22+
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)  # Debian's 3.21


def unknown_field_numbers(message):
    try:
        from google.protobuf import unknown_fields  # protobuf 4.22+
        return [field.field_number for field in unknown_fields.UnknownFieldSet(message)]
    except ImportError:
        return [field.field_number for field in message.UnknownFields()]


class InvalidMessage(Exception):
    """The payload is not a message of the expected type; the message says why."""


def parse_strictly(cls, payload):
    """Parses payload as cls, rejecting fields the schema does not declare, as the Java ATM does."""
    name = cls.DESCRIPTOR.name
    try:
        message = cls.FromString(payload)
    except Exception as e:  # DecodeError; some runtimes raise others for truncated input
        raise InvalidMessage(f"not a valid {name}: {e}") from None
    unknown = unknown_field_numbers(message)
    if unknown:
        expected = ", ".join(f"{f.name} = {f.number}" for f in cls.DESCRIPTOR.fields)
        raise InvalidMessage(f"unknown field {unknown[0]} in {name}: expected {expected}")
    return message


# ---------------------------------------------------------------- frames

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


def reply(messages, success, balance, error):
    return messages.AtmReply(success=success, balance=balance, error=error or "")


def failed(messages, error, balance=0):
    return reply(messages, False, balance, error)


# ---------------------------------------------------------------- decisions (the teller)

def problem_with(messages, request):
    """What is wrong with the request, or None if it may go to the bank."""
    if request.action == messages.NO_ACTION:
        return "missing action: expected WITHDRAW or DEPOSIT"
    if request.action not in (messages.WITHDRAW, messages.DEPOSIT):
        return f"unknown action {request.action}: expected WITHDRAW or DEPOSIT"
    if not request.customer.strip():
        return "missing customer: give the customer's name"
    if request.amount <= 0:
        return f"amount must be greater than 0, got {request.amount}"
    return None


async def decide(messages, request, balance_of, max_withdrawal=None):
    problem = problem_with(messages, request)
    if problem:
        return failed(messages, problem)
    if max_withdrawal is not None and request.action == messages.WITHDRAW and request.amount > max_withdrawal:
        return failed(messages, f"over the limit: at most {max_withdrawal} per withdrawal, "
                                f"requested {request.amount}")
    try:
        balance = await balance_of(request.customer)
    except BankError as e:
        return failed(messages, str(e))
    amount = request.amount
    if request.action == messages.WITHDRAW:
        if amount > balance:
            return failed(messages, f"insufficient funds: balance {balance}, requested {amount}", balance)
        return reply(messages, True, balance - amount, None)
    if balance + amount > INT64_MAX:
        return failed(messages, f"deposit too large: balance {balance}, deposit {amount}", balance)
    return reply(messages, True, balance + amount, None)


# ---------------------------------------------------------------- settings (reloaded on SIGHUP)

class Settings:
    """The --settings file: max-withdrawal=N (absent: no limit). Read at start and again on SIGHUP."""

    def __init__(self, path):
        self.path, self.max_withdrawal = path, None
        self.reload()

    def reload(self):
        """Reads the file again; on a bad file the old settings stay and the error says why."""
        if self.path is None:
            return
        values = {}
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#") and "=" in line:
                    key, _, value = line.partition("=")
                    values[key.strip()] = value.strip()
        limit = values.get("max-withdrawal")
        try:
            self.max_withdrawal = None if limit is None else int(limit)
        except ValueError:
            raise ValueError(f"{self.path}: max-withdrawal must be a whole number, got '{limit}'") from None

    def describe(self):
        return f"max-withdrawal {'none' if self.max_withdrawal is None else self.max_withdrawal}"


# ---------------------------------------------------------------- the bank client

def os_reason(error):
    # asyncio's "Connect call failed (...)" hides the cause; say "Connection refused" like the Java ATM.
    return os.strerror(error.errno) if error.errno else (str(error) or type(error).__name__)


class BankClient:
    """One connection per query; the whole exchange (connect, send, answer) shares one deadline."""

    def __init__(self, messages, host, port, timeout_ms):
        self.messages, self.host, self.port, self.timeout_ms = messages, host, port, timeout_ms

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
            writer.write(frame(self.messages.BalanceQuery(customer=customer).SerializeToString()))
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
        try:
            return parse_strictly(self.messages.Balance, payload).balance
        except InvalidMessage as e:
            raise BankError(f"bank error: {e}") from None


# ---------------------------------------------------------------- the server

def log(line):
    print(line, flush=True)


def action_name(messages, request):
    return {messages.WITHDRAW: "withdraw", messages.DEPOSIT: "deposit",
            messages.NO_ACTION: "(no action)"}.get(request.action, f"action {request.action}")


async def answer(messages, payload, bank, settings):
    try:
        request = parse_strictly(messages.AtmRequest, payload)
    except InvalidMessage as e:
        result = failed(messages, f"bad request: {e}")
        log(result.error)
        return result
    result = await decide(messages, request, bank.balance_of, settings.max_withdrawal)
    outcome = f"ok, balance {result.balance}" if result.success else f"failed, {result.error}"
    log(f"{action_name(messages, request)} {request.amount} for {request.customer}: {outcome}")
    return result


async def serve_connection(messages, reader, writer, bank, settings):
    peer = writer.get_extra_info("peername")
    try:
        while (payload := await read_frame(reader)) is not None:
            writer.write(frame((await answer(messages, payload, bank, settings)).SerializeToString()))
            await writer.drain()
    except asyncio.IncompleteReadError as e:
        print(f"atm: connection from {peer} ended: connection closed inside a frame: "
              f"got {len(e.partial)} of {e.expected} bytes", file=sys.stderr, flush=True)
    except OSError as e:
        print(f"atm: connection from {peer} ended: {os_reason(e)}", file=sys.stderr, flush=True)
    finally:
        writer.close()


def reload_settings(settings):
    # SIGHUP reloads the settings (the seeds' graceful reload): the server and its connections go on.
    try:
        settings.reload()
        log(f"reloaded settings: {settings.describe()}")
    except (OSError, ValueError) as e:
        log(f"could not reload settings, keeping {settings.describe()}: {e}")


async def run(options, messages):
    bank = BankClient(messages, options.bank[0], options.bank[1], options.bank_timeout_ms)
    try:
        settings = Settings(options.settings)
    except (OSError, ValueError) as e:
        print(f"atm.py: cannot read --settings {options.settings}: {e}", file=sys.stderr, flush=True)
        sys.exit(2)
    if options.settings is not None:
        log(f"settings: {settings.describe()}")
    server = await asyncio.start_server(lambda r, w: serve_connection(messages, r, w, bank, settings),
                                        "127.0.0.1", options.port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    loop.add_signal_handler(signal.SIGHUP, reload_settings, settings)
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
    parser.add_argument("--settings", metavar="FILE",
                        help="max-withdrawal=N; read again on SIGHUP, open connections stay")
    parser.add_argument("--descriptors", required=True, metavar="FILE",
                        help="the FileDescriptorSet of atm.proto and bank.proto (the Maven build writes "
                             "target/protobuf/sample-systems.binpb; required)")
    return parser.parse_args(argv)  # argparse prints the usage on stderr and exits 2 on bad arguments


def main(argv=None):
    options = parse_args(argv)
    try:
        messages = Messages(options.descriptors)
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"atm.py: cannot load the protocol from --descriptors {options.descriptors}: {e}", file=sys.stderr)
        sys.exit(2)
    asyncio.run(run(options, messages))


if __name__ == "__main__":
    main()

package dev.jig.samples.atm;

import dev.jig.samples.cli.CommandLine;
import dev.jig.samples.cli.Usage;
import dev.jig.samples.cli.UsageException;
import dev.jig.samples.net.Frames;
import dev.jig.samples.net.TcpServer;
import dev.jig.samples.net.WarmUp;
import dev.jig.samples.bank.BankMessages;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.util.Set;

/**
 * The ATM: serves {@link AtmRequest}s (protobuf, {@code atm.proto}) over length-prefixed frames, asking the
 * bank for each one.
 *
 * <pre>
 * java -cp … dev.jig.samples.atm.AtmMain --bank 127.0.0.1:9000 --port 0 --bank-timeout-ms 1000
 * listening on port 41235
 * withdraw 50 for Jane Doe: ok, balance 50
 * </pre>
 * Each connection may carry many requests, answered in order; a payload that is not a request gets a
 * "bad request: …" reply, a broken frame closes the connection.
 */
public final class AtmMain {

    static final String USAGE = """
            usage: AtmMain --bank HOST:PORT [--port N] [--listen ADDRESS] [--bank-timeout-ms N] [--warm-up N] [--settings FILE]
              --bank HOST:PORT        where the bank listens (required)
              --port N                port to listen on (0 = choose a free one, default 0)
              --listen ADDRESS        address to listen on (default 127.0.0.1; 0.0.0.0 in a bridged container)
              --bank-timeout-ms N     how long to wait for the bank per request (default 1000)
              --warm-up N             requests to serve itself, against a stand-in bank, before it says it
                                      listens (default 20; 0: a cold first request)
              --settings FILE         max-withdrawal=N; read again on SIGHUP, open connections stay""";

    private final Teller teller;
    private final PrintStream out;

    AtmMain(Teller teller) {
        this(teller, System.out);
    }

    AtmMain(Teller teller, PrintStream log) {
        this.teller = teller;
        this.out = log;
    }

    public static void main(String[] args) throws IOException {
        AtmOptions options;
        int warmUpRounds;
        try {
            CommandLine line = CommandLine.parse(args, Set.of("bank", "port", "listen", "bank-timeout-ms",
                    "warm-up", "settings"));
            if (line.help()) {
                Usage.help(USAGE);
            }
            options = AtmOptions.from(line);
            warmUpRounds = line.intValue("warm-up", WarmUp.DEFAULT_ROUNDS, 0, 100_000);
        } catch (UsageException e) {
            Usage.exit("atm", USAGE, e);
            return;
        }
        Bank bank = new BankClient(options.bankHost(), options.bankPort(), options.bankTimeoutMillis());
        AtmSettings settings = options.settings() == null ? AtmSettings.none()
                : AtmSettings.load(java.nio.file.Path.of(options.settings()));
        if (options.settings() != null) {
            say("settings: " + settings.describe());
            reloadOnHangUp(settings);
        }
        AtmMain atm = new AtmMain(new Teller(bank, settings::maxWithdrawal));
        try (TcpServer server = TcpServer.bind("atm", options.listen(), options.port(), atm::serve)) {
            warmUp(warmUpRounds);
            // Jig's readiness check waits for exactly this line.
            System.out.println("listening on port " + server.port());
            System.out.flush();
            server.acceptForever();
        }
    }

    // SIGHUP reloads the settings (the seeds' graceful reload): the server and its connections go on.
    @SuppressWarnings("sunapi")
    private static void reloadOnHangUp(AtmSettings settings) {
        sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
            try {
                settings.reload();
                say("reloaded settings: " + settings.describe());
            } catch (IOException e) {
                say("could not reload settings, keeping " + settings.describe() + ": " + e.getMessage());
            }
        });
    }

    /** A line on stdout from the main thread or a signal handler, flushed. */
    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** The ATM's whole path — codec, teller, bank client, sockets — against a stand-in bank, silently. */
    private static void warmUp(int rounds) {
        if (rounds <= 0) {
            return;
        }
        try (TcpServer bank = WarmUp.answering("atm-warm-up-bank", BankMessages.balance(100).toByteArray())) {
            AtmMain atm = new AtmMain(new Teller(new BankClient("127.0.0.1", bank.port(), 1000)), WarmUp.SILENT);
            WarmUp.run("atm", atm::serve, AtmMessages.withdraw("warm-up", 1).toByteArray(), rounds);
        } catch (IOException e) {
            System.err.println("atm: warm-up failed, the first requests will be slower: " + e);
        }
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        byte[] payload;
        while ((payload = Frames.read(in)) != null) {
            Frames.write(out, AtmCodec.encodeReply(answer(payload)));
        }
    }

    private AtmReply answer(byte[] payload) {
        AtmRequest request;
        try {
            request = AtmCodec.decodeRequest(payload);
        } catch (AtmCodec.BadRequestException e) {
            AtmReply reply = AtmMessages.failed("bad request: " + e.getMessage());
            log(reply.getError());
            return reply;
        }
        AtmReply reply = teller.handle(request);
        log(describe(request, reply));
        return reply;
    }

    private void log(String line) {
        // println on a PrintStream is synchronized, so concurrent connections never interleave within a line.
        out.println(line);
        out.flush();
    }

    /** The log line for one request, e.g. "withdraw 50 for Jane Doe: ok, balance 50". */
    static String describe(AtmRequest request, AtmReply reply) {
        String outcome = reply.getSuccess() ? "ok, balance " + reply.getBalance() : "failed, " + reply.getError();
        return action(request) + " " + request.getAmount() + " for " + request.getCustomer() + ": " + outcome;
    }

    private static String action(AtmRequest request) {
        return switch (request.getAction()) {
            case WITHDRAW -> "withdraw";
            case DEPOSIT -> "deposit";
            case ACTION_UNSPECIFIED -> "(no action)";
            default -> "action " + request.getActionValue();
        };
    }

}

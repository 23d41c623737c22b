package dev.jig.samples.atm;

import dev.jig.samples.cli.CommandLine;
import dev.jig.samples.cli.Usage;
import dev.jig.samples.cli.UsageException;
import dev.jig.samples.net.Frames;
import dev.jig.samples.net.TcpServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
            usage: AtmMain --bank HOST:PORT [--port N] [--bank-timeout-ms N] [--settings FILE]
              --bank HOST:PORT        where the bank listens (required)
              --port N                port on 127.0.0.1 to listen on (0 = choose a free one, default 0)
              --bank-timeout-ms N     how long to wait for the bank per request (default 1000)
              --settings FILE         max-withdrawal=N; read again on SIGHUP, open connections stay""";

    private final Teller teller;

    AtmMain(Teller teller) {
        this.teller = teller;
    }

    public static void main(String[] args) throws IOException {
        AtmOptions options;
        try {
            CommandLine line = CommandLine.parse(args, Set.of("bank", "port", "bank-timeout-ms", "settings"));
            if (line.help()) {
                Usage.help(USAGE);
            }
            options = AtmOptions.from(line);
        } catch (UsageException e) {
            Usage.exit("atm", USAGE, e);
            return;
        }
        Bank bank = new BankClient(options.bankHost(), options.bankPort(), options.bankTimeoutMillis());
        AtmSettings settings = options.settings() == null ? AtmSettings.none()
                : AtmSettings.load(java.nio.file.Path.of(options.settings()));
        if (options.settings() != null) {
            log("settings: " + settings.describe());
            reloadOnHangUp(settings);
        }
        AtmMain atm = new AtmMain(new Teller(bank, settings::maxWithdrawal));
        try (TcpServer server = TcpServer.bind("atm", options.port(), atm::serve)) {
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
                log("reloaded settings: " + settings.describe());
            } catch (IOException e) {
                log("could not reload settings, keeping " + settings.describe() + ": " + e.getMessage());
            }
        });
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

    private static void log(String line) {
        // println on System.out is synchronized, so concurrent connections never interleave within a line.
        System.out.println(line);
        System.out.flush();
    }
}

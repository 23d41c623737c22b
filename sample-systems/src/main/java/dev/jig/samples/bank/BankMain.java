package dev.jig.samples.bank;

import dev.jig.samples.cli.CommandLine;
import dev.jig.samples.cli.Usage;
import dev.jig.samples.cli.UsageException;
import dev.jig.samples.net.Frames;
import dev.jig.samples.net.StrictProto;
import dev.jig.samples.net.TcpServer;
import dev.jig.samples.net.WarmUp;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A simple real bank for trying the ATM by hand; tests use a Jig fake bank instead.
 *
 * <pre>
 * java -cp … dev.jig.samples.bank.BankMain --port 0 --balance "Jane Doe=100" --balance "John Doe=20"
 * bank listening on port 41234
 * </pre>
 * It speaks {@code bank.proto}: a {@link BalanceQuery} in, a {@link Balance} out, in length-prefixed frames.
 * Unknown customers have balance 0. A request that is not a {@code BalanceQuery} closes that connection
 * (a bank has no error reply in this protocol).
 */
public final class BankMain {

    static final String USAGE = """
            usage: BankMain [--port N] [--balance "NAME=AMOUNT"]... [--warm-up N]
              --port N                 port on 127.0.0.1 to listen on (0 = choose a free one, default 0)
              --balance NAME=AMOUNT    a customer's balance, repeatable (default: Jane Doe=100, John Doe=100)
              --warm-up N              queries to answer itself before it says it listens (default 20)""";

    private final Map<String, Long> balances;
    private final PrintStream log;

    BankMain(Map<String, Long> balances) {
        this(balances, System.out);
    }

    BankMain(Map<String, Long> balances, PrintStream log) {
        this.balances = Map.copyOf(balances);
        this.log = log;
    }

    public static void main(String[] args) throws IOException {
        int port;
        int warmUpRounds;
        Map<String, Long> balances;
        try {
            CommandLine line = CommandLine.parse(args, Set.of("port", "balance", "warm-up"));
            if (line.help()) {
                Usage.help(USAGE);
            }
            port = line.intValue("port", 0, 0, 65535);
            balances = parseBalances(line);
            warmUpRounds = line.intValue("warm-up", WarmUp.DEFAULT_ROUNDS, 0, 100_000);
        } catch (UsageException e) {
            Usage.exit("bank", USAGE, e);
            return;
        }
        BankMain bank = new BankMain(balances);
        try (TcpServer server = TcpServer.bind("bank", port, bank::serve)) {
            WarmUp.run("bank", new BankMain(balances, WarmUp.SILENT)::serve,
                    BankMessages.query("warm-up").toByteArray(), warmUpRounds);
            System.out.println("bank listening on port " + server.port());
            System.out.flush();
            server.acceptForever();
        }
    }

    static Map<String, Long> parseBalances(CommandLine line) throws UsageException {
        Map<String, Long> balances = new LinkedHashMap<>();
        if (line.all("balance").isEmpty()) {
            balances.put("Jane Doe", 100L);
            balances.put("John Doe", 100L);
        }
        for (String entry : line.all("balance")) {
            int equals = entry.lastIndexOf('=');
            if (equals <= 0) {
                throw new UsageException("--balance must look like \"Jane Doe=100\", got '" + entry + "'");
            }
            try {
                balances.put(entry.substring(0, equals), Long.parseLong(entry.substring(equals + 1).trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--balance amount must be a whole number, got '" + entry + "'");
            }
        }
        return balances;
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        byte[] payload;
        while ((payload = Frames.read(in)) != null) {
            String customer;
            try {
                customer = StrictProto.parse(BalanceQuery.getDefaultInstance(), payload).getCustomer();
            } catch (StrictProto.InvalidMessageException e) {
                System.err.println("bank: bad balance query, closing the connection: " + e.getMessage());
                return;
            }
            long balance = balances.getOrDefault(customer, 0L);
            log.println("balance of " + customer + ": " + balance);
            log.flush();
            Frames.write(out, BankMessages.balance(balance).toByteArray());
        }
    }
}

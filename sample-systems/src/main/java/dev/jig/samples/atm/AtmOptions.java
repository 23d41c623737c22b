package dev.jig.samples.atm;

import dev.jig.samples.cli.CommandLine;
import dev.jig.samples.cli.UsageException;

/**
 * The ATM's command line, checked.
 *
 * <pre>{@code
 * AtmOptions options = AtmOptions.from(CommandLine.parse(args, Set.of("bank", "port", "bank-timeout-ms", "settings")));
 * }</pre>
 */
record AtmOptions(String bankHost, int bankPort, String listen, int port, int bankTimeoutMillis, String settings) {

    static AtmOptions from(CommandLine line) throws UsageException {
        String bank = line.required("bank");
        int colon = bank.lastIndexOf(':');
        if (colon <= 0 || colon == bank.length() - 1) {
            throw new UsageException("--bank must be HOST:PORT, e.g. 127.0.0.1:9000, got '" + bank + "'");
        }
        String host = bank.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);   // [::1]:9000
        }
        int bankPort = CommandLine.parseInt("--bank port", bank.substring(colon + 1), 1, 65535);
        int port = line.intValue("port", 0, 0, 65535);
        int timeout = line.intValue("bank-timeout-ms", 1000, 1, Integer.MAX_VALUE);
        String listen = line.optional("listen");
        return new AtmOptions(host, bankPort, listen == null ? "127.0.0.1" : listen, port, timeout,
                line.optional("settings"));
    }
}

package dev.jig.samples.atm;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The ATM's settings file, read at start and again on SIGHUP (a graceful reload: open connections stay). One
 * setting: {@code max-withdrawal=N}, the most one withdrawal may take (absent: no limit).
 *
 * <pre>{@code
 * AtmSettings settings = AtmSettings.load(Path.of("atm.properties"));   // max-withdrawal=30
 * settings.maxWithdrawal();                                             // 30
 * }</pre>
 */
final class AtmSettings {

    /** No limit: what an ATM without a settings file allows. */
    static final long NO_LIMIT = Long.MAX_VALUE;

    private final Path file;
    private volatile long maxWithdrawal = NO_LIMIT;

    private AtmSettings(Path file) {
        this.file = file;
    }

    /** Settings without a file: no limit, and a reload changes nothing. */
    static AtmSettings none() {
        return new AtmSettings(null);
    }

    /** The settings in {@code file}, read now. */
    static AtmSettings load(Path file) throws IOException {
        AtmSettings settings = new AtmSettings(file);
        settings.reload();
        return settings;
    }

    /** Reads the file again; on a bad file the old settings stay and the exception says why. */
    void reload() throws IOException {
        if (file == null) {
            return;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String limit = properties.getProperty("max-withdrawal");
        try {
            maxWithdrawal = limit == null ? NO_LIMIT : Long.parseLong(limit.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + ": max-withdrawal must be a whole number, got '" + limit + "'", e);
        }
    }

    /** The most one withdrawal may take. */
    long maxWithdrawal() {
        return maxWithdrawal;
    }

    /** For the log: "max-withdrawal 30" or "max-withdrawal none". */
    String describe() {
        return "max-withdrawal " + (maxWithdrawal == NO_LIMIT ? "none" : Long.toString(maxWithdrawal));
    }
}

package dev.jig.process;

import dev.jig.record.OutputLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Reads one stream of a process line by line into its {@link ProcessOutput}, on a daemon thread. */
final class OutputReader implements Runnable {

    private final InputStream in;
    private final OutputLine.Stream stream;
    private final ProcessOutput output;

    private OutputReader(InputStream in, OutputLine.Stream stream, ProcessOutput output) {
        this.in = in;
        this.stream = stream;
        this.output = output;
    }

    /** Starts a daemon thread named like "jig-atm-stdout" that reads {@code in} to its end. */
    static Thread start(String name, InputStream in, OutputLine.Stream stream, ProcessOutput output) {
        String suffix = stream == OutputLine.Stream.OUT ? "stdout" : "stderr";
        Thread thread = new Thread(new OutputReader(in, stream, output), "jig-" + name + "-" + suffix);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                output.add(new OutputLine(Instant.now(), stream, text));
            }
        } catch (IOException e) {
            // The stream is closed when the process is destroyed; nothing more to read.
        }
    }
}

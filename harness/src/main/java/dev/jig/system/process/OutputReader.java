package dev.jig.system.process;

import dev.jig.record.OutputLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/** Reads one stream of a process line by line into its output, on a daemon thread. */
final class OutputReader implements Runnable {

    private final InputStream in;
    private final OutputLine.Stream stream;
    private final Consumer<OutputLine> output;

    private OutputReader(InputStream in, OutputLine.Stream stream, Consumer<OutputLine> output) {
        this.in = in;
        this.stream = stream;
        this.output = output;
    }

    /** Starts a daemon thread named like "jig-atm-stdout" that reads {@code in} to its end. */
    static Thread start(String name, InputStream in, OutputLine.Stream stream, Consumer<OutputLine> output) {
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
                output.accept(new OutputLine(Instant.now(), stream, text));
            }
        } catch (IOException e) {
            // The stream is closed when the process is destroyed; nothing more to read.
        }
    }
}

package dev.jig.samples.cli;

/** The command line was wrong; the message says what, and the main prints it with the usage. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}

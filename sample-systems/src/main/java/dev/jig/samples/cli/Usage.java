package dev.jig.samples.cli;

/** How a sample program reports a bad command line: the problem and the usage on stderr, exit code 2. */
public final class Usage {

    /** The exit code for a bad command line, as for most Unix tools. */
    public static final int EXIT_CODE = 2;

    private Usage() {
    }

    /** Prints {@code problem} and {@code usage} to stderr and exits with {@link #EXIT_CODE}. */
    public static void exit(String program, String usage, UsageException problem) {
        System.err.println(program + ": " + problem.getMessage());
        System.err.println(usage);
        System.err.flush();
        System.exit(EXIT_CODE);
    }

    /** Prints {@code usage} to stdout and exits with 0 (for {@code --help}). */
    public static void help(String usage) {
        System.out.println(usage);
        System.out.flush();
        System.exit(0);
    }
}

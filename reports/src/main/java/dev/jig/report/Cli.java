package dev.jig.report;

import dev.jig.record.RunRecord;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The reports command line: render a results file, merge several (CI shards), diff two runs.
 *
 * <pre>
 * java -cp "reports/target/classes:$(cat cp.txt)" dev.jig.report.Cli render target/jig-report/results.json -o out
 * java … dev.jig.report.Cli merge shard1.json shard2.json -o merged
 * java … dev.jig.report.Cli diff base.json head.json -o diff
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Cli {

    static final String USAGE = String.join("\n",
            "usage: jig-report render <results.json> [-o dir]   write index.html (default: beside the file)",
            "       jig-report merge <a.json> <b.json>... -o dir  write the merged results.json and index.html",
            "       jig-report diff <base.json> <head.json> [-o dir]  write index.html comparing the runs");

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code (0 ok, 1 failed, 2 bad usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Args parsed = Args.parse(args);
            Path written = execute(parsed);
            out.println("[jig] wrote " + written.toAbsolutePath().toUri());
            return 0;
        } catch (UsageException e) {
            err.println("jig-report: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("jig-report: " + e.getMessage());
            return 1;
        }
    }

    private static Path execute(Args args) {
        switch (args.command()) {
            case "render" -> {
                args.expectFiles(1, 1);
                Path file = args.files().get(0);
                return HtmlReport.write(read(file), args.out(parentOf(file)));
            }
            case "merge" -> {
                args.expectFiles(1, Integer.MAX_VALUE);
                Path out = args.out(null);
                List<RunRecord> runs = args.files().stream().map(Cli::read).toList();
                RunRecord merged = ResultsMerge.merge(runs);
                ResultsFile.write(merged, out);
                return HtmlReport.write(merged, out);
            }
            case "diff" -> {
                args.expectFiles(2, 2);
                Path head = args.files().get(1);
                Path out = args.out(parentOf(head).resolve("diff"));
                return RunDiff.write(read(args.files().get(0)), read(head), out);
            }
            default -> throw new UsageException("unknown command '" + args.command() + "'");
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static RunRecord read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist or is not a file. Give the path of a"
                    + " results.json (by default under target/jig-report/).");
        }
        return ResultsFile.read(file);
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    record Args(String command, List<Path> files, Path outOption) {
        static Args parse(String[] args) {
            if (args.length == 0) {
                throw new UsageException("no command given");
            }
            List<Path> files = new ArrayList<>();
            Path out = null;
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("-o") || args[i].equals("--out")) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(args[i] + " needs a directory");
                    }
                    out = Path.of(args[++i]);
                } else if (args[i].startsWith("-")) {
                    throw new UsageException("unknown option '" + args[i] + "'");
                } else {
                    files.add(Path.of(args[i]));
                }
            }
            return new Args(args[0], files, out);
        }

        void expectFiles(int min, int max) {
            if (files.size() < min || files.size() > max) {
                String expected = min == max ? String.valueOf(min) : min + " or more";
                throw new UsageException(command + " takes " + expected + " results file(s), got " + files.size());
            }
        }

        Path out(Path fallback) {
            if (outOption == null && fallback == null) {
                throw new UsageException(command + " needs -o <dir>");
            }
            return outOption == null ? fallback : outOption;
        }
    }
}

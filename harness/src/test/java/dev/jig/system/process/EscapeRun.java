package dev.jig.system.process;

import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.nio.file.Path;

/**
 * Runs that the escape tests fork. {@code chaos <registry> <wrapper> <daemon> <setsid> <server>}: starts the
 * daemonising wrapper, prints "running", and waits to be killed -9. {@code second <registry>}: a later run's first
 * start, which reaps. {@code envClear <registry> <marker>}: starts a system whose child clears its environment,
 * stops it, prints "stoppedBy=..." and exits (run with -Djig.system.cgroup=off to see the limit).
 */
public final class EscapeRun {

    public static void main(String[] args) throws InterruptedException {
        SystemRegistry registry = SystemRegistry.at(Path.of(args[1]));
        switch (args[0]) {
            case "chaos" -> {
                SystemSpec.command("server", args[2], args[3], args[4], "sleep", args[5]).registry(registry).start();
                System.out.println("running");
                Thread.sleep(300_000);
            }
            case "second" -> {
                try (RunningSystem first = SystemSpec.command("first", "true").registry(registry).start()) {
                    System.out.println("started");
                }
            }
            case "envClear" -> {
                RunningSystem system = SystemSpec.command("cleared", "/bin/sh", "-c",
                        "(env -i /bin/sleep " + args[2] + " &); echo started; exec sleep 300")
                        .registry(registry).readyWhen(Ready.logLine("started")).start();
                system.stop();
                System.out.println("stoppedBy=" + system.toRecord().stoppedBy());
            }
            default -> throw new IllegalArgumentException("unknown run " + args[0]);
        }
    }
}

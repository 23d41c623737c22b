package dev.jig.system.process;

import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.nio.file.Path;

/**
 * A run that will be killed without stopping what it started: starts {@code sleep 300} in the
 * registry at args[0], prints its pid, and waits to be killed; with args[1] = "exit" it exits normally
 * instead, leaving the sleeper to the shutdown hook.
 */
public final class LeftoverMaker {

    public static void main(String[] args) throws InterruptedException {
        RunningSystem sleeper = SystemSpec.command("sleeper", "sleep", "300")
                .registry(SystemRegistry.at(Path.of(args[0])))
                .start();
        System.out.println("leftover pid " + sleeper.pid());
        if (args.length > 1 && args[1].equals("exit")) {
            System.exit(0);
        }
        Thread.sleep(300_000);
    }
}

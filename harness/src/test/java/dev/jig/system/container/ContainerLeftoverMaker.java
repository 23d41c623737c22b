package dev.jig.system.container;

import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.nio.file.Path;

/** A run killed without stopping its container: starts one in the registry at args[0], prints its id, waits. */
public final class ContainerLeftoverMaker {

    public static void main(String[] args) throws InterruptedException {
        RunningSystem sleeper = SystemSpec.image("sleeper", TestImages.busybox())
                .args("sleep", "300")
                .registry(SystemRegistry.at(Path.of(args[0])))
                .start();
        System.out.println("leftover container " + sleeper.containerId().orElseThrow());
        Thread.sleep(300_000);
    }
}

package dev.jig.container;

import java.nio.file.Path;

/** A run killed without stopping its container: starts one in the registry at args[0], prints its id, waits. */
public final class ContainerLeftoverMaker {

    public static void main(String[] args) throws InterruptedException {
        ContainerSystem sleeper = ContainerSystem.spec("sleeper", TestImages.busybox())
                .command("sleep", "300")
                .registry(ContainerRegistry.at(Path.of(args[0])))
                .start();
        System.out.println("leftover container " + sleeper.containerId());
        Thread.sleep(300_000);
    }
}

package dev.jig.samples.atm;

import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * A run killed without stopping anything: a bank on this host's loopback, and the ATM's container on a bridge
 * that reaches it through Testcontainers' port forwarding, registered in the registry at args[0]. Prints the
 * container's id and Testcontainers' session, then waits to be killed.
 */
public final class BridgeLeftoverMaker {

    public static void main(String[] args) throws Exception {
        SshdImage.ensure();
        try (ServerSocket bank = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            RunningSystem atm = SystemSpec.image("atm", AtmImage.image())
                    .args("--bank", "127.0.0.1:" + bank.getLocalPort(), "--listen", "0.0.0.0", "--port",
                            SystemSpec.FREE_PORT)
                    .readyWhen(AtmSuite.READY)
                    .registry(SystemRegistry.at(Path.of(args[0])))
                    .start();
            System.out.println("leftover container " + atm.containerId().orElseThrow() + " session "
                    + DockerClientFactory.SESSION_ID);
            Thread.sleep(300_000);
        }
    }
}

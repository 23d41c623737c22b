package dev.jig.system.container;

/** Prints what {@link Docker#availability()} says in a fresh JVM, whose environment the test chooses. */
public final class DockerProbeMain {

    public static void main(String[] args) {
        Docker.Availability docker = Docker.availability();
        System.out.println("available=" + docker.available() + " reason=" + docker.reason());
    }
}

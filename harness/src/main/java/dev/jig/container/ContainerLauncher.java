package dev.jig.container;

import dev.jig.leftover.Owner;
import dev.jig.process.ProcessOutput;
import dev.jig.process.ProcessSpec;
import dev.jig.process.ProcessStartException;
import dev.jig.process.ProcessSupport;
import dev.jig.process.Ready;
import dev.jig.record.OutputLine;
import dev.jig.record.Secrets;
import dev.jig.record.Timeline;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.output.OutputFrame;

/** Starts a {@link ContainerSpec}: resolve values and image, create, start, register, await readiness. */
final class ContainerLauncher {

    private static final java.time.Duration PULL_TIMEOUT = java.time.Duration.ofMinutes(5);

    private ContainerLauncher() {
    }

    static ContainerSystem launch(ContainerSpec spec, Timeline timeline) {
        // Resolve before the start phase: a supplier may start another resource (the fake it needs).
        int freePort = usesFreePort(spec) ? freeLoopbackPort(spec.name()) : -1;
        List<String> command = resolveCommand(spec, freePort);
        Map<String, String> env = resolveEnv(spec, freePort);
        Secrets.declareFrom(command, env);
        String image;
        try (Timeline.Span span = timeline.span("image " + spec.name())) {
            image = spec.image().resolve(spec.name());
        }
        ContainerSystem system;
        try (Timeline.Span span = timeline.span("start " + spec.name())) {
            ContainerRegistry registry = spec.registryOrDefault();
            registry.reapOnce();
            Integer port = freePort > 0 ? Integer.valueOf(freePort) : spec.fixedPort();
            system = start(spec, registry, image, command, env, port);
        }
        Ready ready = spec.readyCondition();
        if (ready == null) {
            return system;
        }
        try (Timeline.Span span = timeline.span("ready " + spec.name())) {
            ProcessSupport.awaitReady(new ContainerTarget(system), ready, spec.readyTimeoutValue());
            return system;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopAfter(system, new ContainerStartException(spec.name(), "Interrupted while waiting for "
                    + spec.name() + " to be ready (" + ready.describe() + ")", e));
        } catch (RuntimeException e) {
            throw stopAfter(system, e);
        } catch (Error e) {
            throw stopAfter(system, e);
        }
    }

    private static ContainerSystem start(ContainerSpec spec, ContainerRegistry registry, String image,
                                         List<String> command, Map<String, String> env, Integer port) {
        String missing = DockerContainer.ensureImage(image, PULL_TIMEOUT);
        if (missing != null) {
            throw new ContainerStartException(spec.name(), "Could not start " + spec.name() + " from image " + image
                    + ": " + missing + ". Check the name (docker image ls), build it (docker build -t " + image
                    + " <dir>), or let Jig build it: ContainerSystem.spec(\"" + spec.name()
                    + "\", Image.fromDirectory(...)).", null);
        }
        ProcessOutput output = ProcessSupport.newOutput(spec.name());
        if (spec.echo()) {
            output.subscribe(line -> echo(spec.name(), line));
        }
        ContainerSystem system = new ContainerSystem(spec.name(), image, command, output, port,
                spec.stopGraceValue(), spec.outputTailValue());
        Map<String, String> labels = Map.of(DockerContainer.OWNER_LABEL, Owner.current().process(),
                DockerContainer.HOST_LABEL, Owner.current().host(), DockerContainer.NAME_LABEL, spec.name());
        DockerContainer container = DockerContainer.create(image, command, env, labels,
                frame -> onFrame(system, frame));
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new ContainerStartException(spec.name(), "Could not start " + spec.name() + " from image " + image
                    + ": " + rootMessage(e) + ". Check that the image exists (docker image ls " + image
                    + ") and that its command can run (docker run --rm --network host " + image + ").", e);
        }
        RunningContainers.add(system);
        system.attach(container, registry.register(spec.name(), container.id(), image));
        return system;
    }

    /** Docker sends whole lines as frames (or several, or a partial last one); each becomes a line. */
    private static void onFrame(ContainerSystem system, OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            system.logEnded();
            return;
        }
        OutputLine.Stream stream = frame.getType() == OutputFrame.OutputType.STDERR
                ? OutputLine.Stream.ERR : OutputLine.Stream.OUT;
        String text = frame.getUtf8StringWithoutLineEnding();
        Instant now = Instant.now();
        for (String line : text.split("\r?\n", -1)) {
            ProcessSupport.addLine(system.output(), new OutputLine(now, stream, line));
        }
    }

    /** A failed start must not leave the container running; a failing stop goes into the original. */
    private static <T extends Throwable> T stopAfter(ContainerSystem system, T failure) {
        try {
            system.stop();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (failure instanceof ProcessStartException startFailure) {
            ProcessSupport.attach(startFailure, system.toRecord());
        }
        return failure;
    }

    private static List<String> resolveCommand(ContainerSpec spec, int freePort) {
        List<String> command = new ArrayList<>(spec.commandList());
        List<Object> args = spec.argList();
        for (int i = 0; i < args.size(); i++) {
            command.add(resolve(spec, args.get(i), freePort, "argument " + (i + 1)));
        }
        return command;
    }

    private static Map<String, String> resolveEnv(ContainerSpec spec, int freePort) {
        Map<String, String> env = new LinkedHashMap<>();
        spec.envMap().forEach((variable, value) ->
                env.put(variable, resolve(spec, value, freePort, "environment variable " + variable)));
        return env;
    }

    private static String resolve(ContainerSpec spec, Object value, int freePort, String what) {
        try {
            return ProcessSupport.resolveValue(value, freePort);
        } catch (RuntimeException e) {
            throw new ContainerStartException(spec.name(), "Could not start " + spec.name() + ": the supplier of its "
                    + what + " failed with " + e + ". Is what it reads (e.g. a fake server's address) started "
                    + "before " + spec.name() + "?", e);
        }
    }

    private static boolean usesFreePort(ContainerSpec spec) {
        return spec.argList().contains(ProcessSpec.FREE_PORT) || spec.envMap().containsValue(ProcessSpec.FREE_PORT);
    }

    /** Binds port 0 on loopback and releases it; the container shares the host network, so it is free there. */
    private static int freeLoopbackPort(String name) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ContainerStartException(name, "Could not find a free loopback port for " + name + ": " + e, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root.getMessage() + ")";
    }

    private static void echo(String name, OutputLine line) {
        PrintStream stream = line.stream() == OutputLine.Stream.ERR ? System.err : System.out;
        stream.println("[" + name + "] " + Secrets.mask(line.text()));
    }
}

package dev.jig.system;

import dev.jig.profile.SystemProfiler;
import dev.jig.record.OutputLine;
import dev.jig.record.Secrets;
import dev.jig.record.Timeline;
import dev.jig.system.internal.Instance;
import dev.jig.system.internal.Launch;
import dev.jig.leftover.Owner;
import dev.jig.system.internal.Spawn;
import dev.jig.system.internal.SpawnFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a {@link SystemSpec}, and starts it again for a restart: resolve values, spawn with the backend,
 * register, wait for readiness, and stop what was started when any of it fails. The same for every backend.
 */
final class Launcher {

    private Launcher() {
    }

    static RunningSystem launch(SystemSpec spec, Timeline timeline) {
        int freePort = usesFreePort(spec) ? freeLoopbackPort(spec.name()) : -1;
        SystemOutput output = new SystemOutput(spec.name(), SystemOutput.DEFAULT_CAPACITY);
        if (spec.echo()) {
            output.subscribe(line -> echo(spec.name(), line));
        }
        RunningSystem system = new RunningSystem(spec, freePort, timeline, output);
        startInstance(system, timeline);
        return system;
    }

    /** Spawns one instance of {@code system} and waits until it is ready; stops it if either fails. */
    static void startInstance(RunningSystem system, Timeline timeline) {
        SystemSpec spec = system.spec();
        Launch launch = spec.launch();
        // Resolve before the start phase: a supplier may start another resource (the fake it needs),
        // whose start is a phase of its own, not part of this one.
        Path recording = spec.isProfiled() && launch.isJava() ? SystemProfiler.newRecordingFile(spec.name()) : null;
        Spawn spawn = resolve(spec, system.freePort(), system.publishedAt(), recording, system.output());
        Secrets.declareFrom(spawn.args(), spawn.env());
        try {
            String prepare = launch.preparePhase();
            if (prepare != null) {
                try (Timeline.Span span = timeline.span(prepare + " " + spec.name())) {
                    launch.prepare(spec.name());
                }
            }
            try (Timeline.Span span = timeline.span("start " + spec.name())) {
                SystemRegistry registry = spec.registryOrDefault();
                registry.reapOnce(launch.backend());
                Instance instance = launch.spawn(spawn);
                RunningSystems.add(system);
                system.attach(instance, registry.register(spec.name(), launch.backend().kind(),
                        instance.registryId(), Secrets.maskCommand(instance.command())));
                for (String helper : instance.helperIds()) {
                    registry.registerHelper(launch.backend().kind(), helper);
                }
                if (spec.isProfiled()) {
                    instance.rootProcess().ifPresent(root ->
                            system.profileWith(SystemProfiler.start(spec.name(), root, recording)));
                }
            }
        } catch (SpawnFailure e) {
            throw new SystemLaunchException(spec.name(), e.getMessage(), e.getCause());
        }
        awaitReady(system, timeline);
    }

    private static void awaitReady(RunningSystem system, Timeline timeline) {
        SystemSpec spec = system.spec();
        Ready ready = spec.readyCondition();
        if (ready == null) {
            return;
        }
        try (Timeline.Span span = timeline.span("ready " + spec.name())) {
            ReadinessWait.await(system, (ReadyCondition) ready, spec.readyTimeoutValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopAfter(system, new SystemStartException(spec.name(), "Interrupted while waiting for "
                    + spec.name() + " to be ready (" + ready.describe() + ")", system.output().lines(), e));
        } catch (RuntimeException e) {
            throw stopAfter(system, e);
        } catch (Error e) {
            throw stopAfter(system, e);
        }
    }

    /** A failed start must not leave the system running; a failing stop goes into the original. */
    private static <T extends Throwable> T stopAfter(RunningSystem system, T failure) {
        try {
            system.stop();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (failure instanceof SystemStartException startFailure) {
            startFailure.attach(system.toRecord());
        }
        return failure;
    }

    private static Spawn resolve(SystemSpec spec, int freePort, int publishAt, Path recording, SystemOutput output) {
        List<String> args = new ArrayList<>();
        List<Object> given = spec.argList();
        for (int i = 0; i < given.size(); i++) {
            args.add(resolve(spec, given.get(i), freePort, "argument " + (i + 1)));
        }
        // A null value means "not set": the backend removes an inherited variable, or leaves it out.
        Map<String, String> env = new LinkedHashMap<>();
        spec.envMap().forEach((variable, value) -> env.put(variable,
                value == null ? null : resolve(spec, value, freePort, "environment variable " + variable)));
        Map<String, String> labels = Map.of(Spawn.OWNER_LABEL, Owner.current().process(),
                Spawn.HOST_LABEL, Owner.current().host(), Spawn.NAME_LABEL, spec.name());
        return new Spawn(spec.name(), List.copyOf(args), spec.jvmArgList(), env, spec.workingDirectory(), labels,
                recording, output::add, spec.registryOrDefault().directory(), knownPort(spec, freePort),
                spec.isBridgeNetwork(), publishAt);
    }

    private static int knownPort(SystemSpec spec, int freePort) {
        if (freePort > 0) {
            return freePort;
        }
        return spec.fixedPort() == null ? -1 : spec.fixedPort();
    }

    private static String resolve(SystemSpec spec, Object value, int freePort, String what) {
        try {
            return SpecValue.resolve(value, freePort);
        } catch (RuntimeException e) {
            throw new SystemStartException(spec.name(), "Could not start " + spec.name() + ": the supplier of its "
                    + what + " failed with " + e + ". Is what it reads (e.g. a fake server's address) started "
                    + "before " + spec.name() + "?", List.of(), e);
        }
    }

    private static boolean usesFreePort(SystemSpec spec) {
        return spec.argList().contains(SystemSpec.FREE_PORT) || spec.envMap().containsValue(SystemSpec.FREE_PORT);
    }

    /** Binds port 0 on loopback and releases it: the OS picked a port nobody uses right now. */
    private static int freeLoopbackPort(String name) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new SystemStartException(name, "Could not find a free loopback port for " + name + ": " + e,
                    List.of(), e);
        }
    }

    private static void echo(String name, OutputLine line) {
        PrintStream stream = line.stream() == OutputLine.Stream.ERR ? System.err : System.out;
        stream.println("[" + name + "] " + Secrets.mask(line.text()));
    }
}

package dev.jig.process;

import dev.jig.leftover.Cgroup;
import dev.jig.leftover.Containment;
import dev.jig.profile.SystemProfiler;
import dev.jig.record.OutputLine;
import dev.jig.record.Secrets;
import dev.jig.record.Timeline;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts a {@link ProcessSpec}: resolve values, spawn, register, wait for readiness, clean up on failure. */
final class ProcessLauncher {

    private ProcessLauncher() {
    }

    static SystemProcess launch(ProcessSpec spec, Timeline timeline) {
        // Resolve before the start phase: a supplier may start another resource (the fake it needs),
        // whose start is a phase of its own, not part of this one.
        int freePort = usesFreePort(spec) ? freeLoopbackPort(spec.name()) : -1;
        Path recording = spec.isProfiled() && spec.mainClass() != null
                ? SystemProfiler.newRecordingFile(spec.name()) : null;
        List<String> command = resolveCommand(spec, freePort, recording);
        Map<String, String> environment = resolveEnv(spec, freePort);
        Secrets.declareFrom(command, environment);
        SystemProcess system;
        try (Timeline.Span span = timeline.span("start " + spec.name())) {
            ProcessRegistry registry = spec.registryOrDefault();
            registry.reapOnce();
            system = spawn(spec, registry, freePort, command, environment);
            if (spec.isProfiled()) {
                system.profileWith(SystemProfiler.start(spec.name(), system.toHandle(), recording));
            }
        }
        Ready ready = spec.readyCondition();
        if (ready == null) {
            return system;
        }
        try (Timeline.Span span = timeline.span("ready " + spec.name())) {
            ReadinessWait.await(new ProcessTarget(system), (ReadyCondition) ready, spec.readyTimeoutValue());
            return system;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopAfter(system, new ProcessStartException(spec.name(), "Interrupted while waiting for "
                    + spec.name() + " to be ready (" + ready.describe() + ")", system.output().lines(), e));
        } catch (RuntimeException e) {
            throw stopAfter(system, e);
        } catch (Error e) {
            throw stopAfter(system, e);
        }
    }

    /** A failed start must not leave the process running; a failing stop goes into the original. */
    private static <T extends Throwable> T stopAfter(SystemProcess system, T failure) {
        try {
            system.stop();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (failure instanceof ProcessStartException startFailure) {
            startFailure.attach(system.toRecord());
        }
        return failure;
    }

    private static SystemProcess spawn(ProcessSpec spec, ProcessRegistry registry, int freePort,
                                       List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (spec.workingDirectory() != null) {
            builder.directory(checkedDirectory(spec, command).toFile());
        }
        environment.forEach((variable, value) -> {
            if (value == null) {
                builder.environment().remove(variable);
            } else {
                builder.environment().put(variable, value);
            }
        });
        // The cookie and the cgroup keep every descendant findable, whatever it does (see dev.jig.leftover).
        Containment containment = Containment.of(spec.name(), registry.directory());
        builder.command(containment.command(command, builder.environment().get("PATH"), spec.workingDirectory()));
        builder.environment().putAll(containment.environment());
        ProcessOutput output = new ProcessOutput(spec.name(), ProcessOutput.DEFAULT_CAPACITY);
        if (spec.echo()) {
            output.subscribe(line -> echo(spec.name(), line));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            containment.cgroup().ifPresent(Cgroup::close);
            throw LaunchFailure.of(spec.name(), command, spec.workingDirectory(), e);
        }
        SystemProcess system = SystemProcess.attach(spec.name(), process, command, output,
                freePort > 0 ? freePort : null, spec.stopGraceValue(), spec.outputTailValue(), containment);
        RunningProcesses.add(system);
        system.setUnregister(registry.register(spec.name(), process.toHandle(), Secrets.maskCommand(command)));
        return system;
    }

    private static List<String> resolveCommand(ProcessSpec spec, int freePort, Path recording) {
        List<String> command = new ArrayList<>(spec.executable());
        if (spec.mainClass() != null) {
            command.addAll(spec.jvmArgList());
            if (recording != null) {
                command.addAll(SystemProfiler.jvmOptions(recording));
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(spec.mainClass());
        }
        List<Object> args = spec.argList();
        for (int i = 0; i < args.size(); i++) {
            command.add(resolve(spec, args.get(i), freePort, "argument " + (i + 1)));
        }
        return command;
    }

    /** The variables to set; a {@code null} value removes an inherited one. */
    private static Map<String, String> resolveEnv(ProcessSpec spec, int freePort) {
        Map<String, String> environment = new LinkedHashMap<>();
        spec.envMap().forEach((variable, value) -> environment.put(variable,
                value == null ? null : resolve(spec, value, freePort, "environment variable " + variable)));
        return environment;
    }

    private static String resolve(ProcessSpec spec, Object value, int freePort, String what) {
        try {
            return SpecValue.resolve(value, freePort);
        } catch (RuntimeException e) {
            throw new ProcessStartException(spec.name(), "Could not start " + spec.name() + ": the supplier of its "
                    + what + " failed with " + e + ". Is what it reads (e.g. a fake server's address) started "
                    + "before " + spec.name() + "?", List.of(), e);
        }
    }

    private static boolean usesFreePort(ProcessSpec spec) {
        return spec.argList().contains(ProcessSpec.FREE_PORT) || spec.envMap().containsValue(ProcessSpec.FREE_PORT);
    }

    /** Binds port 0 on loopback and releases it: the OS picked a port nobody uses right now. */
    private static int freeLoopbackPort(String name) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ProcessStartException(name, "Could not find a free loopback port for " + name + ": " + e,
                    List.of(), e);
        }
    }

    private static Path checkedDirectory(ProcessSpec spec, List<String> command) {
        Path dir = spec.workingDirectory();
        if (!Files.isDirectory(dir)) {
            throw new ProcessLaunchException(spec.name(), "Could not start " + spec.name() + ": its working directory "
                    + dir.toAbsolutePath() + " does not exist or is not a directory. Command: "
                    + String.join(" ", Secrets.maskCommand(command)) + ". Create it, or fix workingDir(...).", null);
        }
        return dir;
    }

    private static void echo(String name, OutputLine line) {
        PrintStream stream = line.stream() == OutputLine.Stream.ERR ? System.err : System.out;
        stream.println("[" + name + "] " + Secrets.mask(line.text()));
    }
}

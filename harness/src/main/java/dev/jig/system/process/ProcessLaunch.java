package dev.jig.system.process;

import dev.jig.leftover.Cgroup;
import dev.jig.leftover.Containment;
import dev.jig.profile.SystemProfiler;
import dev.jig.record.Secrets;
import dev.jig.system.internal.Backend;
import dev.jig.system.internal.Instance;
import dev.jig.system.internal.Launch;
import dev.jig.system.internal.Spawn;
import dev.jig.system.internal.SpawnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A command or a Java main class, spawned as a process with the resolved args and environment. */
final class ProcessLaunch implements Launch {

    private final List<String> executable;
    /** The main class of a Java system, else null. */
    private final String mainClass;

    ProcessLaunch(List<String> executable, String mainClass) {
        this.executable = executable;
        this.mainClass = mainClass;
    }

    @Override
    public Backend backend() {
        return ProcessBackend.backend();
    }

    @Override
    public String describe() {
        List<String> shown = new ArrayList<>(executable);
        if (mainClass != null) {
            shown.add(mainClass);
        }
        return String.join(" ", shown);
    }

    @Override
    public boolean isJava() {
        return mainClass != null;
    }

    @Override
    public Instance spawn(Spawn spawn) throws SpawnFailure {
        List<String> command = command(spawn);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (spawn.workingDir() != null) {
            builder.directory(checkedDirectory(spawn, command).toFile());
        }
        spawn.env().forEach((variable, value) -> {
            if (value == null) {
                builder.environment().remove(variable);
            } else {
                builder.environment().put(variable, value);
            }
        });
        // The cookie and the cgroup keep every descendant findable, whatever it does (see dev.jig.leftover).
        Containment containment = Containment.of(spawn.name(), spawn.registry());
        builder.command(containment.command(command, builder.environment().get("PATH"), spawn.workingDir()));
        builder.environment().putAll(containment.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            containment.cgroup().ifPresent(Cgroup::close);
            throw LaunchFailure.of(spawn.name(), command, spawn.workingDir(), e);
        }
        return ProcessInstance.attach(spawn.name(), process, command, spawn.output(), containment);
    }

    private List<String> command(Spawn spawn) {
        List<String> command = new ArrayList<>(executable);
        if (mainClass != null) {
            command.addAll(spawn.jvmArgs());
            if (spawn.recording() != null) {
                command.addAll(SystemProfiler.jvmOptions(spawn.recording()));
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
        }
        command.addAll(spawn.args());
        return command;
    }

    private static Path checkedDirectory(Spawn spawn, List<String> command) throws SpawnFailure {
        Path dir = spawn.workingDir();
        if (!Files.isDirectory(dir)) {
            throw new SpawnFailure("Could not start " + spawn.name() + ": its working directory "
                    + dir.toAbsolutePath() + " does not exist or is not a directory. Command: "
                    + String.join(" ", Secrets.maskCommand(command)) + ". Create it, or fix workingDir(...).", null);
        }
        return dir;
    }

}

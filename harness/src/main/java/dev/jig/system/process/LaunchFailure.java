package dev.jig.system.process;

import dev.jig.record.Secrets;
import dev.jig.system.internal.SpawnFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Turns the operating system's refusal to run a command into a message that says what to do. */
final class LaunchFailure {

    private LaunchFailure() {
    }

    static SpawnFailure of(String name, List<String> command, Path workingDir, IOException e) {
        String executable = command.get(0);
        String reason = String.valueOf(e.getMessage());
        String dir = (workingDir != null ? workingDir : Path.of("")).toAbsolutePath().toString();
        String message = "Could not start " + name + ": the operating system could not run '" + executable + "' ("
                + reason + ").\n"
                + "Command: " + String.join(" ", Secrets.maskCommand(command)) + "\n"
                + "Working directory: " + dir + "\n"
                + advice(executable, reason);
        return new SpawnFailure(message, e);
    }

    private static String advice(String executable, String reason) {
        boolean hasPath = executable.contains("/") || executable.contains("\\");
        if (reason.contains("error=13") || reason.contains("Permission denied")) {
            return "The file exists but may not be executed: make it executable (chmod +x " + executable
                    + "), and if it is a script check its #! line.";
        }
        if (hasPath) {
            return "Check that " + executable + " exists (a relative path counts from the working directory), "
                    + "that it is executable (chmod +x), and that the interpreter on its #! line is installed.";
        }
        return "Check that " + executable + " is installed and on the PATH (PATH=" + System.getenv("PATH")
                + "), or give its full path.";
    }
}

package dev.jig.system.container;

import dev.jig.record.OutputLine;
import dev.jig.support.JigLog;
import dev.jig.system.internal.Backend;
import dev.jig.system.internal.Instance;
import dev.jig.system.internal.Launch;
import dev.jig.system.internal.Spawn;
import dev.jig.system.internal.SpawnFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;

/** An image (by name, built here, or from a future), or a user's own container, started through Testcontainers. */
final class ContainerLaunch implements Launch {

    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

    /** Exactly one of the two is set. */
    private final ImageSource image;
    private final GenericContainer<?> own;
    private volatile String resolvedImage;

    ContainerLaunch(ImageSource image, GenericContainer<?> own) {
        this.image = image;
        this.own = own;
    }

    @Override
    public Backend backend() {
        return ContainerBackend.backend();
    }

    @Override
    public String describe() {
        return own != null ? "container " + own.getDockerImageName() : "image " + image.describe();
    }

    @Override
    public boolean isImage() {
        return own == null;
    }

    @Override
    public String preparePhase() {
        return own != null ? null : "image";
    }

    @Override
    public void prepare(String systemName) throws SpawnFailure {
        Docker.requireAvailable(systemName);
        resolvedImage = image.resolve(systemName);
    }

    @Override
    public Instance spawn(Spawn spawn) throws SpawnFailure {
        Docker.requireAvailable(spawn.name());
        CompletableFuture<Void> logEnd = new CompletableFuture<>();
        Consumer<OutputFrame> frames = frame -> onFrame(frame, spawn.output(), logEnd);
        // A container's environment is its own: "not set" (null) simply leaves the variable out.
        Map<String, String> set = new LinkedHashMap<>();
        spawn.env().forEach((variable, value) -> {
            if (value != null) {
                set.put(variable, value);
            }
        });
        Map<String, String> env = set;
        String workingDir = spawn.workingDir() == null ? null : spawn.workingDir().toString();
        List<String> args = spawn.args();
        List<String> helpers = List.of();
        if (spawn.bridge()) {
            // Without a port known now nothing is published: fine for a system the test does not connect to; a
            // port it names later in a log line fails the start then, saying what to do.
            HostAddresses host = HostAddresses.rewrite(args, env);
            args = host.args();
            env = host.env();
            if (!host.bareLoopback().isEmpty()) {
                JigLog.warn(spawn.name() + " runs on a bridge network, where 127.0.0.1 and localhost are the container "
                        + "itself, and its " + String.join(", ", host.bareLoopback()) + " names one without a port "
                        + "beside it, which Jig leaves as it is (only <loopback>:<port> becomes "
                        + HostAddresses.HOST + ":<port>). Pass host and port as one value, e.g. a fake's address(), "
                        + "or run it with hostNetwork().");
            }
            try {
                helpers = DockerContainer.exposeHostPorts(host.hostPorts());
            } catch (RuntimeException e) {
                throw new SpawnFailure("Could not start " + spawn.name() + ": exposing the test host's ports "
                        + host.hostPorts() + " to its container failed: " + rootMessage(e) + ". Testcontainers needs "
                        + "its image testcontainers/sshd:1.3.0 for that (docker image ls testcontainers/sshd), or run "
                        + spawn.name() + " on the host's network (hostNetwork()).", e);
            }
        }
        DockerContainer container;
        if (own != null) {
            container = DockerContainer.wrap(own, args, env, workingDir, spawn.labels(), frames);
        } else {
            String reference = resolvedImage;
            String missing = DockerContainer.ensureImage(reference, PULL_TIMEOUT);
            if (missing != null) {
                throw new SpawnFailure("Could not start " + spawn.name() + " from image " + reference + ": " + missing
                        + ". Check the name (docker image ls), build it (docker build -t " + reference
                        + " <dir>), or let Jig build it: SystemSpec.image(\"" + spawn.name()
                        + "\", Image.fromDirectory(...)).", null);
            }
            container = DockerContainer.create(reference, args, env, workingDir, spawn.labels(), frames,
                    spawn.bridge(), spawn.port(), spawn.publishAt());
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new SpawnFailure("Could not start " + spawn.name() + " from image " + container.image() + ": "
                    + rootMessage(e) + ". Check that the image exists (docker image ls " + container.image()
                    + ") and that its command can run (docker run --rm " + container.image() + ").", e);
        }
        return new ContainerInstance(spawn.name(), container, args, helpers, logEnd);
    }

    /** Docker sends whole lines as frames (or several, or a partial last one); each becomes a line. */
    private static void onFrame(OutputFrame frame, Consumer<OutputLine> output, CompletableFuture<Void> logEnd) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            logEnd.complete(null);
            return;
        }
        OutputLine.Stream stream = frame.getType() == OutputFrame.OutputType.STDERR
                ? OutputLine.Stream.ERR : OutputLine.Stream.OUT;
        Instant now = Instant.now();
        for (String line : frame.getUtf8StringWithoutLineEnding().split("\r?\n", -1)) {
            output.accept(new OutputLine(now, stream, line));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root.getMessage() + ")";
    }
}

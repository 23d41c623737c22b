package dev.jig.system.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.leftover.Cgroup;
import dev.jig.leftover.CgroupHierarchy;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a system starts is left running: daemons, setsid grandchildren, children forked during the stop, the
 * leftovers of a JVM killed with -9, and (where cgroups are writable) children that clear their environment.
 * Leftovers are counted by unique sleep durations only.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the cookie is read from /proc")
@Timeout(120)
class EscapeTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** A wrapper as a new user would write it: two daemons of its own, then it becomes the server. */
    private Path daemonisingWrapper() throws Exception {
        Path script = dir.resolve("daemonising.sh");
        Files.writeString(script, "#!/bin/sh\nsleep \"$1\" &\n(setsid sleep \"$2\" &)\nshift 2\nexec \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private SystemRegistry registry() {
        return SystemRegistry.at(dir.resolve("registry"));
    }

    @Test
    void aDaemonisingWrapperLeavesNothingRunningAfterStop() throws Exception {
        String daemon = "3001.517";
        String setsid = "3002.517";
        String java = ProcessHandle.current().info().command().orElse("java");
        try (RunningSystem server = SystemSpec.command("server", daemonisingWrapper().toString(), daemon, setsid,
                        java, "-cp", System.getProperty("java.class.path"), TinyServer.class.getName(), "0")
                .registry(registry()).readyWhen(Ready.logLine("listening on port (\\d+)")).start()) {
            Procs.awaitRunningWith(daemon, 1, SOON);
            Procs.awaitRunningWith(setsid, 1, SOON);

            server.stop();

            assertThat(Procs.runningWith(daemon)).as("sleep %s &", daemon).isEmpty();
            assertThat(Procs.runningWith(setsid)).as("(setsid sleep %s &)", setsid).isEmpty();
            assertThat(server.toRecord().stoppedBy()).isEqualTo("cookie");
        } finally {
            Procs.killAllWith(daemon, setsid);
        }
    }

    @Test
    void aChildForkedDuringTheStopGraceIsStopped() throws Exception {
        String forked = "3003.517";
        try (RunningSystem atm = SystemSpec.command("atm", "/bin/sh", "-c",
                        "trap '(sleep " + forked + " &); exit 0' TERM; echo trapped; while :; do sleep 0.05; done")
                .registry(registry()).stopGrace(Duration.ofSeconds(5)).readyWhen(Ready.logLine("trapped")).start()) {

            atm.stop();

            assertThat(Procs.runningWith(forked)).as("forked by the TERM trap").isEmpty();
            assertThat(atm.exitCode()).hasValue(0);
            assertThat(atm.toRecord().stoppedBy()).isEqualTo("cookie");
        } finally {
            Procs.killAllWith(forked);
        }
    }

    @Test
    void aSystemWhoseProcessTreeHoldsEverythingIsStoppedByTheTree() {
        try (RunningSystem atm = SystemSpec.command("atm", "sleep", "3009.517").registry(registry()).start()) {
            atm.stop();

            assertThat(atm.toRecord().stoppedBy()).isEqualTo("tree");
        }
    }

    @Test
    void aChildThatClearsItsEnvironmentIsCaughtByTheCgroupWhereOneCanBeMade() throws Exception {
        String cleared = "3004.517";
        CgroupHierarchy.Availability cgroups = CgroupHierarchy.availability();
        try (RunningSystem atm = SystemSpec.command("atm", "/bin/sh", "-c",
                        "(env -i /bin/sleep " + cleared + " &); echo started; exec sleep 3005.517")
                .registry(registry()).readyWhen(Ready.logLine("started")).start()) {
            Procs.awaitRunningWith(cleared, 1, SOON);

            atm.stop();

            if (cgroups.available()) {
                assertThat(Procs.runningWith(cleared)).as("in the cgroup").isEmpty();
                assertThat(atm.toRecord().stoppedBy()).isEqualTo("cgroup");
            } else {
                assertThat(Procs.runningWith(cleared)).as("the documented limit: " + cgroups.reason()).hasSize(1);
                assertThat(atm.toRecord().stoppedBy()).isEqualTo("tree");
            }
        } finally {
            Procs.killAllWith(cleared);
        }
    }

    @Test
    void withoutACgroupAChildThatClearsItsEnvironmentEscapesTheDocumentedLimit() throws Exception {
        String cleared = "3006.517";
        try (RunningSystem run = SystemSpec.java("run", EscapeRun.class)
                .jvmArgs("-D" + Cgroup.MODE_PROPERTY + "=off")
                .args("envClear", dir.resolve("inner").toString(), cleared)
                .registry(registry()).start()) {
            assertThat(run.awaitExit(Duration.ofSeconds(60))).isTrue();
            assertThat(text(run)).contains("stoppedBy=tree");
            assertThat(Procs.awaitRunningWith(cleared, 1, SOON)).as("env -i escapes cookie and tree").hasSize(1);
        } finally {
            Procs.killAllWith(cleared);
        }
    }

    @Test
    void killMinus9OfTheTestJvmThenASecondRunLeavesNothingRunning() throws Exception {
        String daemon = "3011.517";
        String setsid = "3012.517";
        String server = "3013.517";
        Path inner = dir.resolve("inner");
        try (RunningSystem killed = SystemSpec.java("killed", EscapeRun.class)
                .args("chaos", inner.toString(), daemonisingWrapper().toString(), daemon, setsid, server)
                .registry(registry()).readyWhen(Ready.logLine("running")).readyTimeout(Duration.ofSeconds(60))
                .start()) {
            Procs.awaitRunningWith(setsid, 1, SOON);
            ProcessHandle.of(killed.pid()).ifPresent(ProcessHandle::destroyForcibly); // kill -9: no hook runs
            assertThat(killed.awaitExit(SOON)).isTrue();
            assertThat(Procs.runningWith(daemon)).as("the crash left the daemon").hasSize(1);
            assertThat(Procs.runningWith(setsid)).as("the crash left the setsid grandchild").hasSize(1);
            assertThat(Procs.runningWith(server)).as("the crash left the server").hasSize(1);

            try (RunningSystem second = SystemSpec.java("second", EscapeRun.class).args("second", inner.toString())
                    .registry(registry()).readyWhen(Ready.logLine("started")).readyTimeout(Duration.ofSeconds(60))
                    .start()) {
                assertThat(second.awaitExit(Duration.ofSeconds(60))).isTrue();
                assertThat(text(second)).contains("reaped leftover process server (")
                        .contains("found by its cookie");
            }

            assertThat(Procs.runningWith(daemon)).isEmpty();
            assertThat(Procs.runningWith(setsid)).isEmpty();
            assertThat(Procs.runningWith(server)).isEmpty();
        } finally {
            Procs.killAllWith(daemon, setsid, server);
        }
    }

    @Test
    void aRegistryDirectoryOthersCanWriteIsRefusedBeforeAnythingStarts() throws Exception {
        Path planted = Files.createDirectory(dir.resolve("planted"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        SystemSpec spec = SystemSpec.command("atm", "sleep", "3014.517").registry(SystemRegistry.at(planted));

        org.assertj.core.api.Assertions.assertThatThrownBy(spec::start)
                .isInstanceOf(dev.jig.leftover.PrivateDirectoryException.class)
                .hasMessageStartingWith("The system registry directory " + planted + " is writable by group or "
                        + "others (mode rwxrwxrwx).");
        assertThat(Procs.runningWith("3014.517")).isEmpty();
    }

    @Test
    void aRegistryDirectoryThatIsASymbolicLinkIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), Files.createDirectory(dir.resolve("target")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SystemRegistry.at(link).reapLeftovers())
                .hasMessageStartingWith("The system registry directory " + link + " is a symbolic link");
    }

    @Test
    void aRegistryDirectoryOfAnotherUserIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root can give a directory away");
        Path theirs = Files.createDirectory(dir.resolve("theirs"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SystemRegistry.at(theirs).reapLeftovers())
                .hasMessageStartingWith("The system registry directory " + theirs + " is owned by nobody.")
                .hasMessageContaining("or point jig.system.registry at a directory of your own.");
    }

    private static String text(RunningSystem system) {
        return system.output().lines().stream().map(dev.jig.record.OutputLine::text)
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}

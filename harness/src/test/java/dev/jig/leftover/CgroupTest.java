package dev.jig.leftover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CgroupTest {

    @BeforeEach
    void writable() {
        CgroupHierarchy.Availability cgroups = CgroupHierarchy.availability();
        assumeTrue(cgroups.available(), "no writable cgroup v2 here: " + cgroups.reason());
    }

    @Test
    void aWrappedCommandIsInTheCgroupBeforeItForksAndCgroupKillStopsEverything() throws Exception {
        Cookie cookie = Cookie.next("cg", Path.of("/tmp/cgroup-test"));
        Cgroup group = Cgroup.create(cookie).orElseThrow();
        Process shell = new ProcessBuilder(group.wrap(List.of("/bin/sh", "-c",
                "(env -i /bin/sleep 2004.417 &); exec sleep 2005.417"))).start();
        try {
            awaitMembers(group, 2);
            assertThat(group.members()).contains(shell.toHandle());

            group.kill();

            assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
            awaitMembers(group, 0);
        } finally {
            shell.destroyForcibly();
            group.close();
        }
        assertThat(group.directory()).doesNotExist();
        group.close(); // twice is fine
    }

    @Test
    void theReaperRemovesTheCgroupsOfGoneJvmsOnlyAndWhatIsInThem() throws Exception {
        Path registry = Path.of("/tmp/cgroup-reap-test-" + ProcessHandle.current().pid());
        Cookie gone = new Cookie(Cookie.registryKey(registry), new Owner(deadPid(), "2001-01-01T00:00:00Z",
                HostIdentity.current().token()), "gone.1");
        Cookie mine = Cookie.next("mine", registry);
        Cgroup ofGone = Cgroup.create(gone).orElseThrow();
        Cgroup ofMine = Cgroup.create(mine).orElseThrow();
        Process leftover = new ProcessBuilder(ofGone.wrap(List.of("sleep", "2006.417"))).start();
        try {
            awaitMembers(ofGone, 1);

            assertThat(Cgroup.reap(mine.registry())).containsExactly(gone);

            assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ofGone.directory()).doesNotExist();
            assertThat(Files.isDirectory(ofMine.directory())).isTrue();
        } finally {
            leftover.destroyForcibly();
            ofGone.close();
            ofMine.close();
        }
    }

    @Test
    void ofOtherRegistriesOnlyEmptyCgroupsOfGoneJvmsAreTidiedAway() throws Exception {
        Owner gone = new Owner(deadPid(), "2001-01-01T00:00:00Z", HostIdentity.current().token());
        Cgroup empty = Cgroup.create(new Cookie("0000000000aa", gone, "empty.1")).orElseThrow();
        Cgroup busy = Cgroup.create(new Cookie("0000000000aa", gone, "busy.1")).orElseThrow();
        Process member = new ProcessBuilder(busy.wrap(List.of("sleep", "2007.417"))).start();
        try {
            awaitMembers(busy, 1);

            assertThat(Cgroup.reap(Cookie.registryKey(Path.of("/tmp/some-other-registry")))).isEmpty();

            assertThat(empty.directory()).doesNotExist();
            assertThat(member.isAlive()).as("its own registry's reaper stops it, not this one").isTrue();
            assertThat(Files.isDirectory(busy.directory())).isTrue();
        } finally {
            member.destroyForcibly();
            busy.close();
            empty.close();
        }
    }

    private static void awaitMembers(Cgroup group, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.members().size() != count) {
            assertThat(System.nanoTime() - deadline).as("members of %s: %s", group, group.members()).isNegative();
            Thread.sleep(20);
        }
    }

    private static long deadPid() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        return done.pid();
    }
}

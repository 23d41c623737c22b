package dev.jig.leftover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnerTest {

    private static final String LONG_AGO = "2001-01-01T00:00:00Z";

    @Test
    void thisJvmIsNotGone() {
        assertThat(Owner.current().isThisHost()).isTrue();
        assertThat(Owner.current().isGone()).isFalse();
        assertThat(Owner.parse(Owner.current().label())).contains(Owner.current());
    }

    @Test
    void aDeadJvmOfThisHostIsGone() throws Exception {
        Owner dead = new Owner(deadPid(), LONG_AGO, HostIdentity.current().token());

        assertThat(dead.isGone()).isTrue();
    }

    @Test
    void aLiveProcessWithAnotherStartInstantIsAStrangerSoTheOwnerIsGone() {
        Owner reused = new Owner(ProcessHandle.current().pid(), LONG_AGO, HostIdentity.current().token());

        assertThat(reused.isGone()).isTrue();
    }

    @Test
    void anOwnerOfAnotherHostIsNeverTakenForGone() throws Exception {
        Owner elsewhere = new Owner(deadPid(), LONG_AGO, "0000-1111-2222");

        assertThat(elsewhere.isThisHost()).isFalse();
        assertThat(elsewhere.isGone()).isFalse();
    }

    @Test
    void labelsOfEarlierVersionsAndJunkAreNobodysToJudge() {
        assertThat(Owner.parse("4242@2001-01-01T00:00:00Z")).isEmpty();
        assertThat(Owner.parse("x@y@z")).isEmpty();
        assertThat(Owner.parse("42@@host")).isEmpty();
        assertThat(Owner.parse(null)).isEmpty();
    }

    private static long deadPid() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        return done.pid();
    }
}

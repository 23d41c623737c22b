package dev.jig.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Which network an image's container gets: a bridge unless the spec or {@code jig.system.network} says host. */
@ResourceLock("jig.system.network")
class SystemSpecNetworkTest {

    @AfterEach
    void clear() {
        System.clearProperty(SystemSpec.NETWORK_PROPERTY);
    }

    @Test
    void anImageRunsOnABridgeUnlessItAsksForTheHostsNetwork() {
        SystemSpec atm = SystemSpec.image("atm", "jig/atm:1");

        assertThat(atm.isBridgeNetwork()).isTrue();
        assertThat(atm.hostNetwork().isBridgeNetwork()).isFalse();
        assertThat(atm.hostNetwork().bridgeNetwork().isBridgeNetwork()).isTrue();
        assertThat(SystemSpec.command("atm", "python3", "atm.py").isBridgeNetwork()).isFalse();
    }

    @Test
    void thePropertyChangesTheDefaultButNotAChoice() {
        System.setProperty(SystemSpec.NETWORK_PROPERTY, "host");

        assertThat(SystemSpec.image("atm", "jig/atm:1").isBridgeNetwork()).isFalse();
        assertThat(SystemSpec.image("atm", "jig/atm:1").bridgeNetwork().isBridgeNetwork()).isTrue();
    }

    @Test
    void anUnknownNetworkIsRefusedSayingWhatItTakes() {
        System.setProperty(SystemSpec.NETWORK_PROPERTY, "overlay");

        assertThatThrownBy(() -> SystemSpec.image("atm", "jig/atm:1").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jig.system.network is the network of image(...) systems that choose none: expected "
                        + "bridge (the default) or host, got 'overlay'. Set -Djig.system.network=host or leave it out.");
    }

    @Test
    void aProcessHasNoNetworkToChoose() {
        assertThatThrownBy(() -> SystemSpec.command("atm", "python3", "atm.py").hostNetwork())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("hostNetwork() applies only to SystemSpec.image(...); atm runs python3 atm.py");
    }
}

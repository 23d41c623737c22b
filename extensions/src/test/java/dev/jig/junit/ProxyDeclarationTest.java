package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jig.junit.fixtures.ProxyTestCase;
import dev.jig.proxy.TcpProxy;
import java.net.ConnectException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyDeclarationTest {

    @Test
    void aClientConnectsThroughTheProxyWhichIsClosedAfterEachTest() {
        ProxyTestCase.STARTED.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(ProxyTestCase.class)).execute().testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(ProxyTestCase.STARTED).hasSize(2).doesNotHaveDuplicates();
        for (TcpProxy proxy : ProxyTestCase.STARTED) {
            assertThat(proxy.connections()).isZero();
            assertThatThrownBy(() -> new Socket(proxy.host(), proxy.port()).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aTargetWithoutAProtocolCannotLendItToClients() {
        Addressable plain = new Addressable() {
            @Override
            public String name() {
                return "db";
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return 5432;
            }
        };
        assertThatThrownBy(() -> Proxy.to("db-link", plain).framing())
                .isInstanceOf(JigConfigurationException.class)
                .hasMessageContaining("Proxy db-link cannot tell the framing of its target db")
                .hasMessageContaining(".protocol(framing, codec)");
    }

    @Test
    void aProxyIsNotRunningOutsideATest() {
        assertThatThrownBy(() -> Proxy.to("x-link", FakeServer.tcp("x")).cut())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("x-link is not running");
    }
}

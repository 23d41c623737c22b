package dev.jig.junit;

import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import org.apiguardian.api.API;

/**
 * Something a client can connect to: a running system or fake server, with the protocol it speaks.
 * Its address is known only while it runs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Endpoint {

    /** The name it was declared with. */
    String name();

    /** The host it listens on. Starts it first if the bench is starting and it is not yet running. */
    String host();

    /** The port it listens on. Starts it first if the bench is starting and it is not yet running. */
    int port();

    /** {@code host:port}, for passing to a system's command line. */
    default String address() {
        return host() + ":" + port();
    }

    /** How messages are framed on its connections. */
    Framing framing();

    /** How messages are encoded. */
    Codec codec();
}

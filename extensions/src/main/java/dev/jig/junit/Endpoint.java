package dev.jig.junit;

import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import org.apiguardian.api.API;

/**
 * Something a framed client can connect to: a running system, fake TCP server or proxy, with the
 * protocol it speaks. Its address is known only while it runs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Endpoint extends Addressable {

    /** How messages are framed on its connections. */
    Framing framing();

    /** How messages are encoded. */
    Codec codec();
}

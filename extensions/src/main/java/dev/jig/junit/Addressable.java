package dev.jig.junit;

import org.apiguardian.api.API;

/**
 * Something declared in a {@link JigTest} class that listens on a host and port: a fake server (TCP or
 * HTTP), a system, a fault proxy. Its address is known only while it runs; asking for it from another
 * resource's arguments (as a supplier, e.g. {@code bank::address}) starts it first.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface Addressable {

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
}

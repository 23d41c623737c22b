package dev.jig.system.container;

import dev.jig.system.SystemSpec;

/**
 * The system contract on the container backend on the host's network ({@link SystemSpec#hostNetwork()}), where
 * a port first named in a log line is reached as it is.
 */
class ContainerHostSystemContractTest extends ContainerContract {

    @Override
    protected SystemSpec shell(String name, String script) {
        return busyboxShell(name, script).hostNetwork();
    }
}

package dev.jig.system;

import org.apiguardian.api.API;

/**
 * A system that an earlier run left behind and {@link SystemRegistry#reapLeftovers()} stopped.
 *
 * @param name        the name it was started under, e.g. {@code "atm"}, or {@code "?"} if only a label was found
 * @param kind        {@code "process"} or {@code "container"}
 * @param id          what identified it: {@code "<pid>@<start>"} or the container id
 * @param description its command line (secrets masked) or image
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record ReapedSystem(String name, String kind, String id, String description) {

    /** The process id of a reaped process, or -1 for a container. */
    public long pid() {
        int at = id.indexOf('@');
        try {
            return "process".equals(kind) && at > 0 ? Long.parseLong(id.substring(0, at)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package dev.jig.service;

import org.apiguardian.api.API;

/**
 * Whether a service can be started here, how, and if not, why.
 *
 * <pre>{@code
 * ServiceAvailability postgres = PostgresServer.spec("db").availability();
 * if (!postgres.available()) System.out.println("skipping: " + postgres.reason());
 * }</pre>
 *
 * @param available whether a start can be tried: local binaries were found, or Docker answers
 * @param how       how it would run, e.g. {@code "process: /usr/lib/postgresql/15/bin"} or
 *                  {@code "container: postgres:15-alpine"}; empty when not available
 * @param reason    why not, saying what was looked for, where, and what to install; empty when available
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ServiceAvailability(boolean available, String how, String reason) {

    /** Available, run as {@code how}. */
    public static ServiceAvailability of(String how) {
        return new ServiceAvailability(true, how, "");
    }

    /** Not available, because {@code reason}. */
    public static ServiceAvailability not(String reason) {
        return new ServiceAvailability(false, "", reason);
    }
}

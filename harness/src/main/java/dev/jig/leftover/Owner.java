package dev.jig.leftover;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The JVM that started something, as written into cookies, cgroup names and container labels:
 * {@code <pid>@<start instant>@<host token>}. The start instant tells the JVM from a stranger that later got the
 * same pid; the {@link HostIdentity host} says in which pid namespace the pid means anything at all.
 *
 * <pre>{@code
 * Owner.parse(label).filter(Owner::isGone).ifPresent(gone -> remove(container));
 * }</pre>
 *
 * @param pid          the JVM's process id
 * @param startInstant when it started, ISO-8601 as {@link ProcessHandle.Info#startInstant()} says, or ""
 * @param host         the {@link HostIdentity#token()} of where it ran
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record Owner(long pid, String startInstant, String host) {

    private static final Owner CURRENT = of(ProcessHandle.current());

    public Owner {
        startInstant = startInstant == null ? "" : startInstant;
        host = host == null ? "" : host;
    }

    /** This JVM. */
    public static Owner current() {
        return CURRENT;
    }

    /** A process of this host. */
    static Owner of(ProcessHandle process) {
        return new Owner(process.pid(), Processes.startOf(process), HostIdentity.current().token());
    }

    /** {@code <pid>@<start>@<host>}. */
    public String label() {
        return process() + "@" + host;
    }

    /** {@code <pid>@<start>}: the JVM without its host, as container labels have always named it. */
    public String process() {
        return pid + "@" + startInstant;
    }

    /**
     * Reads a {@link #label()}; empty for anything else, including the {@code <pid>@<start>} labels of earlier
     * Jig versions, which do not say their host and so are nobody's to judge.
     */
    public static Optional<Owner> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String[] parts = label.split("@", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(Long.parseLong(parts[0]), parts[1], parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Reads a {@link #process()} and a {@link HostIdentity#token()} kept apart (two container labels). */
    public static Optional<Owner> parse(String process, String host) {
        return process == null || host == null ? Optional.empty() : parse(process + "@" + host);
    }

    /** Whether it ran on this host, boot and pid namespace, so that its pid can be looked up here. */
    public boolean isThisHost() {
        return host.equals(HostIdentity.current().token());
    }

    /**
     * Whether it is known to be gone: of this host, and no running process has its pid and start instant. A
     * JVM of another host, or one without a start instant, is never taken for gone: touch nothing of theirs.
     */
    public boolean isGone() {
        if (!isThisHost() || startInstant.isEmpty()) {
            return false;
        }
        return ProcessHandle.of(pid).filter(Processes::running)
                .filter(h -> startInstant.equals(Processes.startOf(h))).isEmpty();
    }
}

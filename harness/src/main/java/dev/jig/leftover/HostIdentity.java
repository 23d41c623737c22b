package dev.jig.leftover;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Which host, boot and pid namespace this JVM runs in: the scope in which a pid means one process. Two CI jobs
 * that share a Docker engine but run in their own containers differ in the pid namespace; two machines differ in
 * machine id and boot id. Where Linux does not say (macOS, Windows), the host name stands in.
 *
 * <pre>{@code
 * HostIdentity.current().token()   // "3d1219c7c4c5404a-bdfc2461-4a50-4f9d-a9fb-666a24def807-4026531836"
 * }</pre>
 *
 * @param machineId    {@code /etc/machine-id} (first 16 characters), or {@code "x"}
 * @param bootId       {@code /proc/sys/kernel/random/boot_id}, or {@code "x"}
 * @param pidNamespace the inode of {@code /proc/self/ns/pid}, or {@code "x"}
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record HostIdentity(String machineId, String bootId, String pidNamespace) {

    private static final String UNKNOWN = "x";
    private static final HostIdentity CURRENT = read();

    public HostIdentity {
        machineId = clean(machineId);
        bootId = clean(bootId);
        pidNamespace = clean(pidNamespace);
    }

    /** This JVM's identity, read once. */
    public static HostIdentity current() {
        return CURRENT;
    }

    /** One word of {@code [a-z0-9-]}, the parts joined by {@code -}: fits labels, file names and cookies. */
    public String token() {
        return machineId + "-" + bootId + "-" + pidNamespace;
    }

    private static HostIdentity read() {
        String machine = firstLine(Path.of("/etc/machine-id"));
        if (machine == null) {
            machine = firstLine(Path.of("/var/lib/dbus/machine-id"));
        }
        String boot = firstLine(Path.of("/proc/sys/kernel/random/boot_id"));
        String pidNs = readPidNamespace();
        if (machine == null && boot == null && pidNs == null) {
            machine = hostName(); // no Linux ids: the host name is the best this platform offers
        }
        return new HostIdentity(machine == null ? null : shorten(machine), boot, pidNs);
    }

    private static String readPidNamespace() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString(); // "pid:[4026531836]"
            return link.replaceAll("\\D", "");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String firstLine(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? null : text;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    private static String shorten(String machineId) {
        return machineId.length() > 16 ? machineId.substring(0, 16) : machineId;
    }

    private static String clean(String part) {
        if (part == null || part.isBlank()) {
            return UNKNOWN;
        }
        String cleaned = part.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return cleaned.isEmpty() ? UNKNOWN : cleaned;
    }
}

package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apiguardian.api.API;

/**
 * Where a run happened.
 *
 * @param java      the Java runtime version
 * @param os        operating system name, version and architecture
 * @param cpus      available processors
 * @param host      the host name
 * @param gitCommit the commit being tested, where known (environment {@code GIT_COMMIT}/{@code GITHUB_SHA},
 *                  or {@code .git/HEAD} above the working directory)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentRecord(String java, String os, int cpus, String host, String gitCommit) {

    /** Describes this JVM and machine. */
    public static EnvironmentRecord current() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new EnvironmentRecord(System.getProperty("java.version"), os,
                Runtime.getRuntime().availableProcessors(), hostName(), GitCommit.find().orElse(null));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}

package dev.jig.samples.atm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The image Testcontainers runs to expose the test host's ports to containers ({@code
 * Testcontainers.exposeHostPorts}), {@code testcontainers/sshd:1.3.0}, built here {@code FROM scratch} where it
 * cannot be pulled: Debian's sshd with the shared libraries {@code ldd} lists, busybox for the shell and
 * {@code mkpasswd}, root and the privilege-separation user, host keys made at build time, and a configuration
 * that lets Testcontainers' SSH client in (password login as root with the {@code PASSWORD} it sets, its old key
 * exchange, host key, cipher and MAC algorithms, remote forwarding). Built once per engine, only when the tag is
 * missing; where the registry answers Testcontainers pulls its own image instead.
 *
 * <pre>
 * java -cp target/test-classes:… dev.jig.samples.atm.SshdImage   # builds it unless present
 * </pre>
 */
final class SshdImage {

    /** The tag Testcontainers 2.0.2's {@code PortForwardingContainer} runs. */
    static final String TAG = "testcontainers/sshd:1.3.0";

    private static final Path DIR = Path.of("target", "sshd-image");
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final String CONFIG = """
            Port 22
            HostKey /etc/ssh/ssh_host_rsa_key
            HostKey /etc/ssh/ssh_host_ed25519_key
            PermitRootLogin yes
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            UsePAM no
            GatewayPorts yes
            AllowTcpForwarding yes
            KexAlgorithms +diffie-hellman-group14-sha1,diffie-hellman-group1-sha1,diffie-hellman-group-exchange-sha1
            HostKeyAlgorithms +ssh-rsa
            PubkeyAcceptedAlgorithms +ssh-rsa
            Ciphers +aes128-ctr,aes128-cbc,3des-cbc
            MACs +hmac-sha1
            """;
    /** Sets root's password to the one Testcontainers passes, then runs sshd in the foreground. */
    private static final String ENTRYPOINT = "[\"/bin/sh\", \"-c\", \"printf 'root:%s:1::::::\\\\nsshd:*:1::::::\\\\n' "
            + "\\\"$(mkpasswd -m sha512 \\\"$PASSWORD\\\")\\\" > /etc/shadow && exec /usr/sbin/sshd -D -e\"]";

    private static boolean present;

    private SshdImage() {
    }

    public static void main(String[] args) {
        ensure();
        System.out.println(TAG);
    }

    /** Builds the image unless the engine has it; skips the calling test, with the reason, without sshd. */
    static synchronized void ensure() {
        if (present) {
            return;
        }
        try {
            if (!exists()) {
                assumeTrue(Files.isExecutable(SSHD), "no " + SSHD + " to build " + TAG
                        + " from: apt-get install openssh-server");
                assumeTrue(Files.isExecutable(BUSYBOX), "no " + BUSYBOX + ": apt-get install busybox-static");
                AtmImage.run(List.of("docker", "build", "-q", "-t", TAG, prepare().toString()));
            }
            present = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build " + TAG + " in " + DIR.toAbsolutePath(), e);
        }
    }

    private static boolean exists() throws IOException {
        return !AtmImage.run(List.of("docker", "image", "ls", "-q", TAG)).isBlank();
    }

    private static Path prepare() throws IOException {
        AtmImage.deleteTree(DIR);
        Path rootfs = DIR.resolve("rootfs");
        for (String dir : List.of("etc/ssh", "run/sshd", "root", "tmp", "bin", "usr/sbin")) {
            Files.createDirectories(rootfs.resolve(dir));
        }
        copy(SSHD, rootfs);
        copy(BUSYBOX, rootfs);
        for (String applet : List.of("sh", "mkpasswd")) {
            Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Matcher library = AtmImage.LIBRARY.matcher(AtmImage.run(List.of("ldd", SSHD.toString())));
        while (library.find()) {
            copy(Path.of(library.group(1)).toRealPath(), rootfs, Path.of(library.group(1)));
        }
        write(rootfs, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\nsshd:x:100:65534::/run/sshd:/bin/false\n");
        write(rootfs, "etc/group", "root:x:0:\nnogroup:x:65534:\n");
        write(rootfs, "etc/shadow", "root:*:1::::::\nsshd:*:1::::::\n");
        write(rootfs, "etc/ssh/sshd_config", CONFIG);
        for (String type : List.of("rsa", "ed25519")) {
            AtmImage.run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-f",
                    rootfs.resolve("etc/ssh/ssh_host_" + type + "_key").toString()));
        }
        Files.writeString(DIR.resolve("Dockerfile"), "FROM scratch\nCOPY rootfs/ /\nEXPOSE 22\nENTRYPOINT "
                + ENTRYPOINT + "\n", StandardCharsets.UTF_8);
        return DIR;
    }

    private static void copy(Path file, Path rootfs) throws IOException {
        copy(file, rootfs, file);
    }

    private static void copy(Path file, Path rootfs, Path as) throws IOException {
        Path target = rootfs.resolve(as.toString().substring(1));
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static void write(Path rootfs, String file, String content) throws IOException {
        Files.writeString(rootfs.resolve(file), content, StandardCharsets.UTF_8);
    }
}

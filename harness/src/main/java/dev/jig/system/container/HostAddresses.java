package dev.jig.system.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a container on a bridge network is given instead of the test host's loopback addresses: each
 * {@code 127.0.0.1:<port>} or {@code localhost:<port>} in its args and env (a fake's address, say) becomes
 * {@code host.testcontainers.internal:<port>}, and the ports so named are the ones to expose to it.
 */
final class HostAddresses {

    /** The name a container sees the test host by once a host port is exposed (Testcontainers' own). */
    static final String HOST = "host.testcontainers.internal";

    private static final Pattern LOOPBACK = Pattern.compile("(?<![\\w.-])(?:127\\.0\\.0\\.1|localhost):(\\d{1,5})\\b");
    /** Loopback named without a port next to it: left as it is, so inside the container it is the container. */
    private static final Pattern BARE_LOOPBACK = Pattern.compile("(?<![\\w.-])(?:127\\.0\\.0\\.1|localhost)(?![\\w.:-])");

    private final List<String> args;
    private final Map<String, String> env;
    private final Set<Integer> ports = new TreeSet<>();
    private final List<String> bare = new ArrayList<>();

    private HostAddresses(List<String> args, Map<String, String> env) {
        List<String> rewrittenArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            rewrittenArgs.add(rewrite(args.get(i), "argument " + (i + 1)));
        }
        Map<String, String> rewrittenEnv = new LinkedHashMap<>();
        env.forEach((variable, value) -> rewrittenEnv.put(variable,
                value == null ? null : rewrite(value, "environment variable " + variable)));
        this.args = List.copyOf(rewrittenArgs);
        this.env = Collections.unmodifiableMap(rewrittenEnv);
    }

    /** Rewrites the loopback addresses in {@code args} and {@code env} (null values stay null). */
    static HostAddresses rewrite(List<String> args, Map<String, String> env) {
        return new HostAddresses(args, env);
    }

    List<String> args() {
        return args;
    }

    Map<String, String> env() {
        return env;
    }

    /** The host ports the rewritten addresses name, ascending. */
    Set<Integer> hostPorts() {
        return Collections.unmodifiableSet(ports);
    }

    /**
     * Where a loopback address is named without its port beside it ({@code "127.0.0.1 4711"}, a host and a port in
     * two arguments), which stays as it is and so, inside the container, means the container: e.g.
     * {@code "argument 2"}.
     */
    List<String> bareLoopback() {
        return List.copyOf(bare);
    }

    private String rewrite(String value, String where) {
        if (BARE_LOOPBACK.matcher(value).find()) {
            bare.add(where);
        }
        Matcher match = LOOPBACK.matcher(value);
        StringBuilder out = new StringBuilder();
        while (match.find()) {
            int port = Integer.parseInt(match.group(1));
            if (port < 1 || port > 65535) {
                continue;
            }
            ports.add(port);
            match.appendReplacement(out, Matcher.quoteReplacement(HOST + ":" + port));
        }
        match.appendTail(out);
        return out.toString();
    }
}

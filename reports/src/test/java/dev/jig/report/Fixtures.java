package dev.jig.report;

import dev.jig.record.BaselineComparison;
import dev.jig.record.BenchStats;
import dev.jig.record.BenchmarkRecord;
import dev.jig.record.CallNode;
import dev.jig.record.EnvironmentRecord;
import dev.jig.record.ExactProfile;
import dev.jig.record.FailureRecord;
import dev.jig.record.FakeRecord;
import dev.jig.record.FlatRow;
import dev.jig.record.PhaseRecord;
import dev.jig.record.ProcessRecord;
import dev.jig.record.ProfileRecord;
import dev.jig.record.RunInfo;
import dev.jig.record.RunRecord;
import dev.jig.record.SampleNode;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import dev.jig.record.SystemProfileRecord;
import dev.jig.record.TestRecord;
import dev.jig.record.TraceHold;
import dev.jig.record.TraceMark;
import dev.jig.record.TraceMessage;
import dev.jig.record.TraceRecord;
import dev.jig.record.WaitRecord;
import dev.jig.record.TestStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** Results written by hand for report tests: a pass, a failure with output, a hostile name, profiles, benches. */
final class Fixtures {

    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private Fixtures() {
    }

    static RunRecord run(String id, Instant startedAt, List<TestRecord> tests) {
        return new RunRecord(RunRecord.SCHEMA, new RunInfo(id, startedAt, 2_000_000_000L,
                new EnvironmentRecord("17.0.15", "Linux 6.1 amd64", 2, "ci-host", "abc1234")), tests, List.of());
    }

    static RunRecord sample() {
        return run("run-1", Instant.parse("2026-11-23T07:00:00Z"),
                List.of(passing("janeCanWithdraw()", 1.0), failing(), hostile(), benchmarked(1.0)));
    }

    static String id(String method) {
        return "[engine:junit-jupiter]/[class:dev.jig.samples.atm.AtmTest]/[method:" + method + "]";
    }

    static TestRecord passing(String method, double speed) {
        return test(method, TestStatus.PASSED, null, List.of(process(List.of("listening on port 41234"))),
                new ProfileRecord(exact(speed), sampled()), null);
    }

    static TestRecord failing() {
        List<String> output = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            output.add("12:00:00." + (100 + i) + " out line " + i);
        }
        output.add("12:00:01.000 err API_TOKEN=hunter2 refused: balance lookup failed");
        FailureRecord failure = new FailureRecord("org.opentest4j.AssertionFailedError",
                "expected: <true> but was: <false>",
                "org.opentest4j.AssertionFailedError: expected\n\tat x.y(Z.java:1)");
        return new TestRecord(id("anonymousIsRefused()"), "dev.jig.samples.atm.AtmTest", "anonymousIsRefused",
                "anonymousIsRefused()", TestStatus.FAILED, 40_000_000L, failure, phases(),
                List.of(process(output)), List.of(new FakeRecord("bank", "tcp", "127.0.0.1:41233", 2,
                        List.of("{\"customer\":\"nobody\"}"), List.of())), null, null, null, null, trace());
    }

    /** The ATM asked by the client, asking the bank in turn: what {@code FakeTraceTest} records, by hand. */
    static TraceRecord trace() {
        List<TraceMessage> messages = List.of(
                new TraceMessage(1, "request", "client", "atm", "withdraw 50 for nobody", 1, 11_400_000L, null, 23,
                        null, null),
                new TraceMessage(2, "request", "atm", "bank", "BalanceQuery {customer: \"nobody\"}", 1, null,
                        13_500_000L, 9, null, null),
                new TraceMessage(3, "reply", "bank", "atm", "replied Balance {balance: 0}", 1, 13_700_000L, null, 4,
                        2, null),
                new TraceMessage(4, "reply", "atm", "client", "refused: insufficient funds", 1, null, 14_100_000L,
                        31, 1, null));
        List<TraceHold> holds = List.of(
                new TraceHold("atm", 11_400_000L, 2_100_000L, "from withdraw 50 for nobody #1 to asking bank", 1),
                new TraceHold("bank", 13_500_000L, 200_000L, "answering BalanceQuery #2", 2),
                new TraceHold("atm", 13_700_000L, 400_000L, "after bank's answer to replying", 1));
        return new TraceRecord(List.of("client", "atm", "bank"), messages, holds,
                List.of(new TraceMark("atm", 14_000_000L, "withdraw 50 for nobody: failed, insufficient funds")), 0L,
                List.of(new WaitRecord("main", "park", 11_450_000L, 2_600_000L, "java.util.concurrent.CompletableFuture",
                        List.of("jdk.internal.misc.Unsafe.park:-1", "java.util.concurrent.CompletableFuture.join:2117",
                                "dev.jig.samples.atm.AtmTest.anonymousIsRefused:42"))));
    }

    static TestRecord hostile() {
        return new TestRecord(id("hostile()"), "dev.jig.samples.atm.AtmTest", "hostile", HOSTILE,
                TestStatus.FAILED, 5_000_000L, new FailureRecord("java.lang.AssertionError", HOSTILE, HOSTILE),
                List.of(new PhaseRecord(HOSTILE, 0, 1_000_000)),
                List.of(new ProcessRecord(HOSTILE, List.of("sh", "-c", HOSTILE), 7, 1, List.of(HOSTILE,
                        "</script><script>alert(2)</script>"), false)), List.of(), null, null, null);
    }

    static TestRecord benchmarked(double speed) {
        List<BenchmarkRecord> benches = List.of(
                bench("withdraw", 1_000_000 * speed, new BaselineComparison(900_000, 11.1, true, "baseline-1",
                        "median:5%", "calibrated", 0.001, true, 5, 2.0, 3.5)),
                bench("balance", 400_000 * speed, new BaselineComparison(410_000, -2.4, false, "baseline-1",
                        "median:5%", "calibrated", 0.8, false, 5, 2.0, 3.5)));
        return test("withdrawLatency()", TestStatus.PASSED, null, List.of(), null, benches);
    }

    private static TestRecord test(String method, TestStatus status, FailureRecord failure,
                                   List<ProcessRecord> processes, ProfileRecord profile,
                                   List<BenchmarkRecord> benches) {
        List<SystemProfileRecord> systems = profile == null ? null : List.of(new SystemProfileRecord("atm", "jfr",
                40, List.of(new SampledFlatRow("atm.Main.serve", 30, 40)),
                new SampleNode("root", 40, List.of(new SampleNode("atm.Main.serve", 40, List.of()))), 90_000_000L,
                64_000_000L));
        return new TestRecord(id(method), "dev.jig.samples.atm.AtmTest", method.replace("()", ""), method, status,
                25_000_000L, failure, phases(), processes, List.of(new FakeRecord("bank", "tcp", "127.0.0.1:1", 1,
                List.of(), List.of())), profile, systems, benches);
    }

    static List<PhaseRecord> phases() {
        return List.of(new PhaseRecord("start bank", 0, 2_000_000),
                new PhaseRecord("start atm", 2_000_000, 9_000_000),
                new PhaseRecord("ready atm", 11_000_000, 300_000),
                new PhaseRecord("test body", 11_300_000, 8_000_000),
                new PhaseRecord("stop atm", 19_300_000, 3_000_000),
                new PhaseRecord("stop bank", 22_300_000, 500_000));
    }

    static ProcessRecord process(List<String> output) {
        return new ProcessRecord("atm", List.of("java", "--password", "***", "atm.Main"), 4242, 0, output, false);
    }

    static ExactProfile exact(double speed) {
        long lookup = (long) (6_000_000 * speed);
        CallNode tree = new CallNode("root", 1, 10_000_000 + lookup, 0, List.of(
                new CallNode("atm.Client.withdraw", 1, 10_000_000 + lookup, 1_000_000, List.of(
                        new CallNode("atm.Bank.balanceLookup", 2, lookup, lookup, List.of()),
                        new CallNode("atm.Codec.encode", 4, 9_000_000, 9_000_000, List.of())))));
        List<FlatRow> flat = List.of(
                new FlatRow("atm.Client.withdraw", 1, 1_000_000, 10_000_000 + lookup, List.of(),
                        List.of("atm.Bank.balanceLookup", "atm.Codec.encode")),
                new FlatRow("atm.Bank.balanceLookup", 2, lookup, lookup, List.of("atm.Client.withdraw"), List.of()),
                new FlatRow("atm.Codec.encode", 4, 9_000_000, 9_000_000, List.of("atm.Client.withdraw"), List.of()));
        return new ExactProfile(flat, tree, 20, true);
    }

    static SampledProfile sampled() {
        return new SampledProfile("jdk.ExecutionSample", 10_000_000, 12,
                List.of(new SampledFlatRow("atm.Codec.encode", 8, 8),
                        new SampledFlatRow("atm.Client.withdraw", 4, 12)),
                new SampleNode("root", 12, List.of(new SampleNode("atm.Client.withdraw", 12,
                        List.of(new SampleNode("atm.Codec.encode", 8, List.of()))))));
    }

    static BenchmarkRecord bench(String name, double mean, BaselineComparison baseline) {
        return new BenchmarkRecord(name, "atm", "ns", new BenchStats(mean * 0.8, mean * 1.6, mean, mean * 0.1,
                mean * 0.98, mean * 0.9, mean * 1.1, mean * 0.2, 2, 1e9 / mean, 10, 1000), "bench", baseline,
                null, null, null, null, null, null, null);
    }

    private static final String[] FRAMES = {
        "dev.jig.samples.atm.AtmMain.serve", "dev.jig.samples.atm.Teller.withdraw",
        "dev.jig.samples.atm.Teller.deposit",
        "dev.jig.samples.atm.BankClient.balance", "dev.jig.samples.atm.BankClient.send", "dev.jig.wire.Frames.read",
        "dev.jig.wire.Frames.write", "com.fasterxml.jackson.databind.ObjectMapper.readValue",
        "com.fasterxml.jackson.databind.ObjectMapper.writeValueAsBytes", "java.io.DataInputStream.readFully",
        "java.net.Socket$SocketInputStream.read", "java.net.Socket$SocketOutputStream.write",
        "java.util.HashMap.get", "java.lang.String.format", "dev.jig.samples.atm.Ledger.apply",
        "dev.jig.samples.atm.Ledger.audit", "java.util.concurrent.locks.ReentrantLock.lock"};

    /** A plausible ATM call tree for the README's screenshot: a few hundred nodes with real-looking names. */
    static ExactProfile screenshotProfile() {
        Random random = new Random(7);
        CallNode tree = named("root", 0, random);
        Map<String, long[]> sums = new TreeMap<>();
        tree.children().forEach(c -> sum(c, sums, new HashSet<>()));
        List<FlatRow> flat = new ArrayList<>();
        sums.forEach((method, s) -> flat.add(new FlatRow(method, s[0], s[1], s[2], List.of(), List.of())));
        return new ExactProfile(flat, tree, 20, true);
    }

    /** Calls, self and total per method; a method already on the path adds no total (recursion). */
    private static void sum(CallNode node, Map<String, long[]> sums, Set<String> onPath) {
        long[] s = sums.computeIfAbsent(node.frame(), f -> new long[3]);
        s[0] += node.calls();
        s[1] += node.selfNanos();
        boolean first = onPath.add(node.frame());
        if (first) {
            s[2] += node.totalNanos();
        }
        node.children().forEach(c -> sum(c, sums, onPath));
        if (first) {
            onPath.remove(node.frame());
        }
    }

    private static CallNode named(String frame, int depth, Random random) {
        List<CallNode> children = new ArrayList<>();
        int fanOut = depth >= 6 ? 0 : 1 + random.nextInt(depth < 2 ? 3 : 3);
        for (int i = 0; i < fanOut; i++) {
            String child = FRAMES[Math.min(FRAMES.length - 1, depth * 2 + random.nextInt(6))];
            children.add(named(child, depth + 1, random));
        }
        long self = (1 + random.nextInt(20)) * 40_000L;
        long total = self + children.stream().mapToLong(CallNode::totalNanos).sum();
        return new CallNode(frame, 1 + random.nextInt(40), total, self, children);
    }

    /** A call tree of about {@code nodes} nodes with random fan-out and times, for size measurements. */
    static CallNode bigTree(int nodes, long seed) {
        Random random = new Random(seed);
        int[] left = {nodes - 1};
        return grow("root", 0, random, left);
    }

    private static CallNode grow(String frame, int depth, Random random, int[] left) {
        List<CallNode> children = new ArrayList<>();
        int fanOut = depth > 14 ? 0 : 1 + random.nextInt(depth < 3 ? 12 : 5);
        for (int i = 0; i < fanOut && left[0] > 0; i++) {
            left[0]--;
            children.add(grow("pkg" + (depth % 7) + ".Class" + random.nextInt(400) + ".method" + random.nextInt(30),
                    depth + 1, random, left));
        }
        long self = 1_000 + random.nextInt(50_000);
        long total = self + children.stream().mapToLong(CallNode::totalNanos).sum();
        return new CallNode(frame, 1 + random.nextInt(5), total, self, children);
    }
}

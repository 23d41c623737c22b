package dev.jig.report;

import dev.jig.record.ExactProfile;
import dev.jig.record.FlatRow;
import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import dev.jig.record.SystemProfileRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One profile as the page shows it, whatever its source: a flat table and a tree, in nanoseconds
 * ({@code unit} "ns") or samples ("samples"). Profiles of one group (the kind, and for systems the system's
 * name) are summed into a run aggregate.
 */
record ProfileView(String title, String kind, String group, String unit, int test, List<Row> flat,
                   TreeEncoder.Node tree, String note) {

    /** A flat row; callers and callees are method names. */
    record Row(String method, long calls, long self, long total, Set<String> callers, Set<String> callees) {
    }

    static ProfileView exact(String title, int test, ExactProfile profile, double foldShare) {
        List<Row> rows = new ArrayList<>();
        for (FlatRow r : profile.flat()) {
            rows.add(new Row(r.method(), r.calls(), r.selfNanos(), r.totalNanos(),
                    new LinkedHashSet<>(r.callers()), new LinkedHashSet<>(r.callees())));
        }
        String note = profile.countsOnly()
                ? "calls counted by a counting-only probe, not timed: time is in the hybrid and sampled views"
                : "instrumentation overhead " + profile.overheadNanosPerCall() + " ns per call"
                + (profile.overheadSubtracted() ? ", subtracted" : ", not subtracted")
                + (profile.inflation() == null ? "; calls are exact, times are those of instrumented code"
                : String.format(java.util.Locale.ROOT, "; calls are exact, times measured %.1f× the "
                + "uninstrumented run's: read time from the sampled profile", profile.inflation()));
        return new ProfileView(title, "exact", "exact", "ns", test, rows,
                profile.tree() == null ? null : TreeEncoder.of(profile.tree(), foldShare), note);
    }

    static ProfileView sampled(String title, int test, SampledProfile profile, double foldShare) {
        return new ProfileView(title, "sampled", "sampled", "samples", test,
                sampledRows(profile.flat()),
                profile.tree() == null ? null : TreeEncoder.of(profile.tree(), foldShare),
                profile.samples() + " samples of " + profile.event()
                        + (profile.intervalNanos() > 0 ? " every " + Summary.millis(profile.intervalNanos()) : "")
                        + (profile.engine() == null ? "" : " by " + profile.engine()));
    }

    /**
     * Calls from the exact profile beside time from the sampled one (samples × interval), for a test that has
     * both: instrumented times are inflated (the JIT inlines less), sampled times are not, calls need
     * instrumentation. When the calls were only counted ({@link ExactProfile#countsOnly()}, mode BOTH), callers
     * and callees come from the sampled tree too, and the probe's frames count as self time of the method they
     * are inlined into ({@link SampledCallGraph}).
     * Null when the samples have no interval (allocation or lock samples).
     */
    static ProfileView hybrid(String title, int test, ExactProfile exact, SampledProfile sampled) {
        if (sampled.intervalNanos() <= 0) {
            return null;
        }
        Map<String, SampledFlatRow> bySamples = new LinkedHashMap<>();
        sampled.flat().forEach(r -> bySamples.put(r.method(), r));
        SampledCallGraph graph = exact.countsOnly() ? SampledCallGraph.of(sampled.tree()) : null;
        long interval = sampled.intervalNanos();
        List<Row> rows = new ArrayList<>();
        for (FlatRow r : exact.flat()) {
            SampledFlatRow samples = bySamples.get(r.method());
            long self = samples == null ? 0 : samples.selfSamples() * interval;
            long total = samples == null ? 0 : samples.totalSamples() * interval;
            if (graph == null) {
                rows.add(new Row(r.method(), r.calls(), self, total, new LinkedHashSet<>(r.callers()),
                        new LinkedHashSet<>(r.callees())));
            } else {
                long selfWithProbe = self + graph.probeSamplesIn(r.method()) * interval;
                rows.add(new Row(r.method(), r.calls(), selfWithProbe, Math.max(selfWithProbe, total),
                        new LinkedHashSet<>(graph.callers(r.method())), new LinkedHashSet<>(graph.callees(r.method()))));
            }
        }
        rows.sort((a, b) -> Long.compare(b.self(), a.self()));
        String samplesText = sampled.samples() + " samples of " + sampled.event() + " every "
                + Summary.millis(interval) + (sampled.engine() == null ? "" : " by " + sampled.engine());
        String note = exact.countsOnly()
                ? "calls counted by instrumentation (a counting-only probe: no clock, no call graph); self and total "
                + "time, callers and callees from " + samplesText + "; the probe's frames (dev.jig.profile) "
                + "count as self time of the method they are inlined into"
                : "calls from instrumentation, self and total time from " + samplesText
                + " (the samples see instrumented code too: its own frames are Jig's, in dev.jig.profile)"
                + (exact.inflation() == null ? ""
                : String.format(java.util.Locale.ROOT, "; exact times measured %.1f× inflated", exact.inflation()));
        return new ProfileView(title, "hybrid", "hybrid", "ns", test, rows, null, note);
    }

    static ProfileView system(String title, int test, SystemProfileRecord profile, double foldShare) {
        return new ProfileView(title, "system", "system " + profile.system(), "samples", test,
                sampledRows(profile.flat()),
                profile.tree() == null ? null : TreeEncoder.of(profile.tree(), foldShare), systemNote(profile));
    }

    private static String systemNote(SystemProfileRecord profile) {
        StringBuilder note = new StringBuilder(profile.kind() + ", " + profile.samples() + " samples");
        if (profile.cpuNanos() != null) {
            note.append(", CPU ").append(Summary.millis(profile.cpuNanos()));
        }
        if (profile.peakRssBytes() != null) {
            note.append(String.format(java.util.Locale.ROOT, ", peak RSS %.1f MB", profile.peakRssBytes() / 1e6));
        }
        return note.toString();
    }

    private static List<Row> sampledRows(List<SampledFlatRow> flat) {
        List<Row> rows = new ArrayList<>();
        for (SampledFlatRow r : flat) {
            rows.add(new Row(r.method(), 0, r.selfSamples(), r.totalSamples(), Set.of(), Set.of()));
        }
        return rows;
    }

    /** Sums profiles of one group: flat rows by method, trees by call path. Null when fewer than two. */
    static ProfileView aggregate(String title, String group, List<ProfileView> profiles) {
        List<ProfileView> same = profiles.stream().filter(p -> p.group().equals(group)).toList();
        if (same.size() < 2) {
            return null;
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        List<TreeEncoder.Node> roots = new ArrayList<>();
        for (ProfileView p : same) {
            p.flat().forEach(r -> rows.merge(r.method(), r, ProfileView::sum));
            if (p.tree() != null) {
                roots.add(p.tree());
            }
        }
        TreeEncoder.Node tree = roots.isEmpty() ? null : merge("all tests", roots);
        return new ProfileView(title, same.get(0).kind(), group, same.get(0).unit(), -1,
                new ArrayList<>(rows.values()), tree, "sum of " + same.size() + " profiles");
    }

    private static Row sum(Row a, Row b) {
        Set<String> callers = new LinkedHashSet<>(a.callers());
        callers.addAll(b.callers());
        Set<String> callees = new LinkedHashSet<>(a.callees());
        callees.addAll(b.callees());
        return new Row(a.method(), a.calls() + b.calls(), a.self() + b.self(), a.total() + b.total(),
                callers, callees);
    }

    /** Merges nodes that share a call path; children with the same frame are merged recursively. */
    static TreeEncoder.Node merge(String frame, List<TreeEncoder.Node> nodes) {
        long total = 0;
        long self = 0;
        long calls = 0;
        Map<String, List<TreeEncoder.Node>> byFrame = new LinkedHashMap<>();
        for (TreeEncoder.Node n : nodes) {
            total += n.total();
            self += n.self();
            calls += n.calls();
            n.children().forEach(c -> byFrame.computeIfAbsent(c.frame(), f -> new ArrayList<>()).add(c));
        }
        List<TreeEncoder.Node> children = new ArrayList<>();
        byFrame.forEach((f, group) -> children.add(merge(f, group)));
        return new TreeEncoder.Node(frame, total, self, calls, children);
    }
}

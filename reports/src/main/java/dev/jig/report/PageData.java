package dev.jig.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.record.BenchmarkRecord;
import dev.jig.record.FakeRecord;
import dev.jig.record.PhaseRecord;
import dev.jig.record.ProcessRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.SystemProfileRecord;
import dev.jig.record.TestRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The data a report page reads: the run's tests with short keys, and every profile as a compact tree
 * whose frames are interned once. Built with Jackson's tree model so nothing here formats JSON by hand.
 */
final class PageData {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FrameTable frames = new FrameTable();
    private final double foldShare;

    private PageData(double foldShare) {
        this.foldShare = foldShare;
    }

    static ObjectNode of(RunRecord run, double foldShare) {
        return new PageData(foldShare).build(run);
    }

    private ObjectNode build(RunRecord run) {
        ObjectNode page = MAPPER.createObjectNode();
        ArrayNode tests = page.putArray("tests");
        List<ProfileView> profiles = new ArrayList<>();
        for (int i = 0; i < run.tests().size(); i++) {
            TestRecord test = run.tests().get(i);
            tests.add(test(test));
            profiles.addAll(profilesOf(i, test, foldShare));
        }
        List<ProfileView> all = new ArrayList<>();
        for (String group : profiles.stream().map(ProfileView::group).distinct().toList()) {
            ProfileView aggregate = ProfileView.aggregate("All tests (" + group + ")", group, profiles);
            if (aggregate != null) {
                all.add(aggregate);
            }
        }
        all.addAll(profiles);
        ArrayNode encoded = page.putArray("profiles");
        all.forEach(p -> encoded.add(profile(p)));
        page.set("frames", frames.names());
        return page;
    }

    static List<ProfileView> profilesOf(int index, TestRecord test, double foldShare) {
        List<ProfileView> views = new ArrayList<>();
        String name = test.className() + "." + test.displayName();
        if (test.profile() != null && test.profile().exact() != null) {
            views.add(ProfileView.exact(name + " (exact)", index, test.profile().exact(), foldShare));
        }
        if (test.profile() != null && test.profile().sampled() != null) {
            views.add(ProfileView.sampled(name + " (sampled)", index, test.profile().sampled(), foldShare));
        }
        if (test.systemProfiles() != null) {
            for (SystemProfileRecord system : test.systemProfiles()) {
                views.add(ProfileView.system(name + " — system " + system.system(), index, system, foldShare));
            }
        }
        if (test.profile() != null && test.profile().exact() != null && test.profile().sampled() != null) {
            ProfileView hybrid = ProfileView.hybrid(name + " (calls exact, time sampled)", index,
                    test.profile().exact(), test.profile().sampled());
            if (hybrid != null) {
                views.add(hybrid);
            }
        }
        return views;
    }

    private ObjectNode test(TestRecord test) {
        ObjectNode t = MAPPER.createObjectNode();
        t.put("id", test.id());
        t.put("cls", test.className());
        t.put("name", test.displayName());
        t.put("status", test.status().label());
        t.put("dur", test.durationNanos());
        if (test.failure() != null) {
            t.set("failure", MAPPER.valueToTree(test.failure()));
        }
        if (test.diagnostics() != null) {
            t.set("diagnostics", MAPPER.valueToTree(test.diagnostics()));
        }
        ArrayNode phases = t.putArray("phases");
        for (PhaseRecord p : test.phases()) {
            phases.addArray().add(p.name()).add(p.startNanos()).add(p.durationNanos());
        }
        ArrayNode processes = t.putArray("processes");
        for (ProcessRecord p : test.processes()) {
            ObjectNode node = processes.addObject();
            node.put("name", p.name());
            node.set("command", MAPPER.valueToTree(p.command()));
            node.put("pid", p.pid());
            node.set("exit", p.exitCode() == null ? null : MAPPER.valueToTree(p.exitCode()));
            ArrayNode output = node.putArray("output");
            p.output().forEach(line -> output.add(line));
            node.put("truncated", p.outputTruncated());
            node.put("kind", p.kind());
            node.put("image", p.image());
            node.put("stoppedBy", p.stoppedBy());
        }
        ArrayNode fakes = t.putArray("fakes");
        for (FakeRecord f : test.fakes()) {
            fakes.add(MAPPER.<JsonNode>valueToTree(f));
        }
        if (test.trace() != null) {
            t.set("trace", MAPPER.valueToTree(test.trace()));
        }
        if (test.benchmarks() != null) {
            ArrayNode benchmarks = t.putArray("benchmarks");
            for (BenchmarkRecord b : test.benchmarks()) {
                benchmarks.add(MAPPER.<JsonNode>valueToTree(b));
            }
        }
        return t;
    }

    private ObjectNode profile(ProfileView view) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("title", view.title());
        p.put("kind", view.kind());
        p.put("unit", view.unit());
        p.put("test", view.test());
        p.put("note", view.note());
        ArrayNode flat = p.putArray("flat");
        for (ProfileView.Row r : view.flat()) {
            ArrayNode row = flat.addArray().add(frames.of(r.method())).add(r.calls()).add(r.self()).add(r.total());
            ArrayNode callers = row.addArray();
            r.callers().forEach(c -> callers.add(frames.of(c)));
            ArrayNode callees = row.addArray();
            r.callees().forEach(c -> callees.add(frames.of(c)));
        }
        if (view.tree() != null) {
            p.set("tree", TreeEncoder.encode(view.tree(), frames, foldShare));
        }
        return p;
    }
}

package dev.jig.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.record.CallNode;
import dev.jig.record.ExactProfile;
import dev.jig.record.FlatRow;
import dev.jig.record.SampleNode;
import dev.jig.record.SampledFlatRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileModelTest {

    @Test
    void aCountsOnlyProfileReadsBackAsOneAndAnOlderProfileAsTimed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ExactProfile counts = ExactProfile.counts(List.of(new FlatRow("app.Main.work", 3, 0, 0, List.of(), List.of())));

        String written = json.writeValueAsString(counts);

        assertThat(written).contains("\"countsOnly\":true").doesNotContain("\"tree\"");
        assertThat(json.readValue(written, ExactProfile.class)).isEqualTo(counts);
        assertThat(json.readValue("{\"flat\":[],\"tree\":null,\"overheadNanosPerCall\":20,"
                + "\"overheadSubtracted\":true}", ExactProfile.class).countsOnly()).isFalse();
    }

    /** main(1000) -> a(600: self 100) -> a(500: self 500); main -> b(300) */
    private static CallTree recursiveTree() {
        CallTree tree = new CallTree();
        CallTree.Node main = tree.root().child("Main.main").add(1, 1000);
        CallTree.Node a = main.child("Main.a").add(1, 600);
        a.child("Main.a").add(2, 500);
        main.child("Main.b").add(3, 300);
        return tree;
    }

    private static FlatRow row(List<FlatRow> rows, String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst().orElseThrow();
    }

    @Test
    void selfTimesAreDerivedFromTheChildren() {
        CallNode root = recursiveTree().toRecord(0);

        CallNode main = root.children().get(0);
        assertThat(root.totalNanos()).isEqualTo(1000);
        assertThat(main.selfNanos()).isEqualTo(100);
        assertThat(main.children()).extracting(CallNode::selfNanos).containsExactly(100L, 300L);
    }

    @Test
    void theFlatTotalCountsRecursionOnce() {
        List<FlatRow> flat = FlatProfile.exact(recursiveTree().toRecord(0));

        FlatRow a = row(flat, "Main.a");
        assertThat(a.calls()).isEqualTo(3);
        assertThat(a.selfNanos()).isEqualTo(600);
        assertThat(a.totalNanos()).isEqualTo(600);
        assertThat(a.callers()).containsExactly("Main.main", "Main.a");
        assertThat(a.callees()).containsExactly("Main.a");
        assertThat(row(flat, "Main.main").callees()).containsExactly("Main.a", "Main.b");
        assertThat(flat).extracting(FlatRow::method).containsExactly("Main.a", "Main.b", "Main.main");
    }

    @Test
    void theOverheadOfEachCallIsTakenOffTheCallersSelf() {
        CallNode root = recursiveTree().toRecord(10);

        CallNode main = root.children().get(0);
        assertThat(main.selfNanos()).isEqualTo(100 - 3 * 10 - 1 * 10); // a once, b three times
        assertThat(main.totalNanos()).isEqualTo(main.selfNanos() + main.children().stream()
                .mapToLong(CallNode::totalNanos).sum());
    }

    @Test
    void foldingKeepsTheSumAndTheFlatRowsExact() {
        CallTree tree = new CallTree();
        CallTree.Node main = tree.root().child("Main.main").add(1, 1000);
        main.child("Main.big").add(1, 900);
        main.child("Main.tiny1").add(4, 5);
        main.child("Main.tiny2").add(1, 3);
        CallNode full = tree.toRecord(0);

        CallNode folded = Folding.fold(full, 0.01);

        CallNode foldedMain = folded.children().get(0);
        assertThat(foldedMain.children()).extracting(CallNode::frame).containsExactly("Main.big", "(other)");
        CallNode other = foldedMain.children().get(1);
        assertThat(other.calls()).isEqualTo(5);
        assertThat(other.totalNanos()).isEqualTo(8);
        assertThat(other.selfNanos()).isEqualTo(8);
        assertThat(row(FlatProfile.exact(full), "Main.tiny1").calls()).isEqualTo(4);
    }

    @Test
    void sampledTreesGiveSelfAndTotalSamples() {
        SampleTree tree = new SampleTree();
        tree.add(List.of("Main.main", "Main.a", "Main.a"));
        tree.add(List.of("Main.main", "Main.a"));
        tree.add(List.of("Main.main"));
        SampleNode root = tree.toRecord();

        List<SampledFlatRow> flat = FlatProfile.sampled(root);

        assertThat(root.samples()).isEqualTo(3);
        assertThat(flat).containsExactly(new SampledFlatRow("Main.a", 2, 2), new SampledFlatRow("Main.main", 1, 3));
        SampleNode folded = Folding.fold(root, 0.7); // below 3 samples: Main.a's 2
        assertThat(folded.children().get(0).children()).extracting(SampleNode::frame).containsExactly("(other)");
    }

    @Test
    void namesDropWhatChangesFromRunToRun() {
        assertThat(MethodNames.of("com.acme.Shop$$Lambda$17/0x0000000800c0b040", "run"))
                .isEqualTo("com.acme.Shop$$Lambda.run");
        assertThat(MethodNames.of("com.acme.Shop$$Lambda/0x0000000800c0b040", "run"))
                .isEqualTo("com.acme.Shop$$Lambda.run");
        assertThat(MethodNames.of("com.acme.Shop", "lambda$checkout$3")).isEqualTo("com.acme.Shop.lambda$checkout");
        assertThat(MethodNames.className("com.acme.Shop$$EnhancerByCGLIB$$a1b2c3")).isEqualTo(
                "com.acme.Shop$$EnhancerByCGLIB");
        assertThat(MethodNames.className("com.sun.proxy.$Proxy12")).isEqualTo("com.sun.proxy.$Proxy");
        assertThat(MethodNames.className("jdk.internal.reflect.GeneratedMethodAccessor7"))
                .isEqualTo("jdk.internal.reflect.GeneratedMethodAccessor");
        assertThat(MethodNames.qualified("com.acme.Hidden.0x1234.call")).isEqualTo("com.acme.Hidden.call");
        assertThat(MethodNames.of("com.acme.Main$$Lambda+0x00007f724400a410.536765369", "serve"))
                .isEqualTo("com.acme.Main$$Lambda.serve");
        assertThat(MethodNames.of("com.acme.Shop", "checkout")).isEqualTo("com.acme.Shop.checkout");
    }

    @Test
    void packagePatternsSelectPackagesClassesAndWildcards() {
        PackagePatterns patterns = PackagePatterns.of(List.of("com.acme", "org.*.service.*"),
                List.of("com.acme.generated"));

        assertThat(patterns.test("com.acme.Shop")).isTrue();
        assertThat(patterns.test("com.acme.cart.Cart$Line")).isTrue();
        assertThat(patterns.test("com.acmeco.Shop")).isFalse();
        assertThat(patterns.test("com.acme.generated.Dto")).isFalse();
        assertThat(patterns.test("org.shop.service.Billing")).isTrue();
        assertThat(patterns.test("dev.jig.profile.CallRecorder")).isFalse();
        assertThat(PackagePatterns.of(List.of("java"), List.of()).test("java.lang.String")).isFalse();
    }

    @Test
    void badPatternsAreRejectedWithAnExample() {
        assertThatThrownBy(() -> PackagePatterns.of(List.of(" "), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.acme");
        assertThatThrownBy(() -> ProfileOptions.sampled().foldBelow(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    }
}

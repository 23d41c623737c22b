package dev.jig.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.record.SampleNode;
import dev.jig.record.SampledFlatRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollapsedStacksTest {

    @Test
    void javaFramesOfKeptThreadsBecomeTheTree() {
        String collapsed = String.join("\n",
                "[main tid=41];app/Main.main;java/util/Collections.sort;java/util/TimSort.mergeLo 3",
                "[main tid=41];app/Main.main;app/Main$$Lambda$3.0x00007f8b14003800.run;app/Main.lambda$main$0 2",
                "[jig-atm-out tid=42];java/lang/Thread.run;dev/jig/process/OutputPump.run 5",
                "[C1 CompilerThre tid=43];[no_Java_frame] 6",
                "[main tid=41];app/Main.main;java.lang.Integer_[i] 1",
                "");

        SampleTree tree = CollapsedStacks.read(collapsed, thread -> !thread.startsWith("jig-"));

        assertThat(tree.samples()).isEqualTo(6);
        SampleNode root = tree.toRecord();
        List<SampledFlatRow> flat = FlatProfile.sampled(root);
        assertThat(flat).extracting(SampledFlatRow::method).containsExactly(
                "java.util.TimSort.mergeLo", "app.Main.lambda$main", "java.lang.Integer", "app.Main.main",
                "java.util.Collections.sort", "app.Main$$Lambda.run")
                .doesNotContain("java.lang.Thread.run");
    }

    @Test
    void pseudoAndNativeFramesAreDropped() {
        assertThat(CollapsedStacks.javaFrame("[unknown_Java]")).isNull();
        assertThat(CollapsedStacks.javaFrame("JavaThread::run")).isNull();
        assertThat(CollapsedStacks.javaFrame("__memmove_avx_unaligned")).isNull();
        assertThat(CollapsedStacks.javaFrame("java/lang/String.hashCode_[j]")).isEqualTo("java.lang.String.hashCode");
        assertThat(CollapsedStacks.threadName("[pool-1 thread-2 tid=7]")).isEqualTo("pool-1 thread-2");
    }
}

package dev.jig.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads async-profiler's collapsed stacks ({@code frame;frame;frame count} per line, outermost first, with a
 * leading {@code [thread tid=N]} frame when recorded with {@code threads}) into a {@link SampleTree}: Java frames
 * only, in the {@code fully.qualified.Class.method} form of {@link MethodNames}. Pseudo-frames such as
 * {@code [no_Java_frame]} and {@code [unknown_Java]} are dropped, and stacks left without frames are not counted,
 * as the JFR reader does.
 */
final class CollapsedStacks {

    private CollapsedStacks() {
    }

    /** The stacks of {@code collapsed} whose thread {@code keepThread} accepts (threads unknown: kept). */
    static SampleTree read(String collapsed, Predicate<String> keepThread) {
        SampleTree tree = new SampleTree();
        for (String line : collapsed.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            long count;
            try {
                count = Long.parseLong(line.substring(space + 1).strip());
            } catch (NumberFormatException e) {
                continue; // not a stack line (async-profiler prints none today; a future header would be skipped)
            }
            String[] raw = line.substring(0, space).split(";");
            int first = 0;
            if (raw.length > 0 && isThreadFrame(raw[0])) {
                if (!keepThread.test(threadName(raw[0]))) {
                    continue;
                }
                first = 1;
            }
            List<String> frames = new ArrayList<>(raw.length);
            for (int i = first; i < raw.length; i++) {
                String frame = javaFrame(raw[i]);
                if (frame != null) {
                    frames.add(frame);
                }
            }
            if (!frames.isEmpty()) {
                tree.add(frames, count);
            }
        }
        return tree;
    }

    private static boolean isThreadFrame(String frame) {
        return frame.startsWith("[") && frame.endsWith("]") && frame.contains("tid=");
    }

    /** {@code [jig-atm-out tid=4242]} is the thread {@code jig-atm-out}. */
    static String threadName(String frame) {
        int tid = frame.lastIndexOf(" tid=");
        return tid < 0 ? frame.substring(1, frame.length() - 1) : frame.substring(1, tid);
    }

    /** The normalised name of a Java frame, or null for a pseudo-frame or a native (C/C++) one. */
    static String javaFrame(String frame) {
        if (frame.isEmpty() || frame.startsWith("[") || frame.contains("::")) {
            return null;
        }
        String name = frame;
        int annotation = name.lastIndexOf("_[");
        if (annotation > 0 && name.endsWith("]")) {
            name = name.substring(0, annotation); // _[j], _[i], _[0], _[1] (compilation), _[k] (allocated outside TLAB)
        }
        if (name.indexOf('.') < 0) {
            return null; // a C symbol: Java frames are Class.method
        }
        return MethodNames.qualified(name.replace('/', '.'));
    }
}

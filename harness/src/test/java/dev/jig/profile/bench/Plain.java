package dev.jig.profile.bench;

/** The uninstrumented twin of {@code Reference.tiny} (dev.jig.profile is never woven). */
final class Plain {

    private Plain() {
    }

    static long tiny(long x) {
        return x + 1;
    }
}

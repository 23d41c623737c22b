package dev.jig.profile;

import one.profiler.AsyncProfiler;

/**
 * async-profiler's native library in this JVM, loaded once from its jar ({@code tools.profiler:async-profiler},
 * which ships it for linux-x64, linux-arm64 and macOS). Loading may fail (another OS, a missing jar, a JVM that
 * is not HotSpot, a read-only temp directory): then {@link #available()} is false and the reason is kept for
 * messages.
 */
final class AsyncProfilerLibrary {

    // Typed Object so that this class links (and the JFR fallback works) when async-profiler's jar is absent.
    private static volatile Object instance;
    private static volatile String unavailable;

    private AsyncProfilerLibrary() {
    }

    /** Loads the library if not tried yet; true when it is loaded. */
    static synchronized boolean available() {
        if (instance == null && unavailable == null) {
            load();
        }
        return instance != null;
    }

    /** Why the library did not load, or null when it did (or was not tried). */
    static String unavailableReason() {
        return unavailable;
    }

    /** The loaded library; call {@link #available()} first. */
    static AsyncProfiler instance() {
        AsyncProfiler loaded = (AsyncProfiler) instance;
        if (loaded == null) {
            throw new IllegalStateException("async-profiler is not loaded: " + unavailable);
        }
        return loaded;
    }

    private static void load() {
        try {
            AsyncProfiler profiler = AsyncProfiler.getInstance();
            profiler.getVersion(); // calls into the library: fails here, not in the first profile, if it is broken
            instance = profiler;
        } catch (LinkageError | RuntimeException e) { // UnsatisfiedLinkError, NoClassDefFoundError, …
            unavailable = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}

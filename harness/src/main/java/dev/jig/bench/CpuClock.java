package dev.jig.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Holder, so that the thread management bean is only looked up when the CPU timer is used. */
final class CpuClock {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {
    }
}

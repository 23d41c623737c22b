package dev.jig.system;

import org.apiguardian.api.API;

/**
 * A POSIX signal Jig can send to a running system ({@link RunningSystem#signal(Signal)}): to a process itself,
 * or to the main process of a container. {@link #STOP}/{@link #CONT} are what {@link RunningSystem#pause()} and
 * {@link RunningSystem#resume()} send, {@link #KILL} what {@link RunningSystem#kill()} sends.
 *
 * <pre>{@code
 * atm.signal(Signal.HUP);          // the ATM reloads its settings
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public enum Signal {
    /** Hang-up: by convention, reload the configuration. */
    HUP,
    /** Interrupt, as Ctrl-C sends. */
    INT,
    /** Quit; a JVM prints a thread dump and goes on. */
    QUIT,
    /** Kill; cannot be caught. */
    KILL,
    /** User signal 1. */
    USR1,
    /** User signal 2. */
    USR2,
    /** Terminate politely: what a stop sends first. */
    TERM,
    /** Continue after {@link #STOP}. */
    CONT,
    /** Stop (freeze); cannot be caught. */
    STOP;

    /** The name {@code kill -s} and Docker take, e.g. {@code "HUP"}. */
    public String shortName() {
        return name();
    }
}

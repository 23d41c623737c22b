package dev.jig.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Collects the messages of one test as its clients, fakes and proxies see them, and turns them into a
 * {@link TraceRecord}. Every {@link Timeline} has one ({@link Timeline#trace()}); resources started with
 * {@link Timeline#NONE} write to {@link #OFF}, which keeps nothing. Thread-safe and cheap: a message costs an
 * object; labels (a decode each) are made only when the record is.
 *
 * <pre>{@code
 * TraceLog.Message request = trace.sent("client", "atm", "request", 1, System.nanoTime(), 23, () -> "withdraw");
 * trace.received("atm", "client", "reply", 1, System.nanoTime(), 12, () -> "ok").replyTo(request);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class TraceLog {

    /** Keeps nothing: for resources started outside a test. */
    public static final TraceLog OFF = new TraceLog(0L, false);

    private static final int MARKS_PER_SYSTEM = 50;
    /** A benchmark sends thousands of requests; the trace keeps the first ones and counts the rest. */
    public static final int MAX_MESSAGES = 2000;

    private static final Message DISCARDED = new Message("discarded", "", "", 0, Long.MIN_VALUE, Long.MIN_VALUE, 0,
            null);

    private final long originNanos;
    private final Instant originInstant;
    private final boolean recording;
    private final List<Message> messages = new ArrayList<>();
    private final List<TraceMark> marks = new ArrayList<>();
    private final Map<String, String> peers = new ConcurrentHashMap<>();
    private long dropped;
    private final List<WaitRecord> waits = new ArrayList<>();

    private TraceLog(long originNanos, boolean recording) {
        this.originNanos = originNanos;
        this.originInstant = recording ? Instant.now() : Instant.EPOCH;
        this.recording = recording;
    }

    /** A log whose offsets count from {@code originNanos} (a {@link System#nanoTime()} value). */
    public static TraceLog startingAt(long originNanos) {
        return new TraceLog(originNanos, true);
    }

    /** Whether it keeps what it is told; {@link #OFF} does not. */
    public boolean isRecording() {
        return recording;
    }

    /** A message {@code from} sent at {@code nanoTime}; its arrival, if seen, is {@link Message#arrived}. */
    public Message sent(String from, String to, String kind, int connection, long nanoTime, long bytes,
                        Supplier<String> label) {
        if (!keeping()) {
            return discarded();
        }
        return add(new Message(kind, from, to, connection, nanoTime, Long.MIN_VALUE, bytes, label));
    }

    /** A message that arrived at {@code to} at {@code nanoTime}, sent by someone Jig does not see send. */
    public Message received(String from, String to, String kind, int connection, long nanoTime, long bytes,
                            Supplier<String> label) {
        if (!keeping()) {
            return discarded();
        }
        return add(new Message(kind, from, to, connection, Long.MIN_VALUE, nanoTime, bytes, label));
    }

    private boolean keeping() {
        if (!recording) {
            return false;
        }
        synchronized (messages) {
            return messages.size() < MAX_MESSAGES;
        }
    }

    /** Stands for a message not kept: what callers tell it goes nowhere, and a reply to it points at nothing. */
    private Message discarded() {
        if (recording) {
            synchronized (messages) {
                dropped++;
            }
        }
        return DISCARDED;
    }

    private Message add(Message message) {
        synchronized (messages) {
            if (messages.size() < MAX_MESSAGES) {
                messages.add(message);
            } else {
                dropped++;
            }
        }
        return message;
    }

    /**
     * Names who talks to {@code server} (a fake or proxy): the system that asked for its address. Until named, its
     * peer is {@code "peer of <server>"}.
     */
    public void peer(String server, String peer) {
        if (recording) {
            peers.putIfAbsent(server, peer);
        }
    }

    /** The placeholder for the unnamed peer of {@code server}; {@link #peer} replaces it in the record. */
    public static String peerOf(String server) {
        return "peer of " + server;
    }

    /** The {@link System#nanoTime()} of a wall-clock {@code time}, for what others time-stamp (WireMock, logs). */
    public long nanoTimeOf(Instant time) {
        return originNanos + Duration.between(originInstant, time).toNanos();
    }

    /** A line {@code system} printed, read at {@code time}. */
    public void mark(String system, Instant time, String text) {
        if (!recording) {
            return;
        }
        long at = Duration.between(originInstant, time).toNanos();
        synchronized (marks) {
            if (marks.stream().filter(m -> m.participant().equals(system)).count() < MARKS_PER_SYSTEM) {
                marks.add(new TraceMark(system, at, text));
            }
        }
    }

    /** Adds where the test JVM's threads blocked (see {@code dev.jig.waits.WaitRecorder}). */
    public void waits(List<WaitRecord> blocked) {
        if (recording) {
            synchronized (waits) {
                waits.addAll(blocked);
            }
        }
    }

    /** What was traced so far, with peers named and holds worked out; null if nothing was. */
    public TraceRecord toRecord() {
        List<Message> all;
        long left;
        synchronized (messages) {
            all = new ArrayList<>(messages);
            left = dropped;
        }
        List<TraceMark> lines;
        synchronized (marks) {
            lines = new ArrayList<>(marks);
        }
        List<WaitRecord> blocked;
        synchronized (waits) {
            blocked = new ArrayList<>(waits);
        }
        if (all.isEmpty() && lines.isEmpty() && blocked.isEmpty()) {
            return null;
        }
        all.sort(Comparator.comparingLong(Message::firstSeen));
        List<TraceMessage> records = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            all.get(i).id = i + 1;
        }
        Set<String> participants = new LinkedHashSet<>();
        for (Message message : all) {
            TraceMessage record = message.toRecord(this);
            participants.add(record.from());
            participants.add(record.to());
            records.add(record);
        }
        lines.sort(Comparator.comparingLong(TraceMark::atNanos));
        lines.forEach(mark -> participants.add(mark.participant()));
        return new TraceRecord(List.copyOf(participants), records, TraceHolds.of(records), lines, left, blocked);
    }

    String named(String participant) {
        if (participant.startsWith("peer of ")) {
            return peers.getOrDefault(participant.substring("peer of ".length()), participant);
        }
        return participant;
    }

    Long offset(long nanoTime) {
        return nanoTime == Long.MIN_VALUE ? null : nanoTime - originNanos;
    }

    /** One message as it is being traced: its arrival, its request and its outcome may come later. */
    public static final class Message {
        private final String kind;
        private final String from;
        private final String to;
        private final int connection;
        private final Supplier<String> label;
        private long sentNanos;
        private long receivedNanos;
        private long bytes;
        private Message replyTo;
        private String outcome;
        private int id;

        private Message(String kind, String from, String to, int connection, long sentNanos, long receivedNanos,
                        long bytes, Supplier<String> label) {
            this.kind = kind;
            this.from = from;
            this.to = to;
            this.connection = connection;
            this.sentNanos = sentNanos;
            this.receivedNanos = receivedNanos;
            this.bytes = bytes;
            this.label = label;
        }

        /** It arrived at {@code nanoTime}. */
        public synchronized Message arrived(long nanoTime) {
            this.receivedNanos = nanoTime;
            return this;
        }

        /** It is the reply to {@code request}. */
        public synchronized Message replyTo(Message request) {
            this.replyTo = request;
            return this;
        }

        /** What went wrong or was done on purpose, e.g. {@code "fault: reset"}; the first one given stays. */
        public synchronized Message outcome(String what) {
            if (outcome == null) {
                outcome = what;
            }
            return this;
        }

        /** Its size grew to {@code total} bytes (a connection through a proxy counts as it goes). */
        public synchronized Message bytes(long total) {
            this.bytes = total;
            return this;
        }

        private synchronized long firstSeen() {
            return sentNanos != Long.MIN_VALUE ? sentNanos : receivedNanos;
        }

        private synchronized TraceMessage toRecord(TraceLog log) {
            String text;
            try {
                text = label == null ? null : label.get();
            } catch (RuntimeException e) {
                text = "(could not be described: " + e.getMessage() + ")";
            }
            return new TraceMessage(id, kind, log.named(from), log.named(to), text, connection,
                    log.offset(sentNanos), log.offset(receivedNanos), bytes,
                    replyTo == null || replyTo.id == 0 ? null : replyTo.id, // 0: a request not kept
                    outcome);
        }
    }
}

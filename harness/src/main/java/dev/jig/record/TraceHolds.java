package dev.jig.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out who held each request, from the messages alone. A client's request to a system is held by the
 * system from when it was sent until the system asks a fake something (the first request the fake receives from
 * that system while the client's request is open), by the fake until it answers, by the system again until it
 * asks the next fake or until the client has the reply. A fake's request that arrived while several client
 * requests to its system were open belongs to the oldest of them: a system serves a connection in order, so with
 * pipelining the oldest open request is the one being worked on. A proxy is transparent here: a fake's request
 * that came through a proxy came from whoever connected to the proxy.
 */
final class TraceHolds {

    private static final int LABEL_CHARS = 48;

    private TraceHolds() {
    }

    static List<TraceHold> of(List<TraceMessage> messages) {
        Map<Integer, TraceMessage> replies = new HashMap<>();
        List<TraceMessage> upstream = new ArrayList<>();
        List<TraceMessage> downstream = new ArrayList<>();
        Map<String, String> behindProxy = new HashMap<>();
        for (TraceMessage message : messages) {
            if ("connection".equals(message.kind())) {
                behindProxy.putIfAbsent(message.to(), message.from());
            } else if (message.replyTo() != null) {
                replies.putIfAbsent(message.replyTo(), message);
            } else if ("request".equals(message.kind()) && message.sentNanos() != null) {
                upstream.add(message);
            } else if ("request".equals(message.kind()) && message.receivedNanos() != null) {
                downstream.add(message);
            }
        }
        upstream.sort(Comparator.comparingLong(TraceMessage::sentNanos));
        downstream.sort(Comparator.comparingLong(TraceMessage::receivedNanos));
        Map<Integer, List<TraceMessage>> asked = new HashMap<>();
        List<TraceMessage> unassigned = new ArrayList<>();
        for (TraceMessage fakeRequest : downstream) {
            TraceMessage owner = oldestOpen(upstream, replies, fakeRequest, sender(fakeRequest, behindProxy));
            if (owner == null) {
                unassigned.add(fakeRequest);
            } else {
                asked.computeIfAbsent(owner.id(), id -> new ArrayList<>()).add(fakeRequest);
            }
        }
        List<TraceHold> holds = new ArrayList<>();
        for (TraceMessage request : upstream) {
            TraceMessage reply = replies.get(request.id());
            if (reply != null && reply.receivedNanos() != null) {
                holdsOf(request, reply, asked.getOrDefault(request.id(), List.of()), replies, holds);
            }
        }
        for (TraceMessage fakeRequest : unassigned) {
            fakeHold(fakeRequest, replies.get(fakeRequest.id()), holds);
        }
        holds.sort(Comparator.comparingLong(TraceHold::startNanos));
        return holds;
    }

    /** Who sent {@code request}, looking through proxies (a chain of them, but never round in a circle). */
    private static String sender(TraceMessage request, Map<String, String> behindProxy) {
        String from = request.from();
        for (int hops = 0; behindProxy.containsKey(from) && hops < behindProxy.size(); hops++) {
            from = behindProxy.get(from);
        }
        return from;
    }

    private static TraceMessage oldestOpen(List<TraceMessage> upstream, Map<Integer, TraceMessage> replies,
                                           TraceMessage fakeRequest, String sender) {
        long at = fakeRequest.receivedNanos();
        for (TraceMessage request : upstream) {
            TraceMessage reply = replies.get(request.id());
            boolean open = request.sentNanos() <= at && reply != null && reply.receivedNanos() != null
                    && at <= reply.receivedNanos();
            if (open && request.to().equals(sender)) {
                return request;
            }
        }
        return null;
    }

    private static void holdsOf(TraceMessage request, TraceMessage reply, List<TraceMessage> asked,
                                Map<Integer, TraceMessage> replies, List<TraceHold> holds) {
        String system = request.to();
        long cursor = request.sentNanos();
        String since = "from " + brief(request) + " #" + request.id();
        for (TraceMessage fakeRequest : asked) {
            add(holds, system, cursor, fakeRequest.receivedNanos(), since + " to asking " + fakeRequest.to(),
                    request.id());
            TraceMessage answer = replies.get(fakeRequest.id());
            fakeHold(fakeRequest, answer, holds);
            if (answer == null || answer.sentNanos() == null) {
                return; // never answered: the system's wait is the fake's silence, not its own work
            }
            cursor = answer.sentNanos();
            since = "after " + fakeRequest.to() + "'s answer";
        }
        add(holds, system, cursor, reply.receivedNanos(), asked.isEmpty()
                ? "answering " + brief(request) + " #" + request.id() : since + " to replying", request.id());
    }

    private static void fakeHold(TraceMessage fakeRequest, TraceMessage answer, List<TraceHold> holds) {
        if (answer != null && answer.sentNanos() != null) {
            add(holds, fakeRequest.to(), fakeRequest.receivedNanos(), answer.sentNanos(),
                    "answering " + brief(fakeRequest) + " #" + fakeRequest.id(), fakeRequest.id());
        }
    }

    private static void add(List<TraceHold> holds, String who, long from, long to, String what, int request) {
        holds.add(new TraceHold(who, from, Math.max(0L, to - from), what, request));
    }

    private static String brief(TraceMessage message) {
        String label = message.label() == null ? message.kind() : message.label();
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }
}

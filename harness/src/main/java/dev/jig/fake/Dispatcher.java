package dev.jig.fake;

import dev.jig.fault.Fault;
import dev.jig.fault.FaultSchedule;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Chooses the stub for a request and turns its answer into an {@link Outcome}. */
final class Dispatcher {

    private final Codec codec;
    private final Framing framing;
    private final List<Stub<?>> specStubs;
    private final Function<byte[], ?> fallback;
    // Newest first, so that a test can override a stub added earlier at runtime too.
    private final List<Stub<?>> runtimeStubs = new CopyOnWriteArrayList<>();
    private volatile FaultSchedule faults;

    Dispatcher(Codec codec, Framing framing, List<Stub<?>> specStubs, Function<byte[], ?> fallback,
               FaultSchedule faults) {
        this.faults = faults;
        this.codec = codec;
        this.framing = framing;
        this.specStubs = List.copyOf(specStubs);
        this.fallback = fallback;
    }

    void addRuntimeStub(Stub<?> stub) {
        runtimeStubs.add(0, stub);
    }

    void faults(FaultSchedule schedule) {
        this.faults = schedule;
    }

    /** The outcome for request number {@code number} (1-based, across connections), faults applied. */
    Outcome dispatch(int number, byte[] payload) {
        Outcome outcome = answer(payload);
        Optional<Fault> fault = faults.faultFor(number);
        return fault.isPresent() ? outcome.withFault(fault.get()) : outcome;
    }

    private Outcome answer(byte[] payload) {
        RuntimeException firstDecodeFailure = null;
        for (Stub<?> stub : allStubs()) {
            Object request;
            try {
                request = codec.decode(payload, stub.type());
            } catch (RuntimeException e) { // CodecException, or whatever a custom codec throws
                firstDecodeFailure = firstDecodeFailure == null ? e : firstDecodeFailure;
                continue;
            }
            return answer("stub for " + stub.type().getSimpleName(), () -> stub.answer(request));
        }
        if (fallback != null) {
            return answer("respondToAny", () -> fallback.apply(payload.clone()));
        }
        if (!codec.isWellFormed(payload)) {
            String why = firstDecodeFailure == null ? "" : " (" + firstDecodeFailure.getMessage() + ")";
            return Outcome.undecodable(codec.describe(payload)
                    + " is not well-formed for the codec and no stub could decode it" + why);
        }
        return Outcome.unmatched(null);
    }

    private List<Stub<?>> allStubs() {
        return Stream.concat(runtimeStubs.stream(), specStubs.stream()).collect(Collectors.toList());
    }

    private Outcome answer(String who, Supplier<Object> stub) {
        Object result;
        try {
            result = stub.get();
        } catch (RuntimeException | AssertionError e) {
            return Outcome.stubFailed(who, e);
        }
        if (result == null) {
            return Outcome.answered(null);
        }
        Reply reply = result instanceof Reply ? (Reply) result : Reply.of(result);
        try {
            return Outcome.answered(reply.resolve(codec, framing));
        } catch (RuntimeException e) {
            return Outcome.unmatched(who + " returned " + reply + ", which could not be sent: "
                    + e.getMessage());
        }
    }
}

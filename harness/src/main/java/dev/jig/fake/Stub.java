package dev.jig.fake;

import java.util.Objects;
import java.util.function.Function;

/** One scripted answer: requests that decode as {@code type} are answered by {@code reply}. */
record Stub<T>(Class<T> type, Function<? super T, ?> reply) {

    Stub {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reply, "reply");
    }

    Object answer(Object request) {
        return reply.apply(type.cast(request));
    }
}

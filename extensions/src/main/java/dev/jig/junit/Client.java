package dev.jig.junit;

import dev.jig.client.FramedClient;
import dev.jig.junit.internal.ManagedResource;
import dev.jig.record.ScopeRecorder;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * A client declared as a field, connected to a system or fake server after it is ready and closed before
 * it stops. (A {@link Connect} parameter does the same for one test method.)
 *
 * <pre>{@code
 * final SystemUnderTest atm = ...;
 * final Client<AtmRequest, AtmReply> client = Client.to(atm, AtmReply.class);
 *
 * @Test
 * void janeCanWithdraw() {
 *     assertTrue(client.request(AtmRequest.withdraw("Jane Doe", 50)).join().success());
 * }
 * }</pre>
 *
 * @param <Q> what it sends
 * @param <R> what it receives
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Client<Q, R> extends ManagedResource<FramedClient<Q, R>> {

    private final Endpoint target;
    private final Class<R> replyType;
    private final Duration timeout;
    private final Framing framing;
    private final Codec codec;

    private Client(String name, Endpoint target, Class<R> replyType, Duration timeout, Framing framing,
                   Codec codec) {
        super(name);
        this.target = target;
        this.replyType = replyType;
        this.timeout = timeout;
        this.framing = framing;
        this.codec = codec;
    }

    /** A client of {@code target} (named "{@code <target>-client}") that decodes replies as {@code replyType}. */
    public static <Q, R> Client<Q, R> to(Endpoint target, Class<R> replyType) {
        return new Client<>(target.name() + "-client", target, replyType, Duration.ofSeconds(5), null, null);
    }

    /** Gives the client its own name (for records and messages). */
    public Client<Q, R> named(String name) {
        return new Client<>(name, target, replyType, timeout, framing, codec);
    }

    /** How long each request waits for its reply (default 5 s). */
    public Client<Q, R> timeout(Duration timeout) {
        return new Client<>(name(), target, replyType, timeout, framing, codec);
    }

    /** Speaks another protocol than the target declares. */
    public Client<Q, R> protocol(Framing framing, Codec codec) {
        return new Client<>(name(), target, replyType, timeout, framing, codec);
    }

    /** Sends a request; the future completes with its reply, or fails after the timeout. */
    public CompletableFuture<R> request(Q request) {
        return running().request(request);
    }

    /** Sends a request with its own timeout. */
    public CompletableFuture<R> request(Q request, Duration timeout) {
        return running().request(request, timeout);
    }

    /** Sends a message that expects no reply. */
    public void send(Q message) {
        running().send(message);
    }

    /** The connected client. */
    public FramedClient<Q, R> framedClient() {
        return running();
    }

    @Override
    public void start(ScopeRecorder recorder) {
        String host = target.host();
        int port = target.port();
        try (var span = recorder.timeline().span("connect " + name())) {
            running(FramedClient.<Q, R>builder(replyType)
                    .name(target.name())
                    .framing(framing != null ? framing : target.framing())
                    .codec(codec != null ? codec : target.codec())
                    .timeout(timeout)
                    .trace(recorder.timeline().trace())
                    .connect(host, port));
        }
    }

    @Override
    public void stop(ScopeRecorder recorder) {
        FramedClient<Q, R> client = runningOrNull();
        if (client != null) {
            running(null);
            client.close();
        }
    }

    @Override
    public String diagnostics() {
        return "";
    }
}

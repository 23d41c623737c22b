package dev.jig.junit;

import dev.jig.junit.internal.JigResource;
import dev.jig.junit.internal.ManagedResource;
import dev.jig.junit.internal.PerTest;
import dev.jig.junit.internal.TestCompanions;
import dev.jig.record.ScopeRecorder;
import dev.jig.service.redis.RedisDatabase;
import dev.jig.service.redis.RedisServer;
import dev.jig.service.redis.RedisSpec;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * A real Redis server declared as a field of a {@link JigTest} class, with a flushed logical database for every
 * test (tests that run at once get different ones). {@code static}: one server for the class; an instance field:
 * one per test. Configuration methods return a new declaration.
 *
 * <pre>{@code
 * static final Redis cache = Redis.server("cache");
 * final SystemUnderTest service = SystemUnderTest.java("service", ServiceMain.class)
 *         .arg("--redis", cache::uri);                       // redis://127.0.0.1:<port>/<this test's database>
 *
 * @Test
 * void cachesTheAnswer() {
 *     ...
 *     assertThat(cache.command("GET", "answer:42")).isEqualTo("42");
 * }
 * }</pre>
 *
 * <p>Phases: {@code start cache}, {@code ready cache} (it answers PING) and {@code stop cache}; {@code database
 * cache} on each test's timeline (the flush). The server appears in the record like a system. Binaries, the
 * container fallback and the keys: see {@link RedisSpec}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Redis extends ManagedResource<RedisServer> implements Addressable, TestCompanions {

    private final RedisSpec spec;
    private final PerTest<RedisDatabase> databases;

    private Redis(RedisSpec spec) {
        super(spec.name());
        this.spec = spec;
        this.databases = new PerTest<>(spec.name(), "database");
    }

    /** A server named {@code name}, found and run as {@link RedisSpec} says. */
    public static Redis server(String name) {
        return new Redis(RedisServer.spec(name));
    }

    /** Anything of the spec: {@code .configure(s -> s.databases(64))}. */
    public Redis configure(UnaryOperator<RedisSpec> change) {
        return new Redis(change.apply(spec));
    }

    /** The current test's logical database. */
    public RedisDatabase database() {
        running();
        return databases.current();
    }

    /** {@code redis://127.0.0.1:<port>/<index>} of the current test's database; {@code cache::uri} as a supplier. */
    public String uri() {
        return database().uri();
    }

    /** Runs a command on the current test's database; see {@link RedisDatabase#command}. */
    public Object command(String... command) {
        return database().command(command);
    }

    /** The running server, for anything else. */
    public RedisServer redis() {
        return running();
    }

    @Override
    public String host() {
        return running().host();
    }

    @Override
    public int port() {
        return running().port();
    }

    @Override
    public JigResource testCompanion() {
        return databases.companion(() -> redis().newDatabase(), false,
                db -> name() + ": this test's database is " + db.index() + " (" + db.uri() + ")");
    }

    @Override
    public void start(ScopeRecorder recorder) {
        startRecordingFailure(recorder, () -> spec.start(recorder.timeline()));
    }

    @Override
    public void stop(ScopeRecorder recorder) {
        stopWith(recorder, RedisServer::close, server -> recorder.add(server.toRecord()));
    }

    @Override
    public String diagnostics() {
        RedisServer server = last();
        return server == null ? "" : server.describe();
    }
}

package dev.jig.service.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.system.SystemExitedException;
import dev.jig.record.PhaseRecord;
import dev.jig.record.Timeline;
import dev.jig.service.Backend;
import dev.jig.service.LocalBinaries;
import dev.jig.service.ServiceLauncher;
import dev.jig.service.ServiceUnavailableException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** A real redis-server through the plain harness: PING readiness, a flushed database per holder, failures. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisServerTest {

    /** A local redis-server, or CI, where its absence must fail rather than skip. */
    static boolean localOrCi() {
        return RedisBinaries.find(null).found().isPresent() || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Test
    @EnabledIf("localOrCi")
    void answersPingWithoutPersistenceAndHandsOutFlushedDatabases() {
        Timeline timeline = Timeline.startingNow();
        try (RedisServer redis = RedisServer.spec("cache").start(timeline)) {
            assertThat(redis.backend()).isEqualTo(Backend.LOCAL);
            assertThat(timeline.phases()).extracting(PhaseRecord::name).containsExactly("start cache", "ready cache");
            assertThat(redis.command("PING")).isEqualTo("PONG");
            assertThat(redis.command("CONFIG", "GET", "save")).isEqualTo(List.of("save", ""));
            assertThat(redis.command("CONFIG", "GET", "appendonly")).isEqualTo(List.of("appendonly", "no"));

            RedisDatabase first = redis.newDatabase();
            first.command("SET", "greeting", "hello");
            try (RedisDatabase second = redis.newDatabase()) {
                assertThat(second.index()).isEqualTo(1);
                assertThat(second.uri()).isEqualTo("redis://127.0.0.1:" + redis.port() + "/1");
                assertThat(second.command("GET", "greeting")).isNull();
            }
            assertThat(first.index()).isZero();
            assertThat(first.command("GET", "greeting")).isEqualTo("hello");
            first.close();

            try (RedisDatabase again = redis.newDatabase()) {
                assertThat(again.index()).isZero();
                assertThat(again.command("GET", "greeting")).isNull(); // flushed when handed out
                assertThat(again.command("INCR", "n")).isEqualTo(1L);
            }
            redis.command("SET", "k", "v");
            redis.flushAll();
            assertThat(redis.command("DBSIZE")).isEqualTo(0L);
            assertThatThrownBy(() -> redis.command("NOPE")).isInstanceOf(RedisException.class)
                    .hasMessageStartingWith("ERR unknown command 'NOPE'");
        }
    }

    @Test
    @EnabledIf("localOrCi")
    void whenEveryDatabaseIsHeldTheNextOneFailsSayingSo() {
        try (RedisServer redis = RedisServer.spec("cache").databases(1).start();
                RedisDatabase held = redis.newDatabase()) {
            assertThatThrownBy(redis::newDatabase).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Redis 'cache': all 1 logical databases are held by tests running now. Declare more"
                            + " with databases(n), or close the ones you hold.");
        }
    }

    @Test
    @EnabledIf("localOrCi")
    void stoppingEndsTheProcessAndIsSafeTwice() {
        RedisServer redis = RedisServer.spec("cache").start();
        ProcessHandle process = ProcessHandle.of(redis.pid()).orElseThrow();
        redis.stop();
        redis.stop();
        assertThat(process.isAlive()).isFalse();
        assertThat(redis.toRecord().exitCode()).isNotNull();
        assertThatThrownBy(redis::newDatabase).isInstanceOf(IllegalStateException.class)
                .hasMessage("Redis 'cache' has been stopped; cannot run FLUSHDB.");
    }

    @Test
    @EnabledIf("localOrCi")
    void aTakenPortFailsTheStartWithRedisOwnMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> RedisServer.spec("cache").port(taken.getLocalPort()).start().close())
                    .isInstanceOf(SystemExitedException.class)
                    .hasMessageContaining("cache exited")
                    .hasMessageContaining("PING on 127.0.0.1:" + taken.getLocalPort() + " answered with +PONG")
                    .hasMessageContaining("Address already in use");
        }
    }

    @Test
    void aServerThatCrashesWhileStartingFailsAtOnceWithItsExitCode() {
        assertThatThrownBy(() -> RedisServer.spec("cache").binary(Path.of("/bin/false")).start().close())
                .isInstanceOf(SystemExitedException.class)
                .hasMessageContaining("cache exited with code 1");
    }

    @Test
    void withoutALocalBinaryAndWithoutADockerImageTheStartSaysWhatWasTriedAndWhatToInstall(@TempDir Path empty) {
        RedisSpec spec = RedisServer.spec("cache").image("jig/no-such-redis:0");
        LocalBinaries none = RedisBinaries.find(null, empty.toString(), List.of(empty));

        assertThatThrownBy(() -> ServiceLauncher.start(spec.plan(6379, none), Backend.AUTO, Timeline.NONE))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageStartingWith("Could not start Redis 'cache': no local binaries (looked in: redis-server on"
                        + " the PATH (" + empty + "); then [" + empty + "]), and no container of image"
                        + " jig/no-such-redis:0: ")
                .hasMessageEndingWith(" To run it here, install the binaries (Debian/Ubuntu: apt-get install"
                        + " redis-server; or point -Djig.redis.bin at a redis-server executable), or make Docker"
                        + " available with the image jig/no-such-redis:0.");
    }

    @Test
    void aConfiguredExecutableThatIsMissingFailsWithoutTryingAContainer() {
        assertThatThrownBy(() -> RedisServer.spec("cache").binary(Path.of("/nonexistent/redis-server")).start())
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageStartingWith("Could not start Redis 'cache': no local binaries (looked in:"
                        + " /nonexistent/redis-server (configured: jig.redis.bin or binary(...)): no executable there)");
        assertThat(RedisServer.spec("cache").binary(Path.of("/nonexistent/redis-server")).availability().available())
                .isFalse();
    }
}

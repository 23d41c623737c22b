package dev.jig.service.bench;

import dev.jig.service.Backend;
import dev.jig.service.postgres.PostgresDatabase;
import dev.jig.service.postgres.PostgresServer;
import dev.jig.service.postgres.PostgresSpec;
import dev.jig.service.redis.RedisDatabase;
import dev.jig.service.redis.RedisServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The start figures of the real services: a PostgreSQL cluster per class (initdb, start, template), a database per
 * test (template clone, drop), a Redis start and a Redis per-test flush. Run by
 * {@code ./mvnw -B -q verify -pl harness -am -Pservice-bench}; rounds with {@code -Djig.bench.rounds=N}.
 */
public final class ServiceFigures {

    private ServiceFigures() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("jig.bench.rounds", 10);
        int perTest = rounds * 10;  // half of them after a simulated 300 ms test
        System.out.printf(Locale.ROOT, "Real services, %d rounds (per-test figures: %d rounds)%n", rounds, perTest);
        System.out.println("| series | median | p10 | p90 |");
        System.out.println("| --- | --- | --- | --- |");
        PostgresSpec postgres = PostgresServer.spec("db").backend(Backend.LOCAL)
                .initSql("CREATE TABLE item (id text PRIMARY KEY, details jsonb);"
                        + " INSERT INTO item SELECT 'i' || n, '{}' FROM generate_series(1, 100) n;");
        List<Long> cluster = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            try (PostgresServer server = postgres.start()) {
                cluster.add(System.nanoTime() - start);
            }
        }
        print("PostgreSQL cluster per class: initdb + start + template (with 100 rows)", cluster);
        List<Long> backToBack = new ArrayList<>();
        List<Long> afterATest = new ArrayList<>();
        List<Long> dropped = new ArrayList<>();
        List<Long> firstQuery = new ArrayList<>();
        try (PostgresServer server = postgres.start()) {
            for (int i = 0; i < perTest; i++) {
                // Back to back, a test waits for the whole clone; after a test of 300 ms, for what the clone made
                // ahead during that test left to do.
                boolean longTest = i % 2 == 1;
                if (longTest) {
                    Thread.sleep(300);
                }
                long start = System.nanoTime();
                PostgresDatabase db = server.newDatabase();
                (longTest ? afterATest : backToBack).add(System.nanoTime() - start);
                long connect = System.nanoTime();
                try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("SELECT count(*) FROM item");
                }
                firstQuery.add(System.nanoTime() - connect);
                long drop = System.nanoTime();
                db.close();
                dropped.add(System.nanoTime() - drop);
            }
        }
        print("PostgreSQL database per test, back to back: waits for the whole clone (CREATE DATABASE ... TEMPLATE)",
                backToBack);
        print("PostgreSQL database per test, after a 300 ms test: cloned ahead meanwhile", afterATest);
        print("PostgreSQL database per test: DROP DATABASE ... WITH (FORCE)", dropped);
        print("PostgreSQL: first connection + query in a fresh database", firstQuery);

        List<Long> redisStart = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            try (RedisServer redis = RedisServer.spec("cache").backend(Backend.LOCAL).start()) {
                redisStart.add(System.nanoTime() - start);
            }
        }
        print("Redis start (ready on PING)", redisStart);
        List<Long> flush = new ArrayList<>();
        try (RedisServer redis = RedisServer.spec("cache").backend(Backend.LOCAL).start()) {
            for (int i = 0; i < perTest; i++) {
                for (int k = 0; k < 100; k++) {
                    redis.command("SET", "k" + k, "v");
                }
                long start = System.nanoTime();
                try (RedisDatabase db = redis.newDatabase()) {
                    flush.add(System.nanoTime() - start);
                }
            }
        }
        print("Redis database per test: FLUSHDB of 100 keys", flush);
    }

    private static void print(String series, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", series, ms(at(sorted, 0.5)), ms(at(sorted, 0.1)),
                ms(at(sorted, 0.9)));
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(quantile * (sorted.size() - 1))));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, nanos >= 10_000_000 ? "%.0f ms" : "%.2f ms", nanos / 1e6);
    }
}

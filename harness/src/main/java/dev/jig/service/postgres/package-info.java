/**
 * PostgreSQL as a part of a bench: a cluster from the local binaries (or a container) with durability off, a
 * template database built once (with the init SQL), and a database per test cloned from it in milliseconds.
 *
 * <p>Entry types: {@link dev.jig.service.postgres.PostgresSpec} (what to start, from
 * {@code PostgresServer.spec(name)}), {@link dev.jig.service.postgres.PostgresServer} (the running cluster) and
 * {@link dev.jig.service.postgres.PostgresDatabase} (one test's database).
 */
package dev.jig.service.postgres;

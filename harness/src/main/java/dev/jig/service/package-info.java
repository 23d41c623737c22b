/**
 * Real services as parts of a bench: PostgreSQL ({@link dev.jig.service.postgres}) and Redis
 * ({@link dev.jig.service.redis}), run from local binaries as processes of {@link dev.jig.system}, or, where
 * none are installed, in a container ({@link dev.jig.system.container}).
 *
 * <pre>{@code
 * try (PostgresServer db = PostgresServer.spec("db").initSql("CREATE TABLE item (id text)").start();
 *      PostgresDatabase test = db.newDatabase()) {          // a clone of the template: milliseconds
 *     try (Connection c = test.connect()) { ... }
 * }
 * }</pre>
 *
 * <p>Shared here: {@link dev.jig.service.Backend} (where a service runs), {@link dev.jig.service.ServiceAvailability}
 * (whether it can run here, and why not) and {@link dev.jig.service.ServiceUnavailableException} (it cannot).
 */
package dev.jig.service;

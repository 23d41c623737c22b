/**
 * Clients that talk to a system under test: {@link dev.jig.client.FramedClient} sends framed
 * requests and matches replies to them in order, with a timeout on every reply.
 */
package dev.jig.client;

/**
 * A TCP fault proxy: {@link dev.jig.proxy.TcpProxy} sits between a client and a system (or a system and
 * what it talks to), forwards bytes both ways, and degrades the link on demand while connections are
 * live: added latency with jitter, a bandwidth limit, a cut (open connections reset, new ones refused)
 * and its restore.
 */
package dev.jig.proxy;

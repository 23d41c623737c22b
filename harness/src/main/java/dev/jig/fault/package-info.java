/**
 * Faults to inject into what a system under test talks to: a {@link dev.jig.fault.Fault} says what goes
 * wrong with one exchange (a delay, a closed or reset connection, garbage, half a reply), a
 * {@link dev.jig.fault.FaultSchedule} says which exchanges it hits ("the 3rd request", "the first two",
 * "10 % of them"). Fake TCP and HTTP servers take both; the TCP fault proxy degrades a live connection.
 */
package dev.jig.fault;

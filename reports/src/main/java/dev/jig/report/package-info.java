/**
 * Turns recorded runs into files: {@code results.json} now; the HTML report, merge and diff build on it.
 */
package dev.jig.report;

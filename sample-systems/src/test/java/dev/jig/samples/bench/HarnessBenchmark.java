package dev.jig.samples.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the harness's figures, measured side by side in one run:
 * {@code ./mvnw -B -q verify -Pbench} (rounds: {@code -Djig.bench.rounds=N}).
 */
public final class HarnessBenchmark {

    private HarnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("jig.bench.rounds", 20);
        List<Figures> figures = new ArrayList<>();
        System.out.println("Jig harness benchmark: " + rounds + " measured rounds of readiness, "
                + rounds * 10 + " of fake servers; " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version"));
        figures.addAll(new ReadinessLag().measure(rounds + 1));
        figures.addAll(new FakeServerCost().measure(rounds * 2, rounds * 10));
        System.out.println(Figures.header());
        figures.forEach(f -> System.out.println(f.row()));
        Figures jig = figures.get(figures.size() - 2);
        Figures wireMock = figures.get(figures.size() - 1);
        System.out.printf(java.util.Locale.ROOT, "(b) WireMock / Jig fake, by median: %.1fx%n",
                wireMock.median() / jig.median());
        System.exit(0); // WireMock and HTTP client threads would otherwise keep the JVM alive
    }
}

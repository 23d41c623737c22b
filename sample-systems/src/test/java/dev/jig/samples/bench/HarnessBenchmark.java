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

    private static void ratio(String what, Figures a, Figures b, String goal) {
        System.out.printf(java.util.Locale.ROOT, "%-58s %5.2fx by median, %5.2fx by p10%s%n", what + ":",
                a.median() / b.median(), a.p10() / b.p10(), goal.isEmpty() ? "" : " (" + goal + ")");
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("jig.bench.rounds", 20);
        List<Figures> figures = new ArrayList<>();
        System.out.println("Jig harness benchmark: " + rounds + " measured rounds of readiness, "
                + rounds * 10 + " of fake servers, " + Math.max(3, rounds / 2) + " of first requests; " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version"));
        figures.addAll(new ReadinessLag().measure(rounds + 1));
        List<Figures> fakes = new FakeServerCost().measure(rounds * 2, rounds * 10);
        figures.addAll(fakes);
        List<Figures> first = new FirstRequest().measure(Math.max(3, rounds / 2));
        figures.addAll(first);
        System.out.println(Figures.header());
        figures.forEach(f -> System.out.println(f.row()));
        Figures limit = fakes.get(FakeServerCost.LIMIT);
        Figures jig = fakes.get(FakeServerCost.JIG);
        Figures wireMock = fakes.get(FakeServerCost.WIREMOCK);
        ratio("(b) Jig fake / raw-socket limit", jig, limit, "goal <= 2x");
        ratio("(b) WireMock / Jig fake", wireMock, jig, "goal >= 20x");
        ratio("(b) WireMock / raw-socket limit", wireMock, limit, "");
        ratio("(c) Jig FramedClient connect / raw-socket connect", fakes.get(FakeServerCost.FRAMED_CONNECT),
                fakes.get(FakeServerCost.RAW_CONNECT), "goal <= 2x");
        for (int i = 0; i + 1 < first.size(); i += 4) {
            ratio("(d) " + first.get(i).name().substring(first.get(i).name().indexOf(": ") + 2)
                    + ": first request cold / warmed", first.get(i), first.get(i + 1), "");
        }
        System.exit(0); // WireMock and HTTP client threads would otherwise keep the JVM alive
    }
}

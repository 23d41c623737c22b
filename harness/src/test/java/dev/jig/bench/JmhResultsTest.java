package dev.jig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.BenchmarkRecord;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhResultsTest {

    private static List<BenchmarkRecord> sample() throws Exception {
        return JmhResults.read(Path.of(JmhResultsTest.class.getResource("jmh-result.json").toURI()));
    }

    @Test
    void averageTimeIsConvertedToNanosecondsKeepingJmhsOwnFigures() throws Exception {
        BenchmarkRecord encode = sample().get(0);

        assertEquals("dev.jig.samples.CodecJmh.encode[size=10]", encode.name());
        assertEquals("dev.jig.samples.CodecJmh", encode.group());
        assertEquals("jmh", encode.source());
        assertEquals("ns", encode.unit());
        assertEquals(1200, encode.stats().mean(), 1e-6);
        assertEquals(3, encode.stats().rounds());
        assertEquals(List.of(1100.0, 1200.0, 1300.0), encode.samples());
        assertEquals(1200, encode.percentiles().get("50.0"), 1e-6);
        assertEquals("avgt", encode.jmh().mode());
        assertEquals(1.2, encode.jmh().score());
        assertEquals(0.3, encode.jmh().error());
        assertEquals("us/op", encode.jmh().unit());
        assertEquals(List.of(List.of(1.1, 1.2, 1.3)), encode.jmh().rawData());
    }

    @Test
    void throughputIsInvertedAndAMissingErrorIsNull() throws Exception {
        BenchmarkRecord decode = sample().get(1);

        assertEquals(List.of(500.0, 1000.0), decode.samples());
        assertEquals(750, decode.stats().mean(), 1e-6);
        assertNull(decode.jmh().error());
        assertEquals(2, decode.jmh().rawData().size());
    }

    @Test
    void unknownUnitsAndMissingFilesFailClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JmhResults.parse(
                "[{\"benchmark\":\"a.B.c\",\"mode\":\"ss\",\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"furlongs\"}}]"));
        assertTrue(e.getMessage().startsWith("JMH benchmark a.B.c has score unit 'furlongs'"), e.getMessage());
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> JmhResults.read(Path.of("no-such-file.json")));
        assertTrue(missing.getMessage().contains("-rf json -rff"), missing.getMessage());
    }
}

package dev.jig.samples.profile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.samples.atm.AtmMessages;
import dev.jig.samples.atm.AtmRequest;
import dev.jig.samples.atm.Teller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real library code that nobody here wrote, as a user's test would run it: Jackson serialising and parsing
 * 2,000 maps, {@code java.util.regex} over log lines, a sort of records, and the ATM's {@link Teller}. Each
 * method is one round; the figures run rounds for a while.
 */
final class RealWorkloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> MAPS = maps(2_000);
    private static final List<String> LINES = lines(5_000);
    private static final Pattern LOG = Pattern.compile(
            "(\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3}) (INFO|WARN|ERROR) \\[([\\w-]+)] (\\w+)=(\\d+) (.*)");
    private static final Map<String, Long> BALANCES = Map.of("Jane Doe", 100L, "John Doe", 100L);

    private RealWorkloads() {
    }

    /** Serialises 2,000 maps to JSON and parses them back; returns a checksum. */
    static long jackson() {
        try {
            byte[] json = JSON.writeValueAsBytes(MAPS);
            List<Map<String, Object>> back = JSON.readValue(json, new TypeReference<>() { });
            return json.length + back.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Matches 5,000 log lines against a pattern with groups. */
    static long regex() {
        long sum = 0;
        for (String line : LINES) {
            Matcher m = LOG.matcher(line);
            if (m.matches()) {
                sum += Long.parseLong(m.group(8)) + m.group(9).length();
            }
        }
        return sum;
    }

    /** Sorts 20,000 records by two keys. */
    static long sort() {
        Random random = new Random(7);
        List<Item> items = new ArrayList<>(20_000);
        for (int i = 0; i < 20_000; i++) {
            items.add(new Item("item-" + random.nextInt(5_000), random.nextDouble()));
        }
        items.sort(Comparator.comparing(Item::name).thenComparingDouble(Item::price));
        return items.get(0).name().length();
    }

    /** The ATM teller deciding 20,000 requests, as ProfiledAtmTest does. */
    static long teller() {
        Teller teller = new Teller(customer -> BALANCES.getOrDefault(customer, 0L));
        long granted = 0;
        for (int i = 0; i < 20_000; i++) {
            AtmRequest request = switch (i % 4) {
                case 0 -> AtmMessages.withdraw("Jane Doe", 1 + i % 150);
                case 1 -> AtmMessages.deposit("John Doe", i);
                case 2 -> AtmMessages.withdraw("Anonymous", 5);
                default -> AtmMessages.withdraw("", 5);
            };
            granted += teller.handle(request).getSuccess() ? 1 : 0;
        }
        return granted;
    }

    record Item(String name, double price) {
    }

    private static List<Map<String, Object>> maps(int count) {
        Random random = new Random(42);
        List<Map<String, Object>> maps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", i);
            map.put("name", "customer \"" + i + "\" of branch " + random.nextInt(100));
            map.put("balance", random.nextDouble() * 10_000);
            map.put("active", random.nextBoolean());
            map.put("tags", List.of("t" + random.nextInt(10), "u" + random.nextInt(10)));
            maps.add(map);
        }
        return maps;
    }

    private static List<String> lines(int count) {
        Random random = new Random(3);
        String[] levels = {"INFO", "WARN", "ERROR"};
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(String.format("%02d:%02d:%02d.%03d %s [worker-%d] latency=%d request %d done", random.nextInt(24),
                    random.nextInt(60), random.nextInt(60), random.nextInt(1000), levels[random.nextInt(3)],
                    random.nextInt(8), random.nextInt(10_000), i));
        }
        return lines;
    }
}

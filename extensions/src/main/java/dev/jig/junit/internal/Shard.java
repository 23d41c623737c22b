package dev.jig.junit.internal;

import dev.jig.junit.JigConfigurationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One shard of a test run split across {@code count} CI jobs: {@code jig.shard=2/3} is the second of three.
 *
 * @param number which shard, from 1
 * @param count  how many shards there are
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Shard(int number, int count) {

    private static final String HOW = "Write " + Settings.SHARD + "=i/n, e.g. 1/3 for the first of three shards.";
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || number < 1 || number > count) {
            throw new JigConfigurationException(Settings.SHARD + "=" + number + "/" + count + ": the shard number"
                    + " must be from 1 to the number of shards" + (count < 1 ? ", which must be at least 1" : " ("
                    + count + ")") + ". " + HOW);
        }
    }

    /** Reads {@code i/n}; anything else fails naming the key, the value and the form. */
    public static Shard parse(String value) {
        Matcher matcher = FORM.matcher(value);
        if (!matcher.matches()) {
            throw new JigConfigurationException(Settings.SHARD + "=" + value + " is not of the form i/n. " + HOW);
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    @Override
    public String toString() {
        return number + "/" + count;
    }
}

package dev.jig.report;

import dev.jig.record.Secrets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks {@code NAME=value} pairs in output lines whose name looks secret, as the record does for commands. */
final class OutputMask {

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\\S+)");

    private OutputMask() {
    }

    static String mask(String line) {
        if (line.indexOf('=') < 0) {
            return line;
        }
        Matcher m = ASSIGNMENT.matcher(line);
        StringBuilder masked = new StringBuilder(line.length());
        while (m.find()) {
            String replacement = Secrets.looksSecret(m.group(1)) ? m.group(1) + "=" + Secrets.MASK : m.group();
            m.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(masked);
        return masked.toString();
    }
}

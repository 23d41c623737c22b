package com.example.greeter;

/** A greeting as the greeter sends it: {@code Hello, Dr. Jane!}. */
public record Greeting(String words, String name) {

    /** Reads one line of the greeter's reply. */
    public static Greeting parse(String line) {
        if (!line.startsWith("Hello, ") || !line.endsWith("!")) {
            throw new IllegalArgumentException("not a greeting: " + line);
        }
        String body = line.substring("Hello, ".length(), line.length() - 1);
        int lastSpace = body.lastIndexOf(' ');
        return new Greeting(lastSpace < 0 ? "" : body.substring(0, lastSpace), body.substring(lastSpace + 1));
    }
}

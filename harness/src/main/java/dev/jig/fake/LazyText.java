package dev.jig.fake;

import java.util.function.Supplier;

/**
 * A description made the first time someone reads it. Describing a reply or request decodes it, which costs
 * more than answering it, and most descriptions are never read: only failure messages and records read them.
 */
final class LazyText implements Supplier<String> {

    private Supplier<String> maker;
    private String text;

    private LazyText(Supplier<String> maker, String text) {
        this.maker = maker;
        this.text = text;
    }

    static LazyText of(Supplier<String> maker) {
        return new LazyText(maker, null);
    }

    static LazyText fixed(String text) {
        return new LazyText(null, text);
    }

    @Override
    public synchronized String get() {
        if (maker != null) {
            text = maker.get();
            maker = null; // what it captured (payloads, the codec) can go
        }
        return text;
    }

    @Override
    public String toString() {
        return get();
    }
}

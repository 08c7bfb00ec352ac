package dev.healdesk.core.suite.playwright;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a Playwright suite split with {@code --shard=index/total}: Playwright gives each shard its own share of
 * the tests, and the shards together run each test once.
 *
 * @param index 1 to {@code total}
 * @param total how many shards the suite is split into, 1 to {@value #MAX}
 */
public record Shard(int index, int total) {

    /** The most shards a suite is split into: past this the start of each process costs more than it saves. */
    public static final int MAX = 64;
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*");

    public Shard {
        if (total < 1 || total > MAX || index < 1 || index > total) {
            throw new IllegalArgumentException("a shard is i/N with N from 1 to " + MAX + " and i from 1 to N (got "
                    + index + "/" + total + ")");
        }
    }

    /**
     * Reads {@code i/N}, as Playwright's {@code --shard} takes it.
     *
     * @throws IllegalArgumentException saying what form is expected
     */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: give i/N, e.g. 2/3 for the second of"
                    + " three shards (N from 1 to " + MAX + ")");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The argument Playwright takes: {@code --shard=i/N}. */
    public String argument() {
        return "--shard=" + this;
    }

    /** A folder name for this shard's files: {@code shard-2-of-3}. */
    public String folderName() {
        return "shard-" + index + "-of-" + total;
    }

    @Override
    public String toString() {
        return index + "/" + total;
    }
}

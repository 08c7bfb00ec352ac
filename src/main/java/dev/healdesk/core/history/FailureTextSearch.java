package dev.healdesk.core.history;

import java.util.List;

/**
 * The runs list's text search ({@link HistoryQueries.RunFilter#text()}): a run matches when one of its failure
 * messages (a test's error message or a failure group's message) or one of its test ids contains the text, as SQL's
 * {@code LIKE '%text%'} says it (ASCII letters in either case, every other character as it is; {@code %}, {@code _},
 * quotes and anything else the operator types are plain characters).
 * <p>
 * This is the one place the search is written in SQL, and the SQL is SQLite's: the messages are found through the
 * FTS5 index {@code failure_text_index} ({@code MATCH}, trigram tokenizer, schema version 9) over
 * {@code failure_texts}, which triggers keep as results and failure groups are written. The index finds the messages
 * that hold every three-character piece of the text in order (folding case more widely than {@code LIKE}); each is
 * then checked with {@code LIKE}, so the answer is {@code LIKE}'s. For a page of the runs list and a text the index
 * finds in {@link #COMMON} messages or more, the runs are read newest first instead, each one's messages checked with
 * {@code LIKE}, until the page is full. A text of one or two characters has no trigram: it is looked for with
 * {@code LIKE} in {@code failure_texts} alone (every message, but not every result). The test
 * ids are looked for among the distinct ids ({@code test_names}); only when some match are results read: those of
 * the matching ids (by {@code test_results_test}), or, for a page and ids with {@link #COMMON} results or more, each
 * run's newest first. Another database gives its own implementation of {@link #condition} (PostgreSQL: {@code pg_trgm}).
 */
final class FailureTextSearch {

    private final Sql sql;

    FailureTextSearch(Sql reader) {
        this.sql = reader;
    }

    /**
     * Messages the index finds beyond which a page of runs is found faster by reading the runs newest first, each
     * one's messages by run ({@code failure_texts_run}), than by reading every message the index finds: a text that
     * common is in one run in a few dozen or more of a large history, so a page of 200 comes after some thousands of
     * runs, while the index would hand over every message that holds it.
     */
    static final int COMMON = 2000;

    /**
     * A condition on {@code runs} that holds for the runs whose failure messages or test ids contain {@code text}
     * (trimmed, not blank); its parameters are added to {@code args}. {@code page}: the condition selects a page of
     * runs newest first (the runs list), else it is counted.
     */
    String condition(String text, List<Object> args, boolean page) {
        String like = "%" + Sql.likeLiteral(text) + "%";
        StringBuilder condition = new StringBuilder("(");
        boolean trigrams = text.codePointCount(0, text.length()) >= 3;
        if (trigrams && !(page && common(text))) {
            condition.append("""
                    runs.id IN (SELECT ft.run_id FROM failure_texts ft
                                WHERE ft.id IN (SELECT rowid FROM failure_text_index WHERE failure_text_index MATCH ?)
                                  AND ft.message LIKE ? ESCAPE '\\')""");
            args.add(phrase(text));
        } else if (page) {
            condition.append("""
                    EXISTS (SELECT 1 FROM failure_texts ft WHERE ft.run_id = runs.id AND ft.message LIKE ? ESCAPE '\\')""");
        } else {
            condition.append("runs.id IN (SELECT ft.run_id FROM failure_texts ft WHERE ft.message LIKE ? ESCAPE '\\')");
        }
        args.add(like);
        boolean someTest = sql.one("look for test ids containing a text",
                "SELECT 1 FROM test_names WHERE test_id LIKE ? ESCAPE '\\' LIMIT 1", ps -> ps.setString(1, like),
                rs -> true).isPresent();
        if (someTest && page && commonTests(like)) {
            condition.append("""

                     OR EXISTS (SELECT 1 FROM test_results t WHERE t.run_id = runs.id AND t.test_id IN
                                (SELECT test_id FROM test_names WHERE test_id LIKE ? ESCAPE '\\'))""");
            args.add(like);
        } else if (someTest) {
            condition.append("""

                     OR runs.id IN (SELECT t.run_id FROM test_results t WHERE t.test_id IN
                                    (SELECT test_id FROM test_names WHERE test_id LIKE ? ESCAPE '\\'))""");
            args.add(like);
        }
        return condition.append(")").toString();
    }

    /** Whether the index finds {@link #COMMON} messages or more for {@code text}. */
    private boolean common(String text) {
        return sql.number("count the messages that contain a text", """
                SELECT count(*) FROM (SELECT 1 FROM failure_text_index WHERE failure_text_index MATCH ? LIMIT ?)""",
                ps -> {
                    ps.setString(1, phrase(text));
                    ps.setInt(2, COMMON);
                }) >= COMMON;
    }

    /** Whether the test ids {@code like} matches have {@link #COMMON} results or more. */
    private boolean commonTests(String like) {
        return sql.number("count the results of the test ids that contain a text", """
                SELECT count(*) FROM (SELECT 1 FROM test_results t WHERE t.test_id IN
                  (SELECT test_id FROM test_names WHERE test_id LIKE ? ESCAPE '\\') LIMIT ?)""", ps -> {
            ps.setString(1, like);
            ps.setInt(2, COMMON);
        }) >= COMMON;
    }

    /** {@code text} as one FTS5 phrase: in double quotes, a quote doubled; nothing in it is query syntax. */
    static String phrase(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

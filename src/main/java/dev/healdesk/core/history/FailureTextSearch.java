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
 * the matching ids (by {@code test_results_test}; on PostgreSQL {@code test_results_test_run}), or, for a page and ids with {@link #COMMON} results or more, each
 * run's newest first.
 * <p>
 * On PostgreSQL the same tables are kept by statement triggers (schema version 14, {@link #keepOnPostgres}) and
 * indexed by {@code pg_trgm}'s trigram GIN indexes, which {@code ILIKE} itself uses: the condition is the same with
 * {@code ILIKE} for {@code LIKE} and no {@code MATCH} step. Where {@code pg_trgm} cannot be installed (a role that may
 * not create extensions) the search still answers, reading {@code failure_texts} without an index.
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
        boolean sqlite = sql.dialect() == Dialect.SQLITE;
        StringBuilder condition = new StringBuilder("(");
        boolean trigrams = text.codePointCount(0, text.length()) >= 3;
        if (!sqlite) {
            // PostgreSQL's planner weighs the two ways itself (the runs newest first, each one's messages by run; or
            // the messages the trigram index finds): one form, no count beforehand
            condition.append("runs.id IN (SELECT ft.run_id FROM failure_texts ft WHERE ft.message LIKE ? ESCAPE '\\')");
        } else if (trigrams && !(page && common(text))) {
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
                like("SELECT 1 FROM test_names WHERE test_id LIKE ? ESCAPE '\\' LIMIT 1"), ps -> ps.setString(1, like),
                rs -> true).isPresent();
        if (someTest && page && sqlite && commonTests(like)) {
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
        return like(condition.append(")").toString());
    }

    /** {@code statement} with this database's {@code LIKE} (PostgreSQL's {@code ILIKE}: SQLite's ignores case). */
    private String like(String statement) {
        return sql.dialect() == Dialect.SQLITE ? statement : statement.replace(" LIKE ", " " + sql.dialect().like() + " ");
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
        return sql.number("count the results of the test ids that contain a text", like("""
                SELECT count(*) FROM (SELECT 1 FROM test_results t WHERE t.test_id IN
                  (SELECT test_id FROM test_names WHERE test_id LIKE ? ESCAPE '\\') LIMIT ?) found"""), ps -> {
            ps.setString(1, like);
            ps.setInt(2, COMMON);
        }) >= COMMON;
    }

    /**
     * Makes PostgreSQL keep the search's tables as SQLite's triggers keep them (schema version 14, inside the
     * migration's transaction): fills {@code failure_texts} and {@code test_names} from the stored results and failure
     * groups, adds statement triggers that add each insert's messages and test ids, indexes the results by test id and
     * run (so that the runs of a test id are read from the index alone), and, where the role may install
     * {@code pg_trgm} (trusted since PostgreSQL 13: a database owner may), trigram GIN indexes on both. Without
     * {@code pg_trgm} the search reads {@code failure_texts} whole: slower, the same answers; a warning says so.
     */
    static void keepOnPostgres(Sql sql) {
        String what = "keep the text search's tables on PostgreSQL (schema version 14)";
        sql.execute(what, "DELETE FROM failure_texts");
        sql.execute(what, "DELETE FROM test_names");
        sql.execute(what, "INSERT INTO failure_texts (run_id, message) SELECT run_id, error_message FROM test_results"
                + " WHERE error_message IS NOT NULL");
        sql.execute(what, "INSERT INTO failure_texts (run_id, message) SELECT run_id, message FROM failures"
                + " WHERE message IS NOT NULL");
        sql.execute(what, "INSERT INTO test_names (test_id) SELECT DISTINCT test_id FROM test_results"
                + " ON CONFLICT DO NOTHING");
        // the runs of the matching test ids from the index alone (an index-only scan: a common test id has thousands
        // of results, each a page of the table to read otherwise); it serves whatever the one-column index served
        sql.execute(what, "CREATE INDEX test_results_test_run ON test_results(test_id, run_id)");
        sql.execute(what, "DROP INDEX test_results_test");
        // statement triggers with transition tables: a batch of results is one insert into each table; test ids in
        // order, so that two runs adding the same new ids wait for each other instead of deadlocking
        sql.execute(what, """
                CREATE FUNCTION healdesk_result_texts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO failure_texts (run_id, message)
                    SELECT run_id, error_message FROM added WHERE error_message IS NOT NULL;
                  INSERT INTO test_names (test_id)
                    SELECT DISTINCT test_id FROM added ORDER BY test_id ON CONFLICT DO NOTHING;
                  RETURN NULL;
                END $$""");
        sql.execute(what, """
                CREATE TRIGGER test_results_text AFTER INSERT ON test_results REFERENCING NEW TABLE AS added
                  FOR EACH STATEMENT EXECUTE FUNCTION healdesk_result_texts()""");
        sql.execute(what, """
                CREATE FUNCTION healdesk_failure_texts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO failure_texts (run_id, message) SELECT run_id, message FROM added WHERE message IS NOT NULL;
                  RETURN NULL;
                END $$""");
        sql.execute(what, """
                CREATE TRIGGER failures_text AFTER INSERT ON failures REFERENCING NEW TABLE AS added
                  FOR EACH STATEMENT EXECUTE FUNCTION healdesk_failure_texts()""");
        sql.execute(what, "SAVEPOINT healdesk_trigrams");
        try {
            sql.execute(what, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
            sql.execute(what, "CREATE INDEX failure_texts_trigrams ON failure_texts USING gin (message gin_trgm_ops)");
            sql.execute(what, "CREATE INDEX test_names_trigrams ON test_names USING gin (test_id gin_trgm_ops)");
            sql.execute(what, "RELEASE SAVEPOINT healdesk_trigrams");
        } catch (HistoryException e) {
            sql.execute(what, "ROLLBACK TO SAVEPOINT healdesk_trigrams");
            org.slf4j.LoggerFactory.getLogger(FailureTextSearch.class).warn("The history's text search has no index:"
                    + " pg_trgm could not be installed ({}). Searching the runs list reads every failure message until a"
                    + " database owner runs: CREATE EXTENSION pg_trgm; CREATE INDEX failure_texts_trigrams ON"
                    + " failure_texts USING gin (message gin_trgm_ops); CREATE INDEX test_names_trigrams ON test_names"
                    + " USING gin (test_id gin_trgm_ops);", e.getMessage());
        }
    }

    /** {@code text} as one FTS5 phrase: in double quotes, a quote doubled; nothing in it is query syntax. */
    static String phrase(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

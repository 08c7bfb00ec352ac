package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.PlaybookException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one change a class-B proposal commits: every occurrence of {@code find} replaced by {@code replace} in one
 * tracked file. It comes from the target file's {@code change:} setting or from what the operator typed, never
 * from a model's free text, so what is committed is exactly what a person asked for. The path is checked here
 * before git sees it (relative, no '..', nothing inside {@code .git}, plain characters), again against git's tree
 * (a regular file, not a symbolic link) and once more on disk before the edit.
 */
record RepoChange(String file, String find, String replace) {
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._@+-]+(/[A-Za-z0-9._@+-]+)*");

    /**
     * Reads the {@code change} setting ({@code {file, find, replace}}).
     *
     * @throws PlaybookException saying what is wrong or missing and what to give instead
     */
    static RepoChange from(Object setting, String playbook) throws PlaybookException {
        String how = " Give it in the target file (playbooks: " + playbook + ": change: {file, find, replace}) or type"
                + " it in the console.";
        if (setting == null) {
            throw new PlaybookException("No change to propose." + how);
        }
        if (!(setting instanceof Map<?, ?> map)) {
            throw new PlaybookException("The change setting must be a map with file, find and replace." + how);
        }
        String file = text(map.get("file"));
        String find = text(map.get("find"));
        String replace = text(map.get("replace"));
        if (find == null || find.isEmpty()) {
            throw new PlaybookException("change.find is missing or empty: give the literal text to replace." + how);
        }
        if (replace == null) {
            throw new PlaybookException("change.replace is missing: give the literal text to put instead." + how);
        }
        if (find.equals(replace)) {
            throw new PlaybookException("change.find and change.replace are the same: nothing would change.");
        }
        return new RepoChange(checkedPath(file), find, replace);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** {@code file} when it is a plain path inside the repository; otherwise refused with the reason. */
    static String checkedPath(String file) throws PlaybookException {
        if (file == null || file.isBlank()) {
            throw new PlaybookException("change.file is missing: give the file's path relative to the repository root.");
        }
        String refusing = "Refusing change.file " + Texts.quoted(file) + ": ";
        if (file.startsWith("/") || file.startsWith("\\") || file.matches("[A-Za-z]:.*")) {
            throw new PlaybookException(refusing + "it is an absolute path; give it relative to the repository root.");
        }
        for (String segment : file.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                throw new PlaybookException(refusing + "'..' would leave the repository.");
            }
            if (segment.equalsIgnoreCase(".git")) {
                throw new PlaybookException(refusing + "it points into git's own files.");
            }
        }
        if (!PATH.matcher(file).matches()) {
            throw new PlaybookException(refusing + "only letters, digits, '.', '_', '-', '@' and '+' between single '/'"
                    + " may name it.");
        }
        return file;
    }

    /**
     * Makes the change in {@code worktree}, after checking once more that the file is a regular file inside it.
     *
     * @return how many occurrences were replaced (at least one)
     */
    int applyIn(Path worktree, String base) throws PlaybookException {
        try {
            Path root = worktree.toRealPath();
            Path target = root.resolve(file).normalize();
            if (!target.startsWith(root) || Files.isSymbolicLink(target) || !Files.isRegularFile(target)
                    || !target.toRealPath().startsWith(root)) {
                throw new PlaybookException("Refusing change.file " + Texts.quoted(file) + ": it is not a regular file"
                        + " inside the repository.");
            }
            String text = Files.readString(target);
            int count = 0;
            for (int i = text.indexOf(find); i >= 0; i = text.indexOf(find, i + find.length())) {
                count++;
            }
            if (count == 0) {
                throw new PlaybookException(Texts.quoted(find) + " does not occur in " + file + " on " + base
                        + ": nothing was committed. Check change.find against the file.");
            }
            Files.writeString(target, text.replace(find, replace));
            return count;
        } catch (CharacterCodingException e) {
            throw new PlaybookException(file + " is not UTF-8 text: a literal replacement cannot be made in it.", e);
        } catch (IOException e) {
            throw new PlaybookException("Cannot change " + file + ": " + e.getMessage(), e);
        }
    }
}

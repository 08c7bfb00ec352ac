package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.PlaybookContext;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a proposal goes to GitHub through the {@code gh} CLI, decided the same way for pull requests and issues:
 * a setting ({@code pullRequest: true} / {@code github: true}) asks for it and then gh must be there, {@code false}
 * refuses it, and with no setting a {@code GH_TOKEN} in the environment plus gh on the PATH mean yes. Anything else
 * falls back to a file in the run folder, and the plan says why.
 */
final class GitHubCli {
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /**
     * @param use     whether to call gh
     * @param missing what stops the playbook (an explicit yes without gh, a setting that is not a boolean), or null
     * @param note    why gh is not used, for the plan, or null
     */
    record Choice(boolean use, String missing, String note) {
    }

    private GitHubCli() {
    }

    /**
     * @param key      the setting that asks for it, e.g. {@code pullRequest}
     * @param purpose  what gh would make, e.g. "pull request"
     * @param fallback what is made instead, e.g. "a patch file in the run folder"
     */
    static Choice choose(PlaybookContext context, String key, String purpose, String fallback) {
        String asked = context.setting(key);
        boolean gh = context.commands().onPath("gh");
        if ("false".equalsIgnoreCase(asked)) {
            return new Choice(false, null, "No " + purpose + ": " + key + " is false in the target file; "
                    + fallback + " instead.");
        }
        if ("true".equalsIgnoreCase(asked)) {
            return gh ? new Choice(true, null, null) : new Choice(false, key + " is true but gh (GitHub CLI) is not on"
                    + " the PATH: install it and run 'gh auth login', or set " + key + ": false to get " + fallback
                    + " instead.", null);
        }
        if (asked != null) {
            return new Choice(false, key + " must be true or false (got " + Texts.quoted(asked) + ").", null);
        }
        String token = context.env().get("GH_TOKEN");
        if (gh && token != null && !token.isBlank()) {
            return new Choice(true, null, null);
        }
        return new Choice(false, null, "No " + purpose + ": " + (gh ? "GH_TOKEN is not set" : "gh is not on the PATH")
                + " and " + key + " is not true in the target file; " + fallback + " instead.");
    }

    /** The first URL gh printed (the new pull request or issue). */
    static Optional<String> url(String output) {
        Matcher m = URL.matcher(output);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}

package dev.healdesk.core.suite;

/** A login the probes use. {@link #toString()} hides the password. */
public record Credentials(String username, String password) {

    public static Credentials none() {
        return new Credentials("", "");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=" + (password == null || password.isEmpty() ? "" : "***") + "]";
    }
}

package dev.healdesk.core.sandbox;

import java.util.List;

/** The sandbox's HTML pages. Plain server-side HTML, no script, styles from /assets/app.css (CSP: 'self'). */
final class SandboxPages {

    static final String SESSION_EXPIRED_TEXT = "Your session has expired. Please sign in again.";
    static final String BAD_CREDENTIALS_TEXT = "Invalid email or password.";
    static final String SIGNED_OUT_TEXT = "You have been signed out.";

    private SandboxPages() {
    }

    /**
     * @param notice        a message above the form, or null
     * @param noticeIsError whether it is an error (else a warning/info)
     * @param buttonId      the sign-in button's id (changes under {@link Fault#SELECTOR_CHANGED})
     */
    static String login(String notice, boolean noticeIsError, String buttonId) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Sign in to Healdesk Demo</h1>\n");
        if (notice != null) {
            body.append("<p class=\"alert").append(noticeIsError ? " error" : "")
                    .append("\" role=\"alert\">").append(escape(notice)).append("</p>\n");
        }
        body.append("""
                <form method="post" action="/login" id="login-form">
                  <label for="email">Email
                    <input id="email" name="email" type="email" autocomplete="username" required>
                  </label>
                  <label for="password">Password
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                  </label>
                  <button id="%s" type="submit">Sign in</button>
                </form>
                """.formatted(escape(buttonId)));
        return document("Sign in · Healdesk Demo", null, body.toString());
    }

    static String app(String user, List<SandboxCustomers.Customer> customers, String tableId) {
        StringBuilder rows = new StringBuilder();
        for (SandboxCustomers.Customer c : customers) {
            rows.append("    <tr data-id=\"").append(c.id()).append("\"><td>").append(c.id())
                    .append("</td><td>").append(escape(c.name()))
                    .append("</td><td>").append(escape(c.email()))
                    .append("</td><td class=\"status-").append(escape(c.status())).append("\">")
                    .append(escape(c.status()))
                    .append("</td><td>").append(escape(c.createdAt())).append("</td></tr>\n");
        }
        String body = """
                <h1 id="page-title">Customers</h1>
                <p>%d customers</p>
                <table id="%s">
                  <thead><tr><th>ID</th><th>Name</th><th>Email</th><th>Status</th><th>Created</th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                """.formatted(customers.size(), escape(tableId), rows);
        return document("Customers · Healdesk Demo", user, body);
    }

    static String error(int status, String title, String detail) {
        String body = "<h1>" + status + " " + escape(title) + "</h1>\n"
                + "<p class=\"alert error\" role=\"alert\">" + escape(detail) + "</p>\n";
        return document(status + " " + title, null, body);
    }

    private static String document(String title, String user, String body) {
        String nav = user == null ? ""
                : "<span>Signed in as " + escape(user) + "</span> <a id=\"logout-link\" href=\"/logout\">Sign out</a>";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <link rel="stylesheet" href="/assets/app.css">
                </head>
                <body>
                <header><strong>Healdesk Demo</strong><nav>%s</nav></header>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(escape(title), nav, body);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}

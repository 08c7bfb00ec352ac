package dev.healdesk.core.llm;

/** PLACEHOLDER for the console branch only: the real Redactor replaces this file at merge. Do not edit. */
public final class Redactor {
    public static Redactor standard() {
        return new Redactor();
    }

    public String redact(String text) {
        return text;
    }
}

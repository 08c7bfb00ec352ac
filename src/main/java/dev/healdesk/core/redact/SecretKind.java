package dev.healdesk.core.redact;

/**
 * What a redacted span was, so the text that leaves the process still says what stood there
 * ({@code password=[REDACTED_PASSWORD]}) without saying what it was. Declared from the most specific
 * to the most general: when two detectors claim the same span, the earlier constant names it.
 */
public enum SecretKind {
    OPENAI_KEY,
    ANTHROPIC_KEY,
    GITHUB_TOKEN,
    GITLAB_TOKEN,
    HUGGINGFACE_TOKEN,
    NPM_TOKEN,
    PYPI_TOKEN,
    DOCKER_TOKEN,
    SLACK_TOKEN,
    SLACK_WEBHOOK,
    DISCORD_WEBHOOK,
    AWS_ACCESS_KEY,
    AWS_SECRET_KEY,
    STRIPE_KEY,
    GOOGLE_API_KEY,
    AZURE_KEY,
    SENDGRID_KEY,
    TWILIO_KEY,
    PRIVATE_KEY,
    JWT,
    BEARER_TOKEN,
    SESSION_ID,
    COOKIE,
    PASSWORD,
    GENERIC_SECRET,
    EMAIL,
    PHONE,
    IP_ADDRESS,
    CREDIT_CARD,
    IBAN,
    SSN,
    /** A person's number by its label: a national identity number, a passport's, a driving licence's. */
    NATIONAL_ID;

    private final String token = "[REDACTED_" + name() + "]";

    /** The replacement text, {@code [REDACTED_<NAME>]}. */
    public String token() {
        return token;
    }
}

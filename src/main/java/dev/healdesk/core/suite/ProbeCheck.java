package dev.healdesk.core.suite;

/** What a probe checks. Returns normally when the check passes; throws (assertion or Playwright error) when not. */
@FunctionalInterface
public interface ProbeCheck {
    void check(ProbeContext context) throws Exception;
}

package dev.healdesk.core.llm;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator reads when Ollama does not answer: the deepest message, else the kind of failure in words. */
class OllamaRootMessageTest {

    @Test
    void theDeepestMessageOfTheCausesIsTold() {
        assertThat(OllamaLlmClient.rootMessage(new RuntimeException("outer", new IllegalStateException("inner"))))
                .isEqualTo("inner");
    }

    @Test
    void withoutAnyMessageTheKindOfFailureIsToldNeverAClassName() {
        assertThat(OllamaLlmClient.rootMessage(new RuntimeException((String) null, new ConnectException())))
                .isEqualTo("connection refused");
        assertThat(OllamaLlmClient.rootMessage(new RuntimeException((String) null,
                new HttpTimeoutException("")))).isEqualTo("no answer in time");
        assertThat(OllamaLlmClient.rootMessage(new IllegalStateException())).isEqualTo("no answer")
                .doesNotContain("Exception");
    }
}

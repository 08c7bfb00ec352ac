package dev.healdesk.core.playbook;

import dev.healdesk.core.playbook.review.ReviewPlaybooks;
import dev.healdesk.core.playbook.safe.ClearSessionPlaybook;
import dev.healdesk.core.playbook.safe.InfraPlaybooks;
import dev.healdesk.core.playbook.safe.RefreshTokensPlaybook;
import dev.healdesk.core.playbook.safe.RestartBackendPlaybook;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/** The playbooks Healdesk ships, registered once for both front ends (the console and the CLI). */
public final class BuiltInPlaybooks {

    private BuiltInPlaybooks() {
    }

    /**
     * The registry; its HTTP client is built when a playbook first calls out, not here (building one initialises
     * TLS, some 500 classes, and the console asks for the registry before its first frame only for the risks).
     */
    public static PlaybookRegistry registry() {
        Supplier<HttpClient> http = new Supplier<>() {
            private HttpClient client;

            @Override
            public synchronized HttpClient get() {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                return client;
            }
        };
        PlaybookRegistry registry = new PlaybookRegistry()
                .register(new RestartBackendPlaybook(http))
                .register(new ClearSessionPlaybook())
                .register(new RefreshTokensPlaybook());
        InfraPlaybooks.register(registry);
        return ReviewPlaybooks.register(registry);
    }
}

package dev.healdesk.core.playbook;

import dev.healdesk.core.playbook.review.ReviewPlaybooks;
import dev.healdesk.core.playbook.safe.ClearSessionPlaybook;
import dev.healdesk.core.playbook.safe.InfraPlaybooks;
import dev.healdesk.core.playbook.safe.RefreshTokensPlaybook;
import dev.healdesk.core.playbook.safe.RestartBackendPlaybook;

import java.net.http.HttpClient;
import java.time.Duration;

/** The playbooks Healdesk ships, registered once for both front ends (the console and the CLI). */
public final class BuiltInPlaybooks {

    private BuiltInPlaybooks() {
    }

    public static PlaybookRegistry registry() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        PlaybookRegistry registry = new PlaybookRegistry()
                .register(new RestartBackendPlaybook(http))
                .register(new ClearSessionPlaybook())
                .register(new RefreshTokensPlaybook());
        InfraPlaybooks.register(registry);
        return ReviewPlaybooks.register(registry);
    }
}

package dev.healdesk.core.playbook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the guardrails count, read from argument vectors as playbooks and operators write them. */
class EffectsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "docker restart web-1                                  | CONTAINER_RESTART",
            "/usr/bin/docker start db                              | CONTAINER_RESTART",
            "docker -H tcp://h:2375 container restart db           | CONTAINER_RESTART",
            "docker compose -f ops.yml restart api                 | CONTAINER_RESTART",
            "podman kill db                                        | CONTAINER_RESTART",
            "docker inspect -f {{.State.Running}} db               | ",
            "docker ps                                             | ",
            "docker exec -i cache redis-cli FLUSHALL               | DATABASE",
            "kubectl rollout restart deployment/web -n shop        | CONTAINER_RESTART",
            "kubectl -n shop scale deployment/web --replicas=3     | CONTAINER_RESTART",
            "kubectl delete pod web-1                              | CONTAINER_RESTART",
            "kubectl rollout status deployment/web -n shop         | ",
            "kubectl get deployment web -o jsonpath={.spec.replicas} | ",
            "redis-cli -h 127.0.0.1 -p 6379 INFO                   | ",
            "redis-cli -h 127.0.0.1 -p 6379 PING                   | ",
            "redis-cli -h 127.0.0.1 -p 6379 --scan                 | DATABASE",
            "redis-cli -a secret FLUSHDB                           | DATABASE",
            "psql -c select                                        | DATABASE",
            "systemctl --user restart worker                       | RESTART",
            "systemctl restart redis-server                        | RESTART DATABASE",
            "systemctl --user is-active worker                     | ",
            "service postgresql restart                            | RESTART DATABASE",
            "/srv/bin/deploy.sh restart                            | ",
    })
    void aCommandsEffectsAreReadFromItsArguments(String command, String effects) {
        Set<Kind> expected = EnumSet.noneOf(Kind.class);
        if (effects != null) {
            Arrays.stream(effects.trim().split("\\s+")).forEach(k -> expected.add(Kind.valueOf(k)));
        }
        assertEquals(expected, Effects.of(Arrays.asList(command.trim().split("\\s+"))));
    }
}

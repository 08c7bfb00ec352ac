package dev.healdesk.core.playbook.safe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Kind;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redeploys a Railway service through Railway's public GraphQL API: find the service's latest deployment
 * ({@code deployments(first: 1, input: {projectId, serviceId})}), then {@code deploymentRedeploy(id)}. The token
 * comes from {@code RAILWAY_TOKEN} and is sent only in the Authorization header; plans show {@code $RAILWAY_TOKEN}.
 * The ids travel as GraphQL variables, never spliced into the query.
 */
final class RailwayRedeploy {

    static final String TOKEN = "RAILWAY_TOKEN";
    static final String PROJECT = "RAILWAY_PROJECT_ID";
    static final String SERVICE = "RAILWAY_SERVICE_ID";
    static final URI DEFAULT_ENDPOINT = URI.create("https://backboard.railway.com/graphql/v2");

    private static final String LATEST = "query latest($projectId: String!, $serviceId: String!) {"
            + " deployments(first: 1, input: {projectId: $projectId, serviceId: $serviceId}) { edges { node { id } } } }";
    private static final String REDEPLOY = "mutation redeploy($id: String!) { deploymentRedeploy(id: $id) { id } }";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Map<String, String> env;

    RailwayRedeploy(URI endpoint, Map<String, String> env) {
        this.endpoint = endpoint;
        this.env = env;
    }

    /** Whether the environment or the settings ask for Railway at all (then what is missing is reported). */
    static boolean wanted(Map<String, String> env) {
        return env.containsKey(TOKEN) || env.containsKey(PROJECT) || env.containsKey(SERVICE);
    }

    List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(TOKEN, PROJECT, SERVICE)) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name + " is not set: Railway's redeploy needs " + TOKEN + ", " + PROJECT + " and "
                        + SERVICE + " in the environment or .env");
            }
        }
        return missing;
    }

    List<PlanStep> steps() {
        String auth = " (Authorization: Bearer $" + TOKEN + ")";
        return List.of(
                PlanStep.request("Find the service's latest deployment", "POST " + endpoint + auth + " "
                        + LATEST + " with projectId=$" + PROJECT + ", serviceId=$" + SERVICE, Kind.GENERAL),
                PlanStep.request("Redeploy it", "POST " + endpoint + auth + " " + REDEPLOY
                        + " with id=<the latest deployment>", Kind.RESTART));
    }

    Outcome redeploy(HttpClient http) throws PlaybookException {
        ObjectNode ids = JSON.createObjectNode().put("projectId", env.get(PROJECT)).put("serviceId", env.get(SERVICE));
        JsonNode latest = call(http, LATEST, ids);
        JsonNode edges = latest.path("data").path("deployments").path("edges");
        if (!edges.isArray() || edges.isEmpty()) {
            return Outcome.failed("Railway has no deployment of the service in $" + SERVICE + " to redeploy",
                    latest.toString());
        }
        String id = edges.get(0).path("node").path("id").asText("");
        JsonNode done = call(http, REDEPLOY, JSON.createObjectNode().put("id", id));
        String newId = done.path("data").path("deploymentRedeploy").path("id").asText("");
        return Outcome.ok("Railway redeployed deployment " + id + (newId.isEmpty() ? "" : " as " + newId),
                latest + "\n" + done);
    }

    private JsonNode call(HttpClient http, String query, ObjectNode variables) throws PlaybookException {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + env.get(TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlaybookException("Railway's API at " + endpoint + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlaybookException("interrupted while calling Railway's API", e);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PlaybookException("Railway's API answered " + response.statusCode() + " with no JSON", e);
        }
        if (response.statusCode() != 200 || answer.has("errors")) {
            throw new PlaybookException("Railway's API answered " + response.statusCode() + ": "
                    + answer.path("errors").path(0).path("message").asText(answer.toString())
                    + " (check $" + TOKEN + " and the ids)");
        }
        return answer;
    }
}

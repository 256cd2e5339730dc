package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.compute.Server;
import app.exosphere.core.network.Network;
import app.exosphere.examples.SimulatedSession;
import app.exosphere.testkit.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CLI as an operator used to the {@code openstack} CLI uses it, on a simulated cloud without Neutron
 * auto-allocation whose only tenant network is called {@code private} (like a real Zed cloud): network
 * choice, output formats and columns, consistent JSON, deleting several servers, and validation before
 * anything is created. Counts come from the simulator's state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession(Scenario.withoutAutoAllocation());

    @BeforeAll
    static void start() {
        // the project's network is not named after the project: Exosphere's rule finds none
        for (Network n :
                simulated.session().openStack().network().networks().list().toList()) {
            if (!n.external()) {
                simulated
                        .session()
                        .openStack()
                        .network()
                        .transport()
                        .put("/networks/{id}", n.id())
                        .body(Map.of("network", Map.of("name", "private")))
                        .execute();
            }
        }
    }

    /** The names of the networks the server's ports are on (Neutron's view, not the CLI's output). */
    private static List<String> networksOf(String serverName) {
        String id = simulated.session().server(serverName).id();
        Map<String, String> names = new java.util.HashMap<>();
        simulated.session().openStack().network().networks().list().forEach(n -> names.put(n.id(), n.name()));
        return simulated.session().openStack().network().ports().list().stream()
                .filter(p -> id.equals(p.deviceId()))
                .map(p -> names.get(p.networkId()))
                .toList();
    }

    private static int serversInTheSimulator() {
        return simulated.session().simulator().orElseThrow().servers().size();
    }

    @Test
    @Order(1)
    void launchUsesTheOnlyUsableTenantNetworkWhenNoRuleAppliesAndSaysSo() {
        CliRun run = CliRun.on(simulated.session(), "launch", "--name", "i14-auto-net");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("using the only usable tenant network 'private'")
                .contains("as Nova's 'auto' does");
        assertThat(networksOf("i14-auto-net")).containsExactly("private");
    }

    @Test
    @Order(2)
    void launchWithNetworkUsesThatNetworkWithoutANote() {
        int before = serversInTheSimulator();
        CliRun run = CliRun.on(simulated.session(), "launch", "--name", "i14-named-net", "--network", "private");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("only usable tenant network");
        assertThat(networksOf("i14-named-net")).containsExactly("private");
        assertThat(serversInTheSimulator()).isEqualTo(before + 1);

        CliRun unknown = CliRun.on(simulated.session(), "launch", "--name", "i14-no-net", "--network", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("No network \"nope\"");
        assertThat(serversInTheSimulator()).isEqualTo(before + 1);
    }

    @Test
    @Order(3)
    void listPrintsTheChosenFormatAndColumns() throws Exception {
        CliRun csv = CliRun.on(simulated.session(), "list", "-f", "csv", "-c", "name", "-c", "status");
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out().lines().toList()).first().isEqualTo("\"name\",\"status\"");
        assertThat(csv.out()).contains("\"i14-auto-net\",\"");

        CliRun value = CliRun.on(simulated.session(), "list", "-f", "value", "-c", "name");
        assertThat(value.out().lines().toList()).contains("i14-auto-net", "i14-named-net");

        CliRun table = CliRun.on(simulated.session(), "list", "-f", "table", "-c", "name");
        assertThat(table.out()).startsWith("+--").contains("| name ").contains("| i14-auto-net ");

        CliRun yaml = CliRun.on(simulated.session(), "list", "-f", "yaml", "-c", "name");
        assertThat(yaml.out()).startsWith("version: " + ExosphereCli.JSON_VERSION + "\nservers:\n- name: ");

        JsonNode json =
                JSON.readTree(CliRun.on(simulated.session(), "list", "--json").out());
        assertThat(json.get("version").asInt()).isEqualTo(ExosphereCli.JSON_VERSION);
        assertThat(json.get("servers").get(0).get("id").asText()).hasSize(36);
        assertThat(JSON.readTree(
                        CliRun.on(simulated.session(), "list", "-f", "json").out()))
                .isEqualTo(json);

        CliRun badColumn = CliRun.on(simulated.session(), "list", "-f", "csv", "-c", "colour");
        assertThat(badColumn.exitCode()).isEqualTo(2);
        assertThat(badColumn.err()).contains("unknown column 'colour'");
        assertThat(CliRun.on(simulated.session(), "list", "-f", "xml").exitCode())
                .isEqualTo(2);
    }

    @Test
    @Order(4)
    void showPrintsImageFlavorCreatedAndAddresses() throws Exception {
        CliRun text = CliRun.on(simulated.session(), "show", "i14-auto-net");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out())
                .containsPattern("\nimage: +Featured-\\S+\n")
                .containsPattern("\nflavor: +m3\\.\\S+\n")
                .containsPattern("\ncreated: +\\d{4}-\\d\\d-\\d\\dT")
                .containsPattern("\naddresses: +private=10\\.");

        JsonNode json = JSON.readTree(CliRun.on(simulated.session(), "show", "i14-auto-net", "-f", "json")
                .out());
        JsonNode server = json.get("server");
        assertThat(server.isObject()).isTrue();
        assertThat(server.get("image").asText()).startsWith("Featured-");
        assertThat(server.get("flavor").asText()).startsWith("m3.");
        assertThat(server.get("created").asText()).isNotEmpty();
        assertThat(server.get("addresses").get(0).asText()).startsWith("private=");

        assertThat(CliRun.on(simulated.session(), "show", "i14-auto-net", "-f", "value", "-c", "name", "-c", "flavor")
                        .out())
                .matches("i14-auto-net\nm3\\.\\S+\n");
    }

    @Test
    @Order(5)
    void jsonIsConsistentServerIsAnObjectAndNotFoundIsNotFound() throws Exception {
        JsonNode interactions = JSON.readTree(CliRun.on(simulated.session(), "--json", "interactions", "i14-auto-net")
                .out());
        assertThat(interactions.get("version").asInt()).isEqualTo(ExosphereCli.JSON_VERSION);
        assertThat(interactions.get("server").get("name").asText()).isEqualTo("i14-auto-net");

        CliRun missing = CliRun.on(simulated.session(), "--json", "show", "no-such-server");
        assertThat(missing.exitCode()).isEqualTo(1);
        JsonNode error = JSON.readTree(missing.err());
        assertThat(error.get("kind").asText()).isEqualTo("not-found");
        assertThat(error.get("version").asInt()).isEqualTo(ExosphereCli.JSON_VERSION);

        CliRun badIp = CliRun.of("--json", "uap-url", "--uap", "uap.example.org", "--ip", "1.2.3", "--port", "80");
        assertThat(JSON.readTree(badIp.err()).get("kind").asText()).matches("[a-z]+(-[a-z0-9]+)*");
    }

    @Test
    @Order(6)
    void validationErrorsExitTwoAndCreateNothing() {
        int before = serversInTheSimulator();
        assertThat(CliRun.of("uap-url", "--uap", "uap.example.org", "--ip", "149.165.157.999", "--port", "80")
                        .exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("uap-url", "--uap", "uap.example.org", "--ip", "149.165.157.1", "--port", "99999")
                        .exitCode())
                .isEqualTo(2);

        CliRun badName = CliRun.on(simulated.session(), "launch", "--name", "bad_name!");
        assertThat(badName.exitCode()).as(badName.err()).isEqualTo(2);
        assertThat(badName.err()).doesNotContain("\tat ");

        CliRun badTimeout =
                CliRun.on(simulated.session(), "launch", "--name", "i14-timeout", "--wait", "--timeout", "-1");
        assertThat(badTimeout.exitCode()).isEqualTo(2);
        assertThat(badTimeout.err())
                .contains("--timeout must be at least 1 minute")
                .doesNotContain("\tat ");

        // a setting that would be ignored is refused, not dropped silently
        CliRun timeoutWithoutWait = CliRun.on(simulated.session(), "launch", "--name", "i14-nowait", "--timeout", "5");
        assertThat(timeoutWithoutWait.exitCode()).isEqualTo(2);
        assertThat(timeoutWithoutWait.err()).contains("--timeout goes with --wait only");
        CliRun deleteTimeoutWithoutWait = CliRun.on(simulated.session(), "delete", "i14-nowait", "--timeout", "5");
        assertThat(deleteTimeoutWithoutWait.exitCode()).isEqualTo(2);
        assertThat(deleteTimeoutWithoutWait.err()).contains("--timeout goes with --wait only");

        CliRun badFip = CliRun.on(simulated.session(), "launch", "--name", "i14-fip", "--floating-ip", "0000-unknown");
        assertThat(badFip.exitCode()).isEqualTo(1);
        assertThat(badFip.err()).contains("no floating IP with id '0000-unknown'");

        assertThat(serversInTheSimulator()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void deleteTakesSeveralServersAndWaitsUntilTheyAreGone() throws Exception {
        int before = serversInTheSimulator();
        CliRun run = CliRun.on(simulated.session(), "--json", "delete", "i14-auto-net", "i14-named-net", "--wait");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("deleted")).hasSize(2);
        assertThat(json.get("waited").asBoolean()).isTrue();
        assertThat(serversInTheSimulator()).isEqualTo(before - 2);
        assertThat(simulated.session().servers())
                .extracting(Server::name)
                .doesNotContain("i14-auto-net", "i14-named-net");

        CliRun none = CliRun.on(simulated.session(), "delete", "no-such-server", "also-missing");
        assertThat(none.exitCode()).isEqualTo(1);
    }

    @Test
    @Order(8)
    void resourceUsageFailOnExitsOneForMonitoring() {
        String withWarnings =
                ConsoleCommandsTest.CONSOLE.substring(0, ConsoleCommandsTest.CONSOLE.indexOf("{\"epoch\": 1704067380"));
        String now = "2024-01-01T00:30:00Z";
        CliRun warning = CliRun.withStdin(withWarnings, "resource-usage", "--now", now, "--fail-on", "warning");
        assertThat(warning.exitCode()).isEqualTo(1);
        assertThat(warning.err()).contains("an alert at or above warning is active");
        assertThat(CliRun.withStdin(withWarnings, "resource-usage", "--now", now, "--fail-on", "danger")
                        .exitCode())
                .isZero();
        assertThat(CliRun.withStdin(withWarnings, "resource-usage", "--now", now)
                        .exitCode())
                .isZero();
        assertThat(CliRun.withStdin(withWarnings, "resource-usage", "--fail-on", "bad")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void helpSummariesAreSentencesAndExamplesAreNeverWrapped() {
        picocli.CommandLine root = ExosphereCli.commandLine();
        List<String> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, picocli.CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            checkHelp(e.getKey(), e.getValue(), problems);
            e.getValue().getSubcommands().forEach((name, sub) -> checkHelp(e.getKey() + " " + name, sub, problems));
        }
        assertThat(problems).isEmpty();
    }

    private static void checkHelp(String name, picocli.CommandLine cmd, List<String> problems) {
        String[] description = cmd.getCommandSpec().usageMessage().description();
        if (description.length == 0 || !description[0].matches("[A-Z][^:]*\\.")) {
            problems.add(name + ": summary is not a sentence: " + String.join(" / ", description));
        }
        String help =
                cmd.getUsageMessage(picocli.CommandLine.Help.defaultColorScheme(picocli.CommandLine.Help.Ansi.OFF));
        List<String> lines = help.lines().map(String::stripTrailing).toList();
        List<String> examples = new java.util.ArrayList<>(List.of(description));
        examples.addAll(List.of(cmd.getCommandSpec().usageMessage().footer()));
        for (String d : examples) {
            if ((d.startsWith("  exosphere ") || d.startsWith("  openstack ")) && !lines.contains(d.stripTrailing())) {
                problems.add(name + ": example wrapped: " + d);
            }
        }
    }
}

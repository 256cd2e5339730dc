package org.example.gatewayweb;

import app.exosphere.cloudinit.console.ResourceUsageAlert;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.chart.ResourceUsageChart;
import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.image.Image;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.FlavorChoice;
import app.exosphere.core.instance.ImageChoice;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.InteractionStatus;
import app.exosphere.workflow.WorkflowSource;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's instances: list, launch, one instance's page (interactions, passphrase, usage chart,
 * alerts, live progress), delete. Every page reads the cloud; nothing about instances is kept here.
 */
@Controller
public class InstancesController {
    private static final Logger log = LoggerFactory.getLogger(InstancesController.class);

    private final ProgressStreams progress;
    private final int chartRefreshSeconds;

    public InstancesController(ProgressStreams progress, GatewayProperties properties) {
        this.progress = progress;
        this.chartRefreshSeconds = properties.chartRefreshSeconds();
    }

    /** The launch form's fields. */
    public static final class LaunchForm {
        private String name = "";
        private String flavor = "";
        private String image = "";
        private boolean desktop;
        private String workflowRepository = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getFlavor() {
            return flavor;
        }

        public void setFlavor(String flavor) {
            this.flavor = flavor;
        }

        public String getImage() {
            return image;
        }

        public void setImage(String image) {
            this.image = image;
        }

        public boolean isDesktop() {
            return desktop;
        }

        public void setDesktop(boolean desktop) {
            this.desktop = desktop;
        }

        public String getWorkflowRepository() {
            return workflowRepository;
        }

        public void setWorkflowRepository(String workflowRepository) {
            this.workflowRepository = workflowRepository;
        }
    }

    /** One row of the instance list. */
    public record Row(String id, String name, String status, String setup, String created) {}

    @GetMapping("/instances")
    public String list(HttpSession session, Model model) {
        UserSession user = signedIn(session);
        model.addAttribute("form", new LaunchForm());
        return listPage(user, model);
    }

    private String listPage(UserSession user, Model model) {
        model.addAttribute("user", user);
        List<Row> rows = user.exosphere().list().execute().stream()
                .sorted(Comparator.comparing(Instance::name))
                .map(i -> new Row(
                        i.id(),
                        i.name(),
                        i.uiStatus().display(),
                        i.setupStatus().state().display(),
                        i.server().created().map(Object::toString).orElse("")))
                .toList();
        model.addAttribute("instances", rows);
        model.addAttribute("flavors", user.exosphere().openStack().compute().flavors().listDetail().toList().stream()
                .sorted(Comparator.comparingInt(Flavor::vcpus).thenComparingInt(Flavor::ramMb))
                .map(Flavor::name)
                .toList());
        model.addAttribute("images", user.exosphere().openStack().image().list().toList().stream()
                .map(Image::name)
                .filter(n -> n != null)
                .sorted()
                .toList());
        return "instances";
    }

    @PostMapping("/instances")
    public String launch(@ModelAttribute("form") LaunchForm form, HttpSession session, Model model) {
        UserSession user = signedIn(session);
        try {
            // blank image and size mean what the Exosphere web app preselects: a featured image, the smallest size
            ImageChoice image = form.getImage().isBlank()
                    ? ImageChoice.featured()
                    : ImageChoice.name(form.getImage().strip());
            FlavorChoice flavor = form.getFlavor().isBlank()
                    ? FlavorChoice.smallestAllowed()
                    : FlavorChoice.name(form.getFlavor());
            LaunchRequest.Builder request = LaunchRequest.builder()
                    .name(form.getName().strip())
                    .image(image)
                    .flavor(flavor)
                    .desktop(form.isDesktop());
            if (!form.getWorkflowRepository().isBlank()) {
                request.workflow(WorkflowSource.of(form.getWorkflowRepository().strip(), null, null));
            }
            Instance launched = user.exosphere().launch(request.build()).execute();
            log.info("{} launched {} ({})", user.userName(), launched.name(), launched.id());
            return "redirect:/instances/" + launched.id();
        } catch (OpenStackException | IllegalArgumentException e) {
            // the SDK's own words (invalid name, unknown image, quota exceeded ...): never a stack trace
            log.info("{}: launch refused: {}", user.userName(), e.getMessage());
            model.addAttribute("error", e.getMessage());
            return listPage(user, model);
        }
    }

    /** One interaction as the page shows it. */
    public record InteractionView(String name, String kind, String value, boolean url, String reason) {}

    @GetMapping("/instances/{id}")
    public String show(@PathVariable String id, HttpSession session, Model model) {
        UserSession user = signedIn(session);
        Instance instance = user.exosphere().instance(id).execute();
        model.addAttribute("user", user);
        model.addAttribute("instance", instance);
        model.addAttribute("status", instance.uiStatus().display());
        model.addAttribute("setup", instance.setupStatus().state().display());
        model.addAttribute("hasPassphrase", instance.passphrase().isPresent());
        Map<Interaction, InteractionStatus> visible =
                instance.fetchInteractions().execute().visible();
        model.addAttribute("interactions", visible.entrySet().stream()
                .map(e -> new InteractionView(
                        e.getKey().displayName(),
                        e.getValue().kind().name(),
                        e.getValue().value().map(SecretUrl::toUriString).orElse(""),
                        e.getKey().isUrl() || e.getKey() == Interaction.CONSOLE_LOG,
                        e.getValue().reason().orElse("")))
                .toList());
        ResourceUsageHistory history = instance.fetchResourceUsage().execute();
        model.addAttribute("alerts", ResourceUsageAlert.forHistory(history, user.clock().instant()));
        model.addAttribute("chartRefreshSeconds", chartRefreshSeconds);
        return "instance";
    }

    @GetMapping(path = "/instances/{id}/usage.svg", produces = "image/svg+xml")
    public ResponseEntity<String> usageChart(@PathVariable String id, HttpSession session) {
        UserSession user = signedIn(session);
        Instance instance = user.exosphere().instance(id).execute();
        String svg = ResourceUsageChart.defaults()
                .render(instance.fetchResourceUsage().execute(), user.clock().instant());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.valueOf("image/svg+xml"))
                .body(svg);
    }

    @GetMapping(path = "/instances/{id}/console-log", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    public String consoleLog(@PathVariable String id, HttpSession session) {
        UserSession user = signedIn(session);
        return user.exosphere().instance(id).execute().fetchConsoleLog(500).execute();
    }

    /** The passphrase, only when the user asks for it (the reveal button); never in the page itself. */
    @PostMapping(path = "/instances/{id}/passphrase", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    public ResponseEntity<String> passphrase(@PathVariable String id, HttpSession session) {
        UserSession user = signedIn(session);
        Optional<String> passphrase =
                user.exosphere().instance(id).execute().passphrase().map(s -> s.reveal());
        return passphrase
                .map(p -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(p))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(path = "/instances/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable String id, HttpSession session) {
        UserSession user = signedIn(session);
        return progress.follow(user.exosphere(), id);
    }

    @PostMapping("/instances/{id}/delete")
    public String delete(@PathVariable String id, HttpSession session, RedirectAttributes redirect) {
        UserSession user = signedIn(session);
        Exosphere exosphere = user.exosphere();
        Instance instance = exosphere.instance(id).execute();
        instance.delete(true, Duration.ofMinutes(5)).execute();
        log.info("{} deleted {} ({})", user.userName(), instance.name(), id);
        redirect.addFlashAttribute("notice", "Deleted " + instance.name() + ".");
        return "redirect:/instances";
    }

    private static UserSession signedIn(HttpSession session) {
        return UserSession.of(session).orElseThrow(NotSignedInException::new);
    }
}

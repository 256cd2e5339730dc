package org.example.gatewayweb;

import app.exosphere.core.error.OpenStackException;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign in with a clouds.yaml cloud or an application credential; sign out. */
@Controller
public class SignInController {
    private static final Logger log = LoggerFactory.getLogger(SignInController.class);

    private final Clouds clouds;

    public SignInController(Clouds clouds) {
        this.clouds = clouds;
    }

    @GetMapping("/")
    public String home(HttpSession session) {
        return UserSession.of(session).isPresent() ? "redirect:/instances" : "redirect:/sign-in";
    }

    @GetMapping("/sign-in")
    public String signInPage(Model model) {
        model.addAttribute("clouds", clouds.cloudNames());
        return "sign-in";
    }

    @PostMapping("/sign-in/cloud")
    public String signInWithCloud(@RequestParam String cloud, HttpSession session, Model model) {
        try {
            clouds.signIn(cloud).storeIn(session);
            return "redirect:/instances";
        } catch (OpenStackException e) {
            return failed(e, model);
        }
    }

    @PostMapping("/sign-in/application-credential")
    public String signInWithApplicationCredential(
            @RequestParam String authUrl,
            @RequestParam String credentialId,
            @RequestParam String secret,
            @RequestParam(required = false) String region,
            HttpSession session,
            Model model) {
        try {
            clouds.signIn(authUrl.strip(), credentialId.strip(), secret, region).storeIn(session);
            return "redirect:/instances";
        } catch (OpenStackException e) {
            return failed(e, model);
        }
    }

    @PostMapping("/sign-out")
    public String signOut(HttpSession session) {
        UserSession.remove(session);
        session.invalidate();
        return "redirect:/sign-in";
    }

    private String failed(OpenStackException e, Model model) {
        // the SDK's messages never carry secrets, so they can be shown and logged
        log.info("Sign-in refused: {}", e.getMessage());
        model.addAttribute("clouds", clouds.cloudNames());
        model.addAttribute("error", e.getMessage());
        return "sign-in";
    }
}

package org.example.gatewayweb;

import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.instance.Shares;
import app.exosphere.core.rules.ShareMount;
import app.exosphere.core.share.AccessLevel;
import app.exosphere.core.share.Share;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The signed-in user's Manila shares (the SDK's {@code exosphere.shares()}) with status, size, export path and
 * the web app's mount and unmount commands ({@link ShareMount}, Exosphere's {@code Page.ShareDetail}). The
 * mount command holds the access rule's cephx key: like the passphrase it reaches the page only when the user
 * asks for it.
 */
@Controller
public class SharesController {
    private final String scriptUrl;

    public SharesController(GatewayProperties properties) {
        this.scriptUrl = ShareMount.scriptUrl(properties.exosphereAppUrl());
    }

    /**
     * One share as the page shows it; {@code exportPath}, {@code accessRule} and {@code unmountCommand} are
     * empty and {@code mountReason} says why when the share cannot be mounted (yet).
     */
    public record ShareView(
            String id,
            String name,
            String status,
            int sizeGb,
            String exportPath,
            String accessRule,
            String unmountCommand,
            String mountReason) {}

    @GetMapping("/shares")
    public String list(HttpSession session, Model model) {
        UserSession user = signedIn(session);
        Shares shares = user.exosphere().shares();
        List<ShareView> rows = shares.list().execute().stream()
                .sorted(Comparator.comparing(Share::name))
                .map(s -> view(shares, s))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("shares", rows);
        return "shares";
    }

    private ShareView view(Shares shares, Share share) {
        String status = share.status().apiValue();
        try {
            ShareMount mount = shares.mount(share.id(), AccessLevel.RW).execute();
            return new ShareView(
                    share.id(),
                    share.name(),
                    status,
                    share.sizeGb(),
                    mount.exportPath(),
                    mount.cephxId(),
                    mount.unmountCommand(scriptUrl),
                    "");
        } catch (OpenStackException e) {
            // no export location or access rule yet (a share being created): the SDK says what is missing
            return new ShareView(share.id(), share.name(), status, share.sizeGb(), "", "", "", e.getMessage());
        }
    }

    /** The mount command (it holds the cephx key), only when the user asks for it. */
    @PostMapping(path = "/shares/{id}/mount-command", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> mountCommand(@PathVariable String id, HttpSession session) {
        UserSession user = signedIn(session);
        ShareMount mount = user.exosphere().shares().mount(id, AccessLevel.RW).execute();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(mount.mountCommand(scriptUrl).reveal());
    }

    private static UserSession signedIn(HttpSession session) {
        return UserSession.of(session).orElseThrow(NotSignedInException::new);
    }
}

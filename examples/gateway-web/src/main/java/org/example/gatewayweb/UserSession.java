package org.example.gatewayweb;

import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.instance.Exosphere;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.time.Clock;
import java.util.Optional;

/**
 * One signed-in user: their {@link Exosphere} (on their own {@code OpenStack} view of the shared HTTP client),
 * who they are and the cloud's clock. Kept in the HTTP session and closed when the session ends; it holds no
 * instance state (every page asks the cloud).
 */
public final class UserSession implements HttpSessionBindingListener {
    private static final String ATTRIBUTE = UserSession.class.getName();

    private final Exosphere exosphere;
    private final Clock clock;
    private final String userName;
    private final String projectName;
    private final String cloud;

    private UserSession(Exosphere exosphere, Clock clock, String userName, String projectName, String cloud) {
        this.exosphere = exosphere;
        this.clock = clock;
        this.userName = userName;
        this.projectName = projectName;
        this.cloud = cloud;
    }

    static UserSession of(Exosphere exosphere, Clock clock, String cloud) {
        TokenInfo token = exosphere.openStack().token().execute();
        String project = token.project().map(p -> p.name()).orElse("(no project)");
        return new UserSession(exosphere, clock, token.user().name(), project, cloud);
    }

    /** The session's user, if signed in. */
    public static Optional<UserSession> of(HttpSession session) {
        return Optional.ofNullable((UserSession) session.getAttribute(ATTRIBUTE));
    }

    /** Stores this user in the session (closing it when the session ends or the user signs out). */
    public void storeIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    /** Signs the session's user out. */
    public static void remove(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    public Exosphere exosphere() {
        return exosphere;
    }

    public Clock clock() {
        return clock;
    }

    public String userName() {
        return userName;
    }

    public String projectName() {
        return projectName;
    }

    public String cloud() {
        return cloud;
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        // releases this user's view only: the shared HTTP client was passed in and stays open
        exosphere.close();
    }
}

package app.exosphere.core;

import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;

/**
 * What {@link StartUpClassLoadingTest} runs in a fresh JVM: authenticate, list the project's servers,
 * close, print how many servers were listed. Arguments: auth URL, user, password, project id.
 */
public final class StartUpProbe {
    private StartUpProbe() {}

    public static void main(String[] args) {
        try (OpenStack os = OpenStack.builder()
                .authUrl(args[0])
                .credentials(Credentials.password(UserRef.name(args[1], DomainRef.of("Default")), args[2]))
                .project(args[3])
                .build()) {
            System.out.println(
                    "LISTED " + os.compute().servers().list().toList().size());
        }
    }
}

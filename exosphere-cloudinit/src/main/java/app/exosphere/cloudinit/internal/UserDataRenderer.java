package app.exosphere.cloudinit.internal;

import app.exosphere.cloudinit.CloudConfigFragment;
import app.exosphere.cloudinit.Compression;
import app.exosphere.cloudinit.ExosphereUserData;
import app.exosphere.cloudinit.OpenStackCredentials;
import app.exosphere.cloudinit.RenderedUserData;
import app.exosphere.cloudinit.ShellPart;
import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.cloudinit.UserDataTooLargeException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.GZIPOutputStream;

/** Builds the four Exosphere parts plus gateway extensions. Not API. */
public final class UserDataRenderer {

    private UserDataRenderer() {}

    public static RenderedUserData render(UserDataOptions options, Compression compression) {
        List<MimeWriter.Part> parts = new ArrayList<>();
        parts.add(new MimeWriter.Part(
                ExosphereUserData.BOOTHOOK_TYPE, ExosphereUserData.BOOTHOOK_FILENAME, Scripts.bootHook()));
        parts.add(new MimeWriter.Part(
                ExosphereUserData.SHELL_TYPE, ExosphereUserData.RUNNING_FILENAME, Scripts.setupRunning()));
        parts.add(new MimeWriter.Part(
                ExosphereUserData.SHELL_TYPE,
                ExosphereUserData.SETUP_FILENAME,
                Scripts.ansibleSetup(
                        ShellQuote.doubleQuoted(options.configManagementRepository()),
                        ShellQuote.doubleQuoted(options.configManagementCheckout()),
                        ShellQuote.doubleQuoted(options.ansibleExtraVars()))));
        parts.add(new MimeWriter.Part(
                ExosphereUserData.CLOUD_CONFIG_TYPE, ExosphereUserData.CLOUD_CONFIG_FILENAME, cloudConfig(options)));
        for (ShellPart extra : options.extraShellParts()) {
            parts.add(new MimeWriter.Part(ExosphereUserData.SHELL_TYPE, extra.filename(), extra.script()));
        }
        String text = MimeWriter.write(ExosphereUserData.BOUNDARY, parts);
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        int limit = RenderedUserData.NOVA_LIMIT;
        int plainSize = RenderedUserData.base64Length(plain.length);
        boolean gzip = compression == Compression.GZIP || (compression == Compression.AUTO && plainSize > limit);
        byte[] payload = gzip ? gzip(plain) : plain;
        int size = RenderedUserData.base64Length(payload.length);
        if (size > limit) {
            OptionalInt gzipSize =
                    gzip ? OptionalInt.empty() : OptionalInt.of(RenderedUserData.base64Length(gzip(plain).length));
            throw new UserDataTooLargeException(size, limit, gzipSize);
        }
        return RenderedUserData.of(text, payload, gzip);
    }

    /** Exosphere's {@code ServerDeploy.exosphereCloudConfig} part, as a YAML tree (so every scalar is escaped by the YAML writer). */
    static String cloudConfig(UserDataOptions options) {
        ObjectNode root = ElmJson.MAPPER.createObjectNode();
        ArrayNode users = root.putArray("users");
        users.add("default");
        ObjectNode exouser = users.addObject();
        exouser.put("name", "exouser");
        exouser.put("shell", "/bin/bash");
        exouser.put("groups", "sudo, admin");
        // string form: the list form is rejected by the cloud-init 22.4 schema
        exouser.put("sudo", "ALL=(ALL) NOPASSWD:ALL");
        if (!options.sshPublicKeys().isEmpty()) {
            ArrayNode keys = exouser.putArray("ssh_authorized_keys");
            options.sshPublicKeys().forEach(keys::add);
        }
        root.put("ssh_pwauth", true);
        root.put("package_update", true);
        root.put("package_upgrade", options.installOsUpdates());
        root.putArray("packages").add("git");
        options.openStackCredentials().ifPresent(c -> writeFiles(root.putArray("write_files"), c));
        for (CloudConfigFragment fragment : options.extraCloudConfig()) {
            CloudConfigMerge.into(root, fragment.tree(), options.mergePolicy());
        }
        return "#cloud-config\n" + Yaml.write(root);
    }

    /** Exosphere's {@code Credentials.getOpenStackCredentialWriteFilesYaml}. */
    private static void writeFiles(ArrayNode files, OpenStackCredentials c) {
        file(files, ExosphereUserData.OPENRC_PATH, openRc(c));
        file(files, ExosphereUserData.CLOUDS_YAML_PATH, cloudsYaml(c));
    }

    private static void file(ArrayNode files, String path, String content) {
        ObjectNode f = files.addObject();
        f.put("path", path);
        f.put("content", content);
        f.put("owner", "exouser:exouser");
        f.put("permissions", "0400");
        f.put("defer", true);
    }

    static String openRc(OpenStackCredentials c) {
        return "#!/usr/bin/env bash\n\n"
                + "export OS_AUTH_TYPE=v3applicationcredential\n"
                + "export OS_AUTH_URL=" + ShellQuote.doubleQuoted(c.authUrl()) + "\n"
                + "export OS_IDENTITY_API_VERSION=3\n"
                + "export OS_REGION_NAME=" + ShellQuote.doubleQuoted(c.regionName()) + "\n"
                + "export OS_INTERFACE=public\n"
                + "export OS_APPLICATION_CREDENTIAL_ID=" + ShellQuote.doubleQuoted(c.applicationCredentialId()) + "\n"
                + "export OS_APPLICATION_CREDENTIAL_SECRET="
                + ShellQuote.doubleQuoted(c.applicationCredentialSecret().reveal())
                + "\n";
    }

    static String cloudsYaml(OpenStackCredentials c) {
        ObjectNode root = ElmJson.MAPPER.createObjectNode();
        ObjectNode cloud = root.putObject("clouds").putObject(c.cloudName());
        cloud.put("region_name", c.regionName());
        cloud.put("interface", "public");
        cloud.put("identity_api_version", 3);
        cloud.put("auth_type", "v3applicationcredential");
        ObjectNode auth = cloud.putObject("auth");
        auth.put("auth_url", c.authUrl());
        auth.put("application_credential_id", c.applicationCredentialId());
        auth.put(
                "application_credential_secret", c.applicationCredentialSecret().reveal());
        return Yaml.write(root);
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

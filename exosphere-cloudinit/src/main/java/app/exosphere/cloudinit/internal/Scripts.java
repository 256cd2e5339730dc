package app.exosphere.cloudinit.internal;

/**
 * The shell parts of Exosphere-style user data, written for this SDK with the same effects as
 * Exosphere's ({@code ServerDeploy.cloudInitUserDataTemplate}): same file names, status lines, paths, commands and Ansible
 * variables. Values are substituted already quoted for the shell. Not API.
 */
public final class Scripts {

    private Scripts() {}

    /** The status line, built by the shell: {"status":"<s>", "epoch": <seconds>000}. Exosphere's {@code ServerDeploy.cloudInitUserDataTemplate} */
    private static String emit(String statusExpression) {
        return "echo '{\"status\":\"" + statusExpression + "\", \"epoch\": '\"$(date '+%s')\"'000}'"
                + " | tee --append /dev/console > /dev/kmsg || true\n";
    }

    /** Part 1, text/cloud-boothook: "starting", once per instance. */
    public static String bootHook() {
        return """
                #!/bin/bash
                # Exosphere setup status "starting" (exosphere-java): first boot of this instance only.
                if cloud-init-per instance exosphere-setup-starting /bin/false; then
                  exit 0
                fi
                # no rate limiting of /dev/kmsg, so the status line reaches the console log
                echo on > /proc/sys/kernel/printk_devkmsg || true
                sleep 1
                """ + emit("starting") + "chmod 640 /var/log/cloud-init-output.log || true\n";
    }

    /** Part 2, text/x-shellscript: "running". */
    public static String setupRunning() {
        return """
                #!/bin/bash
                # Exosphere setup status "running" (exosphere-java).
                sleep 1
                """ + emit("running");
    }

    /**
     * Part 3, text/x-shellscript: Ansible in a venv, the config-management checkout, the playbook, then
     * "complete" or "error".
     *
     * @param repository the config-management repository, already shell-quoted
     * @param checkout the checkout, already shell-quoted
     * @param extraVars the extra-vars JSON, already shell-quoted
     */
    public static String ansibleSetup(String repository, String checkout, String extraVars) {
        return """
                #!/bin/bash
                # Exosphere instance setup (exosphere-java): runs the instance-config-management playbook,
                # then reports setup status "complete" or "error".
                set +e

                retry() {
                  local attempt
                  for attempt in 1 2 3; do
                    if "$@"; then
                      return 0
                    fi
                    echo "Command failed: $*"
                    if [ "$attempt" -lt 3 ]; then
                      sleep 5
                    fi
                  done
                  echo "All retries of command failed: $*"
                  return 1
                }

                if command -v apt-get; then retry apt-get install -y python3-venv; fi
                if command -v yum; then retry yum install -y python3; fi
                python3 -m venv /opt/ansible-venv
                # shellcheck disable=SC1091
                . /opt/ansible-venv/bin/activate
                retry pip install --upgrade pip
                retry pip install ansible-core passlib

                retry git init /opt/instance-config-mgt && \\
                  git -C /opt/instance-config-mgt remote add origin @REPO@ && \\
                  git -C /opt/instance-config-mgt fetch --depth 1 origin @CHECKOUT@ && \\
                  git -C /opt/instance-config-mgt reset --hard FETCH_HEAD

                if ansible-playbook \\
                  -i /opt/instance-config-mgt/ansible/hosts \\
                  -e @EXTRA_VARS@ \\
                  /opt/instance-config-mgt/ansible/playbook.yml; then
                  STATUS="complete"
                else
                  STATUS="error"
                fi
                sleep 1
                """.replace("@REPO@", repository.replace("@", "\u0000"))
                        .replace("@CHECKOUT@", checkout.replace("@", "\u0000"))
                        .replace("@EXTRA_VARS@", extraVars.replace("@", "\u0000"))
                        .replace('\u0000', '@')
                + emit("'\"$STATUS\"'");
    }
}

# Test harness prepended to a user-data shell part (test helper, never shipped).
# Every external command the part runs is replaced by a function that records its arguments, so the
# test sees exactly the words the shell passed (after quoting/escaping) without touching the machine.
# Records: name and arguments separated by \037, records terminated by \036, appended to $HARNESS_CALLS.
record() {
  {
    printf '%s' "$1"
    shift
    for a in "$@"; do printf '\037%s' "$a"; done
    printf '\036'
  } >> "$HARNESS_CALLS"
}
apt-get() { record apt-get "$@"; }
yum() { record yum "$@"; }
python3() { record python3 "$@"; }
pip() { record pip "$@"; }
git() { record git "$@"; }
ansible-playbook() { record ansible-playbook "$@"; return "${HARNESS_ANSIBLE_RC:-0}"; }
cloud-init-per() { record cloud-init-per "$@"; return "${HARNESS_CLOUD_INIT_PER_RC:-1}"; }
chmod() { record chmod "$@"; }
sleep() { :; }
date() { echo "${HARNESS_NOW:-1704067200}"; }
command() {
  if [ "$1" = "-v" ]; then
    [ "$2" = "apt-get" ] && echo /usr/bin/apt-get
    [ "$2" = "apt-get" ]
    return
  fi
  builtin command "$@"
}

# shellcheck shell=bash
# Installs the Debian bookworm packages, without letting any maintainer
# script start a daemon or touch a database.

# What we ask apt for. Everything else comes in as their dependencies.
OSBOX_PACKAGES=(
  mariadb-server rabbitmq-server memcached
  keystone glance-api placement-api
  nova-api nova-conductor nova-scheduler nova-compute
  # nova-compute depends on "nova-compute-kvm | nova-compute-hypervisor": this
  # tiny package provides the latter, so qemu and libvirt stay out. Its
  # driver is never used (compute_driver = fake.FakeDriver).
  nova-compute-ironic
  neutron-server
  cinder-api cinder-scheduler cinder-volume
  uwsgi-core uwsgi-plugin-python3 python3-pymysql python3-openstackclient
  curl jq
)
# Shared file systems (Manila) and DNS (Designate), unless switched off in start:
# the share service without Ceph (manila-share still depends on python3-rados),
# Designate's five services, and the clients the `openstack` CLI needs for them.
OSBOX_MANILA_PACKAGES=(manila-api manila-scheduler manila-share python3-manilaclient)
OSBOX_DESIGNATE_PACKAGES=(designate-api designate-central designate-worker designate-producer
  designate-mdns python3-designateclient)

# every package start needs, given the OSBOX_WITH_* choices
wanted_packages() {
  printf '%s\n' "${OSBOX_PACKAGES[@]}"
  if [ "${OSBOX_WITH_MANILA:-1}" = 1 ]; then printf '%s\n' "${OSBOX_MANILA_PACKAGES[@]}"; fi
  if [ "${OSBOX_WITH_DESIGNATE:-1}" = 1 ]; then printf '%s\n' "${OSBOX_DESIGNATE_PACKAGES[@]}"; fi
  return 0
}

missing_packages() {
  local p
  for p in $(wanted_packages); do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -qx 'install ok installed' || printf '%s\n' "$p"
  done
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  if [ ${#missing[@]} -eq 0 ]; then
    log "all packages are installed"
    return 0
  fi
  [ "${OSBOX_NO_INSTALL:-0}" = 1 ] && die "packages missing and OSBOX_NO_INSTALL=1: ${missing[*]}"
  log "installing ${#missing[@]} packages and their dependencies (apt; logs/apt.log)"
  export DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true

  # invoke-rc.d asks policy-rc.d before starting a daemon; 101 means "not
  # allowed". Many images already have one; add ours only when there is none
  # and remove only ours.
  local own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# exosphere-osbox: no daemon starts during apt\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi

  # The openstack-pkg-tools questions all default to "no", but say so
  # explicitly: dpkg must never configure a database, RabbitMQ or Keystone.
  local svc q
  {
    for svc in keystone glance nova neutron cinder placement manila designate; do
      for q in configure_db configure_rabbit configure_ksat register-endpoint; do
        printf '%s-common %s/%s boolean false\n' "$svc" "$svc" "$q"
        printf '%s %s/%s boolean false\n' "$svc" "$svc" "$q"
      done
    done
    printf 'keystone keystone/create-admin-tenant boolean false\n'
    printf 'nova-common nova/configure_neutron boolean false\n'
    printf 'nova-common nova/configure_placement boolean false\n'
    printf 'neutron-common neutron/configure_nova boolean false\n'
  } >"$OSBOX_GEN/debconf-preseed.txt"
  debconf-set-selections "$OSBOX_GEN/debconf-preseed.txt" >>"$OSBOX_LOGS/apt.log" 2>&1 || true

  local t0 rc=0
  t0=$(date +%s)
  apt-get update >>"$OSBOX_LOGS/apt.log" 2>&1 || rc=$?
  if [ $rc = 0 ]; then
    apt-get install -y --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
      "${missing[@]}" >>"$OSBOX_LOGS/apt.log" 2>&1 || rc=$?
  fi
  if [ $own_policy = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  if [ $rc != 0 ]; then
    show_tail "$OSBOX_LOGS/apt.log"
    die "apt-get failed (exit $rc); the full log is $OSBOX_LOGS/apt.log"
  fi
  log "packages installed in $(($(date +%s) - t0))s"
}

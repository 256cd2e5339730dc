# shellcheck shell=bash
# Writes every configuration file. All listeners are 127.0.0.1; all
# service-to-service URLs are http://127.0.0.1:<port>.

OSBOX_IP=127.0.0.1
OSBOX_REGION=RegionOne
OSBOX_PASSWORD=${OSBOX_PASSWORD:-secret}
# shellcheck disable=SC2034 # used by start
KEYSTONE_URL=http://$OSBOX_IP:5000/v3
RABBIT_URL=rabbit://osbox:$OSBOX_PASSWORD@$OSBOX_IP:5672/

db_url() { printf 'mysql+pymysql://%s:%s@%s/%s?charset=utf8' "$1" "$OSBOX_PASSWORD" "$OSBOX_IP" "$2"; }

# put_file PATH OWNER:GROUP MODE  (content on stdin) - keeps the packaged
# original once as PATH.osbox-orig
put_file() {
  local path=$1 owner=$2 mode=$3
  if [ -e "$path" ] && [ ! -e "$path.osbox-orig" ]; then cp -a "$path" "$path.osbox-orig"; fi
  mkdir -p "$(dirname "$path")"
  cat >"$path.osbox-new"
  chown "$owner" "$path.osbox-new"
  chmod "$mode" "$path.osbox-new"
  mv -f "$path.osbox-new" "$path"
}
# service config: root-owned, readable by the service's group only (it holds passwords)
service_conf() { put_file "$1" "root:$2" 640; }

# [keystone_authtoken] for a service user
authtoken_section() {
  cat <<EOF
[keystone_authtoken]
www_authenticate_uri = http://$OSBOX_IP:5000
auth_url = http://$OSBOX_IP:5000
auth_type = password
user_domain_name = Default
project_domain_name = Default
project_name = service
username = $1
password = $OSBOX_PASSWORD
region_name = $OSBOX_REGION
memcached_servers = $OSBOX_IP:11211
service_token_roles_required = true
EOF
}
# a keystoneauth section (how one service calls another)
client_section() {
  cat <<EOF
[$1]
auth_url = http://$OSBOX_IP:5000
auth_type = password
user_domain_name = Default
project_domain_name = Default
project_name = service
username = $2
password = $OSBOX_PASSWORD
region_name = $OSBOX_REGION
EOF
}
# Zed's defaults, without the new secure-RBAC enforcement that this release
# still ships switched off
policy_section() {
  printf '[oslo_policy]\nenforce_new_defaults = false\nenforce_scope = false\n'
}

write_infra_configs() {
  put_file /etc/mysql/mariadb.conf.d/99-exosphere-osbox.cnf root:root 644 <<'EOF'
# exosphere-osbox: loopback only, small, no fsync per commit (a throwaway test cloud)
[mysqld]
bind-address = 127.0.0.1
port = 3306
skip-name-resolve
max_connections = 500
innodb_buffer_pool_size = 192M
innodb_flush_log_at_trx_commit = 0
innodb_doublewrite = 0
sync_binlog = 0
performance_schema = OFF
character-set-server = utf8mb3
collation-server = utf8mb3_general_ci
EOF
  mkdir -p "$OSBOX_LOGS/rabbitmq"
  chown rabbitmq:rabbitmq "$OSBOX_LOGS/rabbitmq"
  # AMQP, epmd and the Erlang distribution port all on loopback
  put_file /etc/rabbitmq/rabbitmq-env.conf root:root 644 <<EOF
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=5672
DIST_PORT=25672
LOG_BASE=$OSBOX_LOGS/rabbitmq
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOF
  put_file /etc/rabbitmq/rabbitmq.conf root:root 644 <<'EOF'
listeners.tcp.default = 127.0.0.1:5672
loopback_users.guest = true
log.console = false
log.file.level = warning
vm_memory_high_watermark.relative = 0.2
EOF
}

write_keystone_config() {
  service_conf /etc/keystone/keystone.conf keystone <<EOF
[DEFAULT]
use_stderr = true
[database]
connection = $(db_url keystone keystone)
[token]
provider = fernet
expiration = 14400
[cache]
# Without a cache every token validation costs hundreds of SQL queries
# (1.5 s), which makes every API call of every service slow.
enabled = true
backend = dogpile.cache.pymemcache
memcache_servers = $OSBOX_IP:11211
[identity]
# bcrypt's minimum cost: a test cloud needs fast password checks, not strong hashes
password_hash_rounds = 4
$(policy_section)
EOF
}

write_glance_config() {
  mkdir -p /var/lib/glance/images /var/lib/glance/staging /var/lib/glance/tasks /var/lib/glance/lock
  chown -R glance:glance /var/lib/glance
  service_conf /etc/glance/glance-api.conf glance <<EOF
[DEFAULT]
bind_host = $OSBOX_IP
bind_port = 9292
workers = 0
use_stderr = true
enabled_backends = files:file
show_image_direct_url = false
[database]
connection = $(db_url glance glance)
[glance_store]
default_backend = files
[files]
filesystem_store_datadir = /var/lib/glance/images/
[os_glance_staging_store]
filesystem_store_datadir = /var/lib/glance/staging/
[os_glance_tasks_store]
filesystem_store_datadir = /var/lib/glance/tasks/
$(authtoken_section glance)
[paste_deploy]
flavor = keystone
[oslo_concurrency]
lock_path = /var/lib/glance/lock
$(policy_section)
EOF
}

write_placement_config() {
  service_conf /etc/placement/placement.conf placement <<EOF
[DEFAULT]
use_stderr = true
[api]
auth_strategy = keystone
[placement_database]
connection = $(db_url placement placement)
$(authtoken_section placement)
$(policy_section)
EOF
}

write_nova_config() {
  mkdir -p /var/lib/nova/instances /var/lib/nova/lock
  chown -R nova:nova /var/lib/nova
  service_conf /etc/nova/nova.conf nova <<EOF
[DEFAULT]
host = osbox
my_ip = $OSBOX_IP
state_path = /var/lib/nova
transport_url = $RABBIT_URL
# servers are records in the fake driver: nothing boots
compute_driver = fake.FakeDriver
enabled_apis = osapi_compute
osapi_compute_listen = $OSBOX_IP
use_stderr = true
# there are no agents to report that a port is plugged
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
# one compute host: resize and cold migration must be allowed onto it
allow_resize_to_same_host = true
instance_usage_audit = false
heal_instance_info_cache_interval = -1
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
[api_database]
connection = $(db_url nova nova_api)
[database]
connection = $(db_url nova nova)
$(authtoken_section nova)
[service_user]
send_service_user_token = true
auth_url = http://$OSBOX_IP:5000
auth_type = password
user_domain_name = Default
project_domain_name = Default
project_name = service
username = nova
password = $OSBOX_PASSWORD
$(client_section placement placement)
$(client_section neutron neutron)
$(client_section cinder cinder)
os_region_name = $OSBOX_REGION
[glance]
region_name = $OSBOX_REGION
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = -1
[filter_scheduler]
track_instance_changes = false
[compute]
resource_provider_association_refresh = 0
[oslo_concurrency]
lock_path = /var/lib/nova/lock
[oslo_messaging_notifications]
driver = noop
[vnc]
enabled = false
[spice]
enabled = false
[serial_console]
enabled = false
$(policy_section)
EOF
  # nova-compute must not be given database credentials (it logs "No DB
  # access allowed in nova-compute" tracebacks otherwise): same file, minus
  # the two database sections.
  awk '/^\[/ { drop = ($0 == "[database]" || $0 == "[api_database]") } !drop' /etc/nova/nova.conf |
    service_conf /etc/nova/nova-compute-osbox.conf nova
}

write_neutron_config() {
  mkdir -p /var/lib/neutron/lock
  chown -R neutron:neutron /var/lib/neutron
  service_conf /etc/neutron/neutron.conf neutron <<EOF
[DEFAULT]
bind_host = $OSBOX_IP
bind_port = 9696
core_plugin = ml2
# auto_allocate gives GET /v2.0/auto-allocated-topology/{project_id}
service_plugins = router,auto_allocate
auth_strategy = keystone
transport_url = $RABBIT_URL
allow_overlapping_ips = true
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
dhcp_agent_notification = false
api_workers = 0
rpc_workers = 0
rpc_state_report_workers = 0
state_path = /var/lib/neutron
use_stderr = true
[database]
connection = $(db_url neutron neutron)
$(authtoken_section neutron)
$(client_section nova nova)
[oslo_concurrency]
lock_path = /var/lib/neutron/lock
[oslo_messaging_notifications]
driver = noop
$(policy_section)
EOF
  service_conf /etc/neutron/plugins/ml2/ml2_conf.ini neutron <<EOF
[ml2]
type_drivers = flat,vxlan
tenant_network_types = vxlan
# binds every port; there is no data plane (see py/osbox_bind_all.py)
mechanism_drivers = osbox_bind_all
extension_drivers = port_security
[ml2_type_flat]
flat_networks = public
[ml2_type_vxlan]
vni_ranges = 1:4000
[securitygroup]
enable_security_group = true
firewall_driver = noop
EOF
}

write_cinder_config() {
  mkdir -p /var/lib/cinder/lock
  chown -R cinder:cinder /var/lib/cinder
  service_conf /etc/cinder/cinder.conf cinder <<EOF
[DEFAULT]
host = osbox
my_ip = $OSBOX_IP
state_path = /var/lib/cinder
transport_url = $RABBIT_URL
auth_strategy = keystone
osapi_volume_listen = $OSBOX_IP
enabled_backends = nodisk
glance_api_servers = http://$OSBOX_IP:9292
use_stderr = true
[database]
connection = $(db_url cinder cinder)
$(authtoken_section cinder)
$(client_section nova nova)
[oslo_concurrency]
lock_path = /var/lib/cinder/lock
[oslo_messaging_notifications]
driver = noop
[nodisk]
# volumes without storage (see py/osbox_cinder_nodisk.py)
volume_driver = osbox_cinder_nodisk.NoDiskVolumeDriver
volume_backend_name = nodisk
target_helper = fake
$(policy_section)
EOF
}

write_manila_config() {
  mkdir -p /var/lib/manila/lock
  chown -R manila:manila /var/lib/manila
  # the packaged paste pipeline (manila-common's postinst normally copies it)
  if [ ! -e /etc/manila/api-paste.ini ]; then
    install -o root -g manila -m 640 /usr/share/manila-common/api-paste.ini /etc/manila/api-paste.ini
  fi
  service_conf /etc/manila/manila.conf manila <<EOF
[DEFAULT]
host = osbox
my_ip = $OSBOX_IP
state_path = /var/lib/manila
transport_url = $RABBIT_URL
auth_strategy = keystone
api_paste_config = /etc/manila/api-paste.ini
use_stderr = true
# one backend: Manila's dummy driver answering as CephFS-native (py/osbox_manila_cephfs.py)
enabled_share_backends = cephfs
enabled_share_protocols = CEPHFS
# the type Exosphere asks for by name (Helpers.GetterSetters.defaultShareTypeName)
default_share_type = cephfsnativetype
# the share service reports every 10 s, and is "down" after 60 s without a report
report_interval = 10
periodic_interval = 30
[database]
connection = $(db_url manila manila)
$(authtoken_section manila)
[oslo_concurrency]
lock_path = /var/lib/manila/lock
[oslo_messaging_notifications]
driver = noop
[cephfs]
share_driver = osbox_manila_cephfs.CephFSDummyDriver
share_backend_name = cephfs
driver_handles_share_servers = false
# the dummy sleeps 2 s in every driver call by default, 4 s in create_share:
# half a second keeps shares visibly "creating" without slowing the tests
dummy_driver_default_driver_method_delay = 0
dummy_driver_driver_methods_delays = create_share:0.5,delete_share:0.2,update_access:0.2,extend_share:0.2
$(policy_section)
EOF
}

write_designate_config() {
  mkdir -p /var/lib/designate/lock
  chown -R designate:designate /var/lib/designate
  if [ ! -e /etc/designate/api-paste.ini ]; then
    install -o root -g designate -m 640 /usr/share/designate-common/api-paste.ini /etc/designate/api-paste.ini
  fi
  service_conf /etc/designate/designate.conf designate <<EOF
[DEFAULT]
state_path = /var/lib/designate
transport_url = $RABBIT_URL
use_stderr = true
[storage:sqlalchemy]
connection = $(db_url designate designate)
$(authtoken_section designate)
[service:api]
auth_strategy = keystone
api_base_uri = http://$OSBOX_IP:9001/
enable_api_v2 = true
enable_api_admin = true
enabled_extensions_admin = quotas
enable_host_header = false
[service:central]
workers = 1
[service:mdns]
listen = $OSBOX_IP:5354
workers = 1
[service:producer]
workers = 1
[service:worker]
workers = 1
# The pool's only nameserver is designate-mdns itself (the fake backend
# serves nothing), which answers the new serial at once. A deletion is
# never "seen" there (mdns serves the zone until Designate drops it), so no
# nameserver has to confirm a change: threshold 0, and no waiting.
threshold_percentage = 0
poll_delay = 0
poll_retry_interval = 1
poll_max_retries = 2
poll_timeout = 2
[oslo_concurrency]
lock_path = /var/lib/designate/lock
[oslo_messaging_notifications]
driver = noop
$(policy_section)
EOF
  # designate-manage pool update reads this: one pool, the fake backend
  put_file /etc/designate/pools.yaml root:designate 640 <<EOF
# exosphere-osbox: the default pool, whose backend is Designate's fake one
- name: default
  description: exosphere-osbox pool (designate.backend.impl_fake, nothing is served)
  attributes: {}
  ns_records:
    - hostname: ns1.osbox.test.
      priority: 1
  nameservers:
    - host: $OSBOX_IP
      port: 5354
  targets:
    - type: fake
      description: designate.backend.impl_fake
      masters:
        - host: $OSBOX_IP
          port: 5354
      options: {}
EOF
}

# uwsgi_ini NAME PORT WSGI_SCRIPT PROCESSES THREADS - our own small uwsgi
# setup (the packaged ones start 8+ processes of 32 threads each)
uwsgi_ini() {
  put_file "$OSBOX_GEN/$1-uwsgi.ini" root:root 644 <<EOF
[uwsgi]
plugins = python3
http-socket = $OSBOX_IP:$2
wsgi-file = $3
master = true
processes = $4
threads = $5
enable-threads = true
lazy-apps = true
die-on-term = true
no-orphans = true
buffer-size = 65535
http-auto-chunked = true
http-raw-body = true
http-chunked-input = true
wsgi-manage-chunked-input = true
add-header = Connection: close
listen = 100
chdir = /
procname-prefix-spaced = osbox-$1
EOF
}

# The tiny Python modules the services load from $OSBOX_PYLIB, plus the
# entry point that lets ML2 find the mechanism driver by name.
install_plugins() {
  : "${OSBOX_DIR:?the sourcing script sets OSBOX_DIR}"
  mkdir -p "$OSBOX_PYLIB/osbox_bind_all-1.0.dist-info"
  install -m 644 "$OSBOX_DIR/py/osbox_bind_all.py" "$OSBOX_DIR/py/osbox_cinder_nodisk.py" \
    "$OSBOX_DIR/py/osbox_manila_cephfs.py" "$OSBOX_PYLIB/"
  printf 'Metadata-Version: 2.1\nName: osbox-bind-all\nVersion: 1.0\n' \
    >"$OSBOX_PYLIB/osbox_bind_all-1.0.dist-info/METADATA"
  printf '[neutron.ml2.mechanism_drivers]\nosbox_bind_all = osbox_bind_all:BindAllMechanismDriver\n' \
    >"$OSBOX_PYLIB/osbox_bind_all-1.0.dist-info/entry_points.txt"
  chmod -R a+rX "$OSBOX_PYLIB"
}

write_all_configs() {
  write_infra_configs
  write_keystone_config
  write_glance_config
  write_placement_config
  write_nova_config
  write_neutron_config
  if [ "$OSBOX_WITH_CINDER" = 1 ]; then write_cinder_config; fi
  if [ "$OSBOX_WITH_MANILA" = 1 ]; then write_manila_config; fi
  if [ "$OSBOX_WITH_DESIGNATE" = 1 ]; then write_designate_config; fi
  uwsgi_ini keystone 5000 /usr/bin/keystone-wsgi-public 2 2
  uwsgi_ini placement 8778 /usr/bin/placement-api 1 4
  uwsgi_ini nova-api 8774 /usr/bin/nova-api-wsgi 2 1
  if [ "$OSBOX_WITH_CINDER" = 1 ]; then uwsgi_ini cinder-api 8776 /usr/bin/cinder-wsgi 1 4; fi
  if [ "$OSBOX_WITH_MANILA" = 1 ]; then uwsgi_ini manila-api 8786 /usr/bin/manila-wsgi 1 2; fi
  if [ "$OSBOX_WITH_DESIGNATE" = 1 ]; then uwsgi_ini designate-api 9001 /usr/bin/designate-api-wsgi 1 1; fi
  install_plugins
}

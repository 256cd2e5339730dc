"""ML2 mechanism driver for the exosphere-osbox test cloud.

osbox runs Neutron without any agent (no OVS, no DHCP, no L3), so no stock
mechanism driver would bind a port and Nova would fail every boot with
PortBindingFailed. This driver binds the first segment of every port as an
OVS port and marks it ACTIVE. No packet ever flows: the servers are records of
Nova's fake virt driver.

Loaded by neutron-server only, through the entry point that the osbox start
script writes next to this file (PYTHONPATH of neutron-server alone).
"""
from neutron_lib import constants
from neutron_lib.api.definitions import portbindings
from neutron_lib.plugins.ml2 import api


class BindAllMechanismDriver(api.MechanismDriver):
    """Binds any port on any segment, with no agent behind it."""

    def initialize(self):
        pass

    def bind_port(self, context):
        segments = context.segments_to_bind
        if not segments:
            return
        context.set_binding(
            segments[0][api.ID],
            portbindings.VIF_TYPE_OVS,
            {portbindings.CAP_PORT_FILTER: True},
            status=constants.PORT_STATUS_ACTIVE,
        )

/**
 * Resource-usage charts as standalone SVG (exosphere-spec §6.3), for gateways that show an instance's
 * CPU, RAM, root disk and GPU usage like the Exosphere web app: {@link
 * app.exosphere.cloudinit.console.chart.ResourceUsageChart}.
 */
package app.exosphere.cloudinit.console.chart;

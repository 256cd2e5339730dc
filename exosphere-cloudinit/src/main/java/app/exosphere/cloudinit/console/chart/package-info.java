/**
 * Resource-usage charts as standalone SVG (Exosphere's {@code Page.ServerResourceUsageCharts}), for gateways that show an instance's
 * CPU, RAM, root disk and GPU usage like the Exosphere web app: {@link
 * app.exosphere.cloudinit.console.chart.ResourceUsageChart}.
 */
package app.exosphere.cloudinit.console.chart;

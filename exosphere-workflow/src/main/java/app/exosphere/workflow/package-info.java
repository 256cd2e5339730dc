/**
 * Binder workflow sources and their contribution to an Exosphere launch.
 */
package app.exosphere.workflow;

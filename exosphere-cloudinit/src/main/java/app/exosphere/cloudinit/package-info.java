/**
 * Cloud-init user data for Exosphere-style instances.
 */
package app.exosphere.cloudinit;

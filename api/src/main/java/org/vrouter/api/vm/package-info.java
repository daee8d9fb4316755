/** Virtual machines as the management side sees them: VMs, profiles, NICs and power states. */
package org.vrouter.api.vm;
